//! The first screen: which server, looked up in the background.

use super::scope_tree::ScopeTree;
use super::*;
use crate::mastodon::{ApiError, ServerInfo, address};

/// Enter in the server box.
pub(super) fn submit(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    match address::parse(app.instance.input.value()) {
        Err(e) => {
            app.instance.error = Some(messages::address(&e, app.instance.input.value()));
            Vec::new()
        }
        Ok(address) if app.settings.demo.as_ref().is_some_and(|demo| demo.origin() != address.origin()) => {
            let demo = app.settings.demo.as_ref().map(|d| d.origin().to_string()).unwrap_or_default();
            app.instance.error = Some(messages::demo_only(&demo));
            Vec::new()
        }
        Ok(address) => {
            app.instance.error = None;
            // The notice of an earlier lookup (cancelled, say) goes as this one starts.
            let id = app.begin_task("task-looking-up");
            vec![Effect::Discover { id, address }]
        }
    }
}

/// What the lookup found: the scopes screen (or, with `--scopes`, straight on to authorize).
pub(super) fn discovered(app: &mut App, result: Result<ServerInfo, ApiError>) -> Vec<Effect> {
    let server = match result {
        Ok(server) => server,
        Err(e) => {
            app.instance.error = Some(match address::parse(app.instance.input.value()) {
                Ok(address) => messages::discovery(&e, &address),
                Err(_) => e.to_string(),
            });
            return Vec::new();
        }
    };
    // Coming back to the same server keeps the choices made for it.
    let flow = match app.instance.left.take() {
        // The same origin, however it was typed (case, Unicode or punycode), with what the server
        // says now.
        Some(flow) if flow.server.address.origin() == server.address.origin() => {
            Flow { step: Step::Scopes, server, ..*flow }
        }
        _ => new_flow(app, server),
    };
    let preset = app.settings.preset_scopes.is_some();
    app.go(Screen::Login(Box::new(flow)));
    if preset { app.with_login(|flow, ctx| scopes::submit(flow, ctx, true)) } else { Vec::new() }
}

pub(super) fn new_flow(app: &App, server: ServerInfo) -> Flow {
    let mut tree = ScopeTree::new(server.scopes_supported(), server.identity_scope());
    if let Some(chosen) = app.settings.preset_scopes.as_ref().or(app.instance.scopes.as_ref()) {
        tree.clear();
        tree.choose_all(chosen);
    }
    Flow {
        step: Step::Scopes,
        server,
        tree,
        mode: app.settings.redirect,
        attempt: None,
        authorize_error: None,
        code: TextInput::default(),
        code_error: None,
        qr_open: false,
        open_when_ready: false,
        code_pasted: false,
        registered_now: None,
        refresh: None,
    }
}

/// Esc on the first screen: back to the saved logins, or out of mastokey.
pub(super) fn back(app: &mut App) -> Vec<Effect> {
    if app.accounts.logins.is_empty() {
        return vec![Effect::Quit];
    }
    app.go(Screen::Accounts);
    vec![Effect::LoadLogins]
}

/// A fresh server screen (or the demo's server filled in), for another login.
pub(super) fn start_over(app: &mut App) {
    app.instance = InstanceForm::fresh(&app.settings);
    app.go(Screen::Instance);
}
