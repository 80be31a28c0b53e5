//! mastokey: log in to any Mastodon server from the terminal with OAuth 2.0.

pub mod app;
pub mod browser;
pub mod cli;
pub mod clipboard;
pub mod demo;
pub mod effects;
pub mod html;
pub mod mastodon;
pub mod sanitize;
pub mod secret;
pub mod store;
pub mod tui;
pub mod ui;
