//! A private D-Bus session bus for the keyring tests, with gnome-keyring-daemon's Secret
//! Service on it while started; both stop when it is dropped.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use mastokey::store::Login;

use crate::support::poll::poll;

/// A session bus that no keyring service can be started on by D-Bus activation: there are no
/// service directories, so "no Secret Service" is a state the test controls.
const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// Runs a command, killing it if it takes longer than `secs` (a keyring prompt would wait forever).
fn run_for(command: &mut Command, secs: u64) -> Option<Output> {
    let child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().ok()?;
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(out) => out.ok(),
        Err(_) => {
            // Our own child, by its id; the waiting thread then reaps it.
            let _ = Command::new("kill").arg(id.to_string()).status();
            None
        }
    }
}

/// A private session bus, and gnome-keyring-daemon on it while started. Dropping stops both.
pub struct Bus {
    dir: tempfile::TempDir,
    pub address: String,
    daemon: Child,
    keyring: Option<Child>,
}

impl Bus {
    pub fn start() -> Bus {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("session.conf");
        std::fs::write(&config, BUS_CONFIG.replace("DIR", &dir.path().display().to_string())).unwrap();
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let stdout = daemon.stdout.take().expect("dbus-daemon's stdout");
        let mut bus = Bus { dir, address: String::new(), daemon, keyring: None };
        BufReader::new(stdout).read_line(&mut bus.address).expect("read the bus address");
        bus.address = bus.address.trim().to_owned();
        assert!(bus.address.starts_with("unix:"), "dbus-daemon printed {:?}", bus.address);
        bus
    }

    /// gnome-keyring-daemon with its login keyring created and unlocked by a password on stdin
    /// (no prompt can appear), its files under this bus's directory.
    pub fn start_secret_service(&mut self) {
        let home = self.dir.path().join("home");
        let runtime = self.dir.path().join("run");
        for d in [&home, &runtime] {
            std::fs::create_dir_all(d).unwrap();
        }
        // XDG_RUNTIME_DIR must be private, or the daemon refuses to use it.
        let private = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o700);
        std::fs::set_permissions(&runtime, private).unwrap();
        let mut child = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_RUNTIME_DIR", &runtime)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon");
        let mut stdin = child.stdin.take().expect("its stdin");
        self.keyring = Some(child);
        stdin.write_all(b"keyring-test-password").expect("give the password");
        drop(stdin);
        // Ready when it owns the Secret Service name and stores into its login collection.
        poll(format!("gnome-keyring-daemon to come up on {}", self.address)).every(Duration::from_millis(100)).until(
            || {
                let probe = run_for(
                    Command::new("secret-tool")
                        .args(["store", "--label=probe", "service", "mastokey-test-probe", "username", "probe"])
                        .env("DBUS_SESSION_BUS_ADDRESS", &self.address),
                    5,
                );
                let owns = self.owns_secret_service();
                match probe {
                    Some(out) if owns && out.status.success() => Ok(()),
                    Some(out) => Err(format!(
                        "owns the Secret Service name: {owns}; secret-tool store: {}, {}",
                        out.status,
                        String::from_utf8_lossy(&out.stderr).trim()
                    )),
                    None => Err(format!("owns the Secret Service name: {owns}; secret-tool store did not finish")),
                }
            },
        );
    }

    fn owns_secret_service(&self) -> bool {
        let out = run_for(
            Command::new("dbus-send")
                .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus"])
                .args(["org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address),
            5,
        );
        out.is_some_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }

    pub fn stop_secret_service(&mut self) {
        if let Some(mut child) = self.keyring.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        poll("gnome-keyring-daemon to leave the bus")
            .within(Duration::from_secs(10))
            .until(|| if self.owns_secret_service() { Err("it still owns org.freedesktop.secrets") } else { Ok(()) });
    }

    /// `secret-tool` on this bus.
    pub fn secret_tool(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut command = Command::new("secret-tool");
        command.args(args).env("DBUS_SESSION_BUS_ADDRESS", &self.address);
        let Some(text) = stdin else { return run_for(&mut command, 10).expect("secret-tool finished") };
        let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }

    /// The token in the keyring for this login, if any.
    pub fn token_of(&self, login: &Login) -> Option<String> {
        let out = self.secret_tool(&["lookup", "service", "mastokey", "username", &keyring_user(login)], None);
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        if let Some(mut child) = self.keyring.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// The keyring item's `username`, as the store names it.
pub fn keyring_user(login: &Login) -> String {
    format!("{} {}", login.server, login.account_id)
}
