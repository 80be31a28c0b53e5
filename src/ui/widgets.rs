//! Pieces every screen shares: header with steps, status line with spinner, footer of keys,
//! the help and confirmation dialogs, and the text box.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap::{wrap, wrap_all};
use super::{HitMap, Theme};
use crate::app::input::TextInput;
use crate::app::keys::{self, Binding, Command, Shown};
use crate::app::{App, Confirm, NoticeKind, Overlay, ScreenId, Target};
use crate::tr;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
/// The steps of a login, by the message ids of their names.
const STEPS: [(ScreenId, &str); 5] = [
    (ScreenId::Instance, "step-server"),
    (ScreenId::Scopes, "step-scopes"),
    (ScreenId::Authorize, "step-authorize"),
    (ScreenId::Code, "step-code"),
    (ScreenId::Profile, "step-profile"),
];

pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let server = match (app.flow(), app.profile()) {
        // A refresh says whose scopes change, on each of its screens.
        (Some(flow), _) => match &flow.refresh {
            Some(login) => {
                let text = tr!("header-refresh", account = &login.acct, server = &flow.server.address.shown);
                super::fit::text(&text, usize::from(area.width).saturating_sub(1))
            }
            None => flow.server.address.shown.clone(),
        },
        (_, Some(profile)) => profile.server_shown(),
        _ => String::new(),
    };
    // The fullest form that fits: every step named, else "step 2 of 5: Scopes", else "2/5
    // Scopes" and a shorter demo banner. Nothing is cut.
    let width = usize::from(area.width);
    let line = [(true, Steps::All), (true, Steps::Current), (false, Steps::Current), (false, Steps::Short)]
        .into_iter()
        .map(|(long_banner, steps)| header_line(app, theme, long_banner, steps))
        .find(|line| line.width() <= width)
        .unwrap_or_else(|| header_line(app, theme, false, Steps::Short));
    frame.render_widget(Paragraph::new(vec![line, Line::styled(format!(" {server}"), theme.dim())]), area);
}

#[derive(Clone, Copy)]
enum Steps {
    All,
    Current,
    Short,
}

fn header_line(app: &App, theme: &Theme, long_banner: bool, steps: Steps) -> Line<'static> {
    let mut spans = vec![Span::styled(" mastokey ", theme.title())];
    if app.settings.demo.is_some() {
        spans.push(if long_banner {
            demo_banner(theme)
        } else {
            Span::styled(format!(" {} ", tr!("demo-banner-short")), theme.demo())
        });
        spans.push(Span::raw(" "));
    }
    let current = theme.bold().patch(theme.accent());
    let screen = app.screen_id();
    if screen == ScreenId::Accounts {
        spans.push(Span::styled(tr!("screen-accounts"), current));
        return Line::from(spans);
    }
    let Some(at) = STEPS.iter().position(|(s, _)| *s == screen) else { return Line::from(spans) };
    let name = crate::i18n::text(STEPS[at].1);
    match steps {
        Steps::All => {
            for (i, (step, name)) in STEPS.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" › ", theme.dim()));
                }
                let style = if *step == screen { current } else { theme.dim() };
                spans.push(Span::styled(format!("{} {}", i + 1, crate::i18n::text(name)), style));
            }
        }
        Steps::Current => spans.push(Span::styled(tr!("step-of", number = at + 1, name = name), current)),
        Steps::Short => spans.push(Span::styled(format!("{}/5 {name}", at + 1), current)),
    }
    Line::from(spans)
}

/// Said on every screen in demo mode.
pub fn demo_banner(theme: &Theme) -> Span<'static> {
    Span::styled(format!(" {} ", tr!("demo-banner")), theme.demo())
}

/// The spinner while a request runs, and the notice of the moment, wrapped to `width` columns so the
/// whole sentence can be shown (the caller gives it the rows).
pub fn status_lines(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    // The request in flight, and under it the notice (why it started: "That attempt is over…").
    let spinner = app.task.as_ref().map(|task| {
        Line::from(vec![
            Span::styled(format!("{} ", SPINNER[app.spinner % SPINNER.len()]), theme.accent()),
            Span::raw(format!("{}…", capitalize(&crate::i18n::text(task.what)))),
            Span::styled(cancel_hint(app), theme.dim()),
        ])
    });
    let notice = app.visible_notice().map(|n| {
        let style = match n.kind {
            NoticeKind::Info => theme.dim(),
            NoticeKind::Success => theme.success(),
            NoticeKind::Error => theme.error(),
            NoticeKind::Warning => theme.warning(),
        };
        Line::styled(n.text.clone(), style)
    });
    let lines: Vec<_> = spinner.into_iter().chain(notice).flat_map(|line| wrap(&line, width)).collect();
    if lines.is_empty() { wrap(&Line::default(), width) } else { lines }
}

