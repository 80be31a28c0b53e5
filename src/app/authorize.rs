//! The third screen: the registration, the authorize URL with its state and PKCE, the QR code,
//! and for the automatic mode the loopback listener's events and countdown.

use std::time::Instant;

use super::keys::Command;
use super::logins::AccountsList;
use super::*;
use crate::loopback;
use crate::mastodon::oauth::{self, AuthorizeRequest};
use crate::tr;

/// Which of the login's commands can act now, on its screens (the footer shows these).
pub(super) fn available(flow: &Flow, busy: bool, command: Command) -> bool {
    let attempt = flow.attempt.is_some();
    match (flow.step, command) {
        (Step::Authorize, Command::Submit | Command::CopyUrl | Command::ToggleQr) => attempt,
        (Step::Authorize | Step::Code, Command::OpenBrowser) => attempt,
        (Step::Code, Command::CopyUrl) => attempt,
        (Step::Authorize | Step::Code, Command::Retry | Command::SwitchRedirect | Command::Reregister) => !busy,
        _ => true,
    }
}

/// Ask the runner for a registration (and, for loopback, a listener) for the chosen scopes;
/// `forget` is a saved registration the server refused, removed first so a new one is made.
pub(super) fn prepare(app: &mut App, forget: Option<Box<Registration>>) -> Vec<Effect> {
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    let cancel = stop_listening(flow);
    flow.attempt = None;
    flow.authorize_error = None;
    let (server, scopes, mode) = (Box::new(flow.server.clone()), flow.tree.selected(), flow.mode);
    let avoid = flow.refresh.as_ref().filter(|_| server.deletes_app_on_revoke()).map(|l| l.client_id.clone());
    let id = app.begin_task("task-registering");
    cancel.into_iter().chain([Effect::Prepare { id, server, mode, scopes, forget, avoid }]).collect()
}

/// Forget the listener of the current attempt (waiting or lingering); the effect closes its
/// port.
pub(super) fn stop_listening(flow: &mut Flow) -> Option<Effect> {
    let attempt = flow.attempt.as_mut()?;
    let id = attempt.listening.take().map(|l| l.id).or(attempt.lingering.take())?;
    attempt.ended = true;
    Some(Effect::Cancel(id))
}

/// Leaving the authorize step backwards: the listener closes (nobody is waiting for the browser
/// any more), and a loopback attempt is dropped with it, since its URL now points at a closed
/// port. Coming back prepares a new one, from the saved registration, with no request.
pub(super) fn back(app: &mut App, preset_scopes: bool) -> Vec<Effect> {
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    if flow.qr_open {
        flow.qr_open = false;
        return Vec::new();
    }
    let cancel = stop_listening(flow);
    if cancel.is_some() || flow.attempt.as_ref().is_some_and(|a| a.ended) {
        flow.attempt = None;
    }
    flow.step = Step::Scopes;
    app.notice = None;
    // With --scopes there is no scopes screen to go back to.
    if preset_scopes {
        app.leave_login();
    }
    cancel.into_iter().collect()
}

/// `r`: a fresh attempt (new state, PKCE and listener) after a failure or a timeout.
pub(super) fn new_attempt(app: &mut App) -> Vec<Effect> {
    let effects = prepare(app, None);
    app.say(NoticeKind::Info, tr!("attempt-new"));
    effects
}

/// `m`: switch between pasting the code and the loopback redirect; a new attempt follows. The
/// QR code stays up and shows the new attempt's URL once it is ready.
pub(super) fn switch_redirect(app: &mut App) -> Vec<Effect> {
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    flow.mode = flow.mode.other();
    prepare(app, None)
}

/// `o` (or ctrl-o): open the URL; an attempt whose listener closed is replaced first, since its
/// URL leads the browser to a closed port.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let Screen::Login(flow) = &app.screen else { return Vec::new() };
    match &flow.attempt {
        Some(a) if a.ended && flow.mode == RedirectMode::Loopback => {
            let effects = prepare(app, None);
            if let Screen::Login(flow) = &mut app.screen {
                flow.open_when_ready = true;
            }
            app.say(NoticeKind::Info, tr!("attempt-over"));
            effects
        }
        Some(a) => vec![Effect::OpenBrowser(a.url.clone())],
        None => Vec::new(),
    }
}

pub(super) fn copy(flow: &Flow) -> Vec<Effect> {
    flow.attempt.iter().map(|a| Effect::Copy(Secret::new(a.url.clone()))).collect()
}

