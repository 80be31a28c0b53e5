//! Word wrapping done before drawing, so a box can be given exactly the rows its text needs.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Wrap a line at spaces into rows of at most `width` columns; Japanese (which has no spaces)
/// may break between any two of its characters, but never before closing punctuation (、。」)
/// or after an opening bracket (「). Only a word wider than a whole row is cut, and never inside
/// a character; the spaces where a row breaks are dropped. Styles and alignment carry over.
pub fn wrap(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let (mut rows, mut row, mut used) = (Vec::new(), Vec::new(), 0);
    // Spaces seen since the last word: kept only if the next word fits on the same row.
    let mut gap: Vec<Span<'static>> = Vec::new();
    for span in &line.spans {
        for (is_space, piece) in pieces(&span.content).flat_map(|(space, p)| units(space, p)) {
            if is_space {
                gap.push(Span::styled(piece.to_owned(), span.style));
                continue;
            }
            let gap_width: usize = gap.iter().map(Span::width).sum();
            let word_width: usize = piece.chars().map(|c| c.width().unwrap_or(0)).sum();
            // Indentation at the start of the line is kept (a break drops only inner spaces).
            if rows.is_empty() && used == 0 && gap_width + word_width <= width {
                used = gap_width;
                row.append(&mut gap);
            }
            if used > 0 && used + gap_width + word_width > width {
                rows.push(std::mem::take(&mut row));
                used = 0;
            } else if used > 0 {
                used += gap_width;
                row.append(&mut gap);
            }
            gap.clear();
            let mut text = String::new();
            for c in piece.chars() {
                let w = c.width().unwrap_or(0);
                if used > 0 && used + w > width {
                    row.push(Span::styled(std::mem::take(&mut text), span.style));
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                text.push(c);
                used += w;
            }
            row.push(Span::styled(text, span.style));
        }
    }
    rows.push(row);
    rows.into_iter().map(|spans| Line { spans, style: line.style, alignment: line.alignment }).collect()
}

/// Text wrapped to the area's width (with this module's rules, Japanese included) and drawn.
pub fn paragraph(frame: &mut ratatui::Frame, area: ratatui::layout::Rect, lines: Vec<Line<'_>>) {
    frame.render_widget(ratatui::widgets::Paragraph::new(wrap_all(&lines, area.width)), area);
}

/// Wrap every line; an empty line stays one empty row.
pub fn wrap_all(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    lines.iter().flat_map(|l| wrap(l, width)).collect()
}

/// The lines that fit in `height` rows once wrapped, in their order: where not all fit, whole
/// lines of the lowest priority go first (never half a sentence).
pub fn keep_what_fits(lines: Vec<(u8, Line<'_>)>, width: u16, height: u16) -> Vec<Line<'static>> {
    let wrapped: Vec<(u8, Vec<Line<'static>>)> = lines.iter().map(|(p, l)| (*p, wrap(l, width))).collect();
    let mut by_priority: Vec<usize> = (0..wrapped.len()).collect();
    by_priority.sort_by_key(|&i| std::cmp::Reverse(wrapped[i].0));
    let (mut keep, mut left) = (vec![false; wrapped.len()], usize::from(height));
    for i in by_priority {
        if wrapped[i].1.len() <= left {
            left -= wrapped[i].1.len();
            keep[i] = true;
        }
    }
    wrapped.into_iter().zip(keep).filter(|(_, k)| *k).flat_map(|((_, rows), _)| rows).collect()
}

/// At most `max` rows; when rows had to go, the last one kept ends in "…" so the cut is visible.
pub fn clip(mut rows: Vec<Line<'static>>, max: usize, width: u16) -> Vec<Line<'static>> {
    if rows.len() <= max || max == 0 {
        rows.truncate(max);
        return rows;
    }
    rows.truncate(max);
    if let Some(last) = rows.last_mut() {
        while last.width() + 1 > usize::from(width) && pop_char(last) {}
        last.spans.push(Span::raw("…"));
    }
    rows
}

fn pop_char(line: &mut Line<'static>) -> bool {
    let Some(span) = line.spans.last_mut() else { return false };
    let mut text = span.content.to_string();
    text.pop();
    if text.is_empty() {
        line.spans.pop();
    } else {
        span.content = text.into();
    }
    true
}

/// A word split where a line may break inside it: around CJK characters (kinsoku kept).
fn units(is_space: bool, word: &str) -> Vec<(bool, &str)> {
    if is_space {
        return vec![(true, word)];
    }
    let mut out = Vec::new();
    let (mut start, mut prev) = (0, None::<char>);
    for (i, c) in word.char_indices() {
        if let Some(p) = prev
            && (is_cjk(p) || is_cjk(c))
            && !no_break_before(c)
            && !no_break_after(p)
        {
            out.push((false, &word[start..i]));
            start = i;
        }
        prev = Some(c);
    }
    out.push((false, &word[start..]));
    out
}

/// Characters of scripts written without spaces (Japanese kana and kanji, CJK punctuation,
/// full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// Japanese line-breaking rules (kinsoku): these never start a line…
fn no_break_before(c: char) -> bool {
    "、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…).,:;!?%".contains(c)
}

/// …and these never end one.
fn no_break_after(c: char) -> bool {
    "（「『【〔〈《“‘(".contains(c)
}

/// Split text into alternating runs of spaces and of other characters.
fn pieces(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let space = rest.chars().next()? == ' ';
        let end = rest.find(|c: char| (c == ' ') != space).unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some((space, piece))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Line]) -> Vec<String> {
        rows.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn breaks_at_spaces_and_never_inside_a_word_that_fits() {
        let rows = wrap(&Line::raw("read:accounts write:statuses admin:read"), 20);
        assert_eq!(texts(&rows), ["read:accounts", "write:statuses", "admin:read"]);
    }

    #[test]
    fn keeps_spaces_inside_a_row_and_styles_of_each_span() {
        let line =
            Line::from(vec![Span::raw("Example"), Span::styled("  Mastodon 4.5", ratatui::style::Style::new().dim())]);
        let rows = wrap(&line, 12);
        assert_eq!(texts(&rows), ["Example", "Mastodon 4.5"]);
        assert_eq!(texts(&wrap(&line, 40)), ["Example  Mastodon 4.5"]);
        assert_eq!(rows[1].spans[0].style, ratatui::style::Style::new().dim());
    }

    #[test]
    fn cuts_only_words_wider_than_a_row_and_counts_wide_characters() {
        assert_eq!(texts(&wrap(&Line::raw("a /very/long/path"), 6)), ["a", "/very/", "long/p", "ath"]);
        assert_eq!(texts(&wrap(&Line::raw("山田花子"), 5)), ["山田", "花子"]);
        assert_eq!(texts(&wrap(&Line::raw(""), 5)), [""]);
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_closing_punctuation() {
        let rows = wrap(&Line::raw("サーバーに接続できませんでした。Enterで再試行します。"), 10);
        assert!(rows.iter().all(|r| r.width() <= 10), "{:?}", texts(&rows));
        assert_eq!(texts(&rows).concat(), "サーバーに接続できませんでした。Enterで再試行します。", "nothing lost");
        for row in texts(&rows) {
            assert!(!row.starts_with(['。', '、', 'ー']), "kinsoku: {row:?}");
        }
        // A mixed line breaks at its spaces and between Japanese characters.
        let rows = wrap(&Line::raw("「承認」を押すと mastokey にコードが戻ります"), 12);
        assert!(rows.iter().all(|r| r.width() <= 12), "{:?}", texts(&rows));
        assert!(texts(&rows).iter().all(|r| !r.ends_with('「')));
        // Latin words keep breaking only at spaces.
        assert_eq!(texts(&wrap(&Line::raw("read:accounts write:statuses"), 16)), ["read:accounts", "write:statuses"]);
    }

    #[test]
    fn no_break_spaces_do_not_break() {
        let rows = wrap(&Line::raw("Serveur\u{a0}: mastodon.social"), 12);
        assert_eq!(texts(&rows), ["Serveur\u{a0}:", "mastodon.soc", "ial"]);
    }

    #[test]
    fn keeps_the_most_important_whole_lines_in_their_order() {
        let lines = vec![(2, Line::raw("must")), (0, Line::raw("least")), (1, Line::raw("two words"))];
        assert_eq!(texts(&keep_what_fits(lines.clone(), 5, 3)), ["must", "two", "words"]);
        assert_eq!(texts(&keep_what_fits(lines.clone(), 5, 2)), ["must", "least"]);
        assert_eq!(texts(&keep_what_fits(lines, 20, 3)), ["must", "least", "two words"]);
    }

    #[test]
    fn clipping_marks_the_cut() {
        let rows = wrap(&Line::raw("one two three four"), 9);
        assert_eq!(texts(&clip(rows.clone(), 2, 9)), ["one two", "three…"]);
        assert_eq!(texts(&clip(wrap(&Line::raw("abcdefghi jk"), 9), 1, 9)), ["abcdefgh…"]);
        assert_eq!(clip(rows, 5, 9).len(), 3);
    }
}
