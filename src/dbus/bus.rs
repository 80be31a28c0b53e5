//! A blocking connection to the D-Bus session bus: its address, the EXTERNAL authentication (the
//! kernel vouches for our user id), method calls and the signals that arrive meanwhile.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use super::message::Message;
use super::wire::{ERROR, METHOD_RETURN, SIGNAL, Value, WireError};

/// How long a method call may take to answer.
const REPLY_TIMEOUT: Duration = Duration::from_secs(25);
/// Signals kept while a reply is awaited (only the newest: a peer may send many).
const KEPT_SIGNALS: usize = 16;

/// What went wrong talking to the bus. Never holds what was sent (a secret may have been).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BusError {
    /// No session bus could be reached (no address, nothing listening, authentication refused).
    #[error("{0}")]
    NoBus(String),
    /// The peer answered a call with an error: its name and message.
    #[error("{name}: {message}")]
    Remote { name: String, message: String },
    /// The connection failed or the bus sent something that is not D-Bus.
    #[error("{0}")]
    Broken(String),
}

impl From<WireError> for BusError {
    fn from(e: WireError) -> Self {
        BusError::Broken(e.to_string())
    }
}

fn broken(e: std::io::Error) -> BusError {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            BusError::Broken("the Secret Service did not answer in time".into())
        }
        _ => BusError::Broken(format!("the D-Bus connection failed: {e}")),
    }
}

pub struct Bus {
    stream: UnixStream,
    serial: u32,
    /// Signals that arrived while a reply was awaited.
    signals: VecDeque<Message>,
    /// A read or write failed midway: the stream may be out of step, so nothing more is sent.
    poisoned: bool,
    /// Who sent the last reply (the unique name of the service that answered).
    pub last_sender: Option<String>,
}

