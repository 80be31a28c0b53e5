//! Typed errors of talking to a server: each kind carries what the UI needs to explain it.

use thiserror::Error;

use super::kind::ServerKind;

/// Where codes are exchanged; some answers mean something else there.
const TOKEN_PATH: &str = "/oauth/token";
/// How GoToSocial 0.20 refuses a wrong or used code (`error`, 400).
const GOTOSOCIAL_NO_ROWS: &str = "sql: no rows in result set";

/// Why a code was refused, for a message that fits: the lead words each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeRefusal {
    /// Wrong, already used, expired, or from another attempt.
    Invalid,
    /// Issued for another redirect URI (the code of the other mode); the code is still unused.
    OtherRedirect,
    /// Takahē's 500 page after a paste: a code it does not know, mistyped or older than 60 s.
    UnknownToServer,
}

/// Everything that can go wrong with one request. Never carries a token, secret or code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    #[error("{}", crate::tr!("api-dns", host = host))]
    Dns { host: String },
    #[error("{}", crate::tr!("api-refused", host = host))]
    Refused { host: String },
    #[error("{}", crate::tr!("api-tls", host = host, detail = detail))]
    Tls { host: String, detail: String },
    #[error("{}", crate::tr!("api-timeout", host = host))]
    Timeout { host: String },
    #[error("{}", crate::tr!("api-connection", host = host, detail = detail))]
    Connection { host: String, detail: String },
    #[error("{}", crate::tr!("api-status", status = *status, path = path, detail = describe(error, description)))]
    Status { status: u16, path: String, error: Option<String>, description: Option<String> },
    #[error("{}", match reset {
        Some(reset) => crate::tr!("api-rate-limited-until", reset = reset),
        None => crate::tr!("api-rate-limited"),
    })]
    RateLimited { reset: Option<String> },
    #[error("{}", crate::tr!("api-malformed", path = path, detail = detail))]
    Malformed { path: String, detail: String },
    #[error("{}", crate::tr!("api-too-large", path = path, limit = *limit))]
    TooLarge { path: String, limit: usize },
    #[error("{}", crate::tr!("api-not-mastodon", host = host))]
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
        RedirectKind::CarriesSecrets => crate::tr!("api-redirect-secrets", path = path, location = location),
        RedirectKind::OtherOrigin => crate::tr!("api-redirect-elsewhere", path = path, location = location),
        RedirectKind::TooMany => crate::tr!("api-redirect-loop", path = path, location = location),
    }
}

