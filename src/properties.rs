//! Property tests: the invariants of what reads outside input, over generated input (proptest).
//! The fuzz targets in `fuzz/` state the same ones for longer runs.

use proptest::prelude::*;

use crate::mastodon::{address, paste, scopes};
use crate::sanitize::{clean, clean_multiline, is_format};
use crate::{html, sanitize};

/// Characters that make the sanitizer work: escape sequence bytes, controls, format characters,
/// emoji and their joiners, mixed with anything at all.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec!['\u{1b}', '[', ']', 'P', '\\', '\u{7}', '\u{9b}', '\u{9c}', '\u{9d}', ';', '0', 'm']),
        2 => prop::sample::select(vec!['\r', '\n', '\t', '\u{0}', '\u{7f}', '\u{85}', '\u{2028}', '\u{2029}']),
        2 => prop::sample::select(vec!['\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}', '\u{e0041}', '\u{e007f}', '\u{fff9}']),
        2 => prop::sample::select(vec!['👩', '💻', '🏳', '🌈', '\u{fe0f}', '\u{1f3fd}', '❤', 'a', '日']),
    ]
}

fn nasty_text() -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_char(), 0..80).prop_map(|chars| chars.into_iter().collect())
}

/// Every joiner left is between two emoji, as [`clean`] promises.
fn joiners_join_emoji(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().filter(|&(_, &c)| c == '\u{200d}').all(|(i, _)| {
        let before = chars[..i].iter().rev().find(|&&c| c != '\u{fe0f}');
        before.is_some_and(|&c| sanitize::is_pictographic(c))
            && chars.get(i + 1).is_some_and(|&c| sanitize::is_pictographic(c))
    })
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || (is_format(c) && c != '\u{200d}')
}

/// A valid DNS label: letters, digits and inner hyphens, but not `xx--` at the start, which
/// IDNA reserves (`xn--` is punycode, and a made-up one like `xn--0` is rightly refused).
fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?".prop_filter("a reserved xx-- label", |l| l.get(2..4) != Some("--"))
}

