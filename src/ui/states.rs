//! The states the screen tests share (English snapshots, the ja/fr ones, the moments), each
//! reached through real actions.

use crossterm::event::KeyCode;

use crate::app::fixtures::*;
use crate::app::{Action, App, update};

pub(super) fn loopback_waiting() -> App {
    use crate::app::{RedirectMode, Settings};
    use std::time::{Duration, Instant};
    let (mut app, fx) = registering(Settings { redirect: RedirectMode::Loopback, ..settings() });
    let redirect_uri = "http://127.0.0.1:54321/callback".to_owned();
    let fx = update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, &redirect_uri))));
    let Some(crate::app::Effect::Listen { id, .. }) = fx.last() else { panic!() };
    let start = Instant::now();
    update(&mut app, Action::Listening(*id, start + Duration::from_secs(300)));
    update(&mut app, Action::Tick(start + Duration::from_millis(1500)));
    app
}

/// A profile whose avatar arrived: a red square with a blue lower half, drawn in half blocks.
pub(super) fn at_profile_with_avatar() -> App {
    let mut account = account();
    account.avatar_static = "https://files.example.social/ada.png".into();
    let mut app = at_profile(account);
    let png = crate::avatar::tests::png_of(64, 64, |_, y| if y < 32 { [255, 0, 0, 255] } else { [0, 0, 255, 255] });
    let avatar = crate::avatar::decode(&png, crate::avatar::Palette::TrueColor);
    update(
        &mut app,
        Action::AvatarLoaded("https://files.example.social/ada.png".into(), avatar.map_err(|e| e.to_string())),
    );
    app
}

/// The default marked in the list and said under it; a token made elsewhere whose scopes the
/// server did not say.
pub(super) fn at_accounts_with_default() -> App {
    let mut app = at_accounts();
    let elsewhere = &mut app.accounts.logins[1].login;
    elsewhere.client_id = String::new();
    elsewhere.scopes_granted = Vec::new();
    app.accounts.default = Some(crate::store::DefaultAccount::of(&app.accounts.logins[1].login));
    app.accounts.cursor = 1;
    app
}

/// The demo looking up its own server (the spinner, the demo banner).
pub(super) fn instance_busy_demo() -> App {
    let mut app = App::new(crate::app::Settings {
        demo: crate::mastodon::address::parse("http://127.0.0.1:4000").ok(),
        ..settings()
    });
    app.instance.input.set("http://127.0.0.1:4000");
    press(&mut app, KeyCode::Enter);
    app
}

/// Eleven scopes chosen: a scope string longer than a row.
pub(super) const LONG_SCOPE_STRING: &str = "read:accounts read:blocks read:bookmarks read:favourites read:filters \
    read:follows admin:read:accounts admin:read:reports admin:read:domain_allows admin:read:domain_blocks admin:write";

pub(super) fn scopes_long_string() -> App {
    let mut app = at_scopes(server(true));
    if let crate::app::Screen::Login(flow) = &mut app.screen {
        flow.tree.clear();
        flow.tree.choose_all(&LONG_SCOPE_STRING.split(' ').map(str::to_owned).collect::<Vec<_>>());
    }
    app
}

/// A server without the well-known document (so the card says what is adapted), admin:write
/// under the cursor (its warning).
pub(super) fn scopes_adapted() -> App {
    let mut app = at_scopes(server(false));
    if let crate::app::Screen::Login(flow) = &mut app.screen {
        let row = flow.tree.rows().iter().position(|r| r.scope.name == "admin:write").unwrap();
        flow.tree.select_row(row);
    }
    app
}

/// Two logins, the second's token refused by its server.
pub(super) fn accounts_with_a_rejected_token() -> App {
    let mut app = at_accounts();
    app.accounts.logins[1].status = crate::app::logins::TokenStatus::Rejected;
    app
}

/// The logins file was corrupt: kept aside, said on the accounts screen.
pub(super) fn kept_aside() -> App {
    let corrupt = crate::store::StoreError::Corrupt {
        path: "/home/you/.config/mastokey/logins.json".into(),
        kept_as: "/home/you/.config/mastokey/logins.json.corrupt-20261123T100000Z".into(),
    };
    let mut app = at_accounts();
    let text = crate::tr!("start-logins-unreadable", error = corrupt.to_string());
    update(&mut app, Action::StoreWarning(text));
    app
}

/// Three logins, each checked with its server: one works, one was refused, one could not be
/// checked.
pub(super) fn accounts_checked() -> App {
    use crate::app::logins::TokenStatus;
    let logins = vec![
        saved_login("1", "ada@example.social"),
        saved_login("2", "grace@example.social"),
        saved_login("3", "hanako@example.social"),
    ];
    let mut app = App::with_logins(settings(), logins);
    let statuses = [TokenStatus::Valid, TokenStatus::Rejected, TokenStatus::Unknown("timed out".into())];
    for (shown, status) in app.accounts.logins.iter_mut().zip(statuses) {
        shown.status = status;
    }
    app
}

/// A second account, for a refresh the browser approved as someone else.
pub(super) fn grace() -> crate::mastodon::Account {
    crate::mastodon::Account {
        id: "7".into(),
        username: "grace".into(),
        acct: "grace".into(),
        display_name: "Grace Hopper".into(),
        ..account()
    }
}
