//! Screen 3: the authorize URL with its actions, and how the code will come back.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::Theme;
use super::wrap::keep_what_fits;
use crate::app::keys::{Command, key_for};
use crate::app::{App, Attempt, Flow, Made, ScreenId};
use crate::mastodon::oauth::OOB;

/// The URL cut into lines of the box's width: never truncated, and no word-wrapping surprises.
pub(super) fn url_lines(url: &str, width: u16) -> Vec<Line<'static>> {
    let width = width.max(1) as usize;
    let chars: Vec<char> = url.chars().collect();
    chars.chunks(width).map(|c| Line::raw(c.iter().collect::<String>())).collect()
}

fn url_height(url: &str, width: u16) -> u16 {
    (url.chars().count().div_ceil(width.saturating_sub(2).max(1) as usize) as u16).max(1) + 2
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, flow: &Flow, theme: &Theme) {
    let Some(attempt) = &flow.attempt else {
        let retry = key_for(ScreenId::Authorize, Command::Retry).unwrap_or_default();
        let text = match &flow.authorize_error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
            None if app.busy() => Line::styled("Preparing the authorize URL…", theme.dim()),
            None => Line::styled(format!("No authorize URL yet: press {retry} to prepare one."), theme.dim()),
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    };
    let url_box = url_height(&attempt.url, area.width).min(area.height.saturating_sub(3));
    let [intro, url, after] =
        Layout::vertical([Constraint::Length(3), Constraint::Length(url_box), Constraint::Min(0)]).areas(area);
    let intro_lines = vec![
        Line::styled("Open this address in a browser and approve mastokey:", theme.bold()),
        Line::styled(registration_note(attempt), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(intro_lines).wrap(Wrap { trim: true }), intro);
    url_box_widget(frame, url, attempt, theme);
    // In a short terminal the side remarks give way before what the person must read.
    let mut lines = redirect_lines(app, attempt, theme);
    lines.push((2, Line::styled(format!("Scopes: {}", attempt.scopes.join(" ")), theme.dim())));
    if attempt.code_verifier.is_some() {
        lines.push((0, Line::styled("Protected with PKCE (S256) and a fresh state.", theme.dim())));
    }
    frame.render_widget(Paragraph::new(keep_what_fits(lines, after.width, after.height)), after);
}

fn registration_note(attempt: &Attempt) -> String {
    let anew = key_for(ScreenId::Authorize, Command::Reregister).unwrap_or_default();
    match &attempt.made {
        Made::Saved(created) => format!(
            "Using mastokey's saved registration from {} ({anew} registers anew).",
            crate::sanitize::clean(created.get(..10).unwrap_or("earlier"))
        ),
        Made::JustNow => "mastokey was registered with this server just now; saving the registration…".to_owned(),
        Made::JustNowSaved => "mastokey was registered with this server just now (saved for next time).".to_owned(),
        Made::JustNowUnsaved(why) => format!(
            "mastokey was registered with this server just now, but the registration could not be saved yet ({why}); it is saved with the login."
        ),
    }
}

/// Which way the code comes back, and for loopback how long mastokey keeps waiting; each line
/// with its priority (the `m` remark is the first to go: the footer has `m` too).
fn redirect_lines(app: &App, attempt: &Attempt, theme: &Theme) -> Vec<(u8, Line<'static>)> {
    let switch = key_for(ScreenId::Authorize, Command::SwitchRedirect).unwrap_or_default();
    if attempt.redirect_uri == OOB {
        return vec![
            (
                3,
                Line::styled(
                    format!(
                        "Paste mode: after you approve, the server shows a code; press {} and paste it.",
                        key_for(ScreenId::Authorize, Command::Submit).unwrap_or_default()
                    ),
                    theme.bold(),
                ),
            ),
            (
                1,
                Line::styled(
                    format!("({switch}: let the browser hand the code back automatically instead)"),
                    theme.dim(),
                ),
            ),
        ];
    }
    let retry = key_for(ScreenId::Authorize, Command::Retry).unwrap_or_default();
    let status = match (&attempt.listening, app.listen_seconds_left()) {
        (Some(_), Some(left)) => {
            Line::styled(format!("Waiting for your browser… {}:{:02} left", left / 60, left % 60), theme.accent())
        }
        (Some(_), None) => Line::styled("Waiting for your browser…", theme.accent()),
        (None, _) => Line::styled(
            format!("No longer listening for the browser ({retry} starts a new attempt)."),
            theme.warning(),
        ),
    };
    vec![
        (
            3,
            Line::styled(
                format!(
                    "Automatic mode: after you approve, the browser returns the code to mastokey at {}.",
                    attempt.redirect_uri
                ),
                theme.bold(),
            ),
        ),
        (3, status),
        (
            1,
            Line::styled(
                format!("({switch}: paste the code instead, e.g. when the browser is on another device)"),
                theme.dim(),
            ),
        ),
    ]
}

pub(super) fn url_box_widget(frame: &mut Frame, area: Rect, attempt: &Attempt, theme: &Theme) {
    let block =
        Block::bordered().border_type(BorderType::Rounded).title(" Authorize URL ").border_style(theme.accent());
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(url_lines(&attempt.url, inner.width)).block(block), area);
}
