//! Runs the effects `update` asks for: requests as tokio tasks, file writes on the blocking pool,
//! clipboard and browser; every result comes back as an `Action`.

use std::io;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use std::time::Instant;

use crate::app::{Action, Effect, PrepareError, Prepared, RedirectMode, TaskId};
use crate::avatar::{self, Avatar, Palette};
use crate::browser::{self, Launch};
use crate::clipboard::Clipboard;
use crate::logout::{self, registration_of};
use crate::loopback::{self, Event, Listener};
use crate::mastodon::oauth::OOB;
use crate::mastodon::oauth::{self, CodeExchange};
use crate::mastodon::{Client, ServerInfo, account, discovery};
use crate::store::{Login, Registration, Store, StoreError, now_rfc3339};
use crate::tui::{report, suspend_for};

pub struct Runner {
    pub client: Client,
    pub store: Store,
    pub clipboard: Clipboard,
    /// The loopback listener bound for the attempt being prepared, until `Listen` takes it.
    bound: Option<Listener>,
}

/// The redirect of an attempt: what the registration must list and what the URL carries.
struct RedirectPlan {
    /// Looked up among saved registrations and registered when missing.
    registered: String,
    /// Also registered, so switching between paste and loopback reuses the registration.
    also: Option<String>,
    /// Sent in the authorize URL and repeated at the token exchange.
    used: String,
}

impl Runner {
    pub fn new(client: Client, store: Store, clipboard: Clipboard) -> Self {
        Self { client, store, clipboard, bound: None }
    }

    /// For loopback, bind the listener now (its port goes into the URL). Mastodon ignores the
    /// port of a loopback redirect, so one port-less registration serves every port; servers
    /// that compare exactly get the port registered, and the next login tries that port again
    /// so the saved registration can be reused.
    fn plan_redirect(
        &mut self,
        server: &ServerInfo,
        mode: RedirectMode,
        scopes: &[String],
    ) -> std::io::Result<RedirectPlan> {
        self.bound = None;
        let portless = server.ignores_loopback_port().then(|| loopback::PORTLESS_REDIRECT.to_owned());
        if mode == RedirectMode::Oob {
            return Ok(RedirectPlan { registered: OOB.into(), also: portless, used: OOB.into() });
        }
        let preferred = if portless.is_some() { None } else { self.saved_loopback_port(server, scopes) };
        let listener = Listener::bind(preferred)?;
        let used = listener.redirect_uri();
        self.bound = Some(listener);
        Ok(RedirectPlan { registered: portless.unwrap_or_else(|| used.clone()), also: Some(OOB.into()), used })
    }

    fn saved_loopback_port(&self, server: &ServerInfo, scopes: &[String]) -> Option<u16> {
        let origin = server.address.origin();
        let saved = self.store.registrations().ok()?;
        saved
            .iter()
            .rev()
            .filter(|r| r.server.trim_end_matches('/').eq_ignore_ascii_case(&origin))
            .filter(|r| scopes.iter().all(|s| r.scopes.contains(s)))
            .find_map(|r| r.redirect_uris.iter().find_map(|u| loopback::port_of(u)))
    }

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
            Effect::Prepare { id, server, mode, scopes, forget } => {
                let plan = match self.plan_redirect(&server, mode, &scopes) {
                    Ok(plan) => plan,
                    Err(e) => {
                        report(&tx, Action::Registered(id, Err(PrepareError::Listener(e.to_string()))));
                        return None;
                    }
                };
                Some((
                    id,
                    tokio::spawn(async move {
                        let result = prepare(&client, &store, &server, plan, &scopes, forget.as_deref()).await;
                        report(&tx, Action::Registered(id, result.map_err(PrepareError::Api)));
                    }),
                ))
            }
            Effect::Listen { id, state, timeout } => {
                let Some(listener) = self.bound.take() else {
                    let refused = Event::Refused { error: "the listener was not ready".into(), description: None };
                    report(&tx, Action::Loopback(id, refused));
                    return None;
                };
                report(&tx, Action::Listening(id, Instant::now() + timeout));
                Some((id, tokio::spawn(listener.serve(state, move |event| report(&tx, Action::Loopback(id, event))))))
            }
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
            Effect::Revoke { id, login } => Some((
                id,
                tokio::spawn(async move {
                    let result = revoke_saved(&client, &store, &login).await;
                    report(&tx, Action::Revoked(id, login, result));
                }),
            )),
            Effect::RecordVerified { login, at } => {
                tokio::task::spawn_blocking(move || {
                    let action = match store.record_verified(&login, &at) {
                        Ok(Some(saved)) => Action::LoginSaved(Ok(saved)),
                        Ok(None) => Action::LoginChangedElsewhere,
                        Err(e) => Action::LoginSaved(Err(e)),
                    };
                    report(&tx, action);
                });
                None
            }
            Effect::LoadLogins => {
                tokio::task::spawn_blocking(move || report(&tx, Action::LoginsLoaded(store.logins())));
                None
            }
            Effect::Forget(login) => {
                tokio::task::spawn_blocking(move || {
                    // This very login: a newer one of the account, saved meanwhile, stays.
                    let result = store.forget_login(&login).map(|_| ());
                    report(&tx, Action::Forgotten(login, result));
                });
                None
            }
            Effect::FetchAvatar { url, palette } => {
                tokio::spawn(async move {
                    let shown = url.to_string();
                    let result = fetch_avatar(&client, url, palette).await;
                    report(&tx, Action::AvatarLoaded(shown, result));
                });
                None
            }
            Effect::OpenBrowser(_) | Effect::Cancel(_) | Effect::Quit => None,
        }
    }

    /// Try each browser in turn. A text-mode one gets the terminal while it runs, so that path
    /// is taken here and its result returned; graphical ones are started on the blocking pool
    /// (each may take a moment to show whether it started) and report back as an action, so the
    /// interface keeps answering meanwhile.
    pub fn open_browser(
        &mut self,
        url: &str,
        terminal: &mut ratatui::DefaultTerminal,
        tx: UnboundedSender<Action>,
    ) -> Option<Result<(), String>> {
        let browser_env = std::env::var("BROWSER").ok();
        let plans = browser::plan(url, browser_env.as_deref());
        if plans.is_empty() {
            return Some(Err(browser::BrowserError::NoBrowser.to_string()));
        }
        if plans.iter().all(|p| matches!(p, Launch::Background(_))) {
            tokio::task::spawn_blocking(move || {
                let launches = plans.into_iter().map(|p| match p {
                    Launch::Background(command) | Launch::Foreground(command) => browser::spawn_background(command),
                });
                report(&tx, Action::BrowserOpened(first_that_starts(launches)));
            });
            return None;
        }
        let results = plans.into_iter().map(|launch| match launch {
            Launch::Foreground(command) => suspend_for(terminal, || browser::run_foreground(command)),
            Launch::Background(command) => browser::spawn_background(command),
        });
        Some(first_that_starts(results))
    }
}

