//! The terminal interface as `main` starts it: for a login (with `--demo`, against the built-in
//! server and a throw-away config directory) or for `mastokey refresh`. Subcommands for scripts
//! are in [`crate::commands`], which `main` runs instead.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use crate::app::{App, Effect, LISTEN_TIMEOUT, Settings};
use crate::cli::{DemoKind, LoginFlags, Redirect};
use crate::clipboard::Clipboard;
use crate::demo::{DemoServer, Flavor, ServerConfig};
use crate::effects::Runner;
use crate::mastodon::ServerInfo;
use crate::mastodon::client::{Client, Timeouts};
use crate::store::{Login, Store};
use crate::tui::Ended;

/// The interactive login with what its command line says; returns the process's exit code.
pub async fn run(flags: LoginFlags, demo: Option<DemoKind>) -> anyhow::Result<i32> {
    // Drawn into a file or a pipe, the interface would be escape codes nobody can answer.
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!("mastokey: {}", crate::tr!("start-no-terminal"));
        return Ok(2);
    }
    let demo = match demo {
        Some(kind) => Some(Demo::start(kind.flavor()).await?),
        None => None,
    };
    let store = match &demo {
        Some(d) => Store::at(d.dir()),
        None => Store::from_env().with_context(|| crate::tr!("start-config-dir"))?,
    };
    let demo_address = demo.as_ref().and_then(|d| crate::mastodon::address::parse(&d.server.base_url()).ok());
    let settings = Settings {
        demo: demo_address,
        force_login: flags.force_login,
        preset_scopes: flags.scopes.map(|s| s.0),
        ..settings(&store, flags.redirect)
    };
    let mut app = with_saved_logins(&store, settings);
    let instance = demo.as_ref().map(|d| d.server.base_url()).or(flags.instance);
    let initial = match instance {
        Some(text) => app.start_with_instance(&text),
        None => Vec::new(),
    };
    let result = interface(store, app, initial).await;
    // The demo's server and directory go however the interface ended.
    drop(demo);
    crate::cleanup::run();
    let (_, ended) = result?;
    Ok(match ended {
        Ended::Quit => 0,
        Ended::Signal(n) => 128 + n,
        // As a hang-up would have ended it.
        Ended::TerminalGone => 128 + 1,
    })
}

/// Why the interface could not run, in one line in the language: what it was doing (the
/// outermost context), then the errors under it (an OS's or a library's own words).
pub fn failure(error: &anyhow::Error) -> String {
    let mut chain = error.chain().map(|e| crate::sanitize::clean(&e.to_string()));
    let doing = chain.next().unwrap_or_default();
    let causes: Vec<String> = chain.collect();
    if causes.is_empty() { doing } else { crate::tr!("start-failed", doing = doing, error = causes.join(": ")) }
}

/// `mastokey refresh`: the terminal interface from the authorize step for `login`'s server
/// (already looked up) with `scopes`; returns the app as it ended, whose refresh report is the
/// command's result.
pub(crate) async fn refresh(
    store: Store,
    login: Login,
    server: ServerInfo,
    scopes: &[String],
    redirect: Option<Redirect>,
) -> anyhow::Result<App> {
    let mut app = with_saved_logins(&store, settings(&store, redirect));
    let initial = crate::app::refresh::start(&mut app, login, server, scopes);
    let result = interface(store, app, initial).await;
    crate::cleanup::run();
    Ok(result?.0)
}

/// What every run of the interface starts from; the caller adds what its command line says.
fn settings(store: &Store, redirect: Option<Redirect>) -> Settings {
    Settings {
        demo: None,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        palette: crate::avatar::Palette::from_env(),
        redirect: Redirect::choose(redirect),
        listen_timeout: listen_timeout(),
        force_login: false,
        browser: crate::browser::can_open(),
        preset_scopes: None,
        config_dir: store.dir().to_path_buf(),
    }
}

/// Saved logins open the accounts screen; an unreadable file is kept aside and reported there,
/// and so is a token the system keyring could not give back (its login then fails to verify).
fn with_saved_logins(store: &Store, settings: Settings) -> App {
    let (logins, default, store_problem) = match store.load_logins() {
        Ok(loaded) => {
            let problems = loaded.problems_line();
            (loaded.logins, loaded.default, problems)
        }
        Err(e) => (Vec::new(), None, Some(crate::tr!("start-logins-unreadable", error = e.to_string()))),
    };
    let mut app = App::with_logins(settings, logins);
    app.accounts.default = default;
    if let Some(problem) = store_problem {
        app.warn(format!("{problem}."));
    }
    app
}

/// The terminal interface, from `initial` effects to the end; the terminal is restored however
/// it ends.
async fn interface(store: Store, app: App, initial: Vec<Effect>) -> anyhow::Result<(App, Ended)> {
    let (runner, results) = Runner::new(Client::new(Timeouts::default()), store, Clipboard::new());
    let (mut terminal, _guard) = crate::terminal::init().with_context(|| crate::tr!("start-terminal"))?;
    crate::tui::run(&mut terminal, app, initial, runner, results).await.with_context(|| crate::tr!("start-interface"))
}

/// `MASTOKEY_LOOPBACK_TIMEOUT` (seconds) shortens or lengthens the wait for the browser.
fn listen_timeout() -> Duration {
    std::env::var("MASTOKEY_LOOPBACK_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .map_or(LISTEN_TIMEOUT, Duration::from_secs)
}

/// The built-in demo: a strict Mastodon-like server on 127.0.0.1 (or another personality, with
/// `--demo=KIND`) and a throw-away config dir,
/// so a demo login never lands beside real ones. The directory gets a fresh random name (never a
/// directory or link that was already there), private to the user, and is removed when this is
/// dropped (or, after a panic, by [`crate::cleanup`]).
struct Demo {
    server: DemoServer,
    config_dir: tempfile::TempDir,
}

impl Demo {
    async fn start(flavor: Flavor) -> anyhow::Result<Self> {
        let server =
            DemoServer::start(ServerConfig::of(flavor)).await.with_context(|| crate::tr!("start-demo-server"))?;
        let config_dir = tempfile::Builder::new()
            .prefix("mastokey-demo-")
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .tempdir()
            .with_context(|| crate::tr!("start-demo-dir"))?;
        crate::cleanup::remove_at_exit(config_dir.path().to_path_buf());
        Ok(Self { server, config_dir })
    }

    fn dir(&self) -> PathBuf {
        self.config_dir.path().to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{self, Lang};

    #[test]
    fn a_failure_is_one_line_in_the_language() {
        let error = || anyhow::Error::new(std::io::Error::from_raw_os_error(6)).context(crate::tr!("start-terminal"));
        let said = |lang| i18n::with(lang, || super::failure(&error()));
        assert_eq!(said(Lang::En), "setting up the terminal failed: No such device or address (os error 6)");
        assert_eq!(said(Lang::Ja), "端末の準備に失敗しました：No such device or address (os error 6)");
        assert_eq!(said(Lang::Fr), "La préparation du terminal a échoué\u{a0}: No such device or address (os error 6)");
        // Without a cause under it, the context alone.
        assert_eq!(
            i18n::with(Lang::En, || super::failure(&anyhow::anyhow!("the demo server failed"))),
            "the demo server failed"
        );
    }
}
