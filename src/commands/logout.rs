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
                warn(&format!("the server deleted mastokey's app registration, which could not be forgotten: {e}"));
            }
            let forgotten = forget(&store, &login, true)?;
            let what = if forgotten {
                "the login is forgotten"
            } else {
                "the login had already been forgotten, or replaced by a newer login of the account, which stays"
            };
            return Ok(format!("Logged out of {acct}: {} revoked the token and {what}.\n", login.server));
        }
        Err(refused) => refused,
    };

    warn(&refused.message);
    let authorized_apps = format!("{}/oauth/authorized_applications", login.server);
    let forget_anyway = if yes {
        true
    } else if std::io::stdin().is_terminal() {
        ask("Forget this login anyway? [y/N] ")
    } else {
        false
    };
    if !forget_anyway {
        let how = if yes { "" } else { ", or add --yes to forget it anyway" };
        return Err(Failure::new(
            refused.exit,
            format!("the login of {acct} is still saved; run `mastokey logout {acct}` again later{how}"),
        ));
    }
    forget(&store, &login, false)?;
    warn(&format!(
        "forgot the login of {acct}, but its token may still work: revoke it at {authorized_apps} (mastokey's entry)"
    ));
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
            request_failure(&e, login.server.as_str(), &format!("revoke the token of {acct}"))
        }
        RevokeError::Storage(e) => storage_failure(e),
        RevokeError::BadServer(_) => Failure::new(Exit::Storage, format!("the saved login of {acct}: {e}")),
        RevokeError::NoRegistration { .. } | RevokeError::NoToken => {
            Failure::new(Exit::Rejected, format!("cannot revoke the token of {acct}: {e}"))
        }
        RevokeError::Api(_) => {
            Failure::new(Exit::Rejected, format!("{} refused to revoke the token of {acct}: {e}", login.server))
        }
    }
}

/// Forgets this login (not a newer one of the account saved meanwhile). `revoked` says whether
/// the server revoked its token, which changes what a failed write means and what to do next.
fn forget(store: &Store, login: &Login, revoked: bool) -> Result<bool, Failure> {
    store.forget_login(login).map_err(|e| {
        let acct = clean(&login.acct);
        let fix = match &e {
            StoreError::Newer { .. } => "update mastokey",
            StoreError::Unsafe { .. } => "do that",
            _ => "fix the permissions of that path",
        };
        let message = if revoked {
            format!(
                "{} revoked the token of {acct}, so it no longer works, but the login could not be removed from \
                 the saved logins: {e}; {fix}, then run `mastokey logout {acct}` again (revoking a token the \
                 server no longer knows is harmless)",
                login.server
            )
        } else {
            format!(
                "the login of {acct} could not be removed from the saved logins: {e}; {fix}, then run \
                 `mastokey logout {acct}` again"
            )
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
        Ok(_) => matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"),
        Err(_) => false,
    }
}
