//! What the D-Bus session bus sends (`dbus::message`): any bytes are refused or read without
//! panicking, a length is never more than mastokey reads, and what is read writes back to a
//! message whose body reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastokey::dbus::message::Message;
use mastokey::dbus::wire::MAX_MESSAGE;

fuzz_target!(|data: &[u8]| {
    if let Some(head) = data.get(..16).and_then(|h| <&[u8; 16]>::try_from(h).ok()) {
        if let Ok(length) = Message::length(head) {
            assert!((16..=MAX_MESSAGE).contains(&length));
        }
    }
    if let Ok(message) = Message::parse(data) {
        let again = Message::parse(&message.to_bytes()).expect("a message written back reads again");
        assert_eq!(again.body, message.body);
        assert_eq!((again.serial, again.reply_serial), (message.serial, message.reply_serial));
    }
});
