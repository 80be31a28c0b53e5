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
            app.with_profile(|profile, _| profile::scroll_limit(profile, limit));
            Vec::new()
        }
        Action::Tick(now) => {
            app.spinner = app.spinner.wrapping_add(1);
            app.now = Some(now);
            app.with_login(|flow, ctx| authorize::tick(flow, ctx, now));
            Vec::new()
        }
        Action::Listening(id, deadline) => {
            app.with_login(|flow, _| authorize::listening(flow, id, deadline));
            Vec::new()
        }
        Action::Loopback(id, event) => app.with_login(|flow, ctx| authorize::loopback_event(flow, ctx, id, event)),
        Action::Discovered(id, result) if app.finish(id) => instance::discovered(app, result),
        Action::DiscoveredForRefresh(id, login, result) if app.finish(id) => refresh::discovered(app, &login, result),
        Action::Registered(id, result) if app.finish(id) => {
            app.with_login(|flow, ctx| authorize::registered(flow, ctx, result))
        }
        Action::Exchanged(id, result) if app.finish(id) => code::exchanged(app, result),
        Action::Verified(id, result, at) if app.finish(id) => {
            app.with_profile(|profile, ctx| profile::verified(profile, ctx, result, at))
        }
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
            app.with_profile(|profile, _| profile::changed_elsewhere(profile));
            Vec::new()
        }
        Action::LoginsLoaded(result) => accounts::loaded(app, result),
        Action::DefaultMade(login, result) => accounts::default_made(app, &login, result),
        Action::RegistrationSaved(client_id, result) => {
            let result = result.map_err(|e| e.to_string());
            app.with_login(|flow, _| authorize::registration_saved(flow, &client_id, result));
            Vec::new()
        }
        Action::StoreWarning(text) => {
            app.say(NoticeKind::Warning, text);
            Vec::new()
        }
        Action::Copied(result) => {
            let text = match &result {
                Ok(method) => method.describe(),
                Err(e) => messages::copy_failed(e, app.screen_id(), app.has_key_for(Command::OpenBrowser)),
            };
            let worked =
                matches!(&result, Ok(method) if !matches!(method, crate::clipboard::CopyMethod::Osc52TmuxOff(_)));
            app.say(if worked { NoticeKind::Success } else { NoticeKind::Error }, text);
            Vec::new()
        }
        Action::AvatarLoaded(url, result) => {
            app.with_profile(|profile, _| profile::avatar_loaded(profile, &url, result));
            Vec::new()
        }
        Action::BrowserOpened(result) => {
            app.with_login(|flow, ctx| authorize::browser_opened(flow, ctx, result));
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
        ScreenId::Authorize | ScreenId::Code => app.with_login(|flow, ctx| {
            code::paste(flow, text);
            ctx.notice = None;
        }),
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
            app.with_login(|flow, _| scopes::click(flow, i));
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
        (ScreenId::Scopes, Command::Submit) => app.with_login(|flow, ctx| scopes::submit(flow, ctx, false)),
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
            app.with_login(|flow, ctx| {
                if scopes::command(flow, c) {
                    ctx.notice = None;
                }
            });
            Vec::new()
        }
        (ScreenId::Authorize, Command::Back) => authorize::back(app, preset_scopes),
        (ScreenId::Authorize, Command::Submit) => step(app, Step::Code),
        (ScreenId::Authorize, Command::ToggleQr) => {
            app.with_login(|flow, _| authorize::toggle_qr(flow));
            Vec::new()
        }
        (ScreenId::Authorize, Command::Reregister) => app.with_login(authorize::reregister_requested),
        (ScreenId::Code, Command::Back) => step(app, Step::Authorize),
        (ScreenId::Code, Command::Submit) => app.with_login(code::submit),
        (ScreenId::Authorize | ScreenId::Code, Command::CopyUrl) => app.flow().map(authorize::copy).unwrap_or_default(),
        (ScreenId::Authorize | ScreenId::Code, Command::OpenBrowser) => app.with_login(authorize::open),
        (ScreenId::Authorize | ScreenId::Code, Command::Retry) => app.with_login(authorize::new_attempt),
        (ScreenId::Authorize | ScreenId::Code, Command::SwitchRedirect) => app.with_login(authorize::switch_redirect),
        (ScreenId::Profile, Command::Accounts) => {
            app.go(Screen::Accounts);
            vec![Effect::LoadLogins]
        }
        (ScreenId::Profile, Command::NewLogin) => {
            instance::start_over(app);
            Vec::new()
        }
        (ScreenId::Profile, Command::RetrySave) => app.with_profile(|profile, _| profile::retry_save(profile)),
        (ScreenId::Profile, Command::Retry) => app.with_profile(profile::retry_verify),
        (ScreenId::Profile, Command::Up | Command::Down) => {
            app.with_profile(|profile, _| profile::scroll(profile, command == Command::Down));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Between the authorize and code steps of the same attempt.
fn step(app: &mut App, to: Step) -> Vec<Effect> {
    app.with_login(|flow, ctx| {
        flow.step = to;
        ctx.notice = None;
    });
    Vec::new()
}

/// A key while a dialog is open (the dialog was taken off; it stays closed unless put back).
fn on_overlay(app: &mut App, overlay: Overlay, command: Command) -> Vec<Effect> {
    match (overlay, command) {
        (Overlay::ConfirmUnadvertised(_), Command::Yes) => app.with_login(|flow, ctx| scopes::submit(flow, ctx, true)),
        (Overlay::AddIdentity(scope), Command::Yes) => {
            app.with_login(|flow, ctx| scopes::add_identity(flow, ctx, scope))
        }
        (Overlay::AddIdentity(_), Command::No) => {
            app.with_login(|flow, _| scopes::keep_choosing(flow));
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
