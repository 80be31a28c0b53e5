//! The JSON of the answers mastokey reads into its public types (the account, the token answer,
//! the well-known OAuth document): any bytes decode or are refused with a typed error. Saved
//! logins and registrations are read back too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::mastodon::Account;
use mastokey::mastodon::client::decode;
use mastokey::mastodon::discovery::OAuthMetadata;
use mastokey::mastodon::oauth::TokenResponse;

fuzz_target!(|bytes: &[u8]| {
    let _ = decode::<Account>("/api/v1/accounts/verify_credentials", bytes);
    if let Ok(token) = decode::<TokenResponse>("/oauth/token", bytes) {
        let _ = token.granted(&["profile".to_owned()]);
    }
    let _ = decode::<OAuthMetadata>("/.well-known/oauth-authorization-server", bytes);
    let _ = serde_json::from_slice::<Vec<mastokey::store::Login>>(bytes);
    let _ = serde_json::from_slice::<Vec<mastokey::store::Registration>>(bytes);
});