/// `(esc cancels)`, from the screen's key for going back (which cancels a request in flight).
fn cancel_hint(app: &App) -> String {
    keys::key_for(app.screen_id(), Command::Back)
        .map(|k| format!("  {}", tr!("spinner-cancel", key = k)))
        .unwrap_or_default()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn active_table(app: &App) -> &'static [Binding] {
    keys::active(app)
}

fn hint_width(b: &Binding) -> u16 {
    (b.footer_label().width() + 1 + crate::i18n::text(b.label).width()) as u16
}

/// Where each key hint goes as (column, row) within a footer `width` wide: left to right, and
/// onto a new row when the width runs out, so no hint is ever dropped.
fn footer_hints(app: &App, width: u16) -> Vec<(u16, u16, &'static Binding)> {
    let (mut x, mut row, mut placed) = (1, 0, Vec::new());
    for b in active_table(app).iter().filter(|b| b.shown == Shown::Footer && app.available(b.command)) {
        if x > 1 && x + hint_width(b) > width {
            (x, row) = (1, row + 1);
        }
        placed.push((x, row, b));
        x += hint_width(b) + 2;
    }
    placed
}

/// Rows the footer needs at this width.
pub fn footer_height(app: &App, width: u16) -> u16 {
    footer_hints(app, width).last().map_or(1, |(_, row, _)| row + 1)
}

/// Key hints from the same table the handler uses; each hint is clickable where it is drawn.
pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut HitMap) {
    for (x, row, b) in footer_hints(app, area.width) {
        let hint = Rect::new(area.x + x, area.y + row, hint_width(b), 1).intersection(area);
        hits.add(hint, Target::Command(b.command));
        let line = Line::from(vec![
            Span::styled(b.footer_label(), theme.key()),
            Span::styled(format!(" {}", crate::i18n::text(b.label)), theme.dim()),
        ]);
        frame.render_widget(line, hint);
    }
}

/// A bordered one-line text box; places the terminal cursor when focused.
pub fn text_box(frame: &mut Frame, area: Rect, input: &TextInput, title: &str, focused: bool, theme: &Theme) {
    let style = if focused { theme.accent() } else { theme.dim() };
    let block = Block::bordered().border_type(BorderType::Rounded).border_style(style).title(format!(" {title} "));
    let inner = block.inner(area);
    // Scroll horizontally so the cursor stays visible in long input.
    let cursor_col = input.before_cursor().width() as u16;
    let skip = cursor_col.saturating_sub(inner.width.saturating_sub(1));
    let paragraph = Paragraph::new(input.value().to_owned()).block(block).scroll((0, skip));
    frame.render_widget(paragraph, area);
    if focused {
        frame.set_cursor_position((inner.x + cursor_col - skip, inner.y));
    }
}

/// A message under an input: the error, or a hint, wrapped to the area.
pub fn message(frame: &mut Frame, area: Rect, text: &str, style: ratatui::style::Style) {
    super::wrap::paragraph(frame, area, vec![Line::styled(text.to_owned(), style)]);
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [_, mid, _] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(height.min(area.height)), Constraint::Fill(1)])
            .areas(area);
    let [_, center, _] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(width.min(area.width)), Constraint::Fill(1)])
            .areas(mid);
    center
}

pub fn overlay(frame: &mut Frame, app: &App, theme: &Theme, hits: &mut HitMap) {
    match &app.overlay {
        Some(Overlay::Help) => super::help::draw(frame, app, theme),
        Some(Overlay::ConfirmUnadvertised(list)) => confirm_unadvertised(frame, list, theme, hits),
        Some(Overlay::AddIdentity(scope)) => add_identity(frame, scope, theme, hits),
        Some(Overlay::Confirm(confirm)) => confirm_login(frame, confirm, theme, hits),
        None => {}
    }
}

