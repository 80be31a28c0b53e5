//! The strict demo server over real HTTP on 127.0.0.1: the OAuth flow, its rules, flavors, faults.

use std::time::{Duration, Instant};

use mastokey::demo::{DemoServer, Fault, Flavor, ServerConfig};
use reqwest::redirect::Policy;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::poll::poll;

tests! {
    async full_oob_flow_ends_with_ada,
    async pages_speak_the_browsers_language_and_clean_hostile_text,
    async codes_are_single_use_and_client_auth_is_checked_first,
    async http_basic_client_auth_and_unsupported_grants,
    async redirect_uri_must_repeat_the_authorize_one,
    async loopback_port_is_ignored_for_ip_literals_only,
    async scopes_must_be_registered_ones,
    async expired_codes_are_refused,
    async pkce_s256_is_enforced_when_a_challenge_was_sent,
    async revocation_rules,
    async verify_credentials_scope_and_user_checks,
    async deny_redirects_with_access_denied,
    async app_registration_validation,
    async flavors_differ_where_real_servers_do,
    async faults_are_seen_by_the_client,
    async a_redirect_fault_answers_its_status_and_location,
    async head_is_get_without_the_body,
    async request_limits_are_answered_on_the_wire,
    async requests_are_recorded_in_order,
    async unknown_routes_wrong_methods_and_bad_bytes,
    async demo_extras_userinfo_and_avatars,
    async dropping_the_server_ends_hung_connections,
}

const OOB: &str = "urn:ietf:wg:oauth:2.0:oob";
const LOOPBACK: &str = "http://127.0.0.1/callback";
const INVALID_GRANT: &str = "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.";
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 appendix B
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

struct T {
    server: DemoServer,
    http: reqwest::Client,
}

struct App {
    id: String,
    secret: String,
}

impl T {
    async fn new(config: ServerConfig) -> T {
        let server = DemoServer::start(config).await.expect("bind");
        let http = reqwest::Client::builder().redirect(Policy::none()).no_proxy().build().expect("client");
        T { server, http }
    }

    async fn mastodon() -> T {
        T::new(ServerConfig::default()).await
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base_url())
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let r = self.http.get(self.url(path)).send().await.expect("send");
        (r.status().as_u16(), r.text().await.expect("body"))
    }

    async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.http.post(self.url(path)).form(form).send().await.expect("send")
    }

    async fn post_json(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let r = self.post(path, form).await;
        (r.status().as_u16(), r.json().await.expect("json"))
    }

    async fn register(&self, redirect_uris: &str, scopes: &str) -> App {
        let form = [("client_name", "mastokey"), ("redirect_uris", redirect_uris), ("scopes", scopes)];
        let (status, body) = self.post_json("/api/v1/apps", &form).await;
        assert_eq!(status, 200, "{body}");
        App { id: body["client_id"].as_str().unwrap().into(), secret: body["client_secret"].as_str().unwrap().into() }
    }

    /// GET the authorize page with these fields, then POST them back with a decision.
    async fn authorize(&self, app: &App, fields: &[(&str, &str)], decision: &str) -> reqwest::Response {
        let mut form = vec![("client_id", app.id.as_str()), ("response_type", "code")];
        form.extend_from_slice(fields);
        let page = self.http.get(self.url("/oauth/authorize")).query(&form).send().await.unwrap();
        assert_eq!(page.status(), 200, "{}", page.text().await.unwrap());
        form.extend([("username", "ada"), ("decision", decision)]);
        self.post("/oauth/authorize", &form).await
    }

    /// A code for `ada` through the OOB page.
    async fn oob_code(&self, app: &App, scope: &str, extra: &[(&str, &str)]) -> String {
        let mut fields = vec![("redirect_uri", OOB), ("scope", scope)];
        fields.extend_from_slice(extra);
        let r = self.authorize(app, &fields, "approve").await;
        assert_eq!(r.status(), 200);
        code_in(&r.text().await.unwrap())
    }

    async fn exchange(&self, app: &App, code: &str, redirect: &str, extra: &[(&str, &str)]) -> (u16, Value) {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("client_id", app.id.as_str()),
            ("client_secret", app.secret.as_str()),
            ("code", code),
            ("redirect_uri", redirect),
        ];
        form.extend_from_slice(extra);
        self.post_json("/oauth/token", &form).await
    }

    async fn me(&self, token: &str) -> (u16, Value) {
        let r = self.http.get(self.url("/api/v1/accounts/verify_credentials")).bearer_auth(token).send().await.unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    }

    async fn login(&self, scope: &str) -> (App, String) {
        let app = self.register(OOB, scope).await;
        let code = self.oob_code(&app, scope, &[]).await;
        let (status, body) = self.exchange(&app, &code, OOB, &[]).await;
        assert_eq!(status, 200, "{body}");
        (app, body["access_token"].as_str().unwrap().to_owned())
    }
}

