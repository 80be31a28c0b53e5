//! `mastokey logout ACCOUNT [--yes]`: revoke the token at its server, then forget the login.
//!
//! A login is forgotten without a revoke only when the person says so (`--yes`, or `y` at the
//! question on a terminal): otherwise the token would stay valid with no saved trace of it.

use std::io::{BufRead, IsTerminal, Write};

use super::{Exit, Failure, Wanted, choose_login_with_token, open_store, request_failure, storage_failure, warn};
use crate::mastodon::client::{Client, Timeouts};
use crate::revoke::{self, RevokeError};
use crate::sanitize::clean;
use crate::store::{Login, Store, StoreError};

pub(super) async fn run(account: Wanted<'_>, yes: bool) -> Result<String, Failure> {
    let store = open_store()?;
    let (login, unreadable) = choose_login_with_token(&store, account, "logout")?;
    let acct = clean(&login.acct);
    // A registrations file that cannot be read is a storage error of its own, not a refusal.
    let registration = store.registration_of(&login).map_err(storage_failure)?;
    let client = Client::new(Timeouts::default());
    // A token the keyring cannot give back cannot be revoked: ask, as when the server refuses.
    let revoked = match unreadable {
        Some(failure) => Err(failure),
        None => revoke::revoke(&client, registration.as_ref(), &login).await.map_err(|e| refusal(e, &login)),
    };
    let refused = match revoked {
        Ok(()) => {
            // snac deletes the app with the token: its registration is dead, so it goes too.
            if crate::mastodon::discovery::deletes_app_on_revoke(&client, &login.server).await
                && let Err(e) = store.remove_registration(&login.server, &login.client_id)
            {
                warn(&crate::tr!("logout-registration-not-forgotten", error = e.to_string()));
            }
            let forgotten = forget(&store, &login, true)?;
            let id = if forgotten { "logout-done" } else { "logout-done-already-gone" };
            let args = [("account", acct.as_str().into()), ("server", login.server.to_string().into())];
            return Ok(format!("{}\n", crate::i18n::text_with(id, &args)));
        }
        Err(refused) => refused,
    };

    warn(&refused.message);
    let authorized_apps = format!("{}/oauth/authorized_applications", login.server);
    let forget_anyway = if yes {
        true
    } else if std::io::stdin().is_terminal() {
        ask(&format!("{} ", crate::tr!("logout-ask-forget")))
    } else {
        false
    };
    if !forget_anyway {
        // Try again later only where waiting can help (the network, a server error, a rate
        // limit); a refusal or a missing registration stays the same however long one waits.
        let id = match refused.exit {
            _ if login.made_elsewhere() => "logout-kept-made-elsewhere",
            Exit::Unreachable | Exit::Failed | Exit::Storage => "logout-kept-try-later",
            _ => "logout-kept-revoke-there",
        };
        let args = [("account", acct.as_str().into()), ("page", authorized_apps.as_str().into())];
        return Err(Failure::new(refused.exit, crate::i18n::text_with(id, &args)));
    }
    forget(&store, &login, false)?;
    let id = if login.made_elsewhere() { "logout-forgot-made-elsewhere" } else { "logout-forgot-unrevoked" };
    let args = [("account", acct.as_str().into()), ("page", authorized_apps.as_str().into())];
    warn(&crate::i18n::text_with(id, &args));
    Ok(String::new())
}

/// Why the token was not revoked, as a failure with its exit code: 5 when the server refused
/// (400, 401, 403 from /oauth/revoke) or mastokey could not ask it, 4 when it could not be
/// reached, 1 for any other answer (a server error, a rate limit, an answer that is not
/// Mastodon's), as for `whoami`.
fn refusal(e: RevokeError, login: &Login) -> Failure {
    let acct = clean(&login.acct);
    match e {
        RevokeError::Api(e) if !matches!(e.status(), Some(400 | 401 | 403)) => {
            request_failure(&e, login.server.as_str(), &crate::tr!("cmd-doing-revoke", account = acct))
        }
        RevokeError::Storage(e) => storage_failure(e),
        RevokeError::BadServer(_) => {
            Failure::new(Exit::Storage, crate::tr!("logout-bad-server", account = acct, error = e.to_string()))
        }
        RevokeError::MadeElsewhere { .. } => Failure::new(Exit::Rejected, e.to_string()),
        RevokeError::NoRegistration { .. } | RevokeError::NoToken => {
            Failure::new(Exit::Rejected, crate::tr!("logout-cannot-revoke", account = acct, error = e.to_string()))
        }
        RevokeError::Api(_) => Failure::new(
            Exit::Rejected,
            crate::tr!("logout-refused", server = login.server.to_string(), account = acct, error = e.to_string()),
        ),
    }
}

/// Forgets this login (not a newer one of the account saved meanwhile). `revoked` says whether
/// the server revoked its token, which changes what a failed write means and what to do next.
fn forget(store: &Store, login: &Login, revoked: bool) -> Result<bool, Failure> {
    store.forget_login(login).map_err(|e| {
        let acct = clean(&login.acct);
        let fix = match &e {
            StoreError::Newer { .. } => crate::tr!("logout-fix-update"),
            StoreError::Unsafe { .. } => crate::tr!("logout-fix-do-that"),
            _ => crate::tr!("logout-fix-permissions"),
        };
        let error = e.to_string();
        let message = if revoked {
            let server = login.server.to_string();
            crate::tr!("logout-revoked-not-removed", server = server, account = acct, error = error, fix = fix)
        } else {
            crate::tr!("logout-not-removed", account = acct, error = error, fix = fix)
        };
        Failure::new(Exit::Storage, message)
    })
}

/// Asks on stderr (stdout may be a pipe), reads one line of stdin. Anything but y/yes is no.
fn ask(question: &str) -> bool {
    let mut stderr = std::io::stderr().lock();
    if write!(stderr, "{question}").and_then(|()| stderr.flush()).is_err() {
        return false;
    }
    let mut answer = String::new();
    match std::io::stdin().lock().read_line(&mut answer) {
        Ok(_) => is_yes(&answer),
        Err(_) => false,
    }
}

/// `y`/`yes`, and the yes of the run's language (`はい`, `oui`): anything else is no.
fn is_yes(answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    matches!(answer.as_str(), "y" | "yes") || crate::tr!("logout-yes-words").split(',').any(|w| w.trim() == answer)
}
