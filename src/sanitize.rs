//! Makes server-provided text safe to print: no control characters, escape sequences or bidi overrides.
//!
//! A display name, bio or error message comes from a server we do not trust. Printed raw, it could
//! move the cursor, change the window title, write to the clipboard (OSC 52) or reorder what the
//! user reads (bidi overrides). Everything from the network goes through [`clean`] or
//! [`clean_multiline`] before it reaches the terminal.

/// One line of safe text: control characters, escape sequences and bidi controls removed, tabs
/// and line breaks turned into spaces (so words on either side of a newline stay apart).
pub fn clean(s: &str) -> String {
    filter(s, false)
}

/// Like [`clean`], but keeps line breaks as `\n` (`\r\n` and a lone `\r` become `\n`, so a
/// carriage return cannot send the cursor back over what was already printed).
pub fn clean_multiline(s: &str) -> String {
    filter(s, true)
}

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 forms of the sequence introducers (8-bit equivalents of `ESC [`, `ESC ]`, ...).
const C1_CSI: char = '\u{9b}';
const C1_OSC: char = '\u{9d}';
const C1_ST: char = '\u{9c}';

fn filter(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                // OSC, DCS, SOS, PM, APC: strings that run until a terminator.
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                // Two-byte escapes such as `ESC c` (reset) or `ESC ( B` (charset): drop the
                // intermediate bytes and the final byte along with the ESC.
                Some(n) if (' '..='~').contains(&n) => {
                    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
                    chars.next_if(|c| ('0'..='~').contains(c));
                }
                _ => {}
            },
            C1_CSI => skip_csi(&mut chars),
            C1_OSC | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' => out.push(' '),
            '\r' => {
                // `\r\n` is one line break; a lone `\r` is one too (old Mac line ends).
                chars.next_if_eq(&'\n');
                out.push(if keep_newlines { '\n' } else { ' ' });
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push(if keep_newlines { '\n' } else { ' ' }),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Embedding, override and isolate controls: they reorder the text around them. The plain marks
/// (U+200E, U+200F) only affect neutral characters next to them and are left alone.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Skips a CSI sequence after its introducer: parameter bytes, intermediate bytes, one final byte.
/// Stops early (without eating it) at anything that cannot be part of one, so a malformed
/// sequence cannot swallow the text after it.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| ('0'..='?').contains(c)).is_some() {}
    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
    chars.next_if(|c| ('@'..='~').contains(c));
}

/// Skips an OSC/DCS-style string up to its terminator (BEL, `ESC \` or C1 ST). Without a
/// terminator only the introducer is dropped: the rest stays visible, which is harmless once
/// the ESC is gone and better than hiding the remaining text.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    let mut probe = chars.clone();
    while let Some(c) = probe.next() {
        let done = match c {
            BEL | C1_ST => true,
            ESC => {
                probe.next_if_eq(&'\\');
                true
            }
            _ => false,
        };
        if done {
            *chars = probe;
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc_title_change_is_removed_whole() {
        assert_eq!(clean("\x1b]0;pwned\x07Ada"), "Ada");
        assert_eq!(clean("\x1b]2;pwned\x1b\\Ada"), "Ada");
        assert_eq!(clean("\u{9d}0;pwned\u{9c}Ada"), "Ada");
    }

    #[test]
    fn osc52_clipboard_write_is_removed() {
        assert_eq!(clean("a\x1b]52;c;ZXZpbA==\x07b"), "ab");
    }

    #[test]
    fn csi_sequences_are_removed() {
        assert_eq!(clean("\x1b[2J\x1b[1;1HAda \x1b[31mLovelace\x1b[0m"), "Ada Lovelace");
        assert_eq!(clean("x\u{9b}31my"), "xy");
        assert_eq!(clean("\x1b[?1049h\x1b[?25l!"), "!");
    }

    #[test]
    fn other_escapes_and_controls_are_removed() {
        assert_eq!(clean("\x1bcreset"), "reset");
        assert_eq!(clean("\x1b(Bok"), "ok");
        assert_eq!(clean("a\x00b\x08c\x7fd\u{85}e\x1b"), "abcde");
        assert_eq!(clean("bell\x07"), "bell");
    }

    #[test]
    fn unterminated_string_keeps_the_text_but_not_the_escape() {
        assert_eq!(clean("\x1b]0;Ada"), "0;Ada");
        assert!(!clean("\x1bP\x1b").contains('\x1b'));
    }

    #[test]
    fn malformed_csi_does_not_swallow_text() {
        assert_eq!(clean("\x1b[12日本"), "日本");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_removed() {
        assert_eq!(clean("abc\u{202e}fed\u{202c}"), "abcfed");
        assert_eq!(clean("\u{2066}x\u{2069}\u{2067}y\u{2068}"), "xy");
        // Plain direction marks are harmless and kept.
        assert_eq!(clean("a\u{200f}b"), "a\u{200f}b");
    }

    #[test]
    fn normal_unicode_is_kept() {
        let s = "山田 太郎 🌸 :sakura: Zoë 👩‍💻 ﷽";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn tabs_and_newlines() {
        assert_eq!(clean("a\tb\nc\r\nd\re"), "a b c d e");
        assert_eq!(clean_multiline("a\tb\nc\r\nd\re"), "a b\nc\nd\ne");
        assert_eq!(clean_multiline("x\x1b[1Ay\n"), "xy\n");
    }

    #[test]
    fn every_output_is_free_of_controls() {
        let nasty: String = (0u32..0x300).filter_map(char::from_u32).collect();
        for out in [clean(&nasty), clean_multiline(&nasty)] {
            assert!(out.chars().all(|c| !c.is_control() || c == '\n'));
        }
    }
}
