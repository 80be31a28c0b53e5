//! The loopback listener's request handling: a request head parsed as hyper parses it (httparse,
//! then the target as a URI), then what mastokey makes of it. The code is only ever taken from a
//! GET or HEAD of /callback with this attempt's state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::loopback::{self, CALLBACK_PATH, Event};

const STATE: &str = "fuzz-state-0123456789";

fuzz_target!(|bytes: &[u8]| {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    let Ok(httparse::Status::Complete(_)) = request.parse(bytes) else { return };
    let (Some(method), Some(target)) = (request.method, request.path) else { return };
    let Ok(uri) = target.parse::<hyper::Uri>() else { return };
    let waiting = loopback::Waiting {
        state: STATE.to_owned(),
        server: "example.social".to_owned(),
        deadline: std::time::Instant::now() + std::time::Duration::from_secs(60),
    };
    let (event, page) = loopback::answer(method, &uri, &waiting, false);
    if let Some(Event::Code(_)) = event {
        assert!(method == "GET" || method == "HEAD");
        assert_eq!(uri.path(), CALLBACK_PATH);
        assert!(uri.query().is_some_and(|q| q.contains(STATE)));
        assert_eq!(page.status(), 200);
    }
    if let Some(Event::Stray(path) | Event::Refused { error: path, .. }) = &event {
        assert!(!path.chars().any(char::is_control), "{path:?}");
    }
});
