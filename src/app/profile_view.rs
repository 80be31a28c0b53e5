//! The profile screen's content, prepared once from the account (drawing only reads it).

use ratatui::text::Text;

use super::{Effect, Settings};
use crate::avatar::{self, Avatar};
use crate::html;
use crate::mastodon::scopes;
use crate::mastodon::{Account, ServerOrigin};
use crate::sanitize::clean;
use crate::store::Saved;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldView {
    pub name: String,
    pub value: String,
    pub verified: bool,
}

/// What the profile screen shows, all server text already sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileView {
    pub display_name: String,
    /// `@user@domain`, the domain always present.
    pub handle: String,
    pub bio: Text<'static>,
    pub fields: Vec<FieldView>,
    pub posts: u64,
    pub following: u64,
    pub followers: u64,
    pub joined: String,
    pub last_post: Option<String>,
    pub flags: Vec<String>,
    pub moved_to: Option<String>,
    pub defaults: Vec<(String, String)>,
    pub scopes_granted: Vec<String>,
    pub scopes_requested: Vec<String>,
    /// Requested scopes the server did not grant.
    pub scopes_missing: Vec<String>,
    pub saved: SaveState,
    /// The avatar to fetch (https, or http on this computer), when colours are on.
    pub avatar_url: Option<String>,
    pub avatar: Option<Avatar>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saving,
    /// Where the login and its token went (the keyring, or the 0600 file and why).
    Saved(Saved),
    Failed(String),
}

/// `@user@domain` for an account `acct` as the server sends it (local accounts have no domain).
pub fn full_handle(acct: &str, domain: &str) -> String {
    let acct = clean(acct);
    if acct.contains('@') { format!("@{acct}") } else { format!("@{acct}@{domain}") }
}

/// `2022-11-05T00:00:00.000Z` → the date in the language's form; anything else as sent.
fn date(s: &str) -> String {
    crate::i18n::date(&clean(s))
}

/// A post visibility as the language names it (Mastodon's own words); an unknown one as sent.
fn visibility(privacy: &str) -> String {
    match privacy {
        "public" => tr!("visibility-public"),
        "unlisted" => tr!("visibility-unlisted"),
        "private" => tr!("visibility-private"),
        "direct" => tr!("visibility-direct"),
        other => clean(other),
    }
}

impl ProfileView {
    /// The view of `account`, saved as `login` (`user@domain`, as [`login_handle`] made it):
    /// `domain` is its server's, for handles the account names without one (where it moved).
    ///
    /// [`login_handle`]: crate::mastodon::account::login_handle
    pub fn new(account: &Account, login: &str, granted: &[String], requested: &[String], color: bool) -> Self {
        let domain = login.rsplit_once('@').map_or("", |(_, d)| d);
        let mut flags = Vec::new();
        if account.bot {
            flags.push(tr!("flag-bot"));
        }
        if account.locked {
            flags.push(tr!("flag-locked"));
        }
        if account.group {
            flags.push(tr!("flag-group"));
        }
        if let Some(role) = account.role.as_ref().filter(|r| !r.name.is_empty()) {
            flags.push(tr!("flag-role", role = clean(&role.name)));
        }
        let moved_to = account.moved.as_ref().map(|m| full_handle(&m.acct, domain));
        if moved_to.is_some() {
            flags.push(tr!("flag-moved"));
        }
        let mut defaults = Vec::new();
        if let Some(source) = &account.source {
            if let Some(p) = &source.privacy {
                defaults.push((tr!("default-visibility"), visibility(p)));
            }
            if let Some(s) = source.sensitive {
                defaults.push((tr!("default-sensitive"), if s { tr!("answer-yes") } else { tr!("answer-no") }));
            }
            if let Some(l) = source.language.as_ref().filter(|l| !l.is_empty()) {
                defaults.push((tr!("default-language"), clean(l)));
            }
        }
        let scopes_missing =
            requested.iter().filter(|r| !scopes::set_covers(granted.iter().map(String::as_str), r)).cloned().collect();
        Self {
            display_name: clean(if account.display_name.is_empty() {
                &account.username
            } else {
                &account.display_name
            }),
            handle: format!("@{}", clean(login)),
            bio: html::to_text(&account.note, color),
            fields: account
                .fields
                .iter()
                .map(|f| FieldView {
                    name: clean(&f.name),
                    value: clean(&html::to_plain(&f.value)),
                    verified: f.verified_at.is_some(),
                })
                .collect(),
            posts: account.statuses_count,
            following: account.following_count,
            followers: account.followers_count,
            joined: date(&account.created_at),
            last_post: account.last_status_at.as_deref().map(date),
            flags,
            moved_to,
            defaults,
            scopes_granted: granted.to_vec(),
            scopes_requested: requested.to_vec(),
            scopes_missing,
            saved: SaveState::Saving,
            avatar_url: color.then(|| avatar_source(account)).flatten(),
            avatar: None,
        }
    }

    /// Fetch the avatar, if there is one to show.
    pub fn fetch_avatar(&self, settings: &Settings, server: &ServerOrigin) -> Option<Effect> {
        let url = avatar::fetchable(self.avatar_url.as_deref()?, server)?;
        Some(Effect::FetchAvatar { url, palette: settings.palette })
    }

    /// A fetched avatar is shown if it is still this profile's; a failed one is left out (the
    /// profile is complete without it).
    pub fn avatar_loaded(&mut self, url: &str, result: Result<Avatar, String>) {
        if self.avatar_url.as_deref() == Some(url) {
            self.avatar = result.ok();
        }
    }
}

/// The still image, or the avatar itself for servers that send no `avatar_static`.
fn avatar_source(account: &Account) -> Option<String> {
    let url = if account.avatar_static.is_empty() { &account.avatar } else { &account.avatar_static };
    // As the runner reports it back (parsed), so `avatar_loaded` recognises it.
    url::Url::parse(url).ok().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_always_carry_the_domain() {
        assert_eq!(full_handle("ada", "example.social"), "@ada@example.social");
        assert_eq!(full_handle("ada@other.social", "example.social"), "@ada@other.social");
    }

    #[test]
    fn dates_are_shortened_only_when_they_look_like_dates() {
        assert_eq!(date("2022-11-05T00:00:00.000Z"), "Nov 5, 2022");
        assert_eq!(date("yesterday"), "yesterday");
    }
}
