//! The subcommands as a script runs them: the real binary, a strict demo server, and an empty
//! config directory per test.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use mastokey::demo::{DemoServer, ServerConfig};
use mastokey::mastodon::account::verify_credentials;
use mastokey::secret::Secret;
use mastokey::store::{Login, Store};

use super::BIN;
use super::login::{Approver, client, log_in};
use super::poll::poll;

/// A demo server and an empty config directory for one test.
pub struct Setup {
    pub rt: tokio::runtime::Runtime,
    /// `None` once a test has taken the server down.
    pub server: Option<DemoServer>,
    pub dir: tempfile::TempDir,
    pub store: Store,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn setup() -> Setup {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(DemoServer::start(ServerConfig::default())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("config"));
    Setup { rt, server: Some(server), dir, store }
}

impl Setup {
    pub fn server(&self) -> &DemoServer {
        self.server.as_ref().expect("the server is running")
    }

    pub fn config(&self) -> PathBuf {
        self.store.dir().to_path_buf()
    }

    /// A real login as `username` (profile scope), saved to this setup's store.
    pub fn log_in(&self, username: &str) -> Login {
        let server = self.server();
        self.rt.block_on(log_in(&server.base_url(), &self.store, username, &["profile"], Approver::Demo(server)))
    }

    /// `ada@127.0.0.1:PORT`.
    pub fn acct(&self, username: &str) -> String {
        format!("{username}@127.0.0.1:{}", self.server().port())
    }

    pub fn run(&self, args: &[&str]) -> Run {
        mastokey(&self.config(), args)
    }

    /// The same, under a locale (`LANG=ja_JP.UTF-8`, …) instead of the tests' English.
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Run {
        let mut command = command(&self.config(), args);
        command.env_remove("MASTOKEY_LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", lang);
        finish(command.spawn().expect("run mastokey"))
    }

    /// The binary started with this config dir and no stdin; see [`finish`].
    pub fn spawn(&self, args: &[&str]) -> Child {
        command(&self.config(), args).spawn().expect("start mastokey")
    }

    /// The binary started with this config dir and stdin a pipe the test writes to.
    pub fn spawn_with_stdin(&self, args: &[&str]) -> Child {
        command(&self.config(), args).stdin(Stdio::piped()).spawn().expect("start mastokey")
    }

    /// The demo server's answer to verify_credentials with this token.
    pub fn verify(&self, token: &str) -> Result<String, mastokey::mastodon::ApiError> {
        let base = url::Url::parse(&self.server().base_url()).unwrap();
        self.rt.block_on(verify_credentials(&client(), &base, &Secret::new(token))).map(|a| a.username)
    }

    pub fn saved_accts(&self) -> Vec<String> {
        self.store.logins().unwrap().into_iter().map(|l| l.acct).collect()
    }

    /// How many requests for `path` the demo server has read so far.
    pub fn requests_for(&self, path: &str) -> usize {
        self.server().requests().iter().filter(|(_, p)| p == path).count()
    }

    /// Waits (bounded) until the demo server has read `count` requests for `path`.
    pub fn wait_for_requests(&self, path: &str, count: usize) {
        poll(format!("request {count} to {path}")).every(Duration::from_millis(20)).until(|| {
            let seen = self.requests_for(path);
            if seen >= count { Ok(()) } else { Err(format!("{seen} requests for {path}")) }
        })
    }
}

fn command(config: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    // English unless a test asks for another language: the assertions read English texts.
    command.args(args).env("MASTOKEY_CONFIG_DIR", config).env_remove("MASTOKEY_KEYRING").env("MASTOKEY_LANG", "en");
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

/// Runs mastokey with this config dir and no stdin (as in a script or CI).
pub fn mastokey(config: &Path, args: &[&str]) -> Run {
    finish(command(config, args).spawn().expect("run mastokey"))
}

/// [`mastokey`] with these variables set too (`SSL_CERT_FILE`, say).
pub fn mastokey_with_env(config: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    finish(command(config, args).envs(env.iter().copied()).spawn().expect("run mastokey"))
}

/// Waits for a started mastokey and collects what it printed.
pub fn finish(child: Child) -> Run {
    let out = child.wait_with_output().expect("wait for mastokey");
    Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}
