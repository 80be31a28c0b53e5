//! Screen 1: which server to log in to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::widgets::{message, text_box};
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [intro, input, feedback, examples] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(3), Constraint::Length(4), Constraint::Min(0)])
            .areas(area);
    frame.render_widget(Paragraph::new(Line::styled("Which server is your account on?", theme.bold())), intro);
    text_box(frame, input, &app.instance.input, "Server", app.overlay.is_none(), theme);
    if let Some(error) = &app.instance.error {
        frame.render_widget(message(&format!("✗ {error}"), theme.error()), feedback);
    } else {
        frame.render_widget(
            message("Type a domain and press Enter. Your password is never typed here: you log in on the server's own page.", theme.dim()),
            feedback,
        );
    }
    let lines = vec![
        Line::styled("Examples", theme.dim()),
        Line::raw("  mastodon.social"),
        Line::raw("  @you@fosstodon.org        (your handle works too)"),
        Line::raw("  https://hachyderm.io/"),
    ];
    frame.render_widget(Paragraph::new(lines), examples);
}
