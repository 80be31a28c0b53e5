//! Finding out what a server is: OAuth metadata, the instance card, and its software.

use serde::Deserialize;

use super::address::ServerAddress;
use super::client::Client;
use super::error::ApiError;
use crate::sanitize::clean;

/// The well-known document of Mastodon 4.3+ (RFC 8414), the parts we use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
pub struct OAuthMetadata {
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub revocation_endpoint: Option<String>,
    #[serde(default)]
    pub scopes_supported: Vec<String>,
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
}

/// What the server says about itself, sanitized for display.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InstanceCard {
    pub title: String,
    pub domain: String,
    pub version: String,
    pub description: String,
    pub users: Option<u64>,
    pub registrations_open: Option<bool>,
    pub approval_required: Option<bool>,
}

/// The software behind the API, guessed from the version string; decides what we adapt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerKind {
    Mastodon,
    GoToSocial,
    Akkoma,
    Pleroma,
    Takahe,
    Other,
}

impl ServerKind {
    pub fn from_version(version: &str) -> Self {
        let v = version.to_lowercase();
        if v.contains("akkoma") {
            ServerKind::Akkoma
        } else if v.contains("pleroma") {
            ServerKind::Pleroma
        } else if v.contains("takahe") {
            ServerKind::Takahe
        } else if v.contains("git-") || v.contains("gotosocial") {
            ServerKind::GoToSocial
        } else if v.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            ServerKind::Mastodon
        } else {
            ServerKind::Other
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ServerKind::Mastodon => "Mastodon",
            ServerKind::GoToSocial => "GoToSocial",
            ServerKind::Akkoma => "Akkoma",
            ServerKind::Pleroma => "Pleroma",
            ServerKind::Takahe => "Takahē",
            ServerKind::Other => "a Mastodon-compatible server",
        }
    }
}

/// Everything discovery learned; enough to build the scopes screen and the authorize URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerInfo {
    pub address: ServerAddress,
    pub oauth: Option<OAuthMetadata>,
    pub card: InstanceCard,
    pub kind: ServerKind,
}

impl ServerInfo {
    /// The domain of this server's accounts (`@user@domain`): what the server calls itself in its
    /// instance document, which may differ from the host its API is on; the API host when it
    /// names no valid domain.
    pub fn account_domain(&self) -> String {
        super::address::normalize_domain(&self.card.domain).unwrap_or_else(|| self.address.domain())
    }

    /// Scopes the server advertises; empty when it does not say (no well-known document).
    pub fn scopes_supported(&self) -> &[String] {
        self.oauth.as_ref().map(|o| o.scopes_supported.as_slice()).unwrap_or_default()
    }

    /// Mastodon's OAuth library ignores the port of a loopback redirect (RFC 8252 §7.3); others
    /// (GoToSocial, Akkoma, and anything we do not know) compare redirect URIs exactly.
    pub fn ignores_loopback_port(&self) -> bool {
        self.kind == ServerKind::Mastodon
    }

    pub fn supports_pkce(&self) -> bool {
        self.oauth.as_ref().is_some_and(|o| o.code_challenge_methods_supported.iter().any(|m| m == "S256"))
    }

    /// The smallest scope that still lets us read the account back.
    pub fn identity_scope(&self) -> &'static str {
        match self.kind {
            ServerKind::Takahe => "read",
            _ if self.scopes_supported().iter().any(|s| s == "profile") => "profile",
            _ => "read:accounts",
        }
    }

    /// Whether these scopes let mastokey read whose token it is (`verify_credentials`).
    pub fn identifies(&self, scopes: &[String]) -> bool {
        let needed: &[&str] = match self.kind {
            ServerKind::Takahe => &["read"],
            _ => &["profile", "read:accounts"],
        };
        needed.iter().any(|n| super::scopes::set_covers(scopes.iter().map(String::as_str), n))
    }

    /// What mastokey changes for this server, in a sentence (shown on the server card).
    pub fn adaptations(&self) -> Option<String> {
        match (self.kind, self.oauth.is_some()) {
            (ServerKind::Takahe, _) => Some(
                "Takahē understands only read/write/follow/push: granular scopes are not used for identity.".into(),
            ),
            (_, false) => Some(format!(
                "{} without OAuth metadata: identity uses read:accounts (no profile scope); no PKCE.",
                self.kind.name()
            )),
            (_, true) => None,
        }
    }

    pub fn endpoint(&self, advertised: Option<&String>, fallback: &str) -> url::Url {
        advertised
            .and_then(|s| url::Url::parse(s).ok())
            .filter(|u| u.scheme() == "https" || super::address::url_is_loopback(u))
            .unwrap_or_else(|| self.address.endpoint(fallback))
    }

    pub fn authorize_endpoint(&self) -> url::Url {
        self.endpoint(self.oauth.as_ref().and_then(|o| o.authorization_endpoint.as_ref()), "/oauth/authorize")
    }

    pub fn token_endpoint(&self) -> url::Url {
        self.endpoint(self.oauth.as_ref().and_then(|o| o.token_endpoint.as_ref()), "/oauth/token")
    }

    pub fn revocation_endpoint(&self) -> url::Url {
        self.endpoint(self.oauth.as_ref().and_then(|o| o.revocation_endpoint.as_ref()), "/oauth/revoke")
    }
}

