//! OSC 52 for real: the sequence, printed inside a tmux pane, lands in tmux's paste buffer.

use mastokey::clipboard::osc52;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server on its own socket, ignoring the user's config; killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    fn ok(&self, args: &[&str]) {
        let out = self.run(args);
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_installed() -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if std::env::split_paths(&path).any(|d| d.join("tmux").is_file()) {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "tmux is not installed");
    eprintln!("note: skipping the OSC 52 tmux test: tmux is not installed");
    false
}

#[test]
fn osc52_reaches_the_tmux_buffer() {
    if !tmux_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "https://m.example/oauth/authorize?client_id=abc&scope=read+write:statuses&state=東京";
    let seq_file = dir.path().join("seq");
    std::fs::write(&seq_file, osc52(text, Some("tmux-256color"), false)).expect("write sequence");
    let script = dir.path().join("emit.sh");
    std::fs::write(&script, format!("cat '{}'\nexec sleep 30\n", seq_file.display())).expect("write script");

    let tmux = Tmux { socket: format!("mk-osc52-{}", std::process::id()) };
    tmux.ok(&["new-session", "-d", "-s", "osc", "-x", "80", "-y", "24", "exec sleep 60"]);
    tmux.ok(&["set", "-g", "set-clipboard", "on"]);
    tmux.ok(&["new-window", "-t", "osc", &format!("sh '{}'", script.display())]);

    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let out = tmux.run(&["show-buffer"]);
        if out.status.success() {
            assert_eq!(String::from_utf8_lossy(&out.stdout), text);
            return;
        }
        assert!(Instant::now() < deadline, "no tmux buffer: {}", String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(Duration::from_millis(50));
    }
}
