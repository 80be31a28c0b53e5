//! The fourth screen: the code box, and exchanging a code (typed or brought by the browser) for
//! a token.

use super::*;
use crate::mastodon::ApiError;
use crate::mastodon::oauth::TokenResponse;
use crate::mastodon::paste;

/// Enter in the code box.
pub(super) fn submit(flow: &mut Flow, ctx: &mut Ctx) -> Vec<Effect> {
    if ctx.busy() {
        return Vec::new();
    }
    let Some(attempt) = flow.attempt.as_ref() else { return Vec::new() };
    // What people paste: the bare code, `code&state=…`, a whole redirect URL. A state that
    // comes with it must be this attempt's, checked here before anything is sent.
    match paste::check(paste::parse(flow.code.value()), &attempt.state) {
        Ok(code) => exchange(flow, ctx, code, true),
        Err(refusal) => {
            flow.code_error = Some(messages::paste_refused(&refusal, flow.mode, ctx.has_key_for(Command::OpenBrowser)));
            Vec::new()
        }
    }
}

/// Send a code to the token endpoint with everything the attempt's authorize request used;
/// `pasted` when it came from the code box (not the listener).
pub(super) fn exchange(flow: &mut Flow, ctx: &mut Ctx, code: Secret, pasted: bool) -> Vec<Effect> {
    flow.code_pasted = pasted;
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
    let id = ctx.begin_task("task-exchanging");
    vec![Effect::Exchange { id, request }]
}

/// Pasted text goes into the code box (from the authorize screen too: people often paste the
/// code without pressing Enter first). A code the server refused is of no more use: the new
/// one replaces it.
pub(super) fn paste(flow: &mut Flow, text: &str) {
    if flow.attempt.is_none() {
        return;
    }
    if flow.code_error.take().is_some() {
        flow.code = TextInput::default();
    }
    flow.code.insert(text.trim());
    flow.step = Step::Code;
}

/// The token endpoint's answer: on to the profile, or the code box with what went wrong.
/// However the code came (pasted or through the listener), a token ends the attempt: the
/// listener closes, so a late browser redirect or its countdown cannot reach the finished login.
pub(super) fn exchanged(app: &mut App, result: Result<TokenResponse, ApiError>) -> Vec<Effect> {
    match result {
        // `invalid_client`, or snac's empty 401: the server forgot the app.
        Err(e) if e.is_unknown_client() => app.with_login(authorize::registration_rejected),
        Err(e) => app.with_login(|flow, ctx| {
            let how = messages::Exchanged {
                mode: flow.mode,
                browser: ctx.has_key_for(Command::OpenBrowser),
                kind: flow.server.kind,
                pasted: flow.code_pasted,
            };
            flow.code_error = Some(messages::exchange(&e, &how));
            flow.step = Step::Code;
            Vec::new()
        }),
        Ok(token) => {
            let screen = std::mem::replace(&mut app.screen, Screen::Instance);
            let Screen::Login(mut flow) = screen else {
                app.screen = screen;
                return Vec::new();
            };
            let close = authorize::stop_listening(&mut flow);
            close.into_iter().chain(profile::new_login(app, *flow, token)).collect()
        }
    }
}
