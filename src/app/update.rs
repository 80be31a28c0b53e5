//! `update`: the dispatcher. Keys become commands through the screen's key table, and each
//! command or result goes to the screen module it belongs to. Pure: returns effects, no I/O.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{self, Command};
use super::*;
use crate::tr;

/// [`update`] for what the event loop got, and whether the screen must be drawn again: input
/// that changed nothing (a key no screen binds, a click beside every target) starts no work and
/// leaves the state as it was, so the frame already on screen is still right.
pub fn handle(app: &mut App, action: Action) -> (Vec<Effect>, bool) {
    let input = matches!(action, Action::Key(_) | Action::Paste(_) | Action::Click(_) | Action::Scroll(_));
    let before = input.then(|| app.clone());
    let effects = update(app, action);
    let redraw = !effects.is_empty() || before.is_none_or(|before| before != *app);
    (effects, redraw)
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => on_key(app, key),
        Action::Paste(text) => on_paste(app, &text),
        Action::Click(target) => on_click(app, target),
        Action::Scroll(delta) => on_command(app, if delta < 0 { Command::Up } else { Command::Down }),
        Action::Resize => Vec::new(),
        Action::ProfileScrollLimit(limit) => {
            profile::scroll_limit(app, limit);
            Vec::new()
        }
        Action::Tick(now) => authorize::tick(app, now),
        Action::Listening(id, deadline) => authorize::listening(app, id, deadline),
        Action::Loopback(id, event) => authorize::loopback_event(app, id, event),
        Action::Discovered(id, result) if app.finish(id) => instance::discovered(app, result),
        Action::DiscoveredForRefresh(id, login, result) if app.finish(id) => refresh::discovered(app, &login, result),
        Action::Registered(id, result) if app.finish(id) => authorize::registered(app, result),
        Action::Exchanged(id, result) if app.finish(id) => code::exchanged(app, result),
        Action::Verified(id, result, at) if app.finish(id) => profile::verified(app, result, at),
        Action::Rechecked(id, login, result, at) if app.finish(id) => accounts::rechecked(app, &login, result, at),
        Action::Revoked(id, login, result) if app.finish(id) => accounts::revoked(app, &login, result),
        Action::ReplacedRevoked(id, login, result) if app.finish(id) => refresh::old_revoked(app, &login, result),
        // Results of cancelled or superseded requests.
        Action::Discovered(..)
        | Action::DiscoveredForRefresh(..)
        | Action::ReplacedRevoked(..)
        | Action::Registered(..)
        | Action::Exchanged(..)
        | Action::Verified(..)
        | Action::Rechecked(..)
        | Action::Revoked(..) => Vec::new(),
        Action::Forgotten(login, result) => accounts::forgotten(app, &login, result),
        Action::LoginSaved(login, result) => profile::saved(app, *login, result),
        Action::LoginReplaced(result) => refresh::replaced(app, result),
        Action::LoginChangedElsewhere => {
            profile::changed_elsewhere(app);
            Vec::new()
        }
        Action::LoginsLoaded(result) => accounts::loaded(app, result),
        Action::DefaultMade(login, result) => accounts::default_made(app, &login, result),
        Action::RegistrationSaved(client_id, result) => {
            authorize::registration_saved(app, &client_id, result.map_err(|e| e.to_string()));
            Vec::new()
        }
        Action::StoreWarning(text) => {
            app.say(NoticeKind::Warning, text);
            Vec::new()
        }
        Action::Copied(result) => {
            let text = match &result {
                Ok(method) => method.describe(),
                Err(e) => messages::copy_failed(e, app.screen_id(), app.settings.browser),
            };
            let worked =
                matches!(&result, Ok(method) if !matches!(method, crate::clipboard::CopyMethod::Osc52TmuxOff(_)));
            app.say(if worked { NoticeKind::Success } else { NoticeKind::Error }, text);
            Vec::new()
        }
        Action::AvatarLoaded(url, result) => {
            profile::avatar_loaded(app, &url, result);
            Vec::new()
        }
        Action::BrowserOpened(result) => {
            authorize::browser_opened(app, result);
            Vec::new()
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if app.notice.as_ref().is_some_and(|n| n.kind == NoticeKind::Warning) {
        app.notice = None;
    }
    if let Some(command) = keys::lookup(keys::active(app), key) {
        return on_command(app, command);
    }
    // Any other character types into the focused text box.
    let typed = match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) && app.overlay.is_none() => c,
        _ => return Vec::new(),
    };
    type_into(app, |input| input.insert(typed.encode_utf8(&mut [0; 4])));
    Vec::new()
}

