//! The authorize attempt: registration, the URL with state and PKCE, the loopback listener's
//! events and countdown, and exchanging the code (typed or received).

use std::time::Instant;

use super::*;
use crate::loopback;
use crate::mastodon::oauth::{self, AuthorizeRequest, TokenResponse};
use crate::mastodon::pkce;

/// Ask the runner for a registration (and, for loopback, a listener) for the chosen scopes.
pub(super) fn prepare(app: &mut App) -> Vec<Effect> {
    prepare_forgetting(app, None)
}

/// The same, after forgetting a registration the server no longer knows.
fn prepare_forgetting(app: &mut App, forget: Option<Box<Registration>>) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let cancel = stop_listening(flow);
    flow.attempt = None;
    flow.qr = None;
    flow.authorize_error = None;
    let (server, scopes, mode) = (Box::new(flow.server.clone()), flow.tree.selected(), flow.mode);
    let id = app.begin_task("registering mastokey with the server");
    cancel.into_iter().chain([Effect::Prepare { id, server, mode, scopes, forget }]).collect()
}

/// Forget the listener of the current attempt; the effect closes its port.
pub(super) fn stop_listening(flow: &mut Flow) -> Option<Effect> {
    let listening = flow.attempt.as_mut()?.listening.take()?;
    Some(Effect::Cancel(listening.id))
}

/// Leaving the authorize step backwards: the listener closes (nobody is waiting for the browser
/// any more), and a loopback attempt is dropped with it, since its URL now points at a closed
/// port. Coming back prepares a new one, from the saved registration, with no request.
pub(super) fn leave(app: &mut App) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let cancel = stop_listening(flow);
    if cancel.is_some() {
        flow.attempt = None;
        flow.qr = None;
    }
    cancel.into_iter().collect()
}

/// `r`: a fresh attempt (new state, PKCE and listener) after a failure or a timeout.
pub(super) fn new_attempt(app: &mut App) -> Vec<Effect> {
    if app.busy() || app.flow.is_none() {
        return Vec::new();
    }
    app.notice = None;
    prepare(app)
}

/// `m`: switch between pasting the code and the loopback redirect; a new attempt follows.
pub(super) fn switch_redirect(app: &mut App) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    if app.task.is_some() {
        return Vec::new();
    }
    flow.mode = flow.mode.other();
    prepare(app)
}

pub(super) fn registered(app: &mut App, result: Result<Prepared, PrepareError>) -> Vec<Effect> {
    let listen_timeout = app.settings.listen_timeout;
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    // A second account on a server that already has a login: without force_login the server
    // would silently approve the account already signed in in the browser.
    let force_login = app.settings.force_login || app.accounts.has_server(&flow.server.address.origin());
    let prepared = match result {
        Ok(p) => p,
        Err(PrepareError::Api(e)) => {
            flow.authorize_error = Some(messages::registration(&e));
            return Vec::new();
        }
        Err(PrepareError::Listener(e)) => {
            flow.authorize_error =
                Some(format!("mastokey could not listen on 127.0.0.1 ({e}). Press m to paste the code instead."));
            return Vec::new();
        }
    };
    let scopes = flow.tree.selected();
    let state = pkce::new_state();
    let pkce = flow.server.supports_pkce().then(pkce::Pkce::generate);
    let url = oauth::authorize_url(
        &flow.server.authorize_endpoint(),
        &AuthorizeRequest {
            client_id: &prepared.registration.client_id,
            redirect_uri: &prepared.redirect_uri,
            scopes: &scopes,
            state: &state,
            code_challenge: pkce.as_ref().map(|p| p.challenge.as_str()),
            force_login,
        },
    );
    let mut effects = Vec::new();
    if !prepared.reused {
        effects.push(Effect::SaveRegistration(prepared.registration.clone()));
    }
    let listening = (flow.mode == RedirectMode::Loopback).then(|| {
        let id = app.next_task_id();
        effects.push(Effect::Listen { id, state: state.clone(), timeout: listen_timeout });
        Listening { id, deadline: None }
    });
    let Some(flow) = app.flow.as_mut() else { return effects };
    flow.attempt = Some(Attempt {
        registration: prepared.registration,
        reused: prepared.reused,
        url: url.to_string(),
        state,
        code_verifier: pkce.map(|p| p.verifier),
        scopes,
        redirect_uri: prepared.redirect_uri,
        listening,
    });
    if let Some(w) = prepared.store_warning {
        app.notice = Some(Notice { text: w, kind: NoticeKind::Warning });
    }
    effects
}

fn current_listener(app: &mut App, id: TaskId) -> Option<&mut Listening> {
    let listening = app.flow.as_mut()?.attempt.as_mut()?.listening.as_mut()?;
    (listening.id == id).then_some(listening)
}

pub(super) fn listening(app: &mut App, id: TaskId, deadline: Instant) -> Vec<Effect> {
    if let Some(l) = current_listener(app, id) {
        l.deadline = Some(deadline);
    }
    Vec::new()
}

