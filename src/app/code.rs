//! The fourth screen: the code box, and exchanging a code (typed or brought by the browser) for
//! a token.

use super::*;
use crate::mastodon::ApiError;
use crate::mastodon::oauth::TokenResponse;
use crate::mastodon::paste;

/// Enter in the code box.
pub(super) fn submit(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    let browser = app.settings.browser;
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    let Some(attempt) = flow.attempt.as_ref() else { return Vec::new() };
    // What people paste: the bare code, `code&state=…`, a whole redirect URL. A state that
    // comes with it must be this attempt's, checked here before anything is sent.
    match paste::check(paste::parse(flow.code.value()), &attempt.state) {
        Ok(code) => app.exchange(code, true),
        Err(refusal) => {
            flow.code_error = Some(messages::paste_refused(&refusal, flow.mode, browser));
            Vec::new()
        }
    }
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
    // `invalid_client`, or snac's empty 401: the server forgot the app.
    if result.as_ref().is_err_and(ApiError::is_unknown_client) {
        return authorize::registration_rejected(app);
    }
    let browser = app.settings.browser;
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    match result {
        Ok(token) => {
            let close = authorize::stop_listening(flow);
            let screen = std::mem::replace(&mut app.screen, Screen::Instance);
            let Screen::Login(flow) = screen else { return Vec::new() };
            close.into_iter().chain(profile::new_login(app, *flow, token)).collect()
        }
        Err(e) => {
            let how =
                messages::Exchanged { mode: flow.mode, browser, kind: flow.server.kind, pasted: flow.code_pasted };
            flow.code_error = Some(messages::exchange(&e, &how));
            flow.step = Step::Code;
            Vec::new()
        }
    }
}
