//! The demo server's HTML pages: plain forms in mastokey's page look, usable in lynx and curl, in
//! the browser's language (`Accept-Language`, chosen in `routes`). Every page and page text of
//! every personality is made here; the pages that imitate another server's own (Django's 500,
//! snac's bare status) stay as that server writes them.

use super::accounts::DemoAccount;
use super::state::{self, Consent};
use crate::i18n;
use crate::mastodon::scopes;
use crate::tr;
use crate::web_page::{document, escape};

fn page(title: &str, body: &str) -> String {
    document(i18n::current().code(), title, body)
}

/// An account's line in a list: its name (cleaned of the hostile account's escapes), `@user` and
/// what it shows off.
fn account_line(account: &DemoAccount) -> String {
    format!(
        "{display} (@{user}) <span class=\"note\">— {summary}</span>",
        user = escape(account.username),
        display = escape(account.display_name),
        summary = escape(&i18n::text(&format!("demo-account-{}", account.username))),
    )
}

/// The consent page: who asks, for what, as whom. `echo` are the query fields to send back.
pub(crate) fn authorize(
    consent: &Consent,
    accounts: &[DemoAccount],
    echo: &[(String, String)],
    force_login: bool,
) -> String {
    let app = consent.app_name.as_str();
    let title = tr!("demo-authorize-title", app = app);
    let mut body = format!("<h1>{}</h1>\n", escape(&title));
    body.push_str(&format!("<p>{}</p>\n", escape(&tr!("demo-authorize-asks", app = app))));
    if let Some(site) = &consent.app_website {
        body.push_str(&format!("<p class=\"note\">{}</p>\n", escape(&tr!("demo-authorize-website", site = site))));
    }
    body.push_str(&format!("<p>{}</p>\n<ul>\n", escape(&tr!("demo-authorize-scopes"))));
    for scope in &consent.scopes {
        let description = scopes::info(scope).map(|i| i.description()).unwrap_or_default();
        body.push_str(&format!("<li><code>{}</code> — {}</li>\n", escape(scope), escape(&description)));
    }
    body.push_str("</ul>\n<form method=\"post\" action=\"/oauth/authorize\">\n");
    body.push_str(&format!("<fieldset>\n<legend>{}</legend>\n", escape(&tr!("demo-authorize-sign-in-as"))));
    if force_login {
        body.push_str(&format!("<p class=\"note\">{}</p>\n", escape(&tr!("demo-authorize-force-login"))));
    }
    for (i, account) in accounts.iter().enumerate() {
        let checked = if i == 0 { " checked" } else { "" };
        body.push_str(&format!(
            "<label><input type=\"radio\" name=\"username\" value=\"{user}\"{checked}> {line}</label><br>\n",
            user = escape(account.username),
            line = account_line(account),
        ));
    }
    body.push_str("</fieldset>\n");
    for (key, value) in echo.iter().filter(|(k, _)| k != "username" && k != "decision") {
        body.push_str(&format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">\n", escape(key), escape(value)));
    }
    body.push_str(&format!(
        "<p><button type=\"submit\" name=\"decision\" value=\"approve\">{}</button>\n\
<button type=\"submit\" name=\"decision\" value=\"deny\">{}</button></p>\n</form>\n<p class=\"note\">{}</p>\n",
        escape(&tr!("demo-approve")),
        escape(&tr!("demo-deny")),
        escape(&tr!("demo-note")),
    ));
    page(&title, &body)
}

/// The out-of-band result: the code to paste, alone on its own line so it is easy to grep.
pub(crate) fn code(code: &str) -> String {
    let title = tr!("demo-code-title");
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<code id=\"authorization_code\">{}</code>\n<p class=\"note\">{}</p>\n",
        escape(&title),
        escape(&tr!("demo-code-copy")),
        escape(code),
        escape(&tr!("demo-code-note")),
    );
    page(&title, &body)
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
    let title = tr!("demo-denied-title");
    page(&title, &format!("<h1>{}</h1>\n<p>{}</p>\n", escape(&title), escape(&tr!("demo-denied"))))
}

/// Doorkeeper's error page: what went wrong, and the OAuth error code for the curious. The
/// description is the server's English one (as its JSON answers carry it); the page says it in
/// the browser's language.
pub(crate) fn error(error: &str, description: &str) -> String {
    let title = tr!("demo-error-title");
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p class=\"note\">{} <code>{}</code></p>\n",
        escape(&title),
        escape(&error_text(description)),
        escape(&tr!("demo-error-code")),
        escape(error)
    );
    page(&title, &body)
}

