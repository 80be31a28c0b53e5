//! The subcommands in Japanese and French, as the real binary under `LANG`: their errors and
//! human output in the language, their machine-readable output (`token`, `--json`, exit codes)
//! the same in every language.

use crate::support::cli::setup;

tests! {
    errors_are_in_the_language_of_the_locale_with_the_same_exit_codes,
    whoami_speaks_the_language_and_writes_counts_its_way,
    machine_output_is_the_same_in_every_language,
    logout_that_cannot_revoke_says_so_in_the_language,
    every_other_command_says_its_errors_in_the_language,
}

const JA: &str = "ja_JP.UTF-8";
const FR: &str = "fr_FR.UTF-8";

fn errors_are_in_the_language_of_the_locale_with_the_same_exit_codes() {
    let s = setup();
    // No logins: exit 3, said in each language.
    let (ja, fr, en) = (s.run_in(JA, &["token"]), s.run_in(FR, &["token"]), s.run_in("C", &["token"]));
    assert_eq!((ja.code, fr.code, en.code), (3, 3, 3));
    assert!(
        ja.stderr.contains("ログイン情報が保存されていません") && ja.stderr.contains("`mastokey`"),
        "{}",
        ja.stderr
    );
    assert!(fr.stderr.contains("aucune connexion n’est enregistrée"), "{}", fr.stderr);
    assert!(en.stderr.contains("no logins are saved"), "{}", en.stderr);

    s.log_in("ada");
    s.log_in("grace");
    // Two logins and no ACCOUNT: a usage error listing them.
    let ja = s.run_in(JA, &["whoami"]);
    assert_eq!(ja.code, 2, "{ja:?}");
    assert!(ja.stderr.contains("2 件保存されている") && ja.stderr.contains(&s.acct("grace")), "{}", ja.stderr);
    let fr = s.run_in(FR, &["token", "ada"]);
    assert_eq!(fr.code, 2, "{fr:?}");
    assert!(fr.stderr.contains("n’est pas un ACCOUNT") && fr.stderr.contains("user@domain"), "{}", fr.stderr);
    // French typography: a no-break space before the colon.
    assert!(fr.stderr.contains("ACCOUNT\u{a0}:"), "{}", fr.stderr);

    // The command line's own check of --scopes speaks the language too (clap's frame around it
    // stays English, as --help does), with clap's usage exit code.
    let (ja, fr) = (s.run_in(JA, &["--scopes", "read write:bogus"]), s.run_in(FR, &["--scopes", "read write:bogus"]));
    assert_eq!((ja.code, fr.code), (2, 2));
    assert!(ja.stderr.contains("不明なスコープ") && ja.stderr.contains("write:bogus"), "{}", ja.stderr);
    assert!(fr.stderr.contains("permission inconnue") && fr.stderr.contains("`mastokey scopes`"), "{}", fr.stderr);
}

