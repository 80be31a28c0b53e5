//! App registration, the authorize URL, the token exchange and revocation (OAuth 2.0 authorization_code).

use serde::{Deserialize, Serialize};
use url::Url;

use super::ServerOrigin;
use super::client::Client;
use super::error::ApiError;
use super::scopes;
use crate::secret::Secret;

/// An app registered on a server (`POST /api/v1/apps`), reused for later logins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    /// e.g. `https://mastodon.social`.
    pub server: ServerOrigin,
    pub client_id: String,
    pub client_secret: Secret,
    pub redirect_uris: Vec<String>,
    pub scopes: Vec<String>,
    /// RFC 3339.
    pub created_at: String,
}

/// The out-of-band redirect: the server shows the code and the person pastes it.
pub const OOB: &str = "urn:ietf:wg:oauth:2.0:oob";
pub const CLIENT_NAME: &str = "mastokey";
pub const WEBSITE: &str = "https://github.com/mastokey/mastokey";

/// `POST /api/v1/apps`. `redirect_uris` is sent newline-separated, which every server accepts
/// (Takahē refuses an array), and the scopes twice, as `scopes` and as snac's singular `scope`.
/// The answer is read as servers really send it: snac gives `redirect_uri` as one string,
/// Takahē gives no `scopes`; only `client_id` and `client_secret` are required.
pub async fn register_app(
    client: &Client,
    server: &super::ServerOrigin,
    apps_endpoint: Url,
    redirect_uris: &[String],
    scopes: &[String],
    now: String,
) -> Result<Registration, ApiError> {
    let form = [
        ("client_name", CLIENT_NAME.to_owned()),
        ("redirect_uris", redirect_uris.join("\n")),
        ("scopes", scopes.join(" ")),
        ("scope", scopes.join(" ")),
        ("website", WEBSITE.to_owned()),
    ];
    let (path, body) = client.send(client.post(apps_endpoint).form(&form)).await?;
    read_registration(&path, &body, server, redirect_uris, scopes, now)
}

/// A registration answer's body (from `path`) as the registration to save: what was asked, with
/// the server's `client_id` and `client_secret` (required) and the scopes it says it registered
/// (bounded as [`scopes::granted_from`] bounds them; none said: those asked for).
pub fn read_registration(
    path: &str,
    body: &[u8],
    server: &super::ServerOrigin,
    redirect_uris: &[String],
    scopes: &[String],
    now: String,
) -> Result<Registration, ApiError> {
    let app: serde_json::Value = super::client::decode(path, body)?;
    let (client_id, client_secret) = app_credentials(&app).ok_or_else(|| ApiError::Malformed {
        path: "/api/v1/apps".into(),
        detail: crate::tr!("detail-no-client-credentials"),
    })?;
    Ok(Registration {
        server: server.clone(),
        client_id,
        client_secret,
        redirect_uris: redirect_uris.to_vec(),
        scopes: scopes::granted_from(registered_scopes(&app).as_deref(), scopes),
        created_at: now,
    })
}

/// The scopes in an answer of `GET /api/v1/apps/verify_credentials` (Mastodon 4.3 and later
/// list the app's scopes there), bounded as any scopes a server says; `None` when it names none.
pub fn app_scopes(path: &str, body: &[u8]) -> Option<Vec<String>> {
    let app: serde_json::Value = super::client::decode(path, body).ok()?;
    let said = registered_scopes(&app).filter(|s| !s.trim().is_empty())?;
    Some(scopes::granted_from(Some(&said), &[])).filter(|list| !list.is_empty())
}

/// `client_id` and `client_secret` of a registration answer, as text (some servers send a
/// number for the id); `None` when either is missing or empty.
fn app_credentials(app: &serde_json::Value) -> Option<(String, Secret)> {
    let id = app.get("client_id").and_then(super::lenient::text).filter(|s| !s.is_empty())?;
    let secret = app.get("client_secret").and_then(super::lenient::text).filter(|s| !s.is_empty())?;
    // Server text that is stored and may be shown: no escape sequences in it.
    Some((crate::sanitize::clean(&id), Secret::new(secret)))
}

