//! Screen 1: which server to log in to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

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
    let lines = vec![
        Line::styled(tr!("instance-examples"), theme.dim()),
        Line::raw("  mastodon.social"),
        Line::raw(format!("  @you@fosstodon.org        {}", tr!("instance-example-handle"))),
        Line::raw("  https://hachyderm.io/"),
    ];
    frame.render_widget(Paragraph::new(lines), examples);
}