/// Where a dialog may go: the screen above the footer, which keeps showing the dialog's keys.
pub(super) fn overlay_room(frame: &Frame, app: &App) -> Rect {
    let area = frame.area();
    Rect { height: area.height.saturating_sub(footer_height(app, area.width)), ..area }
}

/// Clears an area for a dialog. A wide character (Japanese) that starts just left of it would
/// still paint over its left border, so that cell is blanked too.
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    if area.x == 0 {
        return;
    }
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(area.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

fn confirm_login(frame: &mut Frame, confirm: &Confirm, theme: &Theme, hits: &mut HitMap) {
    let acct = &confirm.login().acct;
    let (title, question, detail, yes) = match confirm {
        Confirm::CopyToken(_) => (
            tr!("confirm-copy-title"),
            tr!("confirm-copy-question", account = acct),
            tr!("confirm-copy-detail"),
            tr!("confirm-copy-yes"),
        ),
        Confirm::Logout(_) => (
            tr!("confirm-logout-title"),
            tr!("confirm-logout-question", account = acct),
            tr!("confirm-logout-detail"),
            tr!("confirm-logout-yes"),
        ),
        Confirm::Forget(_) => (
            tr!("confirm-forget-title"),
            tr!("confirm-forget-question", account = acct),
            tr!("confirm-forget-detail"),
            tr!("confirm-forget-yes"),
        ),
    };
    dialog(
        frame,
        &title,
        vec![Line::styled(question, theme.bold()), Line::default(), Line::raw(detail)],
        &yes,
        theme,
        hits,
    );
}

/// The key of a dialog's answer, from the dialog table.
fn answer_key(command: Command) -> String {
    keys::CONFIRM
        .iter()
        .find(|b| b.command == command)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
        .unwrap_or_default()
}

/// A small yes/no dialog with clickable answers.
fn dialog(frame: &mut Frame, title: &str, mut text: Vec<Line<'static>>, yes: &str, theme: &Theme, hits: &mut HitMap) {
    let (y, n) = (answer_key(Command::Yes), answer_key(Command::No));
    let no =
        keys::CONFIRM.iter().find(|b| b.command == Command::No).map(|b| crate::i18n::text(b.label)).unwrap_or_default();
    text.push(Line::default());
    text.push(Line::from(vec![
        Span::styled(format!(" {y} "), theme.key()),
        Span::raw(format!("{yes}    ")),
        Span::styled(format!(" {n} "), theme.key()),
        Span::raw(no.clone()),
    ]));
    let text = wrap_all(&text, 58.min(frame.area().width.saturating_sub(2)));
    let height = text.len() as u16 + 2;
    let area = centered(frame.area(), 60, height);
    clear(frame, area);
    let block =
        Block::bordered().border_type(BorderType::Rounded).title(format!(" {title} ")).border_style(theme.warning());
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(text).block(block), area);
    let buttons = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    let yes_width = (y.width() + 2 + yes.width()) as u16 + 1;
    let no_width = (n.width() + 2 + no.width()) as u16;
    hits.add(Rect { width: yes_width, ..buttons }, Target::Command(Command::Yes));
    hits.add(Rect { x: buttons.x + yes_width + 3, width: no_width, ..buttons }, Target::Command(Command::No));
}

fn confirm_unadvertised(frame: &mut Frame, list: &[String], theme: &Theme, hits: &mut HitMap) {
    let text = vec![
        Line::styled(tr!("unadvertised-lead"), theme.bold()),
        Line::styled(format!("  {}", list.join(" ")), theme.warning()),
        Line::default(),
        Line::raw(tr!("unadvertised-question")),
    ];
    dialog(frame, &tr!("unadvertised-title"), text, &tr!("unadvertised-yes"), theme, hits);
}

fn add_identity(frame: &mut Frame, scope: &str, theme: &Theme, hits: &mut HitMap) {
    let what = crate::mastodon::scopes::info(scope).map(|i| i.description()).unwrap_or_default();
    let text = vec![
        Line::styled(tr!("add-identity-lead"), theme.bold()),
        Line::default(),
        Line::raw(tr!("add-identity-why")),
        Line::default(),
        Line::from(vec![Span::styled(tr!("add-identity-question", scope = scope), theme.bold()), Span::raw(what)]),
    ];
    dialog(frame, &tr!("add-identity-title"), text, &tr!("add-identity-yes", scope = scope), theme, hits);
}
