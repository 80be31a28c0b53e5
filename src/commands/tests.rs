//! Unit tests of the shared pieces: exit codes, account lookup, terminal-safe JSON.

use super::*;
use crate::secret::Secret;

fn login(acct: &str) -> Login {
    Login {
        server: "https://example.social".into(),
        account_id: acct.into(),
        acct: acct.into(),
        display_name: String::new(),
        token: Secret::new("tok-0123456789"),
        scopes_granted: vec!["read".into()],
        scopes_requested: vec!["read".into()],
        client_id: "cid".into(),
        created_at: "2026-01-01T00:00:00Z".into(),
        last_verified: None,
    }
}

#[test]
fn help_lists_every_exit_code_once() {
    let listed: Vec<i32> = crate::cli::EXIT_CODES
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .map(|line| line.split_whitespace().next().and_then(|n| n.parse().ok()).expect("a code per line"))
        .collect();
    let codes: Vec<i32> = Exit::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(listed, codes);
    assert_eq!(Exit::Usage.code(), 2, "clap's usage errors exit with 2; ours must match");
}

#[test]
fn without_an_account_the_default_is_used_among_several() {
    let store = Store::at("/nonexistent");
    let two = || vec![login("ada@a.example"), login("bob@b.example")];
    let bob = DefaultAccount::of(&two()[1]);
    assert_eq!(choose_login(&store, two(), Some(&bob), Wanted::default(), "token").unwrap().acct, "bob@b.example");
    // A name still wins over the default.
    let named = choose_login(&store, two(), Some(&bob), Wanted::account("ada@a.example"), "token").unwrap();
    assert_eq!(named.acct, "ada@a.example");
    // A default that is none of them (another server picked with --server) is no answer.
    let gone = DefaultAccount { server: "https://gone.example".into(), account_id: "x".into() };
    let e = choose_login(&store, two(), Some(&gone), Wanted::default(), "whoami").unwrap_err();
    assert_eq!(e.exit, Exit::Usage);
    assert!(e.message.contains("mastokey switch ACCOUNT"), "{}", e.message);
}

#[test]
fn accounts_are_found_by_any_spelling_of_user_at_domain() {
    let store = Store::at("/nonexistent");
    let saved = || vec![login("ada@xn--caf-dma.example"), login("bob@127.0.0.1:8080")];
    for wanted in ["ada@xn--caf-dma.example", "@Ada@CAFÉ.example", " @ada@café.example "] {
        let found = choose_login(&store, saved(), None, Wanted::account(wanted), "token").expect(wanted);
        assert_eq!(found.acct, "ada@xn--caf-dma.example", "{wanted}");
    }
    assert_eq!(
        choose_login(&store, saved(), None, Wanted::account("@bob@127.0.0.1:8080"), "token").unwrap().acct,
        "bob@127.0.0.1:8080"
    );
}

#[test]
fn lookup_failures_have_their_own_codes_and_name_the_choices() {
    let store = Store::at("/nonexistent");
    let two = || vec![login("ada@a.example"), login("bob@b.example")];

    let none = choose_login(&store, Vec::new(), None, Wanted::default(), "token").unwrap_err();
    assert_eq!(none.exit, Exit::NoSuchAccount);
    assert!(none.message.contains("/nonexistent") && none.message.contains("`mastokey`"), "{}", none.message);

    let ambiguous = choose_login(&store, two(), None, Wanted::default(), "whoami").unwrap_err();
    assert_eq!(ambiguous.exit, Exit::Usage);
    assert!(ambiguous.message.contains("`mastokey whoami ACCOUNT`"), "{}", ambiguous.message);
    assert!(ambiguous.message.contains("ada@a.example, bob@b.example"), "{}", ambiguous.message);

    let unknown = choose_login(&store, two(), None, Wanted::account("carol@c.example"), "token").unwrap_err();
    assert_eq!(unknown.exit, Exit::NoSuchAccount);
    assert!(unknown.message.contains("carol@c.example") && unknown.message.contains("bob@b.example"));

    assert_eq!(
        choose_login(&store, vec![login("ada@a.example")], None, Wanted::default(), "token").unwrap().acct,
        "ada@a.example"
    );
}

#[test]
fn one_account_name_claimed_by_two_servers_is_a_usage_error_until_the_server_is_named() {
    let store = Store::at("/nonexistent");
    let claimed = |server: &str| Login { server: server.into(), ..login("ada@mastodon.social") };
    let two = || vec![claimed("https://mastodon.social"), claimed("http://127.0.0.1:4000")];
    let e = choose_login(&store, two(), None, Wanted::account("ada@mastodon.social"), "logout").unwrap_err();
    assert_eq!(e.exit, Exit::Usage);
    for part in ["from https://mastodon.social", "from http://127.0.0.1:4000", "--server"] {
        assert!(e.message.contains(part), "{part}: {}", e.message);
    }
    let pick = |server| Wanted { account: Some("ada@mastodon.social"), server: Some(server) };
    assert_eq!(
        choose_login(&store, two(), None, pick("http://127.0.0.1:4000"), "token").unwrap().server,
        "http://127.0.0.1:4000"
    );
    assert_eq!(
        choose_login(&store, two(), None, pick("mastodon.social"), "token").unwrap().server,
        "https://mastodon.social"
    );
    let e = choose_login(&store, two(), None, pick("other.example"), "token").unwrap_err();
    assert_eq!(e.exit, Exit::NoSuchAccount, "{}", e.message);
    let e = choose_login(&store, two(), None, pick("not a server"), "token").unwrap_err();
    assert_eq!(e.exit, Exit::Usage, "{}", e.message);
    // With --server alone, the only login of that server needs no ACCOUNT.
    let only = Wanted { account: None, server: Some("http://127.0.0.1:4000") };
    assert_eq!(choose_login(&store, two(), None, only, "token").unwrap().server, "http://127.0.0.1:4000");
}