/// What the browser brought back to the listener.
pub(super) fn loopback_event(app: &mut App, id: TaskId, event: loopback::Event) -> Vec<Effect> {
    if current_listener(app, id).is_none() {
        return Vec::new();
    }
    let say = |app: &mut App, kind, text: &str| app.notice = Some(Notice { text: text.to_owned(), kind });
    match event {
        loopback::Event::Stray(_) => Vec::new(),
        loopback::Event::Silent => {
            say(
                app,
                NoticeKind::Info,
                "A connection to mastokey's listener sent nothing and was closed. Still waiting for the browser.",
            );
            Vec::new()
        }
        loopback::Event::WrongState => {
            say(
                app,
                NoticeKind::Error,
                "A browser returned a login that is not this attempt's (state mismatch); it was refused and nothing was used. Still waiting.",
            );
            Vec::new()
        }
        loopback::Event::Refused { error, description } => {
            if let Some(flow) = app.flow.as_mut()
                && let Some(a) = flow.attempt.as_mut()
            {
                a.listening = None;
            }
            let text = if error == "access_denied" {
                "You denied access in the browser, so no token was made. Press r to start again.".to_owned()
            } else {
                format!("The server sent no code ({}). Press r to start again.", description.unwrap_or(error))
            };
            say(app, NoticeKind::Error, &text);
            Vec::new()
        }
        loopback::Event::Code(code) => {
            if let Some(flow) = app.flow.as_mut()
                && let Some(a) = flow.attempt.as_mut()
            {
                a.listening = None;
            }
            app.notice = Some(Notice { text: "The browser returned the code.".into(), kind: NoticeKind::Success });
            exchange(app, code)
        }
    }
}

/// Each tick: has the listener run out of time?
pub(super) fn check_timeout(app: &mut App) -> Vec<Effect> {
    let expired = app.listen_seconds_left() == Some(0);
    let Some(flow) = app.flow.as_mut().filter(|_| expired) else { return Vec::new() };
    let cancel = stop_listening(flow);
    app.notice = Some(Notice {
        text: "No answer from the browser in time, so mastokey stopped listening. Press r to start a new attempt, or m to paste the code instead.".into(),
        kind: NoticeKind::Error,
    });
    cancel.into_iter().collect()
}

/// Enter in the code box.
pub(super) fn submit_code(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let code = flow.code.value().trim().to_owned();
    if code.is_empty() {
        flow.code_error = Some("Paste the code the server showed after you approved mastokey.".into());
        return Vec::new();
    }
    exchange(app, Secret::new(code))
}

fn exchange(app: &mut App, code: Secret) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let Some(attempt) = flow.attempt.as_ref() else { return Vec::new() };
    let request = Box::new(ExchangeRequest {
        token_endpoint: flow.server.token_endpoint(),
        registration: attempt.registration.clone(),
        code,
        redirect_uri: attempt.redirect_uri.clone(),
        code_verifier: attempt.code_verifier.clone(),
        scopes: attempt.scopes.clone(),
    });
    flow.code_error = None;
    let id = app.begin_task("exchanging the code for a token");
    vec![Effect::Exchange { id, request }]
}

pub(super) fn exchanged(app: &mut App, result: Result<TokenResponse, ApiError>) -> Option<PendingToken> {
    let flow = app.flow.as_mut()?;
    match result {
        Ok(token) => {
            let requested = flow.attempt.as_ref().map(|a| a.scopes.clone()).unwrap_or_default();
            let granted = token.granted(&requested);
            Some(PendingToken { token: token.access_token, granted })
        }
        Err(e) => {
            flow.code_error = Some(messages::exchange(&e, flow.mode));
            app.screen = ScreenId::Code;
            None
        }
    }
}

/// The server no longer knows the registration (deleted app, reset server): forget it, register
/// anew and show the new authorize URL. Nothing the person typed matters any more: the old code
/// belonged to the old registration.
pub(super) fn registration_rejected(app: &mut App) -> Vec<Effect> {
    reregister(
        app,
        "The server no longer knows mastokey's registration (invalid_client), so mastokey forgot it and is registering again. Then open the new URL and approve once more.",
        NoticeKind::Error,
    )
}

/// `R`: the person's way out when the server's authorize page says the app is unknown (an app
/// deleted on the server, or a server that was reset), which mastokey cannot see.
pub(super) fn reregister_requested(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    reregister(app, "Forgot the saved registration; registering mastokey anew.", NoticeKind::Info)
}

fn reregister(app: &mut App, why: &str, kind: NoticeKind) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let rejected = flow.attempt.as_ref().map(|a| Box::new(a.registration.clone()));
    flow.code = TextInput::default();
    flow.code_error = None;
    app.screen = ScreenId::Authorize;
    app.notice = Some(Notice { text: why.to_owned(), kind });
    prepare_forgetting(app, rejected)
}
