//! What people paste as the code (`mastodon::paste`): any text is read without panicking, a code
//! is only ever given for sending when it is one (not empty, nothing a server never puts in a
//! code) and when any state that came with it is this attempt's, and what is kept of an error is
//! short and clean.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::mastodon::paste::{self, PasteRefusal, Pasted, PastedError};

const STATE: &str = "fuzz-state-0123456789";

fuzz_target!(|text: &str| {
    let pasted = paste::parse(text);
    if let Pasted::Code { state: Some(state), .. } | Pasted::Error { state: Some(state), .. } = &pasted {
        assert!(!state.is_empty());
    }
    let came_with_another_state = match &pasted {
        Pasted::Code { state, .. } | Pasted::Error { state, .. } => state.as_deref().is_some_and(|s| s != STATE),
        _ => false,
    };
    match paste::check(pasted, STATE) {
        Ok(code) => {
            assert!(!came_with_another_state, "another attempt's code was let through");
            let code = code.expose();
            assert!(!code.is_empty() && !code.chars().any(|c| c.is_whitespace() || c.is_control()), "{code:?}");
        }
        Err(PasteRefusal::Error { error, description }) => {
            let texts = [if let PastedError::Other(e) = &error { Some(e.as_str()) } else { None }, description.as_deref()];
            for text in texts.into_iter().flatten() {
                assert!(text.chars().count() <= 300 && !text.chars().any(char::is_control), "{text:?}");
            }
        }
        Err(_) => {}
    }
});
