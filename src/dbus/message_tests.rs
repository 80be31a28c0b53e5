use proptest::prelude::*;

use super::*;
use crate::dbus::wire::METHOD_RETURN;

fn call_with(body: Vec<Value>) -> Message {
    Message::call(7, "org.freedesktop.secrets", "/org/freedesktop/secrets", "org.freedesktop.Secret.Service", "M", body)
}

#[test]
fn a_call_round_trips_with_every_field() {
    let secret = Value::Struct(vec![
        Value::path("/org/freedesktop/secrets/session/1"),
        Value::bytes(&[]),
        Value::bytes(b"tok-123"),
        Value::str("text/plain"),
    ]);
    let body = vec![Value::string_dict(&[("service", "mastokey"), ("username", "1@x")]), secret, Value::Bool(true)];
    let message = call_with(body);
    let bytes = message.to_bytes();
    assert_eq!(Message::length(bytes[..16].try_into().unwrap()), Ok(bytes.len()));
    assert_eq!(Message::parse(&bytes), Ok(message));
}

#[test]
fn a_big_endian_reply_is_read() {
    // A method return, serial 2, reply to 7, signature "s", body "ok" (as a big-endian peer
    // writes it).
    let mut m = vec![b'B', METHOD_RETURN, 0, 1];
    m.extend_from_slice(&7u32.to_be_bytes()); // body length: 4 + 2 + 1
    m.extend_from_slice(&2u32.to_be_bytes());
    let fields: Vec<u8> = [
        vec![FIELD_REPLY_SERIAL, 1, b'u', 0],
        7u32.to_be_bytes().to_vec(),
        vec![FIELD_SIGNATURE, 1, b'g', 0, 1, b's', 0],
    ]
    .concat();
    m.extend_from_slice(&(fields.len() as u32).to_be_bytes());
    m.extend_from_slice(&fields);
    while m.len() % 8 != 0 {
        m.push(0);
    }
    m.extend_from_slice(&2u32.to_be_bytes());
    m.extend_from_slice(b"ok\0");
    let parsed = Message::parse(&m).unwrap();
    assert_eq!((parsed.kind, parsed.reply_serial), (METHOD_RETURN, Some(7)));
    assert_eq!(parsed.body, vec![Value::str("ok")]);
}

#[test]
fn malformed_messages_are_refused() {
    let good = call_with(vec![Value::str("x")]).to_bytes();
    // Cut anywhere: refused, never a panic.
    for end in 0..good.len() {
        assert!(Message::parse(&good[..end]).is_err(), "cut at {end}");
    }
    let mut wrong_order = good.clone();
    wrong_order[0] = b'X';
    assert!(Message::parse(&wrong_order).is_err());
    let mut huge = good.clone();
    huge[4..8].copy_from_slice(&(MAX_MESSAGE as u32).to_le_bytes());
    assert_eq!(Message::length(huge[..16].try_into().unwrap()), Err(WireError("a message larger than mastokey reads")));
    // A string without its nul, a boolean of 2.
    let mut no_nul = good.clone();
    let last = no_nul.len() - 1;
    no_nul[last] = b'!';
    assert!(Message::parse(&no_nul).is_err());
    let bool_two = {
        let mut m = call_with(vec![Value::Bool(true)]).to_bytes();
        let last = m.len() - 4;
        m[last] = 2;
        m
    };
    assert_eq!(Message::parse(&bool_two), Err(WireError("a boolean that is neither 0 nor 1")));
}

#[test]
fn signatures_are_checked() {
    assert!(Type::parse_all("a{sv}(oayays)ao").is_ok());
    for bad in ["a", "a{", "a{vs}", "()", "(s", "z", "a{ss", &"a".repeat(70)] {
        assert!(Type::parse_all(bad).is_err(), "{bad}");
    }
    assert!(Type::parse_single("ss").is_err(), "a variant holds one type");
    assert!(Type::parse_all(&"y".repeat(256)).is_err());
}

