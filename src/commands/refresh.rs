//! `mastokey refresh ACCOUNT --add-scopes … --remove-scopes …`: more (or fewer) scopes for a
//! saved login, like `gh auth refresh -s`.
//!
//! The new scopes are worked out and checked here, against the login's server, so that a
//! mistake is a plain message and an exit code; then the terminal interface runs from the
//! authorize step, and the person approves in the browser as for a login. Its end (the new token
//! in place of the old, the old one revoked) is this command's result.

use super::{Exit, Failure, Wanted, choose_login_with_token, open_store, request_failure, warn};
use crate::app::refresh::{RefreshReport, RefreshStage};
use crate::app::scope_tree::ScopeTree;
use crate::cli::{Redirect, ScopeList};
use crate::mastodon::client::{Client, Timeouts};
use crate::mastodon::scope_change::{self, ScopeChangeError, Unchanged};
use crate::mastodon::{ServerInfo, address, discovery};
use crate::sanitize::clean;
use crate::store::Login;
use crate::tr;

/// What the command line asks to change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Change {
    pub add: Vec<String>,
    pub remove: Vec<String>,
    pub redirect: Option<Redirect>,
}

impl Change {
    pub fn new(add: Option<&ScopeList>, remove: Option<&ScopeList>, redirect: Option<Redirect>) -> Self {
        let list = |l: Option<&ScopeList>| l.map(|l| l.0.clone()).unwrap_or_default();
        Self { add: list(add), remove: list(remove), redirect }
    }

    /// The command again, for messages that say to run it once more.
    fn command(&self, acct: &str) -> String {
        let mut out = format!("mastokey refresh {acct}");
        if !self.add.is_empty() {
            out.push_str(&format!(" --add-scopes \"{}\"", self.add.join(" ")));
        }
        if !self.remove.is_empty() {
            out.push_str(&format!(" --remove-scopes \"{}\"", self.remove.join(" ")));
        }
        out
    }
}

pub(super) async fn run(wanted: Wanted<'_>, change: Change) -> Result<String, Failure> {
    let store = open_store()?;
    // A token the keyring cannot give back does not stop a refresh: the new token replaces it,
    // and the end says the old one could not be revoked.
    let (login, _unreadable) = choose_login_with_token(&store, wanted, "refresh")?;
    let acct = clean(&login.acct);
    let scopes = new_scopes(&login, &change)?;
    if scope_change::diff(&login.scopes_granted, &scopes) == (Vec::new(), Vec::new()) {
        let has = clean(&login.scopes_granted.join(" "));
        return Ok(format!("{}\n", tr!("refresh-cli-nothing", account = acct.as_str(), scopes = has)));
    }
    let server = look_up(&login).await?;
    if !server.identifies(&scopes) {
        let scope = server.identity_scope();
        return Err(Failure::new(Exit::Usage, tr!("refresh-cli-no-identity", account = acct.as_str(), scope = scope)));
    }
    let mut tree = ScopeTree::new(server.scopes_supported(), server.identity_scope());
    tree.clear();
    tree.choose_all(&scopes);
    let unadvertised = tree.unadvertised();
    if !unadvertised.is_empty() {
        warn(&tr!("refresh-cli-unadvertised", server = login.server.as_str(), scopes = unadvertised.join(" ")));
    }
    // The approval needs a person at a browser, and the terminal interface to lead them.
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Failure::new(Exit::Usage, tr!("refresh-cli-no-terminal", command = change.command(&acct))));
    }
    let app = crate::start::refresh(store, login.clone(), server, &scopes, change.redirect)
        .await
        .map_err(|e| Failure::new(Exit::Failed, crate::start::failure(&e)))?;
    ended(app.refresh_report.as_ref().filter(|r| r.old.is_same_login(&login)), &login, &change)
}

/// The login's scopes with the change made; what changes nothing is said on stderr.
fn new_scopes(login: &Login, change: &Change) -> Result<Vec<String>, Failure> {
    let acct = clean(&login.acct);
    let result = scope_change::change(&login.scopes_granted, &change.add, &change.remove).map_err(|e| {
        let text = match e {
            ScopeChangeError::AddedAndRemoved { scope } => tr!("refresh-cli-added-and-removed", scope = scope),
            ScopeChangeError::PartOfFollow { scope } => tr!("refresh-cli-part-of-follow", scope = scope),
        };
        Failure::new(Exit::Usage, text)
    })?;
    for note in &result.unchanged {
        warn(&match note {
            Unchanged::AlreadyThere { scope, by } if scope == by => {
                tr!("refresh-cli-already-there", account = acct.as_str(), scope = scope.as_str())
            }
            Unchanged::AlreadyThere { scope, by } => {
                tr!("refresh-cli-already-through", account = acct.as_str(), scope = scope.as_str(), by = by.as_str())
            }
            Unchanged::NotThere { scope } => {
                tr!("refresh-cli-not-there", account = acct.as_str(), scope = scope.as_str())
            }
        });
    }
    if result.scopes.is_empty() {
        return Err(Failure::new(Exit::Usage, tr!("refresh-cli-empty", account = acct.as_str())));
    }
    Ok(result.scopes)
}

