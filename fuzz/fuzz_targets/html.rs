//! Bio HTML into terminal text: never a panic, and nothing a terminal could act on in the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::html;
use mastokey::sanitize::is_format;

fn safe(text: &str) -> bool {
    text.chars().all(|c| !(c.is_control() || is_format(c)) || c == '\u{200d}')
}

fuzz_target!(|text: &str| {
    let plain = html::to_plain(text);
    assert!(safe(&plain), "{plain:?}");
    for color in [false, true] {
        for line in html::to_text(text, color).lines {
            for span in line.spans {
                assert!(safe(&span.content), "{:?}", span.content);
            }
        }
    }
});
