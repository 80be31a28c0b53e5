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
//! The pictures are drawn here, not by a screenshot tool: `ansi` reads the coloured capture into
//! styled cells, `svg` draws them.
//!
//! Needs tmux and curl. The port and the random state in the URL differ on every run.

// The tests' own drivers (tests/it/support), so the pictures are taken the way the tests drive
// mastokey. The tests use all of them (the build checks it there); this example uses a part.
#[allow(dead_code)]
#[path = "../../tests/it/support/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../../tests/it/support/poll.rs"]
mod poll;
#[allow(dead_code)]
#[path = "../../tests/it/support/screen.rs"]
mod screen;
#[allow(dead_code)]
#[path = "../../tests/it/support/tmux.rs"]
mod tmux;

mod ansi;
mod svg;

use std::path::{Path, PathBuf};
use std::process::Command;

use ansi::{Cell, Color, parse};
use mastokey::qr::QrMatrix;
use svg::svg;

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
    for lang in [mastokey::i18n::Lang::Ja, mastokey::i18n::Lang::Fr] {
        let dir = work.path().join(lang.code());
        std::fs::create_dir_all(&dir).expect("create a working directory");
        in_language(&bin, &assets, &dir, lang);
    }
    println!("wrote 12 screens to {}", assets.display());
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
        lines.first().is_some_and(|l| l.contains("3 Authorize"))
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

/// The scopes and the profile in Japanese or French (`MASTOKEY_LANG`), at 80×24: what a person
/// with that locale sees. Written as `assets/LANG-02-scopes.svg` and `assets/LANG-05-profile.svg`.
fn in_language(bin: &Path, assets: &Path, dir: &Path, lang: mastokey::i18n::Lang) {
    let say = |id: &str| mastokey::i18n::with(lang, || mastokey::i18n::text(id));
    let browser = browser::Browser::code_keeper(dir, ACCOUNT).write();
    let command = format!("'{}' --demo --redirect oob", bin.display());
    let done = dir.join("after-exit");
    let command = format!("{command}; echo \"exit=$?\" > '{}'", done.display());
    let browser_path = browser.path.display().to_string();
    let env = [
        ("TERM", "xterm-256color"),
        ("NO_COLOR", ""),
        ("BROWSER", browser_path.as_str()),
        ("MASTOKEY_LANG", lang.code()),
    ];
    let t = tmux::Tmux::start(&format!("screenshots-{}", lang.code()), &command, &env, 80, 24);
    let title = format!("MASTOKEY_LANG={} mastokey --demo", lang.code());
    let shot = |name: &str| capture(&t, assets, &format!("{}-{name}", lang.code()), &title);
    t.wait_for(&say("scopes-string-title"));
    t.keys(&["j"]);
    t.wait_until("read highlighted", |s| s.contains("▸ [ ] read"));
    shot("02-scopes");
    t.keys(&["Enter"]);
    t.wait_for(&say("authorize-url-title"));
    t.keys(&["o"]);
    let code = browser.result();
    t.keys(&["Enter"]);
    t.wait_for(&say("code-box"));
    t.paste(&code);
    t.wait_for(&code);
    t.keys(&["Enter"]);
    t.wait_until("the profile, saved, with its avatar", |s| {
        s.contains("▀▀▀▀  山田花子") && s.contains(&say("profile-scopes-granted"))
    });
    shot("05-profile");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorize_url_and_the_size_the_qr_code_needs_are_read_off_the_screen() {
        let screen = " ╭ Authorize URL ──╮\n │http://a/b?c=│\n │d&e=f        │\n ╰─────────────╯\n";
        assert_eq!(authorize_url(screen), "http://a/b?c=d&e=f");
        let small = "The QR code needs a terminal of at least\n69×37 (this one is 100×30).";
        assert_eq!(needed_size(small), Some((69, 37)));
        assert_eq!(needed_size("Scan with your phone"), None);
    }
}
