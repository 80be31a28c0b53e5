//! The client against raw servers on 127.0.0.1: redirects, hostile answers, error texts.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::*;

type Answer = Arc<dyn Fn(&str) -> String + Send + Sync>;

/// A server on 127.0.0.1 that answers every request with `answer(path)` and keeps each
/// request as it arrived (head and body), so a test can see what reached it.
async fn server(answer: Answer) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let request = read_request(&mut stream).await;
            let path = request.split(' ').nth(1).unwrap_or("/").to_owned();
            log.lock().unwrap().push(request);
            let _ = stream.write_all(answer(&path).as_bytes()).await;
        }
    });
    (port, seen)
}

/// The head, then as much body as its Content-Length says.
async fn read_request(stream: &mut tokio::net::TcpStream) -> String {
    let (mut raw, mut buf) = (Vec::new(), [0u8; 4096]);
    while let Ok(n @ 1..) = stream.read(&mut buf).await {
        raw.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let Some(end) = text.find("\r\n\r\n") else { continue };
        let length = text
            .lines()
            .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|n| n.trim().to_owned()))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0);
        if raw.len() >= end + 4 + length {
            break;
        }
    }
    String::from_utf8_lossy(&raw).into_owned()
}

fn redirect(status: &str, location: &str) -> String {
    format!("HTTP/1.1 {status}\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
}

fn ok_json(body: &str) -> String {
    let length = body.len();
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{body}"
    )
}

fn client() -> Client {
    Client::new(Timeouts { connect: Duration::from_secs(2), total: Duration::from_secs(5) })
}

fn url(port: u16, path: &str) -> Url {
    Url::parse(&format!("http://127.0.0.1:{port}{path}")).unwrap()
}

#[tokio::test]
async fn a_form_carrying_secrets_follows_no_redirect_anywhere() {
    let (thief, stolen) = server(Arc::new(|_| ok_json("{}"))).await;
    for status in ["307 Temporary Redirect", "308 Permanent Redirect", "302 Found", "303 See Other"] {
        for location in [format!("http://127.0.0.1:{thief}/collect"), "/oauth/token-elsewhere".to_owned()] {
            let answer = redirect(status, &location);
            let (port, seen) = server(Arc::new(move |_| answer.clone())).await;
            let form = [("client_secret", "s3cr3t-client-secret"), ("code", "the-code-1234")];
            let error = client().send(client().post(url(port, "/oauth/token")).form(&form)).await.unwrap_err();
            let ApiError::Redirected { path, location: shown, kind } = &error else { panic!("{error:?}") };
            assert_eq!((path.as_str(), *kind), ("/oauth/token", RedirectKind::CarriesSecrets), "{status}");
            assert_eq!(shown, url(port, "/").join(&location).unwrap().as_str(), "names where it was sent");
            assert!(error.to_string().contains("redirect to http://127.0.0.1:"), "{error}");
            assert_eq!(seen.lock().unwrap().len(), 1, "only the first request was sent ({status} {location})");
        }
    }
    assert!(stolen.lock().unwrap().is_empty(), "nothing reached the other server");
}

