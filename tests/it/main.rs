//! The integration tests, one binary: each module is a file of tests, with shared support.
//!
//! A file registers its tests with `tests!` (a test left out is dead code, which the build
//! refuses), naming the tools each one drives; `support::harness` runs them with libtest-mimic,
//! so a test whose tool is missing shows as ignored rather than passed. Names are
//! `file::test`, as the standard harness gives them: `cargo test --test it cli_commands::`.

/// `tests! { a, async b, c needs [Tmux, Curl], }`: the file's tests in the order they run. An
/// `async` one runs on a current-thread tokio runtime, as `#[tokio::test]` does.
macro_rules! tests {
    (@list [$($done:expr,)*]) => { &[$($done,)*] };
    (@list [$($done:expr,)*] async $name:ident $(needs [$($tool:ident),* $(,)?])? $(, $($rest:tt)*)?) => {
        tests!(@list [$($done,)* crate::support::harness::Test {
            module: module_path!(),
            name: stringify!($name),
            needs: &[$($(crate::support::harness::Tool::$tool),*)?],
            run: || crate::support::harness::block_on($name()),
        },] $($($rest)*)?)
    };
    (@list [$($done:expr,)*] $name:ident $(needs [$($tool:ident),* $(,)?])? $(, $($rest:tt)*)?) => {
        tests!(@list [$($done,)* crate::support::harness::Test {
            module: module_path!(),
            name: stringify!($name),
            needs: &[$($(crate::support::harness::Tool::$tool),*)?],
            run: $name,
        },] $($($rest)*)?)
    };
    ($($entry:tt)*) => {
        pub const TESTS: &[crate::support::harness::Test] = tests!(@list [] $($entry)*);
    };
}

mod support;

mod browser_chromium;
mod cli_commands;
mod cli_exit_codes;
mod cli_hostile;
mod cli_languages;
mod cli_stale;
mod client_protocol;
mod clipboard_x11;
mod demo_server;
mod e2e_accounts;
mod e2e_demo;
mod e2e_demo_kinds;
mod e2e_login;
mod e2e_loopback;
mod interop_mastodon_mock;
mod keyring;
mod logins;
mod osc52_tmux;
mod paste_forms;
mod refresh;
mod server_kinds;
mod server_kinds_cli;

fn main() {
    if clipboard_x11::child_step() {
        return;
    }
    // The tests' own reqwest clients need the crypto provider mastokey's client installs.
    mastokey::mastodon::client::install_crypto_provider();
    support::harness::main(&[
        browser_chromium::TESTS,
        cli_commands::TESTS,
        cli_exit_codes::TESTS,
        cli_hostile::TESTS,
        cli_languages::TESTS,
        cli_stale::TESTS,
        client_protocol::TESTS,
        clipboard_x11::TESTS,
        demo_server::TESTS,
        e2e_accounts::TESTS,
        e2e_demo::TESTS,
        e2e_demo_kinds::TESTS,
        e2e_login::TESTS,
        e2e_loopback::TESTS,
        interop_mastodon_mock::TESTS,
        keyring::TESTS,
        logins::TESTS,
        osc52_tmux::TESTS,
        paste_forms::TESTS,
        refresh::TESTS,
        server_kinds::TESTS,
        server_kinds_cli::TESTS,
    ]);
}