#[test]
fn an_account_without_a_domain_is_a_usage_error_showing_the_form_and_the_choices() {
    let store = Store::at("/nonexistent");
    for wanted in ["ada", "@ada", "ada@", "@", "", "ada@a@b.example", "ada @a.example"] {
        let e =
            choose_login(&store, vec![login("ada@a.example")], None, Wanted::account(wanted), "logout").unwrap_err();
        assert_eq!(e.exit, Exit::Usage, "{wanted:?}: {}", e.message);
        assert!(e.message.contains("write it as user@domain"), "{}", e.message);
        assert!(e.message.contains("`mastokey logout ada@mastodon.social`"), "{}", e.message);
        assert!(e.message.ends_with("the saved logins are ada@a.example"), "{}", e.message);
    }
    let e = choose_login(&store, Vec::new(), None, Wanted::account("ada"), "token").unwrap_err();
    assert_eq!(e.exit, Exit::Usage, "a malformed ACCOUNT is a usage error even with nothing saved");
    assert!(e.message.contains("no logins are saved yet"), "{}", e.message);
    let e = choose_login(&store, Vec::new(), None, Wanted::account("ada\u{1b}[2J"), "token").unwrap_err();
    assert!(!e.message.contains('\u{1b}'), "{:?}", e.message);
    for fine in ["ada@a.example", "@ada@a.example", " @ada@a.example "] {
        assert_eq!(
            choose_login(&store, vec![login("ada@a.example")], None, Wanted::account(fine), "token").unwrap().acct,
            "ada@a.example"
        );
    }
}

#[test]
fn network_failures_are_unreachable_and_others_are_server_errors() {
    let refused = ApiError::Refused { host: "127.0.0.1:9".into() };
    assert_eq!(request_failure(&refused, "http://127.0.0.1:9", "verify it").exit, Exit::Unreachable);
    let status = ApiError::Status { status: 503, path: "/x".into(), error: None, description: None };
    assert_eq!(request_failure(&status, "https://a.example", "verify it").exit, Exit::Failed);
}

#[test]
fn json_keeps_its_meaning_but_loses_what_a_terminal_would_act_on() {
    let raw = "{\"display_name\": \"Ada \u{202e}evil\u{9b}31m\", \"note\": \"日本\"}\n";
    let safe = terminal_safe_json(raw);
    assert_eq!(safe, "{\"display_name\": \"Ada \\u202eevil\\u009b31m\", \"note\": \"日本\"}\n");
    let a: serde_json::Value = serde_json::from_str(raw).unwrap();
    let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
    assert_eq!(a, b);
    // Invisible format characters too, beyond U+FFFF as a surrogate pair.
    let raw = "{\"acct\": \"ad\u{200b}a\u{e0041}\u{feff}\"}";
    let safe = terminal_safe_json(raw);
    assert_eq!(safe, "{\"acct\": \"ad\\u200ba\\udb40\\udc41\\ufeff\"}");
    let a: serde_json::Value = serde_json::from_str(raw).unwrap();
    assert_eq!(a, serde_json::from_str::<serde_json::Value>(&safe).unwrap());
}

#[test]
fn the_last_line_of_defence_cleans_what_is_printed() {
    let line = warning("could not reach x: DnsName(\"evil\u{1b}]0;PWNED\u{7}.example\") \u{9b}2J\u{202e}");
    assert_eq!(line, "mastokey: could not reach x: DnsName(\"evil.example\") \n");
}

#[test]
fn an_answer_that_is_not_mastodons_is_exit_1_and_says_the_server_answered() {
    let garbled =
        ApiError::Malformed { path: "/x".into(), detail: "not an HTTP answer: invalid HTTP version parsed".into() };
    let failure = request_failure(&garbled, "http://127.0.0.1:9", "verify it");
    assert_eq!(failure.exit, Exit::Failed);
    assert!(failure.message.contains("the server answered, but not as a Mastodon server does"), "{}", failure.message);
    assert!(!failure.message.contains("check the network"), "{}", failure.message);
}

#[test]
fn instance_hint_drops_only_https() {
    assert_eq!(instance_hint("https://mastodon.social/"), "mastodon.social");
    assert_eq!(instance_hint("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
}

#[test]
fn the_command_line_keeps_its_flags_and_adds_the_subcommands() {
    use crate::cli::Cli;
    use clap::{CommandFactory, Parser};
    Cli::command().debug_assert();

    let tui = Cli::try_parse_from(["mastokey", "--instance", "mastodon.social", "--force-login"]).unwrap();
    assert_eq!(
        (tui.login.instance.as_deref(), tui.login.force_login, tui.command),
        (Some("mastodon.social"), true, None)
    );
    let whoami = Cli::try_parse_from(["mastokey", "whoami", "@ada@example.social", "--json"]).unwrap();
    assert_eq!(
        whoami.command,
        Some(Command::Whoami { account: Some("@ada@example.social".into()), json: true, server: Default::default() })
    );
    let logout = Cli::try_parse_from(["mastokey", "logout", "ada@example.social", "--yes"]).unwrap();
    assert_eq!(
        logout.command,
        Some(Command::Logout { account: "ada@example.social".into(), yes: true, server: Default::default() })
    );

    // Interface flags next to a subcommand would be ignored, so they are refused instead.
    let e = Cli::try_parse_from(["mastokey", "--demo", "token"]).unwrap_err();
    assert_eq!(e.exit_code(), Exit::Usage.code());
    let e = Cli::try_parse_from(["mastokey", "logout"]).unwrap_err();
    assert_eq!(e.exit_code(), Exit::Usage.code(), "logout needs an ACCOUNT");
}
