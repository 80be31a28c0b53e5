//! Request routing, and the JSON endpoints: token, revoke, verify_credentials, userinfo.

use hyper::Method;
use hyper::header::{ALLOW, CACHE_CONTROL, CONTENT_TYPE, PRAGMA};
use serde_json::{Value, json};

use super::answer::{self, Answer, WithHeader};
use super::connection::Request;
use super::params::{Params, basic_auth, bearer_token};
use super::personality::{self, token_error};
use super::rules::blank_to_none;
use super::state::{CodeExchange, OAuthError, Store, Token};
use super::{Flavor, Shared, accounts, apps, authorize, avatar, discovery, pages};

/// Answers one request, its pages in the browser's language. Never panics: every input problem
/// becomes a status code.
pub(crate) fn handle(shared: &Shared, req: &Request) -> Answer {
    crate::i18n::with(crate::web_page::browser_language(req.headers()), || route(shared, req))
}

fn route(shared: &Shared, req: &Request) -> Answer {
    // HEAD is answered as GET; hyper leaves the body out.
    let method = if req.method() == Method::HEAD { "GET" } else { req.method().as_str() };
    let path = req.uri().path();
    let config = &shared.config;
    let nodeinfo_path = discovery::nodeinfo_path(config.flavor).0;
    let allowed: &[&str] = match path {
        "/"
        | "/.well-known/oauth-authorization-server"
        | "/.well-known/nodeinfo"
        | "/api/v1/instance"
        | "/api/v2/instance"
        | "/api/v1/accounts/verify_credentials"
        | "/api/v1/apps/verify_credentials" => &["GET"],
        "/api/v1/apps" | "/oauth/token" | "/oauth/revoke" => &["POST"],
        "/oauth/authorize" | "/oauth/userinfo" => &["GET", "POST"],
        p if avatar::serves(p) || p == nodeinfo_path => &["GET"],
        _ => return not_found(config.flavor),
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
    let base = shared.base_url.as_str();
    let not_found = || not_found(config.flavor);
    match (method, path) {
        ("GET", "/") => answer::html(200, pages::index(discovery::title(config.flavor), accounts::all())),
        ("GET", "/.well-known/oauth-authorization-server") => {
            discovery::oauth_metadata(config, base).map_or_else(not_found, |doc| answer::json(200, &doc))
        }
        ("GET", "/api/v2/instance") => {
            discovery::instance_v2(config, base, &shared.domain).map_or_else(not_found, |doc| answer::json(200, &doc))
        }
        ("GET", "/api/v1/instance") => answer::json(200, &discovery::instance_v1(config, base, &shared.domain)),
        ("GET", "/.well-known/nodeinfo") => discovery::nodeinfo_links(config, base, &shared.domain)
            .map_or_else(not_found, |doc| answer::json(200, &doc)),
        ("GET", p) if p == nodeinfo_path => {
            discovery::nodeinfo(config).map_or_else(not_found, |doc| answer::json(200, &doc))
        }
        ("POST", "/api/v1/apps") => apps::register(&mut shared.store(), config, &params),
        ("GET", "/oauth/authorize") => authorize::show(&shared.store(), config, &params),
        ("POST", "/oauth/authorize") => authorize::decide(&mut shared.store(), config, &params),
        ("POST", "/oauth/token") => token(shared, req, &params),
        ("POST", "/oauth/revoke") => revoke(shared, req, &params),
        ("GET", "/api/v1/accounts/verify_credentials") => verify_credentials(shared, req),
        ("GET", "/api/v1/apps/verify_credentials") => app_credentials(shared, req),
        (_, "/oauth/userinfo") if config.flavor == Flavor::Mastodon => userinfo(shared, req),
        ("GET", p) if avatar::serves(p) => answer::with_body(200, "image/png", avatar::png(p))
            .with_header(CACHE_CONTROL, "public, max-age=31536000, immutable"),
        _ => not_found(),
    }
}

/// Each server's 404: Rails' JSON, GoToSocial's own, snac's web page.
fn not_found(flavor: Flavor) -> Answer {
    match flavor {
        Flavor::GoToSocial => answer::json(404, &json!({ "error": "Not Found" })),
        Flavor::Snac => answer::html(404, pages::bare_status(404, "Not Found")),
        _ => answer::json(404, &json!({ "error": "Record not found" })),
    }
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
        // snac checks neither the grant type nor the code, only that the fields are there.
        _ if config.flavor == Flavor::Snac => snac_token(&mut store, config, id, secret, params),
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

/// snac's token endpoint: every field present, a known client with its secret; the code itself
/// is not looked at.
fn snac_token(
    store: &mut Store,
    config: &super::ServerConfig,
    id: Option<String>,
    secret: Option<String>,
    params: &Params,
) -> Result<Token, OAuthError> {
    let missing =
        ["code", "redirect_uri"].iter().any(|f| params.present(f).is_none()) || id.is_none() || secret.is_none();
    if missing {
        return Err(OAuthError::InvalidRequest("missing field"));
    }
    let client = store.authenticate(id.as_deref(), secret.as_deref())?;
    let exchange = CodeExchange { code: params.present("code"), ..CodeExchange::default() };
    store.exchange_code(config, &client, &exchange)
}

/// `POST /oauth/revoke` (RFC 7009): client authentication required; what an unknown token gets
/// depends on the server. GoToSocial reads form fields only.
fn revoke(shared: &Shared, req: &Request, params: &Params) -> Answer {
    let flavor = shared.config.flavor;
    let json_body = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.contains("json"));
    if flavor == Flavor::GoToSocial && json_body {
        return answer::json(400, &json!({ "error": "client_id not set" }));
    }
    let (id, secret) = client_of(req, params);
    let mut store = shared.store();
    let result = store.authenticate(id.as_deref(), secret.as_deref());
    let client_id = result.clone().unwrap_or_default();
    let result = result.and_then(|client| store.revoke(&client, params.present("token")));
    personality::revoked(flavor, &mut store, &client_id, result)
}

/// The user behind a bearer token, after Mastodon's checks in Mastodon's order: a valid token
/// (401, or the server's own refusal), one of the `accepted` scopes (403; none listed: any), a
/// user rather than an app-only token (422). The refusal is boxed: an answer is large beside a
/// reference.
fn authorized_user(
    shared: &Shared,
    req: &Request,
    accepted: &[&str],
) -> Result<&'static accounts::DemoAccount, Box<Answer>> {
    let flavor = shared.config.flavor;
    let store = shared.store();
    let sent = bearer_token(req.headers());
    let token =
        sent.and_then(|t| store.bearer(t)).ok_or_else(|| Box::new(personality::bad_token(flavor, sent.is_some())))?;
    if !accepted.is_empty() && !token.scopes.iter().any(|s| accepted.contains(&s.as_str())) {
        return Err(Box::new(personality::out_of_scope(flavor)));
    }
    blank_to_none(token.username.as_deref()).and_then(accounts::find).ok_or_else(|| {
        Box::new(match flavor {
            Flavor::Snac => personality::bad_token(flavor, true),
            _ => answer::json(422, &json!({ "error": "This method requires an authenticated user" })),
        })
    })
}

