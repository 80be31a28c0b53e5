//! Request parameters the way Rails sees them (query string plus a form or JSON body), and the
//! credentials of the `Authorization` header.

use hyper::HeaderMap;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE};

use super::connection::Request;

/// Ordered (name, value) pairs. A JSON array becomes several pairs of the same name, and Rails'
/// `name[]` form spelling is folded into `name`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Params(Vec<(String, String)>);

/// The body claimed to be JSON but was not: Rails answers 400 before any controller runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadBody;

impl Params {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        Self(pairs.into_iter().map(|(k, v)| (k.strip_suffix("[]").map(str::to_owned).unwrap_or(k), v)).collect())
    }

    /// The query string's parameters, in order.
    pub fn of_query(request: &Request) -> Self {
        Self::from_pairs(query_pairs(request))
    }

    /// Body parameters first, then query parameters (Rails merges both; the body wins).
    pub fn of_request(request: &Request) -> Result<Self, BadBody> {
        let body = request.body();
        let mut pairs = match media_type(request.headers()).as_str() {
            "application/json" => json_pairs(body)?,
            // curl -d and every browser form send this; a bodyless request has no type at all.
            "application/x-www-form-urlencoded" | "" => url::form_urlencoded::parse(body).into_owned().collect(),
            _ => Vec::new(),
        };
        pairs.extend(query_pairs(request));
        Ok(Self::from_pairs(pairs))
    }

    /// The first value of `name`, if present (possibly empty).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The first value of `name` when present and not blank; Rails treats blank as absent.
    pub fn present(&self, name: &str) -> Option<&str> {
        self.get(name).filter(|v| !v.trim().is_empty())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

fn query_pairs(request: &Request) -> Vec<(String, String)> {
    url::form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes()).into_owned().collect()
}

/// The first value of a header, when it is text.
fn header(headers: &HeaderMap, name: hyper::header::HeaderName) -> Option<&str> {
    headers.get(name)?.to_str().ok()
}

/// The media type of the body, lower case, without parameters (`application/json`).
fn media_type(headers: &HeaderMap) -> String {
    let content_type = header(headers, CONTENT_TYPE).unwrap_or("");
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// The token of an `Authorization: Bearer T` header.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = header(headers, AUTHORIZATION)?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The (user, password) of an `Authorization: Basic` header. RFC 6749 §2.3.1 has clients
/// form-encode both parts before base64, so they are form-decoded here.
pub(crate) fn basic_auth(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let value = header(headers, AUTHORIZATION)?.trim();
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, pass) = text.split_once(':')?;
    let unescape = |s: &str| -> String {
        url::form_urlencoded::parse(format!("x={s}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
    };
    Some((unescape(user), unescape(pass)))
}

fn json_pairs(body: &[u8]) -> Result<Vec<(String, String)>, BadBody> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|_| BadBody)?;
    let serde_json::Value::Object(map) = value else {
        return Err(BadBody);
    };
    let mut pairs = Vec::new();
    for (key, value) in map {
        match value {
            serde_json::Value::Array(items) => {
                pairs.extend(items.iter().filter_map(scalar).map(|v| (key.clone(), v)));
            }
            other => pairs.extend(scalar(&other).map(|v| (key, v))),
        }
    }
    Ok(pairs)
}

/// Strings, numbers and booleans as text; null and nested objects are dropped like Rails'
/// strong parameters would.
fn scalar(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(content_type: &str, body: &str, query: &str) -> Request {
        let mut request = Request::new(body.to_owned().into());
        *request.uri_mut() = format!("/?{query}").parse().unwrap();
        request.headers_mut().insert(CONTENT_TYPE, content_type.parse().unwrap());
        request
    }

    #[test]
    fn form_json_and_query_merge_with_body_first() {
        let p =
            Params::of_request(&request("application/x-www-form-urlencoded", "a=1&b%5B%5D=x&b[]=y", "a=2")).unwrap();
        assert_eq!(p.get("a"), Some("1"));
        assert_eq!(p.all("b"), ["x", "y"]);
        let p =
            Params::of_request(&request("application/json; charset=utf-8", r#"{"u":["p","q"],"n":3,"z":null}"#, ""))
                .unwrap();
        assert_eq!(p.all("u"), ["p", "q"]);
        assert_eq!(p.get("n"), Some("3"));
        assert_eq!(p.get("z"), None);
    }

    #[test]
    fn bad_json_is_refused() {
        assert_eq!(Params::of_request(&request("application/json", "{nope", "")), Err(BadBody));
        assert_eq!(Params::of_request(&request("application/json", "[1]", "")), Err(BadBody));
        assert!(Params::of_request(&request("application/json", "  ", "")).is_ok());
    }

    #[test]
    fn auth_headers() {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, "Bearer  tok ".parse().unwrap());
        assert_eq!(bearer_token(&headers), Some("tok"));
        assert_eq!(basic_auth(&headers), None);
        headers.insert(AUTHORIZATION, "Basic YSUyMGI6Yzpk".parse().unwrap()); // "a%20b:c:d"
        assert_eq!(basic_auth(&headers), Some(("a b".into(), "c:d".into())));
        assert_eq!(bearer_token(&headers), None);
        headers.insert(AUTHORIZATION, "Basic !!!".parse().unwrap());
        assert_eq!(basic_auth(&headers), None);
    }
}
