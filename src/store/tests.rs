//! Store tests on real temporary directories.

use super::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;

pub(super) fn login(server: &str, id: &str) -> Login {
    Login {
        server: server.into(),
        account_id: id.into(),
        acct: format!("user{id}@example.social"),
        display_name: "Ada 🌸".into(),
        token: Secret::new(format!("tok-secret-{id}")),
        scopes_granted: vec!["read".into()],
        scopes_requested: vec!["read".into()],
        client_id: "cid".into(),
        created_at: "2026-01-02T03:04:05Z".into(),
        last_verified: None,
    }
}

fn registration(server: &str, client_id: &str, redirect: &str, scopes: &str) -> Registration {
    Registration {
        server: server.into(),
        client_id: client_id.into(),
        client_secret: Secret::new("client-secret-value"),
        redirect_uris: vec![redirect.into()],
        scopes: scopes.split(' ').map(str::to_owned).collect(),
        created_at: now_rfc3339(),
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn temp_names(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

#[test]
fn missing_files_are_empty_and_create_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("cfg"));
    assert!(store.logins().unwrap().is_empty());
    assert!(store.registrations().unwrap().is_empty());
    assert!(!store.remove_login(&"https://x".into(), "1").unwrap());
    assert!(!store.dir().exists());
}

#[test]
fn round_trip_with_private_permissions() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("a/b/mastokey"));
    let saved = store.save_login(login("https://mastodon.social", "1")).unwrap();
    assert_eq!(saved, Saved::in_file(store.logins_path()));
    store
        .save_registration(registration("https://mastodon.social", "c1", "urn:ietf:wg:oauth:2.0:oob", "read"))
        .unwrap();

    assert_eq!(store.logins().unwrap(), vec![login("https://mastodon.social", "1")]);
    assert_eq!(store.registrations().unwrap()[0].client_secret.expose(), "client-secret-value");
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&store.logins_path()), 0o600);
    assert_eq!(mode(&store.registrations_path()), 0o600);
    assert_eq!(mode(&store.dir().join(".lock")), 0o600);
    assert!(temp_names(store.dir()).is_empty());

    let raw: serde_json::Value = serde_json::from_slice(&fs::read(store.logins_path()).unwrap()).unwrap();
    assert_eq!(raw["version"], 1);
    assert_eq!(raw["logins"][0]["token"], "tok-secret-1");
}

#[test]
fn save_login_replaces_same_account_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    store.save_login(login("https://a.example", "1")).unwrap();
    store.save_login(login("https://b.example", "1")).unwrap();
    let mut again = login("https://a.example/", "1");
    again.last_verified = Some("2026-02-02T00:00:00Z".into());
    store.save_login(again.clone()).unwrap();
    assert_eq!(store.logins().unwrap(), vec![again, login("https://b.example", "1")]);

    assert!(store.remove_login(&"https://a.example".into(), "1").unwrap());
    assert!(!store.remove_login(&"https://a.example".into(), "1").unwrap());
    assert_eq!(store.logins().unwrap(), vec![login("https://b.example", "1")]);
}

#[test]
fn find_registration_needs_server_redirect_and_the_same_scope_names() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let oob = "urn:ietf:wg:oauth:2.0:oob";
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    store.save_registration(registration("https://m.example", "old", oob, "read write")).unwrap();
    store.save_registration(registration("https://m.example", "new", oob, "read write follow")).unwrap();
    store
        .save_registration(registration("https://m.example", "narrow", "http://127.0.0.1/callback", "profile"))
        .unwrap();

    let found = |server: &str, redirect, scopes: &[&str]| {
        store.find_registration(&server.into(), redirect, &s(scopes)).unwrap().map(|r| r.client_id)
    };
    // Mastodon compares scope names exactly: `read` does not serve `read:accounts`.
    assert_eq!(found("https://m.example", oob, &["read:accounts", "write:statuses"]), None);
    assert_eq!(found("https://m.example", oob, &["read", "follow"]).as_deref(), Some("new"));
    assert_eq!(found("https://M.example/", oob, &["read"]).as_deref(), Some("new"));
    assert_eq!(found("https://m.example", oob, &[]).as_deref(), Some("new"));
    assert_eq!(found("https://m.example", oob, &["push"]), None);
    assert_eq!(found("https://m.example", oob, &["admin:read"]), None);
    assert_eq!(found("https://other.example", oob, &["read"]), None);
    assert_eq!(found("https://m.example", "http://127.0.0.1/callback", &["profile"]).as_deref(), Some("narrow"));
    assert_eq!(found("https://m.example", "http://127.0.0.1/callback", &["read"]), None);

    // Same server and client_id replaces, so there is no duplicate.
    store.save_registration(registration("https://m.example", "old", oob, "read write push")).unwrap();
    assert_eq!(store.registrations().unwrap().len(), 3);
    assert_eq!(found("https://m.example", oob, &["push"]).as_deref(), Some("old"));
}

