//! A real login through the library, saved to a store: what the subcommand tests start from.

use std::time::Duration;

use mastokey::demo::DemoServer;
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::address::parse;
use mastokey::mastodon::client::{Client, Timeouts};
use mastokey::mastodon::oauth::{AuthorizeRequest, CodeExchange, OOB, authorize_url, exchange_code, register_app};
use mastokey::mastodon::pkce::{Pkce, new_state};
use mastokey::store::{Login, Store, now_rfc3339};

use super::approve::{approve, code_from_page};

/// Who approves at the authorize step.
pub enum Approver<'a> {
    /// The demo server's shortcut: the same checks as its authorize page, no HTTP.
    Demo(&'a DemoServer),
    /// The authorize form posted over HTTP, as a browser would (any server with an OOB page).
    Browser,
}

/// A client with short timeouts, so a test against a dead server fails fast.
pub fn client() -> Client {
    Client::new(Timeouts { connect: Duration::from_secs(5), total: Duration::from_secs(20) })
}

/// Registers mastokey on the server at `base_url` (or reuses the registration saved in `store`
/// for these scopes), approves as `username`, exchanges the code with PKCE, verifies the token
/// and saves registration and login to `store`, as the terminal interface does.
pub async fn log_in(base_url: &str, store: &Store, username: &str, scopes: &[&str], approver: Approver<'_>) -> Login {
    let c = client();
    let address = parse(base_url).expect("server address");
    let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
    let origin = address.origin();
    let registration = match store.find_registration(&origin, OOB, &scopes).expect("read registrations") {
        Some(saved) => saved,
        None => {
            let apps = address.endpoint("/api/v1/apps");
            let fresh = register_app(&c, &origin, apps, &[OOB.to_owned()], &scopes, now_rfc3339())
                .await
                .expect("register the app");
            store.save_registration(fresh.clone()).expect("save the registration");
            fresh
        }
    };

    let pkce = Pkce::generate();
    let code = match approver {
        Approver::Demo(server) => server
            .approve(&registration.client_id, OOB, &scopes.join(" "), username, Some(&pkce.challenge))
            .expect("the demo server approves"),
        Approver::Browser => {
            let url = authorize_url(
                &address.endpoint("/oauth/authorize"),
                &AuthorizeRequest {
                    client_id: &registration.client_id,
                    redirect_uri: OOB,
                    scopes: &scopes,
                    state: &new_state(),
                    code_challenge: Some(&pkce.challenge),
                    force_login: false,
                },
            );
            code_from_page(&approve(url.as_str(), username).await)
        }
    };

    let exchange = CodeExchange {
        registration: &registration,
        code: &code,
        redirect_uri: OOB,
        code_verifier: Some(&pkce.verifier),
        scopes: &scopes,
    };
    let token = exchange_code(&c, address.endpoint("/oauth/token"), &exchange).await.expect("exchange the code");
    let account = verify_credentials(&c, &address.base, &token.access_token).await.expect("verify the new token");
    let acct = if account.acct.contains('@') {
        account.acct.clone()
    } else {
        format!("{}@{}", account.acct, address.domain())
    };
    let now = now_rfc3339();
    let login = Login {
        server: origin,
        account_id: account.id.clone(),
        acct,
        display_name: account.display_name.clone(),
        scopes_granted: token.granted(&scopes),
        token: token.access_token,
        scopes_requested: scopes,
        client_id: registration.client_id.clone(),
        created_at: now.clone(),
        last_verified: Some(now),
    };
    store.save_login(login.clone()).expect("save the login");
    login
}