/// The registered scopes: an array (Mastodon), a space-separated string (some servers), or
/// absent (Takahē).
fn registered_scopes(app: &serde_json::Value) -> Option<String> {
    match app.get("scopes")? {
        serde_json::Value::Array(items) => Some(items.iter().filter_map(|s| s.as_str()).collect::<Vec<_>>().join(" ")),
        serde_json::Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// Everything the authorize URL carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeRequest<'a> {
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub scopes: &'a [String],
    pub state: &'a str,
    pub code_challenge: Option<&'a str>,
    pub force_login: bool,
}

pub fn authorize_url(endpoint: &Url, req: &AuthorizeRequest<'_>) -> Url {
    let mut url = endpoint.clone();
    {
        let mut q = url.query_pairs_mut();
        q.append_pair("response_type", "code")
            .append_pair("client_id", req.client_id)
            .append_pair("redirect_uri", req.redirect_uri)
            .append_pair("scope", &req.scopes.join(" "))
            .append_pair("state", req.state);
        if let Some(challenge) = req.code_challenge {
            q.append_pair("code_challenge", challenge).append_pair("code_challenge_method", "S256");
        }
        if req.force_login {
            q.append_pair("force_login", "true");
        }
    }
    url
}

/// What the token endpoint answers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    #[serde(default)]
    pub scope: Option<String>,
}

impl TokenResponse {
    /// Granted scopes; servers that leave `scope` out grant what was asked.
    pub fn granted(&self, requested: &[String]) -> Vec<String> {
        // Server text: sanitized, de-duplicated and bounded like everything shown or saved.
        scopes::granted_from(self.scope.as_deref(), requested)
    }
}

/// The token exchange at `POST /oauth/token`.
pub struct CodeExchange<'a> {
    pub registration: &'a Registration,
    pub code: &'a str,
    pub redirect_uri: &'a str,
    pub code_verifier: Option<&'a Secret>,
    pub scopes: &'a [String],
}

pub async fn exchange_code(
    client: &Client,
    token_endpoint: Url,
    ex: &CodeExchange<'_>,
) -> Result<TokenResponse, ApiError> {
    let scope = ex.scopes.join(" ");
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("client_id", ex.registration.client_id.as_str()),
        ("client_secret", ex.registration.client_secret.expose()),
        ("redirect_uri", ex.redirect_uri),
        ("code", ex.code),
        ("scope", scope.as_str()),
    ];
    if let Some(v) = ex.code_verifier {
        form.push(("code_verifier", v.expose()));
    }
    let secrets = [ex.registration.client_secret.expose(), ex.code, ex.code_verifier.map_or("", Secret::expose)];
    let token: TokenResponse =
        client.json(client.post(token_endpoint).form(&form)).await.map_err(|e| e.redact(&secrets))?;
    if token.access_token.is_empty() {
        return Err(ApiError::Malformed { path: "/oauth/token".into(), detail: crate::tr!("detail-no-access-token") });
    }
    Ok(token)
}

