//! The keyring side of the store with no keyring service: `token_in`, mixed files, the fallback.
//!
//! Tests that would reach a keyring run in a child process of this test binary whose session bus
//! address points at a socket that does not exist, so they never touch the keyring of the person
//! running them and see the same thing on every machine. `tests/keyring.rs` has a real one.

use super::*;
use std::fs;
use std::process::Command;

/// Set in the child process that runs a test without a keyring service.
const CHILD: &str = "MASTOKEY_TEST_WITHOUT_KEYRING";

/// True in the child; in the parent, runs `name` in a child and checks that it passed.
fn without_keyring_service(name: &str) -> bool {
    if std::env::var_os(CHILD).is_some() {
        return true;
    }
    let exe = std::env::current_exe().expect("the test binary");
    let out = Command::new(exe)
        .args(["--exact", &format!("store::saved_tests::{name}"), "--test-threads=1", "--nocapture"])
        .env(CHILD, "1")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mastokey-test/bus")
        .env_remove(keyring::SETTING)
        .output()
        .expect("run the test binary");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{name} failed in the child:\n{text}");
    assert!(text.contains("1 passed"), "{name} did not run in the child:\n{text}");
    false
}

fn login(id: &str, token: &str) -> Login {
    Login {
        server: "https://m.example".into(),
        account_id: id.into(),
        acct: format!("user{id}@m.example"),
        display_name: "Ada".into(),
        token: Secret::new(token),
        scopes_granted: vec!["read".into()],
        scopes_requested: vec!["read".into()],
        client_id: "cid".into(),
        created_at: "2026-01-02T03:04:05Z".into(),
        last_verified: None,
    }
}

fn raw(store: &Store) -> serde_json::Value {
    serde_json::from_slice(&fs::read(store.logins_path()).unwrap()).unwrap()
}

/// A logins.json as an earlier save with the keyring wrote it: `1` in the keyring, `2` in the file.
fn write_mixed(store: &Store) {
    let mut in_keyring = serde_json::to_value(login("1", "")).unwrap();
    in_keyring["token_in"] = "keyring".into();
    let in_file = serde_json::to_value(login("2", "tok-secret-2")).unwrap();
    fs::create_dir_all(store.dir()).unwrap();
    let doc = serde_json::json!({ "version": 1, "logins": [in_keyring, in_file] });
    fs::write(store.logins_path(), serde_json::to_vec(&doc).unwrap()).unwrap();
}

#[test]
fn the_setting_reads_like_a_switch_and_anything_else_is_unset() {
    for on in ["1", "true", " YES ", "on"] {
        assert_eq!(KeyringSetting::parse(Some(on)), KeyringSetting::On, "{on}");
    }
    for off in ["0", "false", "no", "Off"] {
        assert_eq!(KeyringSetting::parse(Some(off)), KeyringSetting::Off, "{off}");
    }
    for unset in [None, Some(""), Some("2"), Some("keyring")] {
        assert_eq!(KeyringSetting::parse(unset), KeyringSetting::Unset, "{unset:?}");
    }
    assert_eq!(Store::at("/x").keyring(), KeyringSetting::Unset);
}

#[test]
fn without_the_setting_the_token_stays_in_the_file_with_no_token_in_field() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    for setting in [KeyringSetting::Unset, KeyringSetting::Off] {
        let saved = store.clone().with_keyring(setting).save_login(login("1", "tok-secret-1")).unwrap();
        assert_eq!(saved, Saved::in_file(store.logins_path()));
        assert_eq!(saved.fallback_note("user1@m.example"), None);
    }
    let doc = raw(&store);
    assert_eq!(doc["logins"][0]["token"], "tok-secret-1");
    assert!(doc["logins"][0].get("token_in").is_none(), "{doc}");
    let loaded = store.load_logins().unwrap();
    assert_eq!(loaded, Loaded { logins: vec![login("1", "tok-secret-1")], problems: vec![], default: None });
    assert_eq!(loaded.problems_line(), None);
}

#[test]
fn an_unknown_token_in_is_read_as_in_the_file_not_as_a_corrupt_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let mut entry = serde_json::to_value(login("1", "tok-secret-1")).unwrap();
    entry["token_in"] = "some-later-vault".into();
    fs::write(
        store.logins_path(),
        serde_json::to_vec(&serde_json::json!({ "version": 1, "logins": [entry] })).unwrap(),
    )
    .unwrap();
    assert_eq!(store.logins().unwrap(), vec![login("1", "tok-secret-1")]);
}

#[test]
fn with_the_setting_and_no_keyring_service_the_token_goes_to_the_file_with_a_note() {
    if !without_keyring_service("with_the_setting_and_no_keyring_service_the_token_goes_to_the_file_with_a_note") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path()).with_keyring(KeyringSetting::On);
    let saved = store.save_login(login("1", "tok-secret-1")).unwrap();
    assert_eq!(saved.path, store.logins_path());
    let TokenPlace::FileInstead(KeyringError::NoService(why)) = &saved.token_in else { panic!("{saved:?}") };
    assert!(!why.is_empty());
    let note = saved.fallback_note("user1@m.example").unwrap();
    assert!(note.starts_with("no keyring service is running ("), "{note}");
    assert!(note.contains(&store.logins_path().display().to_string()), "{note}");
    assert!(note.contains("user1@m.example") && !note.contains("tok-secret"), "{note}");
    assert_eq!(raw(&store)["logins"][0]["token"], "tok-secret-1");
    assert!(raw(&store)["logins"][0].get("token_in").is_none());
    assert_eq!(store.logins().unwrap(), vec![login("1", "tok-secret-1")]);
}

