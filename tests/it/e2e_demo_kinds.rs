//! End-to-end: `mastokey --demo=KIND`, the real binary in tmux, against each personality of its
//! built-in server, as a person logs in: the server card names the kind and what mastokey adapts,
//! a wrong code is refused in that kind's words (on snac, which takes any code, another
//! attempt's pasted state is refused before anything is sent), and the code the page shows logs
//! in.

use crate::support::browser::Browser;
use crate::support::sandbox::{Sandbox, tree};
use crate::support::screen::words;
use crate::support::tmux::Tmux;

tests! {
    every_demo_kind_logs_in_through_the_interface needs [Tmux, Curl],
}

/// Each kind: its `--demo` name, what its card says, a note of what is adapted for it, and
/// what a wrong code gets besides "did not accept this code" (the server's own words as a
/// detail, or Takahē's minute; `None`: snac looks at no code).
const KINDS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "mastodon",
        "Mastodon 4.6.0",
        "sign-ups closed · PKCE",
        Some("The server said: The provided authorization grant is invalid"),
    ),
    (
        "mastodon-4.2",
        "Mastodon 4.2.13",
        "the identity scope is read:accounts",
        Some("The server said: The provided authorization grant is invalid"),
    ),
    ("gotosocial", "GoToSocial 0.20.0-rc1", "compares redirect URIs exactly", Some("no rows in result set")),
    ("akkoma", "Akkoma 3.15.1", "compares redirect URIs exactly", Some("Invalid credentials")),
    ("takahe", "Takahē 0.11.0", "It ignores force_login", Some("Takahē's codes last only a minute")),
    ("snac", "snac 2.94", "deletes the app when a token is revoked", None),
];

fn every_demo_kind_logs_in_through_the_interface() {
    for &(kind, card, adapted, wrong_code) in KINDS {
        let sandbox = Sandbox::new();
        let browser = Browser::code_keeper(&sandbox.work(), "ada").write();
        let t = sandbox.start_in(
            &format!("kind-{kind}"),
            &format!("--demo={kind} --redirect oob"),
            &browser.path,
            &[],
            (100, 40),
        );

        let scopes = t.wait_for("Scope string requested");
        assert!(scopes.contains(card), "{kind}: the card does not say {card:?}\n{scopes}");
        assert!(words(&scopes).contains(adapted), "{kind}: the card does not say {adapted:?}\n{scopes}");
        t.keys(&["Enter"]);
        t.wait_for("Authorize URL");
        t.keys(&["o"]);
        let shown = browser.result();
        t.wait_for("Opened in your browser");
        t.keys(&["Enter"]);
        t.wait_for("Paste the code");

        match wrong_code {
            Some(said) => {
                t.type_text("not-the-code");
                t.keys(&["Enter"]);
                let refused = t.wait_for("did not accept this code");
                assert!(words(&refused).contains(said), "{kind}: {said:?}\n{refused}");
                assert!(!refused.contains("Saved in"), "{kind}\n{refused}");
            }
            None => {
                // What snac's page shows, but from an older attempt: refused before it is sent.
                let code = shown.split('&').next().unwrap_or_default();
                t.type_text(&format!("{code}&state=an-older-attempt"));
                t.keys(&["Enter"]);
                t.wait_for("belongs to another login attempt");
                assert!(shown.contains("&state="), "snac's page carries no state");
            }
        }
        // The page's text, pasted: it replaces what was refused.
        t.paste(&shown);
        t.keys(&["Enter"]);
        let profile = t.wait_for("Saved in");
        assert!(profile.contains("@ada@127.0.0.1:"), "{kind}\n{profile}");
        if kind == "snac" {
            snac_forgets_the_registration_with_the_login(&t);
        }
        t.keys(&["q"]);
        assert_eq!(sandbox.exit_status(), "exit=0", "{kind}");
        // The demo wrote only in its own temporary directory, which went with it.
        sandbox.assert_home_untouched();
        assert!(tree(&sandbox.tmp()).is_empty(), "{kind}: left in TMPDIR: {:?}", tree(&sandbox.tmp()));
    }
}

/// On the accounts screen: the login checked again with its server (enter), then logged out
/// (snac deletes the app with the token), and the next login registers mastokey anew instead of
/// reusing the registration snac no longer knows.
fn snac_forgets_the_registration_with_the_login(t: &Tmux) {
    t.keys(&["a"]);
    t.wait_for("1 saved login");
    t.keys(&["Enter"]);
    let checked = t.wait_for("Ada Lovelace");
    assert!(checked.contains("@ada@127.0.0.1:"), "{checked}");
    t.keys(&["Escape"]);
    t.wait_for("1 saved login");
    t.keys(&["d"]);
    t.wait_for("Log out");
    t.keys(&["y"]);
    // With no login left, a new one starts, from the demo's own server, saying what was done.
    let server = t.wait_for("Which server is your account on?");
    assert!(server.contains("Logged out of @ada@127.0.0.1:"), "{server}");
    t.keys(&["Enter"]);
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    let authorize = t.wait_for("Authorize URL");
    assert!(authorize.contains("registered with this server just now"), "{authorize}");
    assert!(!authorize.contains("saved registration"), "the registration snac deleted was reused:\n{authorize}");
}