fn code_in(html: &str) -> String {
    let line = html.lines().find(|l| l.starts_with("<code id=\"authorization_code\">")).expect("code line");
    line.trim_start_matches("<code id=\"authorization_code\">").trim_end_matches("</code>").to_owned()
}

/// Raw bytes to the server, as a client that is not reqwest might send them; the whole answer,
/// which must come, and the connection close, within `patience`.
async fn raw(port: u16, request: &[u8], patience: Duration) -> String {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(patience, stream.read_to_end(&mut answer)).await;
    read.expect("answered and closed in time").expect("read the answer");
    String::from_utf8_lossy(&answer).into_owned()
}

fn invalid_grant() -> Value {
    json!({ "error": "invalid_grant", "error_description": INVALID_GRANT })
}

async fn pages_speak_the_browsers_language_and_clean_hostile_text() {
    let t = T::mastodon().await;
    let app = t.register(OOB, "profile").await;
    let query =
        [("client_id", app.id.as_str()), ("redirect_uri", OOB), ("response_type", "code"), ("scope", "profile")];
    let page = |lang: &'static str| {
        let request = t.http.get(t.url("/oauth/authorize")).query(&query);
        async move { request.header("Accept-Language", lang).send().await.unwrap().text().await.unwrap() }
    };
    let ja = page("ja,en-US;q=0.9").await;
    assert!(
        ja.contains("<html lang=\"ja\">")
            && ja.contains("<title>mastokey の承認</title>")
            && ja.contains(">拒否</button>")
    );
    let fr = page("de-DE, fr;q=0.8").await;
    assert!(fr.contains("<html lang=\"fr\">") && fr.contains("Autoriser mastokey") && fr.contains(">Refuser</button>"));
    let en = page("es").await;
    assert!(en.contains("<html lang=\"en\">") && en.contains("Authorize mastokey"), "English for the rest");
    // `curl` of the page prints it to a terminal: the hostile account's escapes are gone.
    for html in [&ja, &fr, &en, &t.get("/").await.1] {
        assert!(html.contains("Mallory RED") && !html.contains('\u{1b}') && !html.contains('\u{7}'), "{html}");
    }
    // The code page and the error pages too; the JSON answers stay as Mastodon writes them.
    let approve = [query.as_slice(), &[("username", "ada")]].concat();
    let r = t.http.post(t.url("/oauth/authorize")).header("Accept-Language", "fr").form(&approve).send().await.unwrap();
    let code_page = r.text().await.unwrap();
    assert!(code_page.contains("Code d’autorisation") && code_page.contains("collez-le dans mastokey"), "{code_page}");
    let bad = t.http.get(t.url("/oauth/authorize")).header("Accept-Language", "ja").query(&[("client_id", "nope")]);
    let bad = bad.send().await.unwrap();
    assert_eq!(bad.status(), 400);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("エラーが発生しました") && bad.contains("<code>invalid_client</code>"), "{bad}");
    let token = t.http.post(t.url("/oauth/token")).header("Accept-Language", "ja").form(&[("grant_type", "x")]);
    let token: Value = token.send().await.unwrap().json().await.unwrap();
    assert!(token["error_description"].as_str().is_some_and(|d| d.is_ascii()), "{token}");
}

