//! Just enough D-Bus for the system keyring: the wire format (`wire`, the part that reads what
//! the bus sends, fuzzed and property-tested), a blocking session-bus connection (`bus`) and the
//! Secret Service calls mastokey makes (`secrets`). In place of zbus and secret-service, which
//! were a quarter of a clean release build for these few calls.

pub mod bus;
pub mod message;
pub mod secrets;
pub mod wire;
