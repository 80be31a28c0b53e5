//! The fourth screen: the code box, and exchanging a code (typed or brought by the browser) for
//! a token.

use super::*;
use crate::mastodon::ApiError;
use crate::mastodon::oauth::TokenResponse;
use crate::tr;

/// Enter in the code box.
pub(super) fn submit(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    let Screen::Login(flow) = &mut app.screen else { return Vec::new() };
    let code = flow.code.value().trim().to_owned();
    if code.is_empty() {
        flow.code_error = Some(tr!("code-empty"));
        return Vec::new();
    }
    app.exchange(Secret::new(code))
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
    if result.as_ref().is_err_and(|e| e.error_code() == Some("invalid_client")) {
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
            flow.code_error = Some(messages::exchange(&e, flow.mode, browser));
            flow.step = Step::Code;
            Vec::new()
        }
    }
}
