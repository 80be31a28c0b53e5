//! A strict Mastodon-like server on 127.0.0.1: the test suite's server and `mastokey --demo`.
//!
//! It implements what a login needs (app registration, authorize page, token, revoke,
//! verify_credentials, discovery documents, NodeInfo) with real Mastodon's checks and error bodies,
//! can be Mastodon 4.2, GoToSocial, Akkoma, Takahē or snac instead (`Flavor`, `personality`), and
//! lets tests inject faults per path. HTTP itself is hyper's (see `connection`).

pub(crate) mod accounts;
mod answer;
mod apps;
mod authorize;
mod avatar;
mod connection;
mod discovery;
mod pages;
mod params;
mod personality;
mod routes;
mod rules;
mod state;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

pub use accounts::DemoAccount;

/// Which server software to imitate: the personalities of DESIGN's "Server kinds, as
/// measured", each with its own documents, status codes, bodies and rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Flavor {
    /// Mastodon 4.3 and later: the well-known document, `profile`, PKCE.
    #[default]
    Mastodon,
    /// Mastodon 4.2: no well-known document, no `profile` scope, no PKCE.
    Mastodon42,
    /// GoToSocial 0.20.
    GoToSocial,
    /// Akkoma 3 (from its documentation).
    Akkoma,
    /// Takahē 0.11.
    Takahe,
    /// snac 2.94.
    Snac,
}

impl Flavor {
    /// Every personality, in the order the README's server table lists them.
    pub const ALL: [Flavor; 6] =
        [Flavor::Mastodon, Flavor::Mastodon42, Flavor::GoToSocial, Flavor::Takahe, Flavor::Snac, Flavor::Akkoma];

    /// The name `--demo=NAME` takes.
    pub fn cli_name(self) -> &'static str {
        match self {
            Flavor::Mastodon => "mastodon",
            Flavor::Mastodon42 => "mastodon-4.2",
            Flavor::GoToSocial => "gotosocial",
            Flavor::Akkoma => "akkoma",
            Flavor::Takahe => "takahe",
            Flavor::Snac => "snac",
        }
    }

    /// Mastodon itself, of any version: Doorkeeper's rules.
    pub fn is_mastodon(self) -> bool {
        matches!(self, Flavor::Mastodon | Flavor::Mastodon42)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    pub flavor: Flavor,
    /// What the well-known document lists; `None` lists the whole catalogue. When set, it also
    /// limits what apps may register (a listed parent admits its children).
    pub scopes_supported: Option<Vec<String>>,
    pub code_lifetime: Duration,
    /// `false` makes `/api/v2/instance` answer 404, as before Mastodon 4.0.
    pub v2_instance: bool,
    /// `false` makes `/.well-known/nodeinfo` answer 404, so clients must go by the version string.
    pub nodeinfo: bool,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            flavor: Flavor::Mastodon,
            scopes_supported: None,
            code_lifetime: Duration::from_secs(10 * 60),
            v2_instance: true,
            nodeinfo: true,
        }
    }
}

impl ServerConfig {
    /// The personality as measured: Takahē's codes live 60 seconds, the others' ten minutes.
    pub fn of(flavor: Flavor) -> Self {
        let code_lifetime = match flavor {
            Flavor::Takahe => Duration::from_secs(60),
            _ => Duration::from_secs(10 * 60),
        };
        Self { flavor, code_lifetime, ..Self::default() }
    }
}

/// A misbehaviour to apply to every request for one path, until cleared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer this status with this body (as JSON). A 429 also gets Mastodon's rate-limit headers.
    Status(u16, String),
    /// Wait, then answer normally.
    Delay(Duration),
    /// 200 claiming JSON, with a body that is not JSON.
    Garbage,
    /// 200 with a (valid JSON) body of exactly this many bytes.
    Huge(usize),
    /// Read the request, then close the connection without a response.
    Drop,
    /// Read the request, then never answer (the socket stays open until the server is dropped).
    Hang,
    /// Answer with this status (a 3xx) and `Location`, as a server that moved would: for testing
    /// that requests carrying secrets are never followed elsewhere.
    Redirect { status: u16, location: String },
}

/// What the connection tasks share.
pub(crate) struct Shared {
    pub config: ServerConfig,
    pub base_url: String,
    /// `host:port`, what Mastodon calls the domain.
    pub domain: String,
    store: Mutex<state::Store>,
    faults: Mutex<HashMap<String, Fault>>,
    log: Mutex<Vec<(String, String)>>,
}

impl Shared {
    pub fn store(&self) -> MutexGuard<'_, state::Store> {
        lock(&self.store)
    }
}

/// A poisoned lock only means another connection task panicked; the data is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A running server. Dropping it stops the accept loop and every open connection.
pub struct DemoServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl DemoServer {
    /// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
    pub async fn start(config: ServerConfig) -> std::io::Result<DemoServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            config,
            base_url: format!("http://{addr}"),
            domain: addr.to_string(),
            store: Mutex::default(),
            faults: Mutex::default(),
            log: Mutex::default(),
        });
        let task = tokio::spawn(accept_loop(listener, shared.clone()));
        Ok(DemoServer { shared, addr, task })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn config(&self) -> &ServerConfig {
        &self.shared.config
    }

    /// Applies `fault` to requests whose path (without query) equals `path`, until cleared.
    pub fn inject(&self, path: &str, fault: Fault) {
        lock(&self.shared.faults).insert(path.to_owned(), fault);
    }

    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// (method, path without query) of every request read so far, in order.
    pub fn requests(&self) -> Vec<(String, String)> {
        lock(&self.shared.log).clone()
    }

    /// Test shortcut: the scopes of a live token as the server recorded them (`None` for a
    /// token it does not know, or one that was revoked).
    pub fn token_scopes(&self, access_token: &str) -> Option<Vec<String>> {
        self.shared.store().bearer(access_token).map(|t| t.scopes.clone())
    }

    /// The demo accounts one can sign in as, in the order the authorize page lists them.
    pub fn accounts() -> &'static [DemoAccount] {
        accounts::all()
    }

    /// Test shortcut: issue a code as if `username` had approved on the authorize page, after the
    /// same checks (`scope` empty means the default `read`). A challenge implies S256.
    pub fn approve(
        &self,
        client_id: &str,
        redirect_uri: &str,
        scope: &str,
        username: &str,
        code_challenge: Option<&str>,
    ) -> Result<String, String> {
        let params = state::AuthorizeParams {
            response_type: Some("code"),
            client_id: Some(client_id),
            redirect_uri: Some(redirect_uri),
            scope: Some(scope),
            code_challenge,
            code_challenge_method: code_challenge.map(|_| "S256"),
        };
        authorize::approve(&mut self.shared.store(), &self.shared.config, &params, username)
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops its JoinSet, which aborts every connection task.
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection::serve(stream, shared.clone()));
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            // Reap finished connections so the set does not grow for the server's lifetime.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}
