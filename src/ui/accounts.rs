//! Screen 6: every saved login, with its scopes and when its token was last checked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use unicode_width::UnicodeWidthStr;

use super::{HitMap, Theme, fit};
use crate::app::keys::{Command, key_for};
use crate::app::logins::{SavedLogin, TokenStatus};
use crate::app::{App, ScreenId, Target};
use crate::tr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut HitMap) {
    let list = &app.accounts;
    let [intro, table, detail] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(3), Constraint::Length(4)]).areas(area);
    let count = list.logins.len();
    let add = key_for(ScreenId::Accounts, Command::NewLogin).unwrap_or_default();
    let intro_text = tr!("accounts-intro", count = count, key = add);
    super::wrap::paragraph(frame, intro, vec![Line::styled(intro_text, theme.bold())]);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {} ", tr!("accounts-title")))
        .border_style(theme.dim());
    let inner = block.inner(table);
    frame.render_widget(block, table);
    let height = inner.height as usize;
    let offset = list.cursor.saturating_sub(height.saturating_sub(1));
    let columns = Columns::fitting(list, usize::from(inner.width));
    let mut lines = Vec::new();
    for (i, saved) in list.logins.iter().enumerate().skip(offset).take(height) {
        let line = row(saved, list.is_default(&saved.login), &columns, theme);
        lines.push(if i == list.cursor { line.style(theme.selected()) } else { line });
        hits.add(Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1), Target::AccountRow(i));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(saved) = list.current() {
        let l = &saved.login;
        let mut logged_in = vec![detail_label("accounts-logged-in", theme), Span::raw(day(&l.created_at))];
        if l.made_elsewhere() {
            logged_in.push(Span::styled(format!(" · {}", tr!("accounts-made-elsewhere")), theme.dim()));
        }
        if list.is_default(l) {
            logged_in.push(Span::styled(format!(" · {}", tr!("accounts-is-default")), theme.accent()));
        }
        let text = vec![
            Line::from(vec![detail_label("accounts-server", theme), Span::raw(l.server.to_string())]),
            Line::from(vec![detail_label("accounts-scopes", theme), Span::raw(scopes_of(l))]),
            Line::from(logged_in),
        ];
        super::wrap::paragraph(frame, detail, text);
    }
}

/// A longer handle is cut (with `…`) rather than pushing the other columns out of line.
const MAX_ACCT_WIDTH: usize = 40;

/// The widths of the list's columns, in display columns (wide characters count double, so
/// Japanese and IDN handles keep the columns after them aligned), made to fit the row: the
/// scopes column gives way first, then the date of the last check goes, then the handle is cut.
struct Columns {
    acct: usize,
    scopes: usize,
    verified: Option<usize>,
}

impl Columns {
    fn fitting(list: &crate::app::logins::AccountsList, width: usize) -> Self {
        let acct_natural = list.logins.iter().map(|s| s.login.acct.width() + 1).max().unwrap_or(0).min(MAX_ACCT_WIDTH);
        let status = ["accounts-status-works", "accounts-status-revoked", "accounts-status-unchecked"]
            .iter()
            .map(|id| crate::i18n::text(id).width() + 2)
            .max()
            .unwrap_or(0);
        // As wide as the longest list of scopes needs, up to 24 (longer lists are shortened).
        let scopes_natural = list.logins.iter().map(|s| scopes_of(&s.login).width() + 2).max().unwrap_or(0).min(24);
        let (mut acct, mut scopes, verified) = (acct_natural, scopes_natural, verified_width());
        // The leading space, the gap after the handle, and the status.
        let fixed = 1 + 2 + status;
        let over = (fixed + acct + scopes + verified).saturating_sub(width);
        scopes -= over.min(scopes.saturating_sub(10));
        if fixed + acct + scopes + verified <= width {
            return Self { acct, scopes, verified: Some(verified) };
        }
        // The handle names the login: the date of the last check goes before it is cut.
        let over = (fixed + acct + scopes).saturating_sub(width);
        acct -= over.min(acct.saturating_sub(12));
        let room = width.saturating_sub(fixed + acct + scopes);
        Self { acct, scopes: scopes + room.min(scopes_natural.saturating_sub(scopes)), verified: None }
    }
}

/// The login's scopes, or that they are unknown (a token made elsewhere whose server did not say).
fn scopes_of(login: &crate::store::Login) -> String {
    if login.scopes_known() { login.scopes_granted.join(" ") } else { tr!("accounts-scopes-unknown") }
}

