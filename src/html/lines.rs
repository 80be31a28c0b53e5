//! The output side of bio rendering: words, line breaks, paragraph gaps and line prefixes.

use super::{Break, Kind, Mode, OutLine, Renderer};
use crate::sanitize;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

impl Renderer {
    /// Asks for a line or paragraph break before the next text; the stronger request wins, so
    /// `</p><p>` gives one blank line, not two.
    pub(super) fn request(&mut self, b: Break) {
        let quotes = self.quote_depth();
        self.break_quotes = if self.pending == Break::None { quotes } else { self.break_quotes.min(quotes) };
        if b > self.pending {
            self.pending = b;
        }
    }

    fn quote_depth(&self) -> usize {
        self.stack.iter().filter(|f| matches!(f.kind, Kind::Quote)).count()
    }

    pub(super) fn text(&mut self, decoded: &str) {
        if self.hidden() {
            return;
        }
        if self.stack.iter().any(|f| matches!(f.kind, Kind::Pre)) {
            for (i, line) in sanitize::clean_multiline(decoded).split('\n').enumerate() {
                if i > 0 {
                    self.line_break();
                }
                if !line.is_empty() {
                    self.emit(line.to_owned(), self.style());
                }
            }
        } else {
            self.words(&sanitize::clean(decoded));
        }
    }

    /// Collapses whitespace as HTML does (a non-breaking space is not whitespace here).
    pub(super) fn words(&mut self, s: &str) {
        let style = self.style();
        let mut word = String::new();
        for c in s.chars() {
            if c == ' ' {
                if !word.is_empty() {
                    self.emit(std::mem::take(&mut word), style);
                }
                self.space = Some(style);
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            self.emit(word, style);
        }
    }

    pub(super) fn emit(&mut self, content: String, style: Style) {
        self.begin_content();
        if let Some(space) = self.space.take() {
            // A space between differently styled words is not part of either (no underline
            // running from a link into the next word).
            let st = if space == style { style } else { Style::default() };
            self.cur.push(Span::styled(" ", st));
        }
        self.cur.push(Span::styled(content, style));
    }

    /// Applies a pending break and starts the line with its prefix, before the first content.
    fn begin_content(&mut self) {
        if self.pending != Break::None {
            if self.started {
                self.end_line();
            }
            if self.pending == Break::Paragraph && self.lines.last().is_some_and(|l| !l.blank) {
                let quotes = self.break_quotes.min(self.quote_depth());
                let spans = self.prefix(Some(quotes));
                self.lines.push(OutLine { spans, blank: true });
            }
            self.pending = Break::None;
        }
        if !self.started {
            self.cur = self.prefix(None);
            self.started = true;
            self.space = None;
        }
    }

    pub(super) fn line_break(&mut self) {
        if self.hidden() {
            return;
        }
        self.begin_content();
        self.end_line();
    }

    pub(super) fn end_line(&mut self) {
        let spans = std::mem::take(&mut self.cur);
        let blank = spans.iter().all(|s| matches!(s.content.trim(), "" | "│"));
        self.lines.push(OutLine { spans, blank });
        self.started = false;
        self.space = None;
    }

    /// Quote bars and list indentation for a line of text, which shows a list item's marker the
    /// first time; or, with `blank_quotes`, the bars alone for a blank separator line.
    fn prefix(&mut self, blank_quotes: Option<usize>) -> Vec<Span<'static>> {
        let content = blank_quotes.is_none();
        let mut quotes_left = blank_quotes.unwrap_or(usize::MAX);
        let plain = self.mode == Mode::Plain;
        let bar = if self.color() { Style::new().fg(Color::DarkGray) } else { Style::default() };
        let mut spans = Vec::new();
        let mut indent = String::new();
        for frame in &mut self.stack {
            match &mut frame.kind {
                Kind::Quote if !plain && quotes_left > 0 => {
                    quotes_left -= 1;
                    if !indent.is_empty() {
                        spans.push(Span::raw(std::mem::take(&mut indent)));
                    }
                    spans.push(Span::styled("│ ", bar));
                }
                Kind::Item { marker, shown } if content => {
                    if !*shown {
                        *shown = true;
                        indent.push_str(marker);
                    } else if !plain {
                        indent.push_str(&" ".repeat(marker.width()));
                    }
                }
                _ => {}
            }
        }
        if !indent.is_empty() {
            spans.push(Span::raw(indent));
        }
        if !content && let Some(last) = spans.last_mut() {
            // No trailing space on a line that holds only bars.
            last.content = last.content.trim_end().to_owned().into();
        }
        spans
    }
}

/// Joins neighbouring spans of the same style, so a line is a few spans rather than one per word.
pub(super) fn merge_spans(line: Line<'static>) -> Line<'static> {
    let mut out: Vec<Span<'static>> = Vec::with_capacity(line.spans.len());
    for span in line.spans {
        match out.last_mut() {
            Some(last) if last.style == span.style => last.content.to_mut().push_str(&span.content),
            _ => out.push(span),
        }
    }
    Line::from(out)
}
