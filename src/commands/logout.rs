//! `mastokey logout ACCOUNT [--yes]`: revoke the token at its server, then forget the login.
//!
//! A login is forgotten without a revoke only when the person says so (`--yes`, or `y` at the
//! question on a terminal): otherwise the token would stay valid with no saved trace of it.

use std::io::{BufRead, IsTerminal, Write};

use super::{Exit, Failure, choose_login_with_token, open_store, request_failure, storage_failure, warn};
use crate::logout::{self, RevokeError, registration_of};
use crate::mastodon::client::{Client, Timeouts};
use crate::sanitize::clean;
use crate::store::{Login, Store};

pub(super) async fn run(account: &str, yes: bool) -> Result<String, Failure> {
    let store = open_store()?;
    let (login, unreadable) = choose_login_with_token(&store, Some(account), "logout")?;
    let acct = clean(&login.acct);
    // A registrations file that cannot be read is a storage error of its own, not a refusal.
    let registration = registration_of(&store, &login).map_err(storage_failure)?;
    let client = Client::new(Timeouts::default());
    // A token the keyring cannot give back cannot be revoked: ask, as when the server refuses.
    let revoked = match unreadable {
        Some(failure) => Err(failure),
        None => logout::revoke(&client, registration.as_ref(), &login).await.map_err(|e| refusal(e, &login)),
    };
    let refused = match revoked {
        Ok(()) => {
            forget(&store, &login)?;
            return Ok(format!(
                "Logged out of {acct}: {} revoked the token and the login is forgotten.\n",
                login.server
            ));
        }
        Err(refused) => refused,
    };

    warn(&refused.message);
    let authorized_apps = format!("{}/oauth/authorized_applications", login.server.trim_end_matches('/'));
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
    forget(&store, &login)?;
    warn(&format!(
        "forgot the login of {acct}, but its token may still work: revoke it at {authorized_apps} (mastokey's entry)"
    ));
    Ok(String::new())
}

/// Why the server did not revoke, as a failure with its exit code.
fn refusal(e: RevokeError, login: &Login) -> Failure {
    let acct = clean(&login.acct);
    match e {
        RevokeError::Api(e) if e.is_network() => {
            request_failure(&e, &login.server, &format!("revoke the token of {acct}"))
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

fn forget(store: &Store, login: &Login) -> Result<(), Failure> {
    store.remove_login(&login.server, &login.account_id).map(|_| ()).map_err(storage_failure)
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
