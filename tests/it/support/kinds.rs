//! One personality of the demo server and a login through the library against it, in either
//! mode: what the server-kind tests start from. The browser is played with reqwest.

use std::time::Duration;

use mastokey::demo::{DemoServer, Flavor, ServerConfig};
use mastokey::loopback::{self, Event, Listener};
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::address::{ServerAddress, parse};
use mastokey::mastodon::discovery::{ServerInfo, discover};
use mastokey::mastodon::oauth::{
    AuthorizeRequest, CodeExchange, OOB, TokenResponse, authorize_url, exchange_code, register_app,
};
use mastokey::mastodon::pkce::{Pkce, new_state};
use mastokey::mastodon::{ApiError, paste};
use mastokey::store::{Login, Registration, Store, now_rfc3339};
use reqwest::redirect::Policy;

use super::approve::code_from_page;
use super::login::client;

/// The demo server as one kind, discovered as mastokey discovers it.
pub struct Kind {
    pub flavor: Flavor,
    pub server: DemoServer,
    pub address: ServerAddress,
    pub info: ServerInfo,
    browser: reqwest::Client,
}

/// One attempt: what the authorize URL was made of.
pub struct Attempt {
    pub registration: Registration,
    pub redirect_uri: String,
    pub state: String,
    pub pkce: Option<Pkce>,
    pub scopes: Vec<String>,
    pub url: url::Url,
}

impl Kind {
    pub async fn start(flavor: Flavor) -> Kind {
        Kind::with(ServerConfig::of(flavor)).await
    }

    pub async fn with(config: ServerConfig) -> Kind {
        let flavor = config.flavor;
        let server = DemoServer::start(config).await.expect("start the demo server");
        let address = parse(&server.base_url()).expect("loopback address");
        let info = discover(&client(), address.clone()).await.unwrap_or_else(|e| panic!("{flavor:?}: discover: {e}"));
        let browser = reqwest::Client::builder().redirect(Policy::none()).no_proxy().build().expect("client");
        Kind { flavor, server, address, info, browser }
    }

    /// Registers with these redirect URIs and the identity scope, as mastokey does.
    pub async fn register(&self, redirects: &[String]) -> Registration {
        let scopes = vec![self.info.identity_scope().to_owned()];
        let apps = self.address.endpoint("/api/v1/apps");
        register_app(&client(), &self.address.origin(), apps, redirects, &scopes, now_rfc3339())
            .await
            .unwrap_or_else(|e| panic!("{:?}: register: {e}", self.flavor))
    }

    /// A fresh attempt with this registration and redirect: state, PKCE where advertised.
    pub fn attempt(&self, registration: Registration, redirect_uri: &str, force_login: bool) -> Attempt {
        let (state, pkce) = (new_state(), self.info.supports_pkce().then(Pkce::generate));
        let scopes = registration.scopes.clone();
        let url = authorize_url(
            &self.info.authorize_endpoint(),
            &AuthorizeRequest {
                client_id: &registration.client_id,
                redirect_uri,
                scopes: &scopes,
                state: &state,
                code_challenge: pkce.as_ref().map(|p| p.challenge.as_str()),
                force_login,
            },
        );
        Attempt { registration, redirect_uri: redirect_uri.to_owned(), state, pkce, scopes, url }
    }

    /// The authorize page, as the browser gets it.
    pub async fn consent_page(&self, url: &url::Url) -> (u16, String) {
        let r = self.browser.get(url.clone()).send().await.expect("GET the authorize page");
        (r.status().as_u16(), r.text().await.unwrap_or_default())
    }

    /// The person's decision posted back as `username`: the server's answer, not followed.
    pub async fn decide(&self, url: &url::Url, username: &str, decision: &str) -> reqwest::Response {
        let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        form.push(("username".into(), username.into()));
        form.push(("decision".into(), decision.into()));
        let mut post = url.clone();
        post.set_query(None);
        self.browser.post(post).form(&form).send().await.expect("POST the authorize form")
    }

    /// Approves an out-of-band attempt and returns what the page shows to paste: the code, or
    /// on snac the code followed by `&state=…`.
    pub async fn oob_text(&self, attempt: &Attempt, username: &str) -> String {
        let r = self.decide(&attempt.url, username, "approve").await;
        assert_eq!(r.status(), 200, "{:?}: the OOB page", self.flavor);
        let plain = r.headers().get("content-type").is_some_and(|t| t.to_str().unwrap_or("").starts_with("text/plain"));
        let body = r.text().await.unwrap();
        if plain { body.trim().to_owned() } else { code_from_page(&body) }
    }

