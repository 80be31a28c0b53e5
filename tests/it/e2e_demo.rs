//! End-to-end: `mastokey --demo`, the real binary in tmux, logs in against its built-in server
//! with a `$BROWSER` that approves with curl, and leaves nothing behind.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::BIN;
use crate::support::browser::Browser;
use crate::support::poll::poll;
use crate::support::sandbox::{Sandbox, tree};
use crate::support::screen::saved_in;
use crate::support::tmux::{Tmux, cpu_ticks};

tests! {
    demo_logs_in_with_a_real_code_and_leaves_nothing_behind needs [Tmux, Curl],
    demo_refuses_a_wrong_code_through_the_server_and_keeps_it needs [Tmux, Curl],
    a_hang_up_still_removes_the_demo_directory needs [Tmux, Curl],
    killing_the_terminal_ends_the_demo_at_once_and_removes_its_directory needs [Tmux, Curl],
    with_hang_ups_ignored_a_killed_terminal_still_ends_the_demo_without_spinning needs [Tmux, Curl],
    the_demo_logs_in_automatically_by_default_and_explains_a_denial needs [Tmux, Curl],
    the_demo_speaks_japanese_under_a_japanese_locale needs [Tmux, Curl],
    the_demo_speaks_french_under_a_french_locale needs [Tmux, Curl],
}

const BANNER: &str = "DEMO SERVER";

/// Waits for `text` and checks the demo banner is on that screen too.
fn wait_on_demo_screen(t: &Tmux, text: &str) -> String {
    let screen = t.wait_for(text);
    assert!(screen.contains(BANNER), "no demo banner on the screen showing {text:?}:\n{screen}");
    screen
}

fn demo_logs_in_with_a_real_code_and_leaves_nothing_behind() {
    let sandbox = Sandbox::new();
    let (t, browser) = sandbox.start("demo", "ada");

    // The demo fills in its own server and looks it up: the first screen to wait on is the scopes.
    let scopes = wait_on_demo_screen(&t, "Scope string requested");
    assert!(scopes.contains("mastokey demo server"), "{scopes}");
    t.keys(&["Enter"]);
    let authorize = wait_on_demo_screen(&t, "Authorize URL");
    assert!(authorize.contains("http://127.0.0.1:"), "{authorize}");

    // `o` runs $BROWSER: curl opens the page, approves as ada and writes down the code.
    t.keys(&["o"]);
    let code = browser.result();
    let opened = wait_on_demo_screen(&t, "Opened in your browser");
    let consent = std::fs::read_to_string(&browser.consent).unwrap();
    assert!(consent.contains("Ada Lovelace (@ada)"), "the consent page lists the demo accounts:\n{consent}");

    t.keys(&["Enter"]);
    wait_on_demo_screen(&t, "Paste the code");
    t.paste(&format!("{code}\n"));
    let pasted = wait_on_demo_screen(&t, &code);
    t.keys(&["Enter"]);
    // "Saved in saving…" first, then the path.
    let profile = t.wait_until("the profile, saved", |s| {
        s.contains("Ada Lovelace") && saved_in(s).is_some_and(|p| p.is_absolute())
    });
    for (name, screen) in
        [("scopes", &scopes), ("authorize", &authorize), ("opened", &opened), ("code", &pasted), ("profile", &profile)]
    {
        assert!(screen.contains(BANNER), "no demo banner on the {name} screen:\n{screen}");
    }
    assert!(profile.contains("@ada@127.0.0.1:"), "{profile}");
    // The avatar, fetched from the demo server and drawn in half blocks beside the name.
    t.wait_for("▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Ada Lovelace");
    assert!(!profile.contains(&code), "the code is not left on screen:\n{profile}");
    scrolls_to_the_last_row_and_no_further(&t);

    // Saved in the demo's own temporary directory, which exists while mastokey runs…
    let saved = saved_in(&profile).unwrap_or_else(|| panic!("no path after \"Saved in\":\n{profile}"));
    let demo_dir = demo_dir_of(&saved, &sandbox.tmp());
    assert!(demo_dir.is_dir(), "{} does not exist while the demo runs", demo_dir.display());
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&demo_dir).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o700, "the demo's directory is the user's alone");
    let logins = tree(&demo_dir);
    assert!(logins.iter().any(|p| p.ends_with("logins.json")), "nothing saved in the demo dir: {logins:?}");

    // …and is gone after `q`, while HOME and the real config dir never saw anything.
    t.keys(&["q"]);
    assert_eq!(sandbox.exit_status(), "exit=0");
    assert!(!demo_dir.exists(), "the demo's directory outlived it: {:?}", tree(&demo_dir));
    assert!(tree(&sandbox.tmp()).is_empty(), "left in TMPDIR: {:?}", tree(&sandbox.tmp()));
    assert!(!sandbox.config_override().exists(), "the demo used MASTOKEY_CONFIG_DIR");
    sandbox.assert_home_untouched();
    assert_eq!(t.format("#{alternate_on}"), "0", "still on the alternate screen");
}

