//! Tests of bio rendering on Mastodon-shaped HTML, malformed markup and hostile content.

use super::*;

fn lines(t: &Text<'_>) -> Vec<String> {
    t.lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
}

fn span_style(t: &Text<'_>, content: &str) -> Style {
    t.lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content == content)
        .map(|s| s.style)
        .unwrap_or_else(|| panic!("no span {content:?} in {:?}", lines(t)))
}

const GARGRON: &str = r#"<p>Founder, CEO and lead developer <span class="h-card" translate="no"><a href="https://mastodon.social/@Mastodon" class="u-url mention">@<span>Mastodon</span></a></span>, Germany.</p>"#;

const LINKED: &str = r#"<p>Blog: <a href="https://example.com/blog/2024/01/a-very-long-path-that-gets-cut" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">https://</span><span class="ellipsis">example.com/blog/2024/01/a-very</span><span class="invisible">-long-path-that-gets-cut</span></a><br />Site: <a href="https://ada.example" rel="nofollow noopener me" translate="no"><span class="invisible">https://</span><span class="">ada.example</span><span class="invisible"></span></a></p><p>Posts about <a href="https://mastodon.social/tags/rust" class="mention hashtag" rel="tag">#<span>rust</span></a> &amp; <a href="https://mastodon.social/tags/TUI" class="mention hashtag" rel="tag">#<span>TUI</span></a></p>"#;

const JAPANESE: &str = "<p>東京在住のエンジニアです :sakura: 🌸<br>好きなもの：ラーメン、<strong>Rust</strong></p><p>連絡は<span class=\"h-card\"><a href=\"https://pawoo.net/@hanako\" class=\"u-url mention\">@<span>hanako</span></a></span>まで</p>";

#[test]
fn mention_bio() {
    let t = to_text(GARGRON, true);
    assert_eq!(lines(&t), ["Founder, CEO and lead developer @Mastodon, Germany."]);
    assert_eq!(span_style(&t, "@Mastodon"), Style::new().fg(Color::Magenta));
}

#[test]
fn links_hide_invisible_parts_and_show_ellipsis() {
    let t = to_text(LINKED, true);
    assert_eq!(
        lines(&t),
        ["Blog: example.com/blog/2024/01/a-very…", "Site: ada.example", "", "Posts about #rust & #TUI",]
    );
    let link = span_style(&t, "ada.example");
    assert_eq!(link.fg, Some(Color::Cyan));
    assert!(link.add_modifier.contains(Modifier::UNDERLINED));
    assert_eq!(span_style(&t, "#rust"), Style::new().fg(Color::Green));
}

