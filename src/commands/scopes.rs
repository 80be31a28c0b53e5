//! `mastokey scopes`: the scope catalogue with what each scope allows, for choosing `--scopes`
//! without opening the scopes screen.

use ratatui::text::Line;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Exit, Failure};
use crate::i18n::{self, Lang};
use crate::mastodon::scopes::{CATALOGUE, ScopeInfo};
use crate::tr;

/// One scope in `--json`: the same keys and the English description whatever the language, so
/// scripts read the same thing everywhere.
#[derive(Serialize)]
struct ScopeView {
    name: &'static str,
    parent: Option<&'static str>,
    admin: bool,
    deprecated: bool,
    /// The oldest Mastodon version that knows the scope, when it is newer than 3.5.
    since: Option<&'static str>,
    description: String,
}

/// `width`: the terminal's, to wrap descriptions under their scope; `None` when stdout is not a
/// terminal, where each scope stays on one line for grep.
pub(super) fn run(json: bool, width: Option<u16>) -> Result<String, Failure> {
    if json {
        let views: Vec<ScopeView> = i18n::with(Lang::En, || CATALOGUE.iter().map(view).collect());
        let text = serde_json::to_string_pretty(&views)
            .map_err(|e| Failure::new(Exit::Failed, crate::tr!("cmd-json-failed", error = e.to_string())))?;
        return Ok(text + "\n");
    }
    Ok(table(width))
}

fn view(scope: &ScopeInfo) -> ScopeView {
    ScopeView {
        name: scope.name,
        parent: scope.parent,
        admin: scope.is_admin(),
        deprecated: scope.deprecated,
        since: scope.since,
        description: scope.description(),
    }
}

/// Children indented under their parent, then the description; a note for what is deprecated,
/// new or for admins.
fn table(width: Option<u16>) -> String {
    let name = |s: &ScopeInfo| if s.parent.is_some() { format!("  {}", s.name) } else { s.name.to_owned() };
    let column = CATALOGUE.iter().map(|s| name(s).width()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for scope in CATALOGUE {
        let mut text = scope.description();
        if scope.deprecated {
            text = format!("{} {text}", tr!("scope-deprecated-mark"));
        }
        if let Some(version) = scope.since {
            text.push(' ');
            text.push_str(&tr!("scopes-since", version = version));
        }
        let mut paragraphs = vec![text];
        if scope.is_admin() && scope.parent.is_none() {
            paragraphs.push(tr!("scope-admin-warning"));
        }
        let label = name(scope);
        match width {
            None => push_beside(&mut out, &label, column, &paragraphs),
            Some(width) if usize::from(width) >= column + 30 => {
                push_beside(&mut out, &label, column, &wrap(&paragraphs, width - column as u16))
            }
            // Too narrow for two columns: the meaning goes under the name, indented.
            Some(width) => {
                out.push_str(&format!("{label}\n"));
                for row in wrap(&paragraphs, width.saturating_sub(INDENT as u16)) {
                    out.push_str(&format!("{}{}\n", " ".repeat(INDENT), row.trim_end()));
                }
            }
        }
    }
    let usage = [tr!("scopes-usage")];
    let usage = match width {
        Some(width) => wrap(&usage, width),
        None => usage.to_vec(),
    };
    out.push('\n');
    for row in usage {
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

const INDENT: usize = 4;

/// The label in its column, then the rows beside it.
fn push_beside(out: &mut String, label: &str, column: usize, rows: &[String]) {
    for (i, row) in rows.iter().enumerate() {
        let left = if i == 0 { label } else { "" };
        out.push_str(&format!("{left}{}{}\n", " ".repeat(column - left.width()), row.trim_end()));
    }
}

/// Paragraphs wrapped to `width` columns, as the screens wrap them (Japanese between characters).
fn wrap(paragraphs: &[String], width: u16) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| crate::ui::wrap::wrap(&Line::raw(p.clone()), width))
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scope_is_listed_under_its_parent_with_its_meaning() {
        let text = i18n::with(Lang::En, || table(None));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.iter().filter(|l| !l.is_empty() && !l.starts_with(' ')).count(), 7 + 1, "top scopes + usage");
        let accounts = lines.iter().find(|l| l.starts_with("  read:accounts ")).expect("a child, indented");
        assert!(accounts.contains("See account profiles"), "{accounts}");
        let follow = lines.iter().find(|l| l.starts_with("follow ")).unwrap();
        assert!(follow.contains("(deprecated)"), "{follow}");
        assert!(text.contains("--scopes"), "says how to use them");
        let admin = CATALOGUE.iter().filter(|s| s.is_admin() && s.parent.is_none()).count();
        assert_eq!(lines.len(), CATALOGUE.len() + admin + 2, "one line each when not on a terminal");
        assert!(lines.iter().any(|l| l.trim_start().starts_with("Admin scope:")), "the admin warning on its own line");
    }

    #[test]
    fn on_a_terminal_descriptions_wrap_to_its_width() {
        for (lang, width) in [(Lang::Ja, 60), (Lang::Fr, 60), (Lang::Ja, 100), (Lang::En, 80)] {
            let text = i18n::with(lang, || table(Some(width)));
            for line in text.lines() {
                assert!(line.width() <= usize::from(width), "{line:?} is {} wide", line.width());
            }
        }
        let wide = i18n::with(Lang::Ja, || table(Some(100)));
        let profile = wide.lines().find(|l| l.starts_with("profile ")).unwrap();
        assert!(profile.contains("本人確認"), "beside the name, in the run's language: {profile}");
        let narrow = i18n::with(Lang::En, || table(Some(60)));
        let at = narrow.lines().position(|l| l == "profile").expect("the name alone on its row");
        assert!(narrow.lines().nth(at + 1).unwrap().starts_with("    Only who you are"), "{narrow}");
    }

    #[test]
    fn json_is_the_same_in_every_language() {
        let en = i18n::with(Lang::En, || run(true, None)).unwrap();
        let ja = i18n::with(Lang::Ja, || run(true, Some(80))).unwrap();
        assert_eq!(en, ja);
        let parsed: serde_json::Value = serde_json::from_str(&en).unwrap();
        assert_eq!(parsed.as_array().map(Vec::len), Some(CATALOGUE.len()));
        assert_eq!(parsed[0]["name"], "profile");
        assert_eq!(parsed[2]["parent"], "read");
    }
}
