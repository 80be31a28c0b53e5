//! Helpers shared by the tests.

pub mod approve;
pub mod browser;
pub mod chromium;
pub mod cli;
pub mod harness;
pub mod kinds;
pub mod login;
pub mod mock;
pub mod poll;
pub mod sandbox;
pub mod screen;
pub mod session;
pub mod tmux;

/// The mastokey binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_mastokey");
