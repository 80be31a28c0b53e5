//! The Mastodon scope catalogue: every scope an app can ask for, its parent and what it allows.

/// One scope of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeInfo {
    pub name: &'static str,
    /// The top-level scope that includes this one (`read` for `read:accounts`).
    pub parent: Option<&'static str>,
    /// `follow` is deprecated since Mastodon 3.5.
    pub deprecated: bool,
    /// Oldest Mastodon version that knows this scope, when newer than 3.5.
    pub since: Option<&'static str>,
}

impl ScopeInfo {
    /// What the scope lets an app see or do, in plain words, in the language of the run
    /// (`scope-read-accounts` in the catalogues).
    pub fn description(&self) -> String {
        crate::i18n::text(&format!("scope-{}", self.name.replace([':', '_'], "-")))
    }

    pub fn is_admin(&self) -> bool {
        self.name.starts_with("admin:")
    }
}

const fn top(name: &'static str) -> ScopeInfo {
    ScopeInfo { name, parent: None, deprecated: false, since: None }
}

const fn child(parent: &'static str, name: &'static str) -> ScopeInfo {
    ScopeInfo { name, parent: Some(parent), deprecated: false, since: None }
}

/// Every scope, top-level scopes each followed by their children, in display order.
pub const CATALOGUE: &[ScopeInfo] = &[
    ScopeInfo { since: Some("4.3"), ..top("profile") },
    top("read"),
    child("read", "read:accounts"),
    child("read", "read:blocks"),
    child("read", "read:bookmarks"),
    ScopeInfo { since: Some("4.6"), ..child("read", "read:collections") },
    child("read", "read:favourites"),
    child("read", "read:filters"),
    child("read", "read:follows"),
    child("read", "read:lists"),
    child("read", "read:mutes"),
    child("read", "read:notifications"),
    child("read", "read:search"),
    child("read", "read:statuses"),
    top("write"),
    child("write", "write:accounts"),
    child("write", "write:blocks"),
    child("write", "write:bookmarks"),
    ScopeInfo { since: Some("4.6"), ..child("write", "write:collections") },
    child("write", "write:conversations"),
    child("write", "write:favourites"),
    child("write", "write:filters"),
    child("write", "write:follows"),
    child("write", "write:lists"),
    child("write", "write:media"),
    child("write", "write:mutes"),
    child("write", "write:notifications"),
    child("write", "write:reports"),
    child("write", "write:statuses"),
    top("push"),
    ScopeInfo { deprecated: true, ..top("follow") },
    top("admin:read"),
    child("admin:read", "admin:read:accounts"),
    child("admin:read", "admin:read:reports"),
    child("admin:read", "admin:read:domain_allows"),
    child("admin:read", "admin:read:domain_blocks"),
    child("admin:read", "admin:read:ip_blocks"),
    child("admin:read", "admin:read:email_domain_blocks"),
    child("admin:read", "admin:read:canonical_email_blocks"),
    top("admin:write"),
    child("admin:write", "admin:write:accounts"),
    child("admin:write", "admin:write:reports"),
    child("admin:write", "admin:write:domain_allows"),
    child("admin:write", "admin:write:domain_blocks"),
    child("admin:write", "admin:write:ip_blocks"),
    child("admin:write", "admin:write:email_domain_blocks"),
    child("admin:write", "admin:write:canonical_email_blocks"),
];

/// The catalogue entry for `name`, if Mastodon knows it.
pub fn info(name: &str) -> Option<&'static ScopeInfo> {
    CATALOGUE.iter().find(|s| s.name == name)
}

/// Top-level scopes, in display order.
pub fn top_level() -> impl Iterator<Item = &'static ScopeInfo> {
    CATALOGUE.iter().filter(|s| s.parent.is_none())
}

/// The children of a top-level scope, in display order.
pub fn children_of(parent: &str) -> impl Iterator<Item = &'static ScopeInfo> + '_ {
    CATALOGUE.iter().filter(move |s| s.parent == Some(parent))
}

/// Does holding `granted` include `wanted`? (`read` covers `read:accounts`; a scope covers itself;
/// `follow` covers the follow/block/mute scopes it stood for.)
pub fn covers(granted: &str, wanted: &str) -> bool {
    if granted == wanted {
        return true;
    }
    if info(wanted).and_then(|s| s.parent) == Some(granted) {
        return true;
    }
    granted == "follow"
        && matches!(
            wanted,
            "read:follows" | "write:follows" | "read:blocks" | "write:blocks" | "read:mutes" | "write:mutes"
        )
}

/// Does a set of scopes include `wanted`?
pub fn set_covers<'a>(set: impl IntoIterator<Item = &'a str>, wanted: &str) -> bool {
    set.into_iter().any(|g| covers(g, wanted))
}

