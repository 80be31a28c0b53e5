//! The system clipboard for real: copy on a private Xvfb display, read back with `xclip`.

use mastokey::clipboard::{Clipboard, CopyMethod};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::support::poll::poll;

tests! {
    copies_to_x11_and_falls_back_to_osc52_without_a_display needs [Xvfb, Xclip],
}

/// A private X server, killed on drop.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Xvfb {
        let base = 97 + std::process::id() % 300;
        for n in (base..base + 50).filter(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        }) {
            let mut child = Command::new("Xvfb")
                .args([&format!(":{n}"), "-nolisten", "tcp", "-screen", "0", "320x240x24"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start Xvfb");
            let socket = format!("/tmp/.X11-unix/X{n}");
            let up = poll(format!("Xvfb's socket {socket}")).within(Duration::from_secs(10)).try_until(|| {
                if Path::new(&socket).exists() {
                    return Ok(true);
                }
                // Exited: most likely another server took this number meanwhile.
                if child.try_wait().ok().flatten().is_some() {
                    return Ok(false);
                }
                Err(())
            });
            if up == Ok(true) {
                return Xvfb { child, display: format!(":{n}") };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("could not start Xvfb on any display from :{base}");
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        // SIGTERM first: Xvfb then removes its socket and lock file, SIGKILL would leave them.
        let _ = Command::new("kill").arg(self.child.id().to_string()).status();
        let exited = poll("Xvfb to exit")
            .within(Duration::from_secs(3))
            .every(Duration::from_millis(20))
            .try_until(|| if self.child.try_wait().ok().flatten().is_some() { Ok(()) } else { Err(()) });
        if exited.is_ok() {
            return;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn xclip_out(display: &str) -> Option<String> {
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .env("DISPLAY", display)
        .stdin(Stdio::null())
        .output()
        .expect("run xclip");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Names the step a child process runs (see [`child_step`]).
const STEP: &str = "MASTOKEY_TEST_CLIPBOARD_STEP";

/// The copies run in child processes (this test binary again), each started with the DISPLAY it
/// needs: changing the environment of a process whose other threads may read it is unsound.
fn copies_to_x11_and_falls_back_to_osc52_without_a_display() {
    run_step("no-display", None);
    let x = Xvfb::start();
    run_step("x11", Some(&x.display));
}

/// Runs this binary again as the child that takes `step`, with only this DISPLAY.
fn run_step(step: &str, display: Option<&str>) {
    let mut command = Command::new(std::env::current_exe().expect("path of this test binary"));
    command.env(STEP, step).env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    let out = command.stdin(Stdio::null()).output().expect("run the clipboard step");
    assert!(
        out.status.success(),
        "the {step} step failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// In a child started by [`run_step`]: runs its step and returns `true`; elsewhere `false`.
pub fn child_step() -> bool {
    let Some(step) = std::env::var_os(STEP) else { return false };
    match step.to_str() {
        Some("no-display") => no_display(),
        Some("x11") => x11(&std::env::var("DISPLAY").expect("DISPLAY")),
        _ => panic!("unknown clipboard step {step:?}"),
    }
    true
}

fn no_display() {
    let mut no_display = Clipboard::new();
    let mut terminal = Vec::new();
    let method = no_display.copy("hello", &mut terminal).expect("OSC 52 fallback");
    assert!(matches!(method, CopyMethod::Osc52 { .. }), "{method:?}");
    assert!(String::from_utf8_lossy(&terminal).contains("]52;c;aGVsbG8="));
}

fn x11(display: &str) {
    let text = "https://m.example/oauth/authorize?client_id=abc&state=xyz 東京 🌸";
    let mut clipboard = Clipboard::new();
    let mut terminal = Vec::new();
    let method = clipboard.copy(text, &mut terminal).expect("copy");
    assert_eq!(method, CopyMethod::System);
    assert!(terminal.is_empty(), "nothing written to the terminal");
    assert_eq!(xclip_out(display).as_deref(), Some(text));

    // The same clipboard serves a second copy.
    clipboard.copy("second", &mut terminal).expect("copy again");
    assert_eq!(xclip_out(display).as_deref(), Some("second"));

    // What the design relies on: the text lives only as long as its owner.
    drop(clipboard);
    assert_ne!(xclip_out(display).as_deref(), Some("second"));
}
