//! Turning typed errors into sentences that say what happened and what to do next.

use super::RedirectMode;
use crate::mastodon::address::url_is_loopback;
use crate::mastodon::error::RedirectKind;
use crate::mastodon::{ApiError, ServerAddress};

/// Discovery failed: say why, and what to check.
pub fn discovery(error: &ApiError, address: &ServerAddress) -> String {
    let shown = &address.shown;
    let local_https = address.base.scheme() == "https" && url_is_loopback(&address.base);
    match error {
        ApiError::Dns { .. } => {
            format!("No server called {shown} could be found. Check the spelling, or your internet connection.")
        }
        ApiError::Refused { .. } => {
            format!("{shown} refused the connection. The server may be down, or the port is wrong; try again later.")
        }
        ApiError::Tls { detail, .. } if local_https => format!(
            "The secure connection to {shown} failed ({detail}). A server on this computer often has no TLS: type http://{shown} instead."
        ),
        ApiError::Tls { detail, .. } => format!(
            "The secure connection to {shown} failed ({detail}). The server's certificate may be invalid or your clock wrong."
        ),
        ApiError::Timeout { .. } => {
            format!("{shown} did not answer in time. Try again; if it keeps happening the server may be overloaded.")
        }
        ApiError::Connection { detail, .. } => {
            format!("The connection to {shown} broke ({detail}). Press Enter to try again.")
        }
        ApiError::NotMastodon { .. } => format!(
            "{shown} does not look like a Mastodon server (it has no Mastodon API). Check the address: it is the domain in your handle @you@domain."
        ),
        ApiError::Malformed { path, detail } => format!(
            "{shown} answered {path} with something that is not Mastodon's API ({detail}). Check the address, or try again later."
        ),
        ApiError::TooLarge { path, .. } => {
            format!("{shown} sent an unexpectedly large answer at {path}. It is probably not a Mastodon server.")
        }
        ApiError::RateLimited { .. } => {
            format!("{shown} is limiting requests ({error}). Wait a little, then press Enter again.")
        }
        ApiError::Status { status, .. } if *status >= 500 => {
            format!("{shown} has a problem right now ({error}). Try again in a few minutes.")
        }
        ApiError::Status { .. } => format!("{shown} refused the request ({error}). Check the address."),
        ApiError::Redirected { location, kind: RedirectKind::OtherOrigin, .. } => {
            match url::Url::parse(location).ok().and_then(|u| u.host_str().map(str::to_owned)) {
                Some(host) if host != address.domain() => format!(
                    "{shown} sends its API on to another server ({location}). If that is your server, type {host} instead."
                ),
                _ => format!(
                    "{shown} sends its API on to another address ({location}), which mastokey does not follow. Type the address the server lives at."
                ),
            }
        }
        ApiError::Redirected { .. } => {
            format!("{shown} answered, but not as a Mastodon server does ({error}). Check the address.")
        }
    }
}

/// App registration failed.
pub fn registration(error: &ApiError) -> String {
    match error {
        ApiError::Status { status: 422, .. } => format!(
            "The server refused to register mastokey ({error}). Some servers do not know every scope: go back (esc) and choose fewer."
        ),
        ApiError::Status { status, .. } if *status == 403 || *status == 401 => {
            format!("The server does not allow new apps to register ({error}). Ask its admins, or use another server.")
        }
        e if e.is_network() => {
            format!("Could not reach the server to register mastokey: {error}. Press r to try again.")
        }
        ApiError::Redirected { .. } => format!("Registering mastokey failed: {error}. {REDIRECT_ADVICE}"),
        _ => format!("Registering mastokey failed: {error}. Press r to try again."),
    }
}

/// The code exchange failed: say whether the code or something else is at fault. A code that
/// came through the loopback listener closed it, so the way on is a new attempt.
pub fn exchange(error: &ApiError, mode: RedirectMode) -> String {
    if error.is_rejected_code() {
        return match mode {
            RedirectMode::Oob => "The server refused this code: it is wrong, already used, expired, or from another login attempt. \
                Press ctrl-o to open the authorize page again (esc shows the URL), approve, and paste the new code here.",
            RedirectMode::Loopback => "The server refused this code: it is wrong, already used, expired, or from another login attempt. \
                Press ctrl-r for a new attempt (a new URL and listener), then approve again in the browser.",
        }
        .into();
    }
    if let ApiError::Redirected { .. } = error {
        return format!("Logging in failed: {error}. {REDIRECT_ADVICE}");
    }
    match error.error_code() {
        Some("invalid_scope") => "The server refused the scopes (invalid_scope). Go back to the scopes (esc, esc, esc) and choose ones it supports.".into(),
        Some("invalid_request") => format!("The server says the request is incomplete ({error}). Press esc and start the authorize step again."),
        _ if error.is_network() => format!("Could not reach the server: {error}. Your code is kept; press Enter to try again."),
        _ => format!("Logging in failed: {error}. Press Enter to try again, or esc to get a new code."),
    }
}

/// Redirects of requests with secrets are refused on purpose: waiting does not change that.
const REDIRECT_ADVICE: &str =
    "A server that sends logins elsewhere cannot be logged in to safely; tell its admins, or use another server.";

/// verify_credentials failed right after a login.
pub fn verify(error: &ApiError) -> String {
    match error.status() {
        Some(401) => "The server refused the new token (401). Try logging in again.".into(),
        Some(403) => "The token works, but its scopes do not allow reading your profile. Log in again with profile or read:accounts chosen.".into(),
        _ if matches!(error, ApiError::Redirected { .. }) => {
            format!("Logged in, but the profile could not be read: {error}. Nothing was saved.")
        }
        _ => format!("Logged in, but reading your profile failed: {error}. Press r to try again."),
    }
}

/// The account a new token belongs to cannot be saved under the name the server gave it.
pub fn handle(error: &crate::mastodon::account::HandleError) -> String {
    let mut text = error.to_string();
    if let Some(first) = text.get(..1) {
        text.replace_range(..1, &first.to_uppercase());
    }
    format!("{text}. Log in at a server you trust, or tell this server's admins.")
}
