//! The fifth screen: whose token it is. For a login just made, the token waits here until the
//! account is read and the login saved; for a saved login, its profile after a check.

use super::keys::Command;
use super::profile_view::{ProfileView, SaveState};
use super::*;
use crate::mastodon::account::login_handle;
use crate::mastodon::oauth::TokenResponse;
use crate::mastodon::{Account, ApiError};
use crate::store::{Login, Saved, StoreError};
use crate::tr;

#[derive(Debug, Clone, PartialEq)]
pub struct ProfileScreen {
    pub of: ProfileOf,
    /// The profile once read.
    pub view: Option<ProfileView>,
    /// Why the profile of a new token could not be read (`r` tries again).
    pub error: Option<String>,
    /// The save under way or to try again with `s`: the login (and, for a new one, the
    /// registration that can revoke it).
    pub pending: Option<Effect>,
    pub scroll: u16,
    /// How far the rows can scroll at the size last drawn (the screen reports it after each
    /// frame); unknown until the profile was first drawn.
    pub scroll_limit: Option<u16>,
}

/// Whose profile: a login just made, or a saved one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileOf {
    NewLogin(Box<NewLogin>),
    Saved,
}

/// A token just issued, kept in memory until its login is saved (so a failure loses nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLogin {
    pub server: ServerInfo,
    pub token: Secret,
    pub granted: Vec<String>,
    pub requested: Vec<String>,
    pub registration: Registration,
    /// The registration was made in this run, so it is saved along with the login.
    pub new_registration: bool,
    /// A refresh: the saved login this token is to replace.
    pub refresh: Option<Box<Login>>,
}

impl ProfileScreen {
    fn new(of: ProfileOf) -> Self {
        Self { of, view: None, error: None, pending: None, scroll: 0, scroll_limit: None }
    }

    /// The login this profile is saving (or recording a check of), while that is pending.
    pub(crate) fn saving(&self) -> Option<&Login> {
        match self.pending.as_ref()? {
            Effect::SaveLogin { login, .. } | Effect::RecordVerified { login, .. } => Some(login),
            _ => None,
        }
    }

    /// The server of a login just made, as the person typed it (for the header).
    pub fn server_shown(&self) -> String {
        match &self.of {
            ProfileOf::NewLogin(new) => new.server.address.shown.clone(),
            ProfileOf::Saved => String::new(),
        }
    }
}

pub(super) fn available(profile: &ProfileScreen, has_logins: bool, command: Command) -> bool {
    let failed = profile.view.as_ref().is_some_and(|v| matches!(v.saved, SaveState::Failed(_)));
    match command {
        Command::Retry => profile.view.is_none() && profile.error.is_some(),
        Command::Accounts => has_logins,
        Command::RetrySave => failed && profile.pending.is_some(),
        // The scroll keys are offered only when there is somewhere to scroll to.
        Command::Up => profile.scroll > 0,
        Command::Down => profile.view.is_some() && profile.scroll_limit.is_none_or(|limit| profile.scroll < limit),
        _ => true,
    }
}

/// The token endpoint gave a token: show the profile screen and read the account.
pub(super) fn new_login(app: &mut App, flow: Flow, token: TokenResponse) -> Vec<Effect> {
    let Some(attempt) = flow.attempt else { return Vec::new() };
    let granted = token.granted(&attempt.scopes);
    let new_login = NewLogin {
        server: flow.server,
        token: token.access_token,
        granted,
        requested: attempt.scopes,
        new_registration: !matches!(attempt.made, Made::Saved(_)),
        registration: attempt.registration,
        refresh: flow.refresh,
    };
    app.go(Screen::Profile(Box::new(ProfileScreen::new(ProfileOf::NewLogin(Box::new(new_login))))));
    app.with_profile(verify)
}

fn verify(profile: &mut ProfileScreen, ctx: &mut Ctx) -> Vec<Effect> {
    let ProfileOf::NewLogin(new) = &profile.of else { return Vec::new() };
    let (base, token) = (new.server.address.base.clone(), new.token.clone());
    profile.error = None;
    let id = ctx.begin_task("task-reading-profile");
    vec![Effect::Verify { id, base, token }]
}

pub(super) fn retry_verify(profile: &mut ProfileScreen, ctx: &mut Ctx) -> Vec<Effect> {
    if ctx.busy() { Vec::new() } else { verify(profile, ctx) }
}

