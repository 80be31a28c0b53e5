//! Text cut to a width in display columns (wide characters count double), marked with `…`.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// A line cut to `width` display columns, ending in `…` when something was cut.
pub fn line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut left = width.saturating_sub(1);
    let mut spans = Vec::new();
    for span in line.spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w > left {
                left = 0;
                break;
            }
            left -= w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
        if left == 0 {
            break;
        }
    }
    spans.push(Span::raw("…"));
    Line::from(spans)
}

/// A string cut to `width` display columns, ending in `…` when something was cut.
pub fn text(s: &str, width: usize) -> String {
    if s.width() <= width { s.to_owned() } else { line(Line::raw(s.to_owned()), width).to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn fit_cuts_by_display_width_and_marks_the_cut() {
        let l = Line::from(vec![Span::raw("山田"), Span::styled("花子さん", Style::new().bold())]);
        let cut = line(l.clone(), 7);
        assert_eq!(cut.to_string(), "山田花…");
        assert!(cut.width() <= 7);
        assert_eq!(cut.spans[1].style, Style::new().bold(), "styles survive the cut");
        assert_eq!(line(l, 12).to_string(), "山田花子さん", "a line that fits is left alone");
        assert_eq!(text("@ada@例え.テスト", 10), "@ada@例え…");
    }
}