#[derive(Deserialize)]
struct V2Instance {
    domain: Option<String>,
    title: Option<String>,
    version: Option<String>,
    description: Option<String>,
    usage: Option<V2Usage>,
    registrations: Option<V2Registrations>,
}
#[derive(Deserialize)]
struct V2Usage {
    users: Option<V2Users>,
}
#[derive(Deserialize)]
struct V2Users {
    active_month: Option<u64>,
}
#[derive(Deserialize)]
struct V2Registrations {
    enabled: Option<bool>,
    approval_required: Option<bool>,
}
#[derive(Deserialize)]
struct V1Instance {
    uri: Option<String>,
    title: Option<String>,
    version: Option<String>,
    short_description: Option<String>,
    description: Option<String>,
    stats: Option<V1Stats>,
    registrations: Option<bool>,
    approval_required: Option<bool>,
}
#[derive(Deserialize)]
struct V1Stats {
    user_count: Option<u64>,
}

fn text(s: Option<String>) -> String {
    clean(&crate::html::to_plain(&s.unwrap_or_default()))
}

/// Discover a server: the well-known document and the instance card are fetched in parallel.
pub async fn discover(client: &Client, address: ServerAddress) -> Result<ServerInfo, ApiError> {
    let well_known =
        client.json::<OAuthMetadata>(client.get(address.endpoint("/.well-known/oauth-authorization-server")));
    let (oauth, card) = tokio::join!(well_known, instance_card(client, &address));
    let card = card?;
    // A missing or unreadable well-known document means an older or non-Mastodon server; the
    // instance card already proved the server speaks the API, so carry on without it.
    let oauth = oauth.ok();
    let kind = ServerKind::from_version(&card.version);
    Ok(ServerInfo { address, oauth, card, kind })
}

/// Every server that speaks Mastodon's API names itself and its version in the instance
/// document; a JSON answer without them (`{}`, some other API) is not one.
fn speaks_the_api(path: &str, name: &Option<String>, version: &Option<String>) -> Result<(), ApiError> {
    let present = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    if present(name) && present(version) {
        Ok(())
    } else {
        Err(ApiError::Malformed { path: path.to_owned(), detail: "no server name or version in it".into() })
    }
}

async fn instance_card(client: &Client, address: &ServerAddress) -> Result<InstanceCard, ApiError> {
    match client.json::<V2Instance>(client.get(address.endpoint("/api/v2/instance"))).await {
        Ok(v2) => speaks_the_api("/api/v2/instance", &v2.domain, &v2.version).map(|()| InstanceCard {
            title: text(v2.title),
            domain: text(v2.domain),
            version: text(v2.version),
            description: text(v2.description),
            users: v2.usage.and_then(|u| u.users).and_then(|u| u.active_month),
            registrations_open: v2.registrations.as_ref().and_then(|r| r.enabled),
            approval_required: v2.registrations.and_then(|r| r.approval_required),
        }),
        Err(ApiError::Status { status: 404 | 410, .. }) => {
            let v1 = client.json::<V1Instance>(client.get(address.endpoint("/api/v1/instance"))).await.map_err(
                |e| match e {
                    ApiError::Status { status: 404 | 410, .. } => ApiError::NotMastodon { host: address.domain() },
                    other => other,
                },
            )?;
            speaks_the_api("/api/v1/instance", &v1.uri, &v1.version)?;
            let description = v1.short_description.filter(|s| !s.trim().is_empty()).or(v1.description);
            Ok(InstanceCard {
                title: text(v1.title),
                domain: text(v1.uri),
                version: text(v1.version),
                description: text(description),
                users: v1.stats.and_then(|s| s.user_count),
                registrations_open: v1.registrations,
                approval_required: v1.approval_required,
            })
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_version_strings() {
        assert_eq!(ServerKind::from_version("4.5.0"), ServerKind::Mastodon);
        assert_eq!(ServerKind::from_version("4.3.0+glitch"), ServerKind::Mastodon);
        assert_eq!(ServerKind::from_version("0.18.1+git-6f4c3a2"), ServerKind::GoToSocial);
        assert_eq!(ServerKind::from_version("2.7.2 (compatible; Akkoma 3.15.1)"), ServerKind::Akkoma);
        assert_eq!(ServerKind::from_version("2.5.0 (compatible; Pleroma 2.5.0)"), ServerKind::Pleroma);
        assert_eq!(ServerKind::from_version("takahe/0.11.0"), ServerKind::Takahe);
    }
}