/// Change the text box of the screen showing (the server, or the code); its error goes.
fn type_into(app: &mut App, change: impl FnOnce(&mut TextInput)) {
    match &mut app.screen {
        Screen::Instance => {
            change(&mut app.instance.input);
            app.instance.error = None;
        }
        Screen::Login(flow) if flow.step == Step::Code => {
            change(&mut flow.code);
            flow.code_error = None;
        }
        _ => {}
    }
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.screen_id() {
        ScreenId::Instance => type_into(app, |input| input.insert(text.trim())),
        ScreenId::Authorize | ScreenId::Code => {
            if let Screen::Login(flow) = &mut app.screen {
                code::paste(flow, text);
                app.notice = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

fn on_click(app: &mut App, target: Target) -> Vec<Effect> {
    if let Target::Command(c) = target {
        return on_command(app, c);
    }
    if app.overlay.is_some() {
        return Vec::new();
    }
    match (app.screen_id(), target) {
        (ScreenId::Accounts, Target::AccountRow(i)) => accounts::click(app, i),
        (ScreenId::Scopes, Target::ScopeRow(i)) => {
            if let Screen::Login(flow) = &mut app.screen {
                scopes::click(flow, i);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn on_command(app: &mut App, command: Command) -> Vec<Effect> {
    if !app.available(command) {
        return Vec::new();
    }
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Help => {
            app.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        _ => {}
    }
    if let Some(overlay) = app.overlay.take() {
        return on_overlay(app, overlay, command);
    }
    if command == Command::Back && app.task.is_some() {
        return cancel(app);
    }
    // With --scopes there is no scopes screen, except in a refresh (it is where its scopes change).
    let preset_scopes = app.settings.preset_scopes.is_some() && app.flow().is_none_or(|f| f.refresh.is_none());
    match (app.screen_id(), command) {
        (ScreenId::Accounts, c) => accounts::command(app, c),
        (ScreenId::Instance, Command::Submit) => instance::submit(app),
        (ScreenId::Instance, Command::Back) => instance::back(app),
        (ScreenId::Instance | ScreenId::Code, Command::Edit(edit)) => {
            type_into(app, |input| input.apply(edit));
            Vec::new()
        }
        (ScreenId::Scopes, Command::Submit) => scopes::submit(app, false),
        // A refresh started on the accounts screen goes back there, leaving the login as it was.
        (ScreenId::Scopes, Command::Back) if app.flow().is_some_and(|f| f.refresh.is_some()) => {
            app.go(Screen::Accounts);
            vec![Effect::LoadLogins]
        }
        (ScreenId::Scopes, Command::Back) => {
            app.leave_login();
            Vec::new()
        }
        (ScreenId::Scopes, c) => {
            if let Screen::Login(flow) = &mut app.screen
                && scopes::command(flow, c)
            {
                app.notice = None;
            }
            Vec::new()
        }
        (ScreenId::Authorize, Command::Back) => authorize::back(app, preset_scopes),
        (ScreenId::Authorize, Command::Submit) => step(app, Step::Code),
        (ScreenId::Authorize, Command::ToggleQr) => {
            if let Screen::Login(flow) = &mut app.screen {
                authorize::toggle_qr(flow);
            }
            Vec::new()
        }
        (ScreenId::Authorize, Command::Reregister) => authorize::reregister_requested(app),
        (ScreenId::Code, Command::Back) => step(app, Step::Authorize),
        (ScreenId::Code, Command::Submit) => code::submit(app),
        (ScreenId::Authorize | ScreenId::Code, Command::CopyUrl) => app.flow().map(authorize::copy).unwrap_or_default(),
        (ScreenId::Authorize | ScreenId::Code, Command::OpenBrowser) => authorize::open(app),
        (ScreenId::Authorize | ScreenId::Code, Command::Retry) => authorize::new_attempt(app),
        (ScreenId::Authorize | ScreenId::Code, Command::SwitchRedirect) => authorize::switch_redirect(app),
        (ScreenId::Profile, Command::Accounts) => {
            app.go(Screen::Accounts);
            vec![Effect::LoadLogins]
        }
        (ScreenId::Profile, Command::NewLogin) => {
            instance::start_over(app);
            Vec::new()
        }
        (ScreenId::Profile, Command::RetrySave) => profile::retry_save(app),
        (ScreenId::Profile, Command::Retry) => profile::retry_verify(app),
        (ScreenId::Profile, Command::Up | Command::Down) => {
            if let Screen::Profile(p) = &mut app.screen {
                profile::scroll(p, command == Command::Down);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Between the authorize and code steps of the same attempt.
fn step(app: &mut App, to: Step) -> Vec<Effect> {
    if let Screen::Login(flow) = &mut app.screen {
        flow.step = to;
        app.notice = None;
    }
    Vec::new()
}

/// A key while a dialog is open (the dialog was taken off; it stays closed unless put back).
fn on_overlay(app: &mut App, overlay: Overlay, command: Command) -> Vec<Effect> {
    match (overlay, command) {
        (Overlay::ConfirmUnadvertised(_), Command::Yes) => scopes::submit(app, true),
        (Overlay::AddIdentity(scope), Command::Yes) => scopes::add_identity(app, scope),
        (Overlay::AddIdentity(_), Command::No) => {
            if let Screen::Login(flow) = &mut app.screen {
                scopes::keep_choosing(flow);
            }
            Vec::new()
        }
        (Overlay::Confirm(confirm), Command::Yes) => accounts::confirmed(app, confirm),
        (Overlay::Help, Command::Back) | (_, Command::No) => Vec::new(),
        (overlay, _) => {
            app.overlay = Some(overlay);
            Vec::new()
        }
    }
}

fn cancel(app: &mut App) -> Vec<Effect> {
    let Some(task) = app.task.take() else { return Vec::new() };
    app.say(NoticeKind::Info, tr!("task-cancelled", what = crate::i18n::text(task.what)));
    vec![Effect::Cancel(task.id)]
}
