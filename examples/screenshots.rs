//! Screen captures for the README, taken from the real binary running the demo.
//!
//! `cargo run --example screenshots` builds `mastokey` and runs `mastokey --demo` twice, each time
//! in a private tmux server at 100×30, and writes `assets/NN-name.svg` (a terminal picture drawn from
//! `tmux capture-pane -e`, colours included) and `assets/NN-name.txt` (the plain text) for each
//! screen:
//!
//! - the default, automatic login (loopback redirect): server, scopes, help, the authorize screen
//!   waiting for the browser, its QR code (the window grows while it is shown), then a `$BROWSER`
//!   script approves with curl as the demo's Japanese account and follows the redirect to
//!   mastokey's listener, and the profile and the accounts screen appear;
//! - a paste login (`--redirect oob`) for the code screen, with the code pasted.
//!
//! Needs tmux and curl. The port and the random state in the URL differ on every run.

// The tests' own drivers (tests/it/support), so the pictures are taken the way the tests drive
// mastokey. The tests use all of them (the build checks it there); this example uses a part.
#[allow(dead_code)]
#[path = "../tests/it/support/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../tests/it/support/poll.rs"]
mod poll;
#[path = "../tests/it/support/screen.rs"]
mod screen;
#[allow(dead_code)]
#[path = "../tests/it/support/tmux.rs"]
mod tmux;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use mastokey::qr::QrMatrix;
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
    let automatic_dir = work.path().join("automatic");
    let paste_dir = work.path().join("paste");
    for dir in [&automatic_dir, &paste_dir] {
        std::fs::create_dir_all(dir).expect("create a working directory");
    }
    automatic_login(&bin, &assets, &automatic_dir);
    paste_login(&bin, &assets, &paste_dir);
    println!("wrote 8 screens to {}", assets.display());
}