/// Split a scope string as servers send it (space separated; some servers use commas or `+`).
pub fn split(scopes: &str) -> Vec<String> {
    scopes.split(is_separator).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// At most this many scopes are kept from one answer: the catalogue has fewer than that, so only
/// a server that floods the answer with made-up words reaches it.
pub const MAX_SCOPES: usize = 64;
/// A word the catalogue does not know is shown with at most this many of its characters.
pub const MAX_UNKNOWN_CHARS: usize = 32;

/// The scopes a server says it granted (the token answer's `scope`, or the scopes of a
/// registration), bounded: split like [`split`], sanitized, de-duplicated in order, at most
/// [`MAX_SCOPES`] of them. A name the catalogue knows (or one that was requested) is kept as it
/// is; any other word stays visible but marked, as `unknown(word)` with the word cut to
/// [`MAX_UNKNOWN_CHARS`] characters (so it can pass for no real scope and covers nothing), and
/// the words left beyond the bound are counted in one last `…(N-more)` (repeats included: the
/// count needs no memory; no space, comma or plus in it, so a scope string joined from these splits back into
/// the same words). No text, or only spaces, means the server granted what was asked.
pub fn granted_from(text: Option<&str>, requested: &[String]) -> Vec<String> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return requested.to_vec();
    };
    let text = crate::sanitize::clean(text);
    let mut kept: Vec<String> = Vec::new();
    let mut beyond = 0usize;
    for word in text.split(is_separator).filter(|w| !w.is_empty()) {
        let shown =
            if info(word).is_some() || requested.iter().any(|r| r == word) { word.to_owned() } else { unknown(word) };
        if kept.contains(&shown) {
            continue;
        }
        if kept.len() < MAX_SCOPES {
            kept.push(shown);
        } else {
            beyond += 1;
        }
    }
    if beyond > 0 {
        kept.push(format!("…({beyond}-more)"));
    }
    kept
}

/// A word the catalogue does not know, as it is kept: marked, and cut short.
fn unknown(word: &str) -> String {
    let mut chars = word.chars();
    let head: String = chars.by_ref().take(MAX_UNKNOWN_CHARS).collect();
    let more = if chars.next().is_some() { "…" } else { "" };
    format!("unknown({head}{more})")
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == '+'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_child_has_a_known_top_level_parent() {
        for s in CATALOGUE {
            if let Some(p) = s.parent {
                assert!(info(p).is_some_and(|i| i.parent.is_none()), "{} has parent {p}", s.name);
                assert!(s.name.starts_with(&format!("{p}:")));
            }
        }
    }

    #[test]
    fn names_are_unique() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert!(CATALOGUE[i + 1..].iter().all(|b| b.name != a.name), "{} twice", a.name);
        }
    }

    #[test]
    fn catalogue_has_no_bare_admin_and_marks_follow_deprecated() {
        assert!(info("admin").is_none());
        assert!(info("follow").unwrap().deprecated);
        assert_eq!(top_level().count(), 7);
        assert_eq!(children_of("read").count(), 12);
        assert_eq!(children_of("write").count(), 14);
        assert_eq!(children_of("admin:read").count(), 7);
    }

    #[test]
    fn coverage_rules() {
        assert!(covers("read", "read:accounts"));
        assert!(!covers("read", "write:statuses"));
        assert!(!covers("read:accounts", "read"));
        assert!(covers("follow", "write:follows"));
        assert!(!covers("admin:read", "read"));
        assert!(set_covers(["profile", "read"], "read:lists"));
    }

    #[test]
    fn a_token_answer_flooded_with_scopes_is_bounded_and_deduplicated() {
        let token = |scope: String| crate::mastodon::oauth::TokenResponse {
            access_token: crate::secret::Secret::new("t"),
            scope: Some(scope),
        };
        let repeated = token("read:accounts ".repeat(60_000));
        assert_eq!(repeated.granted(&["read:accounts".into()]), ["read:accounts"]);

        let made_up: String = (0..60_000).map(|i| format!("x{i} ")).collect();
        let granted = token(format!("read {made_up}write")).granted(&[]);
        assert_eq!(granted.len(), MAX_SCOPES + 1, "{granted:?}");
        assert_eq!(&granted[..3], ["read", "unknown(x0)", "unknown(x1)"]);
        assert_eq!(granted.last().unwrap(), &format!("…({}-more)", 60_000 + 1 - (MAX_SCOPES - 1)));
        // Joined with spaces (as screens and `accounts` show them), they split back the same.
        assert_eq!(split(&granted.join(" ")), granted, "found by the `scopes` fuzz target");
    }

    #[test]
    fn unknown_words_stay_visible_as_unknown_and_short() {
        let long = "z".repeat(5000);
        let text = format!("read  read:lists,read+\u{1b}]0;t\u{7}bogus {long} Read follow");
        assert_eq!(
            granted_from(Some(&text), &[]),
            [
                "read",
                "read:lists",
                "unknown(bogus)",
                &format!("unknown({}…)", "z".repeat(32)),
                "unknown(Read)",
                "follow"
            ]
        );
        // A requested scope the catalogue lacks is the server's answer to us, not unknown.
        assert_eq!(granted_from(Some("read:me"), &["read:me".into()]), ["read:me"]);
        assert!(granted_from(Some("unknown(read)"), &[]).iter().all(|s| !covers(s, "read:accounts")));
    }

    #[test]
    fn no_scope_text_means_what_was_requested() {
        let asked = ["profile".to_owned()];
        assert_eq!(granted_from(None, &asked), asked);
        assert_eq!(granted_from(Some(" \t"), &asked), asked);
        assert_eq!(granted_from(Some("\u{1b}[2J"), &asked), Vec::<String>::new(), "said something, but nothing");
    }

    #[test]
    fn split_accepts_spaces_commas_and_plus() {
        assert_eq!(split(" read  write,push+profile "), ["read", "write", "push", "profile"]);
    }
}
