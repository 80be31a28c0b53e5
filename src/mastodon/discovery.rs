//! Finding out what a server is: OAuth metadata, the instance card and NodeInfo, fetched in
//! parallel, and what mastokey adapts for the software it runs.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use super::address::ServerAddress;
use super::client::Client;
use super::error::ApiError;
pub use super::kind::{Adaptation, Detection, MastodonFork, ServerKind, Software};
use super::lenient;
pub use super::nodeinfo::NodeSoftware;
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
    /// NodeInfo's `software`, when the server has it.
    pub nodeinfo: Option<NodeSoftware>,
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

    /// What runs the server: the kind, a Mastodon fork, the software's own version.
    pub fn software(&self) -> Software {
        let node = self.card.nodeinfo.as_ref().map(|n| (n.name.as_str(), n.version.as_str()));
        Software { kind: self.kind, ..Software::detect(node, &self.card.version) }
    }

    /// Whether the server has the `profile` scope: Mastodon 4.3+ lists it in its well-known
    /// document, GoToSocial has it without publishing any document.
    pub fn has_profile_scope(&self) -> bool {
        self.kind == ServerKind::GoToSocial || self.scopes_supported().iter().any(|s| s == "profile")
    }

    /// Mastodon's OAuth library ignores the port of a loopback redirect (RFC 8252 §7.3); others
    /// (GoToSocial, Akkoma, Takahē, and anything we do not know) compare redirect URIs exactly.
    pub fn ignores_loopback_port(&self) -> bool {
        self.kind == ServerKind::Mastodon
    }

    /// PKCE only where the well-known document advertises S256: GoToSocial accepts and ignores
    /// it, Akkoma and Takahē have none.
    pub fn supports_pkce(&self) -> bool {
        self.oauth.as_ref().is_some_and(|o| o.code_challenge_methods_supported.iter().any(|m| m == "S256"))
    }

    /// Whether `force_login=true` lets the person pick another account (Takahē ignores it).
    pub fn honours_force_login(&self) -> bool {
        self.kind != ServerKind::Takahe
    }

    /// Whether revoking a token deletes the app it was issued to (snac), so that a logout must
    /// also forget the registration.
    pub fn deletes_app_on_revoke(&self) -> bool {
        self.kind == ServerKind::Snac
    }

    /// The smallest scope that still lets us read the account back: `profile` where the server
    /// has it, `read` on Takahē (which knows no granular scopes), `read:accounts` elsewhere.
    pub fn identity_scope(&self) -> &'static str {
        match self.kind {
            ServerKind::Takahe => "read",
            _ if self.has_profile_scope() => "profile",
            _ => "read:accounts",
        }
    }

    /// Whether these scopes let mastokey read whose token it is (`verify_credentials`).
    pub fn identifies(&self, scopes: &[String]) -> bool {
        let needed: &[&str] = match self.kind {
            ServerKind::Takahe => &["read"],
            _ if self.has_profile_scope() => &["profile", "read:accounts"],
            _ => &["read:accounts"],
        };
        needed.iter().any(|n| super::scopes::set_covers(scopes.iter().map(String::as_str), n))
    }

    /// What mastokey does differently for this server, for the server card; empty for Mastodon
    /// 4.3+, which needs nothing.
    pub fn adaptation_list(&self) -> Vec<Adaptation> {
        let mut list = Vec::new();
        if self.oauth.is_none() {
            list.push(Adaptation::IdentityScope(self.identity_scope()));
        }
        if !self.supports_pkce() {
            list.push(Adaptation::NoPkce);
        }
        if !self.ignores_loopback_port() {
            list.push(Adaptation::ExactRedirect);
        }
        if !self.honours_force_login() {
            list.push(Adaptation::NoAccountChoice);
        }
        if self.deletes_app_on_revoke() {
            list.push(Adaptation::ForgetsRegistrationOnLogout);
        }
        list
    }

    /// [`adaptation_list`](Self::adaptation_list) in sentences of the run's language, for the
    /// server card; `None` when nothing is adapted.
    pub fn adaptations(&self) -> Option<String> {
        let list = self.adaptation_list();
        if list.is_empty() {
            return None;
        }
        let sentences: Vec<String> = list
            .into_iter()
            .map(|adaptation| match adaptation {
                Adaptation::IdentityScope(scope) => crate::tr!("adapt-identity-scope", scope = scope),
                Adaptation::NoPkce => crate::tr!("adapt-no-pkce"),
                Adaptation::ExactRedirect => crate::tr!("adapt-exact-redirect"),
                Adaptation::NoAccountChoice => crate::tr!("adapt-no-account-choice"),
                Adaptation::ForgetsRegistrationOnLogout => crate::tr!("adapt-forgets-registration"),
            })
            .collect();
        Some(sentences.join(" "))
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

fn text(s: Option<String>) -> String {
    clean(&crate::html::to_plain(&s.unwrap_or_default()))
}

/// How long discovery waits for NodeInfo once the documents it needs are in: NodeInfo only
/// names the software, so a slow one must not hold up the login.
const NODEINFO_GRACE: Duration = Duration::from_secs(2);

/// Discover a server: the well-known document, the instance card and NodeInfo are fetched in
/// parallel. Only the card is required; without the others mastokey adapts by the version string.
pub async fn discover(client: &Client, address: ServerAddress) -> Result<ServerInfo, ApiError> {
    let ((oauth, card), node) = fetch_all(client, &address).await;
    let mut card = card?;
    // A missing or unreadable well-known document means an older or non-Mastodon server; the
    // instance card already proved the server speaks the API, so carry on without it. The same
    // goes for NodeInfo.
    let oauth = oauth.ok();
    card.nodeinfo = node.and_then(Result::ok);
    let node = card.nodeinfo.as_ref().map(|n| (n.name.as_str(), n.version.as_str()));
    let kind = Software::detect(node, &card.version).kind;
    Ok(ServerInfo { address, oauth, card, kind })
}

/// The kind of server at `origin` without a whole discovery, for the subcommands: NodeInfo, or
/// the v1 instance document's version string; `None` when neither answers. Two requests at once
/// (the NodeInfo links and their usual document), then the linked document where it is
/// elsewhere, or the instance document where NodeInfo says nothing.
pub async fn kind_of(client: &Client, origin: &super::ServerOrigin) -> Option<ServerKind> {
    let address = ServerAddress { base: origin.url()?, shown: origin.as_str().to_owned() };
    if let Ok(node) = super::nodeinfo::software(client, &address).await {
        return Some(ServerKind::from_nodeinfo_name(&node.name));
    }
    let v1 = client.json::<Value>(client.get(address.endpoint("/api/v1/instance"))).await.ok()?;
    card_from_v1(&v1).ok().map(|card| ServerKind::from_version(&card.version))
}

/// Whether the server at `origin` deletes an app when one of its tokens is revoked (snac), so
/// that a logout must forget the registration too. Asked after a successful revoke.
pub async fn deletes_app_on_revoke(client: &Client, origin: &super::ServerOrigin) -> bool {
    kind_of(client, origin).await == Some(ServerKind::Snac)
}

/// Whether `error` (an answer to a request made with a token) means the server at `origin`
/// rejected the token, in its own words ([`ApiError::is_rejected_token_for`]). A 401 needs no
/// question; the answers that mean it only on some servers (400, 403, 422) cost one or two
/// requests to learn the kind.
pub async fn rejects_token(client: &Client, origin: &super::ServerOrigin, error: &ApiError) -> bool {
    match error.status() {
        Some(401) => true,
        Some(400 | 403 | 422) => kind_of(client, origin).await.is_some_and(|kind| error.is_rejected_token_for(kind)),
        _ => false,
    }
}

type Fetched =
    ((Result<OAuthMetadata, ApiError>, Result<InstanceCard, ApiError>), Option<Result<NodeSoftware, ApiError>>);

/// The three documents at once. NodeInfo gets [`NODEINFO_GRACE`] more once the others are in
/// (none when the card failed: there is no server to describe).
async fn fetch_all(client: &Client, address: &ServerAddress) -> Fetched {
    let well_known =
        client.json::<OAuthMetadata>(client.get(address.endpoint("/.well-known/oauth-authorization-server")));
    let needed = async { tokio::join!(well_known, instance_card(client, address)) };
    let nodeinfo = super::nodeinfo::software(client, address);
    let (mut needed, mut nodeinfo) = (std::pin::pin!(needed), std::pin::pin!(nodeinfo));
    tokio::select! {
        done = &mut needed => {
            let node = match &done.1 {
                Ok(_) => tokio::time::timeout(NODEINFO_GRACE, &mut nodeinfo).await.ok(),
                Err(_) => None,
            };
            (done, node)
        }
        node = &mut nodeinfo => (needed.await, Some(node)),
    }
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

/// The instance card: `/api/v2/instance`, or `/api/v1/instance` where there is no v2 (404, 410).
async fn instance_card(client: &Client, address: &ServerAddress) -> Result<InstanceCard, ApiError> {
    match client.json::<Value>(client.get(address.endpoint("/api/v2/instance"))).await {
        Ok(v2) => card_from_v2(&v2),
        Err(ApiError::Status { status: 404 | 410, .. }) => {
            let v1 =
                client.json::<Value>(client.get(address.endpoint("/api/v1/instance"))).await.map_err(|e| match e {
                    ApiError::Status { status: 404 | 410, .. } => ApiError::NotMastodon { host: address.domain() },
                    other => other,
                })?;
            card_from_v1(&v1)
        }
        Err(e) => Err(e),
    }
}

fn field(doc: &Value, pointer: &str) -> Option<String> {
    lenient::at(doc, pointer, lenient::text)
}

/// The v2 instance document read leniently: only the name and version must be there; a field
/// of another type (a user count of `1e30` or `-5`, a number for a title) is left out, never a
/// reason to refuse the server.
pub fn card_from_v2(v2: &Value) -> Result<InstanceCard, ApiError> {
    let (domain, version) = (field(v2, "/domain"), field(v2, "/version"));
    speaks_the_api("/api/v2/instance", &domain, &version)?;
    Ok(InstanceCard {
        title: text(field(v2, "/title")),
        domain: text(domain),
        version: text(version),
        description: text(field(v2, "/description")),
        users: lenient::at(v2, "/usage/users/active_month", lenient::count),
        registrations_open: lenient::at(v2, "/registrations/enabled", lenient::flag),
        approval_required: lenient::at(v2, "/registrations/approval_required", lenient::flag),
        nodeinfo: None,
    })
}

/// The v1 instance document, as leniently as [`card_from_v2`].
pub fn card_from_v1(v1: &Value) -> Result<InstanceCard, ApiError> {
    let (uri, version) = (field(v1, "/uri"), field(v1, "/version"));
    speaks_the_api("/api/v1/instance", &uri, &version)?;
    let description =
        field(v1, "/short_description").filter(|s| !s.trim().is_empty()).or_else(|| field(v1, "/description"));
    Ok(InstanceCard {
        title: text(field(v1, "/title")),
        domain: text(uri),
        version: text(version),
        description: text(description),
        users: lenient::at(v1, "/stats/user_count", lenient::count),
        registrations_open: lenient::at(v1, "/registrations", lenient::flag),
        approval_required: lenient::at(v1, "/approval_required", lenient::flag),
        nodeinfo: None,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn display_only_numbers_never_reject_a_server() {
        for users in [json!(1e30), json!(-5), json!("lots"), json!(null), json!({ "n": 1 })] {
            let v2 = json!({
                "domain": "example.social", "version": "4.5.0", "title": 42,
                "usage": { "users": { "active_month": users } },
                "registrations": { "enabled": "yes", "approval_required": [] },
            });
            let card = card_from_v2(&v2).unwrap_or_else(|e| panic!("{users}: {e}"));
            assert_eq!((card.users, card.title.as_str()), (None, "42"), "{users}");
            assert_eq!((card.registrations_open, card.approval_required), (Some(true), None));
        }
        let v2 = json!({ "domain": "x", "version": "4", "usage": 7, "registrations": "open" });
        assert!(card_from_v2(&v2).is_ok_and(|c| c.users.is_none() && c.registrations_open.is_none()));
        let v1 = json!({ "uri": "x", "version": "4.0.0 (not true; really snac/2.94)", "stats": { "user_count": -1 } });
        assert_eq!(card_from_v1(&v1).map(|c| c.users), Ok(None));
        let v1 = json!({ "uri": "x", "version": 3.5, "stats": { "user_count": 12.0 } });
        assert_eq!(card_from_v1(&v1).map(|c| (c.version, c.users)), Ok(("3.5".into(), Some(12))));
    }

    #[test]
    fn a_card_needs_a_name_and_a_version() {
        for doc in
            [json!({}), json!([]), json!("x"), json!({ "domain": "x" }), json!({ "domain": " ", "version": "1" })]
        {
            assert!(matches!(card_from_v2(&doc), Err(ApiError::Malformed { .. })), "{doc}");
        }
        assert!(card_from_v1(&json!({ "uri": "x" })).is_err());
    }
}
