//! Request parameters the way Rails sees them: query string plus a form or JSON body.

use crate::http_server::Request;

/// Ordered (name, value) pairs. A JSON array becomes several pairs of the same name, and Rails'
/// `name[]` form spelling is folded into `name`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Params(Vec<(String, String)>);

/// The body claimed to be JSON but was not: Rails answers 400 before any controller runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadBody;

impl Params {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        Self(pairs.into_iter().map(|(k, v)| (k.strip_suffix("[]").map(str::to_owned).unwrap_or(k), v)).collect())
    }

    /// Body parameters first, then query parameters (Rails merges both; the body wins).
    pub fn of_request(request: &Request) -> Result<Self, BadBody> {
        let mut pairs = match request.media_type().as_str() {
            "application/json" => json_pairs(&request.body)?,
            // curl -d and every browser form send this; a bodyless request has no type at all.
            "application/x-www-form-urlencoded" | "" => {
                url::form_urlencoded::parse(&request.body).into_owned().collect()
            }
            _ => Vec::new(),
        };
        pairs.extend(request.query_pairs());
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
        Request {
            method: "POST".into(),
            path: "/".into(),
            query: query.into(),
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
        }
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
}
