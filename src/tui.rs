//! The event loop: terminal events, task results, signals and (only while something animates) a
//! tick, each turned into an `Action` and fed to `update`; the effects go to the runner, and the
//! screen is redrawn only after something happened.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::event::{Event, EventStream, KeyEventKind, MouseButton, MouseEventKind};
use futures::StreamExt;
use ratatui::DefaultTerminal;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::{Interval, MissedTickBehavior, interval};

use crate::app::{self, Action, App, Effect};
use crate::effects::Runner;
use crate::ui::{self, HitMap};

/// How the interface ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The person quit (q, ctrl-c, esc on the first screen).
    Quit,
    /// A signal asked the program to end (its number, for the exit status 128 + n).
    Signal(i32),
    /// The terminal went away (its window closed): nothing left to draw on or read from.
    TerminalGone,
}

pub async fn run(
    terminal: &mut DefaultTerminal,
    mut app: App,
    initial: Vec<Effect>,
    mut runner: Runner,
    mut results: UnboundedReceiver<Action>,
) -> io::Result<(App, Ended)> {
    let mut signals = Signals::new()?;
    let mut events = EventStream::new();
    let hang_up = crate::terminal::HangUp::watch();
    let mut tick: Option<(Duration, Interval)> = None;
    let mut hits = HitMap::default();
    let mut pending = initial;
    let mut redraw = true;
    let ended = loop {
        let quit = pending.contains(&Effect::Quit);
        for effect in std::mem::take(&mut pending) {
            runner.run(effect, terminal);
        }
        if quit {
            break Ended::Quit;
        }
        // Time passes only while something animates or counts down.
        match (app.tick_interval(), &tick) {
            (Some(every), Some((current, _))) if every == *current => {}
            (Some(every), _) => tick = Some((every, ticker(every))),
            (None, _) => tick = None,
        }
        if redraw {
            match ui::draw_settled(terminal, &mut app) {
                Ok(drawn) => hits = drawn,
                Err(_) => break Ended::TerminalGone,
            }
        }
        let action = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => translate(event, &hits),
                // Reading the terminal fails only once it is gone.
                Some(Err(_)) | None => break Ended::TerminalGone,
            },
            Some(action) = results.recv() => Some(action),
            _ = next_tick(&mut tick), if tick.is_some() => Some(Action::Tick(std::time::Instant::now())),
            signal = signals.next() => break Ended::Signal(signal),
            () = hang_up.gone() => break Ended::TerminalGone,
        };
        // A mouse move, a key release or a key that does nothing here: no redraw.
        redraw = false;
        if let Some(action) = action {
            let (effects, changed) = app::handle(&mut app, action);
            redraw = changed;
            pending.extend(effects);
        }
    };
    runner.abort_all();
    runner.finish_store_work().await;
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

/// Terminal events to actions; key releases, mouse moves and unknown events are dropped.
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
