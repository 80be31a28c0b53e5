//! The authorize URL as a QR code over the whole screen, for logging in from a phone.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::widgets::demo_banner;
use super::wrap::{wrap, wrap_all};
use crate::app::keys::{Command, key_for};
use crate::app::{App, Flow, RedirectMode, ScreenId};
use crate::tr;

/// What the QR screen must say above the code: that this is the demo, and that a phone cannot
/// use a loopback redirect.
fn qr_notes(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut notes = Vec::new();
    if app.settings.demo.is_some() {
        notes.push(Line::from(demo_banner(theme)).centered());
    }
    if app.flow().is_some_and(|f| f.mode == RedirectMode::Loopback) {
        // The switch works with the QR code shown: a paste-mode attempt's code replaces this one.
        let switch = key_for(ScreenId::Authorize, Command::SwitchRedirect).unwrap_or_default();
        let text = tr!("qr-phone-loopback", key = switch);
        notes.push(Line::styled(text, theme.warning()).centered());
    }
    notes
}

fn hint() -> String {
    let close = key_for(ScreenId::Authorize, Command::ToggleQr).unwrap_or_default();
    let back = key_for(ScreenId::Authorize, Command::Back).unwrap_or_default();
    tr!("qr-hint", back = back, key = close)
}

/// The QR code of the URL over the whole screen, or how large the terminal must be for it.
pub fn draw(frame: &mut Frame, app: &App, flow: &Flow, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let Some(qr) = flow.attempt.as_ref().and_then(|a| a.qr.as_ref()) else {
        let text = match &flow.authorize_error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
            None => Line::styled(tr!("qr-preparing"), theme.dim()),
        };
        let lines: Vec<Line> = qr_notes(app, theme).into_iter().chain([text]).collect();
        super::wrap::paragraph(frame, area, lines);
        return;
    };
    let (cols, rows) = qr.cells();
    let need_w = cols.max(40);
    let (notes, hint) = (qr_notes(app, theme), Line::styled(hint(), theme.bold()).centered());
    // Texts take more rows when narrower: the size asked for is counted at the narrowest width.
    let rows_at = |width| wrap_all(&notes, width).len() as u16 + rows + 1 + wrap(&hint, width).len() as u16;
    if area.width < need_w || area.height < rows_at(area.width) {
        let text = tr!(
            "qr-too-small",
            needed = format!("{need_w}×{}", rows_at(need_w)),
            size = format!("{}×{}", area.width, area.height),
            key = key_for(ScreenId::Authorize, Command::Back).unwrap_or_default()
        );
        let lines: Vec<Line> = notes.into_iter().chain([Line::styled(text, theme.warning())]).collect();
        super::wrap::paragraph(frame, area, lines);
        return;
    }
    let need_h = rows_at(area.width);
    let (notes, hint) = (wrap_all(&notes, area.width), wrap(&hint, area.width));
    // Notes, code and hint as one block in the middle: they can never overlap.
    let y0 = area.y + (area.height - need_h) / 2;
    let qr_top = y0 + notes.len() as u16;
    frame.render_widget(Paragraph::new(notes), Rect::new(area.x, y0, area.width, qr_top - y0));
    let x0 = area.x + (area.width - cols) / 2;
    // Dark modules stay black, light ones white, whatever the terminal's theme: a QR code is a
    // picture, and phones read dark-on-light reliably.
    let style = Style::new().fg(Color::White).bg(Color::Black);
    let buf = frame.buffer_mut();
    for row in 0..rows {
        for col in 0..cols {
            let (top, bottom) =
                (!qr.is_dark(col as usize, 2 * row as usize), !qr.is_dark(col as usize, 2 * row as usize + 1));
            // An odd number of module rows leaves the last cell's lower half outside the code:
            // it shows the terminal's background, not a dark strip.
            let (symbol, style) = if 2 * row as usize + 1 >= qr.size {
                ("▀", Style::new().fg(if top { Color::White } else { Color::Black }))
            } else {
                let symbol = match (top, bottom) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => " ",
                };
                (symbol, style)
            };
            buf[(x0 + col, qr_top + row)].set_symbol(symbol).set_style(style);
        }
    }
    let hint_area = Rect::new(area.x, qr_top + rows + 1, area.width, hint.len() as u16);
    frame.render_widget(Paragraph::new(hint), hint_area);
}
