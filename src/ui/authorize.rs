//! Screen 3: the authorize URL with its actions, and how the code will come back.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::Theme;
use super::wrap::keep_what_fits;
use crate::app::keys::{Command, key_for};
use crate::app::{App, Attempt, Flow, Made, ScreenId};
use crate::mastodon::oauth::OOB;
use crate::tr;

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
            None if app.busy() => Line::styled(tr!("authorize-preparing"), theme.dim()),
            None => Line::styled(tr!("authorize-none", key = retry), theme.dim()),
        };
        super::wrap::paragraph(frame, area, vec![text]);
        return;
    };
    let intro_lines = super::wrap::wrap_all(
        &[
            Line::styled(tr!("authorize-open-this"), theme.bold()),
            Line::styled(registration_note(attempt), theme.dim()),
        ],
        area.width,
    );
    // In a short terminal the side remarks give way before what the person must read.
    let mut lines = redirect_lines(app, attempt, theme);
    lines.push((2, Line::styled(tr!("authorize-scopes", scopes = attempt.scopes.join(" ")), theme.dim())));
    if attempt.code_verifier.is_some() {
        lines.push((0, Line::styled(tr!("authorize-pkce"), theme.dim())));
    }
    let after_rows: usize = lines.iter().map(|(_, line)| super::wrap::wrap(line, area.width).len()).sum();
    // The note gets the rows it needs (a failed save says why, at length), the URL box first,
    // and a blank row before the box while everything still fits with it.
    let url_box = url_height(&attempt.url, area.width).min(area.height.saturating_sub(1));
    let roomy = usize::from(area.height) > intro_lines.len() + usize::from(url_box) + after_rows;
    let intro_rows = (intro_lines.len() as u16 + u16::from(roomy)).min(area.height.saturating_sub(url_box));
    let [intro, url, after] =
        Layout::vertical([Constraint::Length(intro_rows), Constraint::Length(url_box), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(intro_lines), intro);
    url_box_widget(frame, url, attempt, theme);
    frame.render_widget(Paragraph::new(keep_what_fits(lines, after.width, after.height)), after);
}

fn registration_note(attempt: &Attempt) -> String {
    let anew = key_for(ScreenId::Authorize, Command::Reregister).unwrap_or_default();
    match &attempt.made {
        Made::Saved(created) => {
            tr!("registration-saved-earlier", date = crate::i18n::date(&crate::sanitize::clean(created)), key = anew)
        }
        Made::JustNow => tr!("registration-just-now-saving"),
        Made::JustNowSaved => tr!("registration-just-now-saved"),
        Made::JustNowUnsaved(why) => tr!("registration-just-now-unsaved", error = why),
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
                    tr!(
                        "authorize-paste-mode",
                        key = key_for(ScreenId::Authorize, Command::Submit).unwrap_or_default()
                    ),
                    theme.bold(),
                ),
            ),
            (1, Line::styled(tr!("authorize-switch-to-automatic", key = &switch), theme.dim())),
        ];
    }
    let retry = key_for(ScreenId::Authorize, Command::Retry).unwrap_or_default();
    let status = match (&attempt.listening, app.listen_seconds_left()) {
        (Some(_), Some(left)) => Line::styled(
            tr!("authorize-waiting-left", time = format!("{}:{:02}", left / 60, left % 60)),
            theme.accent(),
        ),
        (Some(_), None) => Line::styled(tr!("authorize-waiting"), theme.accent()),
        (None, _) => Line::styled(tr!("authorize-not-listening", key = retry), theme.warning()),
    };
    vec![
        (3, Line::styled(tr!("authorize-automatic-mode", uri = &attempt.redirect_uri), theme.bold())),
        (3, status),
        (1, Line::styled(tr!("authorize-switch-to-paste", key = &switch), theme.dim())),
    ]
}

pub(super) fn url_box_widget(frame: &mut Frame, area: Rect, attempt: &Attempt, theme: &Theme) {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {} ", tr!("authorize-url-title")))
        .border_style(theme.accent());
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(url_lines(&attempt.url, inner.width)).block(block), area);
}
