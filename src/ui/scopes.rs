//! Screen 2: the scope tree, the explanation of the highlighted scope and the scope string.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap::{clip, keep_what_fits, wrap, wrap_all};
use super::{HitMap, Theme};
use crate::app::scope_tree::{Check, Preset, Row, ScopeTree};
use crate::app::{Flow, Target};
use crate::mastodon::ServerInfo;
use crate::tr;

pub fn draw(frame: &mut Frame, area: Rect, flow: &Flow, theme: &Theme, hits: &mut HitMap) {
    let card = card_lines(&flow.server, theme, area.width, area.height >= 24);
    let chosen = flow.tree.selected();
    let text = if chosen.is_empty() { tr!("scopes-nothing-chosen") } else { chosen.join(" ") };
    // The exact scope string is always shown in full: its box grows, the tree shrinks (it scrolls).
    let string_lines = wrap(&Line::styled(text, theme.accent()), area.width.saturating_sub(2));
    let wide = area.width >= 90;
    let mut explained = description_lines(&flow.tree, theme, !wide);
    let explained_lines: Vec<Line> = explained.iter().map(|(_, line)| line.clone()).collect();
    // Beside the tree when wide; else under it, with every row its wrapped text needs, and
    // with the presets spelled out (a note, as the others) when the tree's border has no room.
    let presets_in_border = presets_text().width() + 14 <= usize::from(if wide { area.width / 2 } else { area.width });
    if !wide && !presets_in_border {
        explained.push((1, Line::styled(tr!("scopes-presets", presets = presets_text().trim()), theme.dim())));
    }
    let mut explained_rows = if wide {
        Vec::new()
    } else {
        wrap_all(&explained.iter().map(|(_, line)| line.clone()).collect::<Vec<_>>(), area.width)
    };
    let fixed = card.len() + string_lines.len() + 2 + explained_rows.len();
    // A blank row under the card only while the tree still shows three rows.
    let spacer = usize::from(area.height) >= fixed + 1 + 5;
    let [card_area, main, string] = Layout::vertical([
        Constraint::Length((card.len() + usize::from(spacer)) as u16),
        Constraint::Fill(1),
        Constraint::Length(string_lines.len() as u16 + 2),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(card), card_area);
    if wide {
        let [list, side] = Layout::horizontal([Constraint::Percentage(50), Constraint::Min(30)]).areas(main);
        tree(frame, list, &flow.tree, theme, hits);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .title(format!(" {} ", tr!("scopes-what-it-allows")))
            .border_style(theme.dim());
        let inner = block.inner(side);
        frame.render_widget(block, side);
        super::wrap::paragraph(frame, inner, explained_lines);
    } else {
        // The tree keeps one row (three with its borders). Where the rest does not fit, the
        // notes under the description give way first, whole (as side remarks do elsewhere);
        // the description itself, if it must be cut, ends in a marker that says so.
        let room = usize::from(main.height.saturating_sub(3));
        if explained_rows.len() > room && room > 0 {
            let essentials: Vec<Line> = explained.iter().filter(|(p, _)| *p > 1).map(|(_, l)| l.clone()).collect();
            let mut essentials = wrap_all(&essentials, area.width);
            explained_rows = if essentials.len() <= room {
                keep_what_fits(explained.clone(), area.width, room as u16)
            } else {
                let cut =
                    wrap(&Line::styled(format!("… {}", tr!("scopes-description-cut")), theme.accent()), area.width);
                essentials.truncate(room.saturating_sub(cut.len()));
                essentials.extend(cut);
                essentials
            };
        }
        let [list, side] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(explained_rows.len() as u16)]).areas(main);
        tree(frame, list, &flow.tree, theme, hits);
        frame.render_widget(Paragraph::new(explained_rows), side);
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {} ", tr!("scopes-string-title")))
        .border_style(theme.dim());
    frame.render_widget(Paragraph::new(string_lines).block(block), string);
}

/// What discovery found, wrapped to `width`: the facts and what was adapted always in full, the
/// server's own description (two rows at most) only when `roomy`.
fn card_lines(server: &ServerInfo, theme: &Theme, width: u16, roomy: bool) -> Vec<Line<'static>> {
    let card = &server.card;
    let title = if card.title.is_empty() { server.address.shown.clone() } else { card.title.clone() };
    let mut facts = vec![server.software().label()];
    if let Some(users) = card.users {
        facts.push(tr!("card-active-users", count = users, shown = crate::i18n::count(users)));
    }
    match card.registrations_open {
        Some(true) if card.approval_required == Some(true) => facts.push(tr!("card-signups-approval")),
        Some(true) => facts.push(tr!("card-signups-open")),
        Some(false) => facts.push(tr!("card-signups-closed")),
        None => {}
    }
    if server.supports_pkce() {
        facts.push("PKCE".into());
    }
    let mut lines = wrap(
        &Line::from(vec![
            Span::styled(title, theme.bold()),
            Span::styled(format!("  {}", facts.join(" · ")), theme.dim()),
        ]),
        width,
    );
    if let Some(note) = server.adaptations() {
        lines.extend(wrap(&Line::styled(note, theme.warning()), width));
    }
    if roomy && !card.description.is_empty() {
        lines.extend(clip(wrap(&Line::styled(card.description.clone(), theme.dim()), width), 2, width));
    }
    lines
}

