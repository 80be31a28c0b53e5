//! Putting the terminal in TUI mode and back: raw mode, the alternate screen, mouse capture and
//! bracketed paste, undone on every way out (a return, a panic, a terminal that is gone).

use std::io;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::DefaultTerminal;
use ratatui::prelude::CrosstermBackend;

/// Put the terminal in TUI mode; the returned guard undoes it when dropped. A panic restores the
/// terminal too, removes what must not outlive the program ([`crate::cleanup`]), and ends the
/// whole program: a panic in a background task would otherwise leave the interface waiting for
/// a result that never comes.
pub fn init() -> io::Result<(DefaultTerminal, TerminalGuard)> {
    std::panic::set_hook(Box::new(|info| {
        restore();
        crate::cleanup::run();
        // Never a secret here: they live in `Secret`, whose Debug and Display say <redacted>.
        let _ = io::Write::write_all(&mut io::stderr(), format!("mastokey crashed: {info}\n").as_bytes());
        std::process::exit(101);
    }));
    enter()?;
    let terminal = ratatui::Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((terminal, TerminalGuard))
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Undoes [`init`] when dropped.
pub struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Back to the terminal as it was. Errors are ignored: when the terminal is gone (a closed
/// window) there is nothing left to restore, and complaining about it (ratatui's `restore`
/// prints, and printing to a closed terminal panics) would skip the cleanup that follows.
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

/// Leave the TUI for a program that needs the terminal (a text-mode browser), then come back.
pub fn suspend_for<T>(terminal: &mut DefaultTerminal, run: impl FnOnce() -> T) -> T {
    restore();
    let result = run();
    let _ = enter();
    let _ = terminal.clear();
    result
}

/// Tells when the terminal is hung up (its window closed, `tmux kill-server`, the SSH session
/// gone). A SIGHUP usually says so first, but not when the shell that started mastokey ignores
/// it (`trap "" HUP`, `nohup`): then only the terminal itself can, and crossterm does not (its
/// reader takes the end of file of a dead terminal for "no input yet" and reads again at once,
/// crossterm#793), so mastokey would spin on it forever. A hung-up terminal reports an error
/// condition (`EPOLLERR`), which this waits for without waking up for anything else.
pub struct HangUp(Option<tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>>);

impl HangUp {
    /// Watches the terminal crossterm reads: stdin, or `/dev/tty` when stdin is not one.
    /// Must be called inside the tokio runtime; without a terminal it never fires.
    pub fn watch() -> Self {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        let fd = if io::stdin().is_terminal() {
            io::stdin().as_fd().try_clone_to_owned().ok()
        } else {
            std::fs::File::open("/dev/tty").ok().map(std::os::fd::OwnedFd::from)
        };
        let interest = tokio::io::Interest::ERROR;
        // SAFETY: an `OwnedFd` is a valid descriptor that stays open, and names the same file,
        // until it is dropped with the `AsyncFd` that owns it.
        Self(fd.and_then(|fd| unsafe { tokio::io::unix::AsyncFd::register_with_interest(fd, interest) }.ok()))
    }

    /// Resolves once the terminal is gone.
    pub async fn gone(&self) {
        match &self.0 {
            Some(fd) if fd.ready(tokio::io::Interest::ERROR).await.is_ok() => {}
            _ => std::future::pending().await,
        }
    }
}