/// `GET /api/v1/accounts/verify_credentials`.
fn verify_credentials(shared: &Shared, req: &Request) -> Answer {
    match authorized_user(shared, req, personality::identity_scopes(shared.config.flavor)) {
        Ok(account) => answer::json(200, &accounts::credential_json(account, &shared.base_url)),
        Err(refusal) => *refusal,
    }
}

/// `GET /api/v1/apps/verify_credentials`: the app a token was made for, as Mastodon answers
/// it. Its scopes (the app's) are there from Mastodon 4.3 on; the other kinds do not have it.
fn app_credentials(shared: &Shared, req: &Request) -> Answer {
    let flavor = shared.config.flavor;
    if !matches!(flavor, Flavor::Mastodon | Flavor::Mastodon42) {
        return not_found(flavor);
    }
    let store = shared.store();
    let sent = bearer_token(req.headers());
    let Some(token) = sent.and_then(|t| store.bearer(t)) else {
        return personality::bad_token(flavor, sent.is_some());
    };
    let Some(app) = store.app(&token.client_id) else { return personality::bad_token(flavor, true) };
    let mut json = json!({
        "id": app.id.to_string(),
        "name": app.name,
        "website": app.website,
        "vapid_key": "",
    });
    if flavor == Flavor::Mastodon {
        json["scopes"] = json!(app.scopes);
        json["redirect_uris"] = json!(app.redirect_uris);
        json["redirect_uri"] = json!(app.redirect_uris.join("\n"));
    }
    answer::json(200, &json)
}

/// `GET|POST /oauth/userinfo` (Mastodon 4.3+): the OpenID Connect view of the `profile` scope.
fn userinfo(shared: &Shared, req: &Request) -> Answer {
    let account = match authorized_user(shared, req, &["profile"]) {
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
