//! `mastokey token [ACCOUNT]`: the access token alone on stdout, for `TOKEN=$(mastokey token)`.

use super::{Exit, Failure, Wanted, choose_login_with_token, open_store};
use crate::sanitize::clean;

pub(super) fn run(account: Wanted<'_>) -> Result<String, Failure> {
    let store = open_store()?;
    let (login, unreadable) = choose_login_with_token(&store, account, "token")?;
    if let Some(failure) = unreadable {
        return Err(failure);
    }
    if login.token.is_empty() {
        return Err(Failure::new(
            Exit::Storage,
            crate::tr!("token-none", account = clean(&login.acct), path = store.logins_path().display().to_string()),
        ));
    }
    // Nothing but the token and a newline: `$(...)` drops the newline, a file read keeps a line.
    Ok(format!("{}\n", login.token.expose()))
}
