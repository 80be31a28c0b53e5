//! `mastokey switch ACCOUNT`: make a saved login the default, the one `token`, `whoami` and
//! `refresh` use when no ACCOUNT is named (like `gh auth switch`).

use super::{Exit, Failure, Wanted, choose_login, open_store, storage_failure};
use crate::sanitize::clean;

pub(super) fn run(wanted: Wanted<'_>) -> Result<String, Failure> {
    let store = open_store()?;
    let loaded = store.load_logins().map_err(storage_failure)?;
    let login = choose_login(&store, loaded.logins, loaded.default.as_ref(), wanted, "switch")?;
    let acct = clean(&login.acct);
    // Under the store's lock: a logout that ran meanwhile leaves nothing to make the default.
    if !store.set_default(&login).map_err(storage_failure)? {
        return Err(Failure::new(Exit::NoSuchAccount, crate::tr!("switch-gone", account = acct)));
    }
    let server = clean(login.server.as_str());
    Ok(format!("{}\n", crate::tr!("switch-done", account = acct, server = server)))
}
