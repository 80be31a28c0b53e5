//! Request routing, and the JSON endpoints: token, revoke, verify_credentials, userinfo.

use hyper::Method;
use hyper::header::{ALLOW, CACHE_CONTROL, PRAGMA, WWW_AUTHENTICATE};
use serde_json::{Value, json};

use super::answer::{self, Answer, WithHeader};
use super::connection::Request;
use super::params::{Params, basic_auth, bearer_token};
use super::rules::blank_to_none;
use super::state::{CodeExchange, OAuthError, Store, Token};
use super::{Flavor, Shared, accounts, apps, authorize, avatar, discovery, pages};

/// Answers one request. Never panics: every input problem becomes a status code.
pub(crate) fn handle(shared: &Shared, req: &Request) -> Answer {
    // HEAD is answered as GET; hyper leaves the body out.
    let method = if req.method() == Method::HEAD { "GET" } else { req.method().as_str() };
    let path = req.uri().path();
    let allowed: &[&str] = match path {
        "/"
        | "/.well-known/oauth-authorization-server"
        | "/api/v1/instance"
        | "/api/v2/instance"
        | "/api/v1/accounts/verify_credentials" => &["GET"],
        "/api/v1/apps" | "/oauth/token" | "/oauth/revoke" => &["POST"],
        "/oauth/authorize" | "/oauth/userinfo" => &["GET", "POST"],
        p if avatar::serves(p) => &["GET"],
        _ => return not_found(),
    };
    if !allowed.contains(&method) {
        let allow = if allowed.contains(&"GET") { [allowed, &["HEAD"]].concat() } else { allowed.to_vec() };
        return answer::json(405, &json!({ "error": "Method not allowed" })).with_header(ALLOW, &allow.join(", "));
    }
    let params = if method == "POST" {
        match Params::of_request(req) {
            Ok(params) => params,
            Err(_) => return answer::json(400, &json!({ "error": "The request body could not be parsed" })),
        }
    } else {
        Params::of_query(req)
    };
    let config = &shared.config;
    let base = shared.base_url.as_str();
    match (method, path) {
        ("GET", "/") => answer::html(200, pages::index(discovery::title(config.flavor), accounts::all())),
        ("GET", "/.well-known/oauth-authorization-server") => {
            discovery::oauth_metadata(config, base).map_or_else(not_found, |doc| answer::json(200, &doc))
        }
        ("GET", "/api/v2/instance") => {
            discovery::instance_v2(config, base, &shared.domain).map_or_else(not_found, |doc| answer::json(200, &doc))
        }
        ("GET", "/api/v1/instance") => answer::json(200, &discovery::instance_v1(config, base, &shared.domain)),
        ("POST", "/api/v1/apps") => apps::register(&mut shared.store(), config, &params),
        ("GET", "/oauth/authorize") => authorize::show(&shared.store(), config, &params),
        ("POST", "/oauth/authorize") => authorize::decide(&mut shared.store(), config, &params),
        ("POST", "/oauth/token") => token(shared, req, &params),
        ("POST", "/oauth/revoke") => revoke(&mut shared.store(), req, &params),
        ("GET", "/api/v1/accounts/verify_credentials") => verify_credentials(shared, req),
        (_, "/oauth/userinfo") if config.flavor == Flavor::Mastodon => userinfo(shared, req),
        ("GET", p) if avatar::serves(p) => answer::with_body(200, "image/png", avatar::png(p))
            .with_header(CACHE_CONTROL, "public, max-age=31536000, immutable"),
        _ => not_found(),
    }
}

fn not_found() -> Answer {
    answer::json(404, &json!({ "error": "Record not found" }))
}

/// Client credentials: HTTP Basic first (as Doorkeeper tries it first), then the body.
fn client_of(req: &Request, params: &Params) -> (Option<String>, Option<String>) {
    match basic_auth(req.headers()) {
        Some((id, secret)) => (Some(id), Some(secret)),
        None => (params.present("client_id").map(str::to_owned), params.present("client_secret").map(str::to_owned)),
    }
}

/// `POST /oauth/token`. Always JSON with `Cache-Control: no-store` (RFC 6749 §5.1).
fn token(shared: &Shared, req: &Request, params: &Params) -> Answer {
    let config = &shared.config;
    let (id, secret) = client_of(req, params);
    let mut store = shared.store();
    let result = match params.present("grant_type") {
        None => Err(OAuthError::InvalidRequest("Missing required parameter: grant_type.")),
        Some("authorization_code") => store.authenticate(id.as_deref(), secret.as_deref()).and_then(|client| {
            let exchange = CodeExchange {
                code: params.present("code"),
                redirect_uri: params.present("redirect_uri"),
                code_verifier: params.present("code_verifier"),
                scope: params.present("scope"),
            };
            store.exchange_code(config, &client, &exchange)
        }),
        Some("client_credentials") => store
            .authenticate(id.as_deref(), secret.as_deref())
            .and_then(|client| store.client_credentials(config, &client, params.present("scope"))),
        Some(_) => Err(OAuthError::UnsupportedGrantType),
    };
    let response = match result {
        Ok(token) => answer::json(200, &token_json(&token)),
        Err(e) => token_error(config.flavor, e),
    };
    response.with_header(CACHE_CONTROL, "no-store").with_header(PRAGMA, "no-cache")
}

