//! Screen 5: who the token belongs to, what it may do, and where it is saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Theme, fit};
use crate::app::profile::ProfileScreen;
use crate::app::profile_view::{ProfileView, SaveState};
use crate::app::refresh::{self, RefreshReport, RefreshStage};
use crate::app::{App, NoticeKind};
use crate::avatar::{self, Avatar};
use crate::store::{Saved, TokenPlace};
use crate::tr;

/// Draws the profile; returns how far its rows can scroll at this size, once it has rows.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, profile: &ProfileScreen, theme: &Theme) -> Option<u16> {
    let Some(view) = &profile.view else {
        let line = match &profile.error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error()),
            None => Line::styled(tr!("profile-reading"), theme.dim()),
        };
        super::wrap::paragraph(frame, area, vec![line]);
        return None;
    };
    let rows = super::wrap::wrap_all(&lines(view, app, theme, area.width), area.width);
    // Scrolling stops at the last row; markers say there is more above or below.
    let height = usize::from(area.height);
    let limit = rows.len().saturating_sub(height);
    let scroll = usize::from(profile.scroll).min(limit);
    let below = rows.len().saturating_sub(scroll + height);
    frame.render_widget(Paragraph::new(rows).scroll((scroll as u16, 0)), area);
    let marker = |text: String, y: u16, frame: &mut Frame| {
        let line = Line::styled(text, theme.accent()).right_aligned();
        frame.render_widget(Paragraph::new(line), Rect::new(area.x, y, area.width, 1));
    };
    let down =
        crate::app::keys::key_for(crate::app::ScreenId::Profile, crate::app::keys::Command::Down).unwrap_or_default();
    if below > 0 {
        marker(format!(" ▼ {} ({down}) ", tr!("more-rows", count = below)), area.bottom() - 1, frame);
    }
    if scroll > 0 {
        marker(format!(" ▲ {} ", tr!("more-rows", count = scroll)), area.y, frame);
    }
    Some(u16::try_from(limit).unwrap_or(u16::MAX))
}

/// Columns the labels take: the widest of this language's, at least 22 (wide characters
/// count double), so the values after them line up.
fn label_width() -> usize {
    let ids = [
        "profile-scopes-granted",
        "profile-scopes-requested",
        "profile-saving",
        "profile-saved-in",
        "profile-token-saved-in",
        "profile-details-in",
        "default-visibility",
        "default-sensitive",
        "default-language",
    ];
    ids.iter()
        .map(|id| unicode_width::UnicodeWidthStr::width(crate::i18n::text(id).as_str()))
        .max()
        .unwrap_or(0)
        .max(20)
        + 2
}

/// A label padded to the label column (wide characters count double).
fn label(text: &str, theme: &Theme) -> Span<'static> {
    label_in(text, label_width(), theme)
}

/// A label padded to a column of `width` display columns, at least one space after it.
fn label_in(text: &str, width: usize, theme: &Theme) -> Span<'static> {
    let pad = width.saturating_sub(text.width()).max(1);
    Span::styled(format!("{text}{}", " ".repeat(pad)), theme.dim())
}

/// `1,815 followers`: the count in the language's form (in bold), the words around it as the
/// language puts them, by its plural rules.
fn count(n: u64, id: &'static str, theme: &Theme) -> Vec<Span<'static>> {
    let shown = crate::i18n::count(n);
    let text = crate::i18n::text_with(id, &[("count", n.into()), ("shown", shown.clone().into())]);
    let (before, after) = text.split_once(shown.as_str()).unwrap_or((text.as_str(), ""));
    vec![Span::raw(before.to_owned()), Span::styled(shown.clone(), theme.bold()), Span::raw(format!("{after}   "))]
}

/// Who it is first, then what the token may do and where it went (what mastokey is for), then
/// the rest of the profile.
fn lines(view: &ProfileView, app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let avatar = view.avatar.as_ref().filter(|_| usize::from(width) >= AVATAR_WIDTH + MIN_TEXT_BESIDE);
    let mut out = vec![Line::default()];
    match avatar {
        Some(avatar) => out.extend(beside_avatar(header(view, theme, true), avatar, width)),
        None => out.extend(header(view, theme, false)),
    }
    out.push(Line::default());
    out.extend(token_lines(view, app, theme));
    out.push(Line::default());
    out.extend(view.bio.lines.iter().cloned());
    out.push(Line::default());
    for f in &view.fields {
        let mark = if f.verified {
            Span::styled(format!(" ✓ {}", tr!("profile-verified")), theme.success())
        } else {
            Span::raw("")
        };
        out.push(Line::from(vec![label(&f.name, theme), Span::raw(f.value.clone()), mark]));
    }
    if !view.fields.is_empty() {
        out.push(Line::default());
    }
    for (name, value) in &view.defaults {
        out.push(Line::from(vec![label(name, theme), Span::raw(value.clone())]));
    }
    out
}

fn token_lines(view: &ProfileView, app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(tr!("profile-token"), theme.bold())];
    // A refresh's news first: what changed, and what became of the old token.
    if let Some(report) = refresh::on_profile(app) {
        out.extend(refresh_lines(report, theme));
    }
    out.extend([
        Line::from(vec![
            label(&tr!("profile-scopes-granted"), theme),
            Span::styled(view.scopes_granted.join(" "), theme.accent()),
        ]),
        Line::from(vec![label(&tr!("profile-scopes-requested"), theme), Span::raw(view.scopes_requested.join(" "))]),
    ]);
    if !view.scopes_missing.is_empty() {
        out.push(Line::styled(
            format!("⚠ {}", tr!("profile-not-granted", scopes = view.scopes_missing.join(" "))),
            theme.warning(),
        ));
    }
    match &view.saved {
        SaveState::Saving => {
            out.push(Line::from(vec![label(&tr!("profile-saving"), theme), Span::styled("…", theme.dim())]))
        }
        SaveState::Saved(saved) => out.extend(saved_lines(saved, theme)),
        SaveState::Failed(e) => out.push(Line::styled(format!("✗ {e}"), theme.error())),
    }
    if app.settings.demo.is_some() {
        out.push(Line::styled(tr!("profile-demo-login"), theme.dim()));
    }
    out
}

