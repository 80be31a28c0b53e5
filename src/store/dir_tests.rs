//! The config directory's safety: whose it is, who may write it, and no symbolic links in it.

use super::*;
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};

fn registration() -> Registration {
    Registration {
        server: "https://a.example".into(),
        client_id: "cid".into(),
        client_secret: Secret::new("client-secret-value"),
        redirect_uris: vec!["urn:ietf:wg:oauth:2.0:oob".into()],
        scopes: vec!["read".into()],
        created_at: now_rfc3339(),
    }
}

fn unsafe_problem(result: Result<impl std::fmt::Debug, StoreError>) -> (PathBuf, Unsafe, String) {
    match result {
        Err(e @ StoreError::Unsafe { .. }) => {
            let text = e.to_string();
            let StoreError::Unsafe { path, problem } = e else { unreachable!() };
            (path, problem, text)
        }
        other => panic!("not refused as unsafe: {other:?}"),
    }
}

#[test]
fn a_symlinked_lock_is_refused_and_nothing_is_created_where_it_points() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("cfg"));
    fs::create_dir(store.dir()).unwrap();
    fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o700)).unwrap();
    let target = tmp.path().join("elsewhere").join("created-by-mastokey");
    fs::create_dir(target.parent().unwrap()).unwrap();
    symlink(&target, store.dir().join(".lock")).unwrap();

    let (path, problem, text) = unsafe_problem(store.save_registration(registration()));
    assert_eq!((path.as_path(), problem), (store.dir().join(".lock").as_path(), Unsafe::Symlink));
    assert!(text.contains(&format!("remove it with `rm {}`", store.dir().join(".lock").display())), "{text}");
    assert!(!target.exists(), "the link's target was created");
    assert!(!store.registrations_path().exists(), "nothing was saved");
}

#[test]
fn a_symlinked_file_is_refused_for_reading() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("cfg"));
    store.save_registration(registration()).unwrap();
    let theirs = tmp.path().join("theirs.json");
    fs::write(&theirs, "{\"version\": 1, \"logins\": []}").unwrap();
    symlink(&theirs, store.logins_path()).unwrap();
    let (path, problem, _) = unsafe_problem(store.logins());
    assert_eq!((path, problem), (store.logins_path(), Unsafe::Symlink));
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "{\"version\": 1, \"logins\": []}", "left alone");
}

#[test]
fn a_directory_others_may_write_is_refused_with_the_chmod_to_run() {
    let tmp = tempfile::tempdir().unwrap();
    for mode in [0o770, 0o707, 0o777, 0o1777] {
        let store = Store::at(tmp.path().join(format!("shared {mode:o}")));
        store.save_registration(registration()).unwrap();
        fs::set_permissions(store.dir(), fs::Permissions::from_mode(mode)).unwrap();
        let (path, problem, text) = unsafe_problem(store.registrations());
        assert_eq!((path.as_path(), problem), (store.dir(), Unsafe::Writable { mode }));
        assert!(text.contains(&format!("run `chmod 700 '{}'`", store.dir().display())), "{text}");
        assert!(text.contains(&format!("{mode:04o}")), "{text}");
        // Writing is refused too, and the saved file stays as it was.
        let before = fs::read(store.registrations_path()).unwrap();
        unsafe_problem(store.save_registration(registration()));
        assert_eq!(fs::read(store.registrations_path()).unwrap(), before);
    }
    // Readable by others is fine (the files themselves are 0600).
    let store = Store::at(tmp.path().join("open-for-reading"));
    store.save_registration(registration()).unwrap();
    fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(store.registrations().unwrap().len(), 1);
}

#[test]
fn a_directory_of_another_user_is_refused_with_the_chown_to_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("theirs");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let me = rustix::process::geteuid().as_raw();
    guard::check_dir_owned_by(&dir, me).unwrap();
    // Checked as if mastokey ran as someone else…
    let (_, problem, text) = unsafe_problem(guard::check_dir_owned_by(&dir, me + 1000));
    assert_eq!(problem, Unsafe::OtherOwner { uid: me });
    assert!(text.contains(&format!("`sudo chown $USER {}`", dir.display())), "{text}");
    assert!(text.contains("MASTOKEY_CONFIG_DIR"), "{text}");
    // …and, where the test may give the directory away (root), as itself.
    if std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).is_ok() {
        let (_, problem, _) = unsafe_problem(guard::check_dir_owned_by(&dir, me));
        assert_eq!(problem, Unsafe::OtherOwner { uid: 65534 });
        let (_, problem, _) = unsafe_problem(Store::at(&dir).logins());
        assert_eq!(problem, Unsafe::OtherOwner { uid: 65534 });
        guard::check_dir_owned_by(&dir, 65534).unwrap();
    }
    // A directory that does not exist yet is fine: it will be made 0700, the user's.
    guard::check_dir_owned_by(&tmp.path().join("not yet"), me + 1000).unwrap();
}

#[test]
fn the_temporary_file_of_a_write_does_not_follow_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("target");
    let link = tmp.path().join(".logins.json.tmp-1-0");
    symlink(&target, &link).unwrap();
    let error = file::create_private(&link).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists, "{error}");
    assert!(!target.exists());
    let fresh = tmp.path().join(".fresh.tmp");
    file::create_private(&fresh).unwrap();
    assert_eq!(fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn paths_in_the_commands_are_quoted_for_a_shell() {
    assert_eq!(guard::shell_quoted(Path::new("/home/ada/.config/mastokey")), "/home/ada/.config/mastokey");
    assert_eq!(guard::shell_quoted(Path::new("/tmp/a b")), "'/tmp/a b'");
    assert_eq!(guard::shell_quoted(Path::new("/tmp/it's")), r"'/tmp/it'\''s'");
}