fn token_json(token: &Token) -> Value {
    json!({
        "access_token": token.access_token,
        "token_type": "Bearer",
        "scope": token.scopes.join(" "),
        "created_at": token.created_at,
    })
}

/// Token errors in each server's own words.
fn token_error(flavor: Flavor, e: OAuthError) -> Answer {
    match (flavor, e) {
        // Pleroma/Akkoma answer every failed exchange, bad client included, the same way.
        (Flavor::Akkoma, OAuthError::UnsupportedGrantType) => answer::json(400, &json!({ "error": "Bad request" })),
        (Flavor::Akkoma, _) => answer::json(400, &json!({ "error": "Invalid credentials" })),
        (Flavor::Takahe, OAuthError::InvalidGrant) => answer::json(401, &json!({ "error": "access_denied" })),
        _ => oauth_error(e),
    }
}

fn oauth_error(e: OAuthError) -> Answer {
    answer::json(e.status(), &json!({ "error": e.code(), "error_description": e.description() }))
}

/// `POST /oauth/revoke` (RFC 7009): client authentication required; unknown tokens are fine.
fn revoke(store: &mut Store, req: &Request, params: &Params) -> Answer {
    let (id, secret) = client_of(req, params);
    let result = store
        .authenticate(id.as_deref(), secret.as_deref())
        .and_then(|client| store.revoke(&client, params.present("token")));
    match result {
        Ok(()) => answer::json(200, &json!({})),
        Err(e) => oauth_error(e),
    }
}

/// The user behind a bearer token, after Mastodon's checks in Mastodon's order: a valid token
/// (401), one of the `accepted` scopes (403), a user rather than an app-only token (422). The
/// refusal is boxed: an answer is large beside a reference.
fn authorized_user(
    store: &Store,
    req: &Request,
    accepted: &[&str],
) -> Result<&'static accounts::DemoAccount, Box<Answer>> {
    let token = bearer_token(req.headers()).and_then(|t| store.bearer(t)).ok_or_else(|| {
        Box::new(answer::json(401, &json!({ "error": "The access token is invalid" })).with_header(
            WWW_AUTHENTICATE,
            "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
        ))
    })?;
    if !token.scopes.iter().any(|s| accepted.contains(&s.as_str())) {
        return Err(Box::new(answer::json(403, &json!({ "error": "This action is outside the authorized scopes" })).with_header(
            WWW_AUTHENTICATE,
            "Bearer realm=\"Doorkeeper\", error=\"insufficient_scope\", error_description=\"The request requires higher privileges than provided by the access token.\"",
        )));
    }
    blank_to_none(token.username.as_deref())
        .and_then(accounts::find)
        .ok_or_else(|| Box::new(answer::json(422, &json!({ "error": "This method requires an authenticated user" }))))
}

/// `GET /api/v1/accounts/verify_credentials`.
fn verify_credentials(shared: &Shared, req: &Request) -> Answer {
    let accepted: &[&str] = match shared.config.flavor {
        Flavor::Mastodon | Flavor::GoToSocial => &["profile", "read", "read:accounts"],
        Flavor::Akkoma => &["read", "read:accounts"],
        // Takahē does not understand granular scopes.
        Flavor::Takahe => &["read"],
    };
    match authorized_user(&shared.store(), req, accepted) {
        Ok(account) => answer::json(200, &accounts::credential_json(account, &shared.base_url)),
        Err(refusal) => *refusal,
    }
}

/// `GET|POST /oauth/userinfo` (Mastodon 4.3+): the OpenID Connect view of the `profile` scope.
fn userinfo(shared: &Shared, req: &Request) -> Answer {
    let account = match authorized_user(&shared.store(), req, &["profile"]) {
        Ok(account) => account,
        Err(refusal) => return *refusal,
    };
    let base = &shared.base_url;
    let json = accounts::account_json(account, base);
    answer::json(
        200,
        &json!({
            "iss": format!("{base}/"),
            "sub": json["uri"],
            "name": json["display_name"],
            "preferred_username": json["username"],
            "profile": json["url"],
            "picture": json["avatar"],
        }),
    )
}
