//! The default account: kept beside the list through every other change, cleared with its
//! last login, and safe against concurrent changes.

use super::tests::login;
use super::*;
use std::fs;

#[test]
fn the_default_survives_saves_checks_and_logins_again() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (ada, bob) = (login("https://a.example", "1"), login("https://b.example", "2"));
    assert!(!store.set_default(&ada).unwrap(), "nothing saved yet");
    store.save_login(ada.clone()).unwrap();
    store.save_login(bob.clone()).unwrap();
    assert_eq!(store.default_account().unwrap(), None);
    assert!(store.set_default(&bob).unwrap());
    let bob_default = Some(DefaultAccount::of(&bob));
    assert_eq!(store.default_account().unwrap(), bob_default);
    // Every other change keeps it: a check, a new login of the same account, another account.
    store.record_verified(&bob, "2026-02-02T00:00:00Z").unwrap();
    store.save_login(Login { created_at: "2026-03-03T00:00:00Z".into(), ..bob.clone() }).unwrap();
    store.save_login(login("https://c.example", "3")).unwrap();
    assert_eq!(store.load_logins().unwrap().default, bob_default);
    let text = fs::read_to_string(store.logins_path()).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["default"], serde_json::json!({"server": "https://b.example", "account_id": "2"}));
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["logins"].as_array().unwrap().len(), 3);
}

#[test]
fn forgetting_the_default_leaves_none_or_the_only_login_left() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let logins: Vec<Login> = (1..=3).map(|i| login("https://a.example", &i.to_string())).collect();
    for l in &logins {
        store.save_login(l.clone()).unwrap();
    }
    store.set_default(&logins[0]).unwrap();
    // Another login goes: the default stays.
    assert!(store.forget_login(&logins[2]).unwrap());
    assert_eq!(store.default_account().unwrap(), Some(DefaultAccount::of(&logins[0])));
    // The default goes with one login left: that one is the default now.
    assert!(store.remove_login(&logins[0].server, &logins[0].account_id).unwrap());
    assert_eq!(store.default_account().unwrap(), Some(DefaultAccount::of(&logins[1])));
    // With several left, none is.
    store.save_login(logins[0].clone()).unwrap();
    store.save_login(logins[2].clone()).unwrap();
    store.set_default(&logins[2]).unwrap();
    store.forget_login(&logins[2]).unwrap();
    assert_eq!(store.default_account().unwrap(), None);
    assert!(!fs::read_to_string(store.logins_path()).unwrap().contains("\"default\""));
}

#[test]
fn a_default_that_names_no_login_or_is_not_one_reads_as_none() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    store.save_login(login("https://a.example", "1")).unwrap();
    for field in [r#"{"server": "https://gone.example", "account_id": "9"}"#, r#""ada""#, "[1, 2]", "null"] {
        let text = fs::read_to_string(store.logins_path()).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        doc["default"] = serde_json::from_str(field).unwrap();
        fs::write(store.logins_path(), doc.to_string()).unwrap();
        let loaded = store.load_logins().expect(field);
        assert_eq!((loaded.logins.len(), loaded.default), (1, None), "{field}");
    }
}

#[test]
fn fields_a_later_mastokey_adds_beside_the_list_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    store.save_login(login("https://a.example", "1")).unwrap();
    let text = fs::read_to_string(store.logins_path()).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["colours"] = serde_json::json!({"ada": "teal"});
    fs::write(store.logins_path(), doc.to_string()).unwrap();
    store.save_login(login("https://a.example", "2")).unwrap();
    store.remove_login(&"https://a.example".into(), "1").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&fs::read_to_string(store.logins_path()).unwrap()).unwrap();
    assert_eq!(doc["colours"], serde_json::json!({"ada": "teal"}));
}

#[test]
fn concurrent_switches_and_saves_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let logins: Vec<Login> = (0..8).map(|i| login("https://a.example", &i.to_string())).collect();
    for l in &logins {
        Store::at(&dir).save_login(l.clone()).unwrap();
    }
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let (dir, logins) = (dir.clone(), logins.clone());
            std::thread::spawn(move || {
                let store = Store::at(&dir);
                for round in 0..10 {
                    let l = &logins[(w * 2 + round) % logins.len()];
                    if w % 2 == 0 {
                        assert!(store.set_default(l).unwrap());
                    } else {
                        store.record_verified(l, "2026-05-05T00:00:00Z").unwrap();
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let loaded = Store::at(&dir).load_logins().unwrap();
    assert_eq!(loaded.logins.len(), 8);
    let default = loaded.default.expect("a default is set");
    assert!(logins.iter().any(|l| default.is(l)));
}
