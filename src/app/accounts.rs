//! The accounts screen: every saved login, re-verifying one, copying its token, adding a login,
//! and logging out (revoke at the server, then forget; ask before forgetting when that fails).

use super::flow;
use super::profile::{ProfileView, SaveState};
use super::*;

/// What is known about a saved login's token this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenStatus {
    NotChecked,
    Valid,
    /// The server refused the token (revoked or expired).
    Rejected,
    /// The check could not be made (network, server error).
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedLogin {
    pub login: Login,
    pub status: TokenStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountsList {
    pub logins: Vec<SavedLogin>,
    pub cursor: usize,
    /// The saved login whose profile is being (or was last) opened.
    pub opened: Option<usize>,
}

impl AccountsList {
    pub fn new(logins: Vec<Login>) -> Self {
        let logins = logins.into_iter().map(|login| SavedLogin { login, status: TokenStatus::NotChecked }).collect();
        Self { logins, cursor: 0, opened: None }
    }

    pub fn current(&self) -> Option<&SavedLogin> {
        self.logins.get(self.cursor)
    }

    /// Add or replace (same server and account) a login, e.g. one just made.
    pub fn upsert(&mut self, login: Login) {
        let same = |s: &SavedLogin| s.login.server == login.server && s.login.account_id == login.account_id;
        match self.logins.iter_mut().find(|s| same(s)) {
            Some(s) => *s = SavedLogin { login, status: TokenStatus::Valid },
            None => self.logins.push(SavedLogin { login, status: TokenStatus::Valid }),
        }
    }

    pub fn remove(&mut self, server: &str, account_id: &str) {
        self.logins.retain(|s| !(s.login.server == server && s.login.account_id == account_id));
        self.cursor = self.cursor.min(self.logins.len().saturating_sub(1));
        self.opened = None;
    }

    pub fn has_server(&self, origin: &str) -> bool {
        self.logins.iter().any(|s| s.login.server == origin)
    }

    /// The logins as the file has them now. What this session learned about a token is kept
    /// for the same login (same server, account and `created_at`), and so is the cursor's login.
    pub fn reload(&mut self, logins: Vec<Login>) {
        let at_cursor = self.current().map(|s| s.login.clone());
        let opened = self.opened.and_then(|i| self.logins.get(i)).map(|s| s.login.clone());
        let old = std::mem::take(&mut self.logins);
        self.logins = logins
            .into_iter()
            .map(|login| {
                let status = old
                    .iter()
                    .find(|s| s.login.is_same_login(&login))
                    .map_or(TokenStatus::NotChecked, |s| s.status.clone());
                SavedLogin { login, status }
            })
            .collect();
        let position =
            |login: Option<Login>| login.and_then(|l| self.logins.iter().position(|s| s.login.is_same_login(&l)));
        self.cursor = position(at_cursor).unwrap_or(self.cursor).min(self.logins.len().saturating_sub(1));
        // A check in flight still finds its login.
        self.opened = position(opened);
    }
}

/// Keys on the accounts screen. While a request runs (a check or a logout), nothing that would
/// start another or leave the screen is taken: its result must find the login it was about.
pub(super) fn command(app: &mut App, command: Command) -> Vec<Effect> {
    let starts_a_request = matches!(command, Command::Submit | Command::Logout | Command::NewLogin);
    if starts_a_request && let Some(task) = &app.task {
        let text = format!("Still {}. Wait for it, or press esc to cancel it.", task.what);
        app.notice = Some(Notice { text, kind: NoticeKind::Info });
        return Vec::new();
    }
    match command {
        Command::Up => app.accounts.cursor = app.accounts.cursor.saturating_sub(1),
        Command::Down => {
            app.accounts.cursor = (app.accounts.cursor + 1).min(app.accounts.logins.len().saturating_sub(1))
        }
        Command::Submit => return open_profile(app),
        Command::NewLogin => return add_login(app),
        Command::CopyToken => {
            if let Some(s) = app.accounts.current() {
                app.overlay = Some(Overlay::Confirm(Confirm::CopyToken(s.login.acct.clone())));
            }
        }
        Command::Logout => {
            if let Some(s) = app.accounts.current() {
                app.overlay = Some(Overlay::Confirm(Confirm::Logout(s.login.acct.clone())));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A `y` in one of the accounts screen's confirmations: it acts on the login the question named,
/// wherever the cursor went meanwhile.
pub(super) fn confirmed(app: &mut App, confirm: Confirm) -> Vec<Effect> {
    let (Confirm::CopyToken(acct) | Confirm::Logout(acct) | Confirm::Forget(acct)) = &confirm;
    let Some(saved) = app.accounts.logins.iter().find(|s| &s.login.acct == acct).cloned() else {
        app.notice = Some(Notice { text: format!("@{acct} is no longer saved."), kind: NoticeKind::Info });
        return Vec::new();
    };
    match confirm {
        Confirm::CopyToken(_) => vec![Effect::Copy(saved.login.token.clone())],
        Confirm::Logout(_) if app.busy() => Vec::new(),
        Confirm::Logout(_) => {
            let id = app.begin_task("logging out at the server");
            vec![Effect::Revoke { id, login: Box::new(saved.login) }]
        }
        Confirm::Forget(_) => vec![Effect::Forget(Box::new(saved.login))],
    }
}

fn open_profile(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    let Some(saved) = app.accounts.current() else { return Vec::new() };
    let Ok(base) = url::Url::parse(&saved.login.server) else {
        app.notice = Some(Notice {
            text: "This login's server address is not valid; log it out.".into(),
            kind: NoticeKind::Error,
        });
        return Vec::new();
    };
    let token = saved.login.token.clone();
    app.accounts.opened = Some(app.accounts.cursor);
    let id = app.begin_task("checking the token with the server");
    vec![Effect::Verify { id, base, token }]
}

/// The result of re-verifying a saved login.
pub(super) fn verified(app: &mut App, result: Result<Account, ApiError>, now: String) -> Vec<Effect> {
    let Some(index) = app.accounts.opened else { return Vec::new() };
    let color = app.settings.color;
    let Some(saved) = app.accounts.logins.get_mut(index) else { return Vec::new() };
    let account = match result {
        Ok(a) => a,
        Err(e) => {
            let acct = saved.login.acct.clone();
            let text = if e.is_rejected_token() {
                saved.status = TokenStatus::Rejected;
                format!(
                    "The server no longer accepts the token of @{acct} (revoked or expired). Press a to log in again."
                )
            } else {
                saved.status = TokenStatus::Unknown(e.to_string());
                format!("Could not check @{acct}: {}. Press enter to try again.", messages::verify(&e))
            };
            app.notice = Some(Notice { text, kind: NoticeKind::Error });
            return Vec::new();
        }
    };
    saved.status = TokenStatus::Valid;
    saved.login.last_verified = Some(now);
    let login = saved.login.clone();
    let domain = login.acct.split_once('@').map(|(_, d)| d.to_owned()).unwrap_or_default();
    let mut view = ProfileView::new(&account, &domain, &login.scopes_granted, &login.scopes_requested, color);
    view.saved = SaveState::Saving;
    let avatar = view.fetch_avatar(&app.settings);
    app.profile = Some(view);
    app.profile_scroll = 0;
    app.screen = ScreenId::Profile;
    app.notice = None;
    let at = login.last_verified.clone().unwrap_or_default();
    app.unsaved_login = Some(login.clone());
    std::iter::once(Effect::RecordVerified { login: Box::new(login), at }).chain(avatar).collect()
}

/// `a`: the instance screen, fresh; for a login whose token the server refused, filled in with
/// its server and, once found, its scopes, so logging in again is a few presses of Enter. A
/// server that already has a login gets `force_login`.
fn add_login(app: &mut App) -> Vec<Effect> {
    let renew = app.accounts.current().filter(|s| s.status == TokenStatus::Rejected).map(|s| s.login.clone());
    app.flow = None;
    app.profile = None;
    app.instance = InstanceForm::fresh(&app.settings);
    app.screen = ScreenId::Instance;
    app.notice = None;
    let Some(login) = renew else { return Vec::new() };
    app.instance.input.set(&login.server);
    app.instance.scopes = Some(login.scopes_requested);
    flow::submit_instance(app)
}

pub(super) fn revoked(app: &mut App, login: &Login, result: Result<(), String>) -> Vec<Effect> {
    match result {
        Ok(()) => {
            // The token is dead now, whatever happens to the saved login next.
            if let Some(saved) = app.accounts.logins.iter_mut().find(|s| s.login.acct == login.acct) {
                saved.status = TokenStatus::Rejected;
            }
            app.notice = Some(Notice {
                text: format!("Logged out of @{}: the server revoked the token.", login.acct),
                kind: NoticeKind::Success,
            });
            vec![Effect::Forget(Box::new(login.clone()))]
        }
        Err(e) => {
            app.notice =
                Some(Notice { text: format!("The server did not revoke the token: {e}."), kind: NoticeKind::Error });
            app.overlay = Some(Overlay::Confirm(Confirm::Forget(login.acct.clone())));
            Vec::new()
        }
    }
}

pub(super) fn forgotten(app: &mut App, login: &Login, result: Result<(), StoreError>) -> Vec<Effect> {
    match result {
        Ok(()) => {
            app.accounts.remove(&login.server, &login.account_id);
            if app.notice.as_ref().is_none_or(|n| n.kind != NoticeKind::Success) {
                app.notice =
                    Some(Notice { text: format!("Forgot the login of @{}.", login.acct), kind: NoticeKind::Info });
            }
            if app.accounts.logins.is_empty() {
                app.screen = ScreenId::Instance;
            }
            // Another process may have changed the file meanwhile: show it as it is.
            return vec![Effect::LoadLogins];
        }
        Err(e) => {
            let revoked =
                app.accounts.logins.iter().any(|s| s.login.acct == login.acct && s.status == TokenStatus::Rejected);
            let text = if revoked {
                format!(
                    "The server revoked the token of @{}, but the login could not be removed here: {e}. Fix that, then log out again (revoking once more is harmless).",
                    login.acct
                )
            } else {
                format!("Could not forget the login: {e}. It is still saved.")
            };
            app.notice = Some(Notice { text, kind: NoticeKind::Error });
        }
    }
    Vec::new()
}

/// The file as it is now; a file that cannot be read leaves the list as it was, and says why.
pub(super) fn loaded(app: &mut App, result: Result<Vec<Login>, StoreError>) -> Vec<Effect> {
    match result {
        Ok(logins) => {
            app.accounts.reload(logins);
            if app.accounts.logins.is_empty() && app.screen == ScreenId::Accounts {
                app.screen = ScreenId::Instance;
            }
        }
        Err(e) => {
            app.notice = Some(Notice {
                text: format!("The saved logins could not be read again: {e}."),
                kind: NoticeKind::Warning,
            })
        }
    }
    Vec::new()
}
