//! The D-Bus wire format: values and their signatures, written little-endian and read in either
//! byte order (messages: `message.rs`). What the bus sends is outside input: every length, offset, nesting and
//! signature is checked, and nothing is trusted to fit.

/// The most of a message mastokey reads: its answers (a few paths and a token) are far smaller,
/// and the specification's own limit (128 MiB) is no reason to allocate that much.
pub const MAX_MESSAGE: usize = 1 << 20;
/// Nesting of arrays, structs and variants together (the specification allows 64).
const MAX_DEPTH: usize = 64;

pub const METHOD_CALL: u8 = 1;
pub const METHOD_RETURN: u8 = 2;
pub const ERROR: u8 = 3;
pub const SIGNAL: u8 = 4;

/// Why bytes are not a D-Bus message (or a value of its signature).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the D-Bus message is malformed: {0}")]
pub struct WireError(pub &'static str);

pub(super) fn bad<T>(why: &'static str) -> Result<T, WireError> {
    Err(WireError(why))
}

/// A D-Bus value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Byte(u8),
    Bool(bool),
    I16(i16),
    U16(u16),
    I32(i32),
    U32(u32),
    I64(i64),
    U64(u64),
    Double(u64),
    Str(String),
    Path(String),
    Signature(String),
    /// A file descriptor's index (mastokey passes none).
    Fd(u32),
    /// The element type and the elements.
    Array(Type, Vec<Value>),
    Struct(Vec<Value>),
    DictEntry(Box<Value>, Box<Value>),
    Variant(Box<Value>),
}

/// A complete D-Bus type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Basic(u8),
    Variant,
    Array(Box<Type>),
    Struct(Vec<Type>),
    DictEntry(Box<Type>, Box<Type>),
}

impl Type {
    /// The types of a whole signature (a message body's, say).
    pub fn parse_all(signature: &str) -> Result<Vec<Type>, WireError> {
        let bytes = signature.as_bytes();
        if bytes.len() > 255 {
            return bad("a signature longer than 255");
        }
        let mut at = 0;
        let mut types = Vec::new();
        while at < bytes.len() {
            types.push(Self::parse_one(bytes, &mut at, 0)?);
        }
        Ok(types)
    }

    /// One complete type, as a variant's signature must be.
    pub fn parse_single(signature: &str) -> Result<Type, WireError> {
        match Self::parse_all(signature)?.as_slice() {
            [one] => Ok(one.clone()),
            _ => bad("a variant's signature is not one type"),
        }
    }

    fn parse_one(bytes: &[u8], at: &mut usize, depth: usize) -> Result<Type, WireError> {
        if depth > MAX_DEPTH {
            return bad("a signature nested too deep");
        }
        let Some(&c) = bytes.get(*at) else { return bad("a signature ends inside a type") };
        *at += 1;
        Ok(match c {
            b'y' | b'b' | b'n' | b'q' | b'i' | b'u' | b'x' | b't' | b'd' | b's' | b'o' | b'g' | b'h' => Type::Basic(c),
            b'v' => Type::Variant,
            b'a' if bytes.get(*at) == Some(&b'{') => {
                *at += 1;
                let key = Self::parse_one(bytes, at, depth + 1)?;
                if !matches!(key, Type::Basic(_)) {
                    return bad("a dictionary key that is not a basic type");
                }
                let value = Self::parse_one(bytes, at, depth + 1)?;
                if bytes.get(*at) != Some(&b'}') {
                    return bad("a dictionary entry without its closing brace");
                }
                *at += 1;
                Type::Array(Box::new(Type::DictEntry(Box::new(key), Box::new(value))))
            }
            b'a' => Type::Array(Box::new(Self::parse_one(bytes, at, depth + 1)?)),
            b'(' => {
                let mut fields = Vec::new();
                while bytes.get(*at) != Some(&b')') {
                    fields.push(Self::parse_one(bytes, at, depth + 1)?);
                }
                *at += 1;
                if fields.is_empty() {
                    return bad("an empty struct");
                }
                Type::Struct(fields)
            }
            _ => return bad("an unknown type code in a signature"),
        })
    }

    /// How many type nodes this is.
    fn nodes(&self) -> usize {
        1 + match self {
            Type::Basic(_) | Type::Variant => 0,
            Type::Array(t) => t.nodes(),
            Type::Struct(fields) => fields.iter().map(Type::nodes).sum(),
            Type::DictEntry(k, v) => k.nodes() + v.nodes(),
        }
    }

    pub fn signature(&self) -> String {
        match self {
            Type::Basic(c) => (*c as char).to_string(),
            Type::Variant => "v".into(),
            Type::Array(t) => format!("a{}", t.signature()),
            Type::Struct(fields) => format!("({})", fields.iter().map(Type::signature).collect::<String>()),
            Type::DictEntry(k, v) => format!("{{{}{}}}", k.signature(), v.signature()),
        }
    }

