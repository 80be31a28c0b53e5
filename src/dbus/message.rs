//! D-Bus messages: the header fields mastokey uses, and the body, through `wire`. What the bus
//! sends is outside input: the lengths in the header must agree with the bytes, and the body
//! with its signature.

use super::wire::{BUDGET, MAX_MESSAGE, METHOD_CALL, Reader, Type, Value, WireError, Writer, bad};

/// A message as mastokey uses it. Its `Debug` leaves the body out: a body may hold a token.
#[derive(Clone, PartialEq, Default)]
pub struct Message {
    pub kind: u8,
    pub serial: u32,
    pub path: Option<String>,
    pub interface: Option<String>,
    pub member: Option<String>,
    pub error_name: Option<String>,
    pub reply_serial: Option<u32>,
    pub destination: Option<String>,
    /// The bus name of who sent it (the bus fills it in).
    pub sender: Option<String>,
    pub body: Vec<Value>,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message")
            .field("kind", &self.kind)
            .field("serial", &self.serial)
            .field("path", &self.path)
            .field("interface", &self.interface)
            .field("member", &self.member)
            .field("error_name", &self.error_name)
            .field("reply_serial", &self.reply_serial)
            .field("sender", &self.sender)
            .field("body", &format_args!("<{} values>", self.body.len()))
            .finish()
    }
}

const FIELD_PATH: u8 = 1;
const FIELD_INTERFACE: u8 = 2;
const FIELD_MEMBER: u8 = 3;
const FIELD_ERROR_NAME: u8 = 4;
const FIELD_REPLY_SERIAL: u8 = 5;
const FIELD_DESTINATION: u8 = 6;
const FIELD_SENDER: u8 = 7;
const FIELD_SIGNATURE: u8 = 8;

impl Message {
    /// A method call.
    pub fn call(serial: u32, destination: &str, path: &str, interface: &str, member: &str, body: Vec<Value>) -> Self {
        Message {
            kind: METHOD_CALL,
            serial,
            path: Some(path.into()),
            interface: Some(interface.into()),
            member: Some(member.into()),
            destination: Some(destination.into()),
            body,
            ..Message::default()
        }
    }

    /// The bytes on the wire (little-endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Writer::default();
        for value in &self.body {
            body.value(value);
        }
        let signature: String = self.body.iter().map(|v| v.type_of().signature()).collect();
        let field = |code: u8, value: Value| Value::Struct(vec![Value::Byte(code), Value::Variant(Box::new(value))]);
        let mut fields = Vec::new();
        let text_fields = [
            (FIELD_PATH, self.path.as_deref().map(Value::path)),
            (FIELD_INTERFACE, self.interface.as_deref().map(Value::str)),
            (FIELD_MEMBER, self.member.as_deref().map(Value::str)),
            (FIELD_ERROR_NAME, self.error_name.as_deref().map(Value::str)),
            (FIELD_DESTINATION, self.destination.as_deref().map(Value::str)),
            (FIELD_SENDER, self.sender.as_deref().map(Value::str)),
        ];
        for (code, value) in text_fields {
            if let Some(value) = value {
                fields.push(field(code, value));
            }
        }
        if let Some(serial) = self.reply_serial {
            fields.push(field(FIELD_REPLY_SERIAL, Value::U32(serial)));
        }
        if !signature.is_empty() {
            fields.push(field(FIELD_SIGNATURE, Value::Signature(signature)));
        }
        let field_type = Type::Struct(vec![Type::Basic(b'y'), Type::Variant]);
        let mut out = Writer { buf: vec![b'l', self.kind, 0, 1] };
        out.u32(body.buf.len() as u32);
        out.u32(self.serial);
        out.value(&Value::Array(field_type, fields));
        out.align(8);
        out.buf.extend_from_slice(&body.buf);
        out.buf
    }

    /// The whole length of the message whose first 16 bytes these are, checked against
    /// [`MAX_MESSAGE`].
    pub fn length(head: &[u8; 16]) -> Result<usize, WireError> {
        let big = match head[0] {
            b'l' => false,
            b'B' => true,
            _ => return bad("an unknown byte order"),
        };
        let word = |at: usize| {
            let mut b = [head[at], head[at + 1], head[at + 2], head[at + 3]];
            if big {
                b.reverse();
            }
            u32::from_le_bytes(b) as usize
        };
        let (body, fields) = (word(4), word(12));
        let total =
            16usize.checked_add(fields).and_then(|n| n.checked_next_multiple_of(8)).and_then(|n| n.checked_add(body));
        match total {
            Some(n) if n <= MAX_MESSAGE => Ok(n),
            _ => bad("a message larger than mastokey reads"),
        }
    }

    /// A whole message.
    pub fn parse(data: &[u8]) -> Result<Message, WireError> {
        let head: &[u8; 16] =
            data.get(..16).and_then(|h| h.try_into().ok()).ok_or(WireError("shorter than a header"))?;
        if Self::length(head)? != data.len() {
            return bad("a length that does not match the message");
        }
        if data[3] != 1 {
            return bad("an unknown protocol version");
        }
        let mut r = Reader { data, at: 4, big: data[0] == b'B', budget: BUDGET };
        let body_len = r.u32()? as usize;
        let serial = r.u32()?;
        if serial == 0 {
            return bad("a serial of 0");
        }
        let field_type = Type::Array(Box::new(Type::Struct(vec![Type::Basic(b'y'), Type::Variant])));
        let fields = r.value(&field_type, 0)?;
        let mut message = Message { kind: data[1], serial, ..Message::default() };
        let mut signature = String::new();
        for field in fields.items().unwrap_or_default() {
            let [Value::Byte(code), value] = field.items().unwrap_or_default() else { return bad("a header field") };
            let value = value.unwrapped();
            let text = || value.as_str().map(str::to_owned).ok_or(WireError("a header field of the wrong type"));
            match *code {
                FIELD_PATH => message.path = Some(text()?),
                FIELD_INTERFACE => message.interface = Some(text()?),
                FIELD_MEMBER => message.member = Some(text()?),
                FIELD_ERROR_NAME => message.error_name = Some(text()?),
                FIELD_DESTINATION => message.destination = Some(text()?),
                FIELD_SENDER => message.sender = Some(text()?),
                FIELD_SIGNATURE => signature = text()?,
                FIELD_REPLY_SERIAL => match value {
                    Value::U32(n) => message.reply_serial = Some(*n),
                    _ => return bad("a reply serial that is not a u32"),
                },
                // File descriptors and fields of later versions: not needed.
                _ => {}
            }
        }
        r.align(8)?;
        if data.len() - r.at != body_len {
            return bad("a body of another length than the header says");
        }
        for t in Type::parse_all(&signature)? {
            message.body.push(r.value(&t, 0)?);
        }
        if r.at != data.len() {
            return bad("bytes after the body");
        }
        Ok(message)
    }
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
