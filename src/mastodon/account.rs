//! The account a token belongs to (`verify_credentials`), as Mastodon sends it.

use serde::Deserialize;

use super::client::Client;
use super::error::ApiError;
use crate::secret::Secret;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Account {
    pub id: String,
    pub username: String,
    pub acct: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub locked: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub bot: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub group: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub created_at: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub note: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub url: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub avatar: String,
    /// The avatar without animation (for GIF avatars, a still PNG).
    #[serde(default, deserialize_with = "null_as_default")]
    pub avatar_static: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub followers_count: u64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub following_count: u64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub statuses_count: u64,
    pub last_status_at: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub emojis: Vec<CustomEmoji>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub fields: Vec<Field>,
    pub source: Option<Source>,
    pub role: Option<Role>,
    pub moved: Option<Box<Account>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CustomEmoji {
    pub shortcode: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub verified_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    pub privacy: Option<String>,
    pub sensitive: Option<bool>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Role {
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
}

/// Some servers send `null` where Mastodon sends `false`, `0` or `[]`; read those as the default.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// `GET /api/v1/accounts/verify_credentials` with a user token.
pub async fn verify_credentials(client: &Client, base: &url::Url, token: &Secret) -> Result<Account, ApiError> {
    let mut url = base.clone();
    url.set_path("/api/v1/accounts/verify_credentials");
    client.json(client.get(url).bearer_auth(token.expose())).await.map_err(|e| e.redact(&[token.expose()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nulls_and_missing_fields_read_as_defaults() {
        let a: Account = serde_json::from_str(
            r#"{"id":"1","username":"ada","acct":"ada","locked":null,"bot":null,"fields":null,"discoverable":null}"#,
        )
        .unwrap();
        assert!(!a.locked && !a.bot && a.fields.is_empty() && a.display_name.is_empty());
    }
}
