//! The demo accounts, rendered as Mastodon's Account and CredentialAccount JSON.
//!
//! Every count and date is fixed (no clock) so screenshots of the profile screen stay stable.
//! `{base}` in HTML is replaced by the server's base URL when rendered.

use serde_json::{Value, json};

/// One account a demo user can sign in as (what it shows off is `demo-account-USERNAME` in the
/// catalogues).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub username: &'static str,
    pub display_name: &'static str,
    pub(crate) id: &'static str,
    pub(crate) locked: bool,
    pub(crate) bot: bool,
    pub(crate) group: bool,
    pub(crate) discoverable: bool,
    pub(crate) created_at: &'static str,
    pub(crate) last_status_at: Option<&'static str>,
    pub(crate) note_html: &'static str,
    pub(crate) note_plain: &'static str,
    pub(crate) counts: (u64, u64, u64), // followers, following, statuses
    pub(crate) fields: &'static [Field],
    pub(crate) emojis: &'static [&'static str],
    pub(crate) has_avatar: bool,
    pub(crate) has_header: bool,
    pub(crate) privacy: &'static str,
    pub(crate) sensitive: bool,
    pub(crate) language: &'static str,
    pub(crate) follow_requests: u64,
    pub(crate) admin: bool,
    pub(crate) moved_to: Option<&'static str>,
}

/// A profile field: `value_html` as shown, `value_plain` as typed in settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    name: &'static str,
    value_html: &'static str,
    value_plain: &'static str,
    verified_at: Option<&'static str>,
}

const fn field(name: &'static str, html: &'static str, plain: &'static str, verified: Option<&'static str>) -> Field {
    Field { name, value_html: html, value_plain: plain, verified_at: verified }
}

const PLAIN: DemoAccount = DemoAccount {
    username: "",
    display_name: "",
    id: "",
    locked: false,
    bot: false,
    group: false,
    discoverable: true,
    created_at: "2022-11-05T00:00:00.000Z",
    last_status_at: None,
    note_html: "",
    note_plain: "",
    counts: (0, 0, 0),
    fields: &[],
    emojis: &[],
    has_avatar: true,
    has_header: false,
    privacy: "public",
    sensitive: false,
    language: "en",
    follow_requests: 0,
    admin: false,
    moved_to: None,
};

