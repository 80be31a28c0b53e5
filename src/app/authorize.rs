//! The third screen: the registration, the authorize URL with its state and PKCE, the QR code,
//! and for the automatic mode the loopback listener's events and countdown.

use std::time::Instant;

use super::keys::Command;
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
pub(super) fn prepare(flow: &mut Flow, ctx: &mut Ctx, forget: Option<Box<Registration>>) -> Vec<Effect> {
    let cancel = stop_listening(flow);
    flow.attempt = None;
    flow.authorize_error = None;
    let (server, scopes, mode) = (Box::new(flow.server.clone()), flow.tree.selected(), flow.mode);
    let avoid = flow.refresh.as_ref().filter(|_| server.deletes_app_on_revoke()).map(|l| l.client_id.clone());
    let id = ctx.begin_task("task-registering");
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
    let mut left_the_step = false;
    let effects = app.with_login(|flow, ctx| {
        if flow.qr_open {
            flow.qr_open = false;
            return Vec::new();
        }
        left_the_step = true;
        let cancel = stop_listening(flow);
        if cancel.is_some() || flow.attempt.as_ref().is_some_and(|a| a.ended) {
            flow.attempt = None;
        }
        flow.step = Step::Scopes;
        ctx.notice = None;
        cancel.into_iter().collect()
    });
    // With --scopes there is no scopes screen to go back to.
    if left_the_step && preset_scopes {
        app.leave_login();
    }
    effects
}

/// `r`: a fresh attempt (new state, PKCE and listener) after a failure or a timeout.
pub(super) fn new_attempt(flow: &mut Flow, ctx: &mut Ctx) -> Vec<Effect> {
    let effects = prepare(flow, ctx, None);
    ctx.say_on(flow.screen_id(), NoticeKind::Info, tr!("attempt-new"));
    effects
}

/// `m`: switch between pasting the code and the loopback redirect; a new attempt follows. The
/// QR code stays up and shows the new attempt's URL once it is ready.
pub(super) fn switch_redirect(flow: &mut Flow, ctx: &mut Ctx) -> Vec<Effect> {
    flow.mode = flow.mode.other();
    prepare(flow, ctx, None)
}

