//! What the person types as their server, turned into a base URL (or a clear reason why not).

use std::net::IpAddr;
use thiserror::Error;
use url::{Host, Url};

/// A server to log in to: the URL requests go to and the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    /// Scheme, host (punycode) and port only, e.g. `https://xn--caf-dma.example`.
    pub base: Url,
    /// The host as the person typed it (Unicode kept), with the port if one was given.
    pub shown: String,
}

impl ServerAddress {
    /// `https://host[:port]`, the server's identity for storage and comparisons.
    pub fn origin(&self) -> super::ServerOrigin {
        super::ServerOrigin::of(&self.base)
    }

    /// `host[:port]` in ASCII, the domain part of `@user@domain`.
    pub fn domain(&self) -> String {
        let host = self.base.host_str().unwrap_or_default();
        match self.base.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_owned(),
        }
    }

    /// Join an API path (`/api/v1/apps`) to the base.
    pub fn endpoint(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AddressError {
    #[error("{}", crate::tr!("address-empty"))]
    Empty,
    #[error("{}", crate::tr!("address-has-path", domain = .0))]
    HasPath(String),
    #[error("{}", crate::tr!("address-has-query", domain = .0))]
    HasQuery(String),
    #[error("{}", crate::tr!("address-has-userinfo", domain = .0))]
    HasUserinfo(String),
    #[error("{}", crate::tr!("address-bad-port"))]
    BadPort,
    #[error("{}", crate::tr!("address-insecure", domain = .0))]
    InsecureHttp(String),
    #[error("{}", crate::tr!("address-bad-scheme", scheme = .0))]
    BadScheme(String),
    #[error("{}", crate::tr!("address-invalid", name = .0))]
    Invalid(String),
}

/// Parse what the person typed: `mastodon.social`, `https://Mastodon.Social/`,
/// `@alice@mastodon.social`, IDN names, `http://127.0.0.1:3000` (loopback only).
pub fn parse(input: &str) -> Result<ServerAddress, AddressError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AddressError::Empty);
    }
    let (scheme, rest) = match text.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("https".to_owned(), handle_domain(text)),
    };
    if scheme != "https" && scheme != "http" {
        return Err(AddressError::BadScheme(scheme));
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    if authority.contains('@') {
        let host = authority.rsplit('@').next().unwrap_or_default();
        return Err(AddressError::HasUserinfo(host.to_lowercase()));
    }
    if authority.is_empty() {
        return Err(AddressError::Empty);
    }
    let shown = authority.to_lowercase();
    match tail.find(['?', '#']) {
        Some(_) => return Err(AddressError::HasQuery(shown)),
        None if tail.trim_end_matches('/').is_empty() => {}
        None => return Err(AddressError::HasPath(shown)),
    }
    let url = Url::parse(&format!("{scheme}://{authority}/")).map_err(|e| match e {
        url::ParseError::InvalidPort => AddressError::BadPort,
        _ => AddressError::Invalid(shown.clone()),
    })?;
    if url.port() == Some(0) {
        return Err(AddressError::BadPort);
    }
    let host = url.host().ok_or_else(|| AddressError::Invalid(shown.clone()))?;
    if let Host::Domain(d) = &host
        && !d.contains('.')
        && *d != "localhost"
    {
        return Err(AddressError::Invalid(shown));
    }
    if scheme == "http" && !is_loopback(&host) {
        let bare = shown.split(':').next().unwrap_or_default().to_owned();
        return Err(AddressError::InsecureHttp(bare));
    }
    let shown = shown_as_used(&url, shown);
    Ok(ServerAddress { base: url, shown })
}

