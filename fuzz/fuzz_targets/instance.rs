//! The documents a server describes itself with: the v2 and v1 instance documents (the server
//! card), NodeInfo's links and document, and the software detected from them. Any bytes are read
//! without panicking; what is kept for the screen holds no control or format character, and the
//! card is the same whatever the server wrote in fields that are only shown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::mastodon::discovery::{InstanceCard, card_from_v1, card_from_v2};
use mastokey::mastodon::kind::Software;
use mastokey::mastodon::nodeinfo::{document_path, software_of};

fn clean(text: &str) -> bool {
    !text.chars().any(|c| c.is_control() || mastokey::sanitize::is_format(c) && c != '\u{200d}')
}

fn check(card: &InstanceCard) {
    for text in [&card.title, &card.domain, &card.version, &card.description] {
        assert!(clean(text), "{text:?}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(bytes) else { return };
    if let Ok(card) = card_from_v2(&document) {
        check(&card);
    }
    if let Ok(card) = card_from_v1(&document) {
        check(&card);
    }
    let _ = document_path(&document);
    let node = software_of(&document);
    if let Some(node) = &node {
        assert!(clean(&node.name) && clean(&node.version) && node.name.chars().count() <= 64, "{node:?}");
    }
    let version = document.get("version").and_then(|v| v.as_str()).unwrap_or("");
    let software = Software::detect(node.as_ref().map(|n| (n.name.as_str(), n.version.as_str())), version);
    let label = software.label();
    assert!(clean(&label), "{label:?}");
    let _ = software.version_number();
});
