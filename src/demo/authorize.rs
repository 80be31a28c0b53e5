//! `/oauth/authorize`: the consent page (GET) and the user's decision (POST), as Doorkeeper does them.

use url::form_urlencoded;

use super::answer::{self, Answer};
use super::params::Params;
use super::state::{self, AuthorizeError, AuthorizeParams, Consent, OOB, Store};
use super::{Flavor, ServerConfig, accounts, pages};

/// The authorize fields of a request.
pub(crate) fn fields(params: &Params) -> AuthorizeParams<'_> {
    AuthorizeParams {
        response_type: params.get("response_type"),
        client_id: params.get("client_id"),
        redirect_uri: params.get("redirect_uri"),
        scope: params.get("scope"),
        code_challenge: params.get("code_challenge"),
        code_challenge_method: params.get("code_challenge_method"),
    }
}

/// `GET /oauth/authorize`.
pub(crate) fn show(store: &Store, config: &ServerConfig, params: &Params) -> Answer {
    match store.check_authorize(config, &fields(params)) {
        // Takahē ignores force_login: its page never forces the account choice.
        Ok(consent) => answer::html(
            200,
            pages::authorize(
                &consent,
                accounts::all(),
                params.pairs(),
                truthy(params.get("force_login")) && config.flavor != Flavor::Takahe,
            ),
        ),
        Err(e) => error_response(&e, params.present("state")),
    }
}

/// `POST /oauth/authorize`: everything is checked again, since the form can be forged or replayed.
/// A missing `decision` means approve, so `curl -d username=ada -d client_id=...` works.
pub(crate) fn decide(store: &mut Store, config: &ServerConfig, params: &Params) -> Answer {
    let state = params.present("state");
    let consent = match store.check_authorize(config, &fields(params)) {
        Ok(consent) => consent,
        Err(e) => return error_response(&e, state),
    };
    match params.present("decision").unwrap_or("approve") {
        "approve" => {}
        "deny" => return deny(config.flavor, &consent, state),
        _ => return bad_page("invalid_request", state::BAD_DECISION),
    }
    let Some(account) = params.present("username").and_then(accounts::find) else {
        return bad_page("invalid_request", state::UNKNOWN_ACCOUNT);
    };
    if consent.unregistered_redirect {
        // GoToSocial: the consent was shown, but the redirect URI was never registered.
        return redirect_back(config.flavor, &consent.redirect_uri, &[("error", "server_error")], state);
    }
    let code = store.issue_code(&consent, account.username, config.code_lifetime);
    match (consent.redirect_uri == OOB, config.flavor) {
        (true, Flavor::Snac) => answer::with_body(200, "text/plain; charset=utf-8", pages::snac_code(&code, state)),
        // Mastodon's OOB page carries no state: the user copies the code, nothing else.
        (true, _) => answer::html(200, pages::code(&code)),
        (false, flavor) => redirect_back(flavor, &consent.redirect_uri, &[("code", code.as_str())], state),
    }
}

/// The browser sent back to the app with these pairs and the state. Takahē writes `state=None`
/// when the request had none (Python's `str(None)`).
fn redirect_back(flavor: Flavor, uri: &str, pairs: &[(&str, &str)], state: Option<&str>) -> Answer {
    let mut pairs = pairs.to_vec();
    match (state, flavor) {
        (Some(state), _) => pairs.push(("state", state)),
        (None, Flavor::Takahe) => pairs.push(("state", "None")),
        (None, _) => {}
    }
    answer::redirect(302, &with_query(uri, &pairs))
}

/// The test shortcut behind `DemoServer::approve`: same checks as the form, no HTML.
pub(crate) fn approve(
    store: &mut Store,
    config: &ServerConfig,
    p: &AuthorizeParams,
    username: &str,
) -> Result<String, String> {
    let consent = store.check_authorize(config, p).map_err(|e| format!("{}: {}", e.error, e.description))?;
    let account = accounts::find(username).ok_or_else(|| format!("unknown demo account {username:?}"))?;
    Ok(store.issue_code(&consent, account.username, config.code_lifetime))
}

fn deny(flavor: Flavor, consent: &Consent, state: Option<&str>) -> Answer {
    if consent.redirect_uri == OOB {
        return answer::html(200, pages::denied());
    }
    let pairs = [
        ("error", "access_denied"),
        ("error_description", "The resource owner or authorization server denied the request."),
    ];
    redirect_back(flavor, &consent.redirect_uri, &pairs, state)
}

/// An error page, or (once client and redirect URI are trusted) a redirect carrying the error.
fn error_response(e: &AuthorizeError, state: Option<&str>) -> Answer {
    match &e.redirect_uri {
        Some(uri) => {
            let mut pairs = vec![("error", e.error), ("error_description", e.description)];
            pairs.extend(state.map(|s| ("state", s)));
            answer::redirect(302, &with_query(uri, &pairs))
        }
        None => bad_page(e.error, e.description),
    }
}

fn bad_page(error: &str, description: &str) -> Answer {
    answer::html(400, pages::error(error, description))
}

/// Appends form-encoded pairs to a URI that may already have a query.
pub(crate) fn with_query(uri: &str, pairs: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        query.append_pair(k, v);
    }
    let sep = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{sep}{}", query.finish())
}

/// Rails' idea of a true boolean parameter.
fn truthy(value: Option<&str>) -> bool {
    value.is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "t" | "on" | "yes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_is_appended_with_the_right_separator() {
        assert_eq!(with_query("http://a/cb", &[("code", "x y"), ("state", "s&")]), "http://a/cb?code=x+y&state=s%26");
        assert_eq!(with_query("http://a/cb?k=v", &[("code", "c")]), "http://a/cb?k=v&code=c");
    }
}