/// `POST /oauth/revoke` (RFC 7009) with the credentials of the app the token was issued to.
/// Any 2xx is success: Mastodon answers 200 `{}` even for a token it does not know (already
/// revoked counts as done), 403 for a token of another app, 401 for wrong app credentials.
pub async fn revoke(
    client: &Client,
    revocation_endpoint: Url,
    registration: &Registration,
    token: &Secret,
) -> Result<(), ApiError> {
    let form = [
        ("client_id", registration.client_id.as_str()),
        ("client_secret", registration.client_secret.expose()),
        ("token", token.expose()),
    ];
    let secrets = [registration.client_secret.expose(), token.expose()];
    client.send(client.post(revocation_endpoint).form(&form)).await.map(|_| ()).map_err(|e| e.redact(&secrets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_apps_answer_says_its_scopes_or_nothing() {
        let path = "/api/v1/apps/verify_credentials";
        let said = |json: &str| app_scopes(path, json.as_bytes());
        assert_eq!(
            said(r#"{"name":"x","scopes":["read","write:media"]}"#),
            Some(vec!["read".into(), "write:media".into()])
        );
        assert_eq!(said(r#"{"scopes":"read write"}"#), Some(vec!["read".into(), "write".into()]));
        // Mastodon 4.2 says no scopes; an empty or odd list is no answer either.
        for nothing in [r#"{"name":"x"}"#, r#"{"scopes":[]}"#, r#"{"scopes":" , "}"#, r#"{"scopes":7}"#, "not json"] {
            assert_eq!(said(nothing), None, "{nothing}");
        }
        // Bounded and marked as any scopes a server says.
        let flood = format!(r#"{{"scopes":"{}"}}"#, r"read:accounts x\u001b[2J ".repeat(5000));
        let list = said(&flood).unwrap();
        assert_eq!(list, ["read:accounts", "unknown(x)"]);
    }

    #[test]
    fn authorize_url_carries_every_field_encoded() {
        let endpoint = Url::parse("https://example.social/oauth/authorize").unwrap();
        let scopes = vec!["read:accounts".to_owned(), "write:statuses".to_owned()];
        let url = authorize_url(
            &endpoint,
            &AuthorizeRequest {
                client_id: "cid",
                redirect_uri: OOB,
                scopes: &scopes,
                state: "st",
                code_challenge: Some("E9Mel"),
                force_login: true,
            },
        );
        assert_eq!(
            url.as_str(),
            "https://example.social/oauth/authorize?response_type=code&client_id=cid&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=read%3Aaccounts+write%3Astatuses&state=st&code_challenge=E9Mel&code_challenge_method=S256&force_login=true"
        );
    }

    #[test]
    fn registration_answers_of_every_server_are_read() {
        use serde_json::json;
        let mastodon =
            json!({ "client_id": "cid", "client_secret": "cs", "scopes": ["read", "write"], "redirect_uris": [OOB] });
        let (id, secret) = app_credentials(&mastodon).unwrap();
        assert_eq!((id.as_str(), secret.expose()), ("cid", "cs"));
        let scopes_of = |app| scopes::granted_from(registered_scopes(app).as_deref(), &["profile".into()]);
        assert_eq!(scopes_of(&mastodon), ["read", "write"]);
        // snac: one redirect_uri string, scopes as text; Takahē: no scopes at all.
        let snac = json!({ "client_id": "c", "client_secret": "s", "redirect_uri": OOB, "scopes": "read write" });
        assert_eq!(scopes_of(&snac), ["read", "write"]);
        let takahe = json!({ "client_id": 7, "client_secret": "s", "redirect_uri": OOB });
        assert_eq!(app_credentials(&takahe).map(|c| c.0), Some("7".into()));
        assert_eq!(scopes_of(&takahe), ["profile"], "what was asked for, when the answer does not say");
        for bad in [json!({}), json!({ "client_id": "", "client_secret": "s" }), json!({ "client_id": "c" }), json!([])]
        {
            assert!(app_credentials(&bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn granted_scopes_default_to_requested() {
        let t = TokenResponse { access_token: Secret::new("t"), scope: None };
        assert_eq!(t.granted(&["read".into()]), ["read"]);
        let t = TokenResponse { access_token: Secret::new("t"), scope: Some("read write".into()) };
        assert_eq!(t.granted(&["read".into()]), ["read", "write"]);
        let hostile = TokenResponse {
            access_token: Secret::new("t"),
            scope: Some("read \u{1b}]0;PWNED\u{7}\u{1b}[2Jwrite".into()),
        };
        assert_eq!(hostile.granted(&[]), ["read", "write"], "escape sequences are dropped");
    }
}
