//! From a token to a saved login: the exchange's result, reading the profile, saving the login.

use super::attempt;
use super::profile::{ProfileView, SaveState};
use super::*;
use crate::mastodon::oauth;

pub(super) fn exchanged(app: &mut App, result: Result<oauth::TokenResponse, ApiError>) -> Vec<Effect> {
    // However the code came (pasted or through the listener), the login is done: the listener
    // closes, so a late browser redirect or its countdown cannot reach the finished login.
    if result.as_ref().is_err_and(|e| e.error_code() == Some("invalid_client")) {
        return attempt::registration_rejected(app);
    }
    let close = if result.is_ok() { app.flow.as_mut().and_then(attempt::stop_listening) } else { None };
    let Some(pending) = attempt::exchanged(app, result) else { return Vec::new() };
    app.pending_token = Some(pending);
    app.screen = ScreenId::Profile;
    close.into_iter().chain(verify(app)).collect()
}

pub(super) fn verify(app: &mut App) -> Vec<Effect> {
    let (Some(flow), Some(pending)) = (app.flow.as_ref(), app.pending_token.as_ref()) else { return Vec::new() };
    let (base, token) = (flow.server.address.base.clone(), pending.token.clone());
    app.verify_error = None;
    let id = app.begin_task("reading your profile");
    vec![Effect::Verify { id, base, token }]
}

pub(super) fn retry_verify(app: &mut App) -> Vec<Effect> {
    if app.profile.is_none() && !app.busy() { verify(app) } else { Vec::new() }
}

pub(super) fn verified(app: &mut App, result: Result<Account, ApiError>, now: String) -> Vec<Effect> {
    let (Some(flow), Some(pending)) = (app.flow.as_ref(), app.pending_token.as_ref()) else { return Vec::new() };
    let account = match result {
        Ok(a) => a,
        Err(e) => {
            app.verify_error = Some(messages::verify(&e));
            return Vec::new();
        }
    };
    let domain = flow.server.account_domain();
    if let Err(e) = crate::mastodon::account::login_handle(&account.acct, &domain) {
        app.verify_error = Some(messages::handle(&e));
        return Vec::new();
    }
    let requested = flow.attempt.as_ref().map(|a| a.scopes.clone()).unwrap_or_default();
    let view = ProfileView::new(&account, &domain, &pending.granted, &requested, app.settings.color);
    let login = Login {
        server: flow.server.address.origin(),
        account_id: account.id.clone(),
        acct: view.handle.trim_start_matches('@').to_owned(),
        display_name: view.display_name.clone(),
        token: pending.token.clone(),
        scopes_granted: pending.granted.clone(),
        scopes_requested: requested,
        client_id: flow.attempt.as_ref().map(|a| a.registration.client_id.clone()).unwrap_or_default(),
        created_at: now.clone(),
        last_verified: Some(now),
    };
    let avatar = view.fetch_avatar(&app.settings);
    app.profile = Some(view);
    app.unsaved_login = Some(login.clone());
    std::iter::once(Effect::SaveLogin(Box::new(login))).chain(avatar).collect()
}

pub(super) fn login_saved(app: &mut App, result: Result<Saved, StoreError>) -> Vec<Effect> {
    let Some(profile) = app.profile.as_mut() else { return Vec::new() };
    match result {
        Ok(saved) => {
            profile.saved = SaveState::Saved(saved);
            if let Some(login) = app.unsaved_login.take() {
                app.accounts.upsert(login);
            }
        }
        Err(e @ StoreError::Newer { .. }) => {
            profile.saved =
                SaveState::Failed(format!("Could not save the login: {e}. The token stays here until you quit."));
        }
        Err(e) => {
            profile.saved = SaveState::Failed(format!(
                "Could not save the login: {e}. Free some space or fix the permissions, then press s to try again."
            ));
        }
    }
    Vec::new()
}

pub(super) fn retry_save(app: &mut App) -> Vec<Effect> {
    let Some(login) = app.unsaved_login.clone() else { return Vec::new() };
    let Some(profile) = app.profile.as_mut().filter(|p| matches!(p.saved, SaveState::Failed(_))) else {
        return Vec::new();
    };
    profile.saved = SaveState::Saving;
    // A saved login checked again only notes the time; a new one is saved whole.
    let known = app.accounts.logins.iter().any(|s| s.login.is_same_login(&login));
    if known {
        let at = login.last_verified.clone().unwrap_or_default();
        vec![Effect::RecordVerified { login: Box::new(login), at }]
    } else {
        vec![Effect::SaveLogin(Box::new(login))]
    }
}
