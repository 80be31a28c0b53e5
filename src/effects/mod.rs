//! Runs the effects `update` asks for: requests as tokio tasks (which it owns, so it can cancel
//! them), file writes on the blocking pool, the clipboard and the browser. Every result comes
//! back on the channel as an `Action`.

mod prepare;

use std::collections::HashMap;
use std::io;
use std::time::Instant;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio::task::JoinHandle;

use crate::app::{Action, Effect, PrepareError, TaskId};
use crate::avatar::{self, Avatar, Palette};
use crate::browser::{self, Launch};
use crate::clipboard::Clipboard;
use crate::loopback::{Event, Listener};
use crate::mastodon::oauth::{self, CodeExchange};
use crate::mastodon::{Client, account};
use crate::revoke;
use crate::store::{Login, Store, StoreError, now_rfc3339};
use crate::terminal;

pub struct Runner {
    client: Client,
    store: Store,
    clipboard: Clipboard,
    tx: UnboundedSender<Action>,
    /// Requests and listeners that can be cancelled, by the task id `update` gave them.
    tasks: HashMap<TaskId, JoinHandle<()>>,
    /// The loopback listener bound for the attempt being prepared, until `Listen` takes it.
    bound: Option<Listener>,
    /// Reads and writes of the store still running: never aborted, and waited for at the end
    /// ([`Runner::finish_store_work`]), so a login the screen says is saved is saved.
    store_work: Vec<JoinHandle<()>>,
}

/// How long the end of the program waits for the store's last writes (a keyring that asks
/// to be unlocked can take that long; a disk write takes milliseconds).
const STORE_WORK_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Send a result back to the loop; a closed channel means the app is quitting.
fn report(tx: &UnboundedSender<Action>, action: Action) {
    let _ = tx.send(action);
}

impl Runner {
    /// The runner and the channel its results arrive on.
    pub fn new(client: Client, store: Store, clipboard: Clipboard) -> (Self, UnboundedReceiver<Action>) {
        let (tx, rx) = unbounded_channel();
        (Self { client, store, clipboard, tx, tasks: HashMap::new(), bound: None, store_work: Vec::new() }, rx)
    }

    /// Carry out one effect. `Quit` is the loop's to handle; a text-mode browser gets the
    /// terminal while it runs.
    pub fn run(&mut self, effect: Effect, terminal: &mut ratatui::DefaultTerminal) {
        self.tasks.retain(|_, h| !h.is_finished());
        match effect {
            Effect::Cancel(id) => {
                if let Some(handle) = self.tasks.remove(&id) {
                    handle.abort();
                }
            }
            Effect::OpenBrowser(url) => self.open_browser(&url, terminal),
            Effect::Copy(text) => {
                let result = self.clipboard.copy(text.expose(), &mut io::stdout()).map_err(|e| e.to_string());
                report(&self.tx, Action::Copied(result));
            }
            Effect::Quit => {}
            other => self.spawn(other),
        }
    }

    /// Stop everything still running (the program is ending).
    pub fn abort_all(&mut self) {
        for (_, handle) in self.tasks.drain() {
            handle.abort();
        }
    }

    /// Waits (at most [`STORE_WORK_GRACE`]) for the store's reads and writes still running:
    /// quitting right after a save must not lose it, also when the process then exits with
    /// `std::process::exit`, which would not wait.
    pub async fn finish_store_work(&mut self) {
        let pending = std::mem::take(&mut self.store_work);
        let _ = tokio::time::timeout(STORE_WORK_GRACE, futures::future::join_all(pending)).await;
    }

    /// Runs a store operation on the blocking pool, kept track of until it is done.
    fn store_work(&mut self, work: impl FnOnce() + Send + 'static) {
        self.store_work.retain(|h| !h.is_finished());
        self.store_work.push(tokio::task::spawn_blocking(work));
    }

    fn track(&mut self, id: TaskId, handle: JoinHandle<()>) {
        self.tasks.insert(id, handle);
    }