#[test]
fn mixed_logins_read_back_and_an_unreadable_keyring_token_is_a_problem_not_an_error() {
    if !without_keyring_service("mixed_logins_read_back_and_an_unreadable_keyring_token_is_a_problem_not_an_error") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    write_mixed(&store);
    let loaded = store.load_logins().unwrap();
    assert_eq!(loaded.logins, vec![login("1", ""), login("2", "tok-secret-2")]);
    assert_eq!(loaded.problems.len(), 1, "{loaded:?}");
    let problem = loaded.problem_of(&loaded.logins[0]).expect("login 1 has a problem");
    assert!(matches!(problem.error, KeyringError::NoService(_)), "{problem:?}");
    assert_eq!(loaded.problem_of(&loaded.logins[1]), None);
    assert_eq!(
        loaded.problems_line().as_deref(),
        Some("Keyring: could not read the token of @user1@m.example (no keyring service is running)")
    );
    let text = problem.to_string();
    assert!(
        text.starts_with("the token of user1@m.example is in the system keyring, but no keyring service"),
        "{text}"
    );

    // Forgetting it works without the keyring; the file-only login is untouched.
    assert!(store.remove_login(&"https://m.example/".into(), "1").unwrap());
    assert_eq!(store.logins().unwrap(), vec![login("2", "tok-secret-2")]);
}

#[test]
fn a_keyring_token_stays_put_unless_the_setting_says_otherwise() {
    if !without_keyring_service("a_keyring_token_stays_put_unless_the_setting_says_otherwise") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // Unset: a login whose token is in the keyring goes back there; with no service, the file
    // takes it and says why.
    let store = Store::at(tmp.path());
    write_mixed(&store);
    let saved = store.save_login(login("1", "tok-secret-1")).unwrap();
    assert!(matches!(saved.token_in, TokenPlace::FileInstead(KeyringError::NoService(_))), "{saved:?}");
    // The login in the file was not moved anywhere.
    assert_eq!(store.save_login(login("2", "tok-secret-2")).unwrap(), Saved::in_file(store.logins_path()));

    // Off: into the file, quietly.
    write_mixed(&store);
    let off = store.clone().with_keyring(KeyringSetting::Off);
    assert_eq!(off.save_login(login("1", "tok-secret-1")).unwrap(), Saved::in_file(store.logins_path()));
    let doc = raw(&store);
    assert_eq!(doc["logins"][0]["token"], "tok-secret-1");
    assert!(doc["logins"][0].get("token_in").is_none(), "{doc}");
    assert_eq!(store.load_logins().unwrap().problems, vec![]);
}

#[test]
fn keyring_calls_from_inside_an_async_runtime_do_not_panic() {
    if !without_keyring_service("keyring_calls_from_inside_an_async_runtime_do_not_panic") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path()).with_keyring(KeyringSetting::On);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let saved = rt.block_on(async { store.save_login(login("1", "tok-secret-1")) }).unwrap();
    assert!(matches!(saved.token_in, TokenPlace::FileInstead(_)), "{saved:?}");
    write_mixed(&store);
    let loaded = rt.block_on(async { store.load_logins() }).unwrap();
    assert_eq!(loaded.problems.len(), 1);
}

#[test]
fn problems_and_notes_never_carry_the_token() {
    let problem = TokenProblem {
        server: "https://m.example".into(),
        account_id: "1".into(),
        acct: "ada@m.example".into(),
        error: KeyringError::Missing,
    };
    assert_eq!(problem.to_string(), "the token of ada@m.example is no longer in the system keyring");
    assert!(problem.is_for(&login("1", "")));
    let saved = Saved { path: "/c/logins.json".into(), token_in: TokenPlace::Keyring };
    assert_eq!(saved.fallback_note("ada@m.example"), None);
    let failed = Saved { path: "/c/logins.json".into(), token_in: TokenPlace::FileInstead(KeyringError::Missing) };
    assert!(failed.fallback_note("ada@m.example").unwrap().ends_with("instead of the system keyring"));
}

#[test]
fn record_verified_without_a_keyring_service_keeps_each_token_where_it_is() {
    if !without_keyring_service("record_verified_without_a_keyring_service_keeps_each_token_where_it_is") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    write_mixed(&store);
    let at = "2026-04-04T00:00:00Z";
    // On: the token in the file was meant to move and could not; it stays, with the reason.
    let on = store.clone().with_keyring(KeyringSetting::On);
    let saved = on.record_verified(&login("2", "tok-secret-2"), at).unwrap().expect("still saved");
    assert!(matches!(saved.token_in, TokenPlace::FileInstead(KeyringError::NoService(_))), "{saved:?}");
    // Off: the token in the keyring cannot be read to move back, so it stays there.
    let off = store.clone().with_keyring(KeyringSetting::Off);
    let saved = off.record_verified(&login("1", "tok-from-the-caller"), at).unwrap().expect("still saved");
    assert_eq!(saved.token_in, TokenPlace::Keyring);
    let doc = raw(&store);
    assert_eq!((&doc["logins"][0]["token_in"], &doc["logins"][0]["token"]), (&"keyring".into(), &"".into()));
    assert_eq!(doc["logins"][1]["token"], "tok-secret-2");
    assert!(doc["logins"][1].get("token_in").is_none(), "{doc}");
    assert!(doc["logins"].as_array().unwrap().iter().all(|l| l["last_verified"] == at), "{doc}");
    assert!(!fs::read_to_string(store.logins_path()).unwrap().contains("tok-from-the-caller"));
}
