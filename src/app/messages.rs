//! Turning typed errors into sentences that say what happened and what to do next.

use super::keys::{Command, press};
use super::{RedirectMode, ScreenId};
use crate::mastodon::address::{AddressError, url_is_loopback};
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
            format!(
                "The connection to {shown} broke ({detail}).{}",
                press(ScreenId::Instance, Command::Submit, "try again")
            )
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
            format!(
                "{shown} is limiting requests ({error}). Wait a little.{}",
                press(ScreenId::Instance, Command::Submit, "try again")
            )
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

/// What was typed is not a server address.
pub fn address(error: &AddressError, typed: &str) -> String {
    let typed = typed.trim();
    match error {
        // `@ada` alone: a handle without its server.
        AddressError::Invalid(_) if typed.starts_with('@') && typed.matches('@').count() == 1 => {
            format!("{error} To use your handle, type it whole, with its server: {typed}@example.social.")
        }
        _ => error.to_string(),
    }
}

/// `--demo` logs in to its own server only.
pub fn demo_only(demo: &str) -> String {
    format!(
        "This is the demo: it logs in only to its built-in server, {demo}. To log in to another server, quit and run mastokey without --demo."
    )
}

pub const SILENT_CONNECTION: &str =
    "A connection to mastokey's listener sent nothing and was closed. Still waiting for the browser.";
pub const WRONG_STATE: &str = "A browser returned a login that is not this attempt's (state mismatch); it was refused and nothing was used. Still waiting.";
pub const OPENED_AUTOMATIC: &str =
    "Opened in your browser. Approve there; the browser hands the code back to mastokey.";
pub const OPENED_PASTE: &str = "Opened in your browser. Approve there, then paste the code here.";
pub const REGISTRATION_UNKNOWN: &str = "The server no longer knows mastokey's registration (invalid_client), so mastokey forgot it and is registering again. Then open the new URL and approve once more.";
pub const ATTEMPT_OVER: &str = "That attempt is over, so mastokey is preparing a new one (a new URL and listener); it opens as soon as it is ready.";

/// The loopback listener could not be started.
pub fn listener(error: &str) -> String {
    let paste = press(ScreenId::Authorize, Command::SwitchRedirect, "paste the code instead");
    format!("mastokey could not listen on 127.0.0.1 ({error}).{paste}")
}

/// The browser came back without a code (denied, or the server's error).
pub fn browser_refused(error: &str, description: Option<&str>, screen: ScreenId) -> String {
    let again = press(screen, Command::Retry, "start again");
    if error == "access_denied" {
        format!("You denied access in the browser, so no token was made.{again}")
    } else {
        format!("The server sent no code ({}).{again}", description.unwrap_or(error))
    }
}

/// The listener's countdown ran out.
pub fn listener_timeout(screen: ScreenId) -> String {
    let again = press(screen, Command::Retry, "start a new attempt");
    let paste = press(screen, Command::SwitchRedirect, "paste the code instead");
    format!("No answer from the browser in time, so mastokey stopped listening.{again}{paste}")
}

/// No browser could be started: the other ways to get the URL there.
pub fn browser_failed(error: &str, screen: ScreenId) -> String {
    let copy = press(screen, Command::CopyUrl, "copy the URL");
    let qr = press(screen, Command::ToggleQr, "show it as a QR code");
    let paste = press(screen, Command::SwitchRedirect, "paste the code from a browser elsewhere");
    format!("{error}{copy}{qr}{paste}")
}

/// Copying failed.
pub fn copy_failed(error: &str, screen: ScreenId) -> String {
    let open = press(screen, Command::OpenBrowser, "open it");
    format!("Could not copy: {error}. Select the text with the mouse instead.{open}")
}

/// App registration failed.
pub fn registration(error: &ApiError) -> String {
    match error {
        ApiError::Status { status: 422, .. } => format!(
            "The server refused to register mastokey ({error}). Some servers do not know every scope: go back ({}) and choose fewer.",
            super::keys::key_for(ScreenId::Authorize, Command::Back).unwrap_or_default()
        ),
        ApiError::Status { status, .. } if *status == 403 || *status == 401 => {
            format!("The server does not allow new apps to register ({error}). Ask its admins, or use another server.")
        }
        e if e.is_network() => {
            format!("Could not reach the server to register mastokey: {error}.{}", retry_registration())
        }
        ApiError::Redirected { .. } => format!("Registering mastokey failed: {error}. {REDIRECT_ADVICE}"),
        _ => format!("Registering mastokey failed: {error}.{}", retry_registration()),
    }
}

fn retry_registration() -> String {
    press(ScreenId::Authorize, Command::Retry, "try again")
}

/// The code exchange failed: say whether the code or something else is at fault. A code that
/// came through the loopback listener closed it, so the way on is a new attempt.
pub fn exchange(error: &ApiError, mode: RedirectMode) -> String {
    if error.is_rejected_code() {
        let refused =
            "The server refused this code: it is wrong, already used, expired, or from another login attempt.";
        let next = match mode {
            RedirectMode::Oob => {
                let open = press(ScreenId::Code, Command::OpenBrowser, "open the authorize page again");
                format!("{open} Approve there and paste the new code here.")
            }
            RedirectMode::Loopback => {
                let again = press(ScreenId::Code, Command::Retry, "start a new attempt (a new URL and listener)");
                format!("{again} Then approve again in the browser.")
            }
        };
        return format!("{refused}{next}");
    }
    if let ApiError::Redirected { .. } = error {
        return format!("Logging in failed: {error}. {REDIRECT_ADVICE}");
    }
    let again = press(ScreenId::Code, Command::Retry, "start a new attempt");
    match error.error_code() {
        Some("invalid_scope") => format!(
            "The server refused the scopes (invalid_scope).{again} Then go back to the scopes and choose ones it supports."
        ),
        Some("invalid_request") => format!("The server says the request is incomplete ({error}).{again}"),
        _ if error.is_network() => {
            let send = press(ScreenId::Code, Command::Submit, "send it again");
            format!("Could not reach the server: {error}. Your code is kept.{send}")
        }
        _ => format!("Logging in failed: {error}.{again}"),
    }
}

/// Redirects of requests with secrets are refused on purpose: waiting does not change that.
const REDIRECT_ADVICE: &str =
    "A server that sends logins elsewhere cannot be logged in to safely; tell its admins, or use another server.";

/// verify_credentials failed right after a login.
pub fn verify(error: &ApiError) -> String {
    let again = press(ScreenId::Profile, Command::Retry, "try again");
    match error.status() {
        Some(401) => "The server refused the new token (401). Try logging in again.".into(),
        Some(403) => "The token works, but its scopes do not allow reading your profile. Log in again with profile or read:accounts chosen.".into(),
        _ if matches!(error, ApiError::Redirected { .. }) => {
            format!("Logged in, but the profile could not be read: {error}. Nothing was saved.")
        }
        _ => format!("Logged in, but reading your profile failed: {error}.{again}"),
    }
}

/// Checking a saved login failed for another reason than a refused token.
pub fn recheck(error: &ApiError) -> String {
    match error.status() {
        Some(403) => "its token may not read the account (it lacks the profile or read:accounts scope)".into(),
        _ => error.to_string(),
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
