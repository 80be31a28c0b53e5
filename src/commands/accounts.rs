//! `mastokey accounts [--json]`: the saved logins as a table, or as JSON without their tokens.

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Failure, open_store, saved_logins, terminal_safe_json, warn};
use crate::sanitize::clean;
use crate::store::Login;

/// What `--json` shows of a login: everything but the token.
#[derive(Serialize)]
struct LoginView<'a> {
    acct: &'a str,
    server: &'a str,
    account_id: &'a str,
    display_name: &'a str,
    scopes_granted: &'a [String],
    scopes_requested: &'a [String],
    client_id: &'a str,
    created_at: &'a str,
    last_verified: Option<&'a str>,
}

impl<'a> From<&'a Login> for LoginView<'a> {
    fn from(l: &'a Login) -> Self {
        LoginView {
            acct: &l.acct,
            server: l.server.as_str(),
            account_id: &l.account_id,
            display_name: &l.display_name,
            scopes_granted: &l.scopes_granted,
            scopes_requested: &l.scopes_requested,
            client_id: &l.client_id,
            created_at: &l.created_at,
            last_verified: l.last_verified.as_deref(),
        }
    }
}

pub(super) fn run(json: bool) -> Result<String, Failure> {
    let store = open_store()?;
    let logins = saved_logins(&store)?;
    if json {
        let views: Vec<LoginView<'_>> = logins.iter().map(LoginView::from).collect();
        let text = serde_json::to_string_pretty(&views)
            .map_err(|e| Failure::new(super::Exit::Failed, crate::tr!("cmd-json-failed", error = e.to_string())))?;
        return Ok(terminal_safe_json(&text) + "\n");
    }
    if logins.is_empty() {
        // Not an error: the list is just empty. Say so where a person sees it, not on stdout.
        warn(&crate::tr!("accounts-none-saved", dir = store.dir().display().to_string()));
        return Ok(String::new());
    }
    Ok(table(&logins))
}

/// Columns padded by display width (wide characters count double); the scopes come last since
/// they are the longest and the only column that may wrap.
fn table(logins: &[Login]) -> String {
    let header = ["accounts-col-account", "accounts-col-verified", "accounts-col-server", "accounts-col-scopes"]
        .map(crate::i18n::text);
    let rows: Vec<[String; 4]> = logins
        .iter()
        .map(|l| {
            [
                format!("@{}", clean(&l.acct)),
                l.last_verified.as_deref().map_or_else(|| crate::tr!("accounts-never"), when),
                clean(l.server.as_str()),
                clean(&l.scopes_granted.join(" ")),
            ]
        })
        .collect();
    let widths: Vec<usize> =
        (0..3).map(|i| rows.iter().chain([&header]).map(|r| r[i].width()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in [&header].into_iter().chain(&rows) {
        for (cell, width) in row.iter().zip(&widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.width() + 2));
        }
        out.push_str(&row[3]);
        out.push('\n');
    }
    out
}

/// `2026-11-23T14:05:09Z` → `2026-11-23 14:05 UTC`; anything else is shown as saved.
fn when(rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    match time::OffsetDateTime::parse(rfc3339, &Rfc3339) {
        Ok(t) => t
            .to_offset(time::UtcOffset::UTC)
            .format(time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC"))
            .unwrap_or_else(|_| clean(rfc3339)),
        Err(_) => clean(rfc3339),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn login(acct: &str, verified: Option<&str>) -> Login {
        Login {
            server: "https://example.social".into(),
            account_id: "1".into(),
            acct: acct.into(),
            display_name: String::new(),
            token: Secret::new("tok-0123456789"),
            scopes_granted: vec!["read".into(), "write:statuses".into()],
            scopes_requested: vec!["read".into()],
            client_id: "cid".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            last_verified: verified.map(str::to_owned),
        }
    }

    #[test]
    fn table_aligns_wide_names_and_hides_tokens() {
        let text = table(&[
            login("ada@example.social", Some("2026-11-23T14:05:09+01:00")),
            login("日本語@example.social", None),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "ACCOUNT                 LAST VERIFIED         SERVER                  SCOPES");
        assert_eq!(
            lines[1],
            "@ada@example.social     2026-11-23 13:05 UTC  https://example.social  read write:statuses"
        );
        assert_eq!(
            lines[2],
            "@日本語@example.social  never                 https://example.social  read write:statuses"
        );
        assert!(!text.contains("tok-"));
    }

    #[test]
    fn control_characters_from_the_file_do_not_reach_the_terminal() {
        let text = table(&[login("ada\u{1b}]0;pwned\u{7}@example.social", Some("\u{1b}[2Jsoon"))]);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    }
}