#[test]
fn corrupt_file_is_kept_aside_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let bad = b"{\"version\": 1, \"logins\": [ {\"token\": \"tok-in-broken-file\" \xff";
    fs::write(store.logins_path(), bad).unwrap();

    let err = store.logins().unwrap_err();
    let StoreError::Corrupt { path, kept_as } = &err else { panic!("{err:?}") };
    assert_eq!(path, &store.logins_path());
    assert_eq!(fs::read(kept_as).unwrap(), bad);
    assert!(kept_as.file_name().unwrap().to_string_lossy().starts_with("logins.json.corrupt-"));
    assert!(!store.logins_path().exists());
    assert!(!err.to_string().contains("tok-in-broken-file"));

    // The next save starts fresh; the bad file stays where it was put.
    store.save_login(login("https://a.example", "1")).unwrap();
    assert_eq!(store.logins().unwrap().len(), 1);
    assert_eq!(fs::read(kept_as).unwrap(), bad);

    // A second bad file in the same second gets its own name.
    fs::write(store.logins_path(), b"[]").unwrap();
    let StoreError::Corrupt { kept_as: second, .. } = store.logins().unwrap_err() else { panic!() };
    assert_ne!(&second, kept_as);
    assert_eq!(fs::read(kept_as).unwrap(), bad);
    assert_eq!(fs::read(&second).unwrap(), b"[]");
}

#[test]
fn a_version_that_is_not_a_format_is_corrupt_and_save_over_it_reports_first() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let reg = registration("https://m.example", "c", "urn:ietf:wg:oauth:2.0:oob", "read");
    for other in [&br#"{"version": 0, "registrations": []}"#[..], br#"{"version": "2", "registrations": []}"#] {
        fs::write(store.registrations_path(), other).unwrap();
        let err = store.save_registration(reg.clone()).unwrap_err();
        let StoreError::Corrupt { kept_as, .. } = err else { panic!("{err:?}") };
        assert_eq!(fs::read(kept_as).unwrap(), other);
        store.save_registration(reg.clone()).unwrap();
        assert_eq!(store.registrations().unwrap(), vec![reg.clone()]);
    }
}

#[test]
fn a_newer_format_is_left_in_place_for_reads_and_refused_for_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let newer = br#"{"version": 2, "logins": [{"token": "tok-secret-newer", "shape": "unknown"}]}"#;
    fs::write(store.logins_path(), newer).unwrap();
    fs::write(store.registrations_path(), br#"{"version": 7}"#).unwrap();

    let saved = login("https://a.example", "1");
    let results = [
        store.logins().map(|_| ()),
        store.save_login(saved.clone()).map(|_| ()),
        store.record_verified(&saved, "2026-02-02T00:00:00Z").map(|_| ()),
        store.remove_login(&saved.server, &saved.account_id).map(|_| ()),
        store.forget_login(&saved).map(|_| ()),
    ];
    for result in results {
        let err = result.unwrap_err();
        let StoreError::Newer { path, version } = &err else { panic!("{err:?}") };
        assert_eq!((path, *version), (&store.logins_path(), 2));
        let text = err.to_string();
        assert!(text.contains("written by a newer mastokey (format version 2); update mastokey"), "{text}");
        assert!(!text.contains("tok-secret"), "{text}");
    }
    let StoreError::Newer { version: 7, .. } = store.registrations().unwrap_err() else { panic!() };
    let reg = registration("https://a.example", "c", "x", "read");
    assert!(matches!(store.save_registration(reg), Err(StoreError::Newer { version: 7, .. })));

    assert_eq!(fs::read(store.logins_path()).unwrap(), newer, "left byte for byte");
    let names: Vec<String> =
        fs::read_dir(store.dir()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains("corrupt")), "nothing moved aside: {names:?}");
    assert!(temp_names(store.dir()).is_empty());
}

