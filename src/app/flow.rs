//! `update`: how each action moves the login flow forward. Pure: returns effects, does no I/O.

use crossterm::event::KeyEvent;

use super::keys::{self, Command};
use super::login::{exchanged, login_saved, retry_save, retry_verify, verified};
use super::profile::SaveState;
use super::server::{discovered, scopes_command, submit_scopes};
use super::*;
use super::{accounts, attempt};

pub(super) use super::server::submit_instance;

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

pub(super) fn is_current(app: &mut App, id: TaskId) -> bool {
    if app.task.as_ref().is_some_and(|t| t.id == id) {
        app.task = None;
        true
    } else {
        false
    }
}

pub(super) fn notice(app: &mut App, kind: NoticeKind, text: String) {
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

pub(super) fn go(app: &mut App, screen: ScreenId) -> Vec<Effect> {
    app.screen = screen;
    if app.notice.as_ref().is_some_and(|n| n.kind != NoticeKind::Warning) {
        app.notice = None;
    }
    Vec::new()
}

pub(super) fn attempt(app: &App) -> Option<&Attempt> {
    app.flow.as_ref().and_then(|f| f.attempt.as_ref())
}

pub(super) fn cancel(app: &mut App) -> Vec<Effect> {
    let Some(task) = app.task.take() else { return Vec::new() };
    notice(app, NoticeKind::Info, format!("Cancelled: {}. Nothing you entered was lost.", task.what));
    vec![Effect::Cancel(task.id)]
}