/// What the server said about it, after the status: its description, else its error code.
fn describe(error: &Option<String>, description: &Option<String>) -> String {
    match (error, description) {
        (_, Some(d)) => crate::tr!("api-status-said", said = d),
        (Some(e), None) => crate::tr!("api-status-said", said = e),
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
    /// Servers say so differently: Mastodon `invalid_grant`, GoToSocial `sql: no rows in result
    /// set`, Akkoma `Invalid credentials`, Takahē 401 `access_denied`. Prefer
    /// [`refused_code`](Self::refused_code), which also knows the server and the mode.
    pub fn is_rejected_code(&self) -> bool {
        matches!(self.error_code(), Some("invalid_grant" | "Invalid credentials" | "access_denied"))
            || self.error_code().is_some_and(|e| e.starts_with(GOTOSOCIAL_NO_ROWS))
    }

    /// The token was refused (revoked, expired or unknown): a 401, as Mastodon says it. Prefer
    /// [`is_rejected_token_for`](Self::is_rejected_token_for), which knows the other servers.
    pub fn is_rejected_token(&self) -> bool {
        self.status() == Some(401)
    }

    /// The token was refused, in this server's words: 401 anywhere, 403 `invalid_token`, 422 on
    /// snac (an empty body), 400 with a web page on Takahē ("Invalid Bearer token"). A 403 for a
    /// scope the token lacks (`out_of_scope_for_token`, Mastodon's "outside the authorized
    /// scopes") is not: the token works, it may not read the account.
    pub fn is_rejected_token_for(&self, kind: ServerKind) -> bool {
        let ApiError::Status { status, error, .. } = self else { return false };
        match (*status, kind) {
            (401, _) => true,
            (403, _) => error.as_deref() == Some("invalid_token"),
            (422, ServerKind::Snac) => true,
            // Takahē's JSON errors always name an `error`; "Invalid Bearer token" is a web page.
            (400, ServerKind::Takahe) => error.is_none(),
            _ => false,
        }
    }

    /// Why the token endpoint refused a code, if that is what this answer means on this server.
    /// `pasted` says whether the code was typed or pasted (rather than caught by the loopback
    /// listener): Takahē answers a code it does not know with a 500 page, which after a paste
    /// means a mistyped or expired code, not a broken server.
    pub fn refused_code(&self, kind: ServerKind, pasted: bool) -> Option<CodeRefusal> {
        let ApiError::Status { status, path, error, .. } = self else { return None };
        let error = error.as_deref().unwrap_or("");
        match (*status, kind, error) {
            (_, _, "invalid_grant" | "Invalid credentials") => Some(CodeRefusal::Invalid),
            (_, _, e) if e.starts_with(GOTOSOCIAL_NO_ROWS) => Some(CodeRefusal::Invalid),
            // GoToSocial: the code was issued for another redirect URI; it is not used up.
            (403, ServerKind::GoToSocial, "invalid redirect uri") => Some(CodeRefusal::OtherRedirect),
            // Takahē says `access_denied` for a wrong, expired (60 s) or other-redirect code; it
            // also says it for a wrong client secret, which mastokey never sends but by a bug.
            (401, _, "access_denied") => Some(CodeRefusal::Invalid),
            (500, ServerKind::Takahe, _) if pasted && path == TOKEN_PATH => Some(CodeRefusal::UnknownToServer),
            _ => None,
        }
    }

    /// [`refused_code`](Self::refused_code) as a yes or no.
    pub fn is_rejected_code_for(&self, kind: ServerKind, pasted: bool) -> bool {
        self.refused_code(kind, pasted).is_some()
    }

    /// The server no longer knows mastokey's registration (deleted, or the server was reset):
    /// `invalid_client`, or snac's 401 with an empty body at the token endpoint. The saved
    /// registration is then forgotten and mastokey registers anew.
    pub fn is_unknown_client(&self) -> bool {
        match self {
            ApiError::Status { error: Some(e), .. } => e == "invalid_client",
            ApiError::Status { status: 401, path, error: None, description: None } => path == TOKEN_PATH,
            _ => false,
        }
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

    fn answer(status: u16, path: &str, error: Option<&str>) -> ApiError {
        ApiError::Status { status, path: path.into(), error: error.map(str::to_owned), description: None }
    }

    #[test]
    fn rejected_tokens_in_each_servers_words() {
        use ServerKind::*;
        let verify = "/api/v1/accounts/verify_credentials";
        for kind in [Mastodon, GoToSocial, Akkoma, Pleroma, Takahe, Snac, Other] {
            assert!(answer(401, verify, None).is_rejected_token_for(kind), "{kind:?}");
            assert!(answer(403, verify, Some("invalid_token")).is_rejected_token_for(kind), "{kind:?}");
            assert!(!answer(403, verify, Some("out_of_scope_for_token")).is_rejected_token_for(kind), "{kind:?}");
            assert!(!answer(500, verify, None).is_rejected_token_for(kind), "{kind:?}");
            assert!(!ApiError::Timeout { host: "x".into() }.is_rejected_token_for(kind));
        }
        assert!(answer(422, verify, None).is_rejected_token_for(Snac));
        assert!(
            !answer(422, verify, Some("This method requires an authenticated user")).is_rejected_token_for(Mastodon)
        );
        assert!(answer(400, verify, None).is_rejected_token_for(Takahe), "the Invalid Bearer token page");
        assert!(!answer(400, verify, Some("invalid_request")).is_rejected_token_for(Takahe));
        assert!(!answer(400, verify, None).is_rejected_token_for(Mastodon));
        assert!(answer(401, verify, None).is_rejected_token(), "the kind-blind check stays as it was");
        assert!(!answer(422, verify, None).is_rejected_token());
    }

    #[test]
    fn refused_codes_in_each_servers_words() {
        use ServerKind::*;
        let token = "/oauth/token";
        let no_rows = "sql: no rows in result set";
        assert_eq!(answer(400, token, Some("invalid_grant")).refused_code(Mastodon, true), Some(CodeRefusal::Invalid));
        assert_eq!(answer(400, token, Some(no_rows)).refused_code(GoToSocial, false), Some(CodeRefusal::Invalid));
        assert!(answer(400, token, Some(no_rows)).is_rejected_code());
        let redirect = answer(403, token, Some("invalid redirect uri"));
        assert_eq!(redirect.refused_code(GoToSocial, true), Some(CodeRefusal::OtherRedirect));
        assert_eq!(
            answer(400, token, Some("Invalid credentials")).refused_code(Akkoma, true),
            Some(CodeRefusal::Invalid)
        );
        assert_eq!(answer(401, token, Some("access_denied")).refused_code(Takahe, false), Some(CodeRefusal::Invalid));
        assert_eq!(answer(500, token, None).refused_code(Takahe, true), Some(CodeRefusal::UnknownToServer));
        assert_eq!(answer(500, token, None).refused_code(Takahe, false), None, "caught by the listener: a real 500");
        assert_eq!(answer(500, token, None).refused_code(Mastodon, true), None);
        assert_eq!(answer(401, token, Some("invalid_client")).refused_code(Mastodon, true), None);
        assert!(!answer(400, token, Some("invalid_request")).is_rejected_code_for(Snac, true));
    }

    #[test]
    fn unknown_clients_including_snacs_empty_401() {
        assert!(answer(401, "/oauth/token", Some("invalid_client")).is_unknown_client());
        assert!(answer(400, "/oauth/token", Some("invalid_client")).is_unknown_client(), "GoToSocial's 400");
        assert!(answer(401, "/oauth/token", None).is_unknown_client(), "snac: 401, empty body");
        assert!(!answer(401, "/api/v1/accounts/verify_credentials", None).is_unknown_client());
        assert!(!answer(401, "/oauth/token", Some("access_denied")).is_unknown_client());
        let described =
            ApiError::Status { status: 401, path: "/oauth/token".into(), error: None, description: Some("x".into()) };
        assert!(!described.is_unknown_client());
    }
}
