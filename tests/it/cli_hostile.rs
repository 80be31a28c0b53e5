//! Hostile or broken servers against the real binary: a certificate whose names carry escape
//! sequences, answers that are not HTTP, a redirect loop. What reaches stderr is clean, and a
//! server that answered is exit 1, never "could not reach".

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use mastokey::secret::Secret;
use mastokey::store::{Login, Store};
use tokio_rustls::rustls;

use crate::support::cli::{Run, mastokey_with_env};

tests! {
    a_certificates_names_reach_stderr_without_their_escape_sequences,
    an_answer_that_is_not_http_is_exit_1_not_a_network_failure,
}

/// The subjectAltName of the hostile certificate: a title change and a clipboard write (OSC 52).
const EVIL_NAME: &str = "evil\u{1b}]0;PWNED\u{7}.example";
const CLIPBOARD_NAME: &str = "x\u{1b}]52;c;ZXZpbA==\u{7}.example";

/// A saved login of `server`, as if logged in before the server turned hostile.
fn saved_login(dir: &std::path::Path, server: &str) -> Store {
    let store = Store::at(dir.join("config"));
    store
        .save_login(Login {
            server: server.into(),
            account_id: "1".into(),
            acct: "ada@127.0.0.1".into(),
            display_name: "Ada".into(),
            token: Secret::new("tok-hostile-0123456789"),
            scopes_granted: vec!["profile".into()],
            scopes_requested: vec!["profile".into()],
            client_id: "cid".into(),
            created_at: "2026-01-02T03:04:05Z".into(),
            last_verified: None,
        })
        .unwrap();
    store
}

fn assert_clean(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let raw: Vec<char> = text.chars().filter(|c| (c.is_control() && *c != '\n') || is_format(*c)).collect();
        assert!(raw.is_empty(), "{name} carries {raw:?}: {text:?}");
    }
    assert!(!run.stderr.contains("tok-hostile"), "{}", run.stderr);
}

fn is_format(c: char) -> bool {
    mastokey::sanitize::is_format(c)
}

/// A CA (trusted through `SSL_CERT_FILE`) and a server on 127.0.0.1 whose certificate, signed by
/// it, names only the hostile names: the chain is good, the name is not, so rustls' error lists
/// the names as the certificate spells them.
fn hostile_tls_server(dir: &std::path::Path) -> (u16, std::path::PathBuf) {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "mastokey hostile test CA");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
    let leaf_key = rcgen::KeyPair::generate().unwrap();
    let leaf_params = rcgen::CertificateParams::new(vec![EVIL_NAME.to_owned(), CLIPBOARD_NAME.to_owned()]).unwrap();
    let leaf = leaf_params.signed_by(&leaf_key, &*ca).unwrap();
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, ca.pem()).unwrap();

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = rustls::pki_types::PrivatePkcs8KeyDer::from(leaf_key.serialize_der());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone(), ca.der().clone()], key.into())
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            while let Ok((stream, _)) = listener.accept().await {
                // The client gives up during the handshake; nothing to serve.
                let _ = acceptor.accept(stream).await;
            }
        });
    });
    (port, ca_file)
}

fn a_certificates_names_reach_stderr_without_their_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let (port, ca_file) = hostile_tls_server(dir.path());
    let store = saved_login(dir.path(), &format!("https://127.0.0.1:{port}"));
    let ca = ca_file.display().to_string();
    let run = mastokey_with_env(store.dir(), &["whoami"], &[("SSL_CERT_FILE", &ca), ("SSL_CERT_DIR", "/nonexistent")]);
    assert_eq!(run.code, 4, "a TLS failure: {run:?}");
    assert!(run.stderr.contains("secure connection"), "{}", run.stderr);
    // The names are still there, readable, without what a terminal would act on.
    assert!(run.stderr.contains("evil.example") && run.stderr.contains("x.example"), "{:?}", run.stderr);
    assert!(!run.stderr.contains("52;c;"), "{:?}", run.stderr);
    assert_clean(&run);
}

/// A server on 127.0.0.1 that answers every connection with `answer` and closes it.
fn raw_server(answer: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    port
}

fn an_answer_that_is_not_http_is_exit_1_not_a_network_failure() {
    let answers = [
        ("garbage", "\u{0}\u{ff}garbage, not HTTP at all\r\n\r\n"),
        ("an invalid header", "HTTP/1.1 200 OK\r\nContent-Type application/json\r\nContent-Length: 2\r\n\r\n{}"),
        (
            "a redirect loop",
            // It closes each connection after answering, and says so: otherwise the client may
            // send the next request on a connection the server is closing (a reset, by chance).
            "HTTP/1.1 302 Found\r\nLocation: /api/v1/accounts/verify_credentials\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        ),
    ];
    for (what, answer) in answers {
        let dir = tempfile::tempdir().unwrap();
        let port = raw_server(answer);
        let store = saved_login(dir.path(), &format!("http://127.0.0.1:{port}"));
        let run = mastokey_with_env(store.dir(), &["whoami"], &[]);
        assert_eq!(run.code, 1, "{what}: the server answered: {run:?}");
        assert!(!run.stderr.contains("could not reach") && !run.stderr.contains("network"), "{what}: {}", run.stderr);
        assert_clean(&run);
    }
}
