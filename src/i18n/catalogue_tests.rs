//! The catalogues agree: every message in every language, with the same variables, and every
//! message id the code names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::Lang;

/// Message id → the variables it uses, for every `.ftl` file of a language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n").join(lang.code());
    let mut all = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    collect(pattern, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(all.insert(id.clone(), variables).is_none(), "{id} twice in {}", lang.code());
            }
        }
    }
    all
}

fn collect(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                collect(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let english = messages(Lang::En);
    assert!(english.len() > 100, "the English catalogue is read");
    for lang in [Lang::Ja, Lang::Fr] {
        let other = messages(lang);
        let missing: Vec<_> = english.keys().filter(|id| !other.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        let extra: Vec<_> = other.keys().filter(|id| !english.contains_key(*id)).collect();
        assert!(extra.is_empty(), "{} has messages English does not: {extra:?}", lang.code());
        for (id, variables) in &english {
            // A plural form may leave the count itself out ("1 saved login"): only what the
            // other language uses must be given, and it must use every other variable.
            let theirs = &other[id];
            let unknown: Vec<_> = theirs.difference(variables).collect();
            assert!(unknown.is_empty(), "{}: {id} uses {unknown:?}, which English does not pass", lang.code());
            let lost: Vec<_> = variables.difference(theirs).filter(|v| *v != "count").collect();
            assert!(lost.is_empty(), "{}: {id} leaves out {lost:?}", lang.code());
        }
    }
}

/// Every message id the code names (in `tr!`, `press`, the key tables, the tasks, the steps).
fn ids_in_code() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let quoted = |text: &str, after: &str| -> Vec<String> {
        text.match_indices(after)
            .filter_map(|(i, _)| {
                let rest = &text[i + after.len()..];
                let end = rest.find('"')?;
                Some(rest[..end].to_owned())
            })
            .collect()
    };
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.parent().is_some_and(|p| p.ends_with("i18n")) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            ids.extend(quoted(&text, "tr!(\""));
            ids.extend(quoted(&text, "text(\""));
            ids.extend(quoted(&text, "text_with(\""));
            // Ids handed around as strings: key labels, hints, tasks, steps.
            for prefix in [
                "\"key-",
                "\"keyname-",
                "\"hint-",
                "\"task-",
                "\"step-",
                "\"copy-",
                "\"profile-",
                "\"accounts-",
                "\"demo-",
                "\"cmd-",
            ] {
                ids.extend(quoted(&text, prefix).into_iter().map(|rest| format!("{}{rest}", &prefix[1..])));
            }
        }
    }
    ids.retain(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    ids
}

#[test]
fn every_message_the_code_names_exists() {
    let english = messages(Lang::En);
    let missing: Vec<_> = ids_in_code().into_iter().filter(|id| !english.contains_key(id)).collect();
    assert!(missing.is_empty(), "not in the English catalogue: {missing:?}");
    for scope in crate::mastodon::scopes::CATALOGUE {
        let id = format!("scope-{}", scope.name.replace([':', '_'], "-"));
        assert!(english.contains_key(&id), "{id}");
    }
    for account in crate::demo::accounts::all() {
        let id = format!("demo-account-{}", account.username);
        assert!(english.contains_key(&id), "{id}");
    }
}
