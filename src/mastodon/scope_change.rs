//! A saved login's scopes changed by name (`mastokey refresh --add-scopes … --remove-scopes …`),
//! with parents and children kept straight: removing `read:statuses` from `read` leaves read's
//! other children, and adding `write:media` to `write` changes nothing.
//!
//! Scopes are handled as the scopes screen's tree does: as the set of leaves they stand for (a
//! parent is all of its children), written back in catalogue order with every complete parent
//! collapsed to its name, so the result is what the tree would request for the same choice.

use std::collections::BTreeSet;

use super::scopes;

/// The scopes after a change, and the parts of the change that changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeChange {
    /// In catalogue order; a parent with every child chosen is written as the parent.
    pub scopes: Vec<String>,
    pub unchanged: Vec<Unchanged>,
}

/// A part of a change that changes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unchanged {
    /// Asked to add `scope`, which the login already has, as itself or through `by` (its parent,
    /// or the deprecated `follow`).
    AlreadyThere { scope: String, by: String },
    /// Asked to remove `scope`, which the login does not have.
    NotThere { scope: String },
}

/// A change that cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeChangeError {
    /// The same scope is both added and removed.
    AddedAndRemoved { scope: String },
    /// `scope` comes with the deprecated `follow` scope, which has no parts to remove one by one.
    PartOfFollow { scope: String },
}

/// `current` + `add` − `remove`: additions first, then removals, as the formula reads. Names the
/// catalogue does not know are left out (they cover nothing and cannot be requested).
pub fn change(current: &[String], add: &[String], remove: &[String]) -> Result<ScopeChange, ScopeChangeError> {
    if let Some(scope) = add.iter().find(|a| remove.contains(a)) {
        return Err(ScopeChangeError::AddedAndRemoved { scope: scope.clone() });
    }
    let before = leaf_set(current);
    let mut after = before.clone();
    let mut unchanged = Vec::new();
    for scope in add {
        let wanted = leaves(scope);
        match covered_by(&before, current, scope) {
            Some(by) => unchanged.push(Unchanged::AlreadyThere { scope: scope.clone(), by }),
            None => after.extend(wanted),
        }
    }
    for scope in remove {
        let gone = leaves(scope);
        if gone.iter().any(|l| after.contains(l)) {
            gone.iter().for_each(|l| {
                after.remove(l);
            });
        } else if current.iter().any(|c| c == "follow") && scopes::covers("follow", scope) {
            return Err(ScopeChangeError::PartOfFollow { scope: scope.clone() });
        } else {
            unchanged.push(Unchanged::NotThere { scope: scope.clone() });
        }
    }
    Ok(ScopeChange { scopes: collapse(&after), unchanged })
}

/// What a login gained and lost going from `old` to `new` scopes, each written as scopes are
/// (a parent when all of its children came or went).
pub fn diff(old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
    let (old, new) = (leaf_set(old), leaf_set(new));
    let added = new.difference(&old).copied().collect();
    let removed = old.difference(&new).copied().collect();
    (collapse(&added), collapse(&removed))
}

/// Which of the login's scopes already gives it `scope`: the scope itself, its parent, or
/// `follow`; `None` when adding it would add something.
fn covered_by(leaves_now: &BTreeSet<&'static str>, current: &[String], scope: &str) -> Option<String> {
    let wanted = leaves(scope);
    if !wanted.is_empty() && wanted.iter().all(|l| leaves_now.contains(l)) {
        let parent = scopes::info(scope).and_then(|i| i.parent);
        let whole_parent = parent.is_some_and(|p| leaves(p).iter().all(|l| leaves_now.contains(l)));
        return Some(match parent {
            Some(p) if whole_parent => p.to_owned(),
            _ => scope.to_owned(),
        });
    }
    (current.iter().any(|c| c == "follow") && scopes::covers("follow", scope)).then(|| "follow".to_owned())
}

/// The leaf scopes a name stands for: its children, or itself when it has none.
fn leaves(name: &str) -> Vec<&'static str> {
    let Some(info) = scopes::info(name) else { return Vec::new() };
    let children: Vec<_> = scopes::children_of(info.name).map(|c| c.name).collect();
    if children.is_empty() { vec![info.name] } else { children }
}

fn leaf_set(names: &[String]) -> BTreeSet<&'static str> {
    names.iter().flat_map(|n| leaves(n)).collect()
}

