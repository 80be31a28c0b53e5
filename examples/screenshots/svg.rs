//! Rows of styled cells as an SVG picture of a terminal window.

use std::fmt::Write as _;

use crate::ansi::{Cell, Color, Style};

const FONT_SIZE: f64 = 14.0;
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
const PAD: f64 = 12.0;
const TITLE_H: f64 = 30.0;
const BACKGROUND: (u8, u8, u8) = (0x1d, 0x1f, 0x21);
const FOREGROUND: (u8, u8, u8) = (0xc5, 0xc8, 0xc6);
/// The 16 named colours (a Tomorrow Night–like dark palette).
const PALETTE: [(u8, u8, u8); 16] = [
    (0x28, 0x2a, 0x2e),
    (0xcc, 0x66, 0x66),
    (0xb5, 0xbd, 0x68),
    (0xf0, 0xc6, 0x74),
    (0x81, 0xa2, 0xbe),
    (0xb2, 0x94, 0xbb),
    (0x8a, 0xbe, 0xb7),
    (0xc5, 0xc8, 0xc6),
    (0x80, 0x84, 0x8a),
    (0xd5, 0x4e, 0x53),
    (0xb9, 0xca, 0x4a),
    (0xe7, 0xc5, 0x47),
    (0x7a, 0xa6, 0xda),
    (0xc3, 0x97, 0xd8),
    (0x70, 0xc0, 0xb1),
    (0xea, 0xea, 0xea),
];

fn rgb(color: Color, default: (u8, u8, u8)) -> (u8, u8, u8) {
    match color {
        Color::Default => default,
        Color::Indexed(n @ 0..=15) => PALETTE[n as usize],
        Color::Indexed(n @ 16..=231) => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let n = n - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        Color::Indexed(n) => {
            let v = 8 + (n - 232) * 10;
            (v, v, v)
        }
        Color::Rgb(r, g, b) => (r, g, b),
    }
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// What a style looks like once reverse and dim are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Look {
    fg: String,
    bg: Option<String>,
    bold: bool,
    italic: bool,
    underline: bool,
    strike: bool,
}