#[test]
fn without_color_mentions_and_hashtags_are_bold_and_underlined() {
    let t = to_text(LINKED, false);
    let tag = span_style(&t, "#rust");
    assert_eq!(tag.fg, None);
    assert!(tag.add_modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
    let link = span_style(&t, "ada.example");
    assert_eq!(link, Style::new().add_modifier(Modifier::UNDERLINED));
    assert!(t.lines.iter().flat_map(|l| &l.spans).all(|s| s.style.fg.is_none() && s.style.bg.is_none()));
}

#[test]
fn japanese_and_shortcodes() {
    let t = to_text(JAPANESE, true);
    assert_eq!(
        lines(&t),
        ["東京在住のエンジニアです :sakura: 🌸", "好きなもの：ラーメン、Rust", "", "連絡は@hanakoまで",]
    );
    assert!(span_style(&t, "Rust").add_modifier.contains(Modifier::BOLD));
}

#[test]
fn plain_is_one_line() {
    assert_eq!(to_plain(LINKED), "Blog: example.com/blog/2024/01/a-very… Site: ada.example Posts about #rust & #TUI");
    let field = r#"<a href="https://ada.example" target="_blank" rel="nofollow noopener me" translate="no"><span class="invisible">https://</span><span class="">ada.example</span><span class="invisible"></span></a>"#;
    assert_eq!(to_plain(field), "ada.example");
    assert_eq!(to_plain("Tokyo &amp; Kyoto"), "Tokyo & Kyoto");
    assert_eq!(to_plain(""), "");
}

#[test]
fn lists_and_quotes() {
    let html = "<p>Likes:</p><ul><li>tea</li><li>cats<ul><li>tabby</li></ul></li></ul><ol><li>one<li>two</ol><blockquote><p>quoted</p><p>twice</p></blockquote><p>end</p>";
    assert_eq!(
        lines(&to_text(html, false)),
        [
            "Likes:",
            "",
            "• tea",
            "• cats",
            "  • tabby",
            "",
            "1. one",
            "2. two",
            "",
            "│ quoted",
            "│",
            "│ twice",
            "",
            "end",
        ]
    );
}

#[test]
fn nested_quotes_keep_their_bars() {
    let html = "<blockquote><p>a</p><blockquote><p>b</p><p>c</p></blockquote></blockquote><p>d</p>";
    assert_eq!(lines(&to_text(html, true)), ["│ a", "│", "│ │ b", "│ │", "│ │ c", "", "d"]);
    assert_eq!(to_plain(html), "a b c d");
}

#[test]
fn whitespace_collapses_and_br_makes_lines() {
    let html = "<p>  a \n\t b  </p>\n\n<p>c<br><br>d<br/></p>";
    assert_eq!(lines(&to_text(html, true)), ["a b", "", "c", "", "d"]);
    assert_eq!(lines(&to_text("x<br/>y", true)), ["x", "y"]);
}

#[test]
fn pre_keeps_line_breaks_and_spaces() {
    let html = "<pre>fn main() {\n    run();\n}</pre>";
    assert_eq!(lines(&to_text(html, true)), ["fn main() {", "    run();", "}"]);
}

#[test]
fn script_style_and_comments_are_dropped() {
    let html =
        "<p>Hi<script>alert('x')</script><style>p{color:red}</style><!-- secret -->!</p><svg><text>drawn</text></svg>";
    assert_eq!(lines(&to_text(html, true)), ["Hi!"]);
    assert_eq!(to_plain("<script>never closed"), "");
}

#[test]
fn malformed_html_is_tolerated() {
    assert_eq!(lines(&to_text("<p>open <b>bold <i>both</b> after</i>", true)), ["open bold both after"]);
    assert_eq!(to_plain("</p></div>stray ends</a>"), "stray ends");
    assert_eq!(to_plain("a < b > c 1<2"), "a < b > c 1<2");
    assert_eq!(to_plain("trailing <a href=\"x"), "trailing <a href=\"x");
    assert_eq!(to_plain("&bogus; &#xZZ; &#99999999;"), "&bogus; &#xZZ; \u{fffd}");
    assert_eq!(to_plain("<p>a<p>b"), "a b");
    assert_eq!(lines(&to_text("<p>a<p>b", true)), ["a", "", "b"]);
}

#[test]
fn escape_sequences_and_bidi_never_reach_the_output() {
    let html = "<p>\u{1b}]0;pwned\u{7}Ada&#27;[31m &#x202E;evil&#8238;</p><p>\u{9b}2J</p>";
    let t = to_text(html, true);
    for s in t.lines.iter().flat_map(|l| &l.spans) {
        assert!(
            !s.content.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{:?}",
            s.content
        );
    }
    // `&#27;[31m` decodes to a colour sequence, removed whole like the literal ones.
    assert_eq!(lines(&t), ["Ada evil"]);
}

#[test]
fn deep_nesting_is_bounded() {
    let html = "<blockquote>".repeat(10_000) + "deep" + &"</blockquote>".repeat(10_000);
    let t = to_text(&html, true);
    assert_eq!(t.lines.len(), 1);
    assert!(lines(&t)[0].ends_with("deep"));
    assert!(lines(&t)[0].chars().count() < 200);
}

#[test]
fn never_panics_on_truncated_or_shuffled_markup() {
    let all = [GARGRON, LINKED, JAPANESE].concat()
        + "<ol><li>x</ol><pre>a\nb</pre><img alt=':blob:'><a href=x class=mention>@y</a>&#x1F600;&amp";
    for (i, _) in all.char_indices() {
        let _ = to_text(&all[..i], true);
        let _ = to_plain(&all[i..]);
    }
    // Deterministic shuffles of fragments, so a failure can be reproduced.
    let parts = [
        "<p>",
        "</p>",
        "<br>",
        "<a href='h' class='mention hashtag'>",
        "</a>",
        "<span class=\"invisible\">",
        "<span class=ellipsis>",
        "</span>",
        "<li>",
        "<ul>",
        "</ul>",
        "<pre>",
        "</pre>",
        "<blockquote>",
        "&#",
        "&am",
        "<",
        ">",
        "\"",
        "x y",
        "日本",
        "\u{1b}[",
        "<!--",
        "-->",
        "<script>",
        "</script",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(parts[(seed % parts.len() as u64) as usize]);
        }
        let _ = to_text(&s, seed.is_multiple_of(2));
        let _ = to_plain(&s);
    }
}

#[test]
fn image_alt_text_is_shown() {
    assert_eq!(to_plain("hi <img class=\"emoji\" alt=\":blobcat:\" src=\"x.png\"> there"), "hi :blobcat: there");
}