    fn alignment(&self) -> usize {
        match self {
            Type::Basic(b'y' | b'g') | Type::Variant => 1,
            Type::Basic(b'n' | b'q') => 2,
            Type::Basic(b'x' | b't' | b'd') | Type::Struct(_) | Type::DictEntry(..) => 8,
            Type::Basic(_) | Type::Array(_) => 4,
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(s.to_owned())
    }

    pub fn path(s: &str) -> Value {
        Value::Path(s.to_owned())
    }

    /// `ay`.
    pub fn bytes(bytes: &[u8]) -> Value {
        Value::Array(Type::Basic(b'y'), bytes.iter().map(|b| Value::Byte(*b)).collect())
    }

    /// `a{ss}`.
    pub fn string_dict(pairs: &[(&str, &str)]) -> Value {
        let entry = Type::DictEntry(Box::new(Type::Basic(b's')), Box::new(Type::Basic(b's')));
        let entries =
            pairs.iter().map(|(k, v)| Value::DictEntry(Box::new(Value::str(k)), Box::new(Value::str(v)))).collect();
        Value::Array(entry, entries)
    }

    pub fn type_of(&self) -> Type {
        match self {
            Value::Byte(_) => Type::Basic(b'y'),
            Value::Bool(_) => Type::Basic(b'b'),
            Value::I16(_) => Type::Basic(b'n'),
            Value::U16(_) => Type::Basic(b'q'),
            Value::I32(_) => Type::Basic(b'i'),
            Value::U32(_) => Type::Basic(b'u'),
            Value::I64(_) => Type::Basic(b'x'),
            Value::U64(_) => Type::Basic(b't'),
            Value::Double(_) => Type::Basic(b'd'),
            Value::Str(_) => Type::Basic(b's'),
            Value::Path(_) => Type::Basic(b'o'),
            Value::Signature(_) => Type::Basic(b'g'),
            Value::Fd(_) => Type::Basic(b'h'),
            Value::Array(t, _) => Type::Array(Box::new(t.clone())),
            Value::Struct(fields) => Type::Struct(fields.iter().map(Value::type_of).collect()),
            Value::DictEntry(k, v) => Type::DictEntry(Box::new(k.type_of()), Box::new(v.type_of())),
            Value::Variant(_) => Type::Variant,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Path(s) | Value::Signature(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements of an array, the fields of a struct.
    pub fn items(&self) -> Option<&[Value]> {
        match self {
            Value::Array(_, items) | Value::Struct(items) => Some(items),
            _ => None,
        }
    }

    /// What a variant holds (a value that is not one is itself).
    pub fn unwrapped(&self) -> &Value {
        match self {
            Value::Variant(inner) => inner.unwrapped(),
            other => other,
        }
    }

    /// An `ay` as bytes.
    pub fn as_bytes(&self) -> Option<Vec<u8>> {
        self.items()?.iter().map(|v| if let Value::Byte(b) = v { Some(*b) } else { None }).collect()
    }

    /// An `ao` (or `as`) as strings.
    pub fn as_strings(&self) -> Option<Vec<String>> {
        self.items()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
    }
}

/// Little-endian marshalling into a buffer whose offset 0 is the message's start (alignment is
/// counted from it).
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub(super) fn align(&mut self, n: usize) {
        while !self.buf.len().is_multiple_of(n) {
            self.buf.push(0);
        }
    }

    pub(super) fn u32(&mut self, v: u32) {
        self.align(4);
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn string(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
        self.buf.push(0);
    }

    fn signature(&mut self, s: &str) {
        self.buf.push(s.len() as u8);
        self.buf.extend_from_slice(s.as_bytes());
        self.buf.push(0);
    }

    pub fn value(&mut self, value: &Value) {
        match value {
            Value::Byte(b) => self.buf.push(*b),
            Value::Bool(b) => self.u32(u32::from(*b)),
            Value::I16(v) => {
                self.align(2);
                self.buf.extend_from_slice(&v.to_le_bytes());
            }
            Value::U16(v) => {
                self.align(2);
                self.buf.extend_from_slice(&v.to_le_bytes());
            }
            Value::I32(v) => {
                self.align(4);
                self.buf.extend_from_slice(&v.to_le_bytes());
            }
            Value::U32(v) | Value::Fd(v) => self.u32(*v),
            Value::I64(v) => {
                self.align(8);
                self.buf.extend_from_slice(&v.to_le_bytes());
            }
            Value::U64(v) | Value::Double(v) => {
                self.align(8);
                self.buf.extend_from_slice(&v.to_le_bytes());
            }
            Value::Str(s) | Value::Path(s) => self.string(s),
            Value::Signature(s) => self.signature(s),
            Value::Array(element, items) => {
                self.u32(0);
                let length_at = self.buf.len() - 4;
                self.align(element.alignment());
                let start = self.buf.len();
                for item in items {
                    self.value(item);
                }
                let length = (self.buf.len() - start) as u32;
                self.buf[length_at..length_at + 4].copy_from_slice(&length.to_le_bytes());
            }
            Value::Struct(fields) => {
                self.align(8);
                for field in fields {
                    self.value(field);
                }
            }
            Value::DictEntry(k, v) => {
                self.align(8);
                self.value(k);
                self.value(v);
            }
            Value::Variant(inner) => {
                self.signature(&inner.type_of().signature());
                self.value(inner);
            }
        }
    }
}

/// Reads values from a whole message (alignment counted from its start).
pub(super) struct Reader<'a> {
    pub(super) data: &'a [u8],
    pub(super) at: usize,
    pub(super) big: bool,
    /// What is left to spend on values and the types arrays keep: a small message cannot make
    /// a large allocation (empty nested arrays cost four bytes each on the wire).
    pub(super) budget: usize,
}

/// Values and type nodes one message may make.
pub(super) const BUDGET: usize = 1 << 16;

impl Reader<'_> {
    pub(super) fn align(&mut self, n: usize) -> Result<(), WireError> {
        let to = self.at.div_ceil(n) * n;
        if to > self.data.len() {
            return bad("padding runs past the end");
        }
        self.at = to;
        Ok(())
    }

    fn take(&mut self, n: usize) -> Result<&[u8], WireError> {
        let end =
            self.at.checked_add(n).filter(|&e| e <= self.data.len()).ok_or(WireError("a value runs past the end"))?;
        let bytes = &self.data[self.at..end];
        self.at = end;
        Ok(bytes)
    }

    fn fixed<const N: usize>(&mut self) -> Result<[u8; N], WireError> {
        self.align(N)?;
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        if self.big {
            out.reverse();
        }
        Ok(out)
    }

    pub(super) fn u32(&mut self) -> Result<u32, WireError> {
        Ok(u32::from_le_bytes(self.fixed()?))
    }

    fn text(&mut self, len: usize) -> Result<String, WireError> {
        let bytes = self.take(len)?.to_vec();
        if self.take(1)? != [0] {
            return bad("a string without its terminating nul");
        }
        if bytes.contains(&0) {
            return bad("a nul inside a string");
        }
        String::from_utf8(bytes).map_err(|_| WireError("a string that is not UTF-8"))
    }

    fn signature(&mut self) -> Result<String, WireError> {
        let len = usize::from(self.take(1)?[0]);
        self.text(len)
    }

    fn spend(&mut self, n: usize) -> Result<(), WireError> {
        self.budget = self.budget.checked_sub(n).ok_or(WireError("a message with too many values"))?;
        Ok(())
    }

    pub(super) fn value(&mut self, t: &Type, depth: usize) -> Result<Value, WireError> {
        if depth > MAX_DEPTH {
            return bad("values nested too deep");
        }
        self.spend(1)?;
        Ok(match t {
            Type::Basic(b'y') => Value::Byte(self.take(1)?[0]),
            Type::Basic(b'b') => match self.u32()? {
                0 => Value::Bool(false),
                1 => Value::Bool(true),
                _ => return bad("a boolean that is neither 0 nor 1"),
            },
            Type::Basic(b'n') => Value::I16(i16::from_le_bytes(self.fixed()?)),
            Type::Basic(b'q') => Value::U16(u16::from_le_bytes(self.fixed()?)),
            Type::Basic(b'i') => Value::I32(i32::from_le_bytes(self.fixed()?)),
            Type::Basic(b'u') => Value::U32(self.u32()?),
            Type::Basic(b'h') => Value::Fd(self.u32()?),
            Type::Basic(b'x') => Value::I64(i64::from_le_bytes(self.fixed()?)),
            Type::Basic(b't') => Value::U64(u64::from_le_bytes(self.fixed()?)),
            Type::Basic(b'd') => Value::Double(u64::from_le_bytes(self.fixed()?)),
            Type::Basic(c @ (b's' | b'o')) => {
                let len = self.u32()? as usize;
                let text = self.text(len)?;
                if *c == b'o' { Value::Path(text) } else { Value::Str(text) }
            }
            Type::Basic(b'g') => Value::Signature(self.signature()?),
            Type::Basic(_) => return bad("an unknown basic type"),
            Type::Variant => {
                let signature = self.signature()?;
                let inner = Type::parse_single(&signature)?;
                Value::Variant(Box::new(self.value(&inner, depth + 1)?))
            }
            Type::Array(element) => {
                // The array keeps its element type.
                self.spend(element.nodes())?;
                let len = self.u32()? as usize;
                self.align(element.alignment())?;
                let end = self
                    .at
                    .checked_add(len)
                    .filter(|&e| e <= self.data.len())
                    .ok_or(WireError("an array runs past the end"))?;
                let mut items = Vec::new();
                // Every element takes at least one byte, so this ends.
                while self.at < end {
                    items.push(self.value(element, depth + 1)?);
                }
                if self.at != end {
                    return bad("an array's elements overrun its length");
                }
                Value::Array((**element).clone(), items)
            }
            Type::Struct(fields) => {
                self.align(8)?;
                Value::Struct(fields.iter().map(|f| self.value(f, depth + 1)).collect::<Result<_, _>>()?)
            }
            Type::DictEntry(k, v) => {
                self.align(8)?;
                let key = self.value(k, depth + 1)?;
                Value::DictEntry(Box::new(key), Box::new(self.value(v, depth + 1)?))
            }
        })
    }
}