async fn full_oob_flow_ends_with_ada() {
    let t = T::mastodon().await;
    let (status, doc) = t.get("/.well-known/oauth-authorization-server").await;
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(doc["code_challenge_methods_supported"], json!(["S256"]));
    assert_eq!(doc["issuer"], format!("{}/", t.server.base_url()));
    assert!(doc["scopes_supported"].as_array().unwrap().contains(&json!("admin:write:ip_blocks")));

    let app = t.register(OOB, "profile read").await;
    let query =
        [("client_id", app.id.as_str()), ("redirect_uri", OOB), ("response_type", "code"), ("scope", "profile")];
    let page = t.http.get(t.url("/oauth/authorize")).query(&query).send().await.unwrap().text().await.unwrap();
    for needle in [
        "<title>Authorize mastokey</title>",
        "name=\"username\" value=\"ada\" checked",
        "Ada Lovelace",
        "山田花子",
        "value=\"approve\"",
        "value=\"deny\"",
        "<code>profile</code>",
        "type=\"hidden\" name=\"redirect_uri\" value=\"urn:ietf:wg:oauth:2.0:oob\"",
    ] {
        assert!(page.contains(needle), "page lacks {needle}");
    }
    // Like mastodon-mock: no decision means approve.
    let r = t.post("/oauth/authorize", &[query.as_slice(), &[("username", "ada")]].concat()).await;
    assert_eq!(r.status(), 200);
    let code = code_in(&r.text().await.unwrap());
    assert_eq!(code.len(), 43);

    let r = t
        .post(
            "/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("client_id", &app.id),
                ("client_secret", &app.secret),
                ("code", &code),
                ("redirect_uri", OOB),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let token: Value = r.json().await.unwrap();
    assert_eq!((token["token_type"].as_str(), token["scope"].as_str()), (Some("Bearer"), Some("profile")));
    assert!(token["created_at"].as_u64().unwrap() > 1_700_000_000);

    let (status, me) = t.me(token["access_token"].as_str().unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!((me["username"].as_str(), me["acct"].as_str()), (Some("ada"), Some("ada")));
    assert_eq!(me["source"]["privacy"], "unlisted");
    assert_eq!(me["role"]["name"], "Admin");
    assert_eq!(me["created_at"], "2022-11-05T00:00:00.000Z");
}

async fn codes_are_single_use_and_client_auth_is_checked_first() {
    let t = T::mastodon().await;
    let app = t.register(OOB, "read").await;
    let code = t.oob_code(&app, "read", &[]).await;
    let bad = App { id: app.id.clone(), secret: "wrong".into() };
    let (status, body) = t.exchange(&bad, &code, OOB, &[]).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({ "error": "invalid_client", "error_description": "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method." })
    );
    // A failed client authentication does not burn the code; the first real attempt does.
    assert_eq!(t.exchange(&app, &code, OOB, &[]).await.0, 200);
    assert_eq!(t.exchange(&app, &code, OOB, &[]).await, (400, invalid_grant()));
    assert_eq!(t.exchange(&app, "no-such-code", OOB, &[]).await, (400, invalid_grant()));
    let (status, body) = t.exchange(&app, "", OOB, &[]).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_request")));
}

async fn http_basic_client_auth_and_unsupported_grants() {
    let t = T::mastodon().await;
    let app = t.register(OOB, "read").await;
    let code = t.oob_code(&app, "read", &[]).await;
    let form = [("grant_type", "authorization_code"), ("code", code.as_str()), ("redirect_uri", OOB)];
    let r = t.http.post(t.url("/oauth/token")).basic_auth(&app.id, Some(&app.secret)).form(&form).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let (status, body) = t.post_json("/oauth/token", &[("grant_type", "password"), ("client_id", &app.id)]).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("unsupported_grant_type")));
}

