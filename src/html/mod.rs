//! Turns the small HTML of Mastodon bios and profile fields into styled terminal text.
//!
//! Mastodon sends bios as HTML (`<p>`, `<br>`, links with hidden `https://` prefixes, mentions,
//! hashtags). This renders that into ratatui [`Text`] without a browser engine: a tolerant
//! tokenizer (`tokenize`) and a walker that keeps a stack of open elements. Every piece of
//! text passes through [`crate::sanitize`], so a bio cannot smuggle escape sequences.

mod lines;
#[cfg(test)]
mod tests;
mod tokenize;

use lines::merge_spans;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use tokenize::{Token, Tokenizer, decode_entities};

/// Bio HTML as styled lines: paragraphs separated by a blank line, `<br>` as a line break,
/// links underlined, mentions and hashtags highlighted (in colour when `color`, else bold and
/// underlined so they still stand out under `NO_COLOR`), hidden link parts dropped.
pub fn to_text(html: &str, color: bool) -> Text<'static> {
    let mut r = Renderer::new(Mode::Styled { color });
    r.run(html);
    Text::from(r.finish().into_iter().map(merge_spans).collect::<Vec<_>>())
}

/// The same HTML as one line of plain text (for field values and one-line summaries).
pub fn to_plain(html: &str) -> String {
    let mut r = Renderer::new(Mode::Plain);
    r.run(html);
    let lines: Vec<String> = r
        .finish()
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>())
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.join(" ")
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Styled { color: bool },
    Plain,
}

/// Deeper nesting than this is ignored: no real bio needs it, and it keeps line prefixes short.
const MAX_DEPTH: usize = 64;

/// Elements with no content and no end tag.
const VOID: &[&str] =
    &["br", "hr", "img", "wbr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "param"];

/// Elements whose content is not text to read.
const HIDDEN: &[&str] = &["svg", "math", "head", "template", "select", "object", "audio", "video"];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "address",
    "details",
    "summary",
    "table",
    "tr",
];

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Break {
    None,
    Line,
    Paragraph,
}

enum Kind {
    Inline,
    Block,
    Pre,
    Quote,
    List { ordered: bool, next: u32 },
    Item { marker: String, shown: bool },
}

struct Frame {
    name: String,
    kind: Kind,
    /// Style added by this element on top of its parents'.
    style: Style,
    /// `<span class="invisible">`: Mastodon's hidden part of a link (scheme, long tail).
    hidden: bool,
    /// `<span class="ellipsis">`: the visible part of a shortened link; "…" follows it.
    ellipsis: bool,
}

struct OutLine {
    spans: Vec<Span<'static>>,
    blank: bool,
}

struct Renderer {
    mode: Mode,
    stack: Vec<Frame>,
    lines: Vec<OutLine>,
    cur: Vec<Span<'static>>,
    /// The current line has its prefix and some content.
    started: bool,
    pending: Break,
    /// Whitespace seen since the last word, with the style it had.
    space: Option<Style>,
    /// Quote depth shared by everything since the pending break was requested: the blank line
    /// between two quoted paragraphs carries the bar, the one before or after a quote does not.
    break_quotes: usize,
}

impl Renderer {
    fn new(mode: Mode) -> Self {
        Self {
            mode,
            stack: Vec::new(),
            lines: Vec::new(),
            cur: Vec::new(),
            started: false,
            pending: Break::None,
            space: None,
            break_quotes: 0,
        }
    }

    fn run(&mut self, html: &str) {
        for token in Tokenizer::new(html) {
            match &token {
                Token::Text(raw) => self.text(&decode_entities(raw)),
                Token::Start { name, .. } => self.start(name, &token),
                Token::End { name } => self.end(name),
            }
        }
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        if self.started {
            self.end_line();
        }
        while self.lines.last().is_some_and(|l| l.blank) {
            self.lines.pop();
        }
        let first = self.lines.iter().position(|l| !l.blank).unwrap_or(self.lines.len());
        self.lines.drain(first..).map(|l| Line::from(l.spans)).collect()
    }

    fn color(&self) -> bool {
        self.mode == Mode::Styled { color: true }
    }

    fn hidden(&self) -> bool {
        self.stack.iter().any(|f| f.hidden)
    }

    fn style(&self) -> Style {
        self.stack.iter().fold(Style::default(), |s, f| s.patch(f.style))
    }

