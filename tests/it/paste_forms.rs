//! What people paste into the code box, against the strict server: each form logs in, a state
//! of another attempt is refused before anything is sent, an `error=` is named.

use mastokey::demo::Flavor;
use mastokey::loopback::PORTLESS_REDIRECT;
use mastokey::mastodon::oauth::OOB;
use mastokey::mastodon::paste::{self, PasteRefusal, PastedError};

use crate::support::kinds::Kind;

tests! {
    async every_pasted_form_logs_in,
    async a_state_of_another_attempt_is_refused_before_anything_is_sent,
    async an_error_in_a_pasted_url_is_named,
}

async fn every_pasted_form_logs_in() {
    let k = Kind::start(Flavor::Mastodon).await;
    let registration = k.register(&[OOB.to_owned(), PORTLESS_REDIRECT.to_owned()]).await;
    let forms: [fn(&str, &str) -> String; 5] = [
        |code, _| code.to_owned(),
        |code, _| format!("  \"{code}\"\n"),
        |code, state| format!("{code}&state={state}"),
        |code, state| format!("state={state}&code={code}"),
        |code, state| format!("urn:ietf:wg:oauth:2.0:oob?code={code}&state={state}"),
    ];
    for (i, form) in forms.iter().enumerate() {
        let attempt = k.attempt(registration.clone(), OOB, false);
        let code = k.oob_text(&attempt, "ada").await;
        let pasted = form(&code, &attempt.state);
        let checked = paste::check(paste::parse(&pasted), &attempt.state).unwrap_or_else(|e| panic!("form {i}: {e:?}"));
        assert_eq!(checked.expose(), code, "form {i}");
        assert!(k.exchange(&attempt, checked.expose()).await.is_ok(), "form {i}");
    }

    // The whole address-bar URL of a loopback redirect whose listener is not there (a browser on
    // another machine): pasted, it logs in with that redirect.
    let used = "http://127.0.0.1:9/callback";
    let attempt = k.attempt(registration, used, false);
    let location = k.redirect_location(&attempt, "hanako", "approve").await;
    assert!(location.starts_with(&format!("{used}?code=")), "{location}");
    let code = paste::check(paste::parse(&format!(" {location} ")), &attempt.state).expect("the URL's state matches");
    let token = k.exchange(&attempt, code.expose()).await.expect("exchange the pasted URL's code");
    assert!(!token.access_token.is_empty());
}

async fn a_state_of_another_attempt_is_refused_before_anything_is_sent() {
    let k = Kind::start(Flavor::Mastodon).await;
    let registration = k.register(&[OOB.to_owned(), PORTLESS_REDIRECT.to_owned()]).await;
    let older = k.attempt(registration.clone(), "http://127.0.0.1:9/callback", false);
    let location = k.redirect_location(&older, "ada", "approve").await;
    let current = k.attempt(registration, "http://127.0.0.1:9/callback", false);
    let tokens_before = k.requests_for("/oauth/token");
    for pasted in [location.clone(), location.split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default()] {
        assert_eq!(paste::check(paste::parse(&pasted), &current.state), Err(PasteRefusal::WrongState), "{pasted}");
    }
    assert_eq!(k.requests_for("/oauth/token"), tokens_before, "nothing was sent");
    // The older attempt's own state still lets its code through.
    let code = paste::check(paste::parse(&location), &older.state).expect("its own attempt");
    assert!(k.exchange(&older, code.expose()).await.is_ok());
}

async fn an_error_in_a_pasted_url_is_named() {
    // Deny: the browser lands on the redirect with `error=access_denied`.
    let k = Kind::start(Flavor::Mastodon).await;
    let registration = k.register(&[PORTLESS_REDIRECT.to_owned()]).await;
    let attempt = k.attempt(registration, "http://127.0.0.1:9/callback", false);
    let location = k.redirect_location(&attempt, "ada", "deny").await;
    match paste::check(paste::parse(&location), &attempt.state) {
        Err(PasteRefusal::Error { error: PastedError::AccessDenied, description: Some(d) }) => {
            assert!(d.contains("denied"), "{d}");
        }
        other => panic!("{location}: {other:?}"),
    }

    // GoToSocial: Allow for a redirect URI that was never registered sends `server_error`.
    let gts = Kind::start(Flavor::GoToSocial).await;
    let registration = gts.register(&["http://127.0.0.1:8/callback".to_owned()]).await;
    let attempt = gts.attempt(registration.clone(), "http://127.0.0.1:9/callback", false);
    let location = gts.redirect_location(&attempt, "ada", "approve").await;
    let refusal = paste::check(paste::parse(&location), &attempt.state);
    assert!(matches!(refusal, Err(PasteRefusal::Error { error: PastedError::ServerError, .. })), "{location}");

    // …and more scopes than registered come back as `invalid_scope`.
    let mut wider = registration;
    wider.scopes.push("write:statuses".into());
    let attempt = gts.attempt(wider, "http://127.0.0.1:8/callback", false);
    let r = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let answer = r.get(attempt.url.clone()).send().await.expect("GET the authorize page");
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    let refusal = paste::check(paste::parse(&location), &attempt.state);
    assert!(matches!(refusal, Err(PasteRefusal::Error { error: PastedError::InvalidScope, .. })), "{location}");
}