async fn redirect_uri_must_repeat_the_authorize_one() {
    let t = T::mastodon().await;
    let app = t.register(&format!("{OOB}\nhttps://app.example/cb"), "read").await;
    let code = t.oob_code(&app, "read", &[]).await;
    assert_eq!(t.exchange(&app, &code, "https://app.example/cb", &[]).await, (400, invalid_grant()));
    // The failed attempt burnt the code.
    assert_eq!(t.exchange(&app, &code, OOB, &[]).await, (400, invalid_grant()));
}

async fn loopback_port_is_ignored_for_ip_literals_only() {
    let t = T::mastodon().await;
    let app = t.register(LOOPBACK, "read").await;
    let with_port = "http://127.0.0.1:54321/callback";
    let r = t.authorize(&app, &[("redirect_uri", with_port), ("state", "xyz")], "approve").await;
    assert_eq!(r.status(), 302);
    let location = url::Url::parse(r.headers()["location"].to_str().unwrap()).unwrap();
    assert_eq!(location.as_str().split('?').next(), Some(with_port));
    let pairs: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    assert_eq!(pairs.get("state").map(String::as_str), Some("xyz"));
    let code = pairs["code"].clone();
    assert_eq!(t.exchange(&app, &code, with_port, &[]).await.0, 200);

    let refused = |t: &T, app_id: &str, redirect: &str| {
        let q =
            vec![("client_id", app_id.to_owned()), ("response_type", "code".into()), ("redirect_uri", redirect.into())];
        t.http.get(t.url("/oauth/authorize")).query(&q).send()
    };
    let local = t.register("http://localhost/callback", "read").await;
    let r = refused(&t, &local.id, "http://localhost:54321/callback").await.unwrap();
    assert_eq!(r.status(), 400);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("<code>invalid_redirect_uri</code>") && page.contains("not one the app registered"),
        "{page}"
    );

    // GoToSocial compares exactly, yet shows the consent page; Allow then sends the browser to
    // the unregistered URI with `error=server_error` (server_kinds.rs has the rest of its rules).
    let gts = T::new(ServerConfig { flavor: Flavor::GoToSocial, ..Default::default() }).await;
    let app = gts.register(LOOPBACK, "read").await;
    let r = gts.authorize(&app, &[("redirect_uri", with_port), ("state", "s")], "approve").await;
    assert_eq!(r.status(), 302);
    assert_eq!(r.headers()["location"], format!("{with_port}?error=server_error&state=s").as_str());
    assert_eq!(refused(&gts, &app.id, LOOPBACK).await.unwrap().status(), 200);
}

async fn scopes_must_be_registered_ones() {
    let t = T::mastodon().await;
    let app = t.register(&format!("{OOB} {LOOPBACK}"), "read").await;
    for scope in ["write", "read:accounts", "read,write"] {
        let q = [("client_id", app.id.as_str()), ("response_type", "code"), ("redirect_uri", OOB), ("scope", scope)];
        let r = t.http.get(t.url("/oauth/authorize")).query(&q).send().await.unwrap();
        assert_eq!(r.status(), 400, "{scope}");
        assert!(r.text().await.unwrap().contains("invalid_scope"));
    }
    // With a trusted redirect URI the browser is sent back with the error, as Doorkeeper does.
    let q = [
        ("client_id", app.id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", LOOPBACK),
        ("scope", "write"),
        ("state", "s1"),
    ];
    let r = t.http.get(t.url("/oauth/authorize")).query(&q).send().await.unwrap();
    assert_eq!(r.status(), 302);
    let location = r.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("http://127.0.0.1/callback?error=invalid_scope&") && location.ends_with("&state=s1"),
        "{location}"
    );

    let code = t.oob_code(&app, "read", &[]).await;
    let (status, body) = t.exchange(&app, &code, OOB, &[("scope", "read write")]).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_scope")));
}

async fn expired_codes_are_refused() {
    let t = T::new(ServerConfig { code_lifetime: Duration::from_millis(50), ..Default::default() }).await;
    let app = t.register(OOB, "read").await;
    let code = t.oob_code(&app, "read", &[]).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(t.exchange(&app, &code, OOB, &[]).await, (400, invalid_grant()));
}

