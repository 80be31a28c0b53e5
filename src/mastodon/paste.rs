//! What people paste into the code box: the bare code, the code with `&state=…` (snac's OOB
//! page), `code=…&state=…`, or the whole redirect URL from the browser's address bar (also with
//! `error=…` in it). Pure and panic-free on any input.
//!
//! Whenever a state comes with the code, [`check`] compares it with the attempt's before
//! anything is sent: a code of another attempt is refused here, not by the server.

use crate::secret::Secret;

/// What a paste turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pasted {
    /// Nothing but whitespace (and quotes).
    Empty,
    /// A code, with the state that came with it, if any.
    Code { code: Secret, state: Option<String> },
    /// A redirect that carries an error instead of a code (`error=access_denied&…`).
    Error { error: PastedError, description: Option<String>, state: Option<String> },
    /// Text that holds no code: a URL without `code=`, words with spaces between them.
    NotACode,
}

/// The `error` of a pasted redirect, the ones with an explanation of their own named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PastedError {
    /// The person pressed Deny (or the server refused on their behalf).
    AccessDenied,
    /// More scopes than the app registered (GoToSocial sends the browser back with it).
    InvalidScope,
    /// On a server that compares redirect URIs exactly, the redirect was not registered.
    ServerError,
    /// Any other error code, sanitized.
    Other(String),
}

/// Why a paste cannot be sent to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteRefusal {
    Empty,
    NotACode,
    /// The state is not this attempt's: the code belongs to another (an older tab, another login).
    WrongState,
    /// The redirect carried an error, not a code.
    Error {
        error: PastedError,
        description: Option<String>,
    },
}

/// Longest text kept from a pasted `error` or `error_description`.
const TEXT_LIMIT: usize = 300;

/// Reads a paste. Surrounding whitespace, quotes and angle brackets are dropped.
pub fn parse(text: &str) -> Pasted {
    let text = unwrap(text);
    if text.is_empty() {
        return Pasted::Empty;
    }
    // A URL (or `urn:ietf:wg:oauth:2.0:oob?code=…`): its query, or its fragment when the query
    // holds nothing of ours. A bare `?code=…` counts too.
    let params = match text.find('?') {
        Some(at) if looks_like_url(&text[..at]) => {
            let rest = &text[at + 1..];
            let (query, fragment) = rest.split_once('#').unwrap_or((rest, ""));
            let from_query = read_pairs(query, false);
            if from_query.has_any() { from_query } else { read_pairs(fragment, false) }
        }
        _ if looks_like_url(text) => match text.split_once('#') {
            Some((_, fragment)) => read_pairs(fragment, false),
            None => return Pasted::NotACode,
        },
        _ => read_pairs(text, true),
    };
    params.into_pasted()
}

/// Checks a paste against the attempt's `state` and gives the code to send, or why not.
pub fn check(pasted: Pasted, expected_state: &str) -> Result<Secret, PasteRefusal> {
    match pasted {
        Pasted::Empty => Err(PasteRefusal::Empty),
        Pasted::NotACode => Err(PasteRefusal::NotACode),
        Pasted::Code { state: Some(state), .. } if state != expected_state => Err(PasteRefusal::WrongState),
        Pasted::Code { code, .. } => Ok(code),
        Pasted::Error { state: Some(state), .. } if state != expected_state => Err(PasteRefusal::WrongState),
        Pasted::Error { error, description, .. } => Err(PasteRefusal::Error { error, description }),
    }
}

/// The text without surrounding whitespace and one layer (or more) of quotes or `<…>`.
fn unwrap(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let inner = [('"', '"'), ('\'', '\''), ('`', '`'), ('<', '>'), ('“', '”'), ('‘', '’')]
            .iter()
            .find_map(|&(open, close)| text.strip_prefix(open)?.strip_suffix(close));
        match inner {
            Some(inner) => text = inner.trim(),
            None => return text,
        }
    }
}

/// `scheme:` before any `?`: `http://…`, `https://…`, `urn:…`, a private-use `com.app:/cb`.
fn looks_like_url(text: &str) -> bool {
    if text.is_empty() {
        return true; // `?code=…`
    }
    let Some((scheme, _)) = text.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[derive(Default)]
struct Params {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    description: Option<String>,
    /// A pasted text that is not `name=value` pairs at all.
    not_pairs: bool,
}

impl Params {
    fn has_any(&self) -> bool {
        self.code.is_some() || self.error.is_some()
    }

    fn into_pasted(self) -> Pasted {
        if self.not_pairs {
            return Pasted::NotACode;
        }
        if let Some(error) = self.error {
            return Pasted::Error { error: classify(&error), description: self.description, state: self.state };
        }
        match self.code {
            Some(code) => Pasted::Code { code: Secret::new(code), state: self.state },
            None => Pasted::NotACode,
        }
    }
}

/// `a=1&b=2` pairs, percent-decoded. With `bare_first`, a first part that is none of ours is the code
/// itself (`CODE&state=S`, or a code alone).
fn read_pairs(text: &str, bare_first: bool) -> Params {
    let mut params = Params::default();
    for (i, part) in text.split('&').enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let known = matches!(name.trim(), "code" | "state" | "error" | "error_description");
        // The first part may be the code itself: `CODE&state=S`, a code alone, even one that
        // ends in `=` (base64 padding).
        if bare_first && i == 0 && !known {
            // Copied off a page, not out of a URL: taken as it is (a `+` stays a `+`).
            params.code = valid_code(part);
            params.not_pairs |= params.code.is_none();
            continue;
        }
        let value = decode(value);
        // The first of each name counts, as servers read them.
        let slot = match name.trim() {
            "code" => &mut params.code,
            "state" => &mut params.state,
            "error" => &mut params.error,
            "error_description" => &mut params.description,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    params.code = params.code.and_then(|c| valid_code(&c));
    // An empty `state=` is a state too, and never this attempt's: it is checked like any other.
    params.error = params.error.map(|e| shown(&e));
    params.description = params.description.map(|d| shown(&d)).filter(|d| !d.is_empty());
    params
}

/// A code as a server makes one: no whitespace or control characters inside, not empty.
fn valid_code(text: &str) -> Option<String> {
    let code = text.trim();
    (!code.is_empty() && !code.chars().any(|c| c.is_whitespace() || c.is_control())).then(|| code.to_owned())
}

fn decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("v={text}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

/// Server-made text for the screen: sanitized and cut short.
fn shown(text: &str) -> String {
    crate::sanitize::clean(text).trim().chars().take(TEXT_LIMIT).collect()
}

fn classify(error: &str) -> PastedError {
    match error {
        "access_denied" => PastedError::AccessDenied,
        "invalid_scope" => PastedError::InvalidScope,
        "server_error" => PastedError::ServerError,
        other => PastedError::Other(other.to_owned()),
    }
}

#[cfg(test)]
#[path = "paste_tests.rs"]
mod tests;
