//! Opening the authorize URL in a browser: `$BROWSER` first, else the desktop's opener.
//!
//! A text-mode browser (lynx, w3m) takes over the terminal, so the caller must leave the
//! alternate screen and wait for it; a GUI browser is started in the background with its output
//! discarded, so it cannot draw over the TUI.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One way to open the URL. Try them in order until one works.
#[derive(Debug)]
pub enum Launch {
    /// A text-mode browser: run it in the terminal (after leaving the alternate screen) and wait.
    Foreground(Command),
    /// A GUI browser or an opener such as `xdg-open`: see [`spawn_background`].
    Background(Command),
}

impl Launch {
    #[cfg(test)]
    pub fn command(&self) -> &Command {
        match self {
            Launch::Foreground(c) | Launch::Background(c) => c,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BrowserError {
    #[error("{}", crate::tr!("browser-none"))]
    NoBrowser,
    #[error("{}", crate::tr!("browser-failed", command = command, detail = detail))]
    Failed { command: String, detail: String },
}

/// Browsers that draw in the terminal they are started from.
const TEXT_BROWSERS: &[&str] = &["lynx", "w3m", "links", "links2", "elinks", "browsh", "www-browser", "carbonyl"];

/// How long a background opener gets to fail before it counts as started.
const SETTLE: Duration = Duration::from_millis(1500);

/// The ways to open `url`, best first. `browser_env` is `$BROWSER`: a colon-separated list of
/// commands, where `%s` stands for the URL (else the URL is the last argument). Without it, the
/// desktop opener (`xdg-open`, `sensible-browser`; `open` on macOS) when there is a display.
pub fn plan(url: &str, browser_env: Option<&str>) -> Vec<Launch> {
    let display = cfg!(target_os = "macos")
        || ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
    plan_with(url, browser_env, display, std::env::var_os("PATH").as_deref())
}

/// Whether any browser can be opened here at all.
pub fn can_open() -> bool {
    !plan("http://127.0.0.1/", std::env::var("BROWSER").ok().as_deref()).is_empty()
}

fn plan_with(url: &str, browser_env: Option<&str>, display: bool, path: Option<&OsStr>) -> Vec<Launch> {
    if let Some(list) = browser_env.filter(|b| !b.trim().is_empty()) {
        return list.split(':').filter_map(|entry| from_browser_entry(entry, url)).collect();
    }
    if !display {
        return Vec::new();
    }
    let openers: &[&str] = if cfg!(target_os = "macos") { &["open"] } else { &["xdg-open", "sensible-browser"] };
    openers
        .iter()
        .filter(|name| find_in_path(name, path))
        .map(|name| {
            let mut command = Command::new(name);
            command.arg(url);
            Launch::Background(command)
        })
        .collect()
}

/// One `$BROWSER` entry, split on whitespace (no shell quoting, as other programs do it).
fn from_browser_entry(entry: &str, url: &str) -> Option<Launch> {
    let mut words = entry.split_whitespace();
    let program = words.next()?;
    let mut args: Vec<String> = words.map(str::to_owned).collect();
    let mut placed = false;
    for arg in &mut args {
        if arg.contains("%s") {
            *arg = arg.replace("%s", url);
            placed = true;
        }
        *arg = arg.replace("%%", "%");
    }
    if !placed {
        args.push(url.to_owned());
    }
    let mut command = Command::new(program);
    command.args(&args);
    let name = Path::new(program).file_name().and_then(OsStr::to_str).unwrap_or(program);
    Some(if TEXT_BROWSERS.contains(&name) { Launch::Foreground(command) } else { Launch::Background(command) })
}

fn find_in_path(name: &str, path: Option<&OsStr>) -> bool {
    path.is_some_and(|p| std::env::split_paths(p).any(|dir| dir.join(name).is_file()))
}

/// Starts a background browser with no terminal I/O. An opener that fails (xdg-open with no
/// browser configured) exits within moments, so give it 1.5 s to do so; one that keeps
/// running or exits 0 has started.
pub fn spawn_background(mut command: Command) -> Result<(), BrowserError> {
    let name = program_name(&command);
    command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    // Its own process group: keys like Ctrl-C in the terminal are not its business.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child =
        command.spawn().map_err(|e| BrowserError::Failed { command: name.clone(), detail: e.to_string() })?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(BrowserError::Failed { command: name, detail: exit_detail(status) });
            }
            Ok(None) if start.elapsed() >= SETTLE => break,
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => {
                return Err(BrowserError::Failed { command: name, detail: e.to_string() });
            }
        }
    }
    // Still running: a browser that stays open. Reap it whenever it exits, so it does not
    // linger as a zombie.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Runs a text-mode browser on the terminal and waits for it. The caller has left the
/// alternate screen and raw mode before, and restores them after.
pub fn run_foreground(mut command: Command) -> Result<(), BrowserError> {
    let name = program_name(&command);
    let status = command.status().map_err(|e| BrowserError::Failed { command: name.clone(), detail: e.to_string() })?;
    if status.success() { Ok(()) } else { Err(BrowserError::Failed { command: name, detail: exit_detail(status) }) }
}

fn exit_detail(status: std::process::ExitStatus) -> String {
    match status.code() {
        Some(code) => crate::tr!("browser-exit-code", code = code),
        None => crate::tr!("browser-stopped", status = status.to_string()),
    }
}

/// The program alone (not the arguments), for messages.
fn program_name(command: &Command) -> String {
    command.get_program().to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://m.example/oauth/authorize?client_id=a&scope=read+write";

    fn shape(launches: &[Launch]) -> Vec<(bool, String, Vec<String>)> {
        launches
            .iter()
            .map(|l| {
                let c = l.command();
                let args = c.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
                (matches!(l, Launch::Foreground(_)), program_name(c), args)
            })
            .collect()
    }

    #[test]
    fn browser_with_placeholder_and_list() {
        let plan = plan_with(URL, Some("firefox --new-tab %s:: w3m -o x=%%1 :/opt/b/chromium"), false, None);
        assert_eq!(
            shape(&plan),
            [
                (false, "firefox".into(), vec!["--new-tab".into(), URL.into()]),
                (true, "w3m".into(), vec!["-o".into(), "x=%1".into(), URL.into()]),
                (false, "/opt/b/chromium".into(), vec![URL.into()]),
            ]
        );
    }

    #[test]
    fn text_browsers_run_in_the_foreground() {
        for b in ["lynx", "/usr/bin/lynx -accept_all_cookies", "elinks", "www-browser"] {
            let plan = plan_with(URL, Some(b), true, None);
            assert!(matches!(plan.as_slice(), [Launch::Foreground(_)]), "{b}");
        }
        assert!(matches!(plan_with(URL, Some("chromium"), false, None).as_slice(), [Launch::Background(_)]));
    }

    /// What the runner does: the first launch that starts.
    fn open_planned(launches: Vec<Launch>) -> Result<(), BrowserError> {
        let mut last = BrowserError::NoBrowser;
        for launch in launches {
            if let Launch::Background(command) = launch {
                match spawn_background(command) {
                    Ok(()) => return Ok(()),
                    Err(e) => last = e,
                }
            }
        }
        Err(last)
    }

    #[test]
    fn without_browser_or_display_there_is_nothing() {
        let path = std::env::var_os("PATH");
        assert!(plan_with(URL, None, false, path.as_deref()).is_empty());
        assert!(plan_with(URL, Some("  "), false, path.as_deref()).is_empty());
        assert!(matches!(open_planned(Vec::new()), Err(BrowserError::NoBrowser)));
    }

    #[test]
    fn with_a_display_openers_come_from_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("xdg-open"), "").unwrap();
        let plan = plan_with(URL, None, true, Some(dir.path().as_os_str()));
        assert_eq!(shape(&plan), [(false, "xdg-open".into(), vec![URL.into()])]);
        assert!(plan_with(URL, None, true, None).is_empty());
    }

    #[test]
    fn a_real_browser_script_receives_the_url() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("opened");
        let script = dir.path().join("browser.sh");
        std::fs::write(&script, format!("printf '%s' \"$1\" > '{}'\n", out.display())).unwrap();
        // `sh script` rather than running the script itself: no exec of a just-written file.
        let env = format!("/nonexistent/browser:sh {} %s", script.display());
        let started = open_planned(plan_with(URL, Some(&env), false, None));
        assert!(started.is_ok(), "{started:?}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), URL);
    }

    #[test]
    fn a_failing_browser_is_reported() {
        let err = spawn_background({
            let mut c = Command::new("sh");
            c.args(["-c", "exit 3"]);
            c
        })
        .unwrap_err();
        let BrowserError::Failed { command, detail } = &err else { panic!("{err:?}") };
        assert_eq!(command, "sh");
        assert!(detail.contains('3'), "{detail}");
        assert!(err.to_string().starts_with("The browser (sh) could not be started"));
        let missing = open_planned(plan_with(URL, Some("/nonexistent/browser"), false, None)).unwrap_err();
        assert!(matches!(missing, BrowserError::Failed { .. }));
    }

    #[test]
    fn a_browser_that_stays_open_counts_as_started() {
        let mut c = Command::new("sleep");
        c.arg("2");
        let t = Instant::now();
        assert!(spawn_background(c).is_ok());
        assert!(t.elapsed() < Duration::from_secs(3));
    }
}