async fn pkce_s256_is_enforced_when_a_challenge_was_sent() {
    let t = T::mastodon().await;
    let app = t.register(OOB, "read").await;
    let pkce = [("code_challenge", CHALLENGE), ("code_challenge_method", "S256")];
    let code = t.oob_code(&app, "read", &pkce).await;
    let (status, body) = t.exchange(&app, &code, OOB, &[]).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_request")));
    let code = t.oob_code(&app, "read", &pkce).await;
    assert_eq!(t.exchange(&app, &code, OOB, &[("code_verifier", "not-the-verifier")]).await, (400, invalid_grant()));
    let code = t.oob_code(&app, "read", &pkce).await;
    assert_eq!(t.exchange(&app, &code, OOB, &[("code_verifier", VERIFIER)]).await.0, 200);

    let q = [
        ("client_id", app.id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", OOB),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "plain"),
    ];
    let r = t.http.get(t.url("/oauth/authorize")).query(&q).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let code = t.server.approve(&app.id, OOB, "read", "grace", Some(CHALLENGE)).unwrap();
    assert_eq!(t.exchange(&app, &code, OOB, &[("code_verifier", VERIFIER)]).await.0, 200);
    assert!(t.server.approve(&app.id, OOB, "read", "nobody", None).is_err());
    assert!(t.server.approve(&app.id, OOB, "write", "ada", None).is_err());
}

async fn revocation_rules() {
    let t = T::mastodon().await;
    let (app, token) = t.login("read").await;
    let other = t.register(OOB, "read").await;
    let revoke = |app: &App, token: &str| {
        let form =
            vec![("client_id", app.id.clone()), ("client_secret", app.secret.clone()), ("token", token.to_owned())];
        t.http.post(t.url("/oauth/revoke")).form(&form).send()
    };
    let r = revoke(&other, &token).await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({ "error": "unauthorized_client", "error_description": "You are not authorized to revoke this token" })
    );
    assert_eq!(revoke(&App { id: app.id.clone(), secret: "x".into() }, &token).await.unwrap().status(), 401);
    assert_eq!(t.me(&token).await.0, 200);
    let r = revoke(&app, "unknown-token").await.unwrap();
    assert_eq!((r.status().as_u16(), r.text().await.unwrap()), (200, "{}".to_owned()));
    assert_eq!(revoke(&app, &token).await.unwrap().status(), 200);
    assert_eq!(t.me(&token).await, (401, json!({ "error": "The access token is invalid" })));
    assert_eq!(t.me("never-issued").await.0, 401);
}

async fn verify_credentials_scope_and_user_checks() {
    let t = T::mastodon().await;
    let (_, write_only) = t.login("write").await;
    assert_eq!(t.me(&write_only).await, (403, json!({ "error": "This action is outside the authorized scopes" })));
    let app = t.register(OOB, "read").await;
    let (status, cc) = t
        .post_json(
            "/oauth/token",
            &[("grant_type", "client_credentials"), ("client_id", &app.id), ("client_secret", &app.secret)],
        )
        .await;
    assert_eq!((status, cc["scope"].as_str()), (200, Some("read")));
    assert_eq!(
        t.me(cc["access_token"].as_str().unwrap()).await,
        (422, json!({ "error": "This method requires an authenticated user" }))
    );

    let takahe = T::new(ServerConfig { flavor: Flavor::Takahe, ..Default::default() }).await;
    let (_, granular) = takahe.login("read:accounts").await;
    assert_eq!(takahe.me(&granular).await.0, 403);
}

async fn deny_redirects_with_access_denied() {
    let t = T::mastodon().await;
    let app = t.register(&format!("{LOOPBACK}\n{OOB}"), "read").await;
    let r = t.authorize(&app, &[("redirect_uri", LOOPBACK), ("state", "st")], "deny").await;
    assert_eq!(r.status(), 302);
    let location = r.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("http://127.0.0.1/callback?error=access_denied&error_description=")
            && location.ends_with("&state=st"),
        "{location}"
    );
    let r = t.authorize(&app, &[("redirect_uri", OOB)], "deny").await;
    assert!(r.text().await.unwrap().contains("Authorization denied"));
}

