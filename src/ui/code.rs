//! Screen 4: the box for the code, with the authorize URL below it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::authorize::url_lines;
use super::widgets::{message, text_box};
use crate::app::keys::{Command, key_for};
use crate::app::{App, Flow, ScreenId};
use crate::tr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, flow: &Flow, theme: &Theme) {
    let [intro, input, feedback, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(3), Constraint::Length(5), Constraint::Min(0)])
            .areas(area);
    let ask = match app.listening() {
        Some(_) => tr!("code-ask-automatic"),
        None => tr!("code-ask-paste"),
    };
    super::wrap::paragraph(frame, intro, vec![Line::styled(ask, theme.bold())]);
    let focused = app.overlay.is_none() && app.task.is_none();
    text_box(frame, input, &flow.code, &tr!("code-box"), focused, theme);
    match &flow.code_error {
        Some(e) => message(frame, feedback, &format!("✗ {e}"), theme.error()),
        None => message(frame, feedback, &tr!("code-hint"), theme.dim()),
    }
    if let Some(attempt) = &flow.attempt {
        let open = key_for(ScreenId::Code, Command::OpenBrowser).unwrap_or_default();
        let lines = vec![Line::styled(tr!("code-url-label", key = open), theme.dim())];
        let [label, url] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rest);
        frame.render_widget(Paragraph::new(lines), label);
        frame.render_widget(Paragraph::new(url_lines(&attempt.url, url.width)).style(theme.dim()), url);
    }
}
