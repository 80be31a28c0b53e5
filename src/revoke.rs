//! Revoking a saved login's token at its server, with the app registration the token was issued
//! to. Shared by the accounts screen and `mastokey logout`.

use crate::mastodon::client::Client;
use crate::mastodon::{ApiError, oauth};
use crate::sanitize::clean;
use crate::store::{Login, Registration, StoreError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum RevokeError {
    /// The token was made elsewhere (`login --with-token`): only the server's own pages can
    /// revoke it.
    #[error("{}", crate::tr!("revoke-made-elsewhere", apps = format!("{server}/oauth/authorized_applications"), development = format!("{server}/settings/applications")))]
    MadeElsewhere { server: String },
    #[error("{}", crate::tr!("revoke-no-registration", client_id = client_id))]
    NoRegistration { client_id: String },
    /// The saved login has no token to send (it is in the system keyring, which did not give it
    /// back): revoking nothing would look like success while the real token stays valid.
    #[error("{}", crate::tr!("revoke-no-token"))]
    NoToken,
    #[error("{}", crate::tr!("revoke-bad-server", server = .0))]
    BadServer(String),
    #[error("{0}")]
    Storage(#[from] StoreError),
    /// The server answered, or could not be reached.
    #[error("{}", refusal(.0))]
    Api(ApiError),
}

fn refusal(e: &ApiError) -> String {
    match e.status() {
        Some(401) => crate::tr!("revoke-unknown-client"),
        Some(403) => crate::tr!("revoke-other-app"),
        _ => e.to_string(),
    }
}

/// `POST {server}/oauth/revoke`. Mastodon's well-known document names the same path, so no
/// discovery round trip is spent on it.
pub async fn revoke(client: &Client, registration: Option<&Registration>, login: &Login) -> Result<(), RevokeError> {
    if login.made_elsewhere() {
        return Err(RevokeError::MadeElsewhere { server: clean(login.server.as_str()) });
    }
    if login.token.is_empty() {
        return Err(RevokeError::NoToken);
    }
    let registration =
        registration.ok_or_else(|| RevokeError::NoRegistration { client_id: clean(&login.client_id) })?;
    let mut endpoint = login.server.url().ok_or_else(|| RevokeError::BadServer(clean(login.server.as_str())))?;
    endpoint.set_path("/oauth/revoke");
    oauth::revoke(client, endpoint, registration, &login.token).await.map_err(RevokeError::Api)
}
