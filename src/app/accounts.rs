//! The accounts screen: every saved login, checking one again, copying its token, adding a
//! login, and logging out (revoke at the server, then forget; ask before forgetting when that
//! fails). Results name the login they are about, wherever the cursor went meanwhile.

use super::keys::Command;
use super::logins::TokenStatus;
use super::*;
use crate::mastodon::Account;
use crate::store::{DefaultAccount, Login, StoreError};
use crate::tr;

/// Keys on the accounts screen. While a request runs (a check or a logout), nothing that would
/// start another or leave the screen is taken: its result must find the login it was about.
pub(super) fn command(app: &mut App, command: Command) -> Vec<Effect> {
    let starts_a_request =
        matches!(command, Command::Submit | Command::Logout | Command::NewLogin | Command::ChangeScopes);
    if starts_a_request && let Some(task) = &app.task {
        let cancel = keys::key_for(ScreenId::Accounts, Command::Back).unwrap_or_default();
        let text = tr!("accounts-still-busy", what = crate::i18n::text(task.what), key = cancel);
        app.say(NoticeKind::Info, text);
        return Vec::new();
    }
    let named = app.accounts.current().map(|s| Named { id: s.login.id(), acct: s.login.acct.clone() });
    match command {
        Command::Up => app.accounts.move_cursor(-1),
        Command::Down => app.accounts.move_cursor(1),
        Command::Submit => return check(app),
        Command::NewLogin => return add_login(app),
        Command::ChangeScopes => return refresh::change_scopes(app),
        Command::CopyToken => app.overlay = named.map(|n| Overlay::Confirm(Confirm::CopyToken(n))),
        Command::Logout => app.overlay = named.map(|n| Overlay::Confirm(Confirm::Logout(n))),
        Command::MakeDefault => return make_default(app),
        _ => {}
    }
    Vec::new()
}

pub(super) fn click(app: &mut App, row: usize) -> Vec<Effect> {
    if app.accounts.cursor == row {
        return command(app, Command::Submit);
    }
    app.accounts.cursor = row.min(app.accounts.logins.len().saturating_sub(1));
    Vec::new()
}

/// A `y` in one of the accounts screen's questions: it acts on the login the question named.
pub(super) fn confirmed(app: &mut App, confirm: Confirm) -> Vec<Effect> {
    let Some(saved) = app.accounts.find(&confirm.login().id).cloned() else {
        app.say(NoticeKind::Info, tr!("accounts-gone", account = &confirm.login().acct));
        return Vec::new();
    };
    match confirm {
        Confirm::CopyToken(_) => vec![Effect::Copy(saved.login.token.clone())],
        Confirm::Logout(_) if app.busy() => Vec::new(),
        Confirm::Logout(_) => {
            let id = app.begin_task("task-logging-out");
            vec![Effect::Revoke { id, login: Box::new(saved.login) }]
        }
        Confirm::Forget(_) => vec![Effect::Forget(Box::new(saved.login))],
    }
}

/// Enter: check the highlighted login's token with its server, then show its profile.
fn check(app: &mut App) -> Vec<Effect> {
    let Some(saved) = app.accounts.current() else { return Vec::new() };
    if saved.login.server.url().is_none() {
        app.say(NoticeKind::Error, tr!("accounts-bad-server"));
        return Vec::new();
    }
    let login = Box::new(saved.login.clone());
    let id = app.begin_task("task-checking");
    vec![Effect::Recheck { id, login }]
}

/// The server's answer to a check of a saved login.
pub(super) fn rechecked(
    app: &mut App,
    login_id: &LoginId,
    result: Result<Account, CheckFailed>,
    now: String,
) -> Vec<Effect> {
    let Some(saved) = app.accounts.find_mut(login_id) else { return Vec::new() };
    let account = match result {
        Ok(a) => a,
        Err(e) => {
            let acct = saved.login.acct.clone();
            let text = if let CheckFailed::Rejected(_) = e {
                saved.status = TokenStatus::Rejected;
                let again = keys::press(ScreenId::Accounts, Command::NewLogin, "hint-log-in-again");
                tr!("accounts-token-rejected", account = acct, hint = again)
            } else {
                let (CheckFailed::Rejected(e) | CheckFailed::Failed(e)) = &e;
                saved.status = TokenStatus::Unknown(e.to_string());
                let again = keys::press(ScreenId::Accounts, Command::Submit, "hint-try-again");
                tr!("accounts-check-failed", account = acct, error = messages::recheck(e), hint = again)
            };
            app.say(NoticeKind::Error, text);
            return Vec::new();
        }
    };
    saved.status = TokenStatus::Valid;
    saved.login.last_verified = Some(now);
    let login = saved.login.clone();
    profile::show_saved(app, login, &account)
}

