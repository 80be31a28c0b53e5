//! Reading display-only values the way servers really send them: a count of `1e30` or `-5`, a
//! number where text was expected, `null` for `false`. None of these may reject a server.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A count: a non-negative integer, also from a float or a numeric string; anything else
/// (negative, fractional beyond `u64`, not a number) is unknown.
pub fn count(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64().or_else(|| {
            let f = n.as_f64()?;
            // `u64::MAX as f64` rounds up to 2^64, which no u64 holds: stay strictly below it.
            (f.is_finite() && f >= 0.0 && f < u64::MAX as f64).then_some(f as u64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Text: a string as it is, a number or a boolean written out; `null`, arrays and objects are
/// no text.
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A flag: a boolean, or the strings and numbers servers use for one.
pub fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_u64().map(|n| n != 0),
        _ => None,
    }
}

/// The value at a JSON pointer (`/usage/users/active_month`), read with `read`.
pub fn at<T>(document: &Value, pointer: &str, read: fn(&Value) -> Option<T>) -> Option<T> {
    document.pointer(pointer).and_then(read)
}

/// serde's side of [`count`] for account fields: unknown counts read as 0.
pub fn count_or_zero<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    Ok(count(&Value::deserialize(deserializer)?).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn counts_never_fail() {
        assert_eq!(count(&json!(12)), Some(12));
        assert_eq!(count(&json!(12.7)), Some(12));
        assert_eq!(count(&json!("34")), Some(34));
        for unknown in [json!(-5), json!(1e30), json!(-0.5e3), json!("many"), json!(null), json!([1]), json!({})] {
            assert_eq!(count(&unknown), None, "{unknown}");
        }
        let huge: Value = serde_json::from_str("1e400").unwrap_or(Value::Null);
        assert_eq!(count(&huge), None);
    }

    #[test]
    fn texts_and_flags() {
        assert_eq!(text(&json!("x")), Some("x".into()));
        assert_eq!(text(&json!(4.2)), Some("4.2".into()));
        assert_eq!(text(&json!({ "a": 1 })), None);
        assert_eq!(flag(&json!("true")), Some(true));
        assert_eq!(flag(&json!(0)), Some(false));
        assert_eq!(flag(&json!("maybe")), None);
        let doc = json!({ "usage": { "users": { "active_month": 1e30 } } });
        assert_eq!(at(&doc, "/usage/users/active_month", count), None);
        assert_eq!(at(&doc, "/usage/nothing", count), None);
    }
}
