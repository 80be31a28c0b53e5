//! Scope strings as servers send them: split, and bounded as a token answer's granted scopes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::mastodon::scopes::{self, MAX_SCOPES};

fuzz_target!(|text: &str| {
    let split = scopes::split(text);
    assert!(split.iter().all(|s| !s.is_empty() && !s.contains(char::is_whitespace)));
    let requested = vec!["read:accounts".to_owned()];
    let granted = scopes::granted_from(Some(text), &requested);
    assert!(granted.len() <= MAX_SCOPES + 1, "{} scopes", granted.len());
    assert_eq!(scopes::split(&granted.join(" ")), granted, "joined and split again");
    for (i, scope) in granted.iter().enumerate() {
        assert!(!scope.is_empty() && scope.chars().count() <= 64, "{scope:?}");
        assert!(!scope.chars().any(|c| c.is_whitespace() || c.is_control()), "{scope:?}");
        assert!(!granted[..i].contains(scope), "{scope:?} twice");
        let _ = scopes::covers(scope, "read:accounts");
    }
});
