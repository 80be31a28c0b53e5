//! Runs the effects `update` asks for: requests as tokio tasks, file writes on the blocking pool,
//! clipboard and browser; every result comes back as an `Action`.

use std::io;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use crate::app::{Action, Effect, Prepared, TaskId};
use crate::browser::{self, Launch};
use crate::clipboard::Clipboard;
use crate::mastodon::oauth::{self, CodeExchange};
use crate::mastodon::{Client, ServerInfo, account, discovery};
use crate::store::{Store, StoreError, now_rfc3339};
use crate::tui::{report, suspend_for};

pub struct Runner {
    pub client: Client,
    pub store: Store,
    pub clipboard: Clipboard,
}

impl Runner {
    /// Start a background effect; returns its task id and handle when it can be cancelled.
    pub fn spawn(&mut self, effect: Effect, tx: UnboundedSender<Action>) -> Option<(TaskId, JoinHandle<()>)> {
        let client = self.client.clone();
        let store = self.store.clone();
        match effect {
            Effect::Discover { id, address } => Some((
                id,
                tokio::spawn(async move {
                    report(&tx, Action::Discovered(id, discovery::discover(&client, address).await))
                }),
            )),
            Effect::Prepare { id, server, redirect_uri, scopes } => Some((
                id,
                tokio::spawn(async move {
                    let result = prepare(&client, &store, &server, &redirect_uri, &scopes).await;
                    report(&tx, Action::Registered(id, result));
                }),
            )),
            Effect::Exchange { id, request } => Some((
                id,
                tokio::spawn(async move {
                    let exchange = CodeExchange {
                        registration: &request.registration,
                        code: request.code.expose(),
                        redirect_uri: &request.redirect_uri,
                        code_verifier: request.code_verifier.as_ref(),
                        scopes: &request.scopes,
                    };
                    let result = oauth::exchange_code(&client, request.token_endpoint.clone(), &exchange).await;
                    report(&tx, Action::Exchanged(id, result));
                }),
            )),
            Effect::Verify { id, base, token } => Some((
                id,
                tokio::spawn(async move {
                    let result = account::verify_credentials(&client, &base, &token).await;
                    report(&tx, Action::Verified(id, result, now_rfc3339()));
                }),
            )),
            Effect::SaveRegistration(reg) => {
                tokio::task::spawn_blocking(move || {
                    let result = recovering(&tx, || store.save_registration(reg.clone()));
                    report(&tx, Action::RegistrationSaved(result));
                });
                None
            }
            Effect::SaveLogin(login) => {
                tokio::task::spawn_blocking(move || {
                    let result = recovering(&tx, || store.save_login((*login).clone()));
                    report(&tx, Action::LoginSaved(result));
                });
                None
            }
            Effect::Copy(text) => {
                let result = self.clipboard.copy(text.expose(), &mut io::stdout()).map_err(|e| e.to_string());
                report(&tx, Action::Copied(result));
                None
            }
            Effect::OpenBrowser(_) | Effect::Cancel(_) | Effect::Animate(_) | Effect::Quit => None,
        }
    }

    /// Try each browser in turn; a text-mode one gets the terminal while it runs.
    pub fn open_browser(&mut self, url: &str, terminal: &mut ratatui::DefaultTerminal) -> Result<(), String> {
        let browser_env = std::env::var("BROWSER").ok();
        let plans = browser::plan(url, browser_env.as_deref());
        if plans.is_empty() {
            return Err(browser::BrowserError::NoBrowser.to_string());
        }
        let mut last_error = String::new();
        for launch in plans {
            let result = match launch {
                Launch::Foreground(command) => suspend_for(terminal, || browser::run_foreground(command)),
                Launch::Background(command) => browser::spawn_background(command),
            };
            match result {
                Ok(()) => return Ok(()),
                Err(e) => last_error = e.to_string(),
            }
        }
        Err(last_error)
    }
}

/// A saved registration for this server, redirect and scopes, or a new one.
async fn prepare(
    client: &Client,
    store: &Store,
    server: &ServerInfo,
    redirect_uri: &str,
    scopes: &[String],
) -> Result<Prepared, crate::mastodon::ApiError> {
    let origin = server.address.origin();
    let (found, store_warning) = {
        let store = store.clone();
        let (origin, redirect, scopes) = (origin.clone(), redirect_uri.to_owned(), scopes.to_vec());
        match tokio::task::spawn_blocking(move || store.find_registration(&origin, &redirect, &scopes)).await {
            Ok(Ok(found)) => (found, None),
            Ok(Err(e)) => (None, Some(store_warning(&e))),
            Err(e) => (None, Some(format!("Reading saved registrations failed: {e}"))),
        }
    };
    if let Some(registration) = found {
        return Ok(Prepared { registration, reused: true, store_warning });
    }
    let apps = server.address.endpoint("/api/v1/apps");
    let registration =
        oauth::register_app(client, &origin, apps, &[redirect_uri.to_owned()], scopes, now_rfc3339()).await?;
    Ok(Prepared { registration, reused: false, store_warning })
}

/// A corrupt file is moved aside by the store and reported; the save is then made once more into
/// a fresh file, so the new login is not lost and the old data is not overwritten.
fn recovering<T>(tx: &UnboundedSender<Action>, save: impl Fn() -> Result<T, StoreError>) -> Result<T, StoreError> {
    match save() {
        Err(e @ StoreError::Corrupt { .. }) => {
            report(tx, Action::StoreWarning(format!("Warning: {e}.")));
            save()
        }
        other => other,
    }
}

fn store_warning(e: &StoreError) -> String {
    format!("Saved registrations could not be read ({e}); mastokey registered again.")
}