/// mastokey in its own tmux server, with a `$BROWSER` and colours on; the shell writes
/// `exit=STATUS` to the returned file when mastokey ends.
fn start(name: &str, command: &str, browser: &Path, dir: &Path) -> (tmux::Tmux, PathBuf) {
    let done = dir.join("after-exit");
    let command = format!("{command}; echo \"exit=$?\" > '{}'", done.display());
    let env = [
        ("TERM", "xterm-256color".to_owned()),
        // An empty NO_COLOR counts as unset: the pictures are in colour whatever the caller has.
        ("NO_COLOR", String::new()),
        ("BROWSER", browser.display().to_string()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    (tmux::Tmux::start(name, &command, &env, WIDTH, HEIGHT), done)
}

/// Quits mastokey with `q` and checks it exited cleanly.
fn quit(t: &tmux::Tmux, done: &Path) {
    t.keys(&["q"]);
    let status = poll::poll("mastokey to exit").until(|| match std::fs::read_to_string(done) {
        Ok(status) if status.ends_with('\n') => Ok(status),
        Ok(status) => Err(format!("{status:?}")),
        Err(e) => Err(format!("{}: {e}", done.display())),
    });
    assert_eq!(status.trim(), "exit=0", "mastokey --demo failed");
}

/// The default run, as someone with a browser on this machine has it: the code comes back by
/// itself through the loopback redirect.
fn automatic_login(bin: &Path, assets: &Path, dir: &Path) {
    // The browser acts as a real one would in automatic mode: it checks the consent page,
    // approves, and follows the server's redirect to mastokey's listener.
    let browser = browser::Browser::redirect_follower(dir, ACCOUNT).check_consent().write();
    // Over SSH mastokey would default to paste mode; the pictures show the default at a desk.
    let command = format!("unset SSH_CONNECTION SSH_TTY; '{}' --demo", bin.display());
    let (t, done) = start("screenshots", &command, &browser.path, dir);
    let shot = |name: &str| capture(&t, assets, name, "mastokey --demo");

    // The demo looks its server up by itself and lands on the scopes; esc shows the first screen.
    t.wait_for("Scope string requested");
    t.keys(&["Escape"]);
    t.wait_for("Which server is your account on?");
    shot("01-instance");

    t.keys(&["Enter"]);
    choose_scopes(&t);
    shot("02-scopes");

    t.keys(&["?"]);
    t.wait_for("Keys on this screen");
    shot("06-help");
    t.keys(&["Escape"]);
    t.wait_until("help closed", |s| !s.contains("Keys on this screen"));

    // Authorize, in the default mode: mastokey listens and counts down.
    t.keys(&["Enter"]);
    let screen = t.wait_until("the listener's countdown", |s| {
        s.contains("Automatic mode") && s.contains("Waiting for your browser…") && s.contains(" left")
    });
    let url = authorize_url(&screen);
    assert!(url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"), "not a loopback redirect: {url}");
    shot("03-authorize");

    // The QR code needs a taller window than the others: grow it as mastokey asks, then back.
    t.keys(&["p"]);
    let screen = t.wait_until("the QR code or the size it needs", |s| {
        s.contains("Scan with your phone") || s.contains("needs a terminal of at least")
    });
    if let Some((w, h)) = needed_size(&screen) {
        resize(&t, w.max(WIDTH), h + 2);
        t.wait_for("Scan with your phone");
    }
    let (ansi, width, height) = capture(&t, assets, "07-qr", "mastokey --demo");
    check_qr(&parse(&ansi, width, height), &url);
    t.keys(&["p"]);
    t.wait_for("Authorize URL");
    resize(&t, WIDTH, HEIGHT);
    // Shrinking scrolls the old picture up in tmux until mastokey repaints the whole screen.
    t.wait_until("the authorize screen repainted", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.first().is_some_and(|l| l.contains("step 3 of 5"))
            && lines.len() == HEIGHT as usize
            && lines.iter().rev().take(3).any(|l| l.contains("o open in browser"))
    });

    // `o` runs the browser script: it approves, follows the redirect to mastokey's listener, and
    // the profile appears with nothing pasted.
    t.keys(&["o"]);
    let answer = browser.result();
    assert!(answer.contains("You can close this tab"), "the listener answered:\n{answer}");
    let opened = std::fs::read_to_string(&browser.opened).expect("the URL the browser opened");
    assert_eq!(opened, url, "the browser opened another URL than the screen showed");
    // Saved, and the avatar fetched and drawn beside the name.
    t.wait_until("the profile, saved, with its avatar", |s| {
        s.contains("▀▀▀▀  山田花子") && screen::saved_in(s).is_some_and(|p| p.is_absolute())
    });
    shot("05-profile");

    t.keys(&["a"]);
    t.wait_until("the accounts screen", |s| s.contains("1 saved login") && s.contains(&format!("@{ACCOUNT}@")));
    shot("08-accounts");
    quit(&t, &done);
}

/// A second run in paste mode (`--redirect oob`), for the code screen.
fn paste_login(bin: &Path, assets: &Path, dir: &Path) {
    let browser = browser::Browser::code_keeper(dir, ACCOUNT).check_consent().write();
    let command = format!("'{}' --demo --redirect oob", bin.display());
    let (t, done) = start("screenshots-paste", &command, &browser.path, dir);

    t.wait_for("Scope string requested");
    choose_scopes(&t);
    t.keys(&["Enter"]);
    t.wait_for("Paste mode");
    // `o` runs the curl browser, which approves and keeps the code the server shows.
    t.keys(&["o"]);
    let code = browser.result();
    t.wait_for("Opened in your browser");

    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.paste(&code);
    t.wait_for(&code);
    capture(&t, assets, "04-code", "mastokey --demo --redirect oob");

    t.keys(&["Enter"]);
    // Saved, and the avatar fetched and drawn beside the name.
    t.wait_until("the profile, saved, with its avatar", |s| {
        s.contains("▀▀▀▀  山田花子") && screen::saved_in(s).is_some_and(|p| p.is_absolute())
    });
    quit(&t, &done);
}

/// Scopes: open `read`, pick two of its children (the parent shows [-]), keep the cursor on the
/// last one so the side panel explains it.
fn choose_scopes(t: &tmux::Tmux) {
    t.wait_for("Scope string requested");
    t.keys(&["j", "l"]);
    t.wait_for("read:accounts");
    t.keys(&["j", "Space"]);
    t.wait_until("read:accounts chosen", |s| scope_string(s).contains("read:accounts"));
    move_to(t, "read:notifications");
    t.keys(&["Space"]);
    t.wait_until("read:notifications chosen", |s| scope_string(s).contains("read:notifications"));
}

/// The URL in the "Authorize URL" box, its wrapped lines joined.
fn authorize_url(screen: &str) -> String {
    let lines = screen.lines().skip_while(|l| !l.contains("╭ Authorize URL")).skip(1);
    let inside = lines.take_while(|l| !l.trim_start().starts_with('╰'));
    inside.map(|l| l.trim().trim_matches('│').trim()).collect()
}

/// The size the QR overlay asks for: "needs a terminal of at least 69×37".
fn needed_size(screen: &str) -> Option<(u16, u16)> {
    let text = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let rest = text.split("needs a terminal of at least ").nth(1)?;
    let size = rest.split_whitespace().next()?;
    let (w, h) = size.split_once('×')?;
    Some((w.parse().ok()?, h.parse().ok()?))
}

fn resize(t: &tmux::Tmux, width: u16, height: u16) {
    let out = t.tmux(&["resize-window", "-t", "0", "-x", &width.to_string(), "-y", &height.to_string()]);
    assert!(out.status.success(), "tmux resize-window: {}", String::from_utf8_lossy(&out.stderr));
    let size = format!("{width} {height}");
    poll::poll("the window to resize").until(|| {
        let now = t.format("#{pane_width} #{pane_height}");
        if now == size { Ok(()) } else { Err(now) }
    });
}

/// The QR code in the capture, module by module, must be the code of `url` (quiet zone included):
/// a phone scanning the picture gets the authorize URL.
fn check_qr(rows: &[Vec<Cell>], url: &str) {
    let expected = QrMatrix::new(url).expect("the URL fits in a QR code");
    // The code's cells: white on black whatever the theme (the terminal's background is the
    // default one), light modules drawn as the upper and lower half blocks.
    let is_qr = |c: &Cell| {
        c.style.fg == Color::Indexed(15)
            && c.style.bg == Color::Indexed(0)
            && matches!(c.text.as_str(), "█" | "▀" | "▄" | " ")
    };
    let top = rows.iter().position(|r| r.iter().any(is_qr)).expect("no QR code on the screen");
    let left = rows[top].iter().position(is_qr).unwrap();
    let (cols, cell_rows) = expected.cells();
    for row in 0..cell_rows as usize {
        for col in 0..cols as usize {
            let cell = rows.get(top + row).and_then(|r| r.get(left + col));
            // With an odd number of module rows the last cell row is an upper half block over the
            // terminal's own background, white or black by the module.
            let last_half = 2 * row + 1 >= expected.size;
            let half = |c: &Cell| {
                c.text == "▀" && c.style.bg == Color::Default && matches!(c.style.fg, Color::Indexed(15 | 0))
            };
            let cell = cell
                .filter(|c| if last_half { half(c) } else { is_qr(c) })
                .unwrap_or_else(|| panic!("the QR code is cut at {col},{row}"));
            if last_half {
                assert_eq!(
                    cell.style.fg == Color::Indexed(0),
                    expected.is_dark(col, 2 * row),
                    "QR module {col},{}",
                    2 * row
                );
                continue;
            }
            let (light_top, light_bottom) = match cell.text.as_str() {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                _ => (false, false),
            };
            assert_eq!(!light_top, expected.is_dark(col, 2 * row), "QR module {col},{} differs", 2 * row);
            if 2 * row + 1 < expected.size {
                assert_eq!(
                    !light_bottom,
                    expected.is_dark(col, 2 * row + 1),
                    "QR module {col},{} differs",
                    2 * row + 1
                );
            }
        }
    }
    println!("the QR code is complete: {} modules square, the authorize URL", expected.size);
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

/// Writes `name.svg` (from the coloured capture, `title` on its window) and `name.txt` (plain)
/// into `dir`; returns the coloured capture and the pane's size.
fn capture(t: &tmux::Tmux, dir: &Path, name: &str, title: &str) -> (String, usize, usize) {
    let out = |args: &[&str]| String::from_utf8_lossy(&t.tmux(args).stdout).into_owned();
    // -N keeps trailing blanks, so a background that runs on to the right edge is in the capture.
    let ansi = out(&["capture-pane", "-e", "-N", "-p", "-t", "0"]);
    let plain = out(&["capture-pane", "-p", "-t", "0"]);
    let info = t.format("#{pane_width} #{pane_height} #{cursor_flag} #{cursor_x} #{cursor_y}");
    let info: Vec<usize> = info.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    let [width, height, flag, x, y] = info[..] else { panic!("tmux did not say the pane's size and cursor") };
    let cursor = (flag == 1).then_some((x, y));
    let screen = parse(&ansi, width, height);
    std::fs::write(dir.join(format!("{name}.svg")), svg(&screen, cursor, title)).unwrap();
    let mut text = plain.trim_end_matches('\n').to_owned();
    text.push('\n');
    std::fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    println!("captured {name}");
    (ansi, width, height)
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
    fn columns_tmux_left_out_are_blank_but_the_style_carries_to_the_next_line() {
        let rows = parse("\x1b[41mAB\nC", 4, 3);
        assert_eq!(rows[0][1].style.bg, Color::Indexed(1));
        assert_eq!(rows[0][2].style, Style::default(), "nothing was written after AB");
        assert_eq!(rows[1][0].style.bg, Color::Indexed(1), "C is still on red");
        assert_eq!(rows[1][1].style, Style::default());
        assert!(rows[2].iter().all(|c| c.style == Style::default() && c.text == " "));
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
    fn the_authorize_url_and_the_size_the_qr_code_needs_are_read_off_the_screen() {
        let screen = " ╭ Authorize URL ──╮\n │http://a/b?c=│\n │d&e=f        │\n ╰─────────────╯\n";
        assert_eq!(authorize_url(screen), "http://a/b?c=d&e=f");
        let small = "The QR code needs a terminal of at least\n69×37 (this one is 100×30).";
        assert_eq!(needed_size(small), Some((69, 37)));
        assert_eq!(needed_size("Scan with your phone"), None);
    }

    #[test]
    fn text_is_escaped() {
        let picture = svg(&parse("<a&b>", 5, 1), Some((0, 0)), "<t>");
        assert!(picture.contains("&lt;a&amp;b&gt;") && !picture.contains("<t>"));
    }
}
