//! `mastokey accounts [--json]`: the saved logins as a table, or as JSON without their tokens.

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Failure, open_store, storage_failure, terminal_safe_json, warn};
use crate::sanitize::clean;
use crate::store::{DefaultAccount, Loaded, Login};

/// What `--json` shows of a login: everything but the token, and whether it is the default.
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
    default: bool,
    /// Saved with `login --with-token`: no registration of mastokey's, so not revocable here.
    made_elsewhere: bool,
    /// `false` when the token was made elsewhere and its server did not say its scopes.
    scopes_known: bool,
}

impl<'a> LoginView<'a> {
    fn new(l: &'a Login, default: Option<&DefaultAccount>) -> Self {
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
            default: default.is_some_and(|d| d.is(l)),
            made_elsewhere: l.made_elsewhere(),
            scopes_known: l.scopes_known(),
        }
    }
}

pub(super) fn run(json: bool) -> Result<String, Failure> {
    let store = open_store()?;
    let Loaded { logins, default, .. } = store.load_logins().map_err(storage_failure)?;
    let default = default.as_ref();
    if json {
        let views: Vec<LoginView<'_>> = logins.iter().map(|l| LoginView::new(l, default)).collect();
        let text = serde_json::to_string_pretty(&views)
            .map_err(|e| Failure::new(super::Exit::Failed, crate::tr!("cmd-json-failed", error = e.to_string())))?;
        return Ok(terminal_safe_json(&text) + "\n");
    }
    if logins.is_empty() {
        // Not an error: the list is just empty. Say so where a person sees it, not on stdout.
        warn(&crate::tr!("accounts-none-saved", dir = store.dir().display().to_string()));
        return Ok(String::new());
    }
    Ok(table(&logins, default))
}

/// The saved logins, one per row; `*` marks the default (when there is one).
fn table(logins: &[Login], default: Option<&DefaultAccount>) -> String {
    let header = ["accounts-col-account", "accounts-col-verified", "accounts-col-server", "accounts-col-scopes"]
        .map(crate::i18n::text);
    let rows: Vec<[String; 4]> = logins
        .iter()
        .map(|l| {
            [
                handle(l, default),
                l.last_verified.as_deref().map_or_else(|| crate::tr!("accounts-never"), when),
                clean(l.server.as_str()),
                scopes(l),
            ]
        })
        .collect();
    columns(header, &rows, default.is_some())
}

/// The scopes granted, or that they are unknown (a token made elsewhere whose server did not say).
pub(super) fn scopes(login: &Login) -> String {
    if login.scopes_known() { clean(&login.scopes_granted.join(" ")) } else { crate::tr!("accounts-scopes-unknown") }
}

/// `@user@domain`, with `*` before it for the default account.
pub(super) fn handle(login: &Login, default: Option<&DefaultAccount>) -> String {
    let mark = if default.is_some_and(|d| d.is(login)) { "* " } else { "" };
    format!("{mark}@{}", clean(&login.acct))
}

/// Columns padded by display width (wide characters count double); the last column (the
/// scopes, the longest and the only one that may wrap) is not padded. With `marked`, rows
/// without the default's `* ` are indented to line up with it, as `git branch` does.
pub(super) fn columns<const N: usize>(header: [String; N], rows: &[[String; N]], marked: bool) -> String {
    let indent = |cell: &str| if marked && !cell.starts_with("* ") { format!("  {cell}") } else { cell.to_owned() };
    let lines: Vec<[String; N]> = [header]
        .iter()
        .chain(rows)
        .map(|row| {
            let mut row = row.clone();
            row[0] = indent(&row[0]);
            row
        })
        .collect();
    let widths: Vec<usize> = (0..N - 1).map(|i| lines.iter().map(|r| r[i].width()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in &lines {
        for (cell, width) in row.iter().zip(&widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.width() + 2));
        }
        out.push_str(&row[N - 1]);
        out.push('\n');
    }
    out
}

/// `2026-11-23T14:05:09Z` → `Nov 23, 2026 14:05 UTC` (the date as the language writes it:
/// `2026年11月23日`, `23 novembre 2026`); anything else is shown as saved. `--json` keeps the
/// saved RFC 3339 time.
pub(super) fn when(rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    let Ok(t) = time::OffsetDateTime::parse(rfc3339, &Rfc3339) else { return clean(rfc3339) };
    let t = t.to_offset(time::UtcOffset::UTC);
    let day = format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day());
    format!("{} {:02}:{:02} UTC", crate::i18n::date(&day), t.hour(), t.minute())
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
        let text = table(
            &[login("ada@example.social", Some("2026-11-23T14:05:09+01:00")), login("日本語@example.social", None)],
            None,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "ACCOUNT                 LAST VERIFIED           SERVER                  SCOPES");
        assert_eq!(
            lines[1],
            "@ada@example.social     Nov 23, 2026 13:05 UTC  https://example.social  read write:statuses"
        );
        assert_eq!(
            lines[2],
            "@日本語@example.social  never                   https://example.social  read write:statuses"
        );
        assert!(!text.contains("tok-"));
    }

    #[test]
    fn times_are_written_the_languages_way_in_utc() {
        use crate::i18n::{self, Lang};
        let at = "2026-11-01T23:30:00-02:00";
        assert_eq!(i18n::with(Lang::En, || when(at)), "Nov 2, 2026 01:30 UTC");
        assert_eq!(i18n::with(Lang::Ja, || when(at)), "2026年11月2日 01:30 UTC");
        assert_eq!(i18n::with(Lang::Fr, || when("2026-12-01T08:00:00Z")), "1er décembre 2026 08:00 UTC");
        assert_eq!(
            when("not a time\u{1b}]0;x\u{7}"),
            "not a time",
            "anything else, cleaned (an OSC sequence goes whole)"
        );
    }

    #[test]
    fn the_default_is_marked_and_the_others_line_up() {
        let mut bob = login("bob@example.social", None);
        bob.account_id = "2".into();
        let ada = login("ada@example.social", None);
        let text = table(&[ada, bob.clone()], Some(&DefaultAccount::of(&bob)));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("  ACCOUNT  "), "{text}");
        assert!(lines[1].starts_with("  @ada@example.social  "), "{text}");
        assert!(lines[2].starts_with("* @bob@example.social  "), "{text}");
        assert_eq!(lines[1].find("never"), lines[2].find("never"));
    }

    #[test]
    fn control_characters_from_the_file_do_not_reach_the_terminal() {
        let text = table(&[login("ada\u{1b}]0;pwned\u{7}@example.social", Some("\u{1b}[2Jsoon"))], None);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    }
}
