//! `mastokey whoami [ACCOUNT] [--json]`: verify a saved login with its server and say who it is.

use unicode_width::UnicodeWidthStr;
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
    let client = Client::new(Timeouts::default());
    let (account, body) = verify(&client, &base, &login).await?;
    record_verified(&store, &login, &now_rfc3339());
    if json {
        // The body decoded as an account, so it is valid UTF-8 JSON; only escapes can change.
        let text = String::from_utf8_lossy(&body);
        let mut out = terminal_safe_json(text.trim_end());
        out.push('\n');
        return Ok(out);
    }
    Ok(summary(&account, &login, &base))
}

/// Asks the server whose token `login` has (`verify_credentials`): the account, and the raw body
/// (`--json` prints it as the server sent it), or why not, as `whoami` and `status` say it.
pub(super) async fn verify(client: &Client, base: &Url, login: &Login) -> Result<(Account, Vec<u8>), Failure> {
    let acct = clean(&login.acct);
    let mut url = base.clone();
    url.set_path("/api/v1/accounts/verify_credentials");
    let request = client.get(url).bearer_auth(login.token.expose());
    let checked = match client.send(request).await {
        Ok((path, body)) => decode::<Account>(&path, &body).map(|account| (account, body)),
        Err(e) => Err(e),
    };
    // snac (422) and Takahē (400) reject a token in their own words.
    let rejected = match &checked {
        Err(e) => crate::mastodon::discovery::rejects_token(client, &login.server, e).await,
        Ok(_) => false,
    };
    checked.map_err(|e| {
        let e = e.redact(&[login.token.expose()]);
        if rejected {
            Failure::new(
                Exit::Rejected,
                crate::tr!(
                    "whoami-rejected",
                    server = login.server.to_string(),
                    account = acct.as_str(),
                    instance = instance_hint(login.server.as_str())
                ),
            )
        } else if e.status() == Some(403) {
            Failure::new(Exit::Failed, crate::tr!("whoami-forbidden", account = acct.as_str()))
        } else {
            request_failure(&e, login.server.as_str(), &crate::tr!("cmd-doing-verify", account = acct.as_str()))
        }
    })
}

pub(super) fn server_url(store: &Store, login: &Login) -> Result<Url, Failure> {
    login.server.url().ok_or_else(|| {
        Failure::new(
            Exit::Storage,
            crate::tr!(
                "whoami-bad-server",
                account = clean(&login.acct),
                path = store.logins_path().display().to_string(),
                server = clean(login.server.as_str())
            ),
        )
    })
}

/// Notes when the token was last seen working, if this login is still the one saved: a logout
/// or a newer login of the account made meanwhile by another process stays as it is. Failing to
/// note it does not make the answer wrong, so it is a warning, not the command's result.
pub(super) fn record_verified(store: &Store, login: &Login, at: &str) {
    match store.record_verified(login, at) {
        // The token was meant for the system keyring, which could not take it: say where it is.
        Ok(Some(saved)) => {
            if let Some(note) = saved.fallback_note(&login.acct) {
                warn(&note);
            }
        }
        Ok(None) => {}
        Err(e) => warn(&crate::tr!("whoami-time-not-saved", error = e.to_string())),
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
    for (set, flag) in [(account.bot, "whoami-bot"), (account.locked, "whoami-locked"), (account.group, "whoami-group")]
    {
        if set {
            flags.push(crate::i18n::text(flag));
        }
    }
    if account.moved.is_some() {
        flags.push(crate::tr!("whoami-moved"));
    }
    let count = |n| crate::i18n::count(n);
    let counts = crate::tr!(
        "whoami-counts",
        posts = count(account.statuses_count),
        following = count(account.following_count),
        followers = count(account.followers_count)
    );
    let mut rows = vec![
        (crate::tr!("whoami-server"), clean(login.server.as_str())),
        (crate::tr!("whoami-scopes"), clean(&login.scopes_granted.join(" "))),
        (crate::tr!("whoami-posts"), counts),
    ];
    if !flags.is_empty() {
        rows.push((crate::tr!("whoami-flags"), flags.join(crate::tr!("whoami-flag-separator").as_str())));
    }
    rows.push((crate::tr!("whoami-account-id"), clean(&account.id)));
    // Labels padded by display width, so Japanese labels line up too.
    let width = rows.iter().map(|(label, _)| label.width()).max().unwrap_or(0) + 1;
    let mut out = format!("{} {handle}\n", clean(name));
    for (label, value) in rows {
        out.push_str(&format!("{label}{}{value}\n", " ".repeat(width - label.width())));
    }
    out
}