#[tokio::test]
async fn a_get_follows_same_origin_redirects_only() {
    let (other, reached) = server(Arc::new(|_| ok_json(r#"{"id":"evil"}"#))).await;
    let (port, seen) = server(Arc::new(move |path| match path {
        "/start" => redirect("302 Found", "/middle"),
        "/middle" => redirect("301 Moved Permanently", "/end"),
        "/end" => ok_json(r#"{"ok":true}"#),
        "/away" => redirect("302 Found", &format!("http://127.0.0.1:{other}/account")),
        "/secure-away" => redirect("302 Found", "https://127.0.0.1/account"),
        _ => redirect("302 Found", "/loop"),
    }))
    .await;
    let c = client();
    let (path, body) = c.send(c.get(url(port, "/start")).bearer_auth("tok")).await.unwrap();
    assert_eq!((path.as_str(), body.as_slice()), ("/start", br#"{"ok":true}"#.as_slice()));
    let followed = seen.lock().unwrap().clone();
    assert_eq!(followed.len(), 3);
    assert!(followed.iter().all(|r| r.contains("authorization: Bearer tok")), "same origin keeps the header");

    for start in ["/away", "/secure-away"] {
        let error = c.send(c.get(url(port, start)).bearer_auth("tok")).await.unwrap_err();
        assert!(matches!(&error, ApiError::Redirected { kind: RedirectKind::OtherOrigin, .. }), "{start}: {error:?}");
    }
    assert!(reached.lock().unwrap().is_empty(), "the token never went to the other origin");

    let error = c.send(c.get(url(port, "/loop"))).await.unwrap_err();
    assert!(matches!(error, ApiError::Redirected { kind: RedirectKind::TooMany, .. }), "{error:?}");
    assert!(!error.is_network(), "the server did answer");
}

#[test]
fn https_to_http_is_another_origin() {
    let secure = Url::parse("https://example.social/api/v1/instance").unwrap();
    let plain = Url::parse("http://example.social/api/v1/instance").unwrap();
    assert_ne!(secure.origin(), plain.origin());
}

#[test]
fn redirect_targets_are_shown_sanitized_and_short() {
    let url = Url::parse(&format!("https://evil.example/{}?secret=1", "a".repeat(300))).unwrap();
    let text = shown(&url);
    assert!(text.starts_with("https://evil.example/aaa") && text.ends_with('…') && !text.contains("secret"));
    assert!(text.chars().count() <= 120);
}

#[tokio::test]
async fn an_answer_that_is_not_http_is_the_servers_not_the_networks() {
    let answers = [
        ("garbage", "SSH-2.0-OpenSSH_9.6\r\n\u{0}\u{ff}garbage\r\n\r\n".to_owned()),
        ("invalid header", "HTTP/1.1 200 OK\r\nThis Is Not A Header\r\nContent-Length: 2\r\n\r\n{}".to_owned()),
        ("invalid status", "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}".to_owned()),
        (
            "broken chunks",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz-not-a-size\r\n{}\r\n0\r\n\r\n"
                .to_owned(),
        ),
    ];
    for (what, answer) in answers {
        let (port, _) = server(Arc::new(move |_| answer.clone())).await;
        let c = client();
        let error = c.send(c.get(url(port, "/api/v1/instance"))).await.unwrap_err();
        assert!(!error.is_network(), "{what}: the server answered: {error:?}");
        let ApiError::Malformed { path, detail } = &error else { panic!("{what}: {error:?}") };
        assert_eq!(path, "/api/v1/instance", "{what}");
        assert!(detail.starts_with("not an HTTP answer"), "{what}: {detail}");
    }
}

#[test]
fn what_a_certificate_says_reaches_the_error_sanitized() {
    // rustls names the certificate's subjectAltNames as they are; anyone can put an escape
    // sequence in one (a title change, an OSC 52 clipboard write).
    let chain = vec![
        "client error (Connect)".to_owned(),
        "invalid peer certificate: certificate not valid for name \"127.0.0.1\"; certificate is only valid for \
         DnsName(\"evil\u{1b}]0;PWNED\u{7}.example\") or DnsName(\"x\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}2J\u{200b}.example\")"
            .to_owned(),
    ];
    let error = from_causes("127.0.0.1:8443".into(), "/x", chain, Signs::default());
    let ApiError::Tls { detail, .. } = &error else { panic!("{error:?}") };
    assert!(detail.contains("DnsName(\"evil.example\") or DnsName(\"x.example\")"), "{detail}");
    for text in [detail.clone(), error.to_string()] {
        assert!(!text.chars().any(|c| c.is_control() || crate::sanitize::is_format(c)), "{text:?}");
    }
    let broken = from_causes("h".into(), "/x", vec!["reset by \u{1b}[31mpeer".into()], Signs::default());
    assert_eq!(broken, ApiError::Connection { host: "h".into(), detail: "reset by peer".into() });
}
