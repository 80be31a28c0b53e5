//! The exit codes of the subcommands at their edges, with the real binary: a malformed ACCOUNT,
//! each kind of answer from /oauth/revoke, a logins file that cannot be written after the server
//! revoked the token, and a logins file from a newer mastokey.

use crate::support::cli::setup;
use mastokey::demo::Fault;

tests! {
    an_account_without_a_domain_is_a_usage_error_that_shows_the_form_and_the_saved_logins,
    logout_exit_codes_follow_what_the_server_answered_at_revoke,
    logout_that_revoked_but_cannot_write_the_file_says_both_and_exits_6,
    a_logins_file_from_a_newer_mastokey_exits_6_and_stays_as_it_is,
}

const REVOKE: &str = "/oauth/revoke";
const VERIFY: &str = "/api/v1/accounts/verify_credentials";

fn an_account_without_a_domain_is_a_usage_error_that_shows_the_form_and_the_saved_logins() {
    let s = setup();
    let ada = s.log_in("ada");
    for args in [&["token", "ada"][..], &["whoami", "@ada"], &["logout", "ada"], &["logout", "ada@"]] {
        let run = s.run(args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains("is not an ACCOUNT: write it as user@domain"), "{}", run.stderr);
        assert!(run.stderr.contains(&format!("the saved logins are {}", s.acct("ada"))), "{}", run.stderr);
        assert!(!run.stderr.contains(ada.token.expose()));
    }
    assert_eq!(s.saved_accts(), [s.acct("ada")], "nothing was logged out");
    // A well-formed ACCOUNT that is not saved is still "no such account".
    assert_eq!(s.run(&["token", "ada@elsewhere.example"]).code, 3);
}

fn logout_exit_codes_follow_what_the_server_answered_at_revoke() {
    let s = setup();
    let ada = s.log_in("ada");
    let acct = s.acct("ada");
    let cases: [(Fault, i32, &str); 6] = [
        (Fault::Status(503, r#"{"error":"Service Unavailable"}"#.into()), 1, "answered 503"),
        (Fault::Status(429, r#"{"error":"Too many requests"}"#.into()), 1, "limits requests"),
        (Fault::Huge(2 * 1024 * 1024), 1, "larger than"),
        (Fault::Status(400, r#"{"error":"invalid_request"}"#.into()), 5, "refused to revoke"),
        (Fault::Status(401, r#"{"error":"invalid_client"}"#.into()), 5, "no longer knows mastokey's app"),
        (Fault::Status(403, r#"{"error":"unauthorized_client"}"#.into()), 5, "belongs to another app"),
    ];
    for (fault, code, says) in cases {
        s.server().inject(REVOKE, fault.clone());
        let run = s.run(&["logout", &acct]);
        assert_eq!(run.code, code, "{fault:?}: {run:?}");
        assert!(run.stderr.contains(says), "{fault:?}: {}", run.stderr);
        assert!(run.stderr.contains("is still saved") && run.stderr.contains("--yes"), "{}", run.stderr);
        assert!(!run.stderr.contains(ada.token.expose()));
        assert_eq!(s.saved_accts(), [acct.as_str()], "{fault:?}: kept");
    }

    // whoami maps the same server answers the same way.
    s.server().inject(VERIFY, Fault::Status(503, r#"{"error":"Service Unavailable"}"#.into()));
    assert_eq!(s.run(&["whoami", &acct]).code, 1);
    s.server().inject(VERIFY, Fault::Status(429, "{}".into()));
    assert_eq!(s.run(&["whoami", &acct]).code, 1);
    s.server().clear_faults();
    let run = s.run(&["logout", &acct]);
    assert_eq!(run.code, 0, "{run:?}");
}

fn logout_that_revoked_but_cannot_write_the_file_says_both_and_exits_6() {
    let s = setup();
    let ada = s.log_in("ada");
    let acct = s.acct("ada");
    // A lock that cannot be opened makes every write fail, also for root (unlike permissions).
    let lock = s.store.dir().join(".lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();

    let run = s.run(&["logout", &acct]);
    assert_eq!(run.code, 6, "{run:?}");
    assert_eq!(run.stdout, "");
    let said = run.stderr.as_str();
    assert!(said.contains(&format!("revoked the token of {acct}, so it no longer works")), "{said}");
    assert!(said.contains("the login could not be removed from the saved logins: could not open the lock file"));
    assert!(said.contains(&lock.display().to_string()), "{said}");
    assert!(said.contains(&format!("fix the permissions of that path, then run `mastokey logout {acct}` again")));
    assert!(said.contains("revoking a token the server no longer knows is harmless"), "{said}");
    assert!(!said.contains(ada.token.expose()));
    assert!(s.verify(ada.token.expose()).unwrap_err().is_rejected_token(), "the server revoked it");
    assert_eq!(s.saved_accts(), [acct.as_str()]);

    // Fixed, the same command finishes the job: revoking again is harmless.
    std::fs::remove_dir(&lock).unwrap();
    let run = s.run(&["logout", &acct]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(s.saved_accts().is_empty());
}

fn a_logins_file_from_a_newer_mastokey_exits_6_and_stays_as_it_is() {
    let s = setup();
    s.log_in("ada");
    let newer = "{\"version\": 2, \"logins\": [{\"token\": \"tok-in-newer-file\", \"vault\": {}}]}\n";
    std::fs::write(s.store.logins_path(), newer).unwrap();
    for args in [&["token"][..], &["accounts"], &["whoami"], &["logout", &s.acct("ada"), "--yes"]] {
        let run = s.run(args);
        assert_eq!(run.code, 6, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "");
        let expected = format!(
            "mastokey: {} was written by a newer mastokey (format version 2); update mastokey to use it (the file \
             was left as it is)\n",
            s.store.logins_path().display()
        );
        assert_eq!(run.stderr, expected, "{args:?}");
    }
    assert_eq!(std::fs::read_to_string(s.store.logins_path()).unwrap(), newer);
    let names: Vec<String> = std::fs::read_dir(s.store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("corrupt")), "nothing moved aside: {names:?}");
}
