//! The HTML pages mastokey and its demo server show in a browser: one look for all of them, light
//! and dark, readable in text-mode browsers and `curl` too, in the browser's language.

use crate::i18n::Lang;
use crate::sanitize;

/// The language a browser asks for in its request's `Accept-Language`; English without one.
pub fn browser_language(headers: &hyper::HeaderMap) -> Lang {
    headers
        .get(hyper::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::En, Lang::from_accept_language)
}

/// How a page's heading is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Done,
    Problem,
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;\
line-height:1.5;color:#222;background:#fafafa}h1{font-size:1.5rem}.done{color:#1a7f37}.problem{color:#b35900}\
code{background:#eee;padding:0 .2em}.note{color:#555}footer{margin-top:2rem;color:#777;font-size:.9rem}\
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}li{margin:.3rem 0}\
button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.5rem}\
code[id]{display:block;font-size:1.3rem;padding:.6rem;margin:1rem 0;word-break:break-all}\
@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e24}code{background:#333}.note{color:#aaa}\
.done{color:#4ac26b}.problem{color:#f0a050}}";

/// Text made safe for a page: cleaned as the terminal's text is (escape sequences and control,
/// bidi and invisible characters dropped, so `curl` of a page cannot retitle or reprogram a
/// terminal), then escaped for HTML.
pub fn escape(text: &str) -> String {
    let clean = sanitize::clean(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The document around a page's body, which is HTML already (every text in it escaped).
pub fn document(lang: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n\
<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = escape(title),
    )
}

/// A page of mastokey's: a heading, paragraphs of text (escaped here) and a footer line.
pub fn page(lang: &str, tone: Tone, title: &str, paragraphs: &[String], footer: &str) -> String {
    let class = match tone {
        Tone::Done => "done",
        Tone::Problem => "problem",
    };
    let text: String = paragraphs.iter().map(|p| format!("<p>{}</p>\n", escape(p))).collect();
    let body = format!("<h1 class=\"{class}\">{}</h1>\n{text}<footer>{}</footer>\n", escape(title), escape(footer));
    document(lang, &format!("{title} — mastokey"), &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cleaned_as_the_terminal_does() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(escape("Mallory \u{1b}[31mRED\u{1b}[0m\u{1b}]0;pwned\u{7}"), "Mallory RED");
        assert_eq!(escape("a\u{202e}bc\u{9b}31md"), "abcd", "bidi controls and C1 sequences go too");
        let html = page("fr", Tone::Problem, "Titre <b>", &["a\u{7}b".into()], "pied");
        assert!(html.contains("<html lang=\"fr\">") && html.contains("Titre &lt;b&gt;") && !html.contains('\u{7}'));
        assert!(html.contains("prefers-color-scheme:dark"), "a dark look too");
    }
}
