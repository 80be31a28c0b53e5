//! The scopes screen's model: which scopes are chosen, which parents are open, where the cursor is.

use std::collections::BTreeSet;

use crate::mastodon::scopes::{self, ScopeInfo};
use crate::tr;

/// A parent's checkbox: all, none or some of its children chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    On,
    Off,
    Partial,
}

/// A row on screen: a top-level scope or, under an expanded parent, one of its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub scope: &'static ScopeInfo,
    pub depth: u8,
    pub has_children: bool,
    pub expanded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Identity,
    ReadOnly,
    ReadWrite,
    AllButAdmin,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::Identity, Preset::ReadOnly, Preset::ReadWrite, Preset::AllButAdmin];

    pub fn label(self) -> String {
        match self {
            Preset::Identity => tr!("preset-identity"),
            Preset::ReadOnly => tr!("preset-read-only"),
            Preset::ReadWrite => tr!("preset-read-write"),
            Preset::AllButAdmin => tr!("preset-all-but-admin"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeTree {
    /// Chosen leaf scopes: children, and top-level scopes that have no children.
    chosen: BTreeSet<&'static str>,
    expanded: BTreeSet<&'static str>,
    pub cursor: usize,
    /// What the server advertises; empty means it did not say (then nothing is dimmed).
    advertised: Vec<String>,
    identity_scope: &'static str,
}

impl ScopeTree {
    pub fn new(advertised: &[String], identity_scope: &'static str) -> Self {
        let mut tree = Self {
            chosen: BTreeSet::new(),
            expanded: BTreeSet::new(),
            cursor: 0,
            advertised: advertised.to_vec(),
            identity_scope,
        };
        tree.apply_preset(Preset::Identity);
        tree
    }

    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for top in scopes::top_level() {
            let has_children = scopes::children_of(top.name).next().is_some();
            let expanded = self.expanded.contains(top.name);
            rows.push(Row { scope: top, depth: 0, has_children, expanded });
            if expanded {
                rows.extend(scopes::children_of(top.name).map(|c| Row {
                    scope: c,
                    depth: 1,
                    has_children: false,
                    expanded: false,
                }));
            }
        }
        rows
    }

    pub fn current(&self) -> Option<Row> {
        self.rows().get(self.cursor).copied()
    }

    pub fn check(&self, scope: &ScopeInfo) -> Check {
        let children: Vec<_> = scopes::children_of(scope.name).collect();
        if children.is_empty() {
            return if self.chosen.contains(scope.name) { Check::On } else { Check::Off };
        }
        let on = children.iter().filter(|c| self.chosen.contains(c.name)).count();
        match on {
            0 => Check::Off,
            n if n == children.len() => Check::On,
            _ => Check::Partial,
        }
    }

    /// Advertised by the server itself or through its parent (or the server did not say).
    pub fn is_advertised(&self, scope: &ScopeInfo) -> bool {
        self.advertised.is_empty()
            || self.advertised.iter().any(|a| a == scope.name || Some(a.as_str()) == scope.parent)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows().len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    pub fn select_row(&mut self, index: usize) {
        self.cursor = index.min(self.rows().len().saturating_sub(1));
    }

    /// Space on a row: a leaf flips; a parent chooses all its children unless all are chosen.
    pub fn toggle(&mut self) {
        let Some(row) = self.current() else { return };
        let children: Vec<_> = scopes::children_of(row.scope.name).map(|c| c.name).collect();
        if children.is_empty() {
            if !self.chosen.remove(row.scope.name) {
                self.chosen.insert(row.scope.name);
            }
        } else if self.check(row.scope) == Check::On {
            children.iter().for_each(|c| {
                self.chosen.remove(c);
            });
        } else {
            self.chosen.extend(children);
        }
    }

    pub fn set_expanded(&mut self, open: bool) {
        let Some(row) = self.current() else { return };
        let parent = match (row.depth, row.scope.parent) {
            (1, Some(p)) => p,
            _ if row.has_children => row.scope.name,
            _ => return,
        };
        if open {
            self.expanded.insert(parent);
        } else {
            self.expanded.remove(parent);
            // Keep the cursor on the parent when its children disappear.
            if let Some(i) = self.rows().iter().position(|r| r.scope.name == parent) {
                self.cursor = i;
            }
        }
    }

    pub fn toggle_expanded(&mut self) {
        let open = self.current().is_some_and(|r| r.has_children && !r.expanded);
        self.set_expanded(open);
    }

    pub fn clear(&mut self) {
        self.chosen.clear();
    }

    pub fn apply_preset(&mut self, preset: Preset) {
        self.chosen.clear();
        let names: &[&str] = match preset {
            Preset::Identity => &[self.identity_scope],
            Preset::ReadOnly => &["read"],
            Preset::ReadWrite => &["read", "write"],
            Preset::AllButAdmin => &["read", "write", "push"],
        };
        self.choose_all(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    }

    /// Choose these scopes (from `--scopes` or a preset); names not in the catalogue are ignored.
    pub fn choose_all(&mut self, names: &[String]) {
        for name in names {
            let Some(info) = scopes::info(name) else { continue };
            let children: Vec<_> = scopes::children_of(info.name).map(|c| c.name).collect();
            if children.is_empty() {
                self.chosen.insert(info.name);
            } else {
                self.chosen.extend(children);
            }
            if let Some(parent) = info.parent {
                self.expanded.insert(parent);
            }
        }
    }

    /// The scopes to request, in catalogue order; a parent with every child chosen collapses
    /// to the parent's name.
    pub fn selected(&self) -> Vec<String> {
        let mut out = Vec::new();
        for top in scopes::top_level() {
            match self.check(top) {
                Check::On => out.push(top.name.to_owned()),
                Check::Partial => out.extend(
                    scopes::children_of(top.name).filter(|c| self.chosen.contains(c.name)).map(|c| c.name.to_owned()),
                ),
                Check::Off => {}
            }
        }
        out
    }

    /// Chosen scopes the server does not advertise (needs a confirmation before continuing).
    pub fn unadvertised(&self) -> Vec<String> {
        self.selected().into_iter().filter(|s| scopes::info(s).is_some_and(|i| !self.is_advertised(i))).collect()
    }

    #[cfg(test)]
    pub fn has_admin(&self) -> bool {
        self.selected().iter().any(|s| s.starts_with("admin:"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<String> {
        Vec::new()
    }

    fn go_to(tree: &mut ScopeTree, name: &str) {
        tree.cursor = tree.rows().iter().position(|r| r.scope.name == name).expect(name);
    }

    #[test]
    fn starts_with_identity_only() {
        assert_eq!(ScopeTree::new(&all(), "profile").selected(), ["profile"]);
        assert_eq!(ScopeTree::new(&all(), "read:accounts").selected(), ["read:accounts"]);
    }

    #[test]
    fn parent_toggles_children_and_collapses_in_the_string() {
        let mut t = ScopeTree::new(&all(), "profile");
        t.clear();
        go_to(&mut t, "read");
        t.toggle();
        assert_eq!(t.selected(), ["read"]);
        t.set_expanded(true);
        go_to(&mut t, "read:lists");
        t.toggle();
        assert_eq!(t.check(scopes::info("read").unwrap()), Check::Partial);
        assert_eq!(t.selected().len(), 11);
        assert!(!t.selected().contains(&"read".to_owned()));
        t.toggle();
        assert_eq!(t.selected(), ["read"]);
        go_to(&mut t, "read");
        t.toggle();
        assert!(t.selected().is_empty());
    }

    #[test]
    fn collapsing_from_a_child_moves_the_cursor_to_the_parent() {
        let mut t = ScopeTree::new(&all(), "profile");
        go_to(&mut t, "write");
        t.set_expanded(true);
        go_to(&mut t, "write:media");
        t.set_expanded(false);
        assert_eq!(t.current().unwrap().scope.name, "write");
    }

    #[test]
    fn unadvertised_scopes_are_flagged_unless_their_parent_is_advertised() {
        let advertised = vec!["read".to_owned(), "write".to_owned(), "push".to_owned()];
        let mut t = ScopeTree::new(&advertised, "read:accounts");
        assert!(t.unadvertised().is_empty(), "read:accounts is covered by read");
        t.choose_all(&["profile".into(), "admin:read:reports".into()]);
        assert_eq!(t.unadvertised(), ["profile", "admin:read:reports"]);
        assert!(t.has_admin());
    }

    #[test]
    fn presets_and_cursor_bounds() {
        let mut t = ScopeTree::new(&all(), "profile");
        t.apply_preset(Preset::AllButAdmin);
        assert_eq!(t.selected(), ["read", "write", "push"]);
        t.move_by(-5);
        assert_eq!(t.cursor, 0);
        t.move_by(100);
        assert_eq!(t.cursor, t.rows().len() - 1);
    }
}
