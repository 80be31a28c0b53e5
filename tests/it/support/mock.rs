//! mastodon-mock (PyPI), a Mastodon imitation no one on this team wrote, run as a child process.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::harness::on_path;
use super::poll::poll;

/// How long the mock may take to import and start serving (measured: about 2 s when warm).
const READY_WITHIN: Duration = Duration::from_secs(30);

/// A running `mastodon_mock serve --in-memory --demo` on 127.0.0.1; killed when dropped.
pub struct MockServer {
    child: Child,
    port: u16,
    // Working directory, temporary directory (its SQLite files and media folders) and log file
    // of the child; removed with it, so a test run leaves nothing in /tmp.
    dir: tempfile::TempDir,
}

/// The mock's executable: `$MASTODON_MOCK`, else `mastodon_mock` on `PATH` (the harness ignores
/// the tests that need it when neither is there, and CI installs it: see `.ci/run`).
pub fn executable() -> PathBuf {
    match std::env::var_os("MASTODON_MOCK") {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(path.is_file(), "MASTODON_MOCK={} does not name a file", path.display());
            path
        }
        None => on_path("mastodon_mock").expect("mastodon_mock on PATH"),
    }
}

impl MockServer {
    /// Starts the mock on a free port and waits until it serves `/api/v1/instance`.
    pub fn start() -> MockServer {
        let exe = executable();
        // A free port could be taken between our probe and the mock's bind; try a few.
        let mut last_log = String::new();
        for _ in 0..3 {
            let dir = tempfile::tempdir().expect("temp dir");
            let port = free_port();
            let log = std::fs::File::create(dir.path().join("mock.log")).expect("log file");
            let child = Command::new(&exe)
                .args(["serve", "--in-memory", "--demo", "--host", "127.0.0.1", "--log-level", "warning"])
                .arg("--port")
                .arg(port.to_string())
                .current_dir(dir.path())
                // Python's tempfile, where the mock makes its database and media folders.
                .env("TMPDIR", dir.path())
                .env("PYTHONUNBUFFERED", "1")
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("log file"))
                .stderr(log)
                .spawn()
                .unwrap_or_else(|e| panic!("could not run {}: {e}", exe.display()));
            let mut server = MockServer { child, port, dir };
            if server.wait_ready() {
                return server;
            }
            // Dropping `server` at the end of this pass kills the child.
            last_log = server.log();
        }
        panic!("mastodon_mock did not start serving within {READY_WITHIN:?}; its output:\n{last_log}");
    }

    /// Polls until the instance endpoint answers 200; false if the child exits or time runs out.
    fn wait_ready(&mut self) -> bool {
        let port = self.port;
        let child = &mut self.child;
        poll("mastodon_mock to serve /api/v1/instance")
            .within(READY_WITHIN)
            .every(Duration::from_millis(100))
            .try_until(|| {
                if child.try_wait().ok().flatten().is_some() {
                    return Ok(false);
                }
                match get_status(port, "/api/v1/instance") {
                    Some(200) => Ok(true),
                    other => Err(other),
                }
            })
            .unwrap_or(false)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The directory the mock works and keeps its temporary files in.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the mock printed so far (for failure messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("mock.log")).unwrap_or_default()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port()
}

/// The status of a plain HTTP/1.0 GET, or `None` while nothing (or not HTTP) answers.
fn get_status(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(1)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").ok()?;
    let mut head = [0u8; 16];
    stream.read_exact(&mut head).ok()?;
    let line = String::from_utf8_lossy(&head);
    line.strip_prefix("HTTP/1.")?.get(2..5)?.parse().ok()
}
