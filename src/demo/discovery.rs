//! What a client reads before logging in: the OAuth metadata document, the instance entity and
//! NodeInfo, each as the personality serves it.

use serde_json::{Value, json};

use super::{Flavor, ServerConfig, accounts};
use crate::mastodon::scopes;

const DESCRIPTION: &str = "A local demo server built into mastokey: sign in as one of its demo accounts to try the \
whole login flow without an account or a network. Nothing leaves this computer.";

/// `GET /.well-known/oauth-authorization-server` (Mastodon 4.3+; `None` elsewhere, which is a 404).
pub(crate) fn oauth_metadata(config: &ServerConfig, base: &str) -> Option<Value> {
    if config.flavor != Flavor::Mastodon {
        // Mastodon 4.2, GoToSocial, Akkoma, Takahē and snac have none.
        return None;
    }
    let supported: Vec<String> = match &config.scopes_supported {
        Some(list) => list.clone(),
        None => scopes::CATALOGUE.iter().map(|s| s.name.to_owned()).collect(),
    };
    Some(json!({
        // Rails' root_url: with the trailing slash.
        "issuer": format!("{base}/"),
        "service_documentation": "https://docs.joinmastodon.org/",
        "authorization_endpoint": format!("{base}/oauth/authorize"),
        "token_endpoint": format!("{base}/oauth/token"),
        "app_registration_endpoint": format!("{base}/api/v1/apps"),
        "revocation_endpoint": format!("{base}/oauth/revoke"),
        "userinfo_endpoint": format!("{base}/oauth/userinfo"),
        "scopes_supported": supported,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": ["authorization_code", "client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
    }))
}

/// The title shown on the server card and the index page.
pub(crate) fn title(flavor: Flavor) -> &'static str {
    match flavor {
        Flavor::Mastodon => "mastokey demo server",
        Flavor::Mastodon42 => "Mastodon 4.2 Demo",
        Flavor::GoToSocial => "GoToSocial Demo",
        Flavor::Akkoma => "Akkoma Demo",
        Flavor::Takahe => "Takahē Demo",
        Flavor::Snac => "snac Demo",
    }
}

/// The instance document's `version`, as each server writes it (misleading on purpose where the
/// real ones are).
fn version(flavor: Flavor) -> &'static str {
    match flavor {
        Flavor::Mastodon => "4.6.0",
        Flavor::Mastodon42 => "4.2.13",
        Flavor::GoToSocial => "v0.20.0-rc1",
        Flavor::Akkoma => "2.7.2 (compatible; Akkoma 3.15.1)",
        Flavor::Takahe => "takahe/0.11.0",
        Flavor::Snac => "4.0.0 (not true; really snac/2.94)",
    }
}

/// NodeInfo's `software`: the real name and version.
fn software(flavor: Flavor) -> (&'static str, &'static str) {
    match flavor {
        Flavor::Mastodon => ("mastodon", "4.6.0"),
        Flavor::Mastodon42 => ("mastodon", "4.2.13"),
        Flavor::GoToSocial => ("gotosocial", "0.20.0-rc1"),
        Flavor::Akkoma => ("akkoma", "3.15.1"),
        Flavor::Takahe => ("takahe", "0.11.0"),
        Flavor::Snac => ("snac", "2.94"),
    }
}

/// Where each server keeps its NodeInfo document, and which schema it is.
pub(crate) fn nodeinfo_path(flavor: Flavor) -> (&'static str, &'static str) {
    match flavor {
        Flavor::Mastodon | Flavor::Mastodon42 | Flavor::GoToSocial => ("/nodeinfo/2.0", "2.0"),
        Flavor::Akkoma => ("/nodeinfo/2.1.json", "2.1"),
        Flavor::Takahe => ("/nodeinfo/2.0/", "2.0"),
        Flavor::Snac => ("/nodeinfo_2_0", "2.0"),
    }
}

/// `GET /.well-known/nodeinfo` (`None` when turned off: a 404). snac writes `https://` into the
/// link whatever it is served over.
pub(crate) fn nodeinfo_links(config: &ServerConfig, base: &str, domain: &str) -> Option<Value> {
    if !config.nodeinfo {
        return None;
    }
    let (path, schema) = nodeinfo_path(config.flavor);
    let href = match config.flavor {
        Flavor::Snac => format!("https://{domain}{path}"),
        _ => format!("{base}{path}"),
    };
    Some(json!({ "links": [{ "rel": format!("http://nodeinfo.diaspora.software/ns/schema/{schema}"), "href": href }] }))
}

