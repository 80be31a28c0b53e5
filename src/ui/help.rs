//! The help overlay: the screen's keys from its key table, laid out to fit the room.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{centered, clear, overlay_room};
use super::wrap::wrap_all;
use crate::app::keys::{self, Binding, Command, Shown};
use crate::app::{App, ScreenId};
use crate::tr;

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let screen = app.screen_id();
    let keys: Vec<(String, String)> = keys::bindings(screen)
        .iter()
        .filter(|b| b.shown != Shown::Hidden)
        .filter(|b| app.has_key_for(b.command))
        .map(|b| (b.keys_label(), crate::i18n::text(b.label)))
        .collect();
    let about =
        if matches!(screen, ScreenId::Instance | ScreenId::Code) { tr!("help-text-box") } else { tr!("help-mouse") };
    let close = keys::HELP.iter().find(|b| b.command == Command::Back).map(Binding::keys_label).unwrap_or_default();
    let help = Help {
        title: Line::styled(tr!("help-title-keys"), theme.bold()),
        keys,
        notes: vec![Line::styled(about, theme.dim()), Line::styled(tr!("help-close", key = close), theme.dim())],
        theme,
    };
    let room = overlay_room(frame, app);
    let width = 62.min(room.width.saturating_sub(2));
    let lines = help.layout(width, usize::from(room.height.saturating_sub(2)));
    let area = centered(room, 64, lines.len() as u16 + 2);
    clear(frame, area);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {} ", tr!("help-title")))
        .border_style(theme.accent());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The help overlay's parts, laid out to fit the room.
struct Help<'a> {
    title: Line<'static>,
    /// (keys, what they do), in the table's order.
    keys: Vec<(String, String)>,
    notes: Vec<Line<'static>>,
    theme: &'a Theme,
}

impl Help<'_> {
    /// The first layout whose rows fit in `height`, from the most generous down: one column with
    /// blank lines between the parts, one column without them, then the keys in two columns
    /// (each column as wide as its own keys, so a long key name on one side does not squeeze the
    /// other), with and without the blank lines. Only the last resort cuts what a key does.
    fn layout(&self, width: u16, height: usize) -> Vec<Line<'static>> {
        let mut last = Vec::new();
        for keys in [self.wrapped_column(width), self.two_columns(width)] {
            for spaced in [true, false] {
                let blank = spaced.then(Line::default);
                let lines: Vec<Line<'static>> = std::iter::once(self.title.clone())
                    .chain(blank.clone())
                    .chain(keys.iter().cloned())
                    .chain(blank)
                    .chain(wrap_all(&self.notes, width))
                    .collect();
                if lines.len() <= height {
                    return lines;
                }
                last = lines;
            }
        }
        last
    }

    /// Key lines, the keys right-aligned in a column as wide as the widest of them; each line
    /// cut to `width` only where it must be (one column wraps instead).
    fn column(&self, keys: &[(String, String)], width: usize) -> Vec<Line<'static>> {
        let column = key_column(keys);
        keys.iter()
            .map(|(key, does)| Line::from(vec![self.key_lead(key, column), Span::raw(does.clone())]))
            .map(|line| super::fit::line(line, width))
            .collect()
    }

    /// A key right-aligned in its column, and the two spaces before what it does.
    fn key_lead(&self, key: &str, column: usize) -> Span<'static> {
        let pad = " ".repeat(column.saturating_sub(key.width()));
        Span::styled(format!("{pad}{key}  "), self.theme.key())
    }

    /// One column, what a key does wrapped under itself (a hanging indent past the keys), so
    /// the keys' column stays clear.
    fn wrapped_column(&self, width: u16) -> Vec<Line<'static>> {
        let column = key_column(&self.keys);
        let indent = column + 2;
        let room = usize::from(width).saturating_sub(indent).max(1) as u16;
        self.keys
            .iter()
            .flat_map(|(key, does)| {
                let rows = super::wrap::wrap(&Line::raw(does.clone()), room);
                rows.into_iter().enumerate().map(move |(i, row)| {
                    let lead = if i == 0 { self.key_lead(key, column) } else { Span::raw(" ".repeat(indent)) };
                    Line::from(std::iter::once(lead).chain(row.spans).collect::<Vec<_>>())
                })
            })
            .collect()
    }

    /// The first half of the keys on the left, no wider than they need (at most half the width);
    /// the rest on the right, with whatever width is left.
    fn two_columns(&self, width: u16) -> Vec<Line<'static>> {
        let width = usize::from(width);
        let (left, right) = self.keys.split_at(self.keys.len().div_ceil(2));
        let left = self.column(left, width.saturating_sub(2) / 2);
        let left_width = left.iter().map(Line::width).max().unwrap_or(0);
        let right = self.column(right, width.saturating_sub(left_width + 2));
        left.into_iter()
            .enumerate()
            .map(|(row, left)| {
                let pad = " ".repeat(left_width - left.width() + 2);
                let mut spans = left.spans;
                spans.push(Span::raw(pad));
                spans.extend(right.get(row).cloned().map(|r| r.spans).unwrap_or_default());
                Line::from(spans)
            })
            .collect()
    }
}

/// The width of the keys' column: the widest key (wide characters count double).
fn key_column(keys: &[(String, String)]) -> usize {
    keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0)
}
