//! mastokey: log in to any Mastodon server from the terminal with OAuth 2.0.

pub mod app;
pub mod avatar;
pub mod browser;
pub mod cleanup;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod demo;
pub mod effects;
pub mod html;
pub mod loopback;
pub mod mastodon;
pub mod qr;
pub mod revoke;
pub mod sanitize;
pub mod secret;
pub mod store;
pub mod terminal;
pub mod tui;
pub mod ui;
