//! The first two steps: looking the server up, and choosing the scopes to ask for.

use super::flow::{go, notice};
use super::keys::Command;
use super::scope_tree::{Preset, ScopeTree};
use super::*;
use crate::mastodon::address;

const PAGE: isize = 10;

pub(super) fn submit_instance(app: &mut App) -> Vec<Effect> {
    if app.busy() {
        return Vec::new();
    }
    match address::parse(app.instance.input.value()) {
        Err(e) => {
            app.instance.error = Some(e.to_string());
            Vec::new()
        }
        Ok(address) if app.settings.only_server.as_ref().is_some_and(|only| only.origin() != address.origin()) => {
            app.instance.error = Some(
                "This is the demo: it logs in only to its built-in server (filled in above). To log in to another server, quit and run mastokey without --demo.".into(),
            );
            Vec::new()
        }
        Ok(address) => {
            app.instance.error = None;
            let id = app.begin_task("looking up the server");
            vec![Effect::Discover { id, address }]
        }
    }
}

pub(super) fn discovered(app: &mut App, result: Result<ServerInfo, ApiError>) -> Vec<Effect> {
    let server = match result {
        Ok(server) => server,
        Err(e) => {
            app.instance.error = match address::parse(app.instance.input.value()) {
                Ok(address) => Some(messages::discovery(&e, &address)),
                Err(_) => Some(e.to_string()),
            };
            return Vec::new();
        }
    };
    // Keep the choices made for the same server when coming back to it.
    let same_server = app.flow.as_ref().is_some_and(|f| f.server.address == server.address);
    if !same_server {
        let mut tree = ScopeTree::new(server.scopes_supported(), server.identity_scope());
        if let Some(chosen) = app.settings.preset_scopes.as_ref().or(app.instance.scopes.as_ref()) {
            tree.clear();
            tree.choose_all(chosen);
        }
        // Another server: the old attempt's listener, if any, must close.
        let closed = app.listening().map(|l| Effect::Cancel(l.id));
        app.flow = Some(Flow {
            server,
            tree,
            attempt: None,
            authorize_error: None,
            code: TextInput::default(),
            code_error: None,
            mode: app.settings.redirect,
            qr: None,
        });
        let next =
            if app.settings.preset_scopes.is_some() { submit_scopes(app, true) } else { go(app, ScreenId::Scopes) };
        return closed.into_iter().chain(next).collect();
    }
    if app.settings.preset_scopes.is_some() { submit_scopes(app, true) } else { go(app, ScreenId::Scopes) }
}

pub(super) fn scopes_command(app: &mut App, command: Command) {
    let Some(flow) = app.flow.as_mut() else { return };
    let tree = &mut flow.tree;
    match command {
        Command::Up => tree.move_by(-1),
        Command::Down => tree.move_by(1),
        Command::PageUp => tree.move_by(-PAGE),
        Command::PageDown => tree.move_by(PAGE),
        Command::Toggle => tree.toggle(),
        Command::Expand => tree.set_expanded(true),
        Command::Collapse => tree.set_expanded(false),
        Command::ExpandToggle => tree.toggle_expanded(),
        Command::ClearScopes => tree.clear(),
        Command::Preset(i) => {
            if let Some(p) = Preset::ALL.get(i) {
                tree.apply_preset(*p);
            }
        }
        _ => return,
    }
    app.notice = None;
}

pub(super) fn submit_scopes(app: &mut App, confirmed: bool) -> Vec<Effect> {
    let Some(flow) = app.flow.as_mut() else { return Vec::new() };
    let chosen = flow.tree.selected();
    if chosen.is_empty() {
        notice(app, NoticeKind::Error, "Choose at least one scope (space toggles; 1 picks identity only).".into());
        return Vec::new();
    }
    // Without a scope that reads the account, the token could be made but neither shown nor
    // saved under anyone's name: offer the smallest scope that can.
    if !flow.server.identifies(&chosen) {
        app.overlay = Some(Overlay::AddIdentity(flow.server.identity_scope()));
        return Vec::new();
    }
    let unadvertised = flow.tree.unadvertised();
    if !confirmed && !unadvertised.is_empty() {
        app.overlay = Some(Overlay::ConfirmUnadvertised(unadvertised));
        return Vec::new();
    }
    // The same scopes as the attempt already prepared: keep its URL (no new request).
    if flow.attempt.as_ref().is_some_and(|a| a.scopes == chosen) {
        return go(app, ScreenId::Authorize);
    }
    flow.code = TextInput::default();
    flow.code_error = None;
    app.screen = ScreenId::Authorize;
    app.notice = None;
    attempt::prepare(app)
}
