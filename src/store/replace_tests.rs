//! `replace_login` (a refresh's end) on real temporary directories: in place and under the lock,
//! or saved anew when the login went meanwhile.

use super::*;

fn login(id: &str, created_at: &str) -> Login {
    Login {
        server: "https://a.example".into(),
        account_id: id.into(),
        acct: format!("user{id}@a.example"),
        display_name: "Ada".into(),
        token: Secret::new(format!("tok-old-{id}")),
        scopes_granted: vec!["profile".into()],
        scopes_requested: vec!["profile".into()],
        client_id: "cid-old".into(),
        created_at: created_at.into(),
        last_verified: None,
    }
}

/// What a refresh brings: a new token, scopes and registration, made now.
fn refreshed(old: &Login) -> Login {
    Login {
        token: Secret::new("tok-new"),
        scopes_granted: vec!["profile".into(), "write:media".into()],
        scopes_requested: vec!["profile".into(), "write:media".into()],
        client_id: "cid-new".into(),
        created_at: "2026-09-09T09:09:09Z".into(),
        last_verified: Some("2026-09-09T09:09:09Z".into()),
        ..old.clone()
    }
}

#[test]
fn the_login_gets_the_new_token_and_scopes_in_place_and_stays_the_same_login() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (ada, bob, cy) = (login("1", "2026-01-01T00:00:00Z"), login("2", "2026-01-02T00:00:00Z"), login("3", "x"));
    for l in [&ada, &bob, &cy] {
        store.save_login(l.clone()).unwrap();
    }
    let replaced = store.replace_login(&bob, refreshed(&bob)).unwrap();
    assert_eq!(replaced, Replaced::InPlace(Saved::in_file(store.logins_path())));
    let logins = store.logins().unwrap();
    assert_eq!(logins.iter().map(|l| l.account_id.as_str()).collect::<Vec<_>>(), ["1", "2", "3"], "same place");
    let now = &logins[1];
    assert_eq!(now.id(), bob.id(), "same server, account id and created_at: the same login");
    assert_eq!(now.token.expose(), "tok-new");
    assert_eq!(now.scopes_granted, ["profile", "write:media"]);
    assert_eq!(now.client_id, "cid-new");
    assert_eq!(now.last_verified.as_deref(), Some("2026-09-09T09:09:09Z"));
    assert_eq!((&logins[0], &logins[2]), (&ada, &cy), "the others are untouched");
}

#[test]
fn a_login_logged_out_meanwhile_is_saved_anew_and_a_newer_one_is_not_lost_to_a_stale_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let ada = login("1", "2026-01-01T00:00:00Z");
    store.save_login(ada.clone()).unwrap();
    assert!(store.forget_login(&ada).unwrap());
    let replaced = store.replace_login(&ada, refreshed(&ada)).unwrap();
    assert_eq!(replaced, Replaced::SavedAnew(Saved::in_file(store.logins_path())));
    let logins = store.logins().unwrap();
    assert_eq!(logins.len(), 1);
    assert_eq!(logins[0].token.expose(), "tok-new", "the new token is never dropped");
    assert_eq!(logins[0].created_at, "2026-09-09T09:09:09Z", "a login of its own");

    // No file at all yet: the same.
    let empty = Store::at(tmp.path().join("none"));
    assert!(matches!(empty.replace_login(&ada, refreshed(&ada)).unwrap(), Replaced::SavedAnew(_)));
    assert_eq!(empty.logins().unwrap()[0].token.expose(), "tok-new");
}

#[test]
fn the_identity_comes_from_the_saved_login_not_from_the_new_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let ada = login("1", "2026-01-01T00:00:00Z");
    store.save_login(ada.clone()).unwrap();
    let mut odd = refreshed(&ada);
    odd.server = "https://A.example/".into();
    odd.created_at = "2030-01-01T00:00:00Z".into();
    store.replace_login(&ada, odd).unwrap();
    assert_eq!(store.logins().unwrap()[0].id(), ada.id());
}

#[test]
fn replacing_while_other_processes_verify_and_save_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    let store = Store::at(&dir);
    let ada = login("1", "2026-01-01T00:00:00Z");
    store.save_login(ada.clone()).unwrap();
    let workers: Vec<_> = (0..3)
        .map(|w| {
            let (store, ada) = (Store::at(&dir), ada.clone());
            std::thread::spawn(move || {
                for i in 0..10 {
                    match w {
                        // A stale copy checked again: only its time may be noted.
                        0 => drop(store.record_verified(&ada, "2026-07-07T00:00:00Z").unwrap()),
                        1 => drop(store.save_login(login(&format!("other-{i}"), "x")).unwrap()),
                        _ if i == 5 => drop(store.replace_login(&ada, refreshed(&ada)).unwrap()),
                        _ => {}
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let logins = Store::at(&dir).logins().unwrap();
    assert_eq!(logins.len(), 11, "every other login kept");
    let now = logins.iter().find(|l| l.account_id == "1").unwrap();
    assert_eq!((now.token.expose(), now.created_at.as_str()), ("tok-new", "2026-01-01T00:00:00Z"));
    assert_eq!(now.scopes_granted, ["profile", "write:media"], "a verify never brings the old scopes back");
}
