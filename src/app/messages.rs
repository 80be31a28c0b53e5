//! Turning typed errors into sentences that say what happened and what to do next, in the
//! language of the run (the texts are in `i18n/LANG/messages.ftl`).

use super::keys::{Command, key_for, press};
use super::{RedirectMode, ScreenId};
use crate::mastodon::address::{AddressError, url_is_loopback};
use crate::mastodon::error::{CodeRefusal, RedirectKind};
use crate::mastodon::kind::ServerKind;
use crate::mastodon::paste::{PasteRefusal, PastedError};
use crate::mastodon::{ApiError, ServerAddress};
use crate::tr;

/// Discovery failed: say why, and what to check.
pub fn discovery(error: &ApiError, address: &ServerAddress) -> String {
    discovery_hinted(error, address, press(ScreenId::Instance, Command::Submit, "hint-try-again"))
}

/// [`discovery`], with `again` the sentence naming the key that tries again where the lookup
/// was made (the accounts screen's differs from the server screen's).
pub fn discovery_hinted(error: &ApiError, address: &ServerAddress, again: String) -> String {
    let shown = address.shown.as_str();
    let local_https = address.base.scheme() == "https" && url_is_loopback(&address.base);
    let error_text = error.to_string();
    match error {
        ApiError::Dns { .. } => tr!("discovery-dns", server = shown),
        ApiError::Refused { .. } => tr!("discovery-refused", server = shown),
        ApiError::Tls { detail, .. } if local_https => tr!("discovery-tls-local", server = shown, detail = detail),
        ApiError::Tls { detail, .. } => tr!("discovery-tls", server = shown, detail = detail),
        ApiError::Timeout { .. } => tr!("discovery-timeout", server = shown),
        ApiError::Connection { detail, .. } => tr!("discovery-broken", server = shown, detail = detail, hint = again),
        ApiError::NotMastodon { .. } => tr!("discovery-not-mastodon", server = shown),
        ApiError::Malformed { path, detail } => {
            tr!("discovery-malformed", server = shown, path = path, detail = detail)
        }
        ApiError::TooLarge { path, .. } => tr!("discovery-too-large", server = shown, path = path),
        ApiError::RateLimited { .. } => tr!("discovery-rate-limited", server = shown, error = error_text, hint = again),
        ApiError::Status { status, .. } if *status >= 500 => {
            tr!("discovery-server-error", server = shown, error = error_text)
        }
        ApiError::Status { .. } => tr!("discovery-refused-request", server = shown, error = error_text),
        ApiError::Redirected { location, kind: RedirectKind::OtherOrigin, .. } => {
            match url::Url::parse(location).ok().and_then(|u| u.host_str().map(str::to_owned)) {
                Some(host) if host != address.domain() => {
                    tr!("discovery-moved", server = shown, location = location, host = host)
                }
                _ => tr!("discovery-moved-elsewhere", server = shown, location = location),
            }
        }
        ApiError::Redirected { .. } => tr!("discovery-not-as-mastodon", server = shown, error = error_text),
    }
}

/// What was typed is not a server address.
pub fn address(error: &AddressError, typed: &str) -> String {
    let typed = typed.trim();
    match error {
        // `@ada` alone: a handle without its server.
        AddressError::Invalid(_) if typed.starts_with('@') && typed.matches('@').count() == 1 => {
            tr!("address-handle-without-server", error = error.to_string(), typed = typed)
        }
        _ => error.to_string(),
    }
}

/// `--demo` logs in to its own server only.
pub fn demo_only(demo: &str) -> String {
    tr!("demo-only", server = demo)
}

/// The loopback listener could not be started.
pub fn listener(error: &str) -> String {
    let paste = press(ScreenId::Authorize, Command::SwitchRedirect, "hint-paste-instead");
    tr!("listener-failed", error = error, hint = paste)
}

/// The browser came back without a code (denied, or the server's error).
pub fn browser_refused(error: &str, description: Option<&str>, screen: ScreenId) -> String {
    let again = press(screen, Command::Retry, "hint-start-again");
    if error == "access_denied" {
        tr!("browser-denied", hint = again)
    } else {
        tr!("browser-no-code", error = description.unwrap_or(error), hint = again)
    }
}

/// The listener's countdown ran out.
pub fn listener_timeout(screen: ScreenId) -> String {
    let again = press(screen, Command::Retry, "hint-new-attempt");
    let paste = press(screen, Command::SwitchRedirect, "hint-paste-instead");
    tr!("listener-timeout", hint = format!("{again}{paste}"))
}

/// No browser could be started: the other ways to get the URL there.
pub fn browser_failed(error: &str, screen: ScreenId) -> String {
    let copy = press(screen, Command::CopyUrl, "hint-copy-url");
    let qr = press(screen, Command::ToggleQr, "hint-show-qr");
    let paste = press(screen, Command::SwitchRedirect, "hint-paste-from-elsewhere");
    format!("{error}{copy}{qr}{paste}")
}

/// Copying failed; opening the page is the other way, where a browser can be started.
pub fn copy_failed(error: &str, screen: ScreenId, browser: bool) -> String {
    let open = if browser { press(screen, Command::OpenBrowser, "hint-open-it") } else { String::new() };
    tr!("copy-failed", error = error, hint = open)
}

/// App registration failed.
pub fn registration(error: &ApiError) -> String {
    let error_text = error.to_string();
    let again = press(ScreenId::Authorize, Command::Retry, "hint-try-again");
    match error {
        ApiError::Status { status: 422, .. } => tr!(
            "registration-scopes-refused",
            error = error_text,
            key = key_for(ScreenId::Authorize, Command::Back).unwrap_or_default()
        ),
        ApiError::Status { status: 401 | 403, .. } => tr!("registration-closed", error = error_text),
        e if e.is_network() => tr!("registration-unreachable", error = error_text, hint = again),
        ApiError::Redirected { .. } => tr!("registration-redirected", error = error_text),
        _ => tr!("registration-failed", error = error_text, hint = again),
    }
}

