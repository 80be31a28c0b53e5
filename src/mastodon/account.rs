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
    #[serde(default, deserialize_with = "super::lenient::count_or_zero")]
    pub followers_count: u64,
    #[serde(default, deserialize_with = "super::lenient::count_or_zero")]
    pub following_count: u64,
    #[serde(default, deserialize_with = "super::lenient::count_or_zero")]
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

/// Why the account a token belongs to cannot be saved under the name the server gave it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandleError {
    #[error("{}", crate::tr!("handle-other-domain", claimed = claimed, domain = domain))]
    OtherDomain { claimed: String, domain: String },
    #[error("{}", crate::tr!("handle-unnameable", shown = format!("{shown:?}")))]
    Unnameable { shown: String },
}

/// `user@domain` for the account a token belongs to: the user part from the account's `acct`,
/// the domain always that of the server that issued the token (`domain`, as normalized by
/// [`super::address::normalize_domain`]). An `acct` naming another domain is refused, and so is
/// one that the command line could not name or that could pass for another (whitespace,
/// invisible and control characters).
pub fn login_handle(acct: &str, domain: &str) -> Result<String, HandleError> {
    let shown = || crate::sanitize::clean(acct).chars().take(80).collect::<String>();
    let (user, claimed) = match acct.split_once('@') {
        Some((user, claimed)) => (user, Some(claimed)),
        None => (acct, None),
    };
    let nameable = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '-');
    if user.is_empty() || !user.chars().all(nameable) {
        return Err(HandleError::Unnameable { shown: shown() });
    }
    if let Some(claimed) = claimed {
        match super::address::normalize_domain(claimed) {
            Some(other) if other == domain => {}
            Some(_) => return Err(HandleError::OtherDomain { claimed: shown(), domain: domain.to_owned() }),
            None => return Err(HandleError::Unnameable { shown: shown() }),
        }
    }
    Ok(format!("{user}@{domain}"))
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
    fn handles_take_the_issuing_servers_domain() {
        assert_eq!(login_handle("ada", "example.social"), Ok("ada@example.social".into()));
        assert_eq!(login_handle("ada@Example.Social", "example.social"), Ok("ada@example.social".into()));
        assert_eq!(login_handle("Ada_Lovelace.x-y", "127.0.0.1:4000"), Ok("Ada_Lovelace.x-y@127.0.0.1:4000".into()));
        assert_eq!(login_handle("太郎", "xn--r8jz45g.jp"), Ok("太郎@xn--r8jz45g.jp".into()));
        let other = login_handle("ada@mastodon.social", "127.0.0.1:4000").unwrap_err();
        assert!(matches!(other, HandleError::OtherDomain { .. }));
        assert!(other.to_string().contains("@ada@mastodon.social") && other.to_string().contains("127.0.0.1:4000"));
    }

    #[test]
    fn handles_no_command_line_could_name_are_refused() {
        for acct in [
            "",
            "@x.example",
            "a da",
            "ada\t",
            "ada\u{200b}",
            "a\u{2060}da",
            "ada\u{1b}[2J",
            "ada@a@b.example",
            "ada@",
            "ad/a",
        ] {
            assert!(matches!(login_handle(acct, "x.example"), Err(HandleError::Unnameable { .. })), "{acct:?}");
        }
        let e = login_handle("ada\u{1b}]0;PWNED\u{7}", "x.example").unwrap_err();
        assert!(!e.to_string().contains('\u{1b}'), "{e}");
    }

    #[test]
    fn nulls_and_missing_fields_read_as_defaults() {
        let a: Account = serde_json::from_str(
            r#"{"id":"1","username":"ada","acct":"ada","locked":null,"bot":null,"fields":null,"discoverable":null}"#,
        )
        .unwrap();
        assert!(!a.locked && !a.bot && a.fields.is_empty() && a.display_name.is_empty());
    }

    #[test]
    fn counts_that_are_no_counts_do_not_reject_the_account() {
        // Shown only: a hidden count (-1), nonsense (1e30) or a string must not make the account
        // unreadable, and the rest of it is still read.
        let a: Account = serde_json::from_str(
            r#"{"id":"1","username":"ada","acct":"ada","followers_count":-1,"following_count":1e30,"statuses_count":"12","display_name":"Ada"}"#,
        )
        .unwrap();
        assert_eq!((a.followers_count, a.following_count, a.statuses_count), (0, 0, 12));
        assert_eq!(a.display_name, "Ada");
    }
}
