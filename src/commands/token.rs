//! `mastokey token [ACCOUNT]`: the access token alone on stdout, for `TOKEN=$(mastokey token)`.

use super::{Exit, Failure, choose_login, open_store, saved_logins};
use crate::sanitize::clean;

pub(super) fn run(account: Option<&str>) -> Result<String, Failure> {
    let store = open_store()?;
    let login = choose_login(&store, saved_logins(&store)?, account, "token")?;
    if login.token.is_empty() {
        return Err(Failure::new(
            Exit::Storage,
            format!(
                "the saved login of {} in {} has no token; log in again with `mastokey`",
                clean(&login.acct),
                store.logins_path().display()
            ),
        ));
    }
    // Nothing but the token and a newline: `$(...)` drops the newline, a file read keeps a line.
    Ok(format!("{}\n", login.token.expose()))
}