    /// Approves and returns where the server sends the browser (the redirect's `Location`).
    pub async fn redirect_location(&self, attempt: &Attempt, username: &str, decision: &str) -> String {
        let r = self.decide(&attempt.url, username, decision).await;
        assert_eq!(r.status(), 302, "{:?}: a redirect back to the app", self.flavor);
        r.headers()["location"].to_str().expect("Location").to_owned()
    }

    pub async fn exchange(&self, attempt: &Attempt, code: &str) -> Result<TokenResponse, ApiError> {
        let exchange = CodeExchange {
            registration: &attempt.registration,
            code,
            redirect_uri: &attempt.redirect_uri,
            code_verifier: attempt.pkce.as_ref().map(|p| &p.verifier),
            scopes: &attempt.scopes,
        };
        exchange_code(&client(), self.info.token_endpoint(), &exchange).await
    }

    /// The whole out-of-band login as `username`, the code pasted as the page shows it and
    /// checked against the attempt's state first.
    pub async fn oob_login(&self, registration: Registration, username: &str) -> (Attempt, TokenResponse) {
        let attempt = self.attempt(registration, OOB, false);
        let shown = self.oob_text(&attempt, username).await;
        let code = paste::check(paste::parse(&shown), &attempt.state).expect("the pasted code passes the state check");
        let token =
            self.exchange(&attempt, code.expose()).await.unwrap_or_else(|e| panic!("{:?}: exchange: {e}", self.flavor));
        (attempt, token)
    }

    /// The whole loopback login as `username`: the listener on a random port, the registration
    /// port-less where the server ignores loopback ports, the browser following the redirect.
    pub async fn loopback_login(&self, username: &str) -> (Attempt, TokenResponse) {
        let listener = Listener::bind(None).expect("bind the loopback listener");
        let used = listener.redirect_uri();
        let registered =
            if self.info.ignores_loopback_port() { loopback::PORTLESS_REDIRECT.to_owned() } else { used.clone() };
        let registration = self.register(&[registered, OOB.to_owned()]).await;
        let attempt = self.attempt(registration, &used, false);
        let (tx, mut events) = tokio::sync::mpsc::unbounded_channel();
        let serving = tokio::spawn(listener.serve(waiting(&attempt.state), move |event| {
            let _ = tx.send(event);
        }));
        let location = self.redirect_location(&attempt, username, "approve").await;
        assert!(location.starts_with(&format!("{used}?")), "{:?}: sent to {location}", self.flavor);
        let page = self.browser.get(&location).send().await.expect("the browser reaches the listener");
        assert_eq!(page.status(), 200, "{:?}: the listener's page", self.flavor);
        let code = loop {
            match tokio::time::timeout(Duration::from_secs(10), events.recv()).await {
                Ok(Some(Event::Code(code))) => break code,
                Ok(Some(Event::Stray(_) | Event::Silent)) => continue,
                other => panic!("{:?}: the listener reported {other:?}", self.flavor),
            }
        };
        let _ = serving.await;
        let token =
            self.exchange(&attempt, code.expose()).await.unwrap_or_else(|e| panic!("{:?}: exchange: {e}", self.flavor));
        (attempt, token)
    }

    /// Verifies the token and saves registration and login to `store`, as the TUI does.
    pub async fn save(&self, store: &Store, attempt: &Attempt, token: &TokenResponse) -> Login {
        let account = verify_credentials(&client(), &self.address.base, &token.access_token)
            .await
            .unwrap_or_else(|e| panic!("{:?}: verify: {e}", self.flavor));
        store.save_registration(attempt.registration.clone()).expect("save the registration");
        let now = now_rfc3339();
        let login = Login {
            server: self.address.origin(),
            account_id: account.id.clone(),
            acct: format!("{}@{}", account.acct, self.address.domain()),
            display_name: account.display_name.clone(),
            scopes_granted: token.granted(&attempt.scopes),
            token: token.access_token.clone(),
            scopes_requested: attempt.scopes.clone(),
            client_id: attempt.registration.client_id.clone(),
            created_at: now.clone(),
            last_verified: Some(now),
        };
        store.save_login(login.clone()).expect("save the login");
        login
    }

    /// How many requests for `path` the server has read.
    pub fn requests_for(&self, path: &str) -> usize {
        self.server.requests().iter().filter(|(_, p)| p == path).count()
    }
}

/// What the loopback listener waits for: this attempt's state, for the demo server, for a minute.
pub fn waiting(state: &str) -> mastokey::loopback::Waiting {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    mastokey::loopback::Waiting { state: state.to_owned(), server: "127.0.0.1".into(), deadline }
}
