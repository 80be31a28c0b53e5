//! OSC 52 for real: the sequence, printed inside a tmux pane, lands in tmux's paste buffer.

use mastokey::clipboard::osc52;
use std::time::Duration;

use crate::support::poll::poll;
use crate::support::tmux::Tmux;

tests! {
    osc52_reaches_the_tmux_buffer needs [Tmux],
}

fn osc52_reaches_the_tmux_buffer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "https://m.example/oauth/authorize?client_id=abc&scope=read+write:statuses&state=東京";
    let seq_file = dir.path().join("seq");
    std::fs::write(&seq_file, osc52(text, Some("tmux-256color"), false)).expect("write sequence");
    let script = dir.path().join("emit.sh");
    std::fs::write(&script, format!("cat '{}'\nexec sleep 30\n", seq_file.display())).expect("write script");

    let tmux = Tmux::start("osc52-buffer", "exec sleep 60", &[], 80, 24);
    let ok = |args: &[&str]| {
        let out = tmux.tmux(args);
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    ok(&["set", "-g", "set-clipboard", "on"]);
    ok(&["new-window", "-t", "0:", &format!("sh '{}'", script.display())]);

    let buffer = poll("a tmux buffer").within(Duration::from_secs(10)).until(|| {
        let out = tmux.tmux(&["show-buffer"]);
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        if out.status.success() { Ok(text(&out.stdout)) } else { Err(text(&out.stderr)) }
    });
    assert_eq!(buffer, text);
}
