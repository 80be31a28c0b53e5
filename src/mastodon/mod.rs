//! The HTTP side of logging in to a Mastodon server, usable without the TUI.

pub mod account;
pub mod address;
pub mod client;
pub mod discovery;
pub mod error;
pub mod lenient;
pub mod oauth;
pub mod origin;
pub mod pkce;
pub mod scopes;

pub use account::Account;
pub use address::ServerAddress;
pub use client::Client;
pub use discovery::ServerInfo;
pub use error::ApiError;
pub use origin::ServerOrigin;
