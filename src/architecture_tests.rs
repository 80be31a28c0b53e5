//! ARCHITECTURE.md's rule that the top-level modules form no import cycle, checked on the source:
//! a module's non-test code that names `crate::other` depends on `other`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules its non-test code names.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs").to_owned();
        let is_test = rel.contains("tests") || rel.contains("/fixtures/");
        if !rel.ends_with(".rs") || is_test || ["lib", "main", "properties"].contains(&top.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if !name.is_empty() && name != top && name != "tr" {
                    edges.entry(top.clone()).or_default().insert(name);
                }
            }
        }
    }
    edges
}

#[test]
fn the_top_level_modules_form_no_import_cycle() {
    let edges = dependencies();
    assert!(edges.contains_key("app") && edges["app"].contains("mastodon"), "the scan sees the code: {edges:?}");
    // A path from a module back to itself is a cycle; depth-first from each module.
    for start in edges.keys() {
        let mut stack: Vec<Vec<&str>> = vec![vec![start.as_str()]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = *path.last().unwrap();
            for next in edges.get(last).into_iter().flatten() {
                assert!(next != start, "import cycle: {} → {next}", path.join(" → "));
                if seen.insert(next.as_str()) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
}