    fn spawn(&mut self, effect: Effect) {
        let (client, store, tx) = (self.client.clone(), self.store.clone(), self.tx.clone());
        match effect {
            Effect::Discover { id, address } => self.track(
                id,
                tokio::spawn(async move {
                    let result = crate::mastodon::discovery::discover(&client, address).await;
                    report(&tx, Action::Discovered(id, result));
                }),
            ),
            Effect::DiscoverForRefresh { id, login, address } => self.track(
                id,
                tokio::spawn(async move {
                    let result = crate::mastodon::discovery::discover(&client, address).await;
                    report(&tx, Action::DiscoveredForRefresh(id, login, result));
                }),
            ),
            Effect::Prepare { id, server, mode, scopes, forget, avoid } => {
                self.bound = None;
                let (plan, listener) = match prepare::plan_redirect(&store, &server, mode, &scopes) {
                    Ok(planned) => planned,
                    Err(e) => return report(&tx, Action::Registered(id, Err(PrepareError::Listener(e.to_string())))),
                };
                self.bound = listener;
                self.track(
                    id,
                    tokio::spawn(async move {
                        let reuse = prepare::Reuse { forget: forget.as_deref(), avoid: avoid.as_deref() };
                        let result = prepare::prepare(&client, &store, &server, plan, &scopes, reuse).await;
                        report(&tx, Action::Registered(id, result.map_err(PrepareError::Api)));
                    }),
                );
            }
            Effect::Listen { id, state, timeout, server } => {
                let Some(listener) = self.bound.take() else {
                    let refused = Event::Refused { error: crate::tr!("detail-listener-not-ready"), description: None };
                    return report(&tx, Action::Loopback(id, refused));
                };
                // One deadline for the countdown on screen and the listener's own.
                let deadline = Instant::now() + timeout;
                report(&tx, Action::Listening(id, deadline));
                let waiting = crate::loopback::Waiting { state, server, deadline };
                let serving = listener.serve(waiting, move |event| report(&tx, Action::Loopback(id, event)));
                self.track(id, tokio::spawn(serving));
            }
            Effect::Exchange { id, request } => self.track(
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
            ),
            Effect::Verify { id, base, token } => self.track(
                id,
                tokio::spawn(async move {
                    let result = account::verify_credentials(&client, &base, &token).await;
                    report(&tx, Action::Verified(id, result, now_rfc3339()));
                }),
            ),
            Effect::Recheck { id, login } => self.track(
                id,
                tokio::spawn(async move {
                    let result = match login.server.url() {
                        Some(base) => account::verify_credentials(&client, &base, &login.token).await,
                        None => Err(crate::mastodon::ApiError::Connection {
                            host: login.server.to_string(),
                            detail: crate::tr!("detail-saved-server-not-url"),
                        }),
                    };
                    let result = match result {
                        Ok(account) => Ok(account),
                        // Servers say "this token is dead" differently: ask its kind when needed.
                        Err(e) if crate::mastodon::discovery::rejects_token(&client, &login.server, &e).await => {
                            Err(crate::app::CheckFailed::Rejected(e))
                        }
                        Err(e) => Err(crate::app::CheckFailed::Failed(e)),
                    };
                    report(&tx, Action::Rechecked(id, login.id(), result, now_rfc3339()));
                }),
            ),
            Effect::Revoke { id, login } => self.track(
                id,
                tokio::spawn(async move {
                    let result = revoke_saved(&client, &store, &login).await;
                    report(&tx, Action::Revoked(id, login, result));
                }),
            ),
            Effect::SaveRegistration(reg) => self.store_work(move || {
                let client_id = reg.client_id.clone();
                let result = recovering(&tx, || store.save_registration(reg.clone()));
                report(&tx, Action::RegistrationSaved(client_id, result));
            }),
            Effect::SaveLogin { login, registration } => self.store_work(move || {
                // The registration first: a login is never saved without what can revoke it.
                let result = match registration {
                    Some(reg) => recovering(&tx, || store.save_registration((*reg).clone())),
                    None => Ok(()),
                }
                .and_then(|()| recovering(&tx, || store.save_login((*login).clone())));
                report(&tx, Action::LoginSaved(login, result));
            }),
            Effect::ReplaceLogin { old, new, registration } => self.store_work(move || {
                // The registration first, as for a new login.
                let result = match registration {
                    Some(reg) => recovering(&tx, || store.save_registration((*reg).clone())),
                    None => Ok(()),
                }
                .and_then(|()| recovering(&tx, || store.replace_login(&old, (*new).clone())));
                report(&tx, Action::LoginReplaced(result));
            }),
            Effect::RevokeReplaced { id, login } => self.track(
                id,
                tokio::spawn(async move {
                    let result = revoke_saved(&client, &store, &login).await;
                    report(&tx, Action::ReplacedRevoked(id, login, result));
                }),
            ),
            Effect::RecordVerified { login, at } => self.store_work(move || {
                let action = match store.record_verified(&login, &at) {
                    Ok(Some(saved)) => Action::LoginSaved(login, Ok(saved)),
                    Ok(None) => Action::LoginChangedElsewhere,
                    Err(e) => Action::LoginSaved(login, Err(e)),
                };
                report(&tx, action);
            }),
            Effect::LoadLogins => self.store_work(move || report(&tx, Action::LoginsLoaded(store.load_logins()))),
            Effect::MakeDefault(login) => self.store_work(move || {
                let result = store.set_default(&login);
                report(&tx, Action::DefaultMade(login, result));
            }),
            Effect::Forget(login) => self.store_work(move || {
                // This very login: a newer one of the account, saved meanwhile, stays.
                let result = store.forget_login(&login).map(|_| ());
                report(&tx, Action::Forgotten(login, result));
            }),
            Effect::FetchAvatar { url, palette } => {
                tokio::spawn(async move {
                    let shown = url.to_string();
                    let result = fetch_avatar(&client, url, palette).await;
                    report(&tx, Action::AvatarLoaded(shown, result));
                });
            }
            Effect::OpenBrowser(_) | Effect::Copy(_) | Effect::Cancel(_) | Effect::Quit => {}
        }
    }

