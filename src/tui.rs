//! The async event loop: terminal events, task results and (only while something animates) a
//! spinner tick, each turned into an `Action`, fed to `update`, and the screen redrawn.

use std::collections::HashMap;
use std::io::{self, Write};
use std::time::Duration;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, EventStream,
    KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use futures::StreamExt;
use ratatui::DefaultTerminal;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio::task::JoinHandle;
use tokio::time::{Interval, MissedTickBehavior, interval};

use crate::app::{self, Action, App, Effect, TaskId};
use crate::effects::Runner;
use crate::ui::{self, HitMap};

/// Put the terminal in TUI mode; the returned guard undoes it on every exit, panics included
/// (ratatui's own hook restores raw mode and the alternate screen; ours adds mouse and paste).
pub fn init() -> io::Result<(DefaultTerminal, TerminalGuard)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
        // A panic in a background task would otherwise leave the interface running on a
        // restored terminal, waiting for a result that never comes: end the whole program.
        std::process::exit(101);
    }));
    let terminal = ratatui::init();
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    Ok((terminal, TerminalGuard))
}

pub struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Leave the TUI for a program that needs the terminal (a text-mode browser), then come back.
pub fn suspend_for<T>(terminal: &mut DefaultTerminal, run: impl FnOnce() -> T) -> T {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let result = run();
    *terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let _ = terminal.clear();
    result
}

/// How the interface ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The person quit (q, ctrl-c, esc on the first screen).
    Quit,
    /// A signal asked the program to end (its number, for the exit status 128 + n).
    Signal(i32),
}

pub async fn run(
    terminal: &mut DefaultTerminal,
    mut app: App,
    initial: Vec<Effect>,
    mut runner: Runner,
) -> io::Result<(App, Ended)> {
    let (tx, mut rx) = unbounded_channel::<Action>();
    let mut signals = Signals::new()?;
    let mut ended = Ended::Quit;
    let mut events = EventStream::new();
    let mut tick: Option<(Duration, Interval)> = None;
    let mut tasks: HashMap<TaskId, JoinHandle<()>> = HashMap::new();
    let mut hits = HitMap::default();
    let mut pending = initial;
    loop {
        for effect in std::mem::take(&mut pending) {
            match effect {
                Effect::Cancel(id) => {
                    if let Some(handle) = tasks.remove(&id) {
                        handle.abort();
                    }
                }
                Effect::OpenBrowser(url) => {
                    if let Some(result) = runner.open_browser(&url, terminal, tx.clone()) {
                        pending.extend(app::update(&mut app, Action::BrowserOpened(result)));
                    }
                }
                Effect::Quit => {}
                other => {
                    if let Some((id, handle)) = runner.spawn(other, tx.clone()) {
                        tasks.insert(id, handle);
                    }
                }
            }
        }
        if app.quit {
            break;
        }
        tasks.retain(|_, h| !h.is_finished());
        // Time passes only while something animates or counts down.
        match (app.tick_interval(), &tick) {
            (Some(every), Some((current, _))) if every == *current => {}
            (Some(every), _) => tick = Some((every, ticker(every))),
            (None, _) => tick = None,
        }
        terminal.draw(|frame| hits = ui::draw(frame, &app))?;
        let action = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => translate(event, &hits),
                Some(Err(e)) => return Err(e),
                None => break,
            },
            Some(action) = rx.recv() => Some(action),
            _ = next_tick(&mut tick), if tick.is_some() => Some(Action::Tick(std::time::Instant::now())),
            signal = signals.next() => {
                ended = Ended::Signal(signal);
                break;
            }
        };
        if let Some(action) = action {
            pending.extend(app::update(&mut app, action));
        }
    }
    for (_, handle) in tasks {
        handle.abort();
    }
    // After a hang-up the terminal is gone: failing to flush to it is no error of ours.
    let flushed = io::stdout().flush();
    if ended == Ended::Quit {
        flushed?;
    }
    Ok((app, ended))
}

/// The signals that ask a program to end: from `kill` (TERM), a closed terminal or SSH session
/// (HUP), and ctrl-c while the terminal is not in raw mode (INT). Each ends the loop like `q`,
/// so the terminal is restored and the demo's directory removed.
struct Signals {
    term: tokio::signal::unix::Signal,
    hangup: tokio::signal::unix::Signal,
    interrupt: tokio::signal::unix::Signal,
}

impl Signals {
    fn new() -> io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Self {
            term: signal(SignalKind::terminate())?,
            hangup: signal(SignalKind::hangup())?,
            interrupt: signal(SignalKind::interrupt())?,
        })
    }

    async fn next(&mut self) -> i32 {
        tokio::select! {
            _ = self.term.recv() => 15,
            _ = self.hangup.recv() => 1,
            _ = self.interrupt.recv() => 2,
        }
    }
}

fn ticker(every: Duration) -> Interval {
    let mut i = interval(every);
    i.set_missed_tick_behavior(MissedTickBehavior::Skip);
    i
}

async fn next_tick(tick: &mut Option<(Duration, Interval)>) {
    match tick {
        Some((_, i)) => {
            i.tick().await;
        }
        None => std::future::pending().await,
    }
}

/// Terminal events to actions; key releases and unknown events are dropped.
fn translate(event: Event, hits: &HitMap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(Action::Key(key)),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(..) => Some(Action::Resize),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => hits.target_at(m.column, m.row).map(Action::Click),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-1)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(1)),
            _ => None,
        },
        _ => None,
    }
}

/// Send a task's result back to the loop; a closed channel means the app is quitting.
pub fn report(tx: &UnboundedSender<Action>, action: Action) {
    let _ = tx.send(action);
}
