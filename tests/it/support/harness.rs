//! The test harness: every test registered with the tools it drives, run by libtest-mimic, so a
//! test whose tool is missing is reported as ignored (and fails when `CI` is set) instead of
//! passing without having run.

use std::collections::BTreeMap;
use std::path::PathBuf;

use libtest_mimic::{Arguments, Trial};

/// A program that tests drive for real.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tool {
    Tmux,
    Curl,
    Xvfb,
    Xclip,
    MastodonMock,
    DbusDaemon,
    DbusSend,
    GnomeKeyring,
    Libsecret,
    Chromium,
    Chromedriver,
}

impl Tool {
    /// The executable looked for on `PATH`.
    fn program(self) -> &'static str {
        match self {
            Tool::Tmux => "tmux",
            Tool::Curl => "curl",
            Tool::Xvfb => "Xvfb",
            Tool::Xclip => "xclip",
            Tool::MastodonMock => "mastodon_mock",
            Tool::DbusDaemon => "dbus-daemon",
            Tool::DbusSend => "dbus-send",
            Tool::GnomeKeyring => "gnome-keyring-daemon",
            Tool::Libsecret => "secret-tool",
            Tool::Chromium => "chromium",
            Tool::Chromedriver => "chromedriver",
        }
    }

    /// How to get it.
    fn install(self) -> &'static str {
        match self {
            Tool::Tmux => "Debian: apt-get install tmux",
            Tool::Curl => "Debian: apt-get install curl",
            Tool::Xvfb => "Debian: apt-get install xvfb",
            Tool::Xclip => "Debian: apt-get install xclip",
            Tool::MastodonMock => {
                "`pip install mastodon-mock` and set MASTODON_MOCK to its mastodon_mock executable or put it on PATH"
            }
            Tool::DbusDaemon => "Debian: apt-get install dbus-daemon",
            Tool::DbusSend => "Debian: apt-get install dbus-bin",
            Tool::GnomeKeyring => "Debian: apt-get install gnome-keyring",
            Tool::Libsecret => "Debian: apt-get install libsecret-tools",
            Tool::Chromium => "Debian: apt-get install chromium",
            Tool::Chromedriver => "Debian: apt-get install chromium-driver",
        }
    }

    fn installed(self) -> bool {
        // A MASTODON_MOCK that names no file is a mistake to report, not a reason to skip: the
        // mock's tests run and say so (`mock::executable`).
        (self == Tool::MastodonMock && std::env::var_os("MASTODON_MOCK").is_some()) || on_path(self.program()).is_some()
    }
}

/// `program` in a directory of `PATH`.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|candidate| candidate.is_file())
}

/// One test as a file registers it (with `tests!`, in main.rs).
pub struct Test {
    /// `module_path!()` of the file: `it::cli_commands`.
    pub module: &'static str,
    pub name: &'static str,
    pub needs: &'static [Tool],
    pub run: fn(),
}

impl Test {
    /// `cli_commands::token_prints_the_token_alone_and_it_works`, as the standard harness names it.
    fn full_name(&self) -> String {
        let file = self.module.split_once("::").map_or(self.module, |(_, file)| file);
        format!("{file}::{}", self.name)
    }
}

/// Runs an `async` test on a current-thread runtime with I/O and timers, as `#[tokio::test]` does.
pub fn block_on(test: impl Future<Output = ()>) {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime").block_on(test)
}

/// Runs the tests the command line selects, as the standard harness does (filters, `--exact`,
/// `--ignored`, `--include-ignored`, `--test-threads`, `--list`), and exits.
///
/// A test that needs a tool that is not installed is marked ignored and the tool is named on
/// stderr, unless `CI` is set: CI installs every tool, so there the test runs and fails saying
/// which one is missing. Run anyway (`--include-ignored`), it fails the same way.
pub fn main(files: &[&[Test]]) -> ! {
    let mut args = Arguments::from_args();
    // The standard harness reads this too.
    if args.test_threads.is_none() {
        args.test_threads = std::env::var("RUST_TEST_THREADS").ok().and_then(|n| n.parse().ok());
    }
    let ci = std::env::var_os("CI").is_some();
    let mut installed = BTreeMap::new();
    let mut ignored_for: BTreeMap<Tool, usize> = BTreeMap::new();
    let mut trials = Vec::new();
    for test in files.iter().copied().flatten() {
        let missing: Vec<Tool> = test
            .needs
            .iter()
            .copied()
            .filter(|&tool| !*installed.entry(tool).or_insert_with(|| tool.installed()))
            .collect();
        let run = test.run;
        let why = missing_message(&missing, ci);
        let trial = Trial::test(test.full_name(), move || match why {
            Some(why) => Err(why.into()),
            None => {
                run();
                Ok(())
            }
        })
        .with_ignored_flag(!missing.is_empty() && !ci);
        if trial.has_ignored_flag() && args.is_ignored(&trial) && !args.is_filtered_out(&trial) {
            for &tool in &missing {
                *ignored_for.entry(tool).or_default() += 1;
            }
        }
        trials.push(trial);
    }
    if !args.list {
        for (tool, count) in ignored_for {
            let tests = if count == 1 { "test that needs it is" } else { "tests that need it are" };
            eprintln!("note: {} not installed ({}): {count} {tests} ignored", tool.program(), tool.install());
        }
    }
    libtest_mimic::run(&args, trials).exit()
}

/// Why a test with these tools missing cannot run; `None` when none is.
fn missing_message(missing: &[Tool], ci: bool) -> Option<String> {
    let (first, rest) = missing.split_first()?;
    let names = rest.iter().fold(first.program().to_owned(), |names, tool| format!("{names}, {}", tool.program()));
    let how: Vec<&str> = missing.iter().map(|tool| tool.install()).collect();
    let context = if ci { "required in CI (.ci/run installs it)" } else { "not installed" };
    Some(format!("{names} {context}; {}", how.join("; ")))
}
