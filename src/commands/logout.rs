//! `mastokey logout ACCOUNT [--yes]`: revoke the token at its server, then forget the login.
//!
//! A login is forgotten without a revoke only when the person says so (`--yes`, or `y` at the
//! question on a terminal): otherwise the token would stay valid with no saved trace of it.

use std::io::{BufRead, IsTerminal, Write};

use url::Url;

use super::{Exit, Failure, choose_login, open_store, request_failure, saved_logins, storage_failure, warn};
use crate::mastodon::ApiError;
use crate::mastodon::client::{Client, Timeouts};
use crate::mastodon::oauth::revoke;
use crate::sanitize::clean;
use crate::store::{Login, Registration, Store};

pub(super) async fn run(account: &str, yes: bool) -> Result<String, Failure> {
    let store = open_store()?;
    let login = choose_login(&store, saved_logins(&store)?, Some(account), "logout")?;
    let acct = clean(&login.acct);
    // A registrations file that cannot be read is a storage error of its own, not a refusal.
    let registration = store
        .registrations()
        .map_err(storage_failure)?
        .into_iter()
        .find(|r| r.client_id == login.client_id && same_server(&r.server, &login.server));
    let refused = match revoke_at_server(registration.as_ref(), &login).await {
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

/// `POST {server}/oauth/revoke` with the app registration the token was issued to. Mastodon's
/// well-known document names the same path, so no discovery round trip is spent on it.
async fn revoke_at_server(registration: Option<&Registration>, login: &Login) -> Result<(), Failure> {
    let acct = clean(&login.acct);
    let Some(registration) = registration else {
        return Err(Failure::new(
            Exit::Rejected,
            format!(
                "mastokey has no saved app registration for the login of {acct} (client id {}), so it cannot ask \
                 {} to revoke the token",
                clean(&login.client_id),
                login.server
            ),
        ));
    };
    let mut endpoint = Url::parse(&login.server).map_err(|_| {
        Failure::new(
            Exit::Storage,
            format!("the saved login of {acct} has a server address that is not a URL ({})", clean(&login.server)),
        )
    })?;
    endpoint.set_path("/oauth/revoke");
    let client = Client::new(Timeouts::default());
    revoke(&client, endpoint, registration, &login.token).await.map_err(|e| refusal(&e, login))
}

fn refusal(e: &ApiError, login: &Login) -> Failure {
    let acct = clean(&login.acct);
    if e.is_network() {
        return request_failure(e, &login.server, &format!("revoke the token of {acct}"));
    }
    let why = match (e.status(), e.error_code()) {
        (Some(401), _) => "it no longer knows mastokey's app registration (invalid_client)".to_owned(),
        (Some(403), _) => "the token belongs to another app".to_owned(),
        _ => e.to_string(),
    };
    Failure::new(Exit::Rejected, format!("{} refused to revoke the token of {acct}: {why}", login.server))
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

/// As the store compares servers: a trailing slash or letter case makes no difference.
fn same_server(a: &str, b: &str) -> bool {
    a.trim_end_matches('/').eq_ignore_ascii_case(b.trim_end_matches('/'))
}