pub(super) fn toggle_qr(flow: &mut Flow) {
    flow.qr_open = !flow.qr_open;
    if let Some(attempt) = flow.attempt.as_mut().filter(|a| a.qr.is_none()) {
        attempt.qr = QrMatrix::new(&attempt.url);
    }
}

/// The registration is ready: build the URL (and start the listener, for loopback).
pub(super) fn registered(app: &mut App, result: Result<Prepared, PrepareError>) -> Vec<Effect> {
    let listen_timeout = app.settings.listen_timeout;
    let force_login = app.settings.force_login;
    let known_server =
        |flow: &Flow, app: &AccountsList| app.has_server(&flow.server.address.origin(), flow.refresh.as_deref());
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    // A second account on a server that already has a login: without force_login the server
    // would silently approve the account already signed in in the browser.
    let force_login = force_login || known_server(flow, &app.accounts);
    let honours_force_login = flow.server.honours_force_login();
    let prepared = match result {
        Ok(p) => p,
        Err(e) => {
            flow.open_when_ready = false;
            flow.authorize_error = Some(match e {
                PrepareError::Api(e) => messages::registration(&e),
                PrepareError::Listener(e) => messages::listener(&e),
            });
            return Vec::new();
        }
    };
    let scopes = flow.tree.selected();
    let secrets = prepared.secrets;
    let pkce = flow.server.supports_pkce().then_some(secrets.pkce);
    let url = oauth::authorize_url(
        &flow.server.authorize_endpoint(),
        &AuthorizeRequest {
            client_id: &prepared.registration.client_id,
            redirect_uri: &prepared.redirect_uri,
            scopes: &scopes,
            state: &secrets.state,
            code_challenge: pkce.as_ref().map(|p| p.challenge.as_str()),
            force_login,
        },
    );
    let mut effects = Vec::new();
    let made = if prepared.reused {
        match &flow.registered_now {
            Some(id) if *id == prepared.registration.client_id => Made::JustNowSaved,
            _ => Made::Saved(prepared.registration.created_at.clone()),
        }
    } else {
        flow.registered_now = Some(prepared.registration.client_id.clone());
        effects.push(Effect::SaveRegistration(prepared.registration.clone()));
        Made::JustNow
    };
    let listening = (flow.mode == RedirectMode::Loopback).then(|| {
        let id = app.next_task;
        app.next_task += 1;
        let server = flow.server.address.shown.clone();
        effects.push(Effect::Listen { id, state: secrets.state.clone(), timeout: listen_timeout, server });
        Listening { id, deadline: None }
    });
    let url = url.to_string();
    if std::mem::take(&mut flow.open_when_ready) {
        effects.push(Effect::OpenBrowser(url.clone()));
    }
    flow.attempt = Some(Attempt {
        qr: flow.qr_open.then(|| QrMatrix::new(&url)).flatten(),
        registration: prepared.registration,
        made,
        url,
        state: secrets.state,
        code_verifier: pkce.map(|p| p.verifier),
        scopes,
        redirect_uri: prepared.redirect_uri,
        listening,
        lingering: None,
        ended: false,
    });
    if let Some(w) = prepared.store_warning {
        app.say(NoticeKind::Warning, w);
    } else if force_login && !honours_force_login {
        app.say(NoticeKind::Info, tr!("force-login-ignored"));
    }
    effects
}

/// Whether saving a new registration worked, for what the screen says about it. (A failure is
/// made good when the login is saved: the registration is saved with it.)
pub(super) fn registration_saved(app: &mut App, client_id: &str, result: Result<(), String>) {
    let Screen::Login(flow) = &mut app.screen else { return };
    let Some(attempt) = flow.attempt.as_mut().filter(|a| a.registration.client_id == client_id) else { return };
    if attempt.made == Made::JustNow {
        attempt.made = match result {
            Ok(()) => Made::JustNowSaved,
            Err(e) => Made::JustNowUnsaved(e),
        };
    }
}

fn current_listener(app: &mut App, id: TaskId) -> Option<&mut Listening> {
    let Screen::Login(flow) = &mut app.screen else { return None };
    flow.attempt.as_mut()?.listening.as_mut().filter(|l| l.id == id)
}

pub(super) fn listening(app: &mut App, id: TaskId, deadline: Instant) -> Vec<Effect> {
    if let Some(l) = current_listener(app, id) {
        l.deadline = Some(deadline);
    }
    Vec::new()
}

