//! Every form people paste, and what may never happen on any input (a panic, a leaked code).

use super::*;

const STATE: &str = "st4te-Of-this-attempt";

fn code(text: &str) -> Option<(String, Option<String>)> {
    match parse(text) {
        Pasted::Code { code, state } => Some((code.expose().to_owned(), state)),
        _ => None,
    }
}

fn with_state(c: &str, s: &str) -> Option<(String, Option<String>)> {
    Some((c.to_owned(), Some(s.to_owned())))
}

#[test]
fn a_bare_code_with_whitespace_and_quotes_around_it() {
    for text in
        ["abcDEF-123_x", "  abcDEF-123_x\n", "\"abcDEF-123_x\"", "'abcDEF-123_x' ", "<abcDEF-123_x>", "“abcDEF-123_x”"]
    {
        assert_eq!(code(text), Some(("abcDEF-123_x".into(), None)), "{text:?}");
    }
    // Copied off a page, a code is taken as it is: `+` and padding stay.
    assert_eq!(code("ab+c/d=="), Some(("ab+c/d==".into(), None)));
}

#[test]
fn snacs_code_page_the_code_then_its_state() {
    assert_eq!(code("9f3a1c&state=st4te"), with_state("9f3a1c", "st4te"));
    assert_eq!(code(" 9f3a1c&state=st4te\n"), with_state("9f3a1c", "st4te"));
    assert_eq!(code("9f3a1c&"), Some(("9f3a1c".into(), None)));
}

#[test]
fn name_value_pairs_in_any_order_with_extras() {
    assert_eq!(code("code=C0de&state=S1"), with_state("C0de", "S1"));
    assert_eq!(code("state=S1&code=C0de"), with_state("C0de", "S1"));
    assert_eq!(code("state=S1&lang=ja&code=C%2B0de"), with_state("C+0de", "S1"));
    assert_eq!(code("code=C0de&state="), with_state("C0de", ""), "an empty state is kept, to be refused");
    assert_eq!(code("code=first&code=second"), Some(("first".into(), None)), "the first counts");
}

#[test]
fn whole_redirect_urls_from_the_address_bar() {
    let url = "http://127.0.0.1:43127/callback?code=Qx9-abc_DEF&state=st4te";
    assert_eq!(code(url), with_state("Qx9-abc_DEF", "st4te"));
    assert_eq!(code(&format!("  {url}  ")), with_state("Qx9-abc_DEF", "st4te"));
    assert_eq!(code("urn:ietf:wg:oauth:2.0:oob?code=abc"), Some(("abc".into(), None)));
    assert_eq!(code("https://app.example/cb?state=s&code=c#top"), with_state("c", "s"));
    assert_eq!(code("com.example.app:/cb?code=c"), Some(("c".into(), None)));
    assert_eq!(code("?code=c&state=s"), with_state("c", "s"));
    // response_mode=fragment puts them after `#`.
    assert_eq!(code("http://127.0.0.1:5/callback#code=c&state=s"), with_state("c", "s"));
    assert_eq!(parse("http://127.0.0.1:5/callback"), Pasted::NotACode);
    assert_eq!(parse("http://127.0.0.1:5/callback?state=s"), Pasted::NotACode);
}

#[test]
fn errors_in_a_pasted_url_are_named() {
    let denied = "http://127.0.0.1:5/callback?error=access_denied&error_description=The+resource+owner+denied&state=s";
    assert_eq!(
        parse(denied),
        Pasted::Error {
            error: PastedError::AccessDenied,
            description: Some("The resource owner denied".into()),
            state: Some("s".into()),
        }
    );
    let gts = "http://127.0.0.1:5/callback?error=server_error&state=s";
    assert!(matches!(parse(gts), Pasted::Error { error: PastedError::ServerError, description: None, .. }));
    assert!(matches!(parse("error=invalid_scope"), Pasted::Error { error: PastedError::InvalidScope, .. }));
    let hostile = "error=%1B%5D0%3Bpwned%07odd&error_description=%1B%5B2Jcleared";
    assert_eq!(
        parse(hostile),
        Pasted::Error { error: PastedError::Other("odd".into()), description: Some("cleared".into()), state: None }
    );
}

#[test]
fn nothing_or_no_code() {
    for text in ["", "   \n\t", "\"\"", "' '", "<>"] {
        assert_eq!(parse(text), Pasted::Empty, "{text:?}");
    }
    for text in ["two words", "Authorization code: abc", "code=&state=s", "state=s", "a\u{7}b"] {
        assert_eq!(parse(text), Pasted::NotACode, "{text:?}");
    }
}

#[test]
fn the_state_is_checked_before_anything_is_sent() {
    let sent = |text: &str| check(parse(text), STATE);
    assert_eq!(sent("abc").map(|c| c.expose().to_owned()), Ok("abc".into()));
    assert_eq!(sent(&format!("abc&state={STATE}")).map(|c| c.expose().to_owned()), Ok("abc".into()));
    let url = format!("http://127.0.0.1:1/callback?code=abc&state={STATE}");
    assert_eq!(sent(&url).map(|c| c.expose().to_owned()), Ok("abc".into()));
    assert_eq!(sent("abc&state=an-older-attempt"), Err(PasteRefusal::WrongState));
    assert_eq!(sent("http://127.0.0.1:1/callback?code=abc&state=x"), Err(PasteRefusal::WrongState));
    assert_eq!(sent("error=access_denied&state=x"), Err(PasteRefusal::WrongState), "another attempt's error");
    assert_eq!(sent("code=abc&state="), Err(PasteRefusal::WrongState), "an empty state is not this attempt's");
    assert_eq!(sent("http://127.0.0.1:1/callback?code=abc&state"), Err(PasteRefusal::WrongState));
    assert_eq!(
        sent(&format!("error=access_denied&state={STATE}")),
        Err(PasteRefusal::Error { error: PastedError::AccessDenied, description: None })
    );
    assert_eq!(sent(" "), Err(PasteRefusal::Empty));
    assert_eq!(sent("no code here"), Err(PasteRefusal::NotACode));
}

#[test]
fn a_pasted_code_never_shows_in_debug_output() {
    let pasted = parse("http://127.0.0.1:1/callback?code=very-secret-code-123&state=s");
    assert!(!format!("{pasted:?}").contains("very-secret-code-123"), "{pasted:?}");
}

#[test]
fn no_input_makes_it_panic() {
    // A deterministic spread of awkward inputs: every prefix of tricky strings, odd bytes as
    // text, multi-byte characters beside every delimiter.
    let tricky = [
        "http://127.0.0.1:1/callback?code=é&state=ü#code=€",
        "?&=#?&=",
        "%%%&code=%ZZ&state=%",
        "\"'<`“‘",
        "urn:ietf:wg:oauth:2.0:oob?code=\u{0}&error=\u{202e}",
        "日本語&state=日本語?code=日本語",
        ":?#&=:",
    ];
    for text in tricky {
        for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let prefix = &text[..end];
            let _ = check(parse(prefix), STATE);
            let _ = check(parse(&prefix.repeat(3)), STATE);
        }
    }
    let long = "a".repeat(100_000) + "&state=" + &"b".repeat(100_000);
    assert!(matches!(parse(&long), Pasted::Code { .. }));
    let error = format!("error=x&error_description={}", "d".repeat(10_000));
    let Pasted::Error { description: Some(d), .. } = parse(&error) else { panic!("an error") };
    assert_eq!(d.chars().count(), TEXT_LIMIT);
}
