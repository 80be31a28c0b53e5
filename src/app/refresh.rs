//! A saved login given more (or fewer) scopes: `e` on the accounts screen, or
//! `mastokey refresh`. The login flow runs as for a new login, with the saved login in
//! [`Flow::refresh`]; its end differs: the new token must be the same account's (another account
//! is saved as a login of its own, the old login left alone), it replaces that login's token in
//! place, and the old token is then revoked at the server.

use super::keys::Command;
use super::profile::ProfileOf;
use super::profile_view::SaveState;
use super::*;
use crate::mastodon::scope_change;
use crate::mastodon::{ApiError, address};
use crate::store::{Login, Replaced, StoreError};
use crate::tr;

/// How far a refresh got: for the profile screen, and for `mastokey refresh`'s exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshReport {
    /// The saved login whose scopes changed, with its old token (to revoke it).
    pub old: Login,
    /// The login as it is saved once the refresh is through.
    pub new: Login,
    /// What the new token has that the old one had not, and the other way round.
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// The old login was gone when the new token was saved (logged out meanwhile), so the new
    /// one was saved as a login of its own.
    pub saved_anew: bool,
    pub stage: RefreshStage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshStage {
    /// The new token is being saved in place of the old one (or saving failed: the profile
    /// says why, and `s` tries again).
    Saving,
    /// Saved; the old token is being revoked.
    Revoking,
    Revoked,
    /// Saved, but the old token could not be revoked (why); it still works.
    NotRevoked(String),
    /// The browser approved another account (`user@domain`): saved as a login of its own, and
    /// the login being refreshed was left as it was.
    OtherAccount(String),
}

/// `e` on the accounts screen: look up the login's server, for the scopes screen to know what
/// it supports.
pub(super) fn change_scopes(app: &mut App) -> Vec<Effect> {
    let Some(saved) = app.accounts.current() else { return Vec::new() };
    let Ok(address) = address::parse(saved.login.server.as_str()) else {
        app.say(NoticeKind::Error, tr!("accounts-bad-server"));
        return Vec::new();
    };
    let login = saved.login.id();
    let id = app.begin_task("task-looking-up");
    vec![Effect::DiscoverForRefresh { id, login, address }]
}

/// The login's server is found: the scopes screen, with the login's scopes already chosen.
pub(super) fn discovered(app: &mut App, login: &LoginId, result: Result<ServerInfo, ApiError>) -> Vec<Effect> {
    let Some(saved) = app.accounts.find(login).map(|s| s.login.clone()) else {
        app.say(NoticeKind::Info, tr!("refresh-login-gone"));
        return Vec::new();
    };
    match result {
        Ok(server) => {
            let scopes = saved.scopes_granted.clone();
            let flow = refresh_flow(app, server, saved, &scopes);
            app.go(Screen::Login(Box::new(flow)));
        }
        Err(e) => {
            let again = keys::press(ScreenId::Accounts, Command::ChangeScopes, "hint-try-again");
            let why = match address::parse(saved.server.as_str()) {
                Ok(address) => messages::discovery_hinted(&e, &address, again),
                Err(_) => e.to_string(),
            };
            app.say(NoticeKind::Error, tr!("refresh-lookup-failed", account = &saved.acct, error = why));
        }
    }
    Vec::new()
}

/// `mastokey refresh`: straight to the authorize step for `login`'s server, with `scopes` (the
/// command line checked them against the server already).
pub fn start(app: &mut App, login: Login, server: ServerInfo, scopes: &[String]) -> Vec<Effect> {
    let flow = refresh_flow(app, server, login, scopes);
    app.go(Screen::Login(Box::new(flow)));
    app.with_login(|flow, ctx| scopes::submit(flow, ctx, true))
}

fn refresh_flow(app: &mut App, server: ServerInfo, login: Login, scopes: &[String]) -> Flow {
    let mut flow = instance::new_flow(app, server);
    flow.tree.clear();
    flow.tree.choose_all(scopes);
    flow.refresh = Some(Box::new(login));
    app.refresh_report = None;
    flow
}

