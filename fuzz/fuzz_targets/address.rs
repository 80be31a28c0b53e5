//! The server-address input: any text either parses or is refused, and what parses is a server
//! that parses again to itself (its origin, and what it shows with the scheme it had).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::mastodon::address;

fuzz_target!(|text: &str| {
    let Ok(parsed) = address::parse(text) else { return };
    let origin = parsed.origin();
    let again = address::parse(origin.as_str()).expect("an origin parses");
    assert_eq!(again.origin(), origin, "the origin of {text:?}");
    let shown = format!("{}://{}", parsed.base.scheme(), parsed.shown);
    let shown_again = address::parse(&shown).expect("what is shown parses");
    assert_eq!(shown_again.origin(), origin, "{shown:?} shown for {text:?}");
    let _ = address::normalize_domain(text);
});