fn whoami_speaks_the_language_and_writes_counts_its_way() {
    let s = setup();
    s.log_in("ada");
    let ja = s.run_in(JA, &["whoami"]);
    assert_eq!(ja.code, 0, "{ja:?}");
    assert!(ja.stdout.contains("サーバー") && ja.stdout.contains("フォロワー 1,815"), "{}", ja.stdout);
    let fr = s.run_in(FR, &["whoami"]);
    assert!(fr.stdout.contains("abonnés 1\u{202f}815") && fr.stdout.contains("serveur"), "{}", fr.stdout);
    // The labels line up in a column, also the double-width Japanese ones.
    use unicode_width::UnicodeWidthStr;
    let labels = ["サーバー", "スコープ", "投稿", "アカウント ID"];
    let columns: Vec<usize> = labels
        .iter()
        .map(|label| {
            let line =
                ja.stdout.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("{label}: {}", ja.stdout));
            let rest = &line[label.len()..];
            label.width() + rest.len() - rest.trim_start().len()
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{columns:?}\n{}", ja.stdout);
}

fn machine_output_is_the_same_in_every_language() {
    let s = setup();
    let ada = s.log_in("ada");
    for args in [&["token"][..], &["accounts", "--json"], &["scopes", "--json"], &["whoami", "--json"]] {
        let runs: Vec<_> = ["C", JA, FR].iter().map(|lang| s.run_in(lang, args)).collect();
        for run in &runs {
            assert_eq!(run.code, 0, "{args:?}: {run:?}");
        }
        if args == ["whoami", "--json"] {
            // The server's answer as it sent it: the same account in each.
            let ids: Vec<serde_json::Value> = runs
                .iter()
                .map(|r| serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap()["id"].clone())
                .collect();
            assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
            continue;
        }
        assert!(runs.windows(2).all(|w| w[0].stdout == w[1].stdout), "{args:?} differs by language");
    }
    assert_eq!(s.run_in(JA, &["token"]).stdout.trim(), ada.token.expose());
}

/// A logout the server refuses: kept, in the language, pointing to the server's page rather than
/// to waiting (waiting would not help).
fn logout_that_cannot_revoke_says_so_in_the_language() {
    let s = setup();
    let ada = s.log_in("ada");
    // Forget the registration: mastokey can no longer ask the server to revoke.
    let registration = s.store.registration_of(&ada).unwrap().expect("saved");
    s.store.remove_registration(&ada.server, &registration.client_id).unwrap();
    let fr = s.run_in(FR, &["logout", &s.acct("ada")]);
    assert_eq!(fr.code, 5, "{fr:?}");
    assert!(
        fr.stderr.contains("toujours enregistrée") && fr.stderr.contains("/oauth/authorized_applications"),
        "{}",
        fr.stderr
    );
    assert!(!fr.stderr.contains("plus tard"), "waiting would not help: {}", fr.stderr);
    let ja = s.run_in(JA, &["logout", &s.acct("ada")]);
    assert!(ja.stderr.contains("まだ保存されています") && ja.stderr.contains("--yes"), "{}", ja.stderr);
    assert_eq!(s.saved_accts().len(), 1, "still saved");
}

/// Japanese text has kana or kanji; the French has its apostrophe or a no-break space.
fn is_japanese(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

fn is_french(text: &str) -> bool {
    text.contains('’') || text.contains('\u{a0}') || text.contains('\u{202f}')
}

/// status, accounts, switch, login --with-token, refresh and the interface itself: each error
/// in each language, with the same exit code as in English and no English left in it.
fn every_other_command_says_its_errors_in_the_language() {
    let s = setup();
    let cases: [&[&str]; 3] = [&["status"], &["accounts"], &["switch", "ada@example.social"]];
    for args in cases {
        let (ja, fr, en) = (s.run_in(JA, args), s.run_in(FR, args), s.run_in("C", args));
        assert_eq!((ja.code, fr.code), (en.code, en.code), "{args:?}: {en:?}");
        assert!(en.stderr.contains("no logins are saved"), "{args:?}: {}", en.stderr);
        assert!(is_japanese(&ja.stderr) && !ja.stderr.contains("no logins"), "{args:?}: {}", ja.stderr);
        assert!(is_french(&fr.stderr) && fr.stderr.contains("aucune connexion"), "{args:?}: {}", fr.stderr);
    }
    // With logins saved: an account that is not one of them, a token on an empty stdin, a
    // refresh without a terminal, and the interface without one (its output is a pipe here).
    s.log_in("ada");
    let cases: [(&[&str], &str, &str); 4] = [
        (&["switch", "nobody@example.social"], "nobody@example.social", "nobody@example.social"),
        (&["login", "--with-token", "--instance", "example.social"], "標準入力", "l’entrée standard"),
        (&["refresh", "--add-scopes", "read:lists"], "端末", "terminal"),
        (&["--instance", "example.social"], "端末", "terminal"),
    ];
    for (args, ja_has, fr_has) in cases {
        let (ja, fr, en) = (s.run_in(JA, args), s.run_in(FR, args), s.run_in("C", args));
        assert_ne!(en.code, 0, "{args:?}: {en:?}");
        assert_eq!((ja.code, fr.code), (en.code, en.code), "{args:?}: {en:?}");
        assert!(is_japanese(&ja.stderr) && ja.stderr.contains(ja_has), "{args:?}: {}", ja.stderr);
        assert!(is_french(&fr.stderr) && fr.stderr.contains(fr_has), "{args:?}: {}", fr.stderr);
        assert_ne!(fr.stderr, en.stderr, "{args:?}");
        // No English sentence left: the English message's first plain words are in neither.
        let words: Vec<&str> =
            en.stderr.split_whitespace().skip(1).filter(|w| w.chars().all(char::is_alphabetic)).collect();
        let english = words[..3.min(words.len())].join(" ");
        assert!(
            words.len() >= 3 && !ja.stderr.contains(&english) && !fr.stderr.contains(&english),
            "{args:?}: {english:?}"
        );
        // One line each, never anyhow's English frame.
        for run in [&ja, &fr, &en] {
            assert!(!run.stderr.contains("Error:") && !run.stderr.contains("Caused by"), "{args:?}: {}", run.stderr);
        }
    }
}
