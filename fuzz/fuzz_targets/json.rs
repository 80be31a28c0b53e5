//! The JSON of the answers mastokey reads into its public types (the account, the token answer,
//! the well-known OAuth document, the app registration and the app a token belongs to): any
//! bytes decode or are refused with a typed error, and what is kept is bounded. Saved logins and
//! registrations are read back too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::mastodon::Account;
use mastokey::mastodon::client::decode;
use mastokey::mastodon::discovery::OAuthMetadata;
use mastokey::mastodon::oauth::{TokenResponse, app_scopes, read_registration};
use mastokey::mastodon::scopes::MAX_SCOPES;

fuzz_target!(|bytes: &[u8]| {
    let _ = decode::<Account>("/api/v1/accounts/verify_credentials", bytes);
    if let Ok(token) = decode::<TokenResponse>("/oauth/token", bytes) {
        let _ = token.granted(&["profile".to_owned()]);
    }
    let _ = decode::<OAuthMetadata>("/.well-known/oauth-authorization-server", bytes);
    let asked = ["profile".to_owned(), "write:media".to_owned()];
    let server = "https://example.social".into();
    let redirects = ["urn:ietf:wg:oauth:2.0:oob".to_owned()];
    if let Ok(reg) = read_registration("/api/v1/apps", bytes, &server, &redirects, &asked, String::new()) {
        assert!(reg.scopes.len() <= MAX_SCOPES + 1 && !reg.client_id.chars().any(char::is_control));
    }
    if let Some(said) = app_scopes("/api/v1/apps/verify_credentials", bytes) {
        assert!(!said.is_empty() && said.len() <= MAX_SCOPES + 1);
        assert!(said.iter().all(|s| !s.contains(char::is_whitespace) && !s.chars().any(char::is_control)));
    }
    let _ = serde_json::from_slice::<Vec<mastokey::store::Login>>(bytes);
    let _ = serde_json::from_slice::<Vec<mastokey::store::Registration>>(bytes);
});