/// The NodeInfo document itself.
pub(crate) fn nodeinfo(config: &ServerConfig) -> Option<Value> {
    if !config.nodeinfo {
        return None;
    }
    let ((name, version), (_, schema)) = (software(config.flavor), nodeinfo_path(config.flavor));
    Some(json!({
        "version": schema,
        "software": { "name": name, "version": version },
        "protocols": ["activitypub"],
        "services": { "outbound": [], "inbound": [] },
        "usage": { "users": { "total": accounts::all().len(), "activeMonth": accounts::all().len() }, "localPosts": 68_000 },
        "openRegistrations": false,
        "metadata": { "nodeName": title(config.flavor) },
    }))
}

fn source_url(flavor: Flavor) -> &'static str {
    match flavor {
        Flavor::Mastodon | Flavor::Mastodon42 => "https://github.com/mastodon/mastodon",
        Flavor::GoToSocial => "https://codeberg.org/superseriousbusiness/gotosocial",
        Flavor::Akkoma => "https://akkoma.dev/AkkomaGang/akkoma",
        Flavor::Takahe => "https://github.com/jointakahe/takahe",
        Flavor::Snac => "https://codeberg.org/grunfink/snac2",
    }
}

/// `GET /api/v2/instance`: Mastodon 4.0+, GoToSocial and Takahē; `None` (404) when turned off or
/// absent (Akkoma, snac).
pub(crate) fn instance_v2(config: &ServerConfig, base: &str, domain: &str) -> Option<Value> {
    if !config.v2_instance || matches!(config.flavor, Flavor::Akkoma | Flavor::Snac) {
        return None;
    }
    let flavor = config.flavor;
    Some(json!({
        "domain": domain,
        "title": title(flavor),
        "version": version(flavor),
        "source_url": source_url(flavor),
        "description": DESCRIPTION,
        "usage": { "users": { "active_month": accounts::all().len() } },
        "thumbnail": {
            "url": format!("{base}/packs/media/images/preview.png"),
            "blurhash": null,
            "versions": {},
        },
        "icon": [],
        "languages": ["en", "ja"],
        "configuration": {
            "urls": { "streaming": format!("ws://{domain}"), "status": null, "about": format!("{base}/about") },
            "vapid": { "public_key": super::apps::VAPID_KEY },
            "accounts": { "max_featured_tags": 10, "max_pinned_statuses": 5 },
            "statuses": { "max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23 },
            "media_attachments": { "image_size_limit": 16_777_216, "video_size_limit": 103_809_024 },
            "polls": { "max_options": 4, "max_characters_per_option": 50, "min_expiration": 300, "max_expiration": 2_629_746 },
            "translation": { "enabled": false },
        },
        // A demo server takes no sign-ups: its accounts are built in.
        "registrations": { "enabled": false, "approval_required": false, "message": null, "url": null },
        "api_versions": { "mastodon": 6 },
        "contact": {
            "email": "admin@demo.mastokey.invalid",
            "account": accounts::find("ada").map(|a| accounts::account_json(a, base)),
        },
        "rules": [{ "id": "1", "text": "Be kind.", "hint": "" }],
    }))
}

/// `GET /api/v1/instance`: every flavor.
pub(crate) fn instance_v1(config: &ServerConfig, base: &str, domain: &str) -> Value {
    let flavor = config.flavor;
    json!({
        "uri": domain,
        "title": title(flavor),
        "short_description": "A local demo server built into mastokey.",
        "description": DESCRIPTION,
        "email": "admin@demo.mastokey.invalid",
        "version": version(flavor),
        "urls": { "streaming_api": format!("ws://{domain}") },
        "stats": { "user_count": accounts::all().len(), "status_count": 68_000, "domain_count": 1 },
        "thumbnail": format!("{base}/packs/media/images/preview.png"),
        "languages": ["en", "ja"],
        "registrations": false,
        "approval_required": false,
        "invites_enabled": false,
        "configuration": {
            "statuses": { "max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23 },
        },
        "contact_account": accounts::find("ada").map(|a| accounts::account_json(a, base)),
        "rules": [{ "id": "1", "text": "Be kind." }],
    })
}
