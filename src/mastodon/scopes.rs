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
    scopes
        .split(|c: char| c.is_whitespace() || c == ',' || c == '+')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
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
    fn split_accepts_spaces_commas_and_plus() {
        assert_eq!(split(" read  write,push+profile "), ["read", "write", "push", "profile"]);
    }
}