/// Who it is. Beside the avatar the name and handle take a line each; without it they share one.
fn header(view: &ProfileView, theme: &Theme, beside_avatar: bool) -> Vec<Line<'static>> {
    let name = Span::styled(view.display_name.clone(), theme.title());
    let handle = Span::styled(view.handle.clone(), theme.accent());
    let mut out = if beside_avatar {
        vec![Line::from(name), Line::from(handle)]
    } else {
        vec![Line::from(vec![name, Span::raw("  "), handle])]
    };
    if !view.flags.is_empty() {
        out.push(Line::styled(
            view.flags.iter().map(|f| format!("[{f}]")).collect::<Vec<_>>().join(" "),
            theme.warning(),
        ));
    }
    if let Some(to) = &view.moved_to {
        out.push(Line::styled(tr!("profile-moved", account = to), theme.warning()));
    }
    let counts = [
        count(view.posts, "profile-posts", theme),
        count(view.following, "profile-following", theme),
        count(view.followers, "profile-followers", theme),
    ];
    out.push(Line::from(counts.into_iter().flatten().collect::<Vec<_>>()));
    // Their own label column, narrower than the one below: beside the avatar the dates need room.
    let (joined, last_post) = (tr!("profile-joined"), tr!("profile-last-post"));
    let column = joined.width().max(last_post.width()) + 2;
    out.push(Line::from(vec![label_in(&joined, column, theme), Span::raw(view.joined.clone())]));
    out.push(Line::from(vec![
        label_in(&last_post, column, theme),
        Span::raw(view.last_post.clone().unwrap_or_else(|| tr!("profile-never"))),
    ]));
    out
}

/// Columns the avatar takes with the gap after it.
const AVATAR_WIDTH: usize = avatar::COLUMNS as usize + 2;
/// Columns the header needs beside the avatar for the avatar to be worth showing.
const MIN_TEXT_BESIDE: usize = 30;

/// The avatar's rows on the left, the header lines on the right, each cut to the width so that
/// nothing wraps under the picture.
fn beside_avatar(header: Vec<Line<'static>>, avatar: &Avatar, width: u16) -> Vec<Line<'static>> {
    let room = usize::from(width).saturating_sub(AVATAR_WIDTH);
    let rows = header.len().max(avatar.lines.len());
    let mut header = header.into_iter();
    (0..rows)
        .map(|row| {
            let mut spans = match avatar.lines.get(row) {
                Some(cells) => cells.spans.clone(),
                None => vec![Span::raw(" ".repeat(avatar::COLUMNS as usize))],
            };
            spans.push(Span::raw("  "));
            if let Some(line) = header.next() {
                spans.extend(fit::line(line, room).spans);
            }
            Line::from(spans)
        })
        .collect()
}

/// Where the login went; when the keyring was asked for and not used, why, in plain sight.
fn saved_lines(saved: &Saved, theme: &Theme) -> Vec<Line<'static>> {
    let path = saved.path.display().to_string();
    match &saved.token_in {
        TokenPlace::File => {
            vec![Line::from(vec![label(&tr!("profile-saved-in"), theme), Span::styled(path, theme.success())])]
        }
        TokenPlace::Keyring => vec![
            Line::from(vec![
                label(&tr!("profile-token-saved-in"), theme),
                Span::styled(tr!("profile-keyring"), theme.success()),
            ]),
            Line::from(vec![label(&tr!("profile-details-in"), theme), Span::styled(path, theme.success())]),
        ],
        TokenPlace::FileInstead(why) => {
            // "No keyring service is running (…)" or "The system keyring could not be used: …".
            let why = why.to_string();
            let mut chars = why.chars();
            let why: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            vec![
                Line::from(vec![label(&tr!("profile-saved-in"), theme), Span::styled(path, theme.success())]),
                Line::styled(format!("⚠ {}", tr!("profile-keyring-fallback", reason = why)), theme.warning()),
            ]
        }
    }
}

/// What a refresh changed, and what became of the old token.
fn refresh_lines(report: &RefreshReport, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !matches!(report.stage, RefreshStage::OtherAccount(_)) {
        out.push(Line::styled(format!("↻ {}", refresh::change_line(report)), theme.accent()));
    }
    if report.saved_anew {
        out.push(Line::styled(format!("⚠ {}", tr!("refresh-saved-anew", account = &report.old.acct)), theme.warning()));
    }
    let (kind, text) = refresh::stage_notice(report);
    let (mark, style) = match (&report.stage, kind) {
        (RefreshStage::Saving, _) => return out,
        (RefreshStage::Revoking, _) => ("…", theme.dim()),
        (_, NoticeKind::Success) => ("✓", theme.success()),
        _ => ("⚠", theme.warning()),
    };
    out.push(Line::styled(format!("{mark} {text}"), style));
    out
}
