//! `update`: how each action moves the login flow forward. Pure: returns effects, does no I/O.

use crossterm::event::KeyEvent;

use super::keys::{self, Command};
use super::profile::{ProfileView, SaveState};
use super::scope_tree::{Preset, ScopeTree};
use super::*;
use super::{accounts, attempt};
use crate::mastodon::{address, oauth};

const PAGE: isize = 10;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => on_key(app, key),
        Action::Paste(text) => on_paste(app, &text),
        Action::Click(target) => on_click(app, target),
        Action::Scroll(delta) => on_command(app, if delta < 0 { Command::Up } else { Command::Down }),
        Action::Resize => Vec::new(),
        Action::Tick(now) => {
            app.spinner = app.spinner.wrapping_add(1);
            app.now = Some(now);
            attempt::check_timeout(app)
        }
        Action::Listening(id, deadline) => attempt::listening(app, id, deadline),
        Action::Loopback(id, event) => attempt::loopback_event(app, id, event),
        Action::Discovered(id, result) if is_current(app, id) => discovered(app, result),
        Action::Registered(id, result) if is_current(app, id) => attempt::registered(app, result),
        Action::Exchanged(id, result) if is_current(app, id) => exchanged(app, result),
        Action::Verified(id, result, at) if is_current(app, id) => {
            if app.screen == ScreenId::Accounts {
                accounts::verified(app, result, at)
            } else {
                verified(app, result, at)
            }
        }
        Action::Revoked(id, login, result) if is_current(app, id) => accounts::revoked(app, &login, result),
        Action::Forgotten(login, result) => accounts::forgotten(app, &login, result),
        Action::LoginSaved(result) => login_saved(app, result),
        Action::LoginChangedElsewhere => {
            app.unsaved_login = None;
            if let Some(profile) = app.profile.as_mut() {
                profile.saved = SaveState::Failed(
                    "Not saved: another mastokey logged this account out or in again meanwhile. Press a to see the saved logins as they are now.".into(),
                );
            }
            Vec::new()
        }
        Action::LoginsLoaded(result) => accounts::loaded(app, result),
        Action::RegistrationSaved(Err(e)) => {
            notice(
                app,
                NoticeKind::Error,
                format!("The app registration could not be saved ({e}); it will be made again next time."),
            );
            Vec::new()
        }
        Action::StoreWarning(text) => {
            notice(app, NoticeKind::Warning, text);
            Vec::new()
        }
        Action::Copied(result) => {
            let text = match &result {
                Ok(method) => method.describe().to_owned(),
                Err(e) => format!("Could not copy: {e}. Select the URL with the mouse instead, or press o to open it."),
            };
            let kind = if result.is_ok() { NoticeKind::Success } else { NoticeKind::Error };
            notice(app, kind, text);
            Vec::new()
        }
        Action::AvatarLoaded(url, result) => {
            if let Some(profile) = app.profile.as_mut() {
                profile.avatar_loaded(&url, result);
            }
            Vec::new()
        }
        Action::BrowserOpened(result) => {
            let automatic = app.flow.as_ref().is_some_and(|f| f.mode == RedirectMode::Loopback);
            match result {
                // The browser may answer before its launch settles: the news it brought stays.
                Ok(()) if automatic && app.listening().is_none() => {}
                Ok(()) if automatic => notice(
                    app,
                    NoticeKind::Success,
                    "Opened in your browser. Approve there; the browser hands the code back to mastokey.".into(),
                ),
                Ok(()) => notice(
                    app,
                    NoticeKind::Success,
                    "Opened in your browser. Approve there, then paste the code here.".into(),
                ),
                Err(e) => notice(app, NoticeKind::Error, format!("{e} Press c to copy the URL instead.")),
            }
            Vec::new()
        }
        // Results of cancelled or superseded requests.
        Action::Discovered(..)
        | Action::Registered(..)
        | Action::Exchanged(..)
        | Action::Verified(..)
        | Action::Revoked(..) => Vec::new(),
        Action::RegistrationSaved(Ok(())) => Vec::new(),
    }
}

fn is_current(app: &mut App, id: TaskId) -> bool {
    if app.task.as_ref().is_some_and(|t| t.id == id) {
        app.task = None;
        true
    } else {
        false
    }
}