/// The code exchange failed: say whether the code or something else is at fault. A code that
/// came through the loopback listener closed it, so the way on is a new attempt.
/// What a refused exchange is explained by: the way the code came back, whether a browser can
/// open here, the kind of server, and whether the code was pasted (not brought by the browser).
pub struct Exchanged {
    pub mode: RedirectMode,
    pub browser: bool,
    pub kind: ServerKind,
    pub pasted: bool,
}

/// The next step after a refused code, in this mode: a new attempt (automatic mode), reopening
/// the page (paste mode, a browser here), or copying the URL (paste mode, no browser). Never the
/// same code again.
fn next_after_refusal(how: &Exchanged) -> String {
    match how.mode {
        RedirectMode::Loopback => press(ScreenId::Code, Command::Retry, "hint-new-attempt-approve"),
        RedirectMode::Oob if how.browser => press(ScreenId::Code, Command::OpenBrowser, "hint-reopen-page"),
        RedirectMode::Oob => press(ScreenId::Code, Command::Back, "hint-copy-from-authorize"),
    }
}

/// The server's own words, as one short line after the plain explanation (already sanitized).
fn server_said(error: &ApiError) -> String {
    let ApiError::Status { error, description, .. } = error else { return String::new() };
    match description.as_deref().or(error.as_deref()).filter(|t| !t.trim().is_empty()) {
        Some(words) => {
            let words: String = if words.chars().count() > 100 {
                words.chars().take(99).chain(['…']).collect()
            } else {
                words.to_owned()
            };
            tr!("server-said", words = words)
        }
        None => String::new(),
    }
}

/// The code exchange failed: say in plain words whether the code is at fault, fitting the
/// server and the mode, then the server's own words as one short detail.
pub fn exchange(error: &ApiError, how: &Exchanged) -> String {
    let error_text = error.to_string();
    let next = next_after_refusal(how);
    match error.refused_code(how.kind, how.pasted) {
        Some(CodeRefusal::Invalid | CodeRefusal::UnknownToServer) if how.kind == ServerKind::Takahe => {
            return format!("{}{}", tr!("code-refused-takahe", hint = next), server_said(error));
        }
        Some(CodeRefusal::Invalid | CodeRefusal::UnknownToServer) => {
            return format!("{}{}", tr!("code-refused", hint = next), server_said(error));
        }
        Some(CodeRefusal::OtherRedirect) => {
            let again = press(ScreenId::Code, Command::Retry, "hint-new-attempt-approve");
            return format!("{}{}", tr!("code-other-redirect", hint = again), server_said(error));
        }
        None => {}
    }
    if let ApiError::Redirected { .. } = error {
        return tr!("login-redirected", error = error_text);
    }
    let again = press(ScreenId::Code, Command::Retry, "hint-new-attempt");
    match error.error_code() {
        Some("invalid_scope") => tr!("code-invalid-scope", hint = again),
        Some("invalid_request") => tr!("code-invalid-request", error = error_text, hint = again),
        _ if error.is_network() => {
            tr!(
                "code-unreachable",
                error = error_text,
                hint = press(ScreenId::Code, Command::Submit, "hint-send-again")
            )
        }
        _ => tr!("login-failed", error = error_text, hint = again),
    }
}

/// A paste that cannot be sent: nothing in it, no code, another attempt's, or a redirect with
/// an error instead of a code.
pub fn paste_refused(refusal: &PasteRefusal, mode: RedirectMode, browser: bool) -> String {
    let how = Exchanged { mode, browser, kind: ServerKind::Other, pasted: true };
    match refusal {
        PasteRefusal::Empty => tr!("code-empty"),
        PasteRefusal::NotACode => tr!("paste-not-a-code"),
        PasteRefusal::WrongState => tr!("paste-wrong-state", hint = next_after_refusal(&how)),
        PasteRefusal::Error { error, description } => {
            let again = press(ScreenId::Code, Command::Retry, "hint-new-attempt-approve");
            let details = description.as_deref().map(|d| tr!("server-said", words = d)).unwrap_or_default();
            let text = match error {
                PastedError::AccessDenied => tr!("paste-denied", hint = again),
                PastedError::InvalidScope => tr!("paste-invalid-scope"),
                PastedError::ServerError => tr!("paste-server-error", hint = again),
                PastedError::Other(code) => tr!("paste-error", error = code, hint = again),
            };
            format!("{text}{details}")
        }
    }
}

/// verify_credentials failed right after a login.
pub fn verify(error: &ApiError) -> String {
    match error.status() {
        Some(401) => tr!("verify-token-refused"),
        Some(403) => tr!("verify-out-of-scope"),
        _ if matches!(error, ApiError::Redirected { .. }) => tr!("verify-redirected", error = error.to_string()),
        _ => tr!(
            "verify-failed",
            error = error.to_string(),
            hint = press(ScreenId::Profile, Command::Retry, "hint-try-again")
        ),
    }
}

/// Checking a saved login failed for another reason than a refused token.
pub fn recheck(error: &ApiError) -> String {
    match error.status() {
        Some(403) => tr!("recheck-out-of-scope"),
        _ => error.to_string(),
    }
}

/// The account a new token belongs to cannot be saved under the name the server gave it.
pub fn handle(error: &crate::mastodon::account::HandleError) -> String {
    tr!("handle-refused", error = error.to_string())
}
