//! What the screens share, beside the screen showing: settings, the server form, the saved
//! logins, the request in flight, a dialog and a notice. A screen's handlers take their own
//! state and this side by side.

use super::keys::Command;
use super::logins::AccountsList;
use super::*;

/// What the screens share: the settings, the server form, the saved logins, the request in
/// flight, a dialog and a notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Ctx {
    pub settings: Settings,
    pub instance: InstanceForm,
    pub accounts: AccountsList,
    pub task: Option<Task>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub spinner: usize,
    /// The time of the last tick, for countdowns.
    pub now: Option<Instant>,
    /// How the latest refresh of a login went (from its profile on), for the profile screen and
    /// `mastokey refresh`'s exit code.
    pub refresh_report: Option<refresh::RefreshReport>,
    next_task: TaskId,
}

impl Ctx {
    pub(super) fn new(settings: Settings) -> Self {
        Self {
            instance: InstanceForm::default(),
            settings,
            accounts: AccountsList::default(),
            task: None,
            overlay: None,
            notice: None,
            spinner: 0,
            now: None,
            refresh_report: None,
            next_task: 1,
        }
    }

    /// Whether this machine has the command at all: where no browser can be started there is
    /// no key to open one (it could only fail). The help lists only these.
    pub fn has_key_for(&self, command: Command) -> bool {
        command != Command::OpenBrowser || self.settings.browser
    }

    pub fn busy(&self) -> bool {
        self.task.is_some()
    }

    /// A notice for `screen` (the one its handler is for).
    pub(super) fn say_on(&mut self, screen: ScreenId, kind: NoticeKind, text: impl Into<String>) {
        self.notice = Some(Notice { text: text.into(), kind, screen });
    }

    /// A request starts: the notice of the moment before it goes (a warning stays until a key);
    /// one said after this, about why it started, shows beside the spinner.
    pub(super) fn begin_task(&mut self, what: &'static str) -> TaskId {
        self.clear_notice();
        let id = self.next_task_id();
        self.task = Some(Task { id, what });
        id
    }

    pub(super) fn next_task_id(&mut self) -> TaskId {
        let id = self.next_task;
        self.next_task += 1;
        id
    }

    /// Whether `id` is the request in flight; if so it is done now.
    pub(super) fn finish(&mut self, id: TaskId) -> bool {
        let current = self.task.as_ref().is_some_and(|t| t.id == id);
        if current {
            self.task = None;
        }
        current
    }

    /// The notice of the moment goes; a warning (storage, at start-up) stays until a key.
    pub(super) fn clear_notice(&mut self) {
        if self.notice.as_ref().is_some_and(|n| n.kind != NoticeKind::Warning) {
            self.notice = None;
        }
    }
}
