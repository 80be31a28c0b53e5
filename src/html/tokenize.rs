//! A small, tolerant HTML tokenizer: tags, text and entities, never failing on malformed input.
//!
//! Bios are tiny and come from any server software, so this favours "show something sensible"
//! over spec completeness: markup it cannot make sense of is shown as text, comments and
//! doctypes are skipped, and the content of `<script>`/`<style>`-like elements is dropped whole.

use std::borrow::Cow;

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Raw text: entities are still encoded (see [`decode_entities`]).
    Text(&'a str),
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End {
        name: String,
    },
}

impl Token<'_> {
    /// The value of an attribute of a start tag, entities decoded.
    pub(super) fn attr(&self, wanted: &str) -> Option<&str> {
        match self {
            Token::Start { attrs, .. } => attrs.iter().find(|(n, _)| n == wanted).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Elements whose content is not markup and never shown: skipped up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];

pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Self { src, pos: 0 }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = &self.src[self.pos..];
            if rest.is_empty() {
                return None;
            }
            if let Some((token, used)) = rest.starts_with('<').then(|| markup(rest)).flatten() {
                self.pos += used;
                match token {
                    Some(Token::Start { name, .. }) if RAW_TEXT.contains(&name.as_str()) => {
                        self.pos += skip_raw_text(&self.src[self.pos..], &name);
                    }
                    Some(token) => return Some(token),
                    None => {}
                }
                continue;
            }
            // Plain text up to the next `<` (a `<` that did not start markup is text itself).
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
            self.pos += end;
            return Some(Token::Text(&rest[..end]));
        }
    }
}

/// Parses markup at the start of `s` (which starts with `<`). Returns the token (None for
/// comments and declarations) and the bytes used, or None when this `<` is just text.
fn markup(s: &str) -> Option<(Option<Token<'static>>, usize)> {
    let b = s.as_bytes();
    match b.get(1)? {
        b'!' => {
            // An unterminated comment hides the rest, as in browsers.
            let used = if let Some(comment) = s.strip_prefix("<!--") {
                comment.find("-->").map_or(s.len(), |i| i + 4 + 3)
            } else {
                s.find('>').map_or(s.len(), |i| i + 1)
            };
            Some((None, used))
        }
        b'?' => Some((None, s.find('>').map_or(s.len(), |i| i + 1))),
        b'/' => {
            let close = s.find('>')?;
            if !s[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                // `</>` or `</ junk>`: ignored like a comment.
                return Some((None, close + 1));
            }
            let name = s[2..2 + name_len(&s[2..])].to_ascii_lowercase();
            Some((Some(Token::End { name }), close + 1))
        }
        c if c.is_ascii_alphabetic() => start_tag(s),
        _ => None,
    }
}

/// Length of a tag or attribute name at the start of `s`.
fn name_len(s: &str) -> usize {
    s.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>' || c == '=').unwrap_or(s.len())
}

fn start_tag(s: &str) -> Option<(Option<Token<'static>>, usize)> {
    let len = name_len(&s[1..]);
    let name = s[1..1 + len].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut i = 1 + len;
    loop {
        i += leading_space(&s[i..]);
        let rest = &s[i..];
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with('>') {
            return Some((Some(Token::Start { name, attrs }), i + 1));
        }
        if rest.starts_with('/') {
            i += 1;
            continue;
        }
        // A name may start with `=`, which then belongs to it (as in the HTML spec).
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let attr_len = first + name_len(&rest[first..]);
        let attr_name = rest[..attr_len].to_ascii_lowercase();
        i += attr_len;
        i += leading_space(&s[i..]);
        let mut value = String::new();
        if s[i..].starts_with('=') {
            i += 1;
            i += leading_space(&s[i..]);
            let rest = &s[i..];
            let (raw, used) = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = rest[1..].find(q)?;
                    (&rest[1..1 + end], end + 2)
                }
                _ => {
                    let end = rest.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(rest.len());
                    (&rest[..end], end)
                }
            };
            value = decode_entities(raw).into_owned();
            i += used;
        }
        attrs.push((attr_name, value));
    }
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c: char| c.is_ascii_whitespace()).len()
}

