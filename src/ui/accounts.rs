//! Screen 6: every saved login, with its scopes and when its token was last checked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::{HitMap, Theme, fit};
use crate::app::keys::{Command, key_for};
use crate::app::logins::{SavedLogin, TokenStatus};
use crate::app::{App, ScreenId, Target};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut HitMap) {
    let list = &app.accounts;
    let [intro, table, detail] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(3), Constraint::Length(4)]).areas(area);
    let count = list.logins.len();
    let add = key_for(ScreenId::Accounts, Command::NewLogin).unwrap_or_default();
    let plural = if count == 1 { "" } else { "s" };
    let intro_text = format!("{count} saved login{plural}. Choose one, or press {add} to add another.");
    frame.render_widget(Paragraph::new(Line::styled(intro_text, theme.bold())), intro);
    let block = Block::bordered().border_type(BorderType::Rounded).title(" Logins ").border_style(theme.dim());
    let inner = block.inner(table);
    frame.render_widget(block, table);
    let height = inner.height as usize;
    let offset = list.cursor.saturating_sub(height.saturating_sub(1));
    // Display columns, so wide (Japanese, IDN) handles keep the columns after them aligned.
    let acct_width = list.logins.iter().map(|s| s.login.acct.width() + 1).max().unwrap_or(0).min(MAX_ACCT_WIDTH);
    let mut lines = Vec::new();
    for (i, saved) in list.logins.iter().enumerate().skip(offset).take(height) {
        let line = row(saved, acct_width, theme);
        lines.push(if i == list.cursor { line.style(theme.selected()) } else { line });
        hits.add(Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1), Target::AccountRow(i));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(saved) = list.current() {
        let l = &saved.login;
        let text = vec![
            Line::from(vec![Span::styled("Server      ", theme.dim()), Span::raw(l.server.to_string())]),
            Line::from(vec![Span::styled("Scopes      ", theme.dim()), Span::raw(l.scopes_granted.join(" "))]),
            Line::from(vec![Span::styled("Logged in   ", theme.dim()), Span::raw(day(&l.created_at))]),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), detail);
    }
}

/// A longer handle is cut (with `…`) rather than pushing the other columns out of line.
const MAX_ACCT_WIDTH: usize = 40;

fn row(saved: &SavedLogin, acct_width: usize, theme: &Theme) -> Line<'static> {
    let l = &saved.login;
    let acct = fit::text(&format!("@{}", l.acct), acct_width);
    let pad = " ".repeat(acct_width + 2 - acct.width());
    let (mark, style) = match &saved.status {
        TokenStatus::Valid => ("✓ works", theme.success()),
        TokenStatus::Rejected => ("✗ revoked", theme.error()),
        TokenStatus::Unknown(_) => ("? unchecked", theme.warning()),
        TokenStatus::NotChecked => ("", theme.dim()),
    };
    let verified =
        l.last_verified.as_deref().map(|v| format!("checked {}", day(v))).unwrap_or_else(|| "never checked".into());
    Line::from(vec![
        Span::styled(format!(" {acct}{pad}"), theme.bold()),
        Span::styled(format!("{:<24}", short_scopes(&l.scopes_granted)), theme.accent()),
        Span::styled(format!("{verified:<19}"), theme.dim()),
        Span::styled(mark, style),
    ])
}

/// Scopes in one short cell: the first few, then how many more.
fn short_scopes(scopes: &[String]) -> String {
    let joined = scopes.join(" ");
    if joined.chars().count() <= 22 {
        return joined;
    }
    let mut out = String::new();
    for (i, s) in scopes.iter().enumerate() {
        if out.chars().count() + s.chars().count() + 8 > 22 {
            return format!("{out}+{} more", scopes.len() - i);
        }
        out.push_str(s);
        out.push(' ');
    }
    out
}

fn day(rfc3339: &str) -> String {
    crate::sanitize::clean(rfc3339.get(..10).unwrap_or(rfc3339))
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
