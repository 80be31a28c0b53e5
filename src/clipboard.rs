//! Copying text: the system clipboard when one is reachable, else the terminal's (OSC 52).
//!
//! Without a display (SSH, a console) `arboard` fails at once, and the terminal emulator on the
//! user's side can still take the text through the OSC 52 escape sequence. On X11 the copied
//! text is served by the process that owns the clipboard object and vanishes when it is
//! dropped, so one [`Clipboard`] lives for the whole run.

use base64::Engine;
use std::io::{self, Write};

/// The system clipboard, opened on first use and then kept.
pub struct Clipboard {
    system: System,
}

enum System {
    /// Not tried yet: opening it connects to the X server, which `new` must not do.
    Untried,
    Open(arboard::Clipboard),
    /// Opening failed (no display); not retried, every copy goes to OSC 52.
    Unavailable,
}

/// How the text was copied, to tell the user what to expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyMethod {
    System,
    /// Written to the terminal as OSC 52; `wrapped_for` names the multiplexer the sequence was
    /// wrapped for (`"screen"`), if any.
    Osc52 {
        wrapped_for: Option<&'static str>,
    },
    /// Written as OSC 52 inside tmux, whose `set-clipboard` option (its value here) keeps it
    /// from the terminal: nothing arrives until the option is `on`.
    Osc52TmuxOff(String),
}

impl CopyMethod {
    /// What happened, in a sentence of the run's language.
    pub fn describe(&self) -> String {
        let id = match self {
            // Only X11 loses the text with its owner; macOS and Windows keep it.
            CopyMethod::System if cfg!(all(unix, not(target_os = "macos"))) => "copy-system-while-open",
            CopyMethod::System => "copy-system",
            CopyMethod::Osc52 { wrapped_for: None } => "copy-osc52",
            CopyMethod::Osc52 { wrapped_for: Some(_) } => "copy-osc52-screen",
            CopyMethod::Osc52TmuxOff(setting) => return crate::tr!("copy-osc52-tmux-off", setting = setting),
        };
        crate::i18n::text(id)
    }
}

/// The text itself never appears here: it may be a token.
#[derive(Debug, thiserror::Error)]
pub enum ClipboardError {
    #[error("{}", crate::tr!("copy-no-clipboard", error = source.to_string()))]
    Terminal { source: io::Error },
}

impl Default for Clipboard {
    fn default() -> Self {
        Self::new()
    }
}

impl Clipboard {
    /// Never fails and does not connect to anything yet.
    pub fn new() -> Self {
        Self { system: System::Untried }
    }

    /// A clipboard that always uses OSC 52, as one that could not be opened (for tests).
    #[cfg(test)]
    pub fn disabled() -> Self {
        Self { system: System::Unavailable }
    }

    /// Copies `text` to the system clipboard, or else writes it to `terminal` as OSC 52.
    pub fn copy(&mut self, text: &str, terminal: &mut dyn Write) -> Result<CopyMethod, ClipboardError> {
        if matches!(self.system, System::Untried) {
            self.system = match arboard::Clipboard::new() {
                Ok(c) => System::Open(c),
                Err(_) => System::Unavailable,
            };
        }
        if let System::Open(clipboard) = &mut self.system {
            // On failure (the X server went away, say) the terminal may still take it.
            if clipboard.set_text(text).is_ok() {
                return Ok(CopyMethod::System);
            }
        }
        let term = std::env::var("TERM").ok();
        let in_screen = std::env::var_os("STY").is_some_and(|s| !s.is_empty());
        let wrapped = screen_wrapping(term.as_deref(), in_screen);
        terminal
            .write_all(osc52(text, term.as_deref(), in_screen).as_bytes())
            .and_then(|()| terminal.flush())
            .map_err(|source| ClipboardError::Terminal { source })?;
        if let Some(setting) = tmux_set_clipboard().filter(|s| s != "on") {
            return Ok(CopyMethod::Osc52TmuxOff(setting));
        }
        Ok(CopyMethod::Osc52 { wrapped_for: wrapped.then_some("screen") })
    }
}