async fn app_registration_validation() {
    let t = T::mastodon().await;
    let cases: [(&[(&str, &str)], &str); 4] = [
        (&[("redirect_uris", OOB)], "Validation failed: Application name can't be blank"),
        (
            &[("client_name", "x"), ("redirect_uris", "/callback")],
            "Validation failed: Redirect URI must be an absolute URI.",
        ),
        (&[("client_name", "x")], "Validation failed: Redirect URI can't be blank"),
        (
            &[("client_name", "x"), ("redirect_uris", OOB), ("scopes", "read bogus")],
            "Validation failed: Scopes doesn't match configured on the server.",
        ),
    ];
    for (form, message) in cases {
        assert_eq!(t.post_json("/api/v1/apps", form).await, (422, json!({ "error": message })));
    }
    let r = t
        .http
        .post(t.url("/api/v1/apps"))
        .json(&json!({ "client_name": "j", "redirect_uris": [OOB, LOOPBACK] }))
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["redirect_uris"], json!([OOB, LOOPBACK]));
    assert_eq!(body["redirect_uri"], format!("{OOB}\n{LOOPBACK}"));
    assert_eq!((body["scopes"].clone(), body["client_secret_expires_at"].clone()), (json!(["read"]), json!(0)));

    let akkoma = T::new(ServerConfig { flavor: Flavor::Akkoma, ..Default::default() }).await;
    let (status, _) =
        akkoma.post_json("/api/v1/apps", &[("client_name", "x"), ("redirect_uris", OOB), ("scopes", "profile")]).await;
    assert_eq!(status, 422);
}

async fn flavors_differ_where_real_servers_do() {
    for (flavor, version) in [
        (Flavor::GoToSocial, "v0.20.0-rc1"),
        (Flavor::Akkoma, "2.7.2 (compatible; Akkoma 3.15.1)"),
        (Flavor::Takahe, "takahe/0.11.0"),
        (Flavor::Snac, "4.0.0 (not true; really snac/2.94)"),
        (Flavor::Mastodon42, "4.2.13"),
    ] {
        let t = T::new(ServerConfig { flavor, ..Default::default() }).await;
        assert_eq!(t.get("/.well-known/oauth-authorization-server").await.0, 404);
        assert_eq!(t.get("/oauth/userinfo").await.0, 404);
        let v1: Value = serde_json::from_str(&t.get("/api/v1/instance").await.1).unwrap();
        assert_eq!(v1["version"], version);
        let v2 = matches!(flavor, Flavor::GoToSocial | Flavor::Takahe | Flavor::Mastodon42);
        assert_eq!(t.get("/api/v2/instance").await.0, if v2 { 200 } else { 404 }, "{flavor:?}");
    }
    let akkoma = T::new(ServerConfig { flavor: Flavor::Akkoma, ..Default::default() }).await;
    let app = akkoma.register(OOB, "read").await;
    assert_eq!(akkoma.exchange(&app, "wrong", OOB, &[]).await, (400, json!({ "error": "Invalid credentials" })));
    let takahe = T::new(ServerConfig { flavor: Flavor::Takahe, ..Default::default() }).await;
    let app = takahe.register(OOB, "read").await;
    let wrong = takahe
        .post(
            "/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("client_id", &app.id),
                ("client_secret", &app.secret),
                ("code", "wrong"),
                ("redirect_uri", OOB),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 500, "Takahē's unhandled exception");
    assert!(wrong.text().await.unwrap().contains("Server Error (500)"));

    let old = T::new(ServerConfig { v2_instance: false, ..Default::default() }).await;
    assert_eq!(old.get("/api/v2/instance").await.0, 404);
    let (status, v1) = old.get("/api/v1/instance").await;
    let v1: Value = serde_json::from_str(&v1).unwrap();
    assert_eq!(
        (status, v1["version"].as_str(), v1["uri"].as_str()),
        (200, Some("4.6.0"), Some(&*format!("127.0.0.1:{}", old.server.port())))
    );
    let v2: Value = serde_json::from_str(&T::mastodon().await.get("/api/v2/instance").await.1).unwrap();
    assert_eq!(
        (v2["title"].as_str(), v2["registrations"]["enabled"].as_bool()),
        (Some("mastokey demo server"), Some(false))
    );
}