/// In a window too short for the profile, `j` scrolls to its last row and no further (the
/// footer then stops offering it), and one `k` is one row back.
fn scrolls_to_the_last_row_and_no_further(t: &Tmux) {
    let hint = "↓ scroll down";
    let window = |rows: &str| assert!(t.tmux(&["resize-window", "-t", "0", "-x", "100", "-y", rows]).status.success());
    window("16");
    let short = t.wait_until("the footer to offer scrolling", |s| s.contains(hint) && s.contains("▼"));
    assert!(!short.contains("▲"), "{short}");
    for _ in 0..40 {
        t.keys(&["j"]);
    }
    t.wait_until("the last row, with nothing more to scroll to", |s| {
        s.contains("▲") && !s.contains("▼") && !s.contains(hint)
    });
    t.keys(&["k"]);
    t.wait_until("one row back", |s| s.contains("▼ 1 more") && s.contains(hint));
    // Taller again: what scrolled away is still away, up to the rows that now fit.
    window("30");
    t.wait_until("the taller window", |s| s.lines().count() >= 30 && s.contains("Saved in"));
}

/// The directory the demo saved in: the child of TMPDIR that holds `saved` (a file or the
/// directory itself), so cleanup is checked on the whole directory.
fn demo_dir_of(saved: &Path, tmp: &Path) -> PathBuf {
    let rest = saved.strip_prefix(tmp).unwrap_or_else(|_| {
        panic!("the demo saved in {}, not in its temporary directory under {}", saved.display(), tmp.display())
    });
    let first = rest.components().next().unwrap_or_else(|| panic!("the demo saved in TMPDIR itself"));
    let dir = tmp.join(first);
    assert!(
        dir.file_name().unwrap().to_string_lossy().starts_with("mastokey-demo"),
        "unexpected demo directory {}",
        dir.display()
    );
    dir
}

fn demo_refuses_a_wrong_code_through_the_server_and_keeps_it() {
    let sandbox = Sandbox::new();
    let (t, _browser) = sandbox.start("demo-wrong", "ada");
    wait_on_demo_screen(&t, "Scope string requested");
    t.keys(&["Enter"]);
    wait_on_demo_screen(&t, "Authorize URL");
    t.keys(&["Enter"]);
    wait_on_demo_screen(&t, "Paste the code");
    t.type_text("not-the-code");
    t.keys(&["Enter"]);
    // The message comes from the server's answer (invalid_grant), after a real token request.
    let screen = wait_on_demo_screen(&t, "did not accept this code");
    assert!(screen.contains("│not-the-code "), "the typed code stays in the box:\n{screen}");
    assert!(!screen.contains("Saved in"), "{screen}");

    // Still on the code screen, and quitting from there cleans up too.
    t.keys(&["C-c"]);
    assert_eq!(sandbox.exit_status(), "exit=0");
    assert!(tree(&sandbox.tmp()).is_empty(), "left in TMPDIR: {:?}", tree(&sandbox.tmp()));
    sandbox.assert_home_untouched();
}

