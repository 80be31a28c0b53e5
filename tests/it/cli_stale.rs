//! Several mastokey processes on one config directory: a process holding a login it read
//! earlier (the TUI, a slow `whoami`) must not write it back over what others did meanwhile,
//! and processes running at once lose none of each other's changes.

use std::time::Duration;

use crate::support::cli::{Run, Setup, finish, mastokey, setup};
use mastokey::demo::Fault;
use mastokey::store::{Login, now_rfc3339};

tests! {
    a_stale_copy_does_not_bring_back_a_login_another_process_logged_out,
    a_stale_copy_does_not_replace_a_newer_login_of_the_same_account,
    a_slow_whoami_keeps_a_newer_login_made_meanwhile,
    a_slow_whoami_does_not_bring_back_a_login_forgotten_meanwhile,
    processes_running_whoami_logout_and_new_logins_at_once_lose_nothing,
}

const VERIFY: &str = "/api/v1/accounts/verify_credentials";

/// The saved login of `username`, if any.
fn saved(s: &Setup, username: &str) -> Option<Login> {
    s.store.logins().unwrap().into_iter().find(|l| l.acct == s.acct(username))
}

fn a_stale_copy_does_not_bring_back_a_login_another_process_logged_out() {
    let s = setup();
    let stale = s.log_in("ada");
    let run = s.run(&["logout", &s.acct("ada"), "--yes"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(s.store.record_verified(&stale, &now_rfc3339()).unwrap(), None);
    assert!(s.store.logins().unwrap().is_empty());
    assert_eq!(s.run(&["token"]).code, 3);
}

fn a_stale_copy_does_not_replace_a_newer_login_of_the_same_account() {
    let s = setup();
    let stale = s.log_in("ada");
    let newer = s.log_in("ada");
    assert_ne!((&newer.token, &newer.created_at), (&stale.token, &stale.created_at));
    assert_eq!(s.store.record_verified(&stale, &now_rfc3339()).unwrap(), None);
    assert_eq!(saved(&s, "ada"), Some(newer.clone()));
    // Nor does a stale logout forget it.
    assert!(!s.store.forget_login(&stale).unwrap());
    assert_eq!(s.run(&["token"]).stdout, format!("{}\n", newer.token.expose()));
}

/// Starts `mastokey whoami ada` with its verify_credentials held up at the server, runs
/// `meanwhile` once the request is there, and returns what whoami did.
fn slow_whoami(s: &Setup, meanwhile: impl FnOnce()) -> Run {
    let before = s.requests_for(VERIFY);
    s.server().inject(VERIFY, Fault::Delay(Duration::from_secs(3)));
    let whoami = s.spawn(&["whoami", &s.acct("ada")]);
    s.wait_for_requests(VERIFY, before + 1);
    // The held request keeps its delay; the ones made meanwhile are answered at once.
    s.server().clear_faults();
    meanwhile();
    finish(whoami)
}

fn a_slow_whoami_keeps_a_newer_login_made_meanwhile() {
    let s = setup();
    let old = s.log_in("ada");
    let mut newer = None;
    let run = slow_whoami(&s, || newer = Some(s.log_in("ada")));
    let newer = newer.unwrap();
    assert_eq!(run.code, 0, "the old token still works: {run:?}");
    assert_eq!(saved(&s, "ada"), Some(newer.clone()), "the newer login, untouched");
    assert_ne!(newer.token, old.token);
}

fn a_slow_whoami_does_not_bring_back_a_login_forgotten_meanwhile() {
    let s = setup();
    s.log_in("ada");
    let run = slow_whoami(&s, || {
        // The server cannot revoke, so the token keeps working for whoami; --yes forgets it.
        s.server().inject("/oauth/revoke", Fault::Status(503, "{}".into()));
        let logout = s.run(&["logout", &s.acct("ada"), "--yes"]);
        assert_eq!(logout.code, 0, "{logout:?}");
    });
    assert_eq!(run.code, 0, "{run:?}");
    assert!(s.store.logins().unwrap().is_empty(), "still forgotten");
}

fn processes_running_whoami_logout_and_new_logins_at_once_lose_nothing() {
    let s = setup();
    for username in ["ada", "hanako", "grace", "newsbot", "rustclub"] {
        s.log_in(username);
    }
    let rustclub = saved(&s, "rustclub").unwrap();
    let config = s.config();
    let (ada, hanako, grace, newsbot) = (s.acct("ada"), s.acct("hanako"), s.acct("grace"), s.acct("newsbot"));
    let verifies_before = s.requests_for(VERIFY);
    let newer_ada = std::thread::scope(|scope| {
        let whoami = |acct: &str| {
            let (config, acct) = (config.clone(), acct.to_owned());
            scope.spawn(move || (0..8).map(|_| mastokey(&config, &["whoami", &acct]).code).collect::<Vec<_>>())
        };
        let ada_checks = whoami(&ada);
        let hanako_checks = whoami(&hanako);
        let logouts =
            scope.spawn(|| [&grace, &newsbot, &hanako].map(|acct| mastokey(&config, &["logout", acct.as_str()]).code));
        // In this process meanwhile, once the whoamis are under way: ada logs in again, oldada anew.
        s.wait_for_requests(VERIFY, verifies_before + 2);
        let newer_ada = s.log_in("ada");
        s.log_in("oldada");

        assert!(ada_checks.join().unwrap().iter().all(|&c| c == 0));
        // hanako's checks end once its logout revoked the token (5) or forgot it (3).
        assert!(hanako_checks.join().unwrap().iter().all(|c| [0, 3, 5].contains(c)));
        assert_eq!(logouts.join().unwrap(), [0, 0, 0]);
        newer_ada
    });

    let mut accts = s.saved_accts();
    accts.sort();
    assert_eq!(accts, [s.acct("ada"), s.acct("oldada"), s.acct("rustclub")]);
    let ada = saved(&s, "ada").unwrap();
    assert_eq!((&ada.token, &ada.created_at), (&newer_ada.token, &newer_ada.created_at), "the newer login of ada");
    assert_eq!(saved(&s, "rustclub"), Some(rustclub), "untouched");
}
