//! Reading numbers that are only shown (user counts, followers) so that no value rejects a server.
//!
//! A count on the server card or the profile is decoration: a server that sends `-1` (hidden),
//! `1e30`, `"12"` or `null` there still speaks Mastodon's API. [`lenient_count`] reads any JSON
//! value into `Option<u64>` and never fails: a whole non-negative number (also written as a
//! float such as `12.0`, or as a string of digits) is that number, anything else is `None`.
//!
//! Use it as `#[serde(default, deserialize_with = "lenient_count")]` on an `Option<u64>` field, or
//! [`lenient_count_or_zero`] on a `u64` one.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Any JSON value as a count: `Some(n)` for a whole number from 0 to `u64::MAX`, else `None`.
pub fn lenient_count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    deserializer.deserialize_any(Count)
}

/// [`lenient_count`] for a field that is a plain `u64`: what is not a count reads as 0.
pub fn lenient_count_or_zero<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    Ok(lenient_count(deserializer)?.unwrap_or(0))
}

struct Count;

impl<'de> Visitor<'de> for Count {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value (a count, or something that is not one)")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Some(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(u64::try_from(n).ok())
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<Self::Value, E> {
        Ok(u64::try_from(n).ok())
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<Self::Value, E> {
        Ok(u64::try_from(n).ok())
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        // 2^64 is the first float past u64::MAX; a fraction is not a count.
        let whole = n.is_finite() && n.fract() == 0.0 && (0.0..18_446_744_073_709_551_616.0).contains(&n);
        Ok(whole.then_some(n as u64))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(s.trim().parse().ok())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(Count)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Card {
        #[serde(default, deserialize_with = "lenient_count")]
        users: Option<u64>,
        #[serde(default, deserialize_with = "lenient_count_or_zero")]
        followers: u64,
        title: String,
    }

    fn users(value: &str) -> Option<u64> {
        let json = format!(r#"{{"users": {value}, "title": "t"}}"#);
        let card: Card = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{value}: {e}"));
        assert_eq!(card.title, "t", "the fields after it are read too");
        card.users
    }

    #[test]
    fn whole_non_negative_numbers_are_counts() {
        assert_eq!(users("0"), Some(0));
        assert_eq!(users("1815"), Some(1815));
        assert_eq!(users("18446744073709551615"), Some(u64::MAX));
        assert_eq!(users("12.0"), Some(12));
        assert_eq!(users("1e3"), Some(1000));
        assert_eq!(users(r#""42""#), Some(42));
        assert_eq!(users(r#"" 7 ""#), Some(7));
    }

    #[test]
    fn anything_else_is_no_count_and_never_an_error() {
        for value in [
            "-1",
            "-5",
            "1e30",
            "18446744073709551616",
            "-9223372036854775809",
            "1.5",
            "-0.5",
            "null",
            "true",
            r#""many""#,
            r#""-3""#,
            "[1, 2, {\"a\": [3]}]",
            r#"{"active_month": 5}"#,
        ] {
            assert_eq!(users(value), None, "{value}");
        }
    }

    #[test]
    fn a_missing_field_is_no_count() {
        let card: Card = serde_json::from_str(r#"{"title": "t"}"#).unwrap();
        assert_eq!((card.users, card.followers), (None, 0));
    }

    #[test]
    fn the_plain_form_reads_what_is_not_a_count_as_zero() {
        for (value, expected) in [("-1", 0), ("1e30", 0), ("null", 0), ("12", 12), (r#""3""#, 3)] {
            let card: Card = serde_json::from_str(&format!(r#"{{"followers": {value}, "title": "t"}}"#)).unwrap();
            assert_eq!(card.followers, expected, "{value}");
        }
    }
}