/// What the browser brought back to the listener.
pub(super) fn loopback_event(app: &mut App, id: TaskId, event: loopback::Event) -> Vec<Effect> {
    if event == loopback::Event::Late {
        let lingering = app.flow().and_then(|f| f.attempt.as_ref()).is_some_and(|a| a.lingering == Some(id));
        if lingering {
            let again = super::keys::press(app.screen_id(), super::keys::Command::Retry, "hint-new-attempt");
            app.say(NoticeKind::Error, tr!("listener-late", hint = again));
        }
        return Vec::new();
    }
    if current_listener(app, id).is_none() {
        return Vec::new();
    }
    let ends = matches!(event, loopback::Event::Code(_) | loopback::Event::Refused { .. });
    if ends
        && let Screen::Login(flow) = &mut app.screen
        && let Some(attempt) = flow.attempt.as_mut()
    {
        attempt.listening = None;
        attempt.ended = true;
    }
    match event {
        loopback::Event::Stray(_) | loopback::Event::Late => Vec::new(),
        loopback::Event::Silent => {
            app.say(NoticeKind::Info, tr!("listener-silent"));
            Vec::new()
        }
        loopback::Event::WrongState => {
            app.say(NoticeKind::Error, tr!("listener-wrong-state"));
            Vec::new()
        }
        loopback::Event::Refused { error, description } => {
            app.say(NoticeKind::Error, messages::browser_refused(&error, description.as_deref(), app.screen_id()));
            Vec::new()
        }
        loopback::Event::Code(code) => {
            // Said after the exchange starts, which clears the notices of the moment before.
            let effects = app.exchange(code, false);
            app.say(NoticeKind::Success, tr!("browser-returned-code"));
            effects
        }
    }
}

/// Each tick: the spinner's frame, the clock, and whether the listener has run out of time.
pub(super) fn tick(app: &mut App, now: Instant) -> Vec<Effect> {
    app.spinner = app.spinner.wrapping_add(1);
    app.now = Some(now);
    let expired = app.listening().and_then(|l| l.deadline).is_some_and(|deadline| now >= deadline);
    if !expired {
        return Vec::new();
    }
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    // The listener stays up a while, so a late browser is told the attempt is over.
    if let Some(attempt) = flow.attempt.as_mut() {
        attempt.lingering = attempt.listening.take().map(|l| l.id);
        attempt.ended = true;
    }
    let screen = app.screen_id();
    app.say(NoticeKind::Error, messages::listener_timeout(screen));
    Vec::new()
}

/// What came of starting the browser.
pub(super) fn browser_opened(app: &mut App, result: Result<(), String>) {
    let Screen::Login(flow) = &app.screen else { return };
    let automatic = flow.mode == RedirectMode::Loopback;
    let screen = app.screen_id();
    match result {
        // The browser may answer before its launch settles: the news it brought stays.
        Ok(()) if automatic && app.listening().is_none() => {}
        Ok(()) if automatic => app.say(NoticeKind::Success, tr!("browser-opened-automatic")),
        Ok(()) => app.say(NoticeKind::Success, tr!("browser-opened-paste")),
        Err(e) => app.say(NoticeKind::Error, messages::browser_failed(&e, screen)),
    }
}

/// The server no longer knows the registration (deleted app, reset server): forget it, register
/// anew and show the new authorize URL. Nothing typed matters any more: the old code belonged
/// to the old registration.
pub(super) fn registration_rejected(app: &mut App) -> Vec<Effect> {
    reregister(app, tr!("registration-unknown"), NoticeKind::Error)
}

/// `R`: the person's way out when the server's authorize page says the app is unknown (an app
/// deleted on the server, or a server that was reset), which mastokey cannot see.
pub(super) fn reregister_requested(app: &mut App) -> Vec<Effect> {
    reregister(app, tr!("registration-forgotten"), NoticeKind::Info)
}

fn reregister(app: &mut App, why: String, kind: NoticeKind) -> Vec<Effect> {
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    let rejected = flow.attempt.as_ref().map(|a| Box::new(a.registration.clone()));
    flow.code = TextInput::default();
    flow.code_error = None;
    flow.step = Step::Authorize;
    flow.registered_now = None;
    let effects = prepare(app, rejected);
    app.say(kind, why);
    effects
}
