//! Helpers shared by the end-to-end tests.

pub mod approve;
pub mod cli;
pub mod demo;
pub mod login;
pub mod mock;
pub mod session;
pub mod tmux;