    fn start(&mut self, name: &str, token: &Token<'_>) {
        if BLOCK.contains(&name) || name == "li" || name == "hr" {
            self.close_open_paragraph();
        }
        match name {
            "br" => return self.line_break(),
            "hr" => return self.request(Break::Paragraph),
            "img" => {
                if let Some(alt) = token.attr("alt") {
                    self.text(alt);
                }
                return;
            }
            "li" => self.close_open_item(),
            _ => {}
        }
        if VOID.contains(&name) || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let class = token.attr("class").unwrap_or("");
        let has_class = |c: &str| class.split_ascii_whitespace().any(|x| x == c);
        let color = self.color();
        let mut frame = Frame {
            name: name.to_owned(),
            kind: Kind::Inline,
            style: Style::default(),
            hidden: HIDDEN.contains(&name),
            ellipsis: false,
        };
        match name {
            "strong" | "b" => frame.style = Style::new().add_modifier(Modifier::BOLD),
            "em" | "i" | "cite" => frame.style = Style::new().add_modifier(Modifier::ITALIC),
            "u" | "ins" => frame.style = Style::new().add_modifier(Modifier::UNDERLINED),
            "del" | "s" | "strike" => {
                frame.style = Style::new().add_modifier(Modifier::CROSSED_OUT);
            }
            "code" | "kbd" | "samp" if color => frame.style = Style::new().fg(Color::Yellow),
            "a" if token.attr("href").is_some() => frame.style = link_style(&has_class, color),
            "span" => {
                frame.hidden = has_class("invisible");
                frame.ellipsis = has_class("ellipsis");
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                frame.style = Style::new().add_modifier(Modifier::BOLD);
            }
            _ => {}
        }
        frame.kind = match name {
            "pre" => Kind::Pre,
            "blockquote" => Kind::Quote,
            "ul" | "ol" => Kind::List { ordered: name == "ol", next: 1 },
            "li" => Kind::Item { marker: self.next_marker(), shown: false },
            _ if BLOCK.contains(&name) => Kind::Block,
            _ => Kind::Inline,
        };
        match frame.kind {
            Kind::Inline => {}
            // A list item starts a line; a nested list within an item does too.
            Kind::Item { .. } => self.request(Break::Line),
            Kind::List { .. } if self.in_item() => self.request(Break::Line),
            _ => self.request(Break::Paragraph),
        }
        self.stack.push(frame);
    }

    fn end(&mut self, name: &str) {
        let Some(at) = self.stack.iter().rposition(|f| f.name == name) else {
            return; // A stray end tag: nothing to close.
        };
        while self.stack.len() > at {
            self.pop();
        }
    }

    fn pop(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        if frame.ellipsis && !frame.hidden && !self.hidden() {
            // No space before it: the ellipsis continues the shortened link.
            self.space = None;
            let style = self.style().patch(frame.style);
            self.emit("…".to_owned(), style);
        }
        match frame.kind {
            Kind::Inline => {}
            Kind::Item { .. } => self.request(Break::Line),
            Kind::List { .. } if self.in_item() => self.request(Break::Line),
            _ => self.request(Break::Paragraph),
        }
    }

    /// HTML closes an open `<p>` when a block starts inside it.
    fn close_open_paragraph(&mut self) {
        if self.stack.last().is_some_and(|f| f.name == "p") {
            self.pop();
        }
    }

    /// A new `<li>` closes the previous item of the same list.
    fn close_open_item(&mut self) {
        let list = self.stack.iter().rposition(|f| matches!(f.kind, Kind::List { .. }));
        let item = self.stack.iter().rposition(|f| f.name == "li");
        if let Some(item) = item.filter(|&i| list.is_none_or(|l| i > l)) {
            while self.stack.len() > item {
                self.pop();
            }
        }
    }

    fn in_item(&self) -> bool {
        self.stack.iter().any(|f| matches!(f.kind, Kind::Item { .. }))
    }

    fn next_marker(&mut self) -> String {
        let list = self.stack.iter_mut().rev().find_map(|f| match &mut f.kind {
            Kind::List { ordered, next } => Some((*ordered, next)),
            _ => None,
        });
        match list {
            Some((true, next)) => {
                *next += 1;
                format!("{}. ", *next - 1)
            }
            _ => "• ".to_owned(),
        }
    }
}

fn link_style(has_class: &dyn Fn(&str) -> bool, color: bool) -> Style {
    // A hashtag link carries both classes ("mention hashtag"), so check it first.
    let (fg, mention) = if has_class("hashtag") {
        (Color::Green, true)
    } else if has_class("mention") {
        (Color::Magenta, true)
    } else {
        (Color::Cyan, false)
    };
    match (color, mention) {
        (true, true) => Style::new().fg(fg),
        (true, false) => Style::new().fg(fg).add_modifier(Modifier::UNDERLINED),
        (false, true) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
    }
}
