//! `mastokey whoami` and `mastokey logout` as the real binary against every personality of the
//! demo server: the output, exit code 5 for a token each kind rejects in its own words, and
//! snac's app deleted on logout.

use mastokey::demo::Flavor;
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::oauth::{OOB, revoke};
use mastokey::store::{Login, Store};

use crate::support::cli::{Run, mastokey};
use crate::support::kinds::Kind;
use crate::support::login::client;

tests! {
    whoami_and_logout_work_on_every_kind,
    whoami_exits_5_when_any_kind_rejects_the_token,
    after_a_logout_on_snac_the_registration_is_forgotten_and_the_next_login_works,
}

/// A personality, an empty config directory, and a runtime that keeps the server serving while
/// the binary runs.
struct World {
    rt: tokio::runtime::Runtime,
    kind: Kind,
    _dir: tempfile::TempDir,
    store: Store,
}

impl World {
    fn new(flavor: Flavor) -> World {
        let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
        let kind = rt.block_on(Kind::start(flavor));
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::at(dir.path().join("config"));
        World { rt, kind, _dir: dir, store }
    }

    /// A login by paste as `username`, saved as the TUI saves it.
    fn log_in(&self, username: &str) -> Login {
        self.rt.block_on(async {
            let k = &self.kind;
            let registration = match self.store.registrations().expect("read registrations").into_iter().next() {
                Some(saved) => saved,
                None => k.register(&[OOB.to_owned()]).await,
            };
            let (attempt, token) = k.oob_login(registration, username).await;
            k.save(&self.store, &attempt, &token).await
        })
    }

    fn run(&self, args: &[&str]) -> Run {
        mastokey(self.store.dir(), args)
    }
}

fn assert_code(run: &Run, code: i32, what: &str) {
    assert_eq!(run.code, code, "{what}: stdout {:?}, stderr {:?}", run.stdout, run.stderr);
}

fn whoami_and_logout_work_on_every_kind() {
    for flavor in Flavor::ALL {
        let w = World::new(flavor);
        let login = w.log_in("ada");
        let whoami = w.run(&["whoami", &login.acct]);
        assert_code(&whoami, 0, &format!("{flavor:?} whoami"));
        assert!(whoami.stdout.contains(&format!("@{}", login.acct)), "{flavor:?}: {}", whoami.stdout);
        assert!(whoami.stdout.contains("Ada Lovelace"), "{flavor:?}: {}", whoami.stdout);

        let logout = w.run(&["logout", &login.acct]);
        assert_code(&logout, 0, &format!("{flavor:?} logout"));
        assert!(logout.stdout.contains("revoked the token"), "{flavor:?}: {}", logout.stdout);
        let base = w.kind.address.base.clone();
        let after = w.rt.block_on(verify_credentials(&client(), &base, &login.token));
        assert!(after.expect_err("revoked").is_rejected_token_for(w.kind.info.kind), "{flavor:?}");
        assert_code(&w.run(&["whoami", &login.acct]), 3, &format!("{flavor:?} whoami after logout"));
    }
}

fn whoami_exits_5_when_any_kind_rejects_the_token() {
    for flavor in Flavor::ALL {
        let w = World::new(flavor);
        let login = w.log_in("ada");
        // Revoked behind mastokey's back (on another machine, say): Mastodon then answers 401,
        // Takahē 400 with a web page, snac 422 with nothing.
        let registration = w.store.registration_of(&login).expect("read").expect("the registration");
        let revocation = w.kind.info.revocation_endpoint();
        w.rt.block_on(revoke(&client(), revocation, &registration, &login.token)).expect("revoke");
        let whoami = w.run(&["whoami", &login.acct]);
        assert_code(&whoami, 5, &format!("{flavor:?} whoami with a revoked token"));
        assert!(whoami.stderr.contains("no longer accepts the token"), "{flavor:?}: {}", whoami.stderr);
        assert!(!whoami.stderr.contains(login.token.expose()), "{flavor:?}: the token leaked");
    }
}

/// snac deletes the app when its token is revoked. `mastokey logout` asks the server's kind
/// after revoking (NodeInfo) and forgets the dead registration, so the next login registers
/// anew instead of reusing it (src/commands/logout.rs; the accounts screen's logout in
/// src/effects must do the same).
fn after_a_logout_on_snac_the_registration_is_forgotten_and_the_next_login_works() {
    let w = World::new(Flavor::Snac);
    let login = w.log_in("ada");
    let dead = login.client_id.clone();
    assert_code(&w.run(&["logout", &login.acct]), 0, "logout");
    let left: Vec<String> = w.store.registrations().expect("read").into_iter().map(|r| r.client_id).collect();
    assert!(!left.contains(&dead), "the deleted app's registration is forgotten: {left:?}");

    let again = w.log_in("ada");
    assert_ne!(again.client_id, dead, "registered anew");
    assert_code(&w.run(&["whoami", &again.acct]), 0, "whoami after the second login");

    // On Mastodon the registration outlives a logout and is reused.
    let m = World::new(Flavor::Mastodon);
    let first = m.log_in("ada");
    assert_code(&m.run(&["logout", &first.acct]), 0, "logout on Mastodon");
    assert_eq!(m.store.registrations().expect("read").len(), 1);
    assert_eq!(m.log_in("ada").client_id, first.client_id);
}
