//! mastokey: log in to any Mastodon server from the terminal with OAuth 2.0.
//!
//! The modules that tests, benchmarks and the screenshot example use are public; the rest are
//! the crate's own, so the compiler reports what nothing uses. `ARCHITECTURE.md` is the map.

pub mod app;
#[cfg(test)]
mod architecture_tests;
pub mod avatar;
pub(crate) mod browser;
pub(crate) mod cleanup;
pub mod cli;
pub mod clipboard;
pub(crate) mod commands;
#[cfg(unix)]
pub mod dbus;
pub mod demo;
pub(crate) mod effects;
pub mod html;
pub mod i18n;
pub mod loopback;
pub mod mastodon;
#[cfg(test)]
mod properties;
pub mod qr;
pub(crate) mod revoke;
pub mod sanitize;
pub mod secret;
pub(crate) mod start;
pub mod store;
pub(crate) mod terminal;
pub(crate) mod tui;
pub mod ui;
pub(crate) mod web_page;

pub use start::failure;

/// What `main` does with the command line once the language is chosen: a subcommand for scripts
/// runs to its end without the terminal interface; `mastokey` alone and `mastokey login` (without
/// `--with-token`) start the interface. Returns the process's exit code.
pub async fn run(cli: cli::Cli) -> anyhow::Result<i32> {
    match cli.command {
        Some(cli::Command::Login { flags, with_token: false }) => start::run(flags, cli.demo).await,
        Some(command) => Ok(commands::run(&command).await.code()),
        None => start::run(cli.login, cli.demo).await,
    }
}
