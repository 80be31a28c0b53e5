//! The saved logins as this run knows them: the file's list, what was learned about each token,
//! and the cursor of the accounts screen.

use crate::mastodon::ServerOrigin;
use crate::store::{DefaultAccount, Login, LoginId};

/// What is known about a saved login's token this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenStatus {
    NotChecked,
    Valid,
    /// The server refused the token (revoked or expired).
    Rejected,
    /// The check could not be made (network, server error).
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedLogin {
    pub login: Login,
    pub status: TokenStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountsList {
    pub logins: Vec<SavedLogin>,
    pub cursor: usize,
    /// The default account (`mastokey switch`, or `s` here), when one is set.
    pub default: Option<DefaultAccount>,
}

impl AccountsList {
    pub fn new(logins: Vec<Login>) -> Self {
        let logins = logins.into_iter().map(|login| SavedLogin { login, status: TokenStatus::NotChecked }).collect();
        Self { logins, cursor: 0, default: None }
    }

    /// Whether `login` is of the default account.
    pub fn is_default(&self, login: &Login) -> bool {
        self.default.as_ref().is_some_and(|d| d.is(login))
    }

    pub fn current(&self) -> Option<&SavedLogin> {
        self.logins.get(self.cursor)
    }

    pub fn find(&self, id: &LoginId) -> Option<&SavedLogin> {
        self.logins.iter().find(|s| &s.login.id() == id)
    }

    pub fn find_mut(&mut self, id: &LoginId) -> Option<&mut SavedLogin> {
        self.logins.iter_mut().find(|s| &s.login.id() == id)
    }

    pub fn move_cursor(&mut self, delta: isize) {
        let last = self.logins.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Add a login just made, in place of the saved one of the same account.
    pub fn upsert(&mut self, login: Login) {
        let saved = SavedLogin { status: TokenStatus::Valid, login };
        match self.logins.iter_mut().find(|s| s.login.is_account(&saved.login.server, &saved.login.account_id)) {
            Some(s) => *s = saved,
            None => self.logins.push(saved),
        }
    }

    pub fn remove(&mut self, id: &LoginId) {
        self.logins.retain(|s| &s.login.id() != id);
        self.cursor = self.cursor.min(self.logins.len().saturating_sub(1));
    }

    /// Whether a login of this server is saved, other than `except` (the account a refresh is
    /// for, which the browser is expected to approve again).
    pub fn has_server(&self, origin: &ServerOrigin, except: Option<&Login>) -> bool {
        self.logins
            .iter()
            .filter(|s| except.is_none_or(|e| !s.login.is_account(&e.server, &e.account_id)))
            .any(|s| &s.login.server == origin)
    }

    /// The logins as the file has them now. What this session learned about a token is kept
    /// for the same login, and so is the cursor's login.
    pub fn reload(&mut self, logins: Vec<Login>) {
        let at_cursor = self.current().map(|s| s.login.id());
        let old = std::mem::take(&mut self.logins);
        self.logins = logins
            .into_iter()
            .map(|login| {
                let status = old
                    .iter()
                    .find(|s| s.login.is_same_login(&login))
                    .map_or(TokenStatus::NotChecked, |s| s.status.clone());
                SavedLogin { login, status }
            })
            .collect();
        let position = at_cursor.and_then(|id| self.logins.iter().position(|s| s.login.id() == id));
        self.cursor = position.unwrap_or(self.cursor).min(self.logins.len().saturating_sub(1));
    }
}