/// One login; `*` in the first column marks the default account.
fn row(saved: &SavedLogin, is_default: bool, columns: &Columns, theme: &Theme) -> Line<'static> {
    let l = &saved.login;
    let acct = fit::text(&format!("@{}", l.acct), columns.acct);
    let pad = " ".repeat(columns.acct + 2 - acct.width());
    let (mark, style) = match &saved.status {
        TokenStatus::Valid => (format!("✓ {}", tr!("accounts-status-works")), theme.success()),
        TokenStatus::Rejected => (format!("✗ {}", tr!("accounts-status-revoked")), theme.error()),
        TokenStatus::Unknown(_) => (format!("? {}", tr!("accounts-status-unchecked")), theme.warning()),
        TokenStatus::NotChecked => (String::new(), theme.dim()),
    };
    let shown_scopes = if l.scopes_known() {
        short_scopes(&l.scopes_granted, columns.scopes - 2)
    } else {
        tr!("accounts-scopes-unknown")
    };
    let verified = l
        .last_verified
        .as_deref()
        .map(|v| tr!("accounts-checked", date = day(v)))
        .unwrap_or_else(|| tr!("accounts-never-checked"));
    let mut spans = vec![
        Span::styled(if is_default { "*" } else { " " }, theme.accent()),
        Span::styled(format!("{acct}{pad}"), theme.bold()),
        Span::styled(padded(&fit::text(&shown_scopes, columns.scopes - 2), columns.scopes), theme.accent()),
    ];
    if let Some(width) = columns.verified {
        spans.push(Span::styled(padded(&verified, width), theme.dim()));
    }
    spans.push(Span::styled(mark, style));
    Line::from(spans)
}

/// Scopes in one cell of `width` columns: the first few, then how many more.
fn short_scopes(scopes: &[String], width: usize) -> String {
    let joined = scopes.join(" ");
    if joined.width() <= width {
        return joined;
    }
    let mut out = String::new();
    for (i, s) in scopes.iter().enumerate() {
        let more = tr!("accounts-more-scopes", count = scopes.len()).width();
        if out.width() + s.width() + more + 1 > width {
            return format!("{out}{}", tr!("accounts-more-scopes", count = scopes.len() - i));
        }
        out.push_str(s);
        out.push(' ');
    }
    out
}

fn day(rfc3339: &str) -> String {
    crate::i18n::date(&crate::sanitize::clean(rfc3339))
}

/// Text padded with spaces to `width` display columns (wide characters count double).
fn padded(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The "checked DATE" column: as wide as this language's longest form, plus a gap.
fn verified_width() -> usize {
    let longest = tr!("accounts-checked", date = crate::i18n::date("2026-09-30")).width();
    longest.max(tr!("accounts-never-checked").width()) + 2
}

/// A label of the details under the list, padded to the widest of them.
fn detail_label(id: &str, theme: &Theme) -> Span<'static> {
    let ids = ["accounts-server", "accounts-scopes", "accounts-logged-in"];
    let width = ids.iter().map(|i| crate::i18n::text(i).width()).max().unwrap_or(0) + 2;
    Span::styled(padded(&crate::i18n::text(id), width), theme.dim())
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use unicode_width::UnicodeWidthStr;

    use crate::app::App;
    use crate::app::fixtures::{saved_login, settings};

    #[test]
    fn wide_and_long_handles_keep_the_columns_aligned() {
        let long = format!("{}@example.social", "a".repeat(60));
        let logins = vec![saved_login("1", "ada@例え.テスト"), saved_login("2", "bob@m.ex"), saved_login("3", &long)];
        let app = App::with_logins(settings(), logins);
        let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
        terminal.draw(|f| drop(crate::ui::draw(f, &app))).unwrap();
        let screen = terminal.backend().to_string();
        // Where the scopes column starts, in display columns, on each login's row.
        let columns: Vec<usize> = screen
            .lines()
            .filter(|l| l.contains("profile"))
            .filter(|l| l.contains('@'))
            .map(|l| l[..l.find("profile").unwrap()].width())
            .collect();
        assert_eq!(columns.len(), 3, "{screen}");
        assert!(columns.windows(2).all(|w| w[0] == w[1]), "{columns:?}\n{screen}");
        assert!(screen.contains("@aaaa") && screen.contains('…'), "the long handle is cut: {screen}");
    }
}