/// `a`: the server screen, fresh; for a login whose token the server refused, filled in with
/// its server and, once found, its scopes, so logging in again is a few presses of Enter. (A
/// server that already has a login gets `force_login`.)
fn add_login(app: &mut App) -> Vec<Effect> {
    let renew = app.accounts.current().filter(|s| s.status == TokenStatus::Rejected).map(|s| s.login.clone());
    instance::start_over(app);
    let Some(login) = renew else { return Vec::new() };
    app.instance.input.set(login.server.as_str());
    app.instance.scopes = Some(login.scopes_requested);
    instance::submit(app)
}

pub(super) fn revoked(app: &mut App, login: &Login, result: Result<(), String>) -> Vec<Effect> {
    match result {
        Ok(()) => {
            // The token is dead now, whatever happens to the saved login next.
            if let Some(saved) = app.accounts.find_mut(&login.id()) {
                saved.status = TokenStatus::Rejected;
            }
            app.say(NoticeKind::Success, tr!("accounts-logged-out", account = &login.acct));
            vec![Effect::Forget(Box::new(login.clone()))]
        }
        Err(e) => {
            app.say(NoticeKind::Error, tr!("accounts-not-revoked", error = e));
            let named = Named { id: login.id(), acct: login.acct.clone() };
            app.overlay = Some(Overlay::Confirm(Confirm::Forget(named)));
            Vec::new()
        }
    }
}

pub(super) fn forgotten(app: &mut App, login: &Login, result: Result<(), StoreError>) -> Vec<Effect> {
    let revoked = app.accounts.find(&login.id()).is_some_and(|s| s.status == TokenStatus::Rejected);
    match result {
        Ok(()) => {
            app.accounts.remove(&login.id());
            // "Logged out" when the server revoked it, else just forgotten; said on the server
            // screen when that was the last login.
            let (kind, text) = match app.notice.take().filter(|n| n.kind == NoticeKind::Success) {
                Some(logged_out) => (logged_out.kind, logged_out.text),
                None => (NoticeKind::Info, tr!("accounts-forgotten", account = &login.acct)),
            };
            if app.accounts.logins.is_empty() {
                instance::start_over(app);
            }
            app.say(kind, text);
            // Another process may have changed the file meanwhile: show it as it is.
            vec![Effect::LoadLogins]
        }
        Err(e) => {
            let text = if revoked {
                tr!("accounts-revoked-not-forgotten", account = &login.acct, error = e.to_string())
            } else {
                tr!("accounts-not-forgotten", error = e.to_string())
            };
            app.say(NoticeKind::Error, text);
            Vec::new()
        }
    }
}

/// `s`: the highlighted login's account becomes the default, the one `mastokey token` and
/// `whoami` use when no ACCOUNT is named.
fn make_default(app: &mut App) -> Vec<Effect> {
    let Some(saved) = app.accounts.current() else { return Vec::new() };
    vec![Effect::MakeDefault(Box::new(saved.login.clone()))]
}

pub(super) fn default_made(app: &mut App, login: &Login, result: Result<bool, StoreError>) -> Vec<Effect> {
    match result {
        Ok(true) => {
            app.accounts.default = Some(DefaultAccount::of(login));
            app.say(NoticeKind::Success, tr!("accounts-now-default", account = &login.acct));
            Vec::new()
        }
        Ok(false) => {
            app.say(NoticeKind::Info, tr!("accounts-gone", account = &login.acct));
            vec![Effect::LoadLogins]
        }
        Err(e) => {
            app.say(NoticeKind::Error, tr!("accounts-default-not-saved", error = e.to_string()));
            Vec::new()
        }
    }
}

/// The file as it is now; a file that cannot be read leaves the list as it was, and says why.
pub(super) fn loaded(app: &mut App, result: Result<crate::store::Loaded, StoreError>) -> Vec<Effect> {
    match result {
        Ok(loaded) => {
            app.accounts.reload(loaded.logins);
            app.accounts.default = loaded.default;
            if app.accounts.logins.is_empty() && app.screen == Screen::Accounts {
                instance::start_over(app);
            }
        }
        Err(e) => app.say(NoticeKind::Warning, tr!("accounts-unreadable", error = e.to_string())),
    }
    Vec::new()
}