/// Bytes to skip after the start tag of a raw-text element: its content and its end tag.
fn skip_raw_text(s: &str, name: &str) -> usize {
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i;
        let after = &s.as_bytes()[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return s[at..].find('>').map_or(s.len(), |j| at + j + 1);
        }
        from = at + 2;
    }
    s.len()
}

/// Decodes character references. Unknown or malformed ones are left as written; numeric ones
/// that are not valid characters become U+FFFD.
pub(super) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity(rest) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// One character reference at the start of `s` (which starts with `&`): what it stands for and
/// the bytes used. Named references are the whole HTML5 set (a few stand for two characters).
fn entity(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        let c = u32::from_str_radix(&digits[..len.min(8)], radix)
            .ok()
            .filter(|&n| n != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}');
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((Cow::Owned(c.to_string()), skip + len + semi));
    }
    let len = body.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(body.len());
    if len == 0 || len > 32 || !body[len..].starts_with(';') {
        return None;
    }
    let name = &body[..len];
    let found = named().binary_search_by(|(known, _)| (*known).cmp(name)).ok()?;
    Some((Cow::Borrowed(named()[found].1), len + 2))
}

/// The HTML5 named character references (WHATWG's table, through the `entities` crate), the
/// forms with a `;`, by name, sorted for a binary search.
fn named() -> &'static [(&'static str, &'static str)] {
    static NAMED: std::sync::LazyLock<Vec<(&str, &str)>> = std::sync::LazyLock::new(|| {
        let mut all: Vec<(&str, &str)> = entities::ENTITIES
            .iter()
            .filter_map(|e| Some((e.entity.strip_prefix('&')?.strip_suffix(';')?, e.characters)))
            .collect();
        all.sort_unstable_by_key(|(name, _)| *name);
        all
    });
    &NAMED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Tokenizer::new(s).collect()
    }

    #[test]
    fn tags_attributes_and_text() {
        let t = tokens(r#"<a HREF="https://x/?a=1&amp;b=2" class='u-url mention' data-x=y checked>hi</a>"#);
        assert_eq!(t[0].attr("href"), Some("https://x/?a=1&b=2"));
        assert_eq!(t[0].attr("class"), Some("u-url mention"));
        assert_eq!(t[0].attr("data-x"), Some("y"));
        assert_eq!(t[0].attr("checked"), Some(""));
        assert_eq!(t[1], Token::Text("hi"));
        assert_eq!(t[2], Token::End { name: "a".into() });
    }

    #[test]
    fn self_closing_and_stray_angles() {
        let t = tokens("a < b <br/> c<3 <");
        assert_eq!(t[0], Token::Text("a "));
        assert_eq!(t[1], Token::Text("< b "));
        assert!(matches!(&t[2], Token::Start { name, .. } if name == "br"));
        let text: String = t[3..]
            .iter()
            .map(|t| match t {
                Token::Text(s) => *s,
                _ => "?",
            })
            .collect();
        assert_eq!(text, " c<3 <");
    }

    #[test]
    fn unterminated_tag_is_text() {
        assert_eq!(tokens("x <a href=\"y"), vec![Token::Text("x "), Token::Text("<a href=\"y")]);
        assert_eq!(tokens("<b"), vec![Token::Text("<b")]);
    }

    #[test]
    fn comments_doctype_and_raw_text_are_skipped() {
        let t = tokens("<!DOCTYPE html><!-- c -->a<script>alert('<b>')</SCRIPT >b<style>p{}");
        assert_eq!(t, vec![Token::Text("a"), Token::Text("b")]);
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("&amp;&lt;&gt;&quot;&#39;&#x41;&#66;&nbsp;"), "&<>\"'AB\u{a0}");
        assert_eq!(decode_entities("&bogus; & &#; &#xZZ; &amp"), "&bogus; & &#; &#xZZ; &amp");
        assert_eq!(decode_entities("&#0;&#xD800;&#99999999999;"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(decode_entities("日本&#26085;"), "日本日");
        // The whole HTML5 set, as a French bio writes it; some stand for two characters.
        assert_eq!(decode_entities("Caf&eacute; cr&egrave;me &oelig;uvre &Ccedil;a"), "Café crème œuvre Ça");
        assert_eq!(decode_entities("&NotEqualTilde; &fjlig;"), "\u{2242}\u{338} fj");
    }
}
