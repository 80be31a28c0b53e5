//! The HTML pages mastokey shows in a browser (the loopback listener's answers): one look for
//! all of them, light and dark, readable in text-mode browsers too, in the browser's language.

/// How a page's heading is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Done,
    Problem,
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;\
line-height:1.5;color:#222;background:#fafafa}h1{font-size:1.5rem}.done{color:#1a7f37}.problem{color:#b35900}\
code{background:#eee;padding:0 .2em}.note{color:#555}footer{margin-top:2rem;color:#777;font-size:.9rem}\
@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e24}code{background:#333}.note{color:#aaa}\
.done{color:#4ac26b}.problem{color:#f0a050}}";

/// Escapes text for HTML, and replaces control characters (server text can carry terminal
/// escapes) so text-mode browsers and `curl` show them harmlessly.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: a heading, paragraphs of text (escaped here) and a footer line.
pub fn page(lang: &str, tone: Tone, title: &str, paragraphs: &[String], footer: &str) -> String {
    let class = match tone {
        Tone::Done => "done",
        Tone::Problem => "problem",
    };
    let body: String = paragraphs.iter().map(|p| format!("<p>{}</p>\n", escape(p))).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex\">\n<title>{title} — mastokey</title>\n<style>{STYLE}</style>\n</head>\n\
<body>\n<main>\n<h1 class=\"{class}\">{title}</h1>\n{body}<footer>{footer}</footer>\n</main>\n</body>\n</html>\n",
        title = escape(title),
        footer = escape(footer),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_replaced() {
        assert_eq!(escape("<a href=\"x\">&'\u{1b}[31m"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\u{FFFD}[31m");
        let html = page("fr", Tone::Problem, "Titre <b>", &["a\u{7}b".into()], "pied");
        assert!(html.contains("<html lang=\"fr\">") && html.contains("Titre &lt;b&gt;") && !html.contains('\u{7}'));
        assert!(html.contains("prefers-color-scheme:dark"), "a dark look too");
    }
}