#[test]
fn record_verified_notes_the_time_of_that_login_only() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let ada = login("https://a.example", "1");
    store.save_login(ada.clone()).unwrap();
    store.save_login(login("https://a.example", "2")).unwrap();

    // Only last_verified is taken; what else the caller's copy says is not.
    let mut copy = ada.clone();
    copy.token = Secret::new("tok-secret-of-the-caller");
    copy.scopes_granted = vec!["admin:write".into()];
    copy.server = "https://A.example/".into();
    let saved = store.record_verified(&copy, "2026-03-03T00:00:00Z").unwrap();
    assert_eq!(saved, Some(Saved::in_file(store.logins_path())));
    let mut expected = ada.clone();
    expected.last_verified = Some("2026-03-03T00:00:00Z".into());
    assert_eq!(store.logins().unwrap(), vec![expected.clone(), login("https://a.example", "2")]);

    // No file, no directory: nothing to note, and nothing is created.
    let empty = Store::at(tmp.path().join("none"));
    assert_eq!(empty.record_verified(&ada, "2026-03-03T00:00:00Z").unwrap(), None);
    assert!(!empty.dir().exists());
}

#[test]
fn a_stale_copy_does_not_bring_back_a_removed_login_or_replace_a_newer_one() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let stale = login("https://a.example", "1");
    store.save_login(stale.clone()).unwrap();

    // Another process logs the same account in again: a new token and a new created_at.
    let mut newer = login("https://a.example", "1");
    newer.token = Secret::new("tok-secret-newer");
    newer.scopes_granted = vec!["read".into(), "write".into()];
    newer.created_at = "2026-05-05T05:05:05.123456789Z".into();
    store.save_login(newer.clone()).unwrap();
    let before = fs::read(store.logins_path()).unwrap();
    assert_eq!(store.record_verified(&stale, "2026-06-06T00:00:00Z").unwrap(), None);
    assert_eq!(fs::read(store.logins_path()).unwrap(), before, "nothing written");
    assert!(!store.forget_login(&stale).unwrap(), "a stale logout leaves the newer login");
    assert_eq!(store.logins().unwrap(), vec![newer.clone()]);

    // Another process logs out: the stale copy does not bring it back.
    assert!(store.forget_login(&newer).unwrap());
    assert_eq!(store.record_verified(&newer, "2026-06-06T00:00:00Z").unwrap(), None);
    assert!(store.logins().unwrap().is_empty());
}

