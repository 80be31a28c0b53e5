//! The demo server's HTML pages: plain forms with a little inline CSS, usable in lynx and curl.
//! Every page and page text of every personality is made here (in English for now), so that
//! choosing their language by `Accept-Language` later touches this file only.

use super::accounts::DemoAccount;
use super::state::Consent;
use crate::mastodon::scopes;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;\
line-height:1.5;color:#222;background:#fafafa}h1{font-size:1.5rem}code{background:#eee;padding:0 .2em}\
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}li{margin:.3rem 0}\
button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.5rem}.note{color:#555}\
code[id]{display:block;font-size:1.3rem;padding:.6rem;margin:1rem 0;word-break:break-all}\
@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e24}code{background:#333}}";

/// Escapes text for HTML, and replaces control characters (hostile display names carry
/// terminal escapes) so text-mode browsers show them harmlessly.
pub(crate) fn escape(text: &str) -> String {
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

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n\
<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = escape(title),
    )
}

/// The consent page: who asks, for what, as whom. `echo` are the query fields to send back.
pub(crate) fn authorize(
    consent: &Consent,
    accounts: &[DemoAccount],
    echo: &[(String, String)],
    force_login: bool,
) -> String {
    let name = escape(&consent.app_name);
    let mut body = format!("<h1>Authorize {name}</h1>\n");
    body.push_str(&format!(
        "<p><strong>{name}</strong> would like permission to access your account on this server.</p>\n"
    ));
    if let Some(site) = &consent.app_website {
        body.push_str(&format!("<p class=\"note\">App website: {}</p>\n", escape(site)));
    }
    body.push_str("<p>It asks for these permissions:</p>\n<ul>\n");
    for scope in &consent.scopes {
        let description = scopes::info(scope).map(|i| i.description()).unwrap_or_default();
        body.push_str(&format!("<li><code>{}</code> — {}</li>\n", escape(scope), escape(&description)));
    }
    body.push_str("</ul>\n<form method=\"post\" action=\"/oauth/authorize\">\n");
    body.push_str("<fieldset>\n<legend>Sign in as</legend>\n");
    if force_login {
        body.push_str(
            "<p class=\"note\">The app asked for <code>force_login</code>: the account choice is forced, \
so pick the account to sign in with even if you signed in before.</p>\n",
        );
    }
    for (i, account) in accounts.iter().enumerate() {
        let checked = if i == 0 { " checked" } else { "" };
        body.push_str(&format!(
            "<label><input type=\"radio\" name=\"username\" value=\"{user}\"{checked}> {display} (@{user}) \
<span class=\"note\">— {summary}</span></label><br>\n",
            user = escape(account.username),
            display = escape(account.display_name),
            summary = escape(account.summary),
        ));
    }
    body.push_str("</fieldset>\n");
    for (key, value) in echo.iter().filter(|(k, _)| k != "username" && k != "decision") {
        body.push_str(&format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">\n", escape(key), escape(value)));
    }
    body.push_str(
        "<p><button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>\n\
<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p>\n</form>\n\
<p class=\"note\">This is the demo server built into mastokey. No password is needed; nothing leaves this computer.</p>\n",
    );
    page(&format!("Authorize {}", consent.app_name), &body)
}

/// The out-of-band result: the code to paste, alone on its own line so it is easy to grep.
pub(crate) fn code(code: &str) -> String {
    let body = format!(
        "<h1>Authorization code</h1>\n<p>Copy this code and paste it into mastokey:</p>\n\
<code id=\"authorization_code\">{}</code>\n<p class=\"note\">The code works once and expires in a few minutes.</p>\n",
        escape(code)
    );
    page("Authorization code", &body)
}

/// snac's out-of-band answer: plain text, the code followed by `&state=…` when a state was sent,
/// which is what people then paste.
pub(crate) fn snac_code(code: &str, state: Option<&str>) -> String {
    match state {
        Some(state) => format!("{code}&state={state}"),
        None => code.to_owned(),
    }
}

/// Django's page for an unhandled exception (Takahē's answer to a code it does not know).
pub(crate) fn server_error() -> String {
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<title>Server Error (500)</title>\n</head>\n<body>\n\
<h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n"
        .to_owned()
}

/// A bare status page, as small servers (snac) send for a bad request.
pub(crate) fn bare_status(status: u16, reason: &str) -> String {
    format!("<html><body><h1>{status} {}</h1></body></html>", escape(reason))
}

pub(crate) fn denied() -> String {
    page(
        "Authorization denied",
        "<h1>Authorization denied</h1>\n<p>You denied the request. No access was granted; you can close this page.</p>\n",
    )
}

/// Doorkeeper's error page: what went wrong, and the OAuth error code for the curious.
pub(crate) fn error(error: &str, description: &str) -> String {
    let body = format!(
        "<h1>An error has occurred</h1>\n<p>{}</p>\n<p class=\"note\">Error code: <code>{}</code></p>\n",
        escape(description),
        escape(error)
    );
    page("An error has occurred", &body)
}

/// `GET /`: what this server is, for someone who opens it in a browser.
pub(crate) fn index(title: &str, accounts: &[DemoAccount]) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<p>A local demo server built into mastokey. It speaks the Mastodon API strictly \
(OAuth 2.0 apps, authorization codes with PKCE, tokens, verify_credentials) and never touches the network.</p>\n\
<p>Demo accounts:</p>\n<ul>\n",
        escape(title)
    );
    for a in accounts {
        body.push_str(&format!(
            "<li>{} (@{}) — {}</li>\n",
            escape(a.display_name),
            escape(a.username),
            escape(a.summary)
        ));
    }
    body.push_str("</ul>\n");
    page(title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup_and_control_characters() {
        assert_eq!(escape("<a href=\"x\">&'\u{1b}[31m"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\u{FFFD}[31m");
    }

    #[test]
    fn code_page_has_the_code_on_its_own_line() {
        let html = code("abc-DEF_123");
        let hits: Vec<&str> = html.lines().filter(|l| l.contains("authorization_code")).collect();
        assert_eq!(hits, ["<code id=\"authorization_code\">abc-DEF_123</code>"]);
    }
}
