//! How each server kind answers where they differ: token errors, bad tokens, scope refusals,
//! revocation, registration answers. The measured facts of DESIGN's "Server kinds, as measured".

use hyper::header::WWW_AUTHENTICATE;
use serde_json::{Value, json};

use super::Flavor;
use super::answer::{self, Answer, WithHeader};
use super::pages;
use super::state::{App, OAuthError, Store};

/// The scopes that may read the account (`verify_credentials`); empty means any token will do.
pub(crate) fn identity_scopes(flavor: Flavor) -> &'static [&'static str] {
    match flavor {
        Flavor::Mastodon | Flavor::GoToSocial => &["profile", "read", "read:accounts"],
        Flavor::Mastodon42 | Flavor::Akkoma => &["read", "read:accounts"],
        // Takahē does not understand granular scopes: exactly `read`.
        Flavor::Takahe => &["read"],
        Flavor::Snac => &[],
    }
}

/// A token endpoint error in each server's own words.
pub(crate) fn token_error(flavor: Flavor, e: OAuthError) -> Answer {
    use OAuthError::*;
    match (flavor, e) {
        // Pleroma/Akkoma answer every failed exchange, bad client included, the same way.
        (Flavor::Akkoma, UnsupportedGrantType) => answer::json(400, &json!({ "error": "Bad request" })),
        (Flavor::Akkoma, _) => answer::json(400, &json!({ "error": "Invalid credentials" })),
        // GoToSocial 0.20: its database error, word for word; the redirect is checked first.
        (Flavor::GoToSocial, InvalidGrant | UnknownCode) => answer::json(
            400,
            &json!({
                "error": "sql: no rows in result set",
                "error_description": "Bad Request: could not get access token: sql: no rows in result set: If you arrived at this error during a sign in/oauth flow, please try clearing your session cookies and signing in again; if problems persist, make sure you're using the correct credentials",
            }),
        ),
        (Flavor::GoToSocial, WrongRedirect) => answer::json(403, &json!({ "error": "invalid redirect uri" })),
        (Flavor::GoToSocial, InvalidClient) => oauth_error(InvalidClient).map_status(400),
        // Takahē: a code it does not know is an unhandled exception (Django's 500 page).
        (Flavor::Takahe, UnknownCode) => answer::html(500, pages::server_error()),
        (Flavor::Takahe, InvalidGrant | WrongRedirect | InvalidClient) => {
            answer::json(401, &json!({ "error": "access_denied" }))
        }
        // snac: a web page for a missing field, nothing at all for a bad client.
        (Flavor::Snac, InvalidRequest(_)) => answer::html(400, pages::bare_status(400, "Bad Request")),
        (Flavor::Snac, InvalidClient) => answer::with_body(401, "text/plain", ""),
        _ => oauth_error(e),
    }
}

/// RFC 6749 §5.2 JSON with Doorkeeper's wording.
pub(crate) fn oauth_error(e: OAuthError) -> Answer {
    answer::json(e.status(), &json!({ "error": e.code(), "error_description": e.description() }))
}

/// No valid token (absent, unknown or revoked).
pub(crate) fn bad_token(flavor: Flavor, sent_one: bool) -> Answer {
    match flavor {
        Flavor::Takahe if sent_one => answer::html(400, "Invalid Bearer token".to_owned()),
        Flavor::Takahe => answer::json(401, &json!({ "error": "identity_token_required" })),
        Flavor::Snac => answer::with_body(422, "text/plain", ""),
        Flavor::GoToSocial => answer::json(401, &json!({ "error": "Unauthorized: token not supplied" })),
        _ => answer::json(401, &json!({ "error": "The access token is invalid" })).with_header(
            WWW_AUTHENTICATE,
            "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
        ),
    }
}

/// A valid token without a scope that may do this.
pub(crate) fn out_of_scope(flavor: Flavor) -> Answer {
    match flavor {
        Flavor::Takahe => answer::json(403, &json!({ "error": "out_of_scope_for_token" })),
        _ => answer::json(403, &json!({ "error": "This action is outside the authorized scopes" })).with_header(
            WWW_AUTHENTICATE,
            "Bearer realm=\"Doorkeeper\", error=\"insufficient_scope\", error_description=\"The request requires higher privileges than provided by the access token.\"",
        ),
    }
}

/// `POST /oauth/revoke` once the client was authenticated (or not) and the token looked up:
/// `result` is the store's answer (`Ok(false)`: a token the server does not know).
pub(crate) fn revoked(flavor: Flavor, store: &mut Store, client_id: &str, result: Result<bool, OAuthError>) -> Answer {
    match (flavor, result) {
        // Takahē: 200 with nothing in it; 403 for anything it does not like.
        (Flavor::Takahe, Ok(true)) => answer::with_body(200, "text/plain", ""),
        (Flavor::Takahe, _) => answer::with_body(403, "text/plain", ""),
        // snac deletes the app along with the token.
        (Flavor::Snac, Ok(true)) => {
            store.remove_app(client_id);
            answer::json(200, &json!({}))
        }
        (Flavor::Snac, _) => answer::json(403, &json!({})),
        (_, Ok(_)) => answer::json(200, &json!({})),
        (_, Err(e)) => oauth_error(e),
    }
}

/// The answer to a registration, in the shape each server sends.
pub(crate) fn app_json(flavor: Flavor, app: &App) -> Value {
    let joined = app.redirect_uris.join("\n");
    let mut body = json!({
        "id": app.id.to_string(),
        "name": app.name,
        "website": app.website,
        "redirect_uri": joined,
        "client_id": app.client_id,
        "client_secret": app.client_secret,
        "vapid_key": super::apps::VAPID_KEY,
    });
    if flavor.is_mastodon() || matches!(flavor, Flavor::GoToSocial | Flavor::Akkoma) {
        body["scopes"] = json!(app.scopes);
        body["redirect_uris"] = json!(app.redirect_uris);
    }
    if flavor.is_mastodon() {
        body["client_secret_expires_at"] = json!(0);
    }
    body
}

trait MapStatus {
    fn map_status(self, status: u16) -> Self;
}

impl MapStatus for Answer {
    fn map_status(mut self, status: u16) -> Self {
        if let Ok(status) = hyper::StatusCode::from_u16(status) {
            *self.status_mut() = status;
        }
        self
    }
}
