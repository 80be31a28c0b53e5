//! NodeInfo: `GET /.well-known/nodeinfo`, then the 2.x document it links to, for the name and
//! version of the software behind the server.
//!
//! The link is followed by its path only, on the server's own origin: some servers write
//! `https://` into it even when served over http, and a server must not send mastokey elsewhere.
//! The usual path is asked for at once beside the links, and used when the links name it.

use serde_json::Value;

use super::address::ServerAddress;
use super::client::Client;
use super::error::ApiError;

pub const WELL_KNOWN: &str = "/.well-known/nodeinfo";
/// Where Mastodon and GoToSocial keep the document: asked for beside the links, so there
/// NodeInfo takes no round trip more than the other documents (elsewhere one small 404).
pub const LIKELY_PATH: &str = "/nodeinfo/2.0";
const SCHEMA_2: &str = "http://nodeinfo.diaspora.software/ns/schema/2.";

/// `software` of a NodeInfo document, sanitized: `name` in lower case, `version` possibly empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSoftware {
    pub name: String,
    pub version: String,
}

/// The server's software according to its NodeInfo. Any failure (no document, an answer that is
/// not NodeInfo) is an error for the caller to shrug off: NodeInfo is a hint, never required.
pub async fn software(client: &Client, address: &ServerAddress) -> Result<NodeSoftware, ApiError> {
    let links = client.json::<Value>(client.get(address.endpoint(WELL_KNOWN)));
    let guess = client.json::<Value>(client.get(address.endpoint(LIKELY_PATH)));
    let (mut links, mut guess) = (std::pin::pin!(links), std::pin::pin!(guess));
    // Both requests run while the links are awaited; the guess is not waited for beyond them
    // unless the links name it (a slow 404 elsewhere must not hold NodeInfo up).
    let mut guessed = None;
    let links = loop {
        tokio::select! {
            links = &mut links => break links?,
            document = &mut guess, if guessed.is_none() => guessed = Some(document),
        }
    };
    let malformed = |detail: &str| ApiError::Malformed { path: WELL_KNOWN.into(), detail: detail.into() };
    let (path, query) = document_path(&links).ok_or_else(|| malformed("no link to a NodeInfo 2.x document"))?;
    // Only the document the links name counts; the guess is used when it is that one.
    let document = if path == LIKELY_PATH && query.is_none() {
        match guessed {
            Some(document) => document?,
            None => guess.await?,
        }
    } else {
        let mut url = address.endpoint(&path);
        url.set_query(query.as_deref());
        client.json::<Value>(client.get(url)).await?
    };
    software_of(&document).ok_or_else(|| ApiError::Malformed { path, detail: "no software name in it".into() })
}

/// The path (and query) of the newest 2.x schema the links name.
pub fn document_path(links: &Value) -> Option<(String, Option<String>)> {
    let newest = links
        .get("links")?
        .as_array()?
        .iter()
        .filter_map(|link| Some((link.get("rel")?.as_str()?, link.get("href")?.as_str()?)))
        .filter(|(rel, _)| rel.starts_with(SCHEMA_2))
        .max_by(|a, b| a.0.cmp(b.0))?
        .1;
    // Absolute (the usual form) or a path; only the path and query are kept either way.
    let base = url::Url::parse("http://nodeinfo.invalid/").ok()?;
    let href = base.join(newest.trim()).ok()?;
    Some((href.path().to_owned(), href.query().map(str::to_owned)))
}

/// `software.name` (required, not blank) and `software.version` of a NodeInfo document.
pub fn software_of(document: &Value) -> Option<NodeSoftware> {
    let software = document.get("software")?;
    let name = capped(software.get("name")?.as_str()?).to_lowercase();
    if name.trim().is_empty() {
        return None;
    }
    let version = match software.get("version") {
        Some(Value::String(v)) => capped(v),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    Some(NodeSoftware { name: name.trim().to_owned(), version: version.trim().to_owned() })
}

/// Sanitized and at most 64 characters: a name or version, not an essay.
fn capped(text: &str) -> String {
    crate::sanitize::clean(text).chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_newest_2x_link_is_followed_by_its_path() {
        let links = json!({ "links": [
            { "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "https://snac.example/nodeinfo_2_0" },
            { "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": "https://other.example/nodeinfo/2.1?x=1" },
            { "rel": "http://nodeinfo.diaspora.software/ns/schema/1.0", "href": "/nodeinfo/1.0" },
        ]});
        assert_eq!(document_path(&links), Some(("/nodeinfo/2.1".into(), Some("x=1".into()))));
        let relative =
            json!({ "links": [{ "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "/nodeinfo/2.0" }] });
        assert_eq!(document_path(&relative), Some(("/nodeinfo/2.0".into(), None)));
        for bad in [json!({}), json!({ "links": "x" }), json!({ "links": [{ "rel": 1 }] }), json!([])] {
            assert_eq!(document_path(&bad), None, "{bad}");
        }
        let only_1 = json!({ "links": [{ "rel": "http://nodeinfo.diaspora.software/ns/schema/1.1", "href": "/n" }] });
        assert_eq!(document_path(&only_1), None);
    }

    #[test]
    fn software_is_read_sanitized_and_leniently() {
        let doc = json!({ "version": "2.0", "software": { "name": "GoToSocial", "version": "0.20.0-rc1" } });
        assert_eq!(software_of(&doc), Some(NodeSoftware { name: "gotosocial".into(), version: "0.20.0-rc1".into() }));
        let doc = json!({ "software": { "name": "snac\u{1b}]0;x\u{7}", "version": 2.94 } });
        assert_eq!(software_of(&doc), Some(NodeSoftware { name: "snac".into(), version: "2.94".into() }));
        for bad in [json!({}), json!({ "software": { "name": " " } }), json!({ "software": { "name": 5 } })] {
            assert_eq!(software_of(&bad), None, "{bad}");
        }
        let long = json!({ "software": { "name": "n".repeat(10_000) } });
        assert_eq!(software_of(&long).map(|s| s.name.len()), Some(64));
    }
}