/// The first launch that worked, or the last failure (the iterator is lazy: later browsers are
/// not started once one worked).
fn first_that_starts(results: impl Iterator<Item = Result<(), browser::BrowserError>>) -> Result<(), String> {
    let mut last_error = String::new();
    for result in results {
        match result {
            Ok(()) => return Ok(()),
            Err(e) => last_error = e.to_string(),
        }
    }
    Err(last_error)
}

/// A saved registration for this server, redirect and scopes, or a new one.
async fn prepare(
    client: &Client,
    store: &Store,
    server: &ServerInfo,
    plan: RedirectPlan,
    scopes: &[String],
    forget: Option<&Registration>,
) -> Result<Prepared, crate::mastodon::ApiError> {
    let origin = server.address.origin();
    let (found, store_warning) = {
        let store = store.clone();
        let (origin, redirect, scopes) = (origin.clone(), plan.registered.clone(), scopes.to_vec());
        let forget = forget.map(|r| r.client_id.clone());
        let find = move || {
            if let Some(client_id) = forget {
                store.remove_registration(&origin, &client_id)?;
            }
            store.find_registration(&origin, &redirect, &scopes)
        };
        match tokio::task::spawn_blocking(find).await {
            Ok(Ok(found)) => (found, None),
            Ok(Err(e)) => (None, Some(store_warning(&e))),
            Err(e) => (None, Some(format!("Reading saved registrations failed: {e}"))),
        }
    };
    if let Some(registration) = found {
        return Ok(Prepared { registration, reused: true, redirect_uri: plan.used, store_warning });
    }
    let apps = server.address.endpoint("/api/v1/apps");
    let redirects: Vec<String> = std::iter::once(plan.registered).chain(plan.also).collect();
    let registration = oauth::register_app(client, &origin, apps, &redirects, scopes, now_rfc3339()).await?;
    Ok(Prepared { registration, reused: false, redirect_uri: plan.used, store_warning })
}

/// Download the avatar (size-capped like every answer) and decode it off the async threads.
async fn fetch_avatar(client: &Client, url: url::Url, palette: Palette) -> Result<Avatar, String> {
    let (_, bytes) = client.send(client.get(url)).await.map_err(|e| e.to_string())?;
    match tokio::task::spawn_blocking(move || avatar::decode(&bytes, palette)).await {
        Ok(decoded) => decoded.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Revoke a saved login's token with the registration it was issued to.
async fn revoke_saved(client: &Client, store: &Store, login: &Login) -> Result<(), String> {
    let registration = {
        let (store, login) = (store.clone(), login.clone());
        tokio::task::spawn_blocking(move || registration_of(&store, &login)).await.map_err(|e| e.to_string())?
    };
    let registration = registration.map_err(|e| e.to_string())?;
    logout::revoke(client, registration.as_ref(), login).await.map_err(|e| e.to_string())
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
