//! State-machine tests, by screen: actions in, state and effects out. No I/O, no terminal, no
//! async.

mod accounts;
mod authorize;
mod code;
mod instance;
mod keys;
mod loopback;
mod moments;
mod profile;
mod refresh;
mod scopes;

pub(super) use super::fixtures::*;
pub(super) use super::logins::TokenStatus;
pub(super) use super::profile::ProfileScreen;
pub(super) use super::profile_view::{ProfileView, SaveState};
pub(super) use super::*;
pub(super) use crate::mastodon::{Account, ApiError};
pub(super) use crate::store::{Saved, StoreError};

/// The login in progress; panics on any other screen.
pub(super) fn flow(app: &App) -> &Flow {
    app.flow().unwrap_or_else(|| panic!("not in a login: {:?}", app.screen_id()))
}

pub(super) fn flow_mut(app: &mut App) -> &mut Flow {
    match &mut app.screen {
        Screen::Login(flow) => flow,
        other => panic!("not in a login: {other:?}"),
    }
}

pub(super) fn profile(app: &App) -> &ProfileScreen {
    app.profile().unwrap_or_else(|| panic!("not on the profile: {:?}", app.screen_id()))
}

/// The profile as shown; panics while it is not read yet.
pub(super) fn view(app: &App) -> &ProfileView {
    profile(app).view.as_ref().expect("the profile was read")
}

/// The notice as the screen shows it now.
pub(super) fn notice(app: &App) -> &Notice {
    app.visible_notice().unwrap_or_else(|| panic!("no notice on {:?}: {:?}", app.screen_id(), app.notice))
}

/// A saved login as the accounts screen's questions name it.
pub(super) fn named(login: &crate::store::Login) -> Named {
    Named { id: login.id(), acct: login.acct.clone() }
}