#[test]
fn concurrent_verifies_saves_and_removes_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    let store = Store::at(&dir);
    // 0-i are verified again and again, 1-i removed, 2-i logged in anew (new token, created_at).
    for i in 0..10 {
        store.save_login(login("https://m.example", &format!("0-{i}"))).unwrap();
        store.save_login(login("https://m.example", &format!("1-{i}"))).unwrap();
        store.save_login(login("https://m.example", &format!("2-{i}"))).unwrap();
    }
    let stale = store.logins().unwrap();
    let renew = |l: &Login| Login {
        token: Secret::new("tok-secret-new"),
        created_at: "2026-09-09T00:00:00Z".into(),
        ..l.clone()
    };
    let workers: Vec<_> = (0..3)
        .map(|w| {
            let (store, stale) = (Store::at(&dir), stale.clone());
            std::thread::spawn(move || {
                for round in 0..3 {
                    for l in &stale {
                        match (w, &l.account_id[..2]) {
                            (0, _) => {
                                drop(store.record_verified(l, &format!("2026-07-0{}T00:00:00Z", round + 1)).unwrap())
                            }
                            (1, "1-") if round == 0 => assert!(store.remove_login(&l.server, &l.account_id).unwrap()),
                            (2, "2-") if round == 0 => drop(store.save_login(renew(l)).unwrap()),
                            _ => {}
                        }
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let logins = Store::at(&dir).logins().unwrap();
    let ids = |prefix: &str| logins.iter().filter(|l| l.account_id.starts_with(prefix)).collect::<Vec<_>>();
    assert_eq!(ids("1-").len(), 0, "removed logins stay removed");
    let renewed = ids("2-");
    assert_eq!(renewed.len(), 10);
    assert!(renewed.iter().all(|l| l.token.expose() == "tok-secret-new"), "newer logins stay: {renewed:?}");
    let verified = ids("0-");
    assert_eq!(verified.len(), 10);
    assert!(verified.iter().all(|l| l.last_verified.as_deref() == Some("2026-07-03T00:00:00Z")));
    assert!(temp_names(&dir).is_empty());
}

#[test]
fn concurrent_saves_keep_every_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let store = Store::at(&dir);
            std::thread::spawn(move || {
                for i in 0..20 {
                    store.save_login(login("https://m.example", &format!("{w}-{i}"))).unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let logins = Store::at(&dir).logins().unwrap();
    assert_eq!(logins.len(), 40);
    assert!(temp_names(&dir).is_empty());
}

/// Makes a directory unwritable. For root, permission bits do not stop writes, so the
/// directory is made immutable instead (`chattr +i`), and made mutable again on drop.
struct ReadOnlyDir<'a> {
    dir: &'a Path,
    immutable: bool,
}

impl<'a> ReadOnlyDir<'a> {
    fn new(dir: &'a Path) -> Option<Self> {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o500)).unwrap();
        let mut guard = ReadOnlyDir { dir, immutable: false };
        let probe = dir.join("probe");
        if fs::write(&probe, b"").is_ok() {
            let _ = fs::remove_file(&probe);
            let status = std::process::Command::new("chattr").arg("+i").arg(dir).status();
            if !status.is_ok_and(|s| s.success()) {
                return None;
            }
            guard.immutable = true;
        }
        Some(guard)
    }
}

impl Drop for ReadOnlyDir<'_> {
    fn drop(&mut self) {
        if self.immutable {
            let _ = std::process::Command::new("chattr").arg("-i").arg(self.dir).status();
        }
        let _ = fs::set_permissions(self.dir, fs::Permissions::from_mode(0o700));
    }
}

#[test]
fn failed_write_reports_io_error_and_keeps_old_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("ro"));
    store.save_login(login("https://a.example", "1")).unwrap();
    let before = fs::read(store.logins_path()).unwrap();

    let Some(_guard) = ReadOnlyDir::new(store.dir()) else {
        eprintln!("note: cannot make a directory read-only here (root without chattr); skipped");
        return;
    };
    let err = store.save_login(login("https://a.example", "2")).unwrap_err();
    let StoreError::Io { path, action, .. } = &err else { panic!("{err:?}") };
    assert_eq!(path, &store.logins_path());
    assert_eq!(*action, "write");
    let text = err.to_string();
    assert!(text.starts_with(&format!("could not write {}: ", store.logins_path().display())), "{text}");
    assert!(!text.contains("tok-secret"));
    assert_eq!(fs::read(store.logins_path()).unwrap(), before);
    assert!(temp_names(store.dir()).is_empty());
    assert_eq!(store.logins().unwrap().len(), 1);
}

#[test]
fn debug_output_hides_tokens_and_secrets() {
    let text =
        format!("{:?} {:?}", login("https://a.example", "1"), registration("https://a.example", "c", "x", "read"));
    assert!(!text.contains("tok-secret"));
    assert!(!text.contains("client-secret-value"));
}

#[test]
fn now_is_rfc3339() {
    let now = now_rfc3339();
    assert!(time::OffsetDateTime::parse(&now, &time::format_description::well_known::Rfc3339).is_ok(), "{now}");
}

#[test]
fn a_registration_the_server_forgot_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("cfg"));
    store.remove_registration(&"https://example.social".into(), "nobody").expect("nothing saved is fine");
    let mut reg = registration("https://example.social", "cid-1", "urn:ietf:wg:oauth:2.0:oob", "read");
    store.save_registration(reg.clone()).unwrap();
    reg.client_id = "cid-2".into();
    store.save_registration(reg).unwrap();
    store.remove_registration(&"https://EXAMPLE.social/".into(), "cid-1").unwrap();
    let left: Vec<_> = store.registrations().unwrap().into_iter().map(|r| r.client_id).collect();
    assert_eq!(left, ["cid-2"]);
}