/// `o` (or ctrl-o): open the URL; an attempt whose listener closed is replaced first, since its
/// URL leads the browser to a closed port.
pub(super) fn open(flow: &mut Flow, ctx: &mut Ctx) -> Vec<Effect> {
    match &flow.attempt {
        Some(a) if a.ended && flow.mode == RedirectMode::Loopback => {
            let effects = prepare(flow, ctx, None);
            flow.open_when_ready = true;
            ctx.say_on(flow.screen_id(), NoticeKind::Info, tr!("attempt-over"));
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
pub(super) fn registered(flow: &mut Flow, ctx: &mut Ctx, result: Result<Prepared, PrepareError>) -> Vec<Effect> {
    // A second account on a server that already has a login: without force_login the server
    // would silently approve the account already signed in in the browser.
    let known_server = ctx.accounts.has_server(&flow.server.address.origin(), flow.refresh.as_deref());
    let force_login = ctx.settings.force_login || known_server;
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
        let id = ctx.next_task_id();
        let server = flow.server.address.shown.clone();
        let timeout = ctx.settings.listen_timeout;
        effects.push(Effect::Listen { id, state: secrets.state.clone(), timeout, server });
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
        ctx.say_on(flow.screen_id(), NoticeKind::Warning, w);
    } else if force_login && !honours_force_login {
        ctx.say_on(flow.screen_id(), NoticeKind::Info, tr!("force-login-ignored"));
    }
    effects
}

/// Whether saving a new registration worked, for what the screen says about it. (A failure is
/// made good when the login is saved: the registration is saved with it.)
pub(super) fn registration_saved(flow: &mut Flow, client_id: &str, result: Result<(), String>) {
    let Some(attempt) = flow.attempt.as_mut().filter(|a| a.registration.client_id == client_id) else { return };
    if attempt.made == Made::JustNow {
        attempt.made = match result {
            Ok(()) => Made::JustNowSaved,
            Err(e) => Made::JustNowUnsaved(e),
        };
    }
}

/// The listener of this attempt, if `id` is it and it is still waiting.
fn current_listener(flow: &mut Flow, id: TaskId) -> Option<&mut Listening> {
    flow.attempt.as_mut()?.listening.as_mut().filter(|l| l.id == id)
}

pub(super) fn listening(flow: &mut Flow, id: TaskId, deadline: Instant) {
    if let Some(l) = current_listener(flow, id) {
        l.deadline = Some(deadline);
    }
}

/// What the browser brought back to the listener.
pub(super) fn loopback_event(flow: &mut Flow, ctx: &mut Ctx, id: TaskId, event: loopback::Event) -> Vec<Effect> {
    let screen = flow.screen_id();
    if event == loopback::Event::Late {
        if flow.attempt.as_ref().is_some_and(|a| a.lingering == Some(id)) {
            let again = super::keys::press(screen, super::keys::Command::Retry, "hint-new-attempt");
            ctx.say_on(screen, NoticeKind::Error, tr!("listener-late", hint = again));
        }
        return Vec::new();
    }
    if current_listener(flow, id).is_none() {
        return Vec::new();
    }
    let ends = matches!(event, loopback::Event::Code(_) | loopback::Event::Refused { .. });
    if ends && let Some(attempt) = flow.attempt.as_mut() {
        attempt.listening = None;
        attempt.ended = true;
    }
    match event {
        loopback::Event::Stray(_) | loopback::Event::Late => Vec::new(),
        loopback::Event::Silent => {
            ctx.say_on(screen, NoticeKind::Info, tr!("listener-silent"));
            Vec::new()
        }
        loopback::Event::WrongState => {
            ctx.say_on(screen, NoticeKind::Error, tr!("listener-wrong-state"));
            Vec::new()
        }
        loopback::Event::Refused { error, description } => {
            ctx.say_on(screen, NoticeKind::Error, messages::browser_refused(&error, description.as_deref(), screen));
            Vec::new()
        }
        loopback::Event::Code(code) => {
            // Said after the exchange starts, which clears the notices of the moment before.
            let effects = code::exchange(flow, ctx, code, false);
            ctx.say_on(screen, NoticeKind::Success, tr!("browser-returned-code"));
            effects
        }
    }
}

/// Each tick on a login: whether the listener has run out of time. (The spinner and the clock
/// are the dispatcher's.)
pub(super) fn tick(flow: &mut Flow, ctx: &mut Ctx, now: Instant) {
    let Some(attempt) = flow.attempt.as_mut() else { return };
    if attempt.listening.as_ref().and_then(|l| l.deadline).is_none_or(|deadline| now < deadline) {
        return;
    }
    // The listener stays up a while, so a late browser is told the attempt is over.
    attempt.lingering = attempt.listening.take().map(|l| l.id);
    attempt.ended = true;
    let screen = flow.screen_id();
    ctx.say_on(screen, NoticeKind::Error, messages::listener_timeout(screen));
}

/// What came of starting the browser.
pub(super) fn browser_opened(flow: &mut Flow, ctx: &mut Ctx, result: Result<(), String>) {
    let automatic = flow.mode == RedirectMode::Loopback;
    let waiting = flow.attempt.as_ref().is_some_and(|a| a.listening.is_some());
    let screen = flow.screen_id();
    match result {
        // The browser may answer before its launch settles: the news it brought stays.
        Ok(()) if automatic && !waiting => {}
        Ok(()) if automatic => ctx.say_on(screen, NoticeKind::Success, tr!("browser-opened-automatic")),
        Ok(()) => ctx.say_on(screen, NoticeKind::Success, tr!("browser-opened-paste")),
        Err(e) => ctx.say_on(screen, NoticeKind::Error, messages::browser_failed(&e, screen)),
    }
}

/// The server no longer knows the registration (deleted app, reset server): forget it, register
/// anew and show the new authorize URL. Nothing typed matters any more: the old code belonged
/// to the old registration.
pub(super) fn registration_rejected(flow: &mut Flow, ctx: &mut Ctx) -> Vec<Effect> {
    reregister(flow, ctx, tr!("registration-unknown"), NoticeKind::Error)
}

/// `R`: the person's way out when the server's authorize page says the app is unknown (an app
/// deleted on the server, or a server that was reset), which mastokey cannot see.
pub(super) fn reregister_requested(flow: &mut Flow, ctx: &mut Ctx) -> Vec<Effect> {
    reregister(flow, ctx, tr!("registration-forgotten"), NoticeKind::Info)
}

fn reregister(flow: &mut Flow, ctx: &mut Ctx, why: String, kind: NoticeKind) -> Vec<Effect> {
    let rejected = flow.attempt.as_ref().map(|a| Box::new(a.registration.clone()));
    flow.code = TextInput::default();
    flow.code_error = None;
    flow.step = Step::Authorize;
    flow.registered_now = None;
    let effects = prepare(flow, ctx, rejected);
    ctx.say_on(flow.screen_id(), kind, why);
    effects
}
