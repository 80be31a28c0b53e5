//! Makes server-provided text safe to print: no control characters, escape sequences, bidi
//! controls or other invisible format characters.
//!
//! A display name, bio or error message comes from a server we do not trust. Printed raw, it could
//! move the cursor, change the window title, write to the clipboard (OSC 52), reorder what the
//! user reads (bidi overrides) or hide characters that make one name pass for another (zero-width
//! spaces and joiners, soft hyphens, tag characters). Everything from the network goes through
//! [`clean`] or [`clean_multiline`] before it reaches the terminal.

/// One line of safe text: control characters, escape sequences and format characters (general
/// category Cf, bidi controls among them; see [`is_format`]) removed, tabs and line breaks turned
/// into spaces (so words on either side of a newline stay apart). A zero-width joiner between
/// two emoji stays, since it makes them one (👩‍💻).
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
            ZWJ if joins_emoji(&out, chars.peek().copied()) => out.push(ZWJ),
            c if c.is_control() || is_format(c) => {}
            c => out.push(c),
        }
    }
    out
}

const ZWJ: char = '\u{200d}';

/// Unicode's format characters (general category Cf, as of Unicode 16.0): invisible, and able to
/// reorder text (bidi embeddings, overrides, isolates and marks), hide it (tag characters, the
/// interlinear annotation marks) or make two names look the same (zero-width spaces and joiners,
/// the soft hyphen, word joiners, the byte-order mark).
pub fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// A zero-width joiner is kept only between two emoji (the last one kept, perhaps with its
/// emoji presentation selector, and the next one), where it joins them into one picture.
fn joins_emoji(out: &str, next: Option<char>) -> bool {
    let before = out.chars().rev().find(|&c| c != '\u{fe0f}');
    before.is_some_and(is_pictographic) && next.is_some_and(is_pictographic)
}

/// The blocks where Unicode's Extended_Pictographic characters (the emoji and the symbols that
/// can become one) live, a little wider than the property itself: enough to tell an emoji
/// sequence from a joiner hidden between letters.
pub(crate) fn is_pictographic(c: char) -> bool {
    matches!(
        c,
        '\u{a9}'
            | '\u{ae}'
            | '\u{203c}'
            | '\u{2049}'
            | '\u{2122}'
            | '\u{2139}'
            | '\u{2194}'..='\u{21aa}'
            | '\u{2300}'..='\u{23ff}'
            | '\u{24c2}'
            | '\u{25a0}'..='\u{27bf}'
            | '\u{2934}'..='\u{2935}'
            | '\u{2b00}'..='\u{2bff}'
            | '\u{3030}'
            | '\u{303d}'
            | '\u{3297}'
            | '\u{3299}'
            | '\u{1f000}'..='\u{1faff}'
            | '\u{1fc00}'..='\u{1fffd}'
    )
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
        assert_eq!(clean("a\u{200f}b\u{200e}c\u{61c}d"), "abcd", "direction marks too");
    }

    #[test]
    fn invisible_format_characters_are_removed() {
        // Look-alike names: a zero-width space, joiner, word joiner, soft hyphen, BOM, tags.
        assert_eq!(clean("ad\u{200b}a"), "ada");
        assert_eq!(clean("a\u{200c}d\u{200d}a"), "ada");
        assert_eq!(clean("\u{feff}ada\u{2060}\u{ad}"), "ada");
        assert_eq!(clean("ada\u{e0001}\u{e0041}\u{e0064}\u{e007f}"), "ada", "tag characters hide text");
        assert_eq!(clean("x\u{fff9}y\u{fffa}z\u{fffb}"), "xyz");
        assert_eq!(clean("\u{13430}\u{1343f}\u{1d173}\u{110bd}\u{180e}\u{890}"), "");
        // A joiner next to an emoji but not between two is removed too.
        assert_eq!(clean("👩\u{200d}a"), "👩a");
        assert_eq!(clean("a\u{200d}💻"), "a💻");
        assert_eq!(clean("\u{200d}💻"), "💻");
    }

    #[test]
    fn a_joiner_between_two_emoji_stays() {
        for emoji in [
            "👩\u{200d}💻",
            "🏳\u{fe0f}\u{200d}🌈",
            "❤\u{fe0f}\u{200d}🔥",
            "👨\u{1f3fd}\u{200d}🚀",
            "👨\u{200d}👩\u{200d}👧",
        ] {
            assert_eq!(clean(emoji), emoji);
        }
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
    fn every_output_is_free_of_controls_and_format_characters() {
        let nasty: String =
            (0u32..0x300).chain(0x2000..0x2100).chain(0xe0000..0xe0100).filter_map(char::from_u32).collect();
        for out in [clean(&nasty), clean_multiline(&nasty)] {
            assert!(out.chars().all(|c| !(c.is_control() || is_format(c)) || c == '\n'), "{out:?}");
        }
    }
}
