//! Which server something belongs to, as one normalized value made once: registrations, logins,
//! the store and the screens compare servers with `==` on this, never as strings.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use url::Url;

/// A server's origin: `scheme://host[:port]`, the host in lower case and punycode, the default
/// port left out, no trailing slash (`https://mastodon.social`, `http://127.0.0.1:3000`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ServerOrigin(String);

impl ServerOrigin {
    /// The origin of a URL.
    pub fn of(url: &Url) -> Self {
        Self(url.origin().ascii_serialization())
    }

    /// The origin of saved text (`https://Mastodon.Social/` and `https://mastodon.social` are one
    /// server). Text that is no URL at all is kept as written (trimmed, lower case), so a damaged
    /// file still reads and its login can be named and logged out.
    pub fn parse(text: &str) -> Self {
        match Url::parse(text.trim()) {
            Ok(url) if url.has_host() => Self::of(&url),
            _ => Self(text.trim().trim_end_matches('/').to_lowercase()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As a URL to send requests to; `None` for text that was never a URL.
    pub fn url(&self) -> Option<Url> {
        Url::parse(&self.0).ok().filter(Url::has_host)
    }
}

impl fmt::Display for ServerOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Compared with text as it is written (tests and messages), not normalized.
impl PartialEq<&str> for ServerOrigin {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<&str> for ServerOrigin {
    fn from(text: &str) -> Self {
        Self::parse(text)
    }
}

impl Serialize for ServerOrigin {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ServerOrigin {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::parse(&String::deserialize(deserializer)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_server_are_one_origin() {
        for text in [
            "https://mastodon.social",
            "https://Mastodon.Social/",
            "HTTPS://mastodon.social:443",
            " https://mastodon.social// ",
        ] {
            assert_eq!(ServerOrigin::parse(text).as_str(), "https://mastodon.social", "{text:?}");
        }
        assert_eq!(ServerOrigin::parse("https://café.example").as_str(), "https://xn--caf-dma.example");
        assert_eq!(ServerOrigin::parse("http://127.0.0.1:3000/").as_str(), "http://127.0.0.1:3000");
        assert_ne!(ServerOrigin::parse("http://a.example"), ServerOrigin::parse("https://a.example"));
        assert_eq!(ServerOrigin::parse("not a url/").as_str(), "not a url");
        assert_eq!(ServerOrigin::parse("not a url").url(), None);
    }

    #[test]
    fn it_is_saved_as_a_plain_string_and_read_back_normalized() {
        let json = serde_json::to_string(&ServerOrigin::parse("https://a.example")).unwrap();
        assert_eq!(json, "\"https://a.example\"");
        let read: ServerOrigin = serde_json::from_str("\"https://A.Example/\"").unwrap();
        assert_eq!(read, ServerOrigin::parse("https://a.example"));
    }
}
