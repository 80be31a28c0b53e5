//! A real browser for the tests: Debian's chromium, headless, driven over WebDriver (fantoccini)
//! by a chromedriver on a free port, with a fresh profile directory removed afterwards.
//!
//! chromedriver and the browser it starts run in a process group of their own, which is ended
//! when the [`Chromium`] is dropped, so no browser outlives its test.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::poll::poll;

/// The flags this machine needs (root, no network, no GPU), as the README gives them.
pub const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--window-size=900,760",
];

/// Fields drop in order: the session, then the processes, then their profile directory.
pub struct Chromium {
    pub client: Client,
    /// `http://127.0.0.1:PORT`, chromedriver's address.
    pub driver_url: String,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

/// chromedriver's process group, ended on drop (also when starting the session fails).
struct Driver(Child);

impl Chromium {
    /// Starts chromedriver and a headless Chromium session. Panics with chromedriver's words when
    /// either cannot start.
    pub async fn start() -> Chromium {
        Self::start_speaking("en-US,en").await
    }

    /// A Chromium whose requests ask for these languages (`Accept-Language`), as a browser set to
    /// them does.
    pub async fn start_speaking(languages: &str) -> Chromium {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start chromedriver");
        let driver = Driver(driver);
        let driver_url = format!("http://127.0.0.1:{port}");
        let profile = tempfile::Builder::new().prefix("mastokey-chromium-").tempdir().expect("a profile directory");
        poll("chromedriver to listen")
            .within(Duration::from_secs(20))
            .until_async(|| async move {
                std::net::TcpStream::connect(("127.0.0.1", port)).map(|_| ()).map_err(|e| e.to_string())
            })
            .await;
        let mut args: Vec<String> = FLAGS.iter().map(|f| f.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.push(format!("--accept-lang={languages}"));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary(),
                "args": args,
                "prefs": { "intl.accept_languages": languages },
            },
        });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!("an object") };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver_url)
            .await
            .unwrap_or_else(|e| panic!("start a headless Chromium session: {e}"));
        Chromium { client, driver_url, _driver: driver, _profile: profile }
    }

    /// `http://127.0.0.1:PORT/session/ID`: where a `$BROWSER` script posts `{"url": …}`.
    pub async fn session_url(&self) -> String {
        let id = self.client.session_id().await.ok().flatten().expect("a session id");
        format!("{}/session/{id}", self.driver_url)
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Clicks the element `css` selects, waiting (bounded) for it to appear.
    pub async fn click(&self, css: &str) {
        let element = self.client.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(css)).await;
        let element = element.unwrap_or_else(|e| panic!("find {css}: {e}"));
        element.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// The text of the element `css` selects, waiting (bounded) for it to appear.
    pub async fn text(&self, css: &str) -> String {
        let element = self.client.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(css)).await;
        element.unwrap_or_else(|e| panic!("find {css}: {e}")).text().await.expect("its text")
    }

    /// Waits (bounded) until the page's text holds `needle`, and returns it: after a click the
    /// old page may still be up, or gone between finding its body and reading it.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        poll(format!("the page to say {needle:?}"))
            .every(Duration::from_millis(100))
            .until_async(|| async {
                let body = self.client.find(Locator::Css("body")).await.map_err(|e| e.to_string())?;
                let text = body.text().await.map_err(|e| e.to_string())?;
                if text.contains(needle) { Ok(text) } else { Err(text) }
            })
            .await
    }

    /// The page's text as the person reads it.
    pub async fn page_text(&self) -> String {
        self.text("body").await
    }

    pub async fn current_url(&self) -> String {
        self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default()
    }

    /// Waits (bounded) until the address bar shows a URL that starts with `prefix`.
    pub async fn wait_for_url(&self, prefix: &str) -> String {
        poll(format!("the browser to be at {prefix}"))
            .every(Duration::from_millis(100))
            .until_async(|| async {
                let url = self.current_url().await;
                if url.starts_with(prefix) { Ok(url) } else { Err(format!("the browser is at {url}")) }
            })
            .await
    }

    /// A PNG of the window, written to `path`.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Ends the session (chromedriver closes the browser); the rest goes on drop.
    pub async fn close(&self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: chromedriver and every browser process it started, by its id.
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let ended = poll("chromedriver to end")
            .within(Duration::from_secs(5))
            .try_until(|| if matches!(self.0.try_wait(), Ok(Some(_))) { Ok(()) } else { Err(()) });
        if ended.is_err() {
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = self.0.wait();
        }
    }
}

/// Debian's browser binary.
fn binary() -> PathBuf {
    super::harness::on_path("chromium").unwrap_or_else(|| "/usr/bin/chromium".into())
}
