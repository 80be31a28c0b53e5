//! A private place for everything the demo could touch (HOME, XDG_CONFIG_HOME, TMPDIR,
//! MASTOKEY_CONFIG_DIR), and the binary started in tmux inside it.

use std::path::{Path, PathBuf};

use super::BIN;
use super::browser::{Browser, BrowserScript};
use super::poll::poll;
use super::tmux::Tmux;

/// A fresh place for everything the demo could touch: HOME, XDG_CONFIG_HOME, TMPDIR and
/// MASTOKEY_CONFIG_DIR all point into it, so a demo that leaked into the real config dir would
/// leave files here.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let s = Self { dir: tempfile::tempdir().unwrap() };
        for d in [s.home(), s.xdg(), s.tmp(), s.work()] {
            std::fs::create_dir_all(d).unwrap();
        }
        s
    }
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }
    pub fn xdg(&self) -> PathBuf {
        self.dir.path().join("xdg-config")
    }
    pub fn tmp(&self) -> PathBuf {
        self.dir.path().join("tmp")
    }
    /// Where the test keeps its own files (the browser script, the code, the exit status).
    pub fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }
    /// `MASTOKEY_CONFIG_DIR` points here; the demo must not honour it.
    pub fn config_override(&self) -> PathBuf {
        self.home().join("mastokey-config")
    }
    pub fn status_file(&self) -> PathBuf {
        self.work().join("after-exit")
    }

    /// `mastokey --demo --redirect oob` in tmux at 100×30, with the curl browser approving as
    /// `username` and writing down the code.
    pub fn start(&self, name: &str, username: &str) -> (Tmux, BrowserScript) {
        let browser = Browser::code_keeper(&self.work(), username).check_consent().write();
        (self.start_with(name, "--demo --redirect oob", &browser.path), browser)
    }

    /// `mastokey ARGS` in tmux at 100×30 with this `$BROWSER`.
    pub fn start_with(&self, name: &str, args: &str, browser: &Path) -> Tmux {
        self.start_in(name, args, browser, &[], (100, 30))
    }

    /// The same with more environment (a locale, say) and a terminal size.
    pub fn start_in(&self, name: &str, args: &str, browser: &Path, more: &[(&str, &str)], size: (u16, u16)) -> Tmux {
        let command = format!("{BIN} {args}; echo \"exit=$?\" > '{}'", self.status_file().display());
        self.start_command(name, &command, browser, more, size)
    }

    /// `command` (run by sh) in tmux with this `$BROWSER`, the sandbox's variables and `more`.
    pub fn start_command(
        &self,
        name: &str,
        command: &str,
        browser: &Path,
        more: &[(&str, &str)],
        size: (u16, u16),
    ) -> Tmux {
        let env = [
            ("HOME", self.home()),
            ("XDG_CONFIG_HOME", self.xdg()),
            ("TMPDIR", self.tmp()),
            ("MASTOKEY_CONFIG_DIR", self.config_override()),
            ("BROWSER", browser.to_path_buf()),
        ];
        let env: Vec<(&str, String)> = env.iter().map(|(k, v)| (*k, v.display().to_string())).collect();
        let mut env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        env.push(("TERM", "xterm-256color"));
        env.extend_from_slice(more);
        Tmux::start(name, command, &env, size.0, size.1)
    }

    /// After the program exited: its status line.
    pub fn exit_status(&self) -> String {
        let path = self.status_file();
        poll("mastokey to exit").until(|| match std::fs::read_to_string(&path) {
            Ok(status) if status.ends_with('\n') => Ok(status.trim().to_owned()),
            Ok(status) => Err(format!("{status:?}")),
            Err(e) => Err(format!("{}: {e}", path.display())),
        })
    }

    pub fn assert_home_untouched(&self) {
        for d in [self.home(), self.xdg()] {
            let created = tree(&d);
            assert!(created.is_empty(), "the demo wrote outside its temporary directory: {created:?}");
        }
    }
}

/// Every file and directory under `dir`, for messages about what was created.
pub fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            out.push(path.clone());
            if path.is_dir() {
                out.extend(tree(&path));
            }
        }
    }
    out
}
