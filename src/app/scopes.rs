//! The second screen: choosing the scopes to ask for.

use super::keys::Command;
use super::scope_tree::Preset;
use super::*;
use crate::tr;

const PAGE: isize = 10;

/// A key on the scopes screen that changes the choice or the cursor; `false` when it is not one.
pub(super) fn command(flow: &mut Flow, command: Command) -> bool {
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
        Command::Preset(i) => match Preset::ALL.get(i) {
            Some(p) => tree.apply_preset(*p),
            None => return false,
        },
        _ => return false,
    }
    true
}

/// A click on a row selects it; a second click toggles it.
pub(super) fn click(flow: &mut Flow, row: usize) {
    if flow.tree.cursor == row {
        flow.tree.toggle();
    } else {
        flow.tree.select_row(row);
    }
}

/// Enter: on to the authorize step, after the questions the choice may raise. `confirmed` skips
/// the one about scopes the server does not list.
pub(super) fn submit(flow: &mut Flow, ctx: &mut Ctx, confirmed: bool) -> Vec<Effect> {
    let chosen = flow.tree.selected();
    if chosen.is_empty() {
        flow.step = Step::Scopes;
        let hint = keys::press(ScreenId::Scopes, Command::Preset(0), "hint-identity-preset");
        let toggle = keys::key_for(ScreenId::Scopes, Command::Toggle).unwrap_or_default();
        ctx.say_on(ScreenId::Scopes, NoticeKind::Error, tr!("scopes-empty", toggle = toggle, hint = hint));
        return Vec::new();
    }
    // Without a scope that reads the account, the token could be made but neither shown nor
    // saved under anyone's name: offer the smallest scope that can.
    if !flow.server.identifies(&chosen) {
        ctx.overlay = Some(Overlay::AddIdentity(flow.server.identity_scope()));
        return Vec::new();
    }
    let unadvertised = flow.tree.unadvertised();
    if !confirmed && !unadvertised.is_empty() {
        ctx.overlay = Some(Overlay::ConfirmUnadvertised(unadvertised));
        return Vec::new();
    }
    flow.step = Step::Authorize;
    ctx.notice = None;
    // The same scopes as the attempt already prepared: keep its URL (no new request).
    if flow.attempt.as_ref().is_some_and(|a| a.scopes == chosen && !a.ended) {
        return Vec::new();
    }
    flow.code = TextInput::default();
    flow.code_error = None;
    authorize::prepare(flow, ctx, None)
}

/// `y` on the add-identity question: the scope joins the choice.
pub(super) fn add_identity(flow: &mut Flow, ctx: &mut Ctx, scope: &str) -> Vec<Effect> {
    flow.tree.choose_all(&[scope.to_owned()]);
    submit(flow, ctx, false)
}

/// `n` on the add-identity question: back to the choice (with `--scopes` the question comes
/// before the scopes screen was ever shown).
pub(super) fn keep_choosing(flow: &mut Flow) {
    flow.step = Step::Scopes;
}