pub(crate) static ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "ada",
        display_name: "Ada Lovelace",
        id: "109311025378155112",
        last_status_at: Some("2026-10-29"),
        note_html: concat!(
            "<p>Mathematician &amp; first programmer. I write notes on the Analytical Engine.<br>",
            "Say hello to <span class=\"h-card\" translate=\"no\"><a href=\"{base}/@grace\" class=\"u-url mention\">@<span>grace</span></a></span>!</p>",
            "<p>Notes: <a href=\"https://example.org/notes\" rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://</span>",
            "<span class=\"\">example.org/notes</span><span class=\"invisible\"></span></a> ",
            "<a href=\"{base}/tags/rust\" class=\"mention hashtag\" rel=\"tag\">#<span>rust</span></a></p>"
        ),
        note_plain: "Mathematician & first programmer. I write notes on the Analytical Engine.\nSay hello to @grace!\n\nNotes: https://example.org/notes #rust",
        counts: (1815, 183, 4321),
        fields: &[
            field(
                "Website",
                "<a href=\"https://example.org\" target=\"_blank\" rel=\"nofollow noopener me\" translate=\"no\"><span class=\"invisible\">https://</span><span class=\"\">example.org</span><span class=\"invisible\"></span></a>",
                "https://example.org",
                Some("2023-01-12T09:30:00.000+00:00"),
            ),
            field("Pronouns", "she/her", "she/her", None),
            field(
                "Engine",
                "<a href=\"https://example.org/engine\" target=\"_blank\" rel=\"nofollow noopener me\" translate=\"no\"><span class=\"invisible\">https://</span><span class=\"\">example.org/engine</span><span class=\"invisible\"></span></a>",
                "https://example.org/engine",
                None,
            ),
        ],
        has_header: true,
        privacy: "unlisted",
        admin: true,
        ..PLAIN
    },
    DemoAccount {
        username: "hanako",
        display_name: "山田花子 :sakura:",
        id: "109318840112203447",
        created_at: "2022-11-06T12:00:00.000Z",
        last_status_at: Some("2026-10-30"),
        note_html: "<p>東京在住のイラストレーターです。:sakura: 桜と猫が好き。</p><p>お仕事のご依頼はDMでどうぞ。</p>",
        note_plain: "東京在住のイラストレーターです。:sakura: 桜と猫が好き。\n\nお仕事のご依頼はDMでどうぞ。",
        counts: (2468, 321, 987),
        fields: &[field("好きなもの", "桜と猫 :sakura:", "桜と猫 :sakura:", None)],
        emojis: &["sakura"],
        language: "ja",
        ..PLAIN
    },
    DemoAccount {
        username: "newsbot",
        display_name: "Daily News Bot 🤖",
        id: "109400231900112358",
        created_at: "2022-11-20T08:00:00.000Z",
        last_status_at: Some("2026-10-31"),
        bot: true,
        note_html: "<p>Automated headlines, every morning at 08:00 UTC. Not monitored.</p>",
        note_plain: "Automated headlines, every morning at 08:00 UTC. Not monitored.",
        counts: (5120, 0, 58211),
        fields: &[field("Operator", "ada", "ada", None)],
        has_avatar: false,
        ..PLAIN
    },
    DemoAccount {
        username: "grace",
        display_name: "Grace Hopper",
        id: "109311025378160001",
        created_at: "2022-11-05T09:15:00.000Z",
        last_status_at: Some("2026-09-14"),
        locked: true,
        discoverable: false,
        note_html: "<p>It is easier to ask forgiveness than it is to get permission.</p>",
        note_plain: "It is easier to ask forgiveness than it is to get permission.",
        counts: (906, 88, 1532),
        fields: &[field("Rank", "Rear Admiral", "Rear Admiral", None)],
        privacy: "private",
        sensitive: true,
        follow_requests: 3,
        ..PLAIN
    },
    DemoAccount {
        username: "rustclub",
        display_name: "Rust Club",
        id: "109512000400300200",
        created_at: "2022-12-10T18:00:00.000Z",
        last_status_at: Some("2026-10-28"),
        group: true,
        note_html: "<p>Mention this group and your post is shared with every member.</p>",
        note_plain: "Mention this group and your post is shared with every member.",
        counts: (733, 1, 2904),
        ..PLAIN
    },
    DemoAccount {
        username: "oldada",
        display_name: "Ada (old account)",
        id: "109240000000000042",
        created_at: "2022-10-28T00:00:00.000Z",
        last_status_at: Some("2023-01-10"),
        note_html: "<p>I have moved to <span class=\"h-card\" translate=\"no\"><a href=\"{base}/@ada\" class=\"u-url mention\">@<span>ada</span></a></span>.</p>",
        note_plain: "I have moved to @ada.",
        counts: (0, 0, 12),
        moved_to: Some("ada"),
        ..PLAIN
    },
    DemoAccount {
        username: "mallory",
        display_name: "Mallory \u{1b}[31mRED\u{1b}[0m\u{1b}]0;pwned\u{7}",
        id: "109666000000000666",
        created_at: "2023-02-02T02:02:02.000Z",
        last_status_at: Some("2026-06-06"),
        note_html: "<p>Totally harmless.\u{1b}[2J\u{1b}[H<br>\u{9b}31mStill harmless.\u{1b}]52;c;aGk=\u{7}</p>",
        note_plain: "Totally harmless.\u{1b}[2J\u{1b}[H\n\u{9b}31mStill harmless.\u{1b}]52;c;aGk=\u{7}",
        counts: (6, 6, 6),
        fields: &[field("Status\u{1b}[5m", "\u{8}\u{8}\u{8}ok\r\n", "ok", None)],
        ..PLAIN
    },
];

/// Every demo account, in the order the authorize page lists them.
pub fn all() -> &'static [DemoAccount] {
    ACCOUNTS
}

pub fn find(username: &str) -> Option<&'static DemoAccount> {
    ACCOUNTS.iter().find(|a| a.username == username)
}