/// A refresh's new token has an account: the effect that saves it, and the report to follow.
/// The same account replaces the login's token in place; another account is a login of its own.
pub(super) fn ending(old: &Login, new: Login, registration: Option<Box<Registration>>) -> (Effect, RefreshReport) {
    let (added, removed) = scope_change::diff(&old.scopes_granted, &new.scopes_granted);
    let same = new.is_account(&old.server, &old.account_id);
    let report = RefreshReport {
        old: old.clone(),
        new: new.clone(),
        added,
        removed,
        saved_anew: false,
        stage: if same { RefreshStage::Saving } else { RefreshStage::OtherAccount(new.acct.clone()) },
    };
    let effect = if same {
        Effect::ReplaceLogin { old: Box::new(old.clone()), new: Box::new(new), registration }
    } else {
        Effect::SaveLogin { login: Box::new(new), registration }
    };
    (effect, report)
}

/// The new token is saved (in place, or anew): revoke the old one. A failed save waits on the
/// profile screen for `s`; the new token stays in memory until then.
pub(super) fn replaced(app: &mut App, result: Result<Replaced, StoreError>) -> Vec<Effect> {
    let Some(report) = app.refresh_report.as_mut().filter(|r| r.stage == RefreshStage::Saving) else {
        return Vec::new();
    };
    let saved = match result {
        Ok(Replaced::InPlace(saved)) => {
            // As the store keeps it: the same login, with the new token.
            report.new.created_at = report.old.created_at.clone();
            saved
        }
        Ok(Replaced::SavedAnew(saved)) => {
            report.saved_anew = true;
            saved
        }
        Err(e) => {
            app.with_profile(|profile, _| profile::save_failed(profile, e));
            return Vec::new();
        }
    };
    report.stage = RefreshStage::Revoking;
    let (old, new) = (report.old.clone(), report.new.clone());
    if let Screen::Profile(profile) = &mut app.screen
        && let Some(view) = profile.view.as_mut()
    {
        view.saved = SaveState::Saved(saved);
        profile.pending = None;
    }
    app.accounts.upsert(new);
    let id = app.begin_task("task-revoking-old-token");
    vec![Effect::RevokeReplaced { id, login: Box::new(old) }]
}

/// The server's answer about the old token. The new one is saved whatever it says.
pub(super) fn old_revoked(app: &mut App, login: &Login, result: Result<(), String>) -> Vec<Effect> {
    let Some(report) = app.refresh_report.as_mut().filter(|r| r.old.is_same_login(login)) else {
        return Vec::new();
    };
    report.stage = match result {
        Ok(()) => RefreshStage::Revoked,
        Err(why) => RefreshStage::NotRevoked(why),
    };
    // The profile shows the report; elsewhere a notice says it.
    let (kind, text) = stage_notice(report);
    if app.profile().is_none() {
        app.say(kind, text);
    }
    Vec::new()
}

/// What became of the old token, as a sentence.
pub fn stage_notice(report: &RefreshReport) -> (NoticeKind, String) {
    let old = &report.old.acct;
    match &report.stage {
        RefreshStage::Saving => (NoticeKind::Info, String::new()),
        RefreshStage::Revoking => (NoticeKind::Info, tr!("refresh-revoking")),
        RefreshStage::Revoked => (NoticeKind::Success, tr!("refresh-revoked", account = old)),
        RefreshStage::NotRevoked(why) => {
            let page = format!("{}/oauth/authorized_applications", report.old.server);
            (NoticeKind::Warning, tr!("refresh-not-revoked", account = old, error = why.as_str(), page = page))
        }
        RefreshStage::OtherAccount(chosen) => {
            (NoticeKind::Warning, tr!("refresh-other-account", chosen = chosen.as_str(), account = old))
        }
    }
}

/// What changed, as a sentence: the scopes added and removed.
pub fn change_line(report: &RefreshReport) -> String {
    let none = || tr!("refresh-scopes-none");
    let list = |scopes: &[String]| if scopes.is_empty() { none() } else { scopes.join(" ") };
    tr!("refresh-changed", account = &report.old.acct, added = list(&report.added), removed = list(&report.removed))
}

/// Whether the profile showing is a refresh's (its report is drawn there).
pub fn on_profile(app: &App) -> Option<&RefreshReport> {
    let profile = app.profile()?;
    let ProfileOf::NewLogin(new) = &profile.of else { return None };
    let old = new.refresh.as_deref()?;
    app.refresh_report.as_ref().filter(|r| r.old.is_same_login(old))
}