/// The account of the new token: shown, and saved under the name its server gives it.
pub(super) fn verified(
    profile: &mut ProfileScreen,
    ctx: &mut Ctx,
    result: Result<Account, ApiError>,
    now: String,
) -> Vec<Effect> {
    let color = ctx.settings.color;
    let ProfileOf::NewLogin(new) = &profile.of else { return Vec::new() };
    let account = match result {
        Ok(a) => a,
        Err(e) => {
            profile.error = Some(messages::verify(&e));
            return Vec::new();
        }
    };
    let acct = match login_handle(&account.acct, &new.server.account_domain()) {
        Ok(acct) => acct,
        Err(e) => {
            profile.error = Some(messages::handle(&e));
            return Vec::new();
        }
    };
    let view = ProfileView::new(&account, &acct, &new.granted, &new.requested, color);
    let login = Login {
        server: new.server.address.origin(),
        account_id: account.id.clone(),
        acct,
        display_name: view.display_name.clone(),
        token: new.token.clone(),
        scopes_granted: new.granted.clone(),
        scopes_requested: new.requested.clone(),
        client_id: new.registration.client_id.clone(),
        created_at: now.clone(),
        last_verified: Some(now),
    };
    let registration = new.new_registration.then(|| Box::new(new.registration.clone()));
    let (save, report) = match new.refresh.as_deref() {
        Some(old) => {
            let (save, report) = refresh::ending(old, login, registration);
            (save, Some(report))
        }
        None => (Effect::SaveLogin { login: Box::new(login), registration }, None),
    };
    let avatar = view.fetch_avatar(&ctx.settings, &new.server.address.origin());
    profile.view = Some(view);
    profile.pending = Some(save.clone());
    if report.is_some() {
        ctx.refresh_report = report;
    }
    std::iter::once(save).chain(avatar).collect()
}

/// A saved login whose token its server just accepted: its profile, and the time of the check
/// noted (only that, and only if the login is still saved as it was).
pub(super) fn show_saved(app: &mut App, login: Login, account: &Account) -> Vec<Effect> {
    let color = app.settings.color;
    let view = ProfileView::new(account, &login.acct, &login.scopes_granted, &login.scopes_requested, color);
    let avatar = view.fetch_avatar(&app.settings, &login.server);
    let at = login.last_verified.clone().unwrap_or_default();
    let record = Effect::RecordVerified { login: Box::new(login), at };
    let mut profile = ProfileScreen::new(ProfileOf::Saved);
    profile.view = Some(view);
    profile.pending = Some(record.clone());
    app.go(Screen::Profile(Box::new(profile)));
    std::iter::once(record).chain(avatar).collect()
}

/// Where `login` went, or why it was not saved. The accounts list learns of it whatever screen
/// is showing; the profile it was saved from (if it is still up) says where it went.
pub(super) fn saved(app: &mut App, login: Login, result: Result<Saved, StoreError>) -> Vec<Effect> {
    let on_its_profile = match &app.screen {
        Screen::Profile(profile) => profile.view.is_some() && profile.saving() == Some(&login),
        _ => false,
    };
    match result {
        Ok(saved) => {
            app.accounts.upsert(login);
            if let Screen::Profile(profile) = &mut app.screen
                && on_its_profile
                && let Some(view) = profile.view.as_mut()
            {
                view.saved = SaveState::Saved(saved);
                profile.pending = None;
            }
        }
        Err(e) if on_its_profile => app.with_profile(|profile, _| save_failed(profile, e)),
        // Its profile is gone, and with it the retry: say so where the person is now.
        Err(e) => {
            app.warn(tr!("save-failed-left", account = crate::sanitize::clean(&login.acct), error = e.to_string()))
        }
    }
    Vec::new()
}

/// Why the profile's login (or its refreshed token) was not saved; `s` tries again, except for
/// a newer mastokey's file, which no retry can write.
pub(super) fn save_failed(profile: &mut ProfileScreen, e: StoreError) {
    let Some(view) = profile.view.as_mut() else { return };
    if let StoreError::Newer { .. } = e {
        profile.pending = None;
        view.saved = SaveState::Failed(tr!("save-newer", error = e.to_string()));
    } else {
        let retry = keys::press(ScreenId::Profile, Command::RetrySave, "hint-try-again");
        view.saved = SaveState::Failed(tr!("save-failed", error = e.to_string(), hint = retry));
    }
}

/// A checked login was not written back: another mastokey logged it out or in again meanwhile.
pub(super) fn changed_elsewhere(profile: &mut ProfileScreen) {
    profile.pending = None;
    if let Some(view) = profile.view.as_mut() {
        let see = keys::press(ScreenId::Profile, Command::Accounts, "hint-see-logins");
        view.saved = SaveState::Failed(tr!("save-changed-elsewhere", hint = see));
    }
}

/// `s`: the failed save once more (the registration with it, for a new login).
pub(super) fn retry_save(profile: &mut ProfileScreen) -> Vec<Effect> {
    let Some(view) = profile.view.as_mut() else { return Vec::new() };
    view.saved = SaveState::Saving;
    profile.pending.clone().into_iter().collect()
}

pub(super) fn avatar_loaded(profile: &mut ProfileScreen, url: &str, result: Result<crate::avatar::Avatar, String>) {
    if let Some(view) = profile.view.as_mut() {
        view.avatar_loaded(url, result);
    }
}

pub(super) fn scroll(profile: &mut ProfileScreen, down: bool) {
    let scroll = if down { profile.scroll.saturating_add(1) } else { profile.scroll.saturating_sub(1) };
    profile.scroll = profile.scroll_limit.map_or(scroll, |limit| scroll.min(limit));
}

/// The profile was drawn: this is how far its rows can scroll now (a resize or a loaded avatar
/// changes it). A scroll beyond it comes back to the last row.
pub(super) fn scroll_limit(profile: &mut ProfileScreen, limit: u16) {
    profile.scroll_limit = Some(limit);
    profile.scroll = profile.scroll.min(limit);
}