/// ` 1 identity only · 2 read-only · … `, the preset keys with their names.
fn presets_text() -> String {
    let presets: Vec<String> =
        // A no-break space keeps each key with its name when the line wraps.
        Preset::ALL.iter().enumerate().map(|(i, p)| format!("{}\u{a0}{}", i + 1, p.label())).collect();
    format!(" {} ", presets.join(" · "))
}

fn tree(frame: &mut Frame, area: Rect, tree: &ScopeTree, theme: &Theme, hits: &mut HitMap) {
    let rows = tree.rows();
    let height = area.height.saturating_sub(2) as usize;
    // Scroll just enough to keep the cursor visible.
    let offset = tree.cursor.saturating_sub(height.saturating_sub(1));
    let below = rows.len().saturating_sub(offset + height);
    let presets = presets_text();
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {} ", tr!("scopes-tree-title")))
        .border_style(theme.dim());
    // The presets hint only where it fits beside the "more" marker; the footer always has it.
    if presets.width() + 14 <= area.width as usize {
        block = block.title_bottom(Line::styled(presets, theme.dim()));
    }
    if offset > 0 {
        block = block.title_top(
            Line::styled(format!(" ▲ {} ", tr!("more-rows", count = offset)), theme.accent()).right_aligned(),
        );
    }
    if below > 0 {
        block = block.title_bottom(
            Line::styled(format!(" ▼ {} ", tr!("more-rows", count = below)), theme.accent()).right_aligned(),
        );
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        lines.push(row_line(tree, row, i == tree.cursor, theme));
        hits.add(Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1), Target::ScopeRow(i));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row_line(tree: &ScopeTree, row: &Row, selected: bool, theme: &Theme) -> Line<'static> {
    let check = match tree.check(row.scope) {
        Check::On => "[x]",
        Check::Off => "[ ]",
        Check::Partial => "[-]",
    };
    let arrow = match (row.has_children, row.expanded) {
        (true, true) => "▾ ",
        (true, false) => "▸ ",
        _ => "  ",
    };
    let indent = "    ".repeat(row.depth as usize);
    let mut style = if tree.is_advertised(row.scope) { ratatui::style::Style::new() } else { theme.dim() };
    if row.scope.is_admin() {
        style = style.patch(theme.warning());
    }
    let mut spans = vec![Span::raw(format!("{indent}{arrow}{check} ")), Span::styled(row.scope.name, style)];
    if row.scope.deprecated {
        spans.push(Span::styled(format!(" {}", tr!("scope-deprecated-mark")), theme.dim()));
    }
    if !tree.is_advertised(row.scope) {
        spans.push(Span::styled(format!(" {}", tr!("scope-unlisted-mark")), theme.dim()));
    }
    let line = Line::from(spans);
    if selected { line.style(theme.selected()) } else { line }
}

/// The highlighted scope in plain words (admin scopes with their warning); its name on a line of
/// its own, or `inline` before the first sentence where rows are scarce. Each line with its
/// priority: the notes under the description are the first to go where rows run out.
fn description_lines(tree: &ScopeTree, theme: &Theme, inline: bool) -> Vec<(u8, Line<'static>)> {
    let Some(row) = tree.current() else { return Vec::new() };
    let scope = row.scope;
    let name = Span::styled(scope.name, theme.bold());
    let mut lines = if inline { Vec::new() } else { vec![(2, Line::from(name.clone()))] };
    let mut text_style = ratatui::style::Style::new();
    if scope.is_admin() {
        lines.push((2, Line::styled(format!("⚠ {}", tr!("scope-admin-warning")), theme.warning())));
        text_style = theme.warning();
    }
    lines.push((2, Line::styled(scope.description(), text_style)));
    if inline {
        lines[0].1.spans.insert(0, Span::raw(" — "));
        lines[0].1.spans.insert(0, name);
    }
    if let Some(since) = scope.since {
        lines.push((1, Line::styled(tr!("scope-needs-version", version = since), theme.dim())));
    }
    if !tree.is_advertised(scope) {
        lines.push((1, Line::styled(tr!("scope-unlisted-note"), theme.dim())));
    }
    lines
}