fn notice(app: &mut App, kind: NoticeKind, text: String) {
    app.notice = Some(Notice { text, kind });
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if app.notice.as_ref().is_some_and(|n| n.kind == NoticeKind::Warning) {
        app.notice = None;
    }
    if let Some(command) = keys::lookup(keys::active(app), key) {
        return on_command(app, command);
    }
    if app.overlay.is_some() {
        return Vec::new();
    }
    match app.screen {
        ScreenId::Instance if app.instance.input.handle_key(key) => app.instance.error = None,
        ScreenId::Code => {
            if let Some(flow) = app.flow.as_mut()
                && flow.code.handle_key(key)
            {
                flow.code_error = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Pasting works where a text box is; on the authorize screen it starts the code box with it
/// (people often paste the code without pressing Enter first).
fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.screen {
        ScreenId::Instance => {
            app.instance.input.insert(text.trim());
            app.instance.error = None;
        }
        ScreenId::Authorize | ScreenId::Code => {
            if let Some(flow) = app.flow.as_mut().filter(|f| f.attempt.is_some()) {
                // A code the server refused is of no more use: the new one replaces it.
                if flow.code_error.is_some() {
                    flow.code = TextInput::default();
                }
                flow.code.insert(text.trim());
                flow.code_error = None;
                app.screen = ScreenId::Code;
            }
        }
        _ => {}
    }
    Vec::new()
}

fn on_click(app: &mut App, target: Target) -> Vec<Effect> {
    match target {
        Target::Command(c) => on_command(app, c),
        Target::ScopeRow(i) if app.overlay.is_none() => {
            if let Some(flow) = app.flow.as_mut() {
                if flow.tree.cursor == i {
                    flow.tree.toggle();
                } else {
                    flow.tree.select_row(i);
                }
            }
            Vec::new()
        }
        Target::AccountRow(i) if app.overlay.is_none() && app.screen == ScreenId::Accounts => {
            if app.accounts.cursor == i {
                return on_command(app, Command::Submit);
            }
            app.accounts.cursor = i.min(app.accounts.logins.len().saturating_sub(1));
            Vec::new()
        }
        Target::ScopeRow(_) | Target::AccountRow(_) => Vec::new(),
    }
}

fn on_command(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        Command::Help => {
            app.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        _ => {}
    }
    if let Some(overlay) = app.overlay.clone() {
        return on_overlay(app, overlay, command);
    }
    match (app.screen, command) {
        (_, Command::Back) if app.task.is_some() => cancel(app),
        (ScreenId::Instance, Command::Back) if !app.accounts.logins.is_empty() => {
            go(app, ScreenId::Accounts);
            vec![Effect::LoadLogins]
        }
        (ScreenId::Instance, Command::Back) => {
            app.quit = true;
            vec![Effect::Quit]
        }
        (ScreenId::Accounts, c) => accounts::command(app, c),
        (ScreenId::Profile, Command::Accounts) if !app.accounts.logins.is_empty() => {
            app.profile = None;
            go(app, ScreenId::Accounts);
            vec![Effect::LoadLogins]
        }
        (ScreenId::Instance, Command::Submit) => submit_instance(app),
        (ScreenId::Scopes, Command::Back) if app.settings.preset_scopes.is_some() => go(app, ScreenId::Instance),
        (ScreenId::Scopes, Command::Back) => go(app, ScreenId::Instance),
        (ScreenId::Scopes, Command::Submit) => submit_scopes(app, false),
        (ScreenId::Scopes, c) => {
            scopes_command(app, c);
            Vec::new()
        }
        (ScreenId::Authorize, Command::Back) if app.flow.as_ref().is_some_and(|f| f.qr.is_some()) => {
            if let Some(flow) = app.flow.as_mut() {
                flow.qr = None;
            }
            Vec::new()
        }
        (ScreenId::Authorize, Command::Back) => {
            let close = attempt::leave(app);
            // With --scopes there is no scopes screen to go back to.
            let back = if app.settings.preset_scopes.is_some() { ScreenId::Instance } else { ScreenId::Scopes };
            close.into_iter().chain(go(app, back)).collect()
        }
        (ScreenId::Authorize, Command::Submit) if attempt(app).is_some() => go(app, ScreenId::Code),
        (ScreenId::Authorize | ScreenId::Code, Command::CopyUrl) => match attempt(app) {
            Some(a) => vec![Effect::Copy(Secret::new(a.url.clone()))],
            None => Vec::new(),
        },
        (ScreenId::Authorize | ScreenId::Code, Command::OpenBrowser) => match attempt(app) {
            Some(a) => vec![Effect::OpenBrowser(a.url.clone())],
            None => Vec::new(),
        },
        (ScreenId::Code, Command::Back) => go(app, ScreenId::Authorize),
        (ScreenId::Code, Command::Submit) => attempt::submit_code(app),
        (ScreenId::Authorize | ScreenId::Code, Command::Retry) => attempt::new_attempt(app),
        (ScreenId::Authorize, Command::Reregister) => attempt::reregister_requested(app),
        (ScreenId::Authorize | ScreenId::Code, Command::SwitchRedirect) => attempt::switch_redirect(app),
        (ScreenId::Authorize, Command::ToggleQr) => {
            if let Some(flow) = app.flow.as_mut() {
                flow.qr = match (&flow.qr, &flow.attempt) {
                    (None, Some(a)) => crate::qr::QrMatrix::new(&a.url),
                    _ => None,
                };
            }
            Vec::new()
        }
        (ScreenId::Profile, Command::Retry) => retry_verify(app),
        (ScreenId::Profile, Command::Up) => {
            app.profile_scroll = app.profile_scroll.saturating_sub(1);
            Vec::new()
        }
        (ScreenId::Profile, Command::Down) => {
            app.profile_scroll = app.profile_scroll.saturating_add(1);
            Vec::new()
        }
        (ScreenId::Profile, Command::RetrySave) => retry_save(app),
        (ScreenId::Profile, Command::NewLogin) => {
            app.flow = None;
            app.profile = None;
            app.profile_scroll = 0;
            app.instance = InstanceForm::fresh(&app.settings);
            go(app, ScreenId::Instance)
        }
        _ => Vec::new(),
    }
}

fn on_overlay(app: &mut App, overlay: Overlay, command: Command) -> Vec<Effect> {
    match (overlay, command) {
        (Overlay::Help, Command::Back) => app.overlay = None,
        (Overlay::ConfirmUnadvertised(_), Command::Yes) => {
            app.overlay = None;
            return submit_scopes(app, true);
        }
        (Overlay::AddIdentity(scope), Command::Yes) => {
            app.overlay = None;
            if let Some(flow) = app.flow.as_mut() {
                flow.tree.choose_all(&[scope.to_owned()]);
            }
            return submit_scopes(app, false);
        }
        // With --scopes the question comes before the scopes screen was ever shown: go there.
        (Overlay::AddIdentity(_), Command::No) => {
            app.overlay = None;
            return go(app, ScreenId::Scopes);
        }
        (Overlay::ConfirmUnadvertised(_) | Overlay::Confirm(_), Command::No) => app.overlay = None,
        (Overlay::Confirm(confirm), Command::Yes) => {
            app.overlay = None;
            return accounts::confirmed(app, confirm);
        }
        _ => {}
    }
    Vec::new()
}

fn go(app: &mut App, screen: ScreenId) -> Vec<Effect> {
    app.screen = screen;
    if app.notice.as_ref().is_some_and(|n| n.kind != NoticeKind::Warning) {
        app.notice = None;
    }
    Vec::new()
}

fn attempt(app: &App) -> Option<&Attempt> {
    app.flow.as_ref().and_then(|f| f.attempt.as_ref())
}

fn cancel(app: &mut App) -> Vec<Effect> {
    let Some(task) = app.task.take() else { return Vec::new() };
    notice(app, NoticeKind::Info, format!("Cancelled: {}. Nothing you entered was lost.", task.what));
    vec![Effect::Cancel(task.id)]
}

pub(super) fn submit_instance(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    match address::parse(app.instance.input.value()) {
        Err(e) => {
            app.instance.error = Some(e.to_string());
            Vec::new()
        }
        Ok(address) if app.settings.only_server.as_ref().is_some_and(|only| only.origin() != address.origin()) => {
            app.instance.error = Some(
                "This is the demo: it logs in only to its built-in server (filled in above). To log in to another server, quit and run mastokey without --demo.".into(),
            );
            Vec::new()
        }
        Ok(address) => {
            app.instance.error = None;
            let id = app.begin_task("looking up the server");
            vec![Effect::Discover { id, address }]
        }
    }
}

fn discovered(app: &mut App, result: Result<ServerInfo, ApiError>) -> Vec<Effect> {
    let server = match result {
        Ok(server) => server,
        Err(e) => {
            app.instance.error = match address::parse(app.instance.input.value()) {
                Ok(address) => Some(messages::discovery(&e, &address)),
                Err(_) => Some(e.to_string()),
            };
            return Vec::new();
        }
    };
    // Keep the choices made for the same server when coming back to it.
    let same_server = app.flow.as_ref().is_some_and(|f| f.server.address == server.address);
    if !same_server {
        let mut tree = ScopeTree::new(server.scopes_supported(), server.identity_scope());
        if let Some(chosen) = app.settings.preset_scopes.as_ref().or(app.instance.scopes.as_ref()) {
            tree.clear();
            tree.choose_all(chosen);
        }
        // Another server: the old attempt's listener, if any, must close.
        let closed = app.listening().map(|l| Effect::Cancel(l.id));
        app.flow = Some(Flow {
            server,
            tree,
            attempt: None,
            authorize_error: None,
            code: TextInput::default(),
            code_error: None,
            mode: app.settings.redirect,
            qr: None,
        });
        let next =
            if app.settings.preset_scopes.is_some() { submit_scopes(app, true) } else { go(app, ScreenId::Scopes) };
        return closed.into_iter().chain(next).collect();
    }
    if app.settings.preset_scopes.is_some() { submit_scopes(app, true) } else { go(app, ScreenId::Scopes) }
}

fn scopes_command(app: &mut App, command: Command) {
    let Some(flow) = app.flow.as_mut() else { return };
    let tree = &mut flow.tree;
    match command {
        Command::Up => tree.move_by(-1),
        Command::Down => tree.move_by(1),
        Command::PageUp => tree.move_by(-PAGE),
        Command::PageDown => tree.move_by(PAGE),
        Command::Toggle => tree.toggle(),
        Command::Expand => tree.set_expanded(true),
        Command::Collapse => tree.set_expanded(false),
        Command::ExpandToggle => tree.toggle_expanded(),
        Command::ClearScopes => tree.clear(),
        Command::Preset(i) => {
            if let Some(p) = Preset::ALL.get(i) {
                tree.apply_preset(*p);
            }
        }
        _ => return,
    }
    app.notice = None;
}

fn submit_scopes(app: &mut App, confirmed: bool) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let chosen = flow.tree.selected();
    if chosen.is_empty() {
        notice(app, NoticeKind::Error, "Choose at least one scope (space toggles; 1 picks identity only).".into());
        return Vec::new();
    }
    // Without a scope that reads the account, the token could be made but neither shown nor
    // saved under anyone's name: offer the smallest scope that can.
    if !flow.server.identifies(&chosen) {
        app.overlay = Some(Overlay::AddIdentity(flow.server.identity_scope()));
        return Vec::new();
    }
    let unadvertised = flow.tree.unadvertised();
    if !confirmed && !unadvertised.is_empty() {
        app.overlay = Some(Overlay::ConfirmUnadvertised(unadvertised));
        return Vec::new();
    }
    // The same scopes as the attempt already prepared: keep its URL (no new request).
    if flow.attempt.as_ref().is_some_and(|a| a.scopes == chosen) {
        return go(app, ScreenId::Authorize);
    }
    flow.code = TextInput::default();
    flow.code_error = None;
    app.screen = ScreenId::Authorize;
    app.notice = None;
    attempt::prepare(app)
}

fn exchanged(app: &mut App, result: Result<oauth::TokenResponse, ApiError>) -> Vec<Effect> {
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

fn verify(app: &mut App) -> Vec<Effect> {
    let (Some(flow), Some(pending)) = (app.flow.as_ref(), app.pending_token.as_ref()) else { return Vec::new() };
    let (base, token) = (flow.server.address.base.clone(), pending.token.clone());
    app.verify_error = None;
    let id = app.begin_task("reading your profile");
    vec![Effect::Verify { id, base, token }]
}

fn retry_verify(app: &mut App) -> Vec<Effect> {
    if app.profile.is_none() && !app.busy() { verify(app) } else { Vec::new() }
}

fn verified(app: &mut App, result: Result<Account, ApiError>, now: String) -> Vec<Effect> {
    let (Some(flow), Some(pending)) = (app.flow.as_ref(), app.pending_token.as_ref()) else { return Vec::new() };
    let account = match result {
        Ok(a) => a,
        Err(e) => {
            app.verify_error = Some(messages::verify(&e));
            return Vec::new();
        }
    };
    let domain = flow.server.address.domain();
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

fn login_saved(app: &mut App, result: Result<Saved, StoreError>) -> Vec<Effect> {
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

fn retry_save(app: &mut App) -> Vec<Effect> {
    let Some(login) = app.unsaved_login.clone() else { return Vec::new() };
    let Some(profile) = app.profile.as_mut().filter(|p| matches!(p.saved, SaveState::Failed(_))) else {
        return Vec::new();
    };
    profile.saved = SaveState::Saving;
    // A saved login checked again only notes the time; a new one is saved whole.
    let known = app.accounts.logins.iter().any(|s| {
        s.login.server == login.server
            && s.login.account_id == login.account_id
            && s.login.created_at == login.created_at
    });
    if known {
        let at = login.last_verified.clone().unwrap_or_default();
        vec![Effect::RecordVerified { login: Box::new(login), at }]
    } else {
        vec![Effect::SaveLogin(Box::new(login))]
    }
}