    /// Try each browser in turn. A text-mode one gets the terminal while it runs; graphical ones
    /// are started on the blocking pool (each may take a moment to show whether it started), so
    /// the interface keeps answering meanwhile.
    fn open_browser(&mut self, url: &str, terminal: &mut ratatui::DefaultTerminal) {
        let browser_env = std::env::var("BROWSER").ok();
        let plans = browser::plan(url, browser_env.as_deref());
        let tx = self.tx.clone();
        if plans.is_empty() {
            return report(&tx, Action::BrowserOpened(Err(browser::BrowserError::NoBrowser.to_string())));
        }
        if plans.iter().all(|p| matches!(p, Launch::Background(_))) {
            return blocking(move || {
                let launches = plans.into_iter().map(|p| match p {
                    Launch::Background(command) | Launch::Foreground(command) => browser::spawn_background(command),
                });
                report(&tx, Action::BrowserOpened(first_that_starts(launches)));
            });
        }
        let results = plans.into_iter().map(|launch| match launch {
            Launch::Foreground(command) => terminal::suspend_for(terminal, || browser::run_foreground(command)),
            Launch::Background(command) => browser::spawn_background(command),
        });
        report(&tx, Action::BrowserOpened(first_that_starts(results)));
    }
}

fn blocking(work: impl FnOnce() + Send + 'static) {
    tokio::task::spawn_blocking(work);
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
        tokio::task::spawn_blocking(move || store.registration_of(&login)).await.map_err(|e| e.to_string())?
    };
    let registration = registration.map_err(|e| e.to_string())?;
    revoke::revoke(client, registration.as_ref(), login).await.map_err(|e| e.to_string())?;
    // snac deletes the app with the token: its registration is of no more use.
    if let Some(registration) = registration
        && crate::mastodon::discovery::deletes_app_on_revoke(client, &login.server).await
    {
        let store = store.clone();
        let _ = tokio::task::spawn_blocking(move || {
            store.remove_registration(&registration.server, &registration.client_id)
        })
        .await;
    }
    Ok(())
}

/// A corrupt file is moved aside by the store and reported; the save is then made once more into
/// a fresh file, so the new data is not lost and the old data is not overwritten.
fn recovering<T>(tx: &UnboundedSender<Action>, save: impl Fn() -> Result<T, StoreError>) -> Result<T, StoreError> {
    match save() {
        Err(e @ StoreError::Corrupt { .. }) => {
            report(tx, Action::StoreWarning(format!("Warning: {e}.")));
            save()
        }
        other => other,
    }
}
