//! mastokey's HTTP layer (`mastodon::*`) over real HTTP on 127.0.0.1 against the strict demo
//! server: discovery, every failure kind, the whole OOB flow on each server flavor, and the
//! rule that no secret ever reaches error text.

use std::time::Duration;

use crate::support::approve::{approve, code_from_page};
use mastokey::demo::{DemoServer, Fault, Flavor, ServerConfig};
use mastokey::mastodon::ApiError;
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::address::{ServerAddress, parse};
use mastokey::mastodon::client::{BODY_LIMIT, Client, Timeouts};
use mastokey::mastodon::discovery::{ServerInfo, ServerKind, discover};
use mastokey::mastodon::oauth::{AuthorizeRequest, CodeExchange, OOB, authorize_url, exchange_code, register_app};
use mastokey::mastodon::pkce::{Pkce, new_state};
use mastokey::secret::Secret;
use mastokey::store::Registration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

tests! {
    async discovery_reads_well_known_and_v2_card_in_one_pass,
    async a_server_without_v2_instance_falls_back_to_v1,
    async other_server_kinds_are_detected_and_adapted_for,
    async a_broken_well_known_document_does_not_stop_discovery,
    async a_hanging_well_known_document_costs_only_the_timeout,
    async a_closed_port_is_refused,
    async an_unknown_name_is_a_dns_error,
    async https_to_a_plain_http_server_is_a_tls_error,
    async https_to_the_demo_servers_plain_port_is_a_tls_error_at_once,
    async a_server_that_never_answers_times_out,
    async no_instance_endpoint_means_not_mastodon,
    async answers_that_are_not_the_api_get_their_own_kinds,
    async requests_name_mastokey_and_registration_sends_mastodons_fields,
    async oob_login_on_mastodon_with_pkce_ends_with_ada,
    async oob_login_works_on_every_flavor_and_bad_codes_are_recognised,
    async a_server_that_echoes_secrets_in_its_errors_does_not_leak_them,
}

const NOW: &str = "2026-11-23T00:00:00Z";
const WELL_KNOWN: &str = "/.well-known/oauth-authorization-server";
const V2: &str = "/api/v2/instance";
const V1: &str = "/api/v1/instance";

/// Generous enough for a loaded CI machine, short enough that a hang fails the test quickly.
fn client() -> Client {
    Client::new(Timeouts { connect: Duration::from_secs(5), total: Duration::from_secs(20) })
}

async fn start(flavor: Flavor) -> (DemoServer, ServerAddress) {
    let server = DemoServer::start(ServerConfig { flavor, ..ServerConfig::default() }).await.expect("bind");
    let address = parse(&server.base_url()).expect("loopback address");
    (server, address)
}

async fn discover_err(client: &Client, address: &ServerAddress) -> ApiError {
    match discover(client, address.clone()).await {
        Ok(info) => panic!("discovery of {} should have failed, got {info:?}", address.origin()),
        Err(e) => e,
    }
}

