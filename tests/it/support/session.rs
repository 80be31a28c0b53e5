//! One end-to-end test's world: a strict demo server, an empty config dir, and a `$BROWSER`
//! script that records the URL it was asked to open.

use std::path::PathBuf;

use mastokey::demo::{DemoServer, ServerConfig};

use super::browser::Browser;
use super::tmux::Tmux;

pub struct Session {
    pub rt: tokio::runtime::Runtime,
    /// `None` once a test has taken the server down.
    pub server: Option<DemoServer>,
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    /// The `$BROWSER` given to mastokey; by default it records the URL in `opened`.
    pub browser: PathBuf,
    pub opened: PathBuf,
}

impl Session {
    pub fn new() -> Self {
        Self::with(ServerConfig::default())
    }

    pub fn with(config: ServerConfig) -> Self {
        let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
        let server = rt.block_on(DemoServer::start(config)).expect("start the demo server");
        let dir = tempfile::tempdir().expect("temp dir");
        let browser = Browser::recorder(dir.path()).write();
        Self {
            rt,
            server: Some(server),
            config: dir.path().join("config"),
            browser: browser.path,
            opened: browser.opened,
            dir,
        }
    }

    pub fn server(&self) -> &DemoServer {
        self.server.as_ref().expect("the demo server is running")
    }

    pub fn base_url(&self) -> String {
        self.server().base_url()
    }

    /// Run `command` (by sh) in tmux at 100×30 with this session's config dir and browser.
    pub fn start(&self, name: &str, command: &str) -> Tmux {
        let env = [
            ("MASTOKEY_CONFIG_DIR", self.config.to_str().unwrap()),
            ("BROWSER", self.browser.to_str().unwrap()),
            ("TERM", "xterm-256color"),
        ];
        Tmux::start(name, command, &env, 100, 30)
    }
}
