//! The sanitizer: no control or format character survives (but a line break in the multi-line
//! form, and a joiner between two emoji), and cleaning again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::sanitize::{clean, clean_multiline, is_format};

fuzz_target!(|text: &str| {
    let one = clean(text);
    assert!(one.chars().all(|c| !(c.is_control() || (is_format(c) && c != '\u{200d}'))), "{one:?}");
    assert_eq!(clean(&one), one, "clean is idempotent");
    let many = clean_multiline(text);
    assert!(many.chars().all(|c| c == '\n' || !(c.is_control() || (is_format(c) && c != '\u{200d}'))), "{many:?}");
    assert_eq!(clean_multiline(&many), many, "clean_multiline is idempotent");
});
