//! The HTTP side of logging in to a Mastodon server, usable without the TUI.

pub mod account;
pub mod address;
pub mod client;
pub mod discovery;
pub mod error;
pub mod kind;
pub mod lenient;
pub mod nodeinfo;
pub mod oauth;
pub mod origin;
pub mod paste;
pub mod pkce;
pub mod scope_change;
pub mod scopes;

pub use account::Account;
pub use address::ServerAddress;
pub use client::Client;
pub use discovery::ServerInfo;
pub use error::ApiError;
pub use origin::ServerOrigin;
