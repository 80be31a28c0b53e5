//! A tmux capture with escape sequences (`capture-pane -e -N`) as rows of styled cells.

use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Color {
    #[default]
    Default,
    Indexed(u8),
    Rgb(u8, u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub fg: Color,
    pub bg: Color,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub reverse: bool,
    pub strike: bool,
}

/// One character on the grid; a wide one has `width` 2 and covers the next column too.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub width: usize,
    pub style: Style,
}

/// Rows of cells: every row covers exactly `width` columns.
pub fn parse(ansi: &str, width: usize, height: usize) -> Vec<Vec<Cell>> {
    let mut style = Style::default();
    let mut rows = Vec::new();
    for line in ansi.split('\n').take(height) {
        let mut row: Vec<Cell> = Vec::new();
        let mut col = 0;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                match chars.next() {
                    Some('[') => {
                        let mut params = String::new();
                        let mut last = None;
                        for c in chars.by_ref() {
                            if ('\x40'..='\x7e').contains(&c) {
                                last = Some(c);
                                break;
                            }
                            params.push(c);
                        }
                        if last == Some('m') {
                            apply_sgr(&mut style, &params);
                        }
                    }
                    // OSC (hyperlinks and the like): skip to BEL or ST.
                    Some(']') => {
                        while let Some(c) = chars.next() {
                            if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                                break;
                            }
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if c.is_control() {
                continue;
            }
            let w = c.width().unwrap_or(0);
            if w == 0 {
                if let Some(prev) = row.last_mut() {
                    prev.text.push(c);
                }
                continue;
            }
            if col + w > width {
                break;
            }
            row.push(Cell { text: c.to_string(), width: w, style });
            col += w;
        }
        // Columns tmux left out (with `capture-pane -N`, cells nothing was ever written to) are
        // blank in the default style, whatever the style the line ended in: it carries on to
        // the next line's first cells only.
        row.extend((col..width).map(|_| Cell { text: " ".into(), width: 1, style: Style::default() }));
        rows.push(row);
    }
    while rows.len() < height {
        rows.push((0..width).map(|_| Cell { text: " ".into(), width: 1, style: Style::default() }).collect());
    }
    rows
}

/// Applies one SGR sequence's parameters (`1;38;5;208`, `38:2::255:0:0`, empty = reset).
fn apply_sgr(style: &mut Style, params: &str) {
    let groups: Vec<Vec<Option<u32>>> =
        params.split(';').map(|p| p.split(':').map(|n| n.parse().ok()).collect()).collect();
    let mut i = 0;
    while i < groups.len() {
        let group = &groups[i];
        let code = group[0].unwrap_or(0);
        i += 1;
        match code {
            0 => *style = Style::default(),
            1 => style.bold = true,
            2 => style.dim = true,
            3 => style.italic = true,
            4 => style.underline = !matches!(group.get(1), Some(Some(0))),
            7 => style.reverse = true,
            9 => style.strike = true,
            21 => style.underline = true,
            22 => (style.bold, style.dim) = (false, false),
            23 => style.italic = false,
            24 => style.underline = false,
            27 => style.reverse = false,
            29 => style.strike = false,
            30..=37 => style.fg = Color::Indexed((code - 30) as u8),
            39 => style.fg = Color::Default,
            40..=47 => style.bg = Color::Indexed((code - 40) as u8),
            49 => style.bg = Color::Default,
            90..=97 => style.fg = Color::Indexed((code - 90 + 8) as u8),
            100..=107 => style.bg = Color::Indexed((code - 100 + 8) as u8),
            38 | 48 => {
                // Colon form carries its arguments in the group; semicolon form in the next params.
                let args: Vec<u32> = if group.len() > 1 {
                    let mut a: Vec<u32> = group[1..].iter().map(|n| n.unwrap_or(0)).collect();
                    // `38:2::r:g:b` has an empty colour-space id before the components.
                    if a.first() == Some(&2) && a.len() == 5 {
                        a.remove(1);
                    }
                    a
                } else {
                    let kind = groups.get(i).and_then(|g| g[0]).unwrap_or(0);
                    let n = if kind == 5 {
                        2
                    } else if kind == 2 {
                        4
                    } else {
                        1
                    };
                    let a = groups[i..].iter().take(n).map(|g| g[0].unwrap_or(0)).collect();
                    i += n;
                    a
                };
                let color = match args[..] {
                    [5, n, ..] => Color::Indexed(n.min(255) as u8),
                    [2, r, g, b, ..] => Color::Rgb(r.min(255) as u8, g.min(255) as u8, b.min(255) as u8),
                    _ => continue,
                };
                if code == 38 {
                    style.fg = color;
                } else {
                    style.bg = color;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgr_colours_and_attributes() {
        let rows = parse("\x1b[1;33mA\x1b[0m\x1b[38;5;208;48;2;1;2;3mB\x1b[7;2mC\x1b[38:2::9:8:7mD", 6, 1);
        assert_eq!(rows[0].len(), 6);
        assert_eq!(rows[0][0].style, Style { fg: Color::Indexed(3), bold: true, ..Style::default() });
        assert_eq!(rows[0][1].style.fg, Color::Indexed(208));
        assert_eq!(rows[0][1].style.bg, Color::Rgb(1, 2, 3));
        assert!(rows[0][2].style.reverse && rows[0][2].style.dim);
        assert_eq!(rows[0][3].style.fg, Color::Rgb(9, 8, 7));
    }

    #[test]
    fn columns_tmux_left_out_are_blank_but_the_style_carries_to_the_next_line() {
        let rows = parse("\x1b[41mAB\nC", 4, 3);
        assert_eq!(rows[0][1].style.bg, Color::Indexed(1));
        assert_eq!(rows[0][2].style, Style::default(), "nothing was written after AB");
        assert_eq!(rows[1][0].style.bg, Color::Indexed(1), "C is still on red");
        assert_eq!(rows[1][1].style, Style::default());
        assert!(rows[2].iter().all(|c| c.style == Style::default() && c.text == " "));
    }
}