/// Server addresses as people type them: a domain (sometimes in capitals, with a port, a
/// scheme, a trailing slash, spaces around it, or as a handle), or a loopback address over http.
fn typed_address() -> impl Strategy<Value = String> {
    let domain = (prop::collection::vec(label(), 1..4), "[a-z]{2,6}")
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")));
    let port = prop::option::of(1u16..=65535).prop_map(|p| p.map(|p| format!(":{p}")).unwrap_or_default());
    let remote = (domain, port.clone(), 0..5usize, any::<bool>(), any::<bool>()).prop_map(
        |(domain, port, form, upper, spaces)| {
            let host = if upper { domain.to_uppercase() } else { domain };
            let typed = match form {
                0 => format!("{host}{port}"),
                1 => format!("https://{host}{port}"),
                2 => format!("https://{host}{port}/"),
                3 => format!("HTTPS://{host}{port}//"),
                _ => format!("@ada@{host}"),
            };
            if spaces { format!("  {typed}\t") } else { typed }
        },
    );
    let loopback = (any::<[u8; 3]>(), port).prop_map(|([a, b, c], port)| format!("http://127.{a}.{b}.{c}{port}"));
    prop_oneof![3 => remote, 1 => loopback, 1 => Just("http://[::1]:8080".to_owned()), 1 => Just("localhost:3000".to_owned())]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sanitized_text_holds_no_control_or_format_character(text in nasty_text()) {
        let one = clean(&text);
        prop_assert!(!one.chars().any(is_unsafe), "{:?} -> {:?}", text, one);
        prop_assert!(joiners_join_emoji(&one), "{:?} -> {:?}", text, one);
        let many = clean_multiline(&text);
        prop_assert!(!many.chars().any(|c| c != '\n' && is_unsafe(c)), "{:?} -> {:?}", text, many);
        prop_assert!(joiners_join_emoji(&many), "{:?} -> {:?}", text, many);
    }

    #[test]
    fn sanitizing_twice_changes_nothing(text in nasty_text()) {
        let once = clean(&text);
        prop_assert_eq!(clean(&once), once);
        let once = clean_multiline(&text);
        prop_assert_eq!(clean_multiline(&once), once);
    }

    #[test]
    fn any_text_is_sanitized_without_panicking(text in any::<String>()) {
        prop_assert!(!clean(&text).chars().any(is_unsafe));
    }

    #[test]
    fn an_address_parsed_shown_and_parsed_again_is_the_same_server(typed in typed_address()) {
        let parsed = address::parse(&typed).map_err(|e| TestCaseError::fail(format!("{typed:?}: {e}")))?;
        let origin = parsed.origin();
        prop_assert_eq!(address::parse(origin.as_str()).map(|a| a.origin()), Ok(origin.clone()), "{:?}", typed);
        let shown = format!("{}://{}", parsed.base.scheme(), parsed.shown);
        prop_assert_eq!(address::parse(&shown).map(|a| a.origin()), Ok(origin.clone()), "{:?} shown as {:?}", typed, shown);
        if parsed.base.scheme() == "https" {
            prop_assert_eq!(address::parse(&parsed.shown).map(|a| a.origin()), Ok(origin), "{:?}", typed);
        }
    }

    #[test]
    fn the_parsers_never_panic(text in nasty_text(), any_text in any::<String>()) {
        for input in [&text, &any_text] {
            let _ = address::parse(input);
            let _ = html::to_plain(input);
            let _ = html::to_text(input, true);
            let split = scopes::split(input);
            prop_assert!(split.iter().all(|s| !s.is_empty()));
            let granted = scopes::granted_from(Some(input), &[]);
            prop_assert!(granted.len() <= scopes::MAX_SCOPES + 1);
            prop_assert_eq!(&scopes::split(&granted.join(" ")), &granted);
        }
    }

    #[test]
    fn bio_html_reaches_the_terminal_clean(text in nasty_text()) {
        prop_assert!(!html::to_plain(&text).chars().any(is_unsafe));
        for line in html::to_text(&format!("<p>{text}</p>"), true).lines {
            for span in line.spans {
                prop_assert!(!span.content.chars().any(is_unsafe), "{:?}", span.content);
            }
        }
    }

    /// A code and state as servers make them come back out of every form people paste them in,
    /// and another attempt's state is never let through.
    #[test]
    fn a_pasted_code_is_read_in_every_form_and_checked(
        code in "[A-Za-z0-9_-]{1,64}",
        state in "[A-Za-z0-9_-]{1,43}",
        other in "[A-Za-z0-9_-]{1,43}",
        port in 1024u16..,
    ) {
        let forms = [
            code.clone(),
            format!("  {code}\n"),
            format!("{code}&state={state}"),
            format!("code={code}&state={state}"),
            format!("http://127.0.0.1:{port}/callback?code={code}&state={state}"),
            format!("\"http://127.0.0.1:{port}/callback?state={state}&code={code}\""),
        ];
        for form in &forms {
            let sent = paste::check(paste::parse(form), &state).map(|c| c.expose().to_owned());
            prop_assert_eq!(sent, Ok(code.clone()), "{:?}", form);
        }
        if other != state {
            let theirs = format!("http://127.0.0.1:{port}/callback?code={code}&state={other}");
            prop_assert_eq!(paste::check(paste::parse(&theirs), &state), Err(paste::PasteRefusal::WrongState));
        }
    }

    /// Any text at all: read without panicking, and a code given for sending is one.
    #[test]
    fn any_paste_is_read_without_panicking(text in nasty_text(), any_text in any::<String>()) {
        for text in [text, any_text] {
            if let Ok(code) = paste::check(paste::parse(&text), "s") {
                let code = code.expose();
                prop_assert!(!code.is_empty() && !code.chars().any(|c| c.is_whitespace() || c.is_control()));
            }
        }
    }
}