#[test]
fn variants_nested_too_deep_are_refused() {
    let mut v = Value::U32(1);
    for _ in 0..70 {
        v = Value::Variant(Box::new(v));
    }
    let bytes = call_with(vec![v]).to_bytes();
    assert_eq!(Message::parse(&bytes), Err(WireError("values nested too deep")));
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<u8>().prop_map(Value::Byte),
        any::<bool>().prop_map(Value::Bool),
        any::<i16>().prop_map(Value::I16),
        any::<u32>().prop_map(Value::U32),
        any::<u64>().prop_map(Value::U64),
        "[^\u{0}]{0,12}".prop_map(Value::Str),
        "(/[a-z0-9_]{1,6}){0,3}".prop_map(|p| Value::Path(if p.is_empty() { "/".into() } else { p })),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(Value::Struct),
            inner.clone().prop_map(|v| Value::Variant(Box::new(v))),
            // Arrays of one element type: the type of the first generated value.
            (inner, 0..4usize).prop_map(|(v, n)| Value::Array(v.type_of(), vec![v; n])),
        ]
    })
}

proptest! {
    /// Whatever is written is read back the same, at any offset a body can start at.
    #[test]
    fn values_round_trip(body in prop::collection::vec(value(), 0..4)) {
        let message = call_with(body);
        prop_assert_eq!(Message::parse(&message.to_bytes()), Ok(message));
    }

    /// Any bytes at all: an error or a message, never a panic, a hang or a huge allocation.
    #[test]
    fn any_bytes_are_refused_or_read(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = Message::parse(&bytes);
        if let Ok(head) = <[u8; 16]>::try_from(bytes.get(..16).unwrap_or(&[0; 16])) {
            let _ = Message::length(&head);
        }
    }

    /// A valid message with one byte changed: refused or read, never a panic.
    #[test]
    fn a_changed_byte_is_refused_or_read(body in prop::collection::vec(value(), 1..3), at in any::<usize>(), to in any::<u8>()) {
        let mut bytes = call_with(body).to_bytes();
        let at = at % bytes.len();
        bytes[at] = to;
        let _ = Message::parse(&bytes);
    }
}

/// The fuzz target's seeds were written by another encoder (a few lines of Python following the
/// specification): the replies and the signal mastokey waits for, each read as a message.
#[test]
fn messages_written_elsewhere_are_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/dbus");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let message = Message::parse(&std::fs::read(&path).unwrap());
        assert!(message.is_ok(), "{}: {message:?}", path.display());
        read += 1;
    }
    assert!(read >= 5);
    let secret =
        Message::parse(&std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/dbus/secret")).unwrap());
    let fields = secret.unwrap().body[0].items().map(<[Value]>::to_vec).unwrap();
    assert_eq!(fields[2].as_bytes().as_deref(), Some(&b"tok-123"[..]));
}

/// Empty arrays nested in arrays cost four bytes each on the wire; a message full of them must
/// not become a large allocation (each would keep its element type).
#[test]
fn a_small_message_cannot_make_a_large_allocation() {
    let inner = Type::Struct(vec![Type::Basic(b'y'); 200]);
    let empty = Value::Array(inner.clone(), vec![]);
    let many = Value::Array(Type::Array(Box::new(inner)), vec![empty; 20_000]);
    let bytes = call_with(vec![many]).to_bytes();
    assert!(bytes.len() < MAX_MESSAGE, "{}", bytes.len());
    assert_eq!(Message::parse(&bytes), Err(WireError("a message with too many values")));
}

#[test]
fn header_lengths_that_overflow_are_refused() {
    let mut head = [0u8; 16];
    head[0] = b'l';
    head[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    head[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(Message::length(&head).is_err());
}

#[test]
fn a_message_debug_never_shows_its_body() {
    let shown = format!("{:?}", call_with(vec![Value::bytes(b"tok-secret-123")]));
    assert!(!shown.contains("116") && !shown.contains("tok") && shown.contains("<1 values>"), "{shown}");
}