/// The login's server, looked up as the server screen does (what it supports, its kind).
async fn look_up(login: &Login) -> Result<ServerInfo, Failure> {
    let Ok(address) = address::parse(login.server.as_str()) else {
        let server = clean(login.server.as_str());
        return Err(Failure::new(
            Exit::Storage,
            tr!("refresh-cli-bad-server", account = clean(&login.acct), server = server),
        ));
    };
    let client = Client::new(Timeouts::default());
    discovery::discover(&client, address)
        .await
        .map_err(|e| request_failure(&e, login.server.as_str(), &tr!("refresh-cli-doing-look-up")))
}

/// What the terminal interface left: the command's output and exit code.
fn ended(report: Option<&RefreshReport>, login: &Login, change: &Change) -> Result<String, Failure> {
    let acct = clean(&login.acct);
    let again = change.command(&acct);
    let Some(report) = report else {
        return Err(Failure::new(
            Exit::Cancelled,
            tr!("refresh-cli-cancelled", account = acct.as_str(), command = again),
        ));
    };
    let page = format!("{}/oauth/authorized_applications", login.server);
    let old_token = match &report.stage {
        RefreshStage::Saving => {
            return Err(Failure::new(
                Exit::Storage,
                tr!("refresh-cli-not-saved", account = acct.as_str(), command = again),
            ));
        }
        RefreshStage::OtherAccount(chosen) => {
            let chosen = clean(chosen);
            let text = tr!("refresh-cli-other-account", chosen = chosen, account = acct.as_str(), command = again);
            return Err(Failure::new(Exit::Cancelled, text));
        }
        RefreshStage::Revoked => None,
        RefreshStage::NotRevoked(why) => Some(clean(why)),
        RefreshStage::Revoking => Some(tr!("refresh-cli-quit-while-revoking")),
    };
    if report.saved_anew {
        warn(&tr!("refresh-cli-saved-anew", account = acct.as_str()));
    }
    if let Some(why) = old_token {
        warn(&tr!("refresh-cli-not-revoked", account = acct.as_str(), error = why, page = page));
    }
    let list = |scopes: &[String]| {
        if scopes.is_empty() { tr!("refresh-scopes-none") } else { clean(&scopes.join(" ")) }
    };
    let revoked = if report.stage == RefreshStage::Revoked { tr!("refresh-cli-old-revoked") } else { String::new() };
    let done = tr!(
        "refresh-cli-done",
        account = acct.as_str(),
        added = list(&report.added),
        removed = list(&report.removed),
        revoked = revoked
    );
    Ok(format!("{done}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn login(scopes: &str) -> Login {
        Login {
            server: "https://example.social".into(),
            account_id: "1".into(),
            acct: "ada@example.social".into(),
            display_name: String::new(),
            token: Secret::new("tok-old"),
            scopes_granted: crate::mastodon::scopes::split(scopes),
            scopes_requested: crate::mastodon::scopes::split(scopes),
            client_id: "cid".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            last_verified: None,
        }
    }

    fn change(add: &str, remove: &str) -> Change {
        let list = crate::mastodon::scopes::split;
        Change { add: list(add), remove: list(remove), redirect: None }
    }

    fn report(stage: RefreshStage) -> RefreshReport {
        let old = login("profile");
        RefreshReport {
            new: login("profile write:media"),
            old,
            added: vec!["write:media".into()],
            removed: vec![],
            saved_anew: false,
            stage,
        }
    }

    #[test]
    fn an_empty_result_and_impossible_changes_are_usage_errors() {
        let empty = new_scopes(&login("profile"), &change("", "profile")).unwrap_err();
        assert_eq!(empty.exit, Exit::Usage);
        assert!(empty.message.contains("no scope left"), "{}", empty.message);
        let both = new_scopes(&login("profile"), &change("push", "push")).unwrap_err();
        assert_eq!(both.exit, Exit::Usage);
        assert_eq!(new_scopes(&login("read"), &change("write:media", "read:statuses")).unwrap().len(), 11 + 1);
    }

    #[test]
    fn each_end_of_the_interface_has_its_exit_code() {
        let (ada, asked) = (login("profile"), change("write:media", ""));
        let done = ended(Some(&report(RefreshStage::Revoked)), &ada, &asked).unwrap();
        assert!(done.contains("added write:media") && done.contains("revoked the old token"), "{done}");
        let kept = ended(Some(&report(RefreshStage::NotRevoked("the server refused".into()))), &ada, &asked).unwrap();
        assert!(!kept.contains("revoked the old token"), "{kept}");
        let cancelled = ended(None, &ada, &asked).unwrap_err();
        assert_eq!(cancelled.exit, Exit::Cancelled);
        assert!(cancelled.message.contains("mastokey refresh ada@example.social --add-scopes \"write:media\""));
        let other = ended(Some(&report(RefreshStage::OtherAccount("grace@example.social".into()))), &ada, &asked);
        let other = other.unwrap_err();
        assert_eq!(other.exit, Exit::Cancelled);
        assert!(other.message.contains("grace@example.social"), "{}", other.message);
        assert_eq!(ended(Some(&report(RefreshStage::Saving)), &ada, &asked).unwrap_err().exit, Exit::Storage);
    }
}
