//! The Mastodon scope catalogue: every scope an app can ask for, its parent and what it allows.

/// One scope of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeInfo {
    pub name: &'static str,
    /// The top-level scope that includes this one (`read` for `read:accounts`).
    pub parent: Option<&'static str>,
    /// What the scope lets an app see or do, in plain words.
    pub description: &'static str,
    /// `follow` is deprecated since Mastodon 3.5.
    pub deprecated: bool,
    /// Oldest Mastodon version that knows this scope, when newer than 3.5.
    pub since: Option<&'static str>,
}

impl ScopeInfo {
    pub fn is_admin(&self) -> bool {
        self.name.starts_with("admin:")
    }
}

const fn top(name: &'static str, description: &'static str) -> ScopeInfo {
    ScopeInfo { name, parent: None, description, deprecated: false, since: None }
}

const fn child(parent: &'static str, name: &'static str, description: &'static str) -> ScopeInfo {
    ScopeInfo { name, parent: Some(parent), description, deprecated: false, since: None }
}

/// Every scope, top-level scopes each followed by their children, in display order.
pub const CATALOGUE: &[ScopeInfo] = &[
    ScopeInfo {
        since: Some("4.3"),
        ..top(
            "profile",
            "Only who you are: the app can read your own profile (verify_credentials) and nothing else. The smallest scope there is; ideal for \"log in with Mastodon\".",
        )
    },
    top(
        "read",
        "Read everything your account can see: timelines, posts, notifications, lists, follows, blocks, mutes, bookmarks, favourites and filters. Nothing is changed.",
    ),
    child("read", "read:accounts", "See account profiles, including your own, and relationships between accounts."),
    child("read", "read:blocks", "See which accounts and domains you have blocked."),
    child("read", "read:bookmarks", "See the posts you have bookmarked."),
    ScopeInfo {
        since: Some("4.6"),
        ..child("read", "read:collections", "See your collections (curated groups of accounts).")
    },
    child("read", "read:favourites", "See the posts you have favourited."),
    child("read", "read:filters", "See your content filters and their keywords."),
    child("read", "read:follows", "See who you follow and your pending follow requests."),
    child("read", "read:lists", "See your lists and who is on them."),
    child("read", "read:mutes", "See which accounts and conversations you have muted."),
    child("read", "read:notifications", "Read your notifications: mentions, boosts, favourites, new followers."),
    child("read", "read:search", "Search posts, accounts and hashtags as you."),
    child(
        "read",
        "read:statuses",
        "Read timelines and posts, including followers-only posts and direct messages you can see.",
    ),
    top(
        "write",
        "Act as you: post, delete, follow, block, change your profile, upload media, report. Combined with read, this is full control of the account's everyday use.",
    ),
    child("write", "write:accounts", "Change your profile, display name, bio, fields, avatar and settings."),
    child("write", "write:blocks", "Block and unblock accounts and domains."),
    child("write", "write:bookmarks", "Bookmark posts and remove bookmarks."),
    ScopeInfo {
        since: Some("4.6"),
        ..child("write", "write:collections", "Create, change and delete your collections.")
    },
    child("write", "write:conversations", "Mark conversations read, mute or delete them."),
    child("write", "write:favourites", "Favourite posts and undo favourites."),
    child("write", "write:filters", "Create, change and delete your content filters."),
    child("write", "write:follows", "Follow and unfollow accounts, accept or reject follow requests."),
    child("write", "write:lists", "Create, change and delete lists and their members."),
    child("write", "write:media", "Upload images, video and audio to attach to posts."),
    child("write", "write:mutes", "Mute and unmute accounts and conversations."),
    child("write", "write:notifications", "Dismiss and clear your notifications."),
    child("write", "write:reports", "Report accounts and posts to moderators."),
    child("write", "write:statuses", "Publish, edit and delete posts; boost, pin and vote in polls."),
    top("push", "Receive Web Push notifications: the app can register a push subscription for your account."),
    ScopeInfo {
        deprecated: true,
        ..top(
            "follow",
            "Deprecated since Mastodon 3.5: read and change follows, blocks and mutes. Choose read:follows, write:follows, read:blocks, write:blocks, read:mutes and write:mutes instead.",
        )
    },
    top(
        "admin:read",
        "ADMIN: read moderation data of the whole server — accounts with their e-mail and IP addresses, reports, domain and IP blocks. Only works for moderators and admins.",
    ),
    child(
        "admin:read",
        "admin:read:accounts",
        "ADMIN: see every account on the server with private details (e-mail, IP, sign-up reason).",
    ),
    child("admin:read", "admin:read:reports", "ADMIN: read all reports and the reported posts."),
    child("admin:read", "admin:read:domain_allows", "ADMIN: see the domains allowed to federate in allow-list mode."),
    child("admin:read", "admin:read:domain_blocks", "ADMIN: see blocked and limited domains."),
    child(
        "admin:read",
        "admin:read:ip_blocks",
        "ADMIN: see the IP ranges blocked from signing up or using the server.",
    ),
    child("admin:read", "admin:read:email_domain_blocks", "ADMIN: see the e-mail domains blocked from signing up."),
    child("admin:read", "admin:read:canonical_email_blocks", "ADMIN: see blocked e-mail addresses (stored as hashes)."),
    top(
        "admin:write",
        "ADMIN: moderate the whole server — suspend or delete accounts, resolve reports, block domains and IPs. A leaked token with this scope can do great harm.",
    ),
    child("admin:write", "admin:write:accounts", "ADMIN: approve, suspend, silence, disable or delete any account."),
    child("admin:write", "admin:write:reports", "ADMIN: assign, resolve and reopen reports."),
    child("admin:write", "admin:write:domain_allows", "ADMIN: add and remove allowed domains."),
    child("admin:write", "admin:write:domain_blocks", "ADMIN: block, limit and unblock whole domains."),
    child("admin:write", "admin:write:ip_blocks", "ADMIN: block and unblock IP ranges."),
    child("admin:write", "admin:write:email_domain_blocks", "ADMIN: block and unblock e-mail domains for sign-ups."),
    child("admin:write", "admin:write:canonical_email_blocks", "ADMIN: block and unblock individual e-mail addresses."),
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