/// Neither the Debug nor the Display form of an error may carry one of these values.
fn assert_no_secrets(e: &ApiError, secrets: &[&str]) {
    for text in [format!("{e:?}"), format!("{e}")] {
        for secret in secrets.iter().filter(|s| !s.is_empty()) {
            assert!(!text.contains(secret), "error text leaks a secret ({secret}): {text}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Discovery

async fn discovery_reads_well_known_and_v2_card_in_one_pass() {
    let (server, address) = start(Flavor::Mastodon).await;
    let info = discover(&client(), address.clone()).await.expect("discover");

    let oauth = info.oauth.as_ref().expect("Mastodon 4.3+ has the well-known document");
    for scope in ["profile", "read", "write:statuses", "admin:write:ip_blocks"] {
        assert!(info.scopes_supported().iter().any(|s| s == scope), "{scope} not in {:?}", info.scopes_supported());
    }
    assert_eq!(oauth.code_challenge_methods_supported, ["S256"]);
    assert!(info.supports_pkce());
    assert_eq!(info.card.title, "mastokey demo server");
    assert_eq!(info.card.version, "4.6.0");
    assert_eq!(info.card.domain, format!("127.0.0.1:{}", server.port()));
    assert!(info.card.users.is_some_and(|n| n > 0), "{:?}", info.card);
    assert_eq!(info.kind, ServerKind::Mastodon);
    assert_eq!(info.identity_scope(), "profile");
    assert_eq!(info.adaptations(), None);
    // Endpoints come from the document (same origin here).
    assert_eq!(info.token_endpoint().as_str(), format!("{}/oauth/token", server.base_url()));

    // Both documents and NodeInfo were asked for, and nothing else: the v1 fallback was not needed.
    let mut paths: Vec<String> = server.requests().into_iter().map(|(m, p)| format!("{m} {p}")).collect();
    paths.sort();
    let expected = [
        format!("GET {WELL_KNOWN}"),
        "GET /.well-known/nodeinfo".into(),
        format!("GET {V2}"),
        "GET /nodeinfo/2.0".into(),
    ];
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(paths, expected);
    assert_eq!(info.software().label(), "Mastodon 4.6.0");
}

async fn a_server_without_v2_instance_falls_back_to_v1() {
    let config = ServerConfig { v2_instance: false, ..ServerConfig::default() };
    let server = DemoServer::start(config).await.unwrap();
    let address = parse(&server.base_url()).unwrap();
    let info = discover(&client(), address).await.expect("discover through v1");
    assert_eq!(info.card.title, "mastokey demo server");
    assert_eq!(info.card.version, "4.6.0");
    assert_eq!(info.kind, ServerKind::Mastodon);
    assert!(!info.card.description.is_empty());
    let paths: Vec<String> = server.requests().into_iter().map(|(_, p)| p).collect();
    assert!(paths.iter().any(|p| p == V2) && paths.iter().any(|p| p == V1), "{paths:?}");
}

async fn other_server_kinds_are_detected_and_adapted_for() {
    let cases = [
        (Flavor::GoToSocial, ServerKind::GoToSocial, "profile", "GoToSocial Demo"),
        (Flavor::Snac, ServerKind::Snac, "read:accounts", "snac Demo"),
        (Flavor::Mastodon42, ServerKind::Mastodon, "read:accounts", "Mastodon 4.2 Demo"),
        (Flavor::Akkoma, ServerKind::Akkoma, "read:accounts", "Akkoma Demo"),
        (Flavor::Takahe, ServerKind::Takahe, "read", "Takahē Demo"),
    ];
    for (flavor, kind, identity, title) in cases {
        let (_server, address) = start(flavor).await;
        let info = discover(&client(), address).await.unwrap_or_else(|e| panic!("{flavor:?}: {e}"));
        assert_eq!(info.oauth, None, "{flavor:?} has no well-known document");
        assert!(!info.supports_pkce(), "{flavor:?}");
        assert_eq!(info.kind, kind, "{flavor:?}: version {:?}", info.card.version);
        assert_eq!(info.identity_scope(), identity, "{flavor:?}");
        assert_eq!(info.card.title, title, "{flavor:?}");
        assert!(info.adaptations().is_some_and(|a| !a.is_empty()), "{flavor:?} says what was adapted");
        // Without a document the conventional endpoints are used.
        assert!(info.authorize_endpoint().as_str().ends_with("/oauth/authorize"), "{flavor:?}");
    }
}

async fn a_broken_well_known_document_does_not_stop_discovery() {
    let faults = [
        Fault::Garbage,
        Fault::Status(500, r#"{"error":"boom"}"#.into()),
        Fault::Drop,
        Fault::Huge(2 * 1024 * 1024),
        Fault::Status(429, r#"{"error":"Too many requests"}"#.into()),
    ];
    for fault in faults {
        let (server, address) = start(Flavor::Mastodon).await;
        server.inject(WELL_KNOWN, fault.clone());
        let info = discover(&client(), address).await.unwrap_or_else(|e| panic!("{fault:?}: {e}"));
        assert_eq!(info.oauth, None, "{fault:?}");
        assert_eq!(info.card.title, "mastokey demo server", "{fault:?}");
        // Without the document we cannot know `profile` exists, so identity falls back.
        assert_eq!(info.identity_scope(), "read:accounts", "{fault:?}");
    }
}

async fn a_hanging_well_known_document_costs_only_the_timeout() {
    let (server, address) = start(Flavor::Mastodon).await;
    server.inject(WELL_KNOWN, Fault::Hang);
    let quick = Client::new(Timeouts { connect: Duration::from_secs(2), total: Duration::from_millis(500) });
    let info = discover(&quick, address).await.expect("the card alone is enough");
    assert_eq!(info.oauth, None);
    assert_eq!(info.card.version, "4.6.0");
}

// ---------------------------------------------------------------------------------------------
// Failures, each with its own kind

async fn a_closed_port_is_refused() {
    // Bind, learn the port, close it: nothing listens there any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let address = parse(&format!("http://127.0.0.1:{port}")).unwrap();
    let e = discover_err(&client(), &address).await;
    assert_eq!(e, ApiError::Refused { host: format!("127.0.0.1:{port}") });
    assert!(e.is_network());
    assert!(e.to_string().contains("refused"), "{e}");
}

async fn an_unknown_name_is_a_dns_error() {
    // `.invalid` can never resolve (RFC 6761). A sandbox without any resolver answers the same
    // way: getaddrinfo fails with "Name or service not known" (measured here).
    let address = parse("https://does-not-exist.invalid").unwrap();
    let e = discover_err(&client(), &address).await;
    assert_eq!(e, ApiError::Dns { host: "does-not-exist.invalid".into() });
    assert!(e.to_string().contains("DNS"), "{e}");
}

/// A server that answers plain HTTP at once to whatever arrives, as nginx does on its port 80
/// when a TLS ClientHello comes in (it is not a valid request line).
async fn plain_http_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf).await;
                let body = "<html><body>400 Bad Request: plain HTTP</body></html>";
                let answer = format!(
                    "HTTP/1.1 400 Bad Request\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(answer.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    port
}

async fn https_to_a_plain_http_server_is_a_tls_error() {
    let port = plain_http_server().await;
    let address = parse(&format!("https://127.0.0.1:{port}")).unwrap();
    let e = discover_err(&client(), &address).await;
    match &e {
        ApiError::Tls { host, detail } => {
            assert_eq!(host, &format!("127.0.0.1:{port}"));
            assert!(!detail.is_empty());
        }
        other => panic!("expected Tls, got {other:?}"),
    }
    assert!(e.is_network());
}

async fn https_to_the_demo_servers_plain_port_is_a_tls_error_at_once() {
    // The demo server refuses a TLS ClientHello as soon as it sees it is not a request line,
    // so the client reports a TLS failure well before any timeout.
    let (server, _) = start(Flavor::Mastodon).await;
    let address = parse(&format!("https://127.0.0.1:{}", server.port())).unwrap();
    let patient = Client::new(Timeouts { connect: Duration::from_secs(20), total: Duration::from_secs(20) });
    let e = discover_err(&patient, &address).await;
    assert!(matches!(e, ApiError::Tls { .. }), "a TLS error, not a timeout: {e:?}");
}

async fn a_server_that_never_answers_times_out() {
    let (server, address) = start(Flavor::Mastodon).await;
    server.inject(V2, Fault::Hang);
    let quick = Client::new(Timeouts { connect: Duration::from_secs(2), total: Duration::from_millis(500) });
    let e = discover_err(&quick, &address).await;
    assert_eq!(e, ApiError::Timeout { host: address.domain() });
    assert!(e.is_network());
}

async fn no_instance_endpoint_means_not_mastodon() {
    let (server, address) = start(Flavor::Mastodon).await;
    server.inject(V2, Fault::Status(404, r#"{"error":"Record not found"}"#.into()));
    server.inject(V1, Fault::Status(404, r#"{"error":"Record not found"}"#.into()));
    let e = discover_err(&client(), &address).await;
    assert_eq!(e, ApiError::NotMastodon { host: address.domain() });
    assert!(!e.is_network());
}

/// Does this error have the expected kind and fields?
type Expect = fn(&ApiError) -> bool;

async fn answers_that_are_not_the_api_get_their_own_kinds() {
    let cases: Vec<(Fault, Expect)> = vec![
        (
            Fault::Garbage,
            |e| matches!(e, ApiError::Malformed { path, detail } if path == V2 && detail.contains("web page")),
        ),
        (
            Fault::Huge(2 * 1024 * 1024),
            |e| matches!(e, ApiError::TooLarge { path, limit } if path == V2 && *limit == BODY_LIMIT),
        ),
        (Fault::Drop, |e| matches!(e, ApiError::Connection { .. })),
        // JSON, but not an instance document: some other API on that address.
        (
            Fault::Status(200, "{}".into()),
            |e| matches!(e, ApiError::Malformed { path, detail } if path == V2 && detail.contains("version")),
        ),
        (
            Fault::Status(500, r#"{"error":"Internal error"}"#.into()),
            |e| matches!(e, ApiError::Status { status: 500, path, error: Some(msg), .. } if path == V2 && msg == "Internal error"),
        ),
        (Fault::Status(503, "<html>Maintenance</html>".into()), |e| {
            matches!(e, ApiError::Status { status: 503, error: None, .. })
        }),
        (
            Fault::Status(429, r#"{"error":"Too many requests"}"#.into()),
            |e| matches!(e, ApiError::RateLimited { reset: Some(r) } if r.contains('T')),
        ),
    ];
    for (fault, expected) in cases {
        let (server, address) = start(Flavor::Mastodon).await;
        server.inject(V2, fault.clone());
        let e = discover_err(&client(), &address).await;
        assert!(expected(&e), "{fault:?} gave {e:?}");
        // None of these fell back to v1: only 404/410 mean "an older server".
        assert!(!server.requests().iter().any(|(_, p)| p == V1), "{fault:?}");
    }
}

/// A one-off server that records each request head and answers 404 to all of them.
async fn recording_server() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let request = read_request(&mut stream).await;
                let _ = tx.send(request);
                let body = r#"{"error":"Record not found"}"#;
                let answer = format!(
                    "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(answer.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    (port, rx)
}

/// The head and (content-length) body of one request, as text.
async fn read_request(stream: &mut tokio::net::TcpStream) -> String {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&data).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            if data.len() >= end + 4 + length {
                return text;
            }
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return String::from_utf8_lossy(&data).into_owned(),
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
}

async fn requests_name_mastokey_and_registration_sends_mastodons_fields() {
    let (port, mut heads) = recording_server().await;
    let address = parse(&format!("http://127.0.0.1:{port}")).unwrap();
    let c = client();
    assert_eq!(discover_err(&c, &address).await, ApiError::NotMastodon { host: address.domain() });

    let redirects = [OOB.to_owned(), "http://127.0.0.1/callback".to_owned()];
    let scopes = ["profile".to_owned(), "read:statuses".to_owned()];
    let e = register_app(&c, &address.origin(), address.endpoint("/api/v1/apps"), &redirects, &scopes, NOW.into())
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(404));

    // well-known, v2, v1, NodeInfo's well-known document and its usual document, and the
    // registration.
    let mut seen = Vec::new();
    while seen.len() < 6 {
        let head = tokio::time::timeout(Duration::from_secs(10), heads.recv()).await.expect("request").unwrap();
        seen.push(head);
    }
    for head in &seen {
        let user_agent = head
            .lines()
            .find_map(|l| l.to_ascii_lowercase().starts_with("user-agent:").then(|| l[11..].trim().to_owned()));
        assert!(user_agent.as_deref().is_some_and(|ua| ua.starts_with("mastokey/")), "{head}");
    }
    let apps = seen.iter().find(|h| h.starts_with("POST /api/v1/apps ")).expect("the registration request");
    let body = apps.split("\r\n\r\n").nth(1).unwrap_or_default();
    let form: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes()).into_owned().collect();
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!(field("client_name"), Some("mastokey"));
    assert_eq!(field("website"), Some("https://github.com/mastokey/mastokey"));
    // Newline-separated: the one form every server (GoToSocial included) accepts.
    assert_eq!(field("redirect_uris"), Some("urn:ietf:wg:oauth:2.0:oob\nhttp://127.0.0.1/callback"));
    assert_eq!(field("scopes"), Some("profile read:statuses"));
    // snac reads the singular.
    assert_eq!(field("scope"), Some("profile read:statuses"));
}

// ---------------------------------------------------------------------------------------------
// The OAuth flow through the library

struct Login {
    registration: Registration,
    code: String,
    verifier: Option<Secret>,
    scopes: Vec<String>,
}

/// Register, build the authorize URL, approve as `username` on the server's own form, read the
/// code off the OOB page.
async fn authorize(c: &Client, info: &ServerInfo, scopes: &[String], username: &str) -> Login {
    let address = &info.address;
    let registration =
        register_app(c, &address.origin(), address.endpoint("/api/v1/apps"), &[OOB.to_owned()], scopes, NOW.into())
            .await
            .unwrap_or_else(|e| panic!("{:?}: register: {e}", info.kind));
    assert!(!registration.client_id.is_empty() && !registration.client_secret.is_empty());
    assert_eq!(registration.scopes, scopes);
    assert_eq!(registration.redirect_uris, [OOB]);

    let pkce = info.supports_pkce().then(Pkce::generate);
    let state = new_state();
    let url = authorize_url(
        &info.authorize_endpoint(),
        &AuthorizeRequest {
            client_id: &registration.client_id,
            redirect_uri: OOB,
            scopes,
            state: &state,
            code_challenge: pkce.as_ref().map(|p| p.challenge.as_str()),
            force_login: false,
        },
    );
    // The consent page names the app and its website as registered.
    let page = reqwest::get(url.clone()).await.unwrap().text().await.unwrap();
    assert!(page.contains("Authorize mastokey"), "{:?}: {page}", info.kind);
    assert!(page.contains("App website: https://github.com/mastokey/mastokey"), "{:?}", info.kind);

    let code = code_from_page(&approve(url.as_str(), username).await);
    Login { registration, code, verifier: pkce.map(|p| p.verifier), scopes: scopes.to_vec() }
}

fn exchange<'a>(login: &'a Login, code: &'a str) -> CodeExchange<'a> {
    CodeExchange {
        registration: &login.registration,
        code,
        redirect_uri: OOB,
        code_verifier: login.verifier.as_ref(),
        scopes: &login.scopes,
    }
}

async fn oob_login_on_mastodon_with_pkce_ends_with_ada() {
    let (_server, address) = start(Flavor::Mastodon).await;
    let c = client();
    let info = discover(&c, address.clone()).await.unwrap();
    let scopes = vec![info.identity_scope().to_owned(), "read:statuses".to_owned()];
    let login = authorize(&c, &info, &scopes, "ada").await;
    assert!(login.verifier.is_some(), "PKCE is used where advertised");

    let token = exchange_code(&c, info.token_endpoint(), &exchange(&login, &login.code)).await.expect("exchange");
    assert_eq!(token.granted(&scopes), scopes);
    let account = verify_credentials(&c, &address.base, &token.access_token).await.expect("verify");
    assert_eq!((account.username.as_str(), account.acct.as_str()), ("ada", "ada"));
    assert_eq!(account.display_name, "Ada Lovelace");

    let secret = login.registration.client_secret.expose().to_owned();
    let secrets = [secret.as_str(), login.code.as_str(), token.access_token.expose()];

    // The code works once.
    let e = exchange_code(&c, info.token_endpoint(), &exchange(&login, &login.code)).await.unwrap_err();
    assert!(e.is_rejected_code(), "{e:?}");
    assert_eq!((e.status(), e.error_code()), (Some(400), Some("invalid_grant")));
    assert_no_secrets(&e, &secrets);

    // A wrong client secret is the client's fault, not the code's.
    let mut wrong = login.registration.clone();
    wrong.client_secret = Secret::new("not-the-secret");
    let again = authorize(&c, &info, &scopes, "ada").await;
    let bad_client = CodeExchange { registration: &wrong, ..exchange(&again, &again.code) };
    let e = exchange_code(&c, info.token_endpoint(), &bad_client).await.unwrap_err();
    assert_eq!((e.status(), e.error_code()), (Some(401), Some("invalid_client")));
    assert!(!e.is_rejected_code(), "{e:?}");
    assert_no_secrets(&e, &[&secret, &again.code, again.registration.client_secret.expose(), "not-the-secret"]);

    // Without the verifier a PKCE code is refused as a malformed request.
    let no_verifier = CodeExchange { code_verifier: None, ..exchange(&again, &again.code) };
    let e = exchange_code(&c, info.token_endpoint(), &no_verifier).await.unwrap_err();
    assert_eq!((e.status(), e.error_code()), (Some(400), Some("invalid_request")), "{e:?}");
    assert_no_secrets(&e, &[again.registration.client_secret.expose(), &again.code]);

    // A token the server does not know.
    let bogus = Secret::new("bogus-token-0123456789");
    let e = verify_credentials(&c, &address.base, &bogus).await.unwrap_err();
    assert!(e.is_rejected_token(), "{e:?}");
    assert_eq!(e.status(), Some(401));
    assert_no_secrets(&e, &["bogus-token-0123456789"]);
}

async fn oob_login_works_on_every_flavor_and_bad_codes_are_recognised() {
    // (flavor, how its token endpoint refuses a wrong code). Takahē's is a 500 web page, which
    // after a paste means the code; server_kinds.rs runs every personality through the rest.
    let cases = [
        (Flavor::Mastodon, 400, Some("invalid_grant")),
        (Flavor::GoToSocial, 400, Some("sql: no rows in result set")),
        (Flavor::Akkoma, 400, Some("Invalid credentials")),
        (Flavor::Takahe, 500, None),
    ];
    for (flavor, status, error) in cases {
        let (_server, address) = start(flavor).await;
        let c = client();
        let info = discover(&c, address.clone()).await.unwrap();
        let scopes = vec![info.identity_scope().to_owned()];
        let login = authorize(&c, &info, &scopes, "ada").await;

        let e = exchange_code(&c, info.token_endpoint(), &exchange(&login, "not-the-code")).await.unwrap_err();
        assert!(e.is_rejected_code_for(info.kind, true), "{flavor:?}: {e:?}");
        assert_eq!((e.status(), e.error_code()), (Some(status), error), "{flavor:?}");
        assert_no_secrets(&e, &[login.registration.client_secret.expose(), &login.code]);

        // The identity scope chosen for this server really does let us read the account.
        let token = exchange_code(&c, info.token_endpoint(), &exchange(&login, &login.code))
            .await
            .unwrap_or_else(|e| panic!("{flavor:?}: {e}"));
        let account = verify_credentials(&c, &address.base, &token.access_token)
            .await
            .unwrap_or_else(|e| panic!("{flavor:?} with {scopes:?}: {e}"));
        assert_eq!(account.username, "ada", "{flavor:?}");

        let e = verify_credentials(&c, &address.base, &Secret::new("bogus")).await.unwrap_err();
        assert!(e.is_rejected_token_for(info.kind), "{flavor:?}: {e:?}");
    }
}

async fn a_server_that_echoes_secrets_in_its_errors_does_not_leak_them() {
    let (server, address) = start(Flavor::Mastodon).await;
    let c = client();
    let info = discover(&c, address.clone()).await.unwrap();
    let scopes = vec!["profile".to_owned()];
    let login = authorize(&c, &info, &scopes, "ada").await;
    let secret = login.registration.client_secret.expose().to_owned();
    let verifier = login.verifier.as_ref().unwrap().expose().to_owned();
    // A careless server quotes the request back in its error.
    let body = serde_json::json!({
        "error": format!("bad code {}", login.code),
        "error_description": format!("client_secret={secret} code={} code_verifier={verifier}", login.code),
    });
    server.inject("/oauth/token", Fault::Status(400, body.to_string()));
    let e = exchange_code(&c, info.token_endpoint(), &exchange(&login, &login.code)).await.unwrap_err();
    assert_eq!(e.status(), Some(400));
    assert_no_secrets(&e, &[&secret, &login.code, &verifier]);

    let token = "tok-echoed-0123456789";
    let body = serde_json::json!({ "error": format!("The access token {token} is invalid") });
    server.inject("/api/v1/accounts/verify_credentials", Fault::Status(401, body.to_string()));
    let e = verify_credentials(&c, &address.base, &Secret::new(token)).await.unwrap_err();
    assert!(e.is_rejected_token());
    assert_no_secrets(&e, &[token]);
}