fn look(style: Style) -> Look {
    let (mut fg, mut bg) = (rgb(style.fg, FOREGROUND), rgb(style.bg, BACKGROUND));
    if style.reverse {
        std::mem::swap(&mut fg, &mut bg);
    }
    if style.dim {
        let mix = |a: u8, b: u8| ((a as u16 + b as u16) / 2) as u8;
        fg = (mix(fg.0, bg.0), mix(fg.1, bg.1), mix(fg.2, bg.2));
    }
    Look {
        fg: hex(fg),
        bg: (bg != BACKGROUND).then(|| hex(bg)),
        bold: style.bold,
        italic: style.italic,
        underline: style.underline,
        strike: style.strike,
    }
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The picture: a window frame, background runs, then one `<text>` per run of same-styled cells
/// with an x for every character, so columns line up whatever the font's widths (wide
/// characters get two cells).
pub fn svg(rows: &[Vec<Cell>], cursor: Option<(usize, usize)>, title: &str) -> String {
    let cols = rows.first().map_or(0, |r| r.iter().map(|c| c.width).sum::<usize>());
    let width = PAD * 2.0 + cols as f64 * CELL_W;
    let height = TITLE_H + PAD + rows.len() as f64 * CELL_H + PAD;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1}" height="{height:.1}" viewBox="0 0 {width:.1} {height:.1}" role="img" aria-label="{title}">"#,
        title = escape_xml(title)
    );
    let _ = writeln!(
        out,
        "<style>text{{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono','Noto Sans Mono CJK JP',monospace;\
font-size:{FONT_SIZE}px;white-space:pre}}.b{{font-weight:bold}}.i{{font-style:italic}}\
.u{{text-decoration:underline}}.s{{text-decoration:line-through}}</style>"
    );
    let _ = writeln!(out, r##"<rect width="100%" height="100%" rx="8" fill="{}"/>"##, hex(BACKGROUND));
    for (i, color) in ["#ff5f56", "#ffbd2e", "#27c93f"].iter().enumerate() {
        let _ = writeln!(out, r#"<circle cx="{}" cy="15" r="6" fill="{color}"/>"#, 20 + i * 20);
    }
    let _ = writeln!(
        out,
        r##"<text x="{:.1}" y="19" fill="#8a8f98" text-anchor="middle" style="font-family:system-ui,sans-serif;font-size:12px">{}</text>"##,
        width / 2.0,
        escape_xml(title)
    );
    let _ = writeln!(out, r#"<g transform="translate({PAD} {})">"#, TITLE_H + PAD);
    // Backgrounds first, merged over runs of the same colour, one path per colour: rectangles
    // that touch in one path leave no hairline between them, as separate ones do when scaled.
    let mut backgrounds = Paths::default();
    for (y, row) in rows.iter().enumerate() {
        let mut col = 0;
        let mut run: Option<(usize, usize, String)> = None;
        for cell in row {
            let bg = look(cell.style).bg;
            match (&mut run, bg) {
                (Some((_, len, color)), Some(bg)) if *color == bg => *len += cell.width,
                (_, bg) => {
                    if let Some((start, len, color)) = run.take() {
                        backgrounds.rect(&color, start as f64 * CELL_W, y as f64 * CELL_H, len as f64 * CELL_W, CELL_H);
                    }
                    run = bg.map(|bg| (col, cell.width, bg));
                }
            }
            col += cell.width;
        }
        if let Some((start, len, color)) = run {
            backgrounds.rect(&color, start as f64 * CELL_W, y as f64 * CELL_H, len as f64 * CELL_W, CELL_H);
        }
    }
    backgrounds.write(&mut out);
    if let Some((x, y)) = cursor.filter(|&(x, y)| x < cols && y < rows.len()) {
        let _ = writeln!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{CELL_W}" height="{CELL_H}" fill="{}" opacity="0.75"/>"#,
            x as f64 * CELL_W,
            y as f64 * CELL_H,
            hex(FOREGROUND)
        );
    }
    shapes(&mut out, rows);
    for (y, row) in rows.iter().enumerate() {
        let mut col = 0;
        let mut i = 0;
        while i < row.len() {
            let current = look(row[i].style);
            let start = i;
            let mut end = i;
            while end < row.len() && look(row[end].style) == current {
                end += 1;
                // A character outside the BMP ends its `<text>`: renderers disagree on whether it
                // takes one x or two, and at the end it cannot shift the characters after it.
                if row[end - 1].text.chars().any(|c| c.len_utf16() > 1) {
                    break;
                }
            }
            text_run(&mut out, &row[start..end], col, y, &current);
            col += row[start..end].iter().map(|c| c.width).sum::<usize>();
            i = end;
        }
    }
    let _ = writeln!(out, "</g>\n</svg>");
    out
}

/// Filled rectangles gathered into one `<path>` per colour.
#[derive(Default)]
struct Paths(std::collections::BTreeMap<String, String>);

impl Paths {
    fn rect(&mut self, color: &str, x: f64, y: f64, width: f64, height: f64) {
        let d = self.0.entry(color.to_owned()).or_default();
        let _ = write!(d, "M{x:.1} {y:.1}h{width:.1}v{height:.1}h{:.1}z", -width);
    }

    fn write(&self, out: &mut String) {
        for (color, d) in &self.0 {
            let _ = writeln!(out, r#"<path d="{d}" fill="{color}"/>"#);
        }
    }
}

/// How a box-drawing or block character is drawn instead of taken from the font: fonts leave
/// gaps between lines (their glyphs are shorter than a cell), so borders would look dashed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// Arms from the centre to the edges (up, down, left, right), stroke width, rounded corner.
    Lines { up: bool, down: bool, left: bool, right: bool, heavy: bool, round: bool },
    /// A filled part of the cell: x, y, width, height as fractions of the cell.
    Block(f64, f64, f64, f64),
}

fn shape(text: &str) -> Option<Shape> {
    let mut chars = text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    let lines = |arms: &str, heavy: bool, round: bool| Shape::Lines {
        up: arms.contains('u'),
        down: arms.contains('d'),
        left: arms.contains('l'),
        right: arms.contains('r'),
        heavy,
        round,
    };
    Some(match c {
        '─' => lines("lr", false, false),
        '│' => lines("ud", false, false),
        '┌' => lines("dr", false, false),
        '┐' => lines("dl", false, false),
        '└' => lines("ur", false, false),
        '┘' => lines("ul", false, false),
        '├' => lines("udr", false, false),
        '┤' => lines("udl", false, false),
        '┬' => lines("dlr", false, false),
        '┴' => lines("ulr", false, false),
        '┼' => lines("udlr", false, false),
        '╭' => lines("dr", false, true),
        '╮' => lines("dl", false, true),
        '╰' => lines("ur", false, true),
        '╯' => lines("ul", false, true),
        '━' => lines("lr", true, false),
        '┃' => lines("ud", true, false),
        '┏' => lines("dr", true, false),
        '┓' => lines("dl", true, false),
        '┗' => lines("ur", true, false),
        '┛' => lines("ul", true, false),
        '█' => Shape::Block(0.0, 0.0, 1.0, 1.0),
        '▀' => Shape::Block(0.0, 0.0, 1.0, 0.5),
        '▄' => Shape::Block(0.0, 0.5, 1.0, 0.5),
        '▌' => Shape::Block(0.0, 0.0, 0.5, 1.0),
        '▐' => Shape::Block(0.5, 0.0, 0.5, 1.0),
        _ => return None,
    })
}

/// Box-drawing lines as one `<path>` per colour and weight; block elements as rectangles in one
/// path per colour (a run of the same block on a row is one rectangle), so that blocks side by
/// side, such as a QR code's, join without hairline gaps.
fn shapes(out: &mut String, rows: &[Vec<Cell>]) {
    let mut paths: std::collections::BTreeMap<(String, bool), String> = Default::default();
    let mut blocks = Paths::default();
    for (y, row) in rows.iter().enumerate() {
        let mut col = 0;
        // The run of whole-width blocks being extended: colour, x, y, width, height.
        let mut run: Option<(String, f64, f64, f64, f64)> = None;
        for cell in row {
            let (x0, y0) = (col as f64 * CELL_W, y as f64 * CELL_H);
            col += cell.width;
            let shape = shape(&cell.text);
            let fg = look(cell.style).fg;
            if let Some(Shape::Block(0.0, y, 1.0, h)) = shape
                && let Some((color, _, ry, rw, rh)) = &mut run
                && *color == fg
                && *ry == y0 + y * CELL_H
                && *rh == h * CELL_H
            {
                *rw += cell.width as f64 * CELL_W;
                continue;
            }
            if let Some((color, x, y, w, h)) = run.take() {
                blocks.rect(&color, x, y, w, h);
            }
            let Some(shape) = shape else { continue };
            match shape {
                Shape::Block(x, y, w, h) => {
                    let rect = (fg, x0 + x * CELL_W, y0 + y * CELL_H, w * cell.width as f64 * CELL_W, h * CELL_H);
                    if w == 1.0 {
                        run = Some(rect);
                    } else {
                        blocks.rect(&rect.0, rect.1, rect.2, rect.3, rect.4);
                    }
                }
                Shape::Lines { up, down, left, right, heavy, round } => {
                    let d = paths.entry((fg, heavy)).or_default();
                    let (cx, cy) = (x0 + CELL_W / 2.0, y0 + CELL_H / 2.0);
                    let ends = [(up, cx, y0), (down, cx, y0 + CELL_H), (left, x0, cy), (right, x0 + CELL_W, cy)];
                    let ends: Vec<(f64, f64)> = ends.iter().filter(|e| e.0).map(|e| (e.1, e.2)).collect();
                    if round && ends.len() == 2 {
                        let [(ax, ay), (bx, by)] = [ends[0], ends[1]];
                        let _ = write!(d, "M{ax:.1} {ay:.1}Q{cx:.1} {cy:.1} {bx:.1} {by:.1}");
                    } else {
                        for (ex, ey) in ends {
                            let _ = write!(d, "M{cx:.1} {cy:.1}L{ex:.1} {ey:.1}");
                        }
                    }
                }
            }
        }
        if let Some((color, x, y, w, h)) = run {
            blocks.rect(&color, x, y, w, h);
        }
    }
    blocks.write(out);
    for ((color, heavy), d) in paths {
        let width = if heavy { 2.5 } else { 1.2 };
        let _ = writeln!(
            out,
            r#"<path d="{d}" stroke="{color}" stroke-width="{width}" stroke-linecap="square" fill="none"/>"#
        );
    }
}

/// One `<text>` for cells of one look, leading and trailing blanks left out (and the cells drawn
/// as shapes).
fn text_run(out: &mut String, cells: &[Cell], col: usize, row: usize, look: &Look) {
    let blank = |c: &Cell| c.text.trim().is_empty() || shape(&c.text).is_some();
    let Some(first) = cells.iter().position(|c| !blank(c)) else { return };
    let last = cells.iter().rposition(|c| !blank(c)).unwrap_or(first);
    let mut x = col + cells[..first].iter().map(|c| c.width).sum::<usize>();
    let mut xs = Vec::new();
    let mut text = String::new();
    for cell in &cells[first..=last] {
        if shape(&cell.text).is_some() {
            x += cell.width;
            continue;
        }
        for c in cell.text.chars() {
            for _ in 0..c.len_utf16() {
                xs.push(format!("{:.1}", x as f64 * CELL_W));
            }
        }
        text.push_str(&cell.text);
        x += cell.width;
    }
    let mut classes = Vec::new();
    for (on, class) in [(look.bold, "b"), (look.italic, "i"), (look.underline, "u"), (look.strike, "s")] {
        if on {
            classes.push(class);
        }
    }
    let class = if classes.is_empty() { String::new() } else { format!(r#" class="{}""#, classes.join(" ")) };
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{:.1}" fill="{}"{class}>{}</text>"#,
        xs.join(" "),
        row as f64 * CELL_H + CELL_H * 0.78,
        look.fg,
        escape_xml(&text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ansi::parse;

    #[test]
    fn wide_characters_take_two_columns() {
        let rows = parse("山田 x", 8, 2);
        let widths: Vec<usize> = rows[0].iter().map(|c| c.width).collect();
        assert_eq!(widths, [2, 2, 1, 1, 1, 1]);
        assert_eq!(rows.len(), 2);
        let picture = svg(&rows, None, "t");
        assert!(picture.contains(r#"<text x="0.0 16.8 33.6 42.0" "#), "{picture}");
    }

    #[test]
    fn blocks_side_by_side_are_one_path_without_gaps() {
        let picture = svg(&parse("\x1b[97;40m██▀▀▄ ", 6, 1), None, "t");
        let white = picture.lines().filter(|l| l.starts_with("<path") && l.contains(r##"fill="#eaeaea""##));
        let white: Vec<&str> = white.collect();
        assert_eq!(white.len(), 1, "{picture}");
        assert!(white[0].contains("M0.0 0.0h16.8v17.0h-16.8z"), "{picture}");
        assert!(white[0].contains("M16.8 0.0h16.8v8.5h-16.8z"), "{picture}");
        assert!(white[0].contains("M33.6 8.5h8.4v8.5h-8.4z"), "{picture}");
        let black = picture.lines().filter(|l| l.contains(r##"fill="#282a2e""##)).collect::<Vec<_>>();
        assert_eq!(black, [r##"<path d="M0.0 0.0h50.4v17.0h-50.4z" fill="#282a2e"/>"##], "{picture}");
        assert!(!picture.contains('█') && !picture.contains('▀'), "blocks are drawn, not written");
    }

    #[test]
    fn text_is_escaped() {
        let picture = svg(&parse("<a&b>", 5, 1), Some((0, 0)), "<t>");
        assert!(picture.contains("&lt;a&amp;b&gt;") && !picture.contains("<t>"));
    }
}
