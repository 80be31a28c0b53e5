//! `POST /api/v1/apps`: app registration with Doorkeeper's and Mastodon's validations.

use serde_json::json;

use super::answer::{self, Answer};
use super::params::Params;
use super::rules::{requested_scopes, server_knows};
use super::state::{OOB, Store};
use super::{Flavor, ServerConfig, personality};

/// A fixed, well-formed P-256 public key: clients only store it.
pub(crate) const VAPID_KEY: &str =
    "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=";

pub(crate) fn register(store: &mut Store, config: &ServerConfig, params: &Params) -> Answer {
    let name = params.get("client_name").map(str::trim).unwrap_or("");
    // A string with URIs separated by whitespace (Doorkeeper splits on any), or a JSON array.
    let redirect_uris: Vec<String> =
        params.all("redirect_uris").iter().flat_map(|v| v.split_whitespace()).map(str::to_owned).collect();
    let website = params.present("website").map(str::trim);
    // snac reads the singular `scope`, everyone else `scopes`.
    let scopes_param = match config.flavor {
        Flavor::Snac => params.get("scope"),
        _ => params.get("scopes"),
    };
    // Takahē wants one string (newline-separated); an array is refused before anything else.
    if config.flavor == Flavor::Takahe && params.all("redirect_uris").len() > 1 {
        return answer::json(400, &json!({ "error": "invalid_input" }));
    }

    // Rails reports every failed validation at once, in declaration order.
    let mut errors: Vec<String> = Vec::new();
    if name.is_empty() {
        errors.push("Application name can't be blank".into());
    } else if name.chars().count() > 60 {
        errors.push("Application name is too long (maximum is 60 characters)".into());
    }
    if redirect_uris.is_empty() {
        errors.push("Redirect URI can't be blank".into());
    }
    for uri in &redirect_uris {
        if let Some(problem) = redirect_uri_problem(uri) {
            errors.push(format!("Redirect URI {problem}"));
        }
    }
    if redirect_uris.iter().map(|u| u.len() + 1).sum::<usize>() > 2_000 {
        errors.push("Redirect URI is too long (maximum is 2000 characters)".into());
    }
    let scopes = match requested_scopes(scopes_param) {
        // GoToSocial registers scopes it does not know without complaint.
        Some(list) if config.flavor == Flavor::GoToSocial => list,
        Some(list) if list.iter().all(|s| server_knows(config, s)) => list,
        _ => {
            errors.push("Scopes doesn't match configured on the server.".into());
            Vec::new()
        }
    };
    if let Some(site) = website
        && !website_ok(site)
    {
        errors.push("Website is invalid".into());
    }
    if !errors.is_empty() {
        return answer::json(422, &json!({ "error": format!("Validation failed: {}", errors.join(", ")) }));
    }

    let app = store.add_app(name.to_owned(), website.map(str::to_owned), redirect_uris, scopes);
    answer::json(200, &personality::app_json(config.flavor, &app))
}

/// Doorkeeper's redirect URI validation: OOB, or an absolute URI without a fragment. Apps may
/// use private-use schemes (RFC 8252 §7.1, `com.example.app:/cb`), as on real Mastodon.
fn redirect_uri_problem(uri: &str) -> Option<&'static str> {
    if uri == OOB {
        return None;
    }
    let parsed = match url::Url::parse(uri) {
        Ok(parsed) => parsed,
        Err(url::ParseError::RelativeUrlWithoutBase) => return Some("must be an absolute URI."),
        Err(_) => return Some("must be a valid URI."),
    };
    if parsed.fragment().is_some() {
        return Some("cannot contain a fragment.");
    }
    let scheme = parsed.scheme();
    if matches!(scheme, "javascript" | "data" | "vbscript" | "file") {
        return Some("is forbidden by the server.");
    }
    if matches!(scheme, "http" | "https") && parsed.host_str().is_none_or(str::is_empty) {
        return Some("must be an absolute URI.");
    }
    None
}

/// Mastodon's UrlValidator: http(s) with a host.
fn website_ok(site: &str) -> bool {
    url::Url::parse(site).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uri_rules() {
        assert_eq!(redirect_uri_problem(OOB), None);
        assert_eq!(redirect_uri_problem("http://127.0.0.1/callback"), None);
        assert_eq!(redirect_uri_problem("com.example.app:/cb"), None);
        assert_eq!(redirect_uri_problem("/callback"), Some("must be an absolute URI."));
        assert_eq!(redirect_uri_problem("https://example.org/cb#x"), Some("cannot contain a fragment."));
        assert_eq!(redirect_uri_problem("javascript:alert(1)"), Some("is forbidden by the server."));
        assert_eq!(redirect_uri_problem("http://[::1"), Some("must be a valid URI."));
    }
}