/// Leaves back to scope names, in catalogue order, complete parents collapsed.
fn collapse(leaves: &BTreeSet<&'static str>) -> Vec<String> {
    let mut out = Vec::new();
    for top in scopes::top_level() {
        let children: Vec<_> = scopes::children_of(top.name).collect();
        if children.is_empty() {
            if leaves.contains(top.name) {
                out.push(top.name.to_owned());
            }
            continue;
        }
        let chosen: Vec<_> = children.iter().filter(|c| leaves.contains(c.name)).collect();
        if chosen.len() == children.len() {
            out.push(top.name.to_owned());
        } else {
            out.extend(chosen.iter().map(|c| c.name.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<String> {
        scopes::split(text)
    }

    fn changed(current: &str, add: &str, remove: &str) -> ScopeChange {
        change(&list(current), &list(add), &list(remove)).unwrap()
    }

    #[test]
    fn adding_and_removing_plain_scopes() {
        let c = changed("profile", "write:media", "");
        assert_eq!(c.scopes, ["profile", "write:media"]);
        assert!(c.unchanged.is_empty());
        assert_eq!(changed("profile write:media", "", "write:media").scopes, ["profile"]);
        // Catalogue order, whatever order the login had them in.
        assert_eq!(
            changed("write:statuses profile", "read:lists", "").scopes,
            ["profile", "read:lists", "write:statuses"]
        );
    }

    #[test]
    fn removing_a_child_splits_its_parent_into_the_other_children() {
        let c = changed("profile read", "", "read:statuses");
        let read_children: Vec<_> =
            scopes::children_of("read").map(|c| c.name).filter(|n| *n != "read:statuses").collect();
        assert_eq!(c.scopes, [&["profile"][..], &read_children].concat());
        // Removing the parent takes every child, also when only some were there.
        assert_eq!(changed("profile read:lists read:mutes", "", "read").scopes, ["profile"]);
    }

    #[test]
    fn adding_what_is_already_there_changes_nothing_and_says_through_what() {
        let c = changed("read:accounts write", "write:media read:accounts", "");
        assert_eq!(c.scopes, ["read:accounts", "write"]);
        assert_eq!(
            c.unchanged,
            [
                Unchanged::AlreadyThere { scope: "write:media".into(), by: "write".into() },
                Unchanged::AlreadyThere { scope: "read:accounts".into(), by: "read:accounts".into() },
            ]
        );
        let c = changed("profile follow", "read:follows", "");
        assert_eq!(c.unchanged, [Unchanged::AlreadyThere { scope: "read:follows".into(), by: "follow".into() }]);
    }

    #[test]
    fn every_child_added_collapses_to_the_parent() {
        let others: Vec<_> = scopes::children_of("write").map(|c| c.name).filter(|n| *n != "write:media").collect();
        let c = changed(&others.join(" "), "write:media", "");
        assert_eq!(c.scopes, ["write"]);
    }

    #[test]
    fn removing_what_is_not_there_is_noted() {
        let c = changed("profile", "", "write:media");
        assert_eq!(c.scopes, ["profile"]);
        assert_eq!(c.unchanged, [Unchanged::NotThere { scope: "write:media".into() }]);
    }

    #[test]
    fn impossible_changes_are_refused() {
        let both = change(&list("profile"), &list("push"), &list("push")).unwrap_err();
        assert_eq!(both, ScopeChangeError::AddedAndRemoved { scope: "push".into() });
        let follow = change(&list("profile follow"), &[], &list("write:blocks")).unwrap_err();
        assert_eq!(follow, ScopeChangeError::PartOfFollow { scope: "write:blocks".into() });
    }

    #[test]
    fn unknown_words_a_server_granted_are_left_out() {
        assert_eq!(changed("profile unknown(bogus) …(3-more)", "push", "").scopes, ["profile", "push"]);
    }

    #[test]
    fn additions_come_before_removals() {
        let c = changed("profile", "read", "read:statuses");
        assert_eq!(c.scopes.len(), 1 + 11);
        assert!(!c.scopes.contains(&"read:statuses".to_owned()) && !c.scopes.contains(&"read".to_owned()));
    }

    #[test]
    fn the_difference_is_written_as_scopes_are() {
        let read_but_statuses: Vec<String> =
            scopes::children_of("read").map(|c| c.name.to_owned()).filter(|n| n != "read:statuses").collect();
        assert_eq!(diff(&list("profile read"), &read_but_statuses), (vec![], list("profile read:statuses")));
        assert_eq!(diff(&list("profile"), &list("profile write")), (list("write"), vec![]));
        assert_eq!(diff(&list("read"), &list("read")), (vec![], vec![]));
    }
}
