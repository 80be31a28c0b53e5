//! `mastokey whoami [ACCOUNT] [--json]`: verify a saved login with its server and say who it is.

use url::Url;

use super::{
    Exit, Failure, Wanted, choose_login_with_token, instance_hint, open_store, request_failure, terminal_safe_json,
    warn,
};
use crate::mastodon::Account;
use crate::mastodon::client::{Client, Timeouts, decode};
use crate::sanitize::clean;
use crate::store::{Login, Store, now_rfc3339};

pub(super) async fn run(account: Wanted<'_>, json: bool) -> Result<String, Failure> {
    let store = open_store()?;
    let (login, unreadable) = choose_login_with_token(&store, account, "whoami")?;
    if let Some(failure) = unreadable {
        return Err(failure);
    }
    let base = server_url(&store, &login)?;
    let acct = clean(&login.acct);

    // The raw body, not just the decoded account: `--json` prints it as the server sent it.
    let client = Client::new(Timeouts::default());
    let mut url = base.clone();
    url.set_path("/api/v1/accounts/verify_credentials");
    let request = client.get(url).bearer_auth(login.token.expose());
    let checked = match client.send(request).await {
        Ok((path, body)) => decode::<Account>(&path, &body).map(|account| (account, body)),
        Err(e) => Err(e),
    };
    // snac (422) and Takahē (400) reject a token in their own words.
    let rejected = match &checked {
        Err(e) => crate::mastodon::discovery::rejects_token(&client, &login.server, e).await,
        Ok(_) => false,
    };
    let (account, body) = checked.map_err(|e| {
        let e = e.redact(&[login.token.expose()]);
        if rejected {
            Failure::new(
                Exit::Rejected,
                format!(
                    "{} no longer accepts the token of {acct} (it was revoked or has expired); log in again \
                     with `mastokey --instance {}`",
                    login.server,
                    instance_hint(login.server.as_str())
                ),
            )
        } else if e.status() == Some(403) {
            Failure::new(
                Exit::Failed,
                format!(
                    "the token of {acct} may not read its own account (it needs the profile, read:accounts or \
                     read scope); log in again with one of them to use whoami"
                ),
            )
        } else {
            request_failure(&e, login.server.as_str(), &format!("verify the login of {acct}"))
        }
    })?;

    record_verified(&store, &login);
    if json {
        // The body decoded as an account, so it is valid UTF-8 JSON; only escapes can change.
        let text = String::from_utf8_lossy(&body);
        let mut out = terminal_safe_json(text.trim_end());
        out.push('\n');
        return Ok(out);
    }
    Ok(summary(&account, &login, &base))
}

fn server_url(store: &Store, login: &Login) -> Result<Url, Failure> {
    login.server.url().ok_or_else(|| {
        Failure::new(
            Exit::Storage,
            format!(
                "the saved login of {} in {} has a server address that is not a URL ({}); log in again with \
                 `mastokey`",
                clean(&login.acct),
                store.logins_path().display(),
                clean(login.server.as_str())
            ),
        )
    })
}

/// Notes when the token was last seen working, if this login is still the one saved: a logout
/// or a newer login of the account made meanwhile by another process stays as it is. Failing to
/// note it does not make the answer wrong, so it is a warning, not the command's result.
fn record_verified(store: &Store, login: &Login) {
    match store.record_verified(login, &now_rfc3339()) {
        // The token was meant for the system keyring, which could not take it: say where it is.
        Ok(Some(saved)) => {
            if let Some(note) = saved.fallback_note(&login.acct) {
                warn(&note);
            }
        }
        Ok(None) => {}
        Err(e) => warn(&format!("the login was verified, but the time of it could not be saved: {e}")),
    }
}

/// A few lines a person reads at a glance; all server text cleaned of control characters.
fn summary(account: &Account, login: &Login, base: &Url) -> String {
    let name = if account.display_name.trim().is_empty() { &account.username } else { &account.display_name };
    let acct = clean(&account.acct);
    let handle = if acct.contains('@') {
        format!("@{acct}")
    } else {
        let host = base.host_str().unwrap_or_default();
        match base.port() {
            Some(port) => format!("@{acct}@{host}:{port}"),
            None => format!("@{acct}@{host}"),
        }
    };
    let mut flags = Vec::new();
    for (set, flag) in [(account.bot, "bot"), (account.locked, "locked"), (account.group, "group")] {
        if set {
            flags.push(flag);
        }
    }
    if account.moved.is_some() {
        flags.push("moved");
    }
    let mut out = format!("{} {handle}\n", clean(name));
    out.push_str(&format!("server     {}\n", clean(login.server.as_str())));
    out.push_str(&format!("scopes     {}\n", clean(&login.scopes_granted.join(" "))));
    out.push_str(&format!(
        "posts      {}  following {}  followers {}\n",
        account.statuses_count, account.following_count, account.followers_count
    ));
    if !flags.is_empty() {
        out.push_str(&format!("flags      {}\n", flags.join(", ")));
    }
    out.push_str(&format!("account id {}\n", clean(&account.id)));
    out
}
