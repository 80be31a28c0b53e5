//! Screen captures for the README, taken from the real binary running the demo.
//!
//! `cargo run --example screenshots` builds `mastokey`, runs `mastokey --demo` in a private tmux
//! server at 100×30, walks through every screen (a `$BROWSER` script approves with curl as the
//! demo's Japanese account), and writes `assets/NN-name.svg` (a terminal picture drawn from
//! `tmux capture-pane -e`, colours included) and `assets/NN-name.txt` (the plain text) for each.
//!
//! Needs tmux and curl. The port and the random state in the URL differ on every run.

#[path = "../tests/support/demo.rs"]
mod demo;
#[path = "../tests/support/tmux.rs"]
mod tmux;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_width::UnicodeWidthChar;

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;
/// The account the profile capture shows: a Japanese name checks wide characters in the picture.
const ACCOUNT: &str = "hanako";

fn main() {
    for tool in ["tmux", "curl"] {
        let ok = Command::new(tool).arg(if tool == "tmux" { "-V" } else { "--version" }).output();
        assert!(ok.is_ok_and(|o| o.status.success()), "{tool} is needed to take the screenshots");
    }
    let bin = build_binary();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::create_dir_all(&assets).expect("create assets/");
    let work = tempfile::tempdir().expect("temporary directory");
    let (browser, code_file) = demo::curl_browser(work.path(), ACCOUNT);
    let done = work.path().join("after-exit");
    let command = format!("{} --demo --redirect oob; echo \"exit=$?\" > '{}'", bin.display(), done.display());
    let env = [
        ("TERM", "xterm-256color".to_owned()),
        // An empty NO_COLOR counts as unset: the pictures are in colour whatever the caller has.
        ("NO_COLOR", String::new()),
        ("BROWSER", browser.display().to_string()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let t = tmux::Tmux::start("screenshots", &command, &env, WIDTH, HEIGHT);
    let shot = |name: &str| capture(&t, &assets, name);

    // The demo looks its server up by itself and lands on the scopes; esc shows the first screen.
    t.wait_for("Scope string requested");
    t.keys(&["Escape"]);
    t.wait_for("Which server is your account on?");
    shot("01-instance");

    // Scopes: open `read`, pick two of its children (the parent shows [-]), keep the cursor on
    // the last one so the side panel explains it.
    t.keys(&["Enter"]);
    t.wait_for("Scope string requested");
    t.keys(&["j", "l"]);
    t.wait_for("read:accounts");
    t.keys(&["j", "Space"]);
    t.wait_until("read:accounts chosen", |s| scope_string(s).contains("read:accounts"));
    move_to(&t, "read:notifications");
    t.keys(&["Space"]);
    t.wait_until("read:notifications chosen", |s| scope_string(s).contains("read:notifications"));
    shot("02-scopes");

    t.keys(&["?"]);
    t.wait_for("Keys on this screen");
    shot("06-help");
    t.keys(&["Escape"]);
    t.wait_until("help closed", |s| !s.contains("Keys on this screen"));

    // Authorize: `o` runs the curl browser, which approves and keeps the code.
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["o"]);
    let code = demo::wait_for_code(&code_file);
    t.wait_for("Opened in your browser");
    shot("03-authorize");

    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.paste(&code);
    t.wait_for(&code);
    shot("04-code");

    t.keys(&["Enter"]);
    t.wait_until("the profile, saved", |s| {
        s.contains("山田花子") && demo::saved_in(s).is_some_and(|p| p.is_absolute())
    });
    shot("05-profile");

    t.keys(&["q"]);
    demo::wait_until("mastokey to exit", || std::fs::read_to_string(&done).is_ok_and(|s| s.ends_with('\n')));
    let status = std::fs::read_to_string(&done).unwrap();
    assert_eq!(status.trim(), "exit=0", "mastokey --demo failed");
    println!("wrote 6 screens to {}", assets.display());
}

/// Builds the binary (a cargo example does not) in the same profile as this example, and
/// returns its path beside ours: `target/<profile>/examples/screenshots` → `target/<profile>/mastokey`.
fn build_binary() -> PathBuf {
    let me = std::env::current_exe().expect("path of this example");
    let profile_dir = me.parent().and_then(Path::parent).expect("target/<profile>/examples/").to_path_buf();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build.args(["build", "--bin", "mastokey"]).current_dir(env!("CARGO_MANIFEST_DIR"));
    if profile_dir.file_name().is_some_and(|n| n == "release") {
        build.arg("--release");
    }
    assert!(build.status().expect("run cargo build").success(), "cargo build --bin mastokey failed");
    let bin = profile_dir.join("mastokey");
    assert!(bin.is_file(), "no binary at {}", bin.display());
    bin
}

/// The text inside the "Scope string requested" box.
fn scope_string(screen: &str) -> String {
    let mut lines = screen.lines().skip_while(|l| !l.contains("Scope string requested"));
    lines.nth(1).unwrap_or_default().trim().trim_matches('│').trim().to_owned()
}

/// Moves the scope cursor down until the side panel explains `scope` (its first line names it).
fn move_to(t: &tmux::Tmux, scope: &str) {
    let marker = format!("││{scope} ");
    for _ in 0..30 {
        let before = t.screen();
        if before.contains(&marker) {
            return;
        }
        t.keys(&["j"]);
        t.wait_until("the cursor to move", |s| s != before);
    }
    panic!("the cursor never reached {scope}:\n{}", t.screen());
}

/// Writes `name.svg` (from the coloured capture) and `name.txt` (plain) into `dir`.
fn capture(t: &tmux::Tmux, dir: &Path, name: &str) {
    let out = |args: &[&str]| String::from_utf8_lossy(&t.tmux(args).stdout).into_owned();
    let ansi = out(&["capture-pane", "-e", "-p", "-t", "0"]);
    let plain = out(&["capture-pane", "-p", "-t", "0"]);
    let cursor = out(&["display-message", "-p", "-t", "0", "#{cursor_flag} #{cursor_x} #{cursor_y}"]);
    let cursor = match cursor.split_whitespace().collect::<Vec<_>>()[..] {
        ["1", x, y] => x.parse().ok().zip(y.parse().ok()),
        _ => None,
    };
    let screen = parse(&ansi, WIDTH as usize, HEIGHT as usize);
    std::fs::write(dir.join(format!("{name}.svg")), svg(&screen, cursor, "mastokey --demo")).unwrap();
    let mut text = plain.trim_end_matches('\n').to_owned();
    text.push('\n');
    std::fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    println!("captured {name}");
}

// ---- ANSI SGR to cells ----------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Color {
    #[default]
    Default,
    Indexed(u8),
    Rgb(u8, u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Style {
    fg: Color,
    bg: Color,
    bold: bool,
    dim: bool,
    italic: bool,
    underline: bool,
    reverse: bool,
    strike: bool,
}

/// One character on the grid; a wide one has `width` 2 and covers the next column too.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    width: usize,
    style: Style,
}

/// Rows of cells: every row covers exactly `width` columns.
fn parse(ansi: &str, width: usize, height: usize) -> Vec<Vec<Cell>> {
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
        // Trailing columns tmux left out: blank, in the last style (a background may go on).
        let fill = Style { bg: style.bg, reverse: style.reverse, ..Style::default() };
        row.extend((col..width).map(|_| Cell { text: " ".into(), width: 1, style: fill }));
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

// ---- cells to SVG ---------------------------------------------------------------------------

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
fn svg(rows: &[Vec<Cell>], cursor: Option<(usize, usize)>, title: &str) -> String {
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
    // Backgrounds first, merged over runs of the same colour.
    for (y, row) in rows.iter().enumerate() {
        let mut col = 0;
        let mut run: Option<(usize, usize, String)> = None;
        for cell in row {
            let bg = look(cell.style).bg;
            match (&mut run, bg) {
                (Some((_, len, color)), Some(bg)) if *color == bg => *len += cell.width,
                (_, bg) => {
                    if let Some((start, len, color)) = run.take() {
                        rect(&mut out, start, y, len, &color);
                    }
                    run = bg.map(|bg| (col, cell.width, bg));
                }
            }
            col += cell.width;
        }
        if let Some((start, len, color)) = run {
            rect(&mut out, start, y, len, &color);
        }
    }
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

fn rect(out: &mut String, col: usize, row: usize, len: usize, color: &str) {
    let _ = writeln!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{CELL_H}" fill="{color}"/>"#,
        col as f64 * CELL_W,
        row as f64 * CELL_H,
        len as f64 * CELL_W
    );
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

/// Box-drawing lines as one `<path>` per colour and weight, block elements as rectangles.
fn shapes(out: &mut String, rows: &[Vec<Cell>]) {
    let mut paths: std::collections::BTreeMap<(String, bool), String> = Default::default();
    for (y, row) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in row {
            let (x0, y0) = (col as f64 * CELL_W, y as f64 * CELL_H);
            col += cell.width;
            let Some(shape) = shape(&cell.text) else { continue };
            let fg = look(cell.style).fg;
            match shape {
                Shape::Block(x, y, w, h) => {
                    let _ = writeln!(
                        out,
                        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fg}"/>"#,
                        x0 + x * CELL_W,
                        y0 + y * CELL_H,
                        w * CELL_W,
                        h * CELL_H
                    );
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
    }
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
    fn wide_characters_take_two_columns() {
        let rows = parse("山田 x", 8, 2);
        let widths: Vec<usize> = rows[0].iter().map(|c| c.width).collect();
        assert_eq!(widths, [2, 2, 1, 1, 1, 1]);
        assert_eq!(rows.len(), 2);
        let picture = svg(&rows, None, "t");
        assert!(picture.contains(r#"<text x="0.0 16.8 33.6 42.0" "#), "{picture}");
    }

    #[test]
    fn text_is_escaped() {
        let picture = svg(&parse("<a&b>", 5, 1), Some((0, 0)), "<t>");
        assert!(picture.contains("&lt;a&amp;b&gt;") && !picture.contains("<t>"));
    }
}