/// Mastodon's public Account entity.
pub(crate) fn account_json(a: &DemoAccount, base: &str) -> Value {
    let avatar = if a.has_avatar {
        format!("{base}/system/accounts/avatars/{}.png", a.username)
    } else {
        format!("{base}/avatars/original/missing.png")
    };
    let header = if a.has_header {
        format!("{base}/system/accounts/headers/{}.png", a.username)
    } else {
        format!("{base}/headers/original/missing.png")
    };
    let (followers, following, statuses) = a.counts;
    let mut v = json!({
        "id": a.id,
        "username": a.username,
        "acct": a.username,
        "display_name": a.display_name,
        "locked": a.locked,
        "bot": a.bot,
        "discoverable": a.discoverable,
        "indexable": a.discoverable,
        "group": a.group,
        "created_at": a.created_at,
        "note": a.note_html.replace("{base}", base),
        "url": format!("{base}/@{}", a.username),
        "uri": format!("{base}/users/{}", a.username),
        "avatar": avatar,
        "avatar_static": avatar,
        "header": header,
        "header_static": header,
        "followers_count": followers,
        "following_count": following,
        "statuses_count": statuses,
        "last_status_at": a.last_status_at,
        "hide_collections": false,
        "noindex": !a.discoverable,
        "emojis": a.emojis.iter().map(|e| emoji_json(e, base)).collect::<Vec<_>>(),
        "roles": if a.admin { json!([{ "id": "2", "name": "Admin", "color": "" }]) } else { json!([]) },
        "fields": a.fields.iter().map(|f| json!({
            "name": f.name, "value": f.value_html, "verified_at": f.verified_at,
        })).collect::<Vec<_>>(),
    });
    if let (Some(target), Value::Object(map)) = (a.moved_to.and_then(find), &mut v) {
        map.insert("moved".into(), account_json(target, base));
    }
    v
}

/// Mastodon's CredentialAccount: the Account plus `source` and `role`, as verify_credentials
/// answers for the token's own account.
pub(crate) fn credential_json(a: &DemoAccount, base: &str) -> Value {
    let mut v = account_json(a, base);
    let role = if a.admin {
        json!({ "id": "2", "name": "Admin", "permissions": "1048574", "color": "", "highlighted": true })
    } else {
        // Mastodon's implicit "everyone" role, which every CredentialAccount carries.
        json!({ "id": "-99", "name": "", "permissions": "65536", "color": "", "highlighted": false })
    };
    let source = json!({
        "privacy": a.privacy,
        "sensitive": a.sensitive,
        "language": a.language,
        "note": a.note_plain,
        "fields": a.fields.iter().map(|f| json!({
            "name": f.name, "value": f.value_plain, "verified_at": f.verified_at,
        })).collect::<Vec<_>>(),
        "follow_requests_count": a.follow_requests,
        "hide_collections": false,
        "discoverable": a.discoverable,
        "indexable": a.discoverable,
        "attribution_domains": [],
    });
    if let Value::Object(map) = &mut v {
        map.insert("source".into(), source);
        map.insert("role".into(), role);
    }
    v
}

fn emoji_json(shortcode: &str, base: &str) -> Value {
    json!({
        "shortcode": shortcode,
        "url": format!("{base}/system/custom_emojis/images/{shortcode}.png"),
        "static_url": format!("{base}/system/custom_emojis/images/static/{shortcode}.png"),
        "visible_in_picker": true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_unique_and_moves_point_at_real_accounts() {
        for (i, a) in ACCOUNTS.iter().enumerate() {
            assert!(ACCOUNTS[i + 1..].iter().all(|b| b.username != a.username));
            assert!(a.moved_to.is_none_or(|m| find(m).is_some()));
        }
    }

    #[test]
    fn credential_account_shape() {
        let v = credential_json(find("ada").unwrap(), "http://h");
        assert_eq!(v["acct"], "ada");
        assert_eq!(v["role"]["name"], "Admin");
        assert_eq!(v["source"]["privacy"], "unlisted");
        assert!(v["note"].as_str().unwrap().contains("href=\"http://h/@grace\""));
        assert!(v["fields"][0]["verified_at"].is_string());
        assert!(v["fields"][1]["verified_at"].is_null());
        let old = credential_json(find("oldada").unwrap(), "http://h");
        assert_eq!(old["moved"]["username"], "ada");
        assert!(old["moved"].get("source").is_none());
        assert_eq!(credential_json(find("hanako").unwrap(), "http://h")["emojis"][0]["shortcode"], "sakura");
    }
}
