//! Which scopes and redirect URIs a request may use: Doorkeeper's rules and the other servers'.

use super::{Flavor, ServerConfig};
use crate::mastodon::scopes;

/// Doorkeeper's parsing: space-separated, `read` when absent; tabs and newlines are invalid.
pub(crate) fn requested_scopes(scope: Option<&str>) -> Option<Vec<String>> {
    let Some(text) = blank_to_none(scope) else {
        return Some(vec!["read".to_owned()]);
    };
    if text.contains(['\n', '\r', '\t']) {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    for s in text.split(' ').filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    }
    Some(out)
}

/// Does this server know the scope at all? The catalogue, minus what a flavor lacks, limited to
/// `scopes_supported` when configured (a listed parent admits its children).
pub(crate) fn server_knows(config: &ServerConfig, scope: &str) -> bool {
    let Some(info) = scopes::info(scope) else {
        return false;
    };
    // `profile` came with Mastodon 4.3; Akkoma and Pleroma never had it.
    if matches!(config.flavor, Flavor::Akkoma | Flavor::Mastodon42) && scope == "profile" {
        return false;
    }
    match &config.scopes_supported {
        None => true,
        Some(list) => list.iter().any(|s| s == scope || Some(s.as_str()) == info.parent),
    }
}

/// May an app registered with `registered` ask for `wanted`? Doorkeeper (Mastodon) compares
/// scope names exactly, so an app registered for `read` cannot ask for `read:accounts`; the
/// other servers accept a scope whose parent was registered.
pub(crate) fn app_allows(flavor: Flavor, registered: &[String], wanted: &str) -> bool {
    if flavor.is_mastodon() {
        registered.iter().any(|r| r == wanted)
    } else {
        scopes::set_covers(registered.iter().map(String::as_str), wanted)
    }
}

/// Exact string match, except (Mastodon/Doorkeeper, RFC 8252 §7.3) that the port is ignored when
/// both URIs point at a loopback IP literal. The name `localhost` gets no such exception. snac
/// does not compare at all.
pub(crate) fn redirect_matches(flavor: Flavor, registered: &str, requested: &str) -> bool {
    if registered == requested || flavor == Flavor::Snac {
        return true;
    }
    if !flavor.is_mastodon() {
        return false;
    }
    let (Ok(mut a), Ok(mut b)) = (url::Url::parse(registered), url::Url::parse(requested)) else {
        return false;
    };
    if !is_loopback_literal(&a) || !is_loopback_literal(&b) {
        return false;
    }
    // Clearing the port cannot fail for http(s) URLs with a host, which loopback ones are.
    let _ = a.set_port(None);
    let _ = b.set_port(None);
    a == b
}

fn is_loopback_literal(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    }
}

pub(crate) fn blank_to_none(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_port_rule() {
        let m = |r, q| redirect_matches(Flavor::Mastodon, r, q);
        assert!(m("http://127.0.0.1/callback", "http://127.0.0.1:54321/callback"));
        assert!(m("http://[::1]:1/cb", "http://[::1]:2/cb"));
        assert!(!m("http://127.0.0.1/callback", "http://127.0.0.1:54321/other"));
        assert!(!m("http://localhost/callback", "http://localhost:54321/callback"));
        assert!(!m("https://example.org/cb", "https://example.org:444/cb"));
        assert!(!redirect_matches(Flavor::GoToSocial, "http://127.0.0.1/callback", "http://127.0.0.1:5/callback"));
        assert!(!redirect_matches(Flavor::Takahe, "http://127.0.0.1:4/callback", "http://127.0.0.1:5/callback"));
        assert!(redirect_matches(Flavor::Mastodon42, "http://127.0.0.1/callback", "http://127.0.0.1:5/callback"));
        assert!(redirect_matches(Flavor::Snac, "urn:ietf:wg:oauth:2.0:oob", "http://elsewhere.example/cb"));
    }

    #[test]
    fn scope_parsing_and_subsets() {
        assert_eq!(requested_scopes(None), Some(vec!["read".to_owned()]));
        assert_eq!(requested_scopes(Some("read  write read")), Some(vec!["read".to_owned(), "write".to_owned()]));
        assert_eq!(requested_scopes(Some("read\twrite")), None);
        let reg = vec!["read".to_owned()];
        assert!(!app_allows(Flavor::Mastodon, &reg, "read:accounts"));
        assert!(app_allows(Flavor::Akkoma, &reg, "read:accounts"));
        let config = ServerConfig { flavor: Flavor::Akkoma, ..ServerConfig::default() };
        assert!(!server_knows(&config, "profile"));
        assert!(!server_knows(&ServerConfig::default(), "read,write"));
        let top_only = ServerConfig { scopes_supported: Some(vec!["read".into()]), ..ServerConfig::default() };
        assert!(server_knows(&top_only, "read:lists"));
        assert!(!server_knows(&top_only, "write"));
    }
}
