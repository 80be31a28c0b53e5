//! Screen 4: the box for the code, with the authorize URL below it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::authorize::url_lines;
use super::widgets::text_box;
use crate::app::keys::{Command, key_for};
use crate::app::{App, Flow, ScreenId};
use crate::tr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, flow: &Flow, theme: &Theme) {
    let feedback_text = match &flow.code_error {
        Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
        None => Line::styled(tr!("code-hint"), theme.dim()),
    };
    // The message gets the rows it needs; the URL below takes the rest.
    let feedback_rows = super::wrap::wrap(&feedback_text, area.width).len() as u16 + 1;
    let [intro, input, feedback, rest] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Length(feedback_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    let ask = match app.listening() {
        Some(_) => tr!("code-ask-automatic"),
        None => tr!("code-ask-paste"),
    };
    super::wrap::paragraph(frame, intro, vec![Line::styled(ask, theme.bold())]);
    let focused = app.overlay.is_none() && app.task.is_none();
    text_box(frame, input, &flow.code, &tr!("code-box"), focused, theme);
    super::wrap::paragraph(frame, feedback, vec![feedback_text]);
    if let Some(attempt) = &flow.attempt {
        let open = key_for(ScreenId::Code, Command::OpenBrowser);
        let [label, url] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rest);
        let mut rows = url_lines(&attempt.url, url.width);
        let back = key_for(ScreenId::Code, Command::Back).unwrap_or_default();
        let cut = Line::styled(format!("… {}", tr!("code-url-cut", key = back)), theme.accent());
        // No row left for it at all: the label's row says where the whole URL is instead.
        let label_text = match open {
            Some(key) if app.available(Command::OpenBrowser) => tr!("code-url-label", key = key),
            _ => tr!("code-url-label-plain"),
        };
        let label_line = if url.height == 0 { cut.clone() } else { Line::styled(label_text, theme.dim()) };
        frame.render_widget(Paragraph::new(label_line), label);
        // Too long for the rows left: cut where the eye sees it, saying where the whole URL is.
        if rows.len() > usize::from(url.height) && url.height > 0 {
            rows.truncate(usize::from(url.height) - 1);
            rows.push(cut);
        }
        frame.render_widget(Paragraph::new(rows).style(theme.dim()), url);
    }
}
