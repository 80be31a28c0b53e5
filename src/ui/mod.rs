//! Drawing: one file per screen plus shared widgets. Reads the state, never changes it.

mod accounts;
mod authorize;
mod code;
mod fit;
mod help;
mod instance;
mod profile;
mod qr;
mod scopes;
mod theme;
mod widgets;
pub(crate) mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::app::{Action, App, Screen, ScreenId, Step, Target};
pub use theme::Theme;

/// Where clickable things were drawn, so the runner can turn a mouse click into a `Target`.
#[derive(Debug, Default, Clone)]
pub struct HitMap {
    areas: Vec<(Rect, Target)>,
    /// How far the profile's rows could scroll in this frame.
    profile_scroll_limit: Option<u16>,
}

impl HitMap {
    pub fn add(&mut self, area: Rect, target: Target) {
        self.areas.push((area, target));
    }

    /// What the frame learned that the app cannot know without the size: an action for it when
    /// that differs from what the app has (the frame is then drawn again).
    pub fn learned(&self, app: &App) -> Option<Action> {
        let limit = self.profile_scroll_limit?;
        match &app.screen {
            Screen::Profile(p) if p.scroll_limit != Some(limit) => Some(Action::ProfileScrollLimit(limit)),
            _ => None,
        }
    }

    /// The last-drawn target under a position (overlays are drawn last, so they win).
    pub fn target_at(&self, column: u16, row: u16) -> Option<Target> {
        self.areas.iter().rev().find(|(r, _)| r.contains(Position::new(column, row))).map(|(_, t)| *t)
    }
}

/// Draw the screen on a terminal; when the frame found what only the size tells (how far the
/// profile scrolls, and so whether its scroll keys are offered), the app learns it and the
/// screen is drawn again with it. Returns the click targets of what is showing.
pub fn draw_settled<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> Result<HitMap, B::Error> {
    let mut hits = HitMap::default();
    terminal.draw(|frame| hits = draw(frame, app))?;
    // The limit can depend on itself (the footer's height depends on the keys it offers):
    // drawn again until it holds, a few times at most.
    for _ in 0..3 {
        let Some(learned) = hits.learned(app) else { break };
        // What a frame teaches starts no work.
        let effects = crate::app::update(app, learned);
        debug_assert!(effects.is_empty());
        terminal.draw(|frame| hits = draw(frame, app))?;
    }
    Ok(hits)
}

/// Draw the whole screen; returns the click targets.
pub fn draw(frame: &mut Frame, app: &App) -> HitMap {
    let theme = Theme::new(app.settings.color);
    let mut hits = HitMap::default();
    // The QR code takes the whole screen (it needs every row); dialogs still go on top.
    if let Some(flow) = app.flow().filter(|f| f.qr_open && app.screen_id() == ScreenId::Authorize) {
        qr::draw(frame, app, flow, &theme);
        widgets::overlay(frame, app, &theme, &mut hits);
        return hits;
    }
    let area = frame.area();
    // The notice and the key hints get every row they need (a notice up to a quarter of the
    // screen); the body takes what is left.
    let status_lines = widgets::status_lines(app, &theme, area.width.saturating_sub(2));
    let status_rows = (status_lines.len() as u16).min(4.max(area.height / 4));
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(status_rows),
        Constraint::Length(widgets::footer_height(app, area.width)),
    ])
    .areas(area);
    widgets::header(frame, header, app, &theme);
    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    match &app.screen {
        Screen::Accounts => accounts::draw(frame, body, app, &theme, &mut hits),
        Screen::Instance => instance::draw(frame, body, app, &theme),
        Screen::Login(flow) => match flow.step {
            Step::Scopes => scopes::draw(frame, body, flow, &theme, &mut hits),
            Step::Authorize => authorize::draw(frame, body, app, flow, &theme),
            Step::Code => code::draw(frame, body, app, flow, &theme),
        },
        Screen::Profile(profile) => {
            hits.profile_scroll_limit = profile::draw(frame, body, app, profile, &theme);
        }
    }
    let status = status.inner(ratatui::layout::Margin::new(1, 0));
    let status_lines = wrap::clip(status_lines, usize::from(status.height), status.width);
    frame.render_widget(ratatui::widgets::Paragraph::new(status_lines), status);
    widgets::footer(frame, footer, app, &theme, &mut hits);
    widgets::overlay(frame, app, &theme, &mut hits);
    hits
}

#[cfg(test)]
mod dialog_tests;
#[cfg(test)]
mod lang_tests;
#[cfg(test)]
mod moment_tests;
#[cfg(test)]
mod refresh_tests;
#[cfg(test)]
mod scroll_tests;
#[cfg(test)]
mod states;
#[cfg(test)]
mod tests;
