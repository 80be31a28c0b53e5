//! Screen 1: which server to log in to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{message, text_box};
use crate::app::keys::{Command, key_for};
use crate::app::{App, ScreenId};
use crate::tr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [intro, input, feedback, examples] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(3), Constraint::Length(4), Constraint::Min(0)])
            .areas(area);
    frame.render_widget(Paragraph::new(Line::styled(tr!("instance-question"), theme.bold())), intro);
    text_box(frame, input, &app.instance.input, &tr!("instance-box"), app.overlay.is_none(), theme);
    if let Some(error) = &app.instance.error {
        message(frame, feedback, &format!("✗ {error}"), theme.error());
    } else {
        let hint = tr!("instance-hint", key = key_for(ScreenId::Instance, Command::Submit).unwrap_or_default());
        message(frame, feedback, &hint, theme.dim());
    }
    let mut lines = vec![Line::styled(tr!("instance-examples"), theme.dim()), Line::raw("  mastodon.social")];
    lines.extend(handle_example(usize::from(examples.width)));
    lines.push(Line::raw("  https://hachyderm.io/"));
    frame.render_widget(Paragraph::new(lines), examples);
}

/// The `@you@server` example with its note in a column beside it, closer where the window is
/// narrow, and on a line of its own where even that does not fit (never cut).
fn handle_example(width: usize) -> Vec<Line<'static>> {
    const HANDLE: &str = "  @you@fosstodon.org";
    let note = tr!("instance-example-handle");
    for gap in [8, 2] {
        if HANDLE.width() + gap + note.width() <= width {
            return vec![Line::raw(format!("{HANDLE}{}{note}", " ".repeat(gap)))];
        }
    }
    vec![Line::raw(HANDLE), Line::raw(format!("    {note}"))]
}
