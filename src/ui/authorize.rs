//! Screens 3 and 4: the authorize URL with its actions, and the box for the code.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::{demo_banner, message, text_box};
use super::wrap::{keep_what_fits, wrap, wrap_all};
use crate::app::{App, Attempt, RedirectMode};
use crate::mastodon::oauth::OOB;
use crate::qr::QrMatrix;

/// The URL cut into lines of the box's width: never truncated, and no word-wrapping surprises.
fn url_lines(url: &str, width: u16) -> Vec<Line<'static>> {
    let width = width.max(1) as usize;
    let chars: Vec<char> = url.chars().collect();
    chars.chunks(width).map(|c| Line::raw(c.iter().collect::<String>())).collect()
}

fn url_height(url: &str, width: u16) -> u16 {
    (url.chars().count().div_ceil(width.saturating_sub(2).max(1) as usize) as u16).max(1) + 2
}

pub fn draw_authorize(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(flow) = &app.flow else { return };
    let Some(attempt) = &flow.attempt else {
        let text = match &flow.authorize_error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
            None if app.busy() => Line::styled("Preparing the authorize URL…", theme.dim()),
            None => Line::styled("No authorize URL yet: press r to prepare one.", theme.dim()),
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
    if attempt.reused {
        format!(
            "Using mastokey's saved registration from {} (R registers anew).",
            attempt.registration.created_at.get(..10).unwrap_or("earlier")
        )
    } else {
        "mastokey was registered with this server just now (saved for next time).".to_owned()
    }
}

/// Which way the code comes back, and for loopback how long mastokey keeps waiting; each line
/// with its priority (the `m` remark is the first to go: the footer has `m` too).
fn redirect_lines(app: &App, attempt: &Attempt, theme: &Theme) -> Vec<(u8, Line<'static>)> {
    if attempt.redirect_uri == OOB {
        return vec![
            (
                3,
                Line::styled(
                    "Paste mode: after you approve, the server shows a code; press enter and paste it.",
                    theme.bold(),
                ),
            ),
            (1, Line::styled("(m: let the browser hand the code back automatically instead)", theme.dim())),
        ];
    }
    let status = match (&attempt.listening, app.listen_seconds_left()) {
        (Some(_), Some(left)) => {
            Line::styled(format!("Waiting for your browser… {}:{:02} left", left / 60, left % 60), theme.accent())
        }
        (Some(_), None) => Line::styled("Waiting for your browser…", theme.accent()),
        (None, _) => Line::styled("No longer listening for the browser (r starts a new attempt).", theme.warning()),
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
        (1, Line::styled("(m: paste the code instead, e.g. when the browser is on another device)", theme.dim())),
    ]
}

/// What the QR screen must say above the code: that this is the demo, and that a phone cannot
/// use a loopback redirect.
fn qr_notes(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut notes = Vec::new();
    if app.settings.demo {
        notes.push(Line::from(demo_banner(theme)).centered());
    }
    if app.flow.as_ref().is_some_and(|f| f.mode == RedirectMode::Loopback) {
        // `m` works with the QR code shown: it closes it and starts a paste-mode attempt.
        let text = "A phone cannot reach this computer's 127.0.0.1: press m for paste mode first.";
        notes.push(Line::styled(text, theme.warning()).centered());
    }
    notes
}

const QR_HINT: &str = "Scan with your phone's camera to log in there. esc or p closes.";

/// The QR code of the URL over the whole screen, or how large the terminal must be for it.
pub fn draw_qr(frame: &mut Frame, app: &App, qr: &QrMatrix, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let (cols, rows) = qr.cells();
    let need_w = cols.max(40);
    let (notes, hint) = (qr_notes(app, theme), Line::styled(QR_HINT, theme.bold()).centered());
    // Texts take more rows when narrower: the size asked for is counted at the narrowest width.
    let rows_at = |width| wrap_all(&notes, width).len() as u16 + rows + 1 + wrap(&hint, width).len() as u16;
    if area.width < need_w || area.height < rows_at(area.width) {
        let text = format!(
            "The QR code needs a terminal of at least {need_w}×{} (this one is {}×{}). \
             Enlarge the window or make the font smaller; it appears as soon as it fits. esc closes.",
            rows_at(need_w),
            area.width,
            area.height
        );
        let lines: Vec<Line> = notes.into_iter().chain([Line::styled(text, theme.warning())]).collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
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

fn url_box_widget(frame: &mut Frame, area: Rect, attempt: &Attempt, theme: &Theme) {
    let block =
        Block::bordered().border_type(BorderType::Rounded).title(" Authorize URL ").border_style(theme.accent());
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(url_lines(&attempt.url, inner.width)).block(block), area);
}

pub fn draw_code(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(flow) = &app.flow else { return };
    let [intro, input, feedback, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(3), Constraint::Length(5), Constraint::Min(0)])
            .areas(area);
    let ask = match app.listening() {
        Some(_) => "The browser hands the code back by itself; or paste a code here:",
        None => "Paste the code the server showed after you approved mastokey:",
    };
    frame.render_widget(Paragraph::new(Line::styled(ask, theme.bold())).wrap(Wrap { trim: true }), intro);
    let focused = app.overlay.is_none() && app.task.is_none();
    text_box(frame, input, &flow.code, "Authorization code", focused, theme);
    match &flow.code_error {
        Some(e) => frame.render_widget(message(&format!("✗ {e}"), theme.error()), feedback),
        None => frame.render_widget(
            message(
                "Spaces and line breaks around the code are ignored. The code works once and only for a few minutes.",
                theme.dim(),
            ),
            feedback,
        ),
    }
    if let Some(attempt) = &flow.attempt {
        let lines = vec![Line::styled("Authorize URL (ctrl-o opens it again):", theme.dim())];
        let [label, url] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rest);
        frame.render_widget(Paragraph::new(lines), label);
        frame.render_widget(Paragraph::new(url_lines(&attempt.url, url.width)).style(theme.dim()), url);
    }
}