/// Inside tmux, its `set-clipboard` option (`on`, `external`, `off`): only `on` lets a program's
/// OSC 52 through to the terminal. `None` outside tmux or when tmux does not say.
fn tmux_set_clipboard() -> Option<String> {
    std::env::var_os("TMUX").filter(|t| !t.is_empty())?;
    let out = std::process::Command::new("tmux")
        .args(["show", "-sv", "set-clipboard"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !value.is_empty()).then(|| crate::sanitize::clean(&value))
}

/// Inside GNU screen the sequence must be wrapped to reach the outer terminal. `STY` says so
/// locally; after `ssh` from inside screen only `TERM` tells (`screen.xterm-256color`; tmux
/// never uses the dotted form, and tmux passes OSC 52 on unwrapped with `set-clipboard on`).
fn screen_wrapping(env_term: Option<&str>, in_screen: bool) -> bool {
    in_screen || env_term.is_some_and(|t| t.starts_with("screen."))
}

/// The OSC 52 sequence that puts `text` on the clipboard (`c` selection, BEL terminated).
pub fn osc52(text: &str, env_term: Option<&str>, in_screen: bool) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    if !screen_wrapping(env_term, in_screen) {
        return format!("\x1b]52;c;{encoded}\x07");
    }
    // GNU screen passes a DCS string through to the outer terminal but limits its length, so
    // the payload is cut into pieces, each in its own DCS (the hterm osc52.sh approach).
    let pieces: Vec<&str> = encoded.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
    format!("\x1bP\x1b]52;c;{}\x07\x1b\\", pieces.join("\x1b\\\x1bP"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_sequence() {
        assert_eq!(osc52("hello", Some("xterm-256color"), false), "\x1b]52;c;aGVsbG8=\x07");
        assert_eq!(osc52("", None, false), "\x1b]52;c;\x07");
        assert_eq!(osc52("東京", None, false), "\x1b]52;c;5p2x5Lqs\x07");
    }

    #[test]
    fn tmux_is_not_wrapped() {
        assert_eq!(osc52("hello", Some("tmux-256color"), false), "\x1b]52;c;aGVsbG8=\x07");
        assert_eq!(osc52("hello", Some("screen-256color"), false), "\x1b]52;c;aGVsbG8=\x07");
    }

    #[test]
    fn screen_wraps_in_dcs_pieces() {
        assert_eq!(osc52("hello", Some("screen"), true), "\x1bP\x1b]52;c;aGVsbG8=\x07\x1b\\");
        assert_eq!(osc52("hello", Some("screen.xterm-256color"), false), "\x1bP\x1b]52;c;aGVsbG8=\x07\x1b\\");
        let long = "x".repeat(200);
        let seq = osc52(&long, None, true);
        let encoded = base64::engine::general_purpose::STANDARD.encode(&long);
        assert_eq!(seq.matches("\x1bP").count(), encoded.len().div_ceil(76));
        let unwrapped =
            seq.trim_start_matches("\x1bP\x1b]52;c;").trim_end_matches("\x07\x1b\\").replace("\x1b\\\x1bP", "");
        assert_eq!(unwrapped, encoded);
    }

    #[test]
    fn disabled_writes_osc52_to_the_terminal() {
        let mut clipboard = Clipboard::disabled();
        let mut out = Vec::new();
        let method = clipboard.copy("https://example.social/oauth/authorize?x=1", &mut out).unwrap();
        assert!(matches!(method, CopyMethod::Osc52 { .. }));
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("52;c;aHR0cHM6Ly9leGFtcGxlLnNvY2lhbC9vYXV0aC9hdXRob3JpemU/eD0x"));
        assert!(method.describe().contains("OSC 52"));
    }

    #[test]
    fn terminal_error_does_not_contain_the_text() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "pipe closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = Clipboard::disabled().copy("secret-token-123", &mut Broken).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("secret-token-123"));
        assert!(shown.contains("pipe closed"));
    }

    #[test]
    fn descriptions() {
        assert!(CopyMethod::System.describe().starts_with("Copied to the clipboard"));
        assert!(CopyMethod::Osc52 { wrapped_for: Some("screen") }.describe().contains("screen"));
    }
}
