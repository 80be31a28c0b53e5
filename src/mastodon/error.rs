//! Typed errors of talking to a server: each kind carries what the UI needs to explain it.

use thiserror::Error;

/// Everything that can go wrong with one request. Never carries a token, secret or code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    #[error("the name {host} could not be found (DNS)")]
    Dns { host: String },
    #[error("{host} refused the connection")]
    Refused { host: String },
    #[error("the secure connection to {host} failed: {detail}")]
    Tls { host: String, detail: String },
    #[error("{host} did not answer in time")]
    Timeout { host: String },
    #[error("the connection to {host} broke: {detail}")]
    Connection { host: String, detail: String },
    #[error("the server answered {status} at {path}{}", describe(.error, .description))]
    Status { status: u16, path: String, error: Option<String>, description: Option<String> },
    #[error("the server limits requests; try again {}", .reset.as_deref().map(|r| format!("after {r}")).unwrap_or_else(|| "in a few minutes".into()))]
    RateLimited { reset: Option<String> },
    #[error("the answer at {path} is not what a Mastodon server sends: {detail}")]
    Malformed { path: String, detail: String },
    #[error("the answer at {path} is larger than {limit} bytes")]
    TooLarge { path: String, limit: usize },
    #[error("this is not a Mastodon server (no Mastodon API at {host})")]
    NotMastodon { host: String },
    /// The server answered with a redirect that mastokey does not follow.
    #[error("{}", describe_redirect(.path, .location, *.kind))]
    Redirected { path: String, location: String, kind: RedirectKind },
}

/// Why a redirect was not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectKind {
    /// The request carried secrets (client secret, code, token) in its form.
    CarriesSecrets,
    /// The redirect leads to another origin (another host or port, or from https to http).
    OtherOrigin,
    /// More same-origin redirects than a server needs: a loop.
    TooMany,
}

fn describe_redirect(path: &str, location: &str, kind: RedirectKind) -> String {
    match kind {
        RedirectKind::CarriesSecrets => format!(
            "the server answered {path} with a redirect to {location}; mastokey never sends its credentials on to \
             another address, so nothing was sent there"
        ),
        RedirectKind::OtherOrigin => format!(
            "the server answered {path} with a redirect to another server ({location}), which mastokey does not follow"
        ),
        RedirectKind::TooMany => format!("the server redirected {path} in a loop (last to {location})"),
    }
}

fn describe(error: &Option<String>, description: &Option<String>) -> String {
    match (error, description) {
        (_, Some(d)) => format!(": {d}"),
        (Some(e), None) => format!(": {e}"),
        (None, None) => String::new(),
    }
}

impl ApiError {
    /// The OAuth/API `error` field, if the server sent one.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            ApiError::Status { error, .. } => error.as_deref(),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The code was refused at the token endpoint: wrong, used, expired or for another redirect.
    /// Servers say so differently: Mastodon/GoToSocial `invalid_grant`, Akkoma
    /// `Invalid credentials`, Takahē 401 `access_denied`.
    pub fn is_rejected_code(&self) -> bool {
        matches!(self.error_code(), Some("invalid_grant" | "Invalid credentials" | "access_denied"))
    }

    /// The token was refused (revoked, expired or unknown).
    pub fn is_rejected_token(&self) -> bool {
        self.status() == Some(401)
    }

    /// Replace these values wherever the server quoted them back (an `error_description` that
    /// repeats the request, a parse error that cites a field), so the promise above holds even
    /// for careless servers. Values shorter than 8 characters are not secrets we generate (and
    /// replacing them could mangle an error code such as `invalid_grant`), so they stay.
    pub fn redact(mut self, secrets: &[&str]) -> Self {
        let texts: Vec<&mut String> = match &mut self {
            ApiError::Status { error, description, .. } => error.iter_mut().chain(description.iter_mut()).collect(),
            ApiError::Malformed { detail, .. } => vec![detail],
            ApiError::Redirected { location, .. } => vec![location],
            _ => Vec::new(),
        };
        for text in texts {
            for secret in secrets.iter().filter(|s| s.len() >= 8) {
                if text.contains(secret) {
                    *text = text.replace(secret, "<redacted>");
                }
            }
        }
        self
    }

    /// A failure of the network rather than of the server's answer.
    pub fn is_network(&self) -> bool {
        matches!(
            self,
            ApiError::Dns { .. }
                | ApiError::Refused { .. }
                | ApiError::Tls { .. }
                | ApiError::Timeout { .. }
                | ApiError::Connection { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_hides_quoted_secrets_and_keeps_error_codes() {
        let e = ApiError::Status {
            status: 400,
            path: "/oauth/token".into(),
            error: Some("invalid_grant".into()),
            description: Some("code abcdefgh1234 is unknown".into()),
        };
        let e = e.redact(&["abcdefgh1234", "grant", ""]);
        assert_eq!(e.error_code(), Some("invalid_grant"));
        assert!(e.is_rejected_code());
        assert_eq!(e.to_string(), "the server answered 400 at /oauth/token: code <redacted> is unknown");
    }
}
