//! Revoking a saved login's token at its server, with the app registration the token was issued
//! to. Shared by the accounts screen and `mastokey logout`.

use crate::mastodon::client::Client;
use crate::mastodon::{ApiError, oauth};
use crate::sanitize::clean;
use crate::store::{Login, Registration, StoreError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum RevokeError {
    #[error(
        "mastokey has no saved app registration for this login (client id {client_id}), so it cannot ask the server"
    )]
    NoRegistration { client_id: String },
    /// The saved login has no token to send (it is in the system keyring, which did not give it
    /// back): revoking nothing would look like success while the real token stays valid.
    #[error(
        "mastokey could not read this login's token (it is kept in the system keyring), so it cannot ask the server"
    )]
    NoToken,
    #[error("the saved server address is not a URL ({0})")]
    BadServer(String),
    #[error("{0}")]
    Storage(#[from] StoreError),
    /// The server answered, or could not be reached.
    #[error("{}", refusal(.0))]
    Api(ApiError),
}

fn refusal(e: &ApiError) -> String {
    match e.status() {
        Some(401) => "the server no longer knows mastokey's app registration (invalid_client)".to_owned(),
        Some(403) => "the token belongs to another app".to_owned(),
        _ => e.to_string(),
    }
}

/// `POST {server}/oauth/revoke`. Mastodon's well-known document names the same path, so no
/// discovery round trip is spent on it.
pub async fn revoke(client: &Client, registration: Option<&Registration>, login: &Login) -> Result<(), RevokeError> {
    if login.token.is_empty() {
        return Err(RevokeError::NoToken);
    }
    let registration =
        registration.ok_or_else(|| RevokeError::NoRegistration { client_id: clean(&login.client_id) })?;
    let mut endpoint = login.server.url().ok_or_else(|| RevokeError::BadServer(clean(login.server.as_str())))?;
    endpoint.set_path("/oauth/revoke");
    oauth::revoke(client, endpoint, registration, &login.token).await.map_err(RevokeError::Api)
}
