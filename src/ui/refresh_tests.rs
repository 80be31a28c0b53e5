//! What a refresh changes on screen: the header of its steps, and its end on the profile.

use super::states::grace;
use super::tests::{render, shows_in_full, snap, snap_one};
use crate::app::fixtures::*;

#[test]
fn refresh_scopes_say_whose_scopes_change() {
    let app = at_refresh_scopes();
    snap("refresh_scopes", &app);
    // Cut, never wrapped over the steps, in a narrow terminal.
    assert!(render(&app, 60, 20).contains("new scopes for @ada@example.social on"));
}

#[test]
fn refreshed_profile_says_what_changed_and_that_the_old_token_is_revoked() {
    let app = at_refreshed(account(), Ok(()));
    snap("refreshed", &app);
    let screen = render(&app, 80, 24);
    assert!(shows_in_full(&screen, "Scopes added: write:media; removed: none."), "{screen}");
    assert!(shows_in_full(&screen, "The server revoked the old token of @ada@example.social."), "{screen}");
}

#[test]
fn refreshed_profile_says_why_the_old_token_still_works() {
    let why = "mastokey has no saved app registration for this login (client id cid), so it cannot ask the server";
    let app = at_refreshed(account(), Err(why.into()));
    snap_one("refreshed_not_revoked", &app);
    assert!(shows_in_full(&render(&app, 80, 24), why));
}

#[test]
fn refresh_approved_as_another_account_says_so_on_the_profile() {
    let app = at_refreshed(grace(), Ok(()));
    snap_one("refresh_other_account", &app);
    let screen = render(&app, 80, 24);
    assert!(shows_in_full(&screen, "The browser approved @grace@example.social, not @ada@example.social"), "{screen}");
    assert!(!screen.contains("Scopes added"), "ada's scopes did not change: {screen}");
}