/// What to show for a server: the name as typed (in lower case) when it names the host that is
/// used, else that host as IDNA made it, in Unicode. Lower-casing and IDNA's mapping do not
/// always agree (a final `Σ` lower-cases to `ς`, which IDNA keeps apart from `σ`; full-width
/// letters map to ASCII), and the name shown must never be another server's.
fn shown_as_used(url: &Url, typed: String) -> String {
    let names_it = Url::parse(&format!("{}://{typed}/", url.scheme()))
        .is_ok_and(|again| again.host_str() == url.host_str() && again.port() == url.port());
    if names_it {
        return typed;
    }
    let host = match url.host() {
        Some(Host::Domain(domain)) => idna::domain_to_unicode(domain).0,
        Some(host) => host.to_string(),
        None => String::new(),
    };
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

/// `@alice@example.social` and `alice@example.social` name an account: keep the domain.
fn handle_domain(text: &str) -> &str {
    let handle = text.strip_prefix('@').unwrap_or(text);
    match handle.split_once('@') {
        Some((user, domain)) if !user.is_empty() && !user.contains([':', '/']) => domain,
        _ => handle,
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => *d == "localhost",
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

/// A domain as a server names itself (`Example.Social`, `https://example.social/`,
/// `café.example`, `127.0.0.1:4000`) in the form handles are compared and saved in: lower
/// case, punycode, with the port if there is one. `None` when it is not a host name at all.
pub fn normalize_domain(text: &str) -> Option<String> {
    let text = text.trim();
    let bare = text.split_once("://").map_or(text, |(_, rest)| rest).trim_end_matches('/');
    if bare.is_empty() || bare.contains(['/', '?', '#', '@']) || bare.chars().any(char::is_whitespace) {
        return None;
    }
    let url = Url::parse(&format!("http://{bare}/")).ok()?;
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// Is this URL's host a loopback address (so plain http is acceptable)?
pub fn url_is_loopback(url: &Url) -> bool {
    url.host().is_some_and(|h| is_loopback(&h))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> (String, String) {
        let a = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        (a.origin().to_string(), a.shown)
    }

    #[test]
    fn accepts_the_usual_forms() {
        let want = ("https://mastodon.social".to_owned(), "mastodon.social".to_owned());
        for input in [
            "mastodon.social",
            "  Mastodon.Social  ",
            "https://mastodon.social/",
            "HTTPS://MASTODON.SOCIAL",
            "@alice@mastodon.social",
            "alice@mastodon.social",
            "mastodon.social/",
        ] {
            assert_eq!(ok(input), want, "{input}");
        }
    }

    #[test]
    fn idn_is_sent_as_punycode_and_shown_as_typed() {
        let a = parse("Café.example").unwrap();
        assert_eq!(a.origin().as_str(), "https://xn--caf-dma.example");
        assert_eq!(a.shown, "café.example");
        assert_eq!(parse("@太郎@例え.jp").unwrap().shown, "例え.jp");
    }

    #[test]
    fn what_is_shown_is_the_server_that_is_used() {
        // Found by the `address` fuzz target: lower-casing turns a final capital sigma into
        // `ς`, which IDNA keeps apart from the `σ` it maps `Σ` to: `é.ς` was shown while
        // mastokey talked to `é.σ`, another server. Names that IDNA maps differently from
        // lower-casing are shown as the server that is used.
        for (typed, shown) in
            [("é.Σ", "é.σ"), ("ΟΔΟΣ.example", "οδοσ.example"), ("ｅｘａｍｐｌｅ.social", "ｅｘａｍｐｌｅ.social")]
        {
            let a = parse(typed).unwrap();
            assert_eq!(a.shown, shown, "{typed}");
            assert_eq!(parse(&a.shown).unwrap().origin(), a.origin(), "{typed}");
        }
        // A name that IDNA maps to the same host stays as typed, full-width or punycode.
        assert_eq!(parse("xn--caf-dma.example:8443").unwrap().shown, "xn--caf-dma.example:8443");
        assert_eq!(parse("http://[::1]:9000").unwrap().shown, "[::1]:9000");
    }

    #[test]
    fn loopback_http_is_allowed_with_ports() {
        assert_eq!(ok("http://127.0.0.1:3000").0, "http://127.0.0.1:3000");
        assert_eq!(ok("http://localhost:8080/").0, "http://localhost:8080");
        assert_eq!(ok("http://[::1]:9000").0, "http://[::1]:9000");
        assert_eq!(parse("http://127.0.0.1:3000").unwrap().domain(), "127.0.0.1:3000");
    }

    #[test]
    fn rejects_with_a_reason() {
        use AddressError::*;
        assert_eq!(parse("   "), Err(Empty));
        assert_eq!(parse("mastodon.social/@alice"), Err(HasPath("mastodon.social".into())));
        assert_eq!(parse("https://mastodon.social/?q=1"), Err(HasQuery("mastodon.social".into())));
        assert_eq!(parse("https://u:pw@mastodon.social"), Err(HasUserinfo("mastodon.social".into())));
        assert_eq!(parse("u:pw@mastodon.social"), Err(HasUserinfo("mastodon.social".into())));
        assert_eq!(parse("mastodon.social:99999"), Err(BadPort));
        assert_eq!(parse("mastodon.social:0"), Err(BadPort));
        assert_eq!(parse("http://mastodon.social"), Err(InsecureHttp("mastodon.social".into())));
        assert_eq!(parse("ftp://mastodon.social"), Err(BadScheme("ftp".into())));
        assert!(matches!(parse("masto don.social"), Err(Invalid(_))));
        assert!(matches!(parse("mastodon"), Err(Invalid(_))));
    }

    #[test]
    fn domains_are_normalized_for_comparison() {
        for (text, want) in [
            ("Example.Social", Some("example.social")),
            ("https://example.social/", Some("example.social")),
            ("café.example", Some("xn--caf-dma.example")),
            ("127.0.0.1:4000", Some("127.0.0.1:4000")),
            ("", None),
            ("a b.example", None),
            ("x.example/path", None),
            ("ada@x.example", None),
        ] {
            assert_eq!(normalize_domain(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn endpoint_joins_paths() {
        let a = parse("example.social").unwrap();
        assert_eq!(a.endpoint("/api/v1/apps").as_str(), "https://example.social/api/v1/apps");
    }
}
