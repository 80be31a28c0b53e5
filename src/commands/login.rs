//! `mastokey login --with-token --instance SERVER`: save a token made elsewhere (the server's
//! Development page, another tool), read from stdin and checked with the server first.
//!
//! The token never comes from the command line, where `ps` and the shell's history would see
//! it. Such a login has no app registration of mastokey's, so `logout` cannot revoke it and
//! says where it can be revoked.

use std::io::{IsTerminal, Read, Write};

use super::{Exit, Failure, instance_hint, open_store, request_failure, server_origin, storage_failure, warn};
use crate::cli::LoginFlags;
use crate::mastodon::account::{login_handle, verify_credentials};
use crate::mastodon::client::{Client, Timeouts};
use crate::mastodon::{ServerInfo, discovery};
use crate::sanitize::clean;
use crate::secret::Secret;
use crate::store::{Login, now_rfc3339};
use crate::tr;

/// No token is anywhere near this long; more on stdin is a file given by mistake.
const MAX_TOKEN_BYTES: usize = 4096;

pub(super) async fn run(flags: &LoginFlags) -> Result<String, Failure> {
    // clap makes --instance required with --with-token.
    let typed = flags.instance.as_deref().unwrap_or_default();
    let address = server_origin(typed)?;
    let store = open_store()?;
    let token = read_token()?;
    let client = Client::new(Timeouts::default());
    let server = discovery::discover(&client, address)
        .await
        .map_err(|e| request_failure(&e, &address_text(typed), &tr!("with-token-doing-look-up")))?;
    let server_name = server.address.origin().to_string();
    let (account, app) =
        tokio::join!(verify_credentials(&client, &server.address.base, &token), app_scopes(&client, &server, &token));
    let account = match account {
        Ok(account) => account,
        Err(e) => return Err(refused(&client, &server, e.redact(&[token.expose()])).await),
    };
    let acct = login_handle(&account.acct, &server.account_domain())
        .map_err(|e| Failure::new(Exit::Failed, tr!("with-token-bad-handle", error = e.to_string())))?;
    let now = now_rfc3339();
    let login = Login {
        server: server.address.origin(),
        account_id: account.id.clone(),
        acct: acct.clone(),
        display_name: clean(&account.display_name),
        token,
        scopes_granted: app.unwrap_or_default(),
        scopes_requested: Vec::new(),
        // No registration of mastokey's: the mark of a token made elsewhere.
        client_id: String::new(),
        created_at: now.clone(),
        last_verified: Some(now),
    };
    let known = !login.scopes_granted.is_empty();
    let scopes = clean(&login.scopes_granted.join(" "));
    let saved = store.save_login(login).map_err(storage_failure)?;
    if let Some(note) = saved.fallback_note(&acct) {
        warn(&note);
    }
    let acct = clean(&acct);
    let scopes = if known { tr!("with-token-scopes", scopes = scopes) } else { tr!("with-token-scopes-unknown") };
    Ok(format!("{}\n", tr!("with-token-saved", account = acct, server = server_name, scopes = scopes)))
}

/// The token: one line on stdin (a pipe or a file), or typed at a prompt that does not show it.
fn read_token() -> Result<Secret, Failure> {
    let stdin = std::io::stdin();
    let text = if stdin.is_terminal() {
        prompt_hidden()?
    } else {
        let mut bytes = Vec::new();
        let read = stdin.lock().take(MAX_TOKEN_BYTES as u64 + 1).read_to_end(&mut bytes);
        read.map_err(|e| Failure::new(Exit::Usage, tr!("with-token-unreadable", error = e.to_string())))?;
        if bytes.len() > MAX_TOKEN_BYTES {
            return Err(Failure::new(Exit::Usage, tr!("with-token-too-long", limit = MAX_TOKEN_BYTES)));
        }
        String::from_utf8(bytes).map_err(|_| Failure::new(Exit::Usage, tr!("with-token-not-a-token")))?
    };
    let token = text.trim();
    if token.is_empty() {
        return Err(Failure::new(Exit::Usage, tr!("with-token-empty")));
    }
    // Tokens are printable ASCII without spaces; anything else (two tokens, a pasted page) is
    // refused without repeating it, since it may hold a secret.
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Failure::new(Exit::Usage, tr!("with-token-not-a-token")));
    }
    Ok(Secret::new(token))
}

/// Asks on stderr and reads the token with echo off (the terminal's raw mode), so it is not
/// left on screen or in the scrollback. Enter ends it; ctrl-c or esc cancels.
fn prompt_hidden() -> Result<String, Failure> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{} ", tr!("with-token-prompt"));
    let _ = stderr.flush();
    crossterm::terminal::enable_raw_mode()
        .map_err(|e| Failure::new(Exit::Usage, tr!("with-token-unreadable", error = e.to_string())))?;
    let mut text = String::new();
    let ended = loop {
        match read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => match key.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Esc => break Err(tr!("with-token-cancelled")),
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(tr!("with-token-cancelled"));
                }
                KeyCode::Backspace => drop(text.pop()),
                KeyCode::Char(c) if text.len() < MAX_TOKEN_BYTES => text.push(c),
                _ => {}
            },
            // A paste arrives as characters, or as one event where bracketed paste is on.
            Ok(Event::Paste(pasted)) => text.push_str(&pasted),
            Ok(_) => {}
            Err(e) => break Err(tr!("with-token-unreadable", error = e.to_string())),
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = writeln!(stderr);
    ended.map(|()| text).map_err(|message| Failure::new(Exit::Usage, message))
}

/// The scopes of the app the token was made for, where the server says (Mastodon 4.3 and
/// later answer `GET /api/v1/apps/verify_credentials` with them; a token made on the
/// Development page has its app's scopes). `None` when it does not say.
async fn app_scopes(client: &Client, server: &ServerInfo, token: &Secret) -> Option<Vec<String>> {
    let request = client.get(server.address.endpoint("/api/v1/apps/verify_credentials")).bearer_auth(token.expose());
    let (path, body) = client.send(request).await.ok()?;
    crate::mastodon::oauth::app_scopes(&path, &body)
}

/// Why the token was not taken, in the words that fit: refused, unable to read its account,
/// or the server's own trouble.
async fn refused(client: &Client, server: &ServerInfo, e: crate::mastodon::ApiError) -> Failure {
    let origin = server.address.origin();
    let name = origin.to_string();
    if discovery::rejects_token(client, &origin, &e).await {
        return Failure::new(Exit::Rejected, tr!("with-token-rejected", server = name.as_str()));
    }
    if e.status() == Some(403) {
        let scope = server.identity_scope();
        return Failure::new(
            Exit::Failed,
            tr!("with-token-cannot-read-account", server = name.as_str(), scope = scope),
        );
    }
    request_failure(&e, &name, &tr!("with-token-doing-check"))
}

/// The server as typed, for a message about a server that could not be looked up.
fn address_text(typed: &str) -> String {
    clean(instance_hint(typed.trim()))
}