/// An error description in the page's language.
fn error_text(description: &str) -> String {
    ERROR_TEXTS
        .iter()
        .find(|(english, _)| *english == description)
        .map_or_else(|| description.to_owned(), |(_, id)| i18n::text(id))
}

/// Every description an error page can show, with its message id.
const ERROR_TEXTS: [(&str, &str); 9] = [
    (state::MISSING_CLIENT_ID, "demo-error-missing-client-id"),
    (state::INVALID_CLIENT, "demo-error-invalid-client"),
    (state::INVALID_REDIRECT, "demo-error-invalid-redirect"),
    (state::MISSING_RESPONSE_TYPE, "demo-error-missing-response-type"),
    (state::UNSUPPORTED_RESPONSE_TYPE, "demo-error-unsupported-response-type"),
    (state::INVALID_SCOPE, "demo-error-invalid-scope"),
    (state::BAD_CHALLENGE_METHOD, "demo-error-challenge-method"),
    (state::BAD_DECISION, "demo-error-decision"),
    (state::UNKNOWN_ACCOUNT, "demo-error-unknown-account"),
];

/// `GET /`: what this server is, for someone who opens it in a browser.
pub(crate) fn index(title: &str, accounts: &[DemoAccount]) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n<ul>\n",
        escape(title),
        escape(&tr!("demo-index")),
        escape(&tr!("demo-index-accounts"))
    );
    for account in accounts {
        body.push_str(&format!("<li>{}</li>\n", account_line(account)));
    }
    body.push_str("</ul>\n");
    page(title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    fn consent() -> Consent {
        Consent {
            client_id: "id".into(),
            app_name: "mastokey".into(),
            app_website: None,
            redirect_uri: state::OOB.into(),
            scopes: vec!["profile".into()],
            challenge: None,
            unregistered_redirect: false,
        }
    }

    #[test]
    fn the_hostile_account_reaches_no_page_raw() {
        let echo = [("state".to_owned(), "st\u{1b}]0;x\u{7}".to_owned())];
        for html in [
            authorize(&consent(), super::super::accounts::all(), &echo, false),
            index("demo", super::super::accounts::all()),
        ] {
            assert!(html.contains("Mallory RED"), "the name is there, cleaned");
            for raw in ['\u{1b}', '\u{7}', '\u{9b}', '\u{FFFD}'] {
                assert!(!html.contains(raw), "{raw:?} in {html}");
            }
            assert!(!html.contains("[31m") && !html.contains("pwned"), "no leftovers of the sequences");
        }
    }

    #[test]
    fn the_pages_speak_the_browsers_language() {
        let ja = i18n::with(Lang::Ja, || authorize(&consent(), super::super::accounts::all(), &[], true));
        assert!(ja.contains("<html lang=\"ja\">") && ja.contains("mastokey の承認") && ja.contains(">承認</button>"));
        assert!(ja.contains("日本語の名前"), "the accounts described in Japanese");
        let fr = i18n::with(Lang::Fr, || error("invalid_client", state::INVALID_CLIENT));
        assert!(fr.contains("Une erreur est survenue") && fr.contains("ne connaît pas l’application"), "{fr}");
        assert!(fr.contains("<code>invalid_client</code>"), "the OAuth error code stays as it is");
        let en = i18n::with(Lang::En, || code("c0de"));
        assert!(en.contains("<html lang=\"en\">") && en.contains("paste it into mastokey"));
    }

    #[test]
    fn every_error_a_page_shows_is_said_in_every_language() {
        for (english, _) in ERROR_TEXTS {
            for lang in [Lang::Ja, Lang::Fr] {
                let said = i18n::with(lang, || error_text(english));
                assert_ne!(said, english, "{lang:?} has no text for {english:?}");
            }
        }
        assert_eq!(error_text("Something new."), "Something new.", "an unknown description is shown as it is");
    }

    #[test]
    fn code_page_has_the_code_on_its_own_line() {
        let html = code("abc-DEF_123");
        let hits: Vec<&str> = html.lines().filter(|l| l.contains("authorization_code")).collect();
        assert_eq!(hits, ["<code id=\"authorization_code\">abc-DEF_123</code>"]);
    }
}