impl Bus {
    /// Connects to the session bus of `DBUS_SESSION_BUS_ADDRESS` (or `$XDG_RUNTIME_DIR/bus`) and
    /// says Hello.
    pub fn session() -> Result<Bus, BusError> {
        let address = std::env::var("DBUS_SESSION_BUS_ADDRESS")
            .ok()
            .filter(|a| !a.trim().is_empty())
            .or_else(|| std::env::var("XDG_RUNTIME_DIR").ok().map(|dir| format!("unix:path={dir}/bus")))
            .ok_or_else(|| BusError::NoBus("DBUS_SESSION_BUS_ADDRESS is not set".into()))?;
        let mut last = BusError::NoBus("the bus address names no unix socket".into());
        for candidate in address.split(';') {
            match connect(candidate) {
                Ok(Some(stream)) => return Bus::start(stream),
                Ok(None) => {}
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn start(mut stream: UnixStream) -> Result<Bus, BusError> {
        stream.set_read_timeout(Some(REPLY_TIMEOUT)).map_err(broken)?;
        authenticate(&mut stream)?;
        let mut bus = Bus { stream, serial: 0, signals: VecDeque::new(), poisoned: false, last_sender: None };
        bus.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello", vec![])?;
        Ok(bus)
    }

    /// Calls a method and waits for its answer: the reply's body, or the error the peer sent.
    pub fn call(
        &mut self,
        destination: &str,
        path: &str,
        interface: &str,
        member: &str,
        body: Vec<Value>,
    ) -> Result<Vec<Value>, BusError> {
        if self.poisoned {
            return Err(BusError::Broken("the D-Bus connection failed earlier".into()));
        }
        // Serials are never 0.
        self.serial = self.serial.checked_add(1).unwrap_or(1);
        let serial = self.serial;
        let message = Message::call(serial, destination, path, interface, member, body);
        let sent = self.stream.write_all(&message.to_bytes()).map_err(broken);
        self.poison_on(sent)?;
        let deadline = Instant::now() + REPLY_TIMEOUT;
        loop {
            let reply = self.receive(deadline)?;
            match reply.kind {
                METHOD_RETURN if reply.reply_serial == Some(serial) => {
                    self.last_sender = reply.sender;
                    return Ok(reply.body);
                }
                ERROR if reply.reply_serial == Some(serial) => {
                    let name = reply.error_name.unwrap_or_default();
                    let message = reply.body.first().and_then(Value::as_str).unwrap_or_default().to_owned();
                    return Err(BusError::Remote { name, message: crate::sanitize::clean(&message) });
                }
                SIGNAL => {
                    if self.signals.len() == KEPT_SIGNALS {
                        self.signals.pop_front();
                    }
                    self.signals.push_back(reply);
                }
                _ => {}
            }
        }
    }

    /// Waits (up to `timeout`) for the signal `interface.member` that `sender` sends from `path`;
    /// a signal anyone else sends is not it.
    pub fn signal(
        &mut self,
        sender: &str,
        path: &str,
        interface: &str,
        member: &str,
        timeout: Duration,
    ) -> Result<Vec<Value>, BusError> {
        let matches = |m: &Message| {
            m.kind == SIGNAL
                && m.sender.as_deref() == Some(sender)
                && m.path.as_deref() == Some(path)
                && m.interface.as_deref() == Some(interface)
                && m.member.as_deref() == Some(member)
        };
        if let Some(at) = self.signals.iter().position(matches) {
            return Ok(self.signals.remove(at).map(|m| m.body).unwrap_or_default());
        }
        let deadline = Instant::now() + timeout;
        loop {
            let message = self.receive(deadline)?;
            if matches(&message) {
                return Ok(message.body);
            }
        }
    }

    /// The next message, before `deadline`; a failure leaves the connection unusable.
    fn receive(&mut self, deadline: Instant) -> Result<Message, BusError> {
        let result = self.read_message(deadline);
        self.poison_on(result)
    }

    fn read_message(&mut self, deadline: Instant) -> Result<Message, BusError> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(BusError::Broken("the Secret Service did not answer in time".into()));
        }
        self.stream.set_read_timeout(Some(left)).map_err(broken)?;
        let mut head = [0u8; 16];
        self.stream.read_exact(&mut head).map_err(broken)?;
        let length = Message::length(&head)?;
        let mut data = head.to_vec();
        data.resize(length, 0);
        self.stream.read_exact(&mut data[16..]).map_err(broken)?;
        Ok(Message::parse(&data)?)
    }

    fn poison_on<T>(&mut self, result: Result<T, BusError>) -> Result<T, BusError> {
        if result.is_err() {
            self.poisoned = true;
        }
        result
    }
}

/// One `unix:` address: `path=` or (Linux) `abstract=`; `None` for a transport we do not speak.
fn connect(address: &str) -> Result<Option<UnixStream>, BusError> {
    let Some(rest) = address.trim().strip_prefix("unix:") else { return Ok(None) };
    let keys: Vec<(&str, String)> =
        rest.split(',').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (k, unescape(v))).collect();
    let value = |key: &str| keys.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
    let unreachable = |e: std::io::Error| BusError::NoBus(format!("the D-Bus session bus could not be reached: {e}"));
    if let Some(path) = value("path") {
        return UnixStream::connect(path).map(Some).map_err(unreachable);
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    if let Some(name) = value("abstract") {
        use std::os::linux::net::SocketAddrExt;
        let addr = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes()).map_err(unreachable)?;
        return UnixStream::connect_addr(&addr).map(Some).map_err(unreachable);
    }
    Ok(None)
}

/// D-Bus addresses escape bytes as `%xx`.
fn unescape(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The EXTERNAL mechanism: our user id, hex-encoded as its decimal digits; the bus answers `OK`.
fn authenticate(stream: &mut UnixStream) -> Result<(), BusError> {
    let uid = rustix::process::getuid().as_raw().to_string();
    let hex: String = uid.bytes().map(|b| format!("{b:02x}")).collect();
    stream.write_all(format!("\0AUTH EXTERNAL {hex}\r\n").as_bytes()).map_err(broken)?;
    let answer = read_line(stream)?;
    if !answer.starts_with("OK ") {
        return Err(BusError::NoBus(format!("the D-Bus session bus refused us ({})", crate::sanitize::clean(&answer))));
    }
    stream.write_all(b"BEGIN\r\n").map_err(broken)
}

/// One line of the authentication dialogue (at most 512 bytes).
fn read_line(stream: &mut UnixStream) -> Result<String, BusError> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while !line.ends_with(b"\r\n") {
        if line.len() > 512 {
            return Err(BusError::Broken("the D-Bus bus sent an over-long line".into()));
        }
        stream.read_exact(&mut byte).map_err(broken)?;
        line.push(byte[0]);
    }
    line.truncate(line.len() - 2);
    Ok(String::from_utf8_lossy(&line).into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_unescape() {
        assert_eq!(super::unescape("/run/user/1000/bus"), "/run/user/1000/bus");
        assert_eq!(super::unescape("/tmp/a%20b%2c"), "/tmp/a b,");
        assert_eq!(super::unescape("%zz%2"), "%zz%2", "not an escape: kept");
    }
}