async fn faults_are_seen_by_the_client() {
    let t = T::mastodon().await;
    let path = "/api/v2/instance";
    t.server.inject(path, Fault::Status(503, r#"{"error":"down"}"#.into()));
    assert_eq!(t.get(path).await, (503, r#"{"error":"down"}"#.to_owned()));
    t.server.inject(path, Fault::Status(429, r#"{"error":"Too many requests"}"#.into()));
    let r = t.http.get(t.url(path)).send().await.unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["x-ratelimit-remaining"].to_str().unwrap()), (429, "0"));

    t.server.inject(path, Fault::Delay(Duration::from_millis(300)));
    let started = Instant::now();
    assert_eq!(t.get(path).await.0, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    t.server.inject(path, Fault::Garbage);
    let r = t.http.get(t.url(path)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.json::<Value>().await.is_err());

    t.server.inject(path, Fault::Huge(300_000));
    let body = t.http.get(t.url(path)).send().await.unwrap().bytes().await.unwrap();
    assert_eq!(body.len(), 300_000);
    assert!(serde_json::from_slice::<Value>(&body).is_ok());

    t.server.inject(path, Fault::Drop);
    let err = t.http.get(t.url(path)).send().await.unwrap_err();
    assert!(!err.is_timeout() && !err.is_connect(), "{err:?}");

    t.server.inject(path, Fault::Hang);
    let err = t.http.get(t.url(path)).timeout(Duration::from_millis(300)).send().await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");

    assert_eq!(t.get("/api/v1/instance").await.0, 200, "other paths are unaffected");
    t.server.clear_faults();
    assert_eq!(t.get(path).await.0, 200);
}

async fn a_redirect_fault_answers_its_status_and_location() {
    let t = T::mastodon().await;
    let elsewhere = "https://elsewhere.example/oauth/token";
    t.server.inject("/oauth/token", Fault::Redirect { status: 307, location: elsewhere.into() });
    // The client has no redirect policy, so it sees the redirect itself.
    let r = t.post("/oauth/token", &[("grant_type", "authorization_code"), ("client_secret", "s3cret")]).await;
    assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (307, elsewhere));
    t.server.inject("/api/v1/instance", Fault::Redirect { status: 301, location: "/moved".into() });
    let r = t.http.get(t.url("/api/v1/instance")).send().await.unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (301, "/moved"));
    assert_eq!(t.get("/api/v2/instance").await.0, 200, "other paths are unaffected");
    t.server.clear_faults();
    assert_eq!(t.post("/oauth/token", &[]).await.status(), 400);
}

async fn head_is_get_without_the_body() {
    let t = T::mastodon().await;
    let r = t.http.head(t.url("/api/v1/instance")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert!(r.bytes().await.unwrap().is_empty());
    let answer =
        raw(t.server.port(), b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200 ") && answer.ends_with("\r\n\r\n"), "{answer}");
    assert_eq!(t.http.head(t.url("/oauth/token")).send().await.unwrap().headers()["allow"], "POST");
}

async fn request_limits_are_answered_on_the_wire() {
    let t = T::mastodon().await;
    let port = t.server.port();
    let at_once = Duration::from_secs(3);
    // A head over 16 KiB: 431.
    let long =
        [b"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-Long: ".as_slice(), &[b'a'; 20_000], b"\r\n\r\n"].concat();
    let answer = raw(port, &long, at_once).await;
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
    // Not a request (a malformed line, a TLS ClientHello with no line end at all): 400 at once.
    for bad in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET nopath HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
        b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    ] {
        let answer = raw(port, bad, at_once).await;
        assert!(answer.starts_with("HTTP/1.1 400 "), "{:?}: {answer}", String::from_utf8_lossy(bad));
    }
    // A declared body over 64 KiB is refused before it is sent: no `100 Continue` first.
    let head = b"POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 100000\r\n\r\n";
    let answer = raw(port, head, at_once).await;
    assert!(answer.starts_with("HTTP/1.1 413 ") && answer.contains("Request body too large"), "{answer}");
    // A chunked body is cut off at the limit.
    let chunk = [b"4000\r\n".as_slice(), &[b'a'; 0x4000], b"\r\n"].concat();
    let chunked = [
        b"POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".as_slice(),
        &chunk.repeat(5),
        b"0\r\n\r\n",
    ]
    .concat();
    let answer = raw(port, &chunked, at_once).await;
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    // Under the limit, chunked is fine (and reaches the app registration's own checks).
    let small = b"POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na=b\r\n0\r\n\r\n";
    let answer = raw(port, small, at_once).await;
    assert!(answer.starts_with("HTTP/1.1 422 "), "{answer}");
    assert_eq!(
        t.server.requests(),
        [("POST".to_owned(), "/api/v1/apps".to_owned())],
        "refused requests are not recorded"
    );
}

async fn requests_are_recorded_in_order() {
    let t = T::mastodon().await;
    t.get("/api/v1/instance?x=1").await;
    t.post("/oauth/token", &[]).await;
    t.get("/nope").await;
    let seen = t.server.requests();
    let expected = [("GET", "/api/v1/instance"), ("POST", "/oauth/token"), ("GET", "/nope")];
    assert_eq!(seen, expected.map(|(m, p)| (m.to_owned(), p.to_owned())));
}

async fn unknown_routes_wrong_methods_and_bad_bytes() {
    let t = T::mastodon().await;
    assert_eq!(t.get("/api/v1/nothing").await, (404, r#"{"error":"Record not found"}"#.to_owned()));
    assert_eq!(t.get("/oauth/token").await.0, 405);
    let r = t
        .http
        .post(t.url("/api/v1/apps"))
        .header("content-type", "application/json")
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = t.http.post(t.url("/api/v1/apps")).body(vec![b'a'; 100_000]).send().await.unwrap();
    assert_eq!(r.status(), 413);

    // A silent client holds its own connection only; a garbage one gets a 400.
    let _idle = tokio::net::TcpStream::connect(("127.0.0.1", t.server.port())).await.unwrap();
    let mut raw = tokio::net::TcpStream::connect(("127.0.0.1", t.server.port())).await.unwrap();
    raw.write_all(b"\x00\x01\x02 nonsense\r\n\r\n").await.unwrap();
    let mut answer = String::new();
    raw.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
    assert_eq!(t.get("/api/v1/instance").await.0, 200);
}

async fn demo_extras_userinfo_and_avatars() {
    let t = T::mastodon().await;
    let (_, token) = t.login("profile").await;
    let r = t.http.get(t.url("/oauth/userinfo")).bearer_auth(&token).send().await.unwrap();
    let info: Value = r.json().await.unwrap();
    assert_eq!(info["preferred_username"], "ada");
    let (_, me) = t.me(&token).await;
    let avatar = t.http.get(me["avatar"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(avatar.headers()["content-type"], "image/png");
    assert!(avatar.bytes().await.unwrap().starts_with(b"\x89PNG"));
    assert!(DemoServer::accounts().iter().any(|a| a.username == "hanako" && a.display_name.contains(":sakura:")));
}

async fn dropping_the_server_ends_hung_connections() {
    let T { server, http } = T::mastodon().await;
    let url = format!("{}/api/v1/instance", server.base_url());
    server.inject("/api/v1/instance", Fault::Hang);
    let pending = tokio::spawn(http.get(&url).send());
    poll("the request to reach the server")
        .every(Duration::from_millis(10))
        .until_async(|| async { if server.requests().is_empty() { Err("no request yet") } else { Ok(()) } })
        .await;
    drop(server);
    let result = tokio::time::timeout(Duration::from_secs(5), pending).await.expect("still hanging").unwrap();
    assert!(result.is_err());
    assert!(http.get(&url).send().await.unwrap_err().is_connect(), "the port is closed");
}