fn a_hang_up_still_removes_the_demo_directory() {
    let sandbox = Sandbox::new();
    let (t, _browser) = sandbox.start("demo-hup", "ada");
    wait_on_demo_screen(&t, "Scope string requested");
    t.keys(&["Enter"]);
    wait_on_demo_screen(&t, "Authorize URL");
    // The registration is saved in the demo's directory by now.
    poll("the registration saved").until(|| {
        let files = tree(&sandbox.tmp());
        if files.iter().any(|p| p.ends_with("registrations.json")) { Ok(()) } else { Err(format!("{files:?}")) }
    });
    let pid = t.program_pid().to_string();
    assert!(std::process::Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    assert_eq!(sandbox.exit_status(), "exit=129", "128 + SIGHUP");
    assert!(tree(&sandbox.tmp()).is_empty(), "left in TMPDIR: {:?}", tree(&sandbox.tmp()));
    sandbox.assert_home_untouched();
}

/// Starts `command` (the demo, perhaps under a shell that ignores SIGHUP), kills the whole tmux
/// server under it as `tmux kill-server` does, and checks the program is gone within two seconds,
/// used next to no CPU meanwhile (it did not spin on a terminal that is gone) and removed its
/// directory.
fn killed_terminal_ends_the_demo(name: &str, command: &str) {
    let sandbox = Sandbox::new();
    let browser = Browser::code_keeper(&sandbox.work(), "ada").write();
    let t = sandbox.start_command(name, command, &browser.path, &[], (100, 30));
    wait_on_demo_screen(&t, "Scope string requested");
    let pid = t.pid_of("mastokey");
    let demo_dir = poll("the demo's directory").until(|| {
        let dirs = tree(&sandbox.tmp());
        dirs.iter().find(|p| p.is_dir()).cloned().ok_or(format!("{dirs:?}"))
    });
    demo_dir_of(&demo_dir, &sandbox.tmp());
    let before = cpu_ticks(pid).expect("mastokey runs");

    t.tmux(&["kill-server"]);
    let killed = Instant::now();
    let mut last = before;
    poll(format!("mastokey ({pid}) to exit after kill-server"))
        .within(Duration::from_secs(2))
        .every(Duration::from_millis(10))
        .until(|| match cpu_ticks(pid) {
            Some(ticks) => {
                last = ticks;
                Err(format!("still running after {:?}, {} clock ticks of CPU since", killed.elapsed(), ticks - before))
            }
            None => Ok(()),
        });
    assert!(last - before < 50, "it spun: {} clock ticks of CPU before it exited", last - before);
    poll("the demo's directory to be removed")
        .within(Duration::from_secs(2))
        .until(|| if demo_dir.exists() { Err(format!("{:?}", tree(&demo_dir))) } else { Ok(()) });
    assert!(tree(&sandbox.tmp()).is_empty(), "left in TMPDIR: {:?}", tree(&sandbox.tmp()));
    sandbox.assert_home_untouched();
}

fn killing_the_terminal_ends_the_demo_at_once_and_removes_its_directory() {
    killed_terminal_ends_the_demo("demo-kill", &format!("{BIN} --demo --redirect oob"));
}

fn with_hang_ups_ignored_a_killed_terminal_still_ends_the_demo_without_spinning() {
    // As `bash -c 'trap "" HUP; mastokey --demo'` runs it: SIGHUP ignored from the start, so only
    // the terminal itself going away can tell mastokey to end.
    let command = format!("bash -c 'trap \"\" HUP; {BIN} --demo --redirect oob; true'");
    killed_terminal_ends_the_demo("demo-kill-nohup", &command);
}

fn the_demo_logs_in_automatically_by_default_and_explains_a_denial() {
    let sandbox = Sandbox::new();
    let decision = sandbox.work().join("decision");
    let browser = Browser::redirect_follower(&sandbox.work(), "ada").decision_from(&decision).write();
    // No --redirect: with a browser at hand the default is the automatic (loopback) redirect.
    let t = sandbox.start_with("demo-auto", "--demo", &browser.path);
    wait_on_demo_screen(&t, "Scope string requested");
    t.keys(&["Enter"]);
    wait_on_demo_screen(&t, "Waiting for your browser");

    std::fs::write(&decision, "deny").unwrap();
    t.keys(&["o"]);
    assert!(browser.result().contains("denied"), "the browser is told too");
    wait_on_demo_screen(&t, "You denied access");

    // r: a new attempt (new state and listener); this time the person approves, types nothing.
    std::fs::write(&decision, "approve").unwrap();
    t.keys(&["r"]);
    wait_on_demo_screen(&t, "Waiting for your browser");
    t.keys(&["o"]);
    let profile = t.wait_until("the profile, saved", |s| s.contains("Ada Lovelace") && saved_in(s).is_some());
    assert!(profile.contains(BANNER), "{profile}");
    assert!(browser.result().contains("You can close this tab"), "{}", browser.result());
    t.keys(&["q"]);
    assert_eq!(sandbox.exit_status(), "exit=0");
    assert!(tree(&sandbox.tmp()).is_empty(), "left in TMPDIR: {:?}", tree(&sandbox.tmp()));
    sandbox.assert_home_untouched();
}

/// The demo from start to profile under a locale, at 80×24: every screen in that language.
fn demo_in(lang: mastokey::i18n::Lang, locale: &str) {
    use mastokey::i18n;
    let say = |id: &str| i18n::with(lang, || i18n::text(id));
    let sandbox = Sandbox::new();
    let browser = Browser::code_keeper(&sandbox.work(), "hanako").write();
    // LC_ALL and LC_MESSAGES empty, so LANG decides (as on a desktop).
    let env = [("LANG", locale), ("LC_ALL", ""), ("LC_MESSAGES", "")];
    let t = sandbox.start_in(lang.code(), "--demo --redirect oob", &browser.path, &env, (80, 24));
    let scopes = t.wait_for(&say("scopes-string-title"));
    assert!(scopes.contains(&say("demo-banner")) || scopes.contains(&say("demo-banner-short")), "{scopes}");
    t.keys(&["Enter"]);
    // The URL's box, not the words: in Japanese and French "preparing the authorize URL…" holds
    // the title too, and `o` does nothing until the URL is there (this was the CI flake).
    t.wait_for(&format!("╭ {} ", say("authorize-url-title")));
    t.keys(&["o"]);
    // The screen says the browser was started before the browser's result is awaited, so a run
    // where it was not shows the screen; first whether the browser ran at all (its script writes
    // the URL down as it starts).
    poll("the browser script to be started by `o`").until(|| {
        if browser.opened.exists() { Ok(()) } else { Err(format!("not started; the screen:\n{}", t.screen())) }
    });
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let opened = squash(&say("browser-opened-paste"));
    t.wait_until("the note that the browser was started", |screen| squash(screen).contains(&opened));
    let code = browser.result();
    t.keys(&["Enter"]);
    t.wait_for(&say("code-box"));
    t.paste(&format!("{code}\n"));
    t.wait_for(&code);
    t.keys(&["Enter"]);
    let profile = t.wait_for(&say("profile-scopes-granted"));
    assert!(profile.contains("@hanako@127.0.0.1:"), "{profile}");
    let joined = i18n::with(lang, || i18n::date("2022-11-06"));
    let screen = t.wait_for(&joined);
    assert!(screen.contains(&say("profile-joined")), "dates in the language's form:\n{screen}");
    let followers = i18n::with(lang, || i18n::count(2468));
    assert!(screen.contains(&followers), "counts in the language's form ({followers}):\n{screen}");
    t.keys(&["q"]);
    assert_eq!(sandbox.exit_status(), "exit=0");
}

fn the_demo_speaks_japanese_under_a_japanese_locale() {
    demo_in(mastokey::i18n::Lang::Ja, "ja_JP.UTF-8");
}

fn the_demo_speaks_french_under_a_french_locale() {
    demo_in(mastokey::i18n::Lang::Fr, "fr_FR.UTF-8");
}
