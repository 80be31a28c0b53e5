//! A real browser: Debian's headless Chromium over WebDriver. The demo's authorize page approved
//! and denied by clicking, the loopback flow with Chromium as `$BROWSER` for the real binary
//! (its own favicon and keep-alive requests included), the address-bar URL pasted when the
//! listener cannot be reached, and every page as the person sees it (set MASTOKEY_SCREENSHOTS
//! to a directory to keep them as PNGs; the README's come from there).

use std::path::PathBuf;
use std::time::Duration;

use mastokey::demo::Flavor;
use mastokey::loopback::{Event, Listener, PORTLESS_REDIRECT};
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::oauth::OOB;
use mastokey::mastodon::paste;

use crate::support::BIN;
use crate::support::browser::Browser;
use crate::support::chromium::Chromium;
use crate::support::kinds::{Attempt, Kind, waiting};
use crate::support::login::client;
use crate::support::session::Session;

tests! {
    async the_authorize_page_is_approved_by_clicking needs [Chromium, Chromedriver],
    async the_authorize_page_is_denied_by_clicking needs [Chromium, Chromedriver],
    async the_address_bar_url_logs_in_when_the_listener_cannot_be_reached needs [Chromium, Chromedriver],
    async every_page_the_browser_shows needs [Chromium, Chromedriver],
    async a_browser_set_to_japanese_or_french_gets_its_pages_in_it needs [Chromium, Chromedriver],
    the_profile_appears_with_chromium_as_browser_and_no_typing needs [Tmux, Curl, Chromium, Chromedriver],
    the_address_bar_url_pasted_into_mastokey_logs_in needs [Tmux, Curl, Chromium, Chromedriver],
}

const APPROVE: &str = "button[value=approve]";
const DENY: &str = "button[value=deny]";

/// A loopback attempt on the Mastodon personality, with a listener reporting its events.
async fn loopback_attempt(k: &Kind) -> (Attempt, tokio::sync::mpsc::UnboundedReceiver<Event>) {
    let listener = Listener::bind(None).expect("bind");
    let used = listener.redirect_uri();
    let attempt = k.attempt(k.register(&[PORTLESS_REDIRECT.to_owned(), OOB.to_owned()]).await, &used, false);
    let (tx, events) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(listener.serve(waiting(&attempt.state), move |e| {
        let _ = tx.send(e);
    }));
    (attempt, events)
}

/// The listener's first event that ends the attempt, and those before it (strays, wrong states).
async fn outcome(events: &mut tokio::sync::mpsc::UnboundedReceiver<Event>) -> (Event, Vec<Event>) {
    let mut strays = Vec::new();
    loop {
        match tokio::time::timeout(Duration::from_secs(20), events.recv()).await {
            Ok(Some(e @ (Event::Stray(_) | Event::Silent | Event::WrongState))) => strays.push(e),
            Ok(Some(e)) => return (e, strays),
            other => panic!("the listener reported {other:?} (strays: {strays:?})"),
        }
    }
}

async fn the_authorize_page_is_approved_by_clicking() {
    let (k, browser) = (Kind::start(Flavor::Mastodon).await, Chromium::start().await);
    // Out of band: the code is read off the page, as a person would copy it.
    let attempt = k.attempt(k.register(&[OOB.to_owned()]).await, OOB, false);
    browser.goto(attempt.url.as_str()).await;
    assert!(browser.page_text().await.contains("Authorize mastokey"));
    browser.click("input[value=hanako]").await;
    browser.click(APPROVE).await;
    let code = browser.text("#authorization_code").await;
    let token = k.exchange(&attempt, code.trim()).await.expect("exchange the code");
    let account = verify_credentials(&client(), &k.address.base, &token.access_token).await.expect("verify");
    assert_eq!(account.username, "hanako");

    // Loopback: the click sends the browser to the listener, which gets the code by itself.
    let (attempt, mut events) = loopback_attempt(&k).await;
    browser.goto(attempt.url.as_str()).await;
    browser.click(APPROVE).await;
    let (event, _) = outcome(&mut events).await;
    let Event::Code(code) = event else { panic!("{event:?}") };
    assert!(k.exchange(&attempt, code.expose()).await.is_ok());
    browser.wait_for_url(&attempt.redirect_uri).await;
    browser.wait_for_text("You can close this tab").await;
    browser.close().await;
}

async fn the_authorize_page_is_denied_by_clicking() {
    let (k, browser) = (Kind::start(Flavor::Mastodon).await, Chromium::start().await);
    let attempt = k.attempt(k.register(&[OOB.to_owned()]).await, OOB, false);
    browser.goto(attempt.url.as_str()).await;
    browser.click(DENY).await;
    browser.wait_for_text("You denied the request").await;

    let (attempt, mut events) = loopback_attempt(&k).await;
    browser.goto(attempt.url.as_str()).await;
    browser.click(DENY).await;
    let (event, _) = outcome(&mut events).await;
    assert!(matches!(&event, Event::Refused { error, .. } if error == "access_denied"), "{event:?}");
    browser.wait_for_url(&attempt.redirect_uri).await;
    let page = browser.wait_for_text("Login cancelled").await;
    assert!(page.contains("You denied mastokey access"), "{page}");
    browser.close().await;
}

async fn the_address_bar_url_logs_in_when_the_listener_cannot_be_reached() {
    // A browser on another machine: the redirect to 127.0.0.1 reaches nothing, and the person
    // copies the address bar. Here the listener's port is closed before approving.
    let (k, browser) = (Kind::start(Flavor::GoToSocial).await, Chromium::start().await);
    let used = Listener::bind(None).expect("bind").redirect_uri();
    let attempt = k.attempt(k.register(std::slice::from_ref(&used)).await, &used, false);
    browser.goto(attempt.url.as_str()).await;
    browser.click(APPROVE).await;
    let address_bar = browser.wait_for_url(&format!("{used}?code=")).await;
    let code = paste::check(paste::parse(&address_bar), &attempt.state).expect("this attempt's state");
    let token = k.exchange(&attempt, code.expose()).await.expect("exchange the pasted URL's code");
    let account = verify_credentials(&client(), &k.address.base, &token.access_token).await.expect("verify");
    assert_eq!(account.username, "ada");
    browser.close().await;
}

/// Where to keep the pictures, when asked.
fn screenshots() -> Option<PathBuf> {
    std::env::var_os("MASTOKEY_SCREENSHOTS").map(PathBuf::from)
}

async fn every_page_the_browser_shows() {
    let (k, browser) = (Kind::start(Flavor::Mastodon).await, Chromium::start().await);
    let keep = |name: &str| screenshots().map(|dir| dir.join(name));
    let (attempt, mut events) = loopback_attempt(&k).await;
    browser.goto(attempt.url.as_str()).await;
    assert!(browser.page_text().await.contains("It asks for these permissions"));
    if let Some(path) = keep("browser-authorize.png") {
        browser.screenshot(&path).await;
    }
    browser.click(APPROVE).await;
    assert!(matches!(outcome(&mut events).await.0, Event::Code(_)));
    browser.wait_for_url(&attempt.redirect_uri).await;
    browser.wait_for_text("You can close this tab").await;
    if let Some(path) = keep("browser-callback-success.png") {
        browser.screenshot(&path).await;
    }

    let (attempt, mut events) = loopback_attempt(&k).await;
    browser.goto(&format!("{}?code=someone-elses&state=not-this-attempt", attempt.redirect_uri)).await;
    assert!(browser.page_text().await.contains("nothing was used"), "{}", browser.page_text().await);
    if let Some(path) = keep("browser-callback-wrong-state.png") {
        browser.screenshot(&path).await;
    }
    browser.goto(attempt.url.as_str()).await;
    browser.click(DENY).await;
    let (event, strays) = outcome(&mut events).await;
    assert!(matches!(event, Event::Refused { .. }), "{event:?}");
    assert!(strays.iter().all(|e| !matches!(e, Event::Code(_))));
    browser.wait_for_url(&attempt.redirect_uri).await;
    if let Some(path) = keep("browser-callback-denied.png") {
        browser.screenshot(&path).await;
    }

    // Any other page of the listener, and an error other than a denial (a scope the server
    // refused, say), named in the server's words.
    let (attempt, mut events) = loopback_attempt(&k).await;
    let base = attempt.redirect_uri.trim_end_matches("/callback");
    browser.goto(&format!("{base}/favicon.ico")).await;
    browser.wait_for_text("only waiting for the login callback").await;
    if let Some(path) = keep("browser-callback-not-found.png") {
        browser.screenshot(&path).await;
    }
    let refused = format!(
        "{}?error=invalid_scope&error_description=The+requested+scope+is+invalid&state={}",
        attempt.redirect_uri, attempt.state
    );
    browser.goto(&refused).await;
    browser.wait_for_text("Login not completed").await;
    let page = browser.page_text().await;
    assert!(page.contains("The requested scope is invalid") && page.contains("Go back to the terminal"), "{page}");
    let (event, strays) = outcome(&mut events).await;
    assert!(matches!(&event, Event::Refused { error, .. } if error == "invalid_scope"), "{event:?}");
    assert!(strays.iter().any(|e| matches!(e, Event::Stray(path) if path == "/favicon.ico")), "{strays:?}");
    if let Some(path) = keep("browser-callback-error.png") {
        browser.screenshot(&path).await;
    }

    // A browser that comes back after the attempt's time ran out.
    let listener = Listener::bind(None).expect("bind");
    let late = listener.redirect_uri();
    let over = mastokey::loopback::Waiting { deadline: std::time::Instant::now(), ..waiting("s") };
    let serving = tokio::spawn(listener.serve(over, |_| {}));
    browser.goto(&format!("{late}?code=too-late&state=s")).await;
    assert!(browser.page_text().await.contains("This login attempt is over"), "{}", browser.page_text().await);
    if let Some(path) = keep("browser-callback-expired.png") {
        browser.screenshot(&path).await;
    }
    serving.abort();

    let oob = k.attempt(k.register(&[OOB.to_owned()]).await, OOB, false);
    browser.goto(oob.url.as_str()).await;
    browser.click(APPROVE).await;
    assert!(!browser.text("#authorization_code").await.trim().is_empty());
    if let Some(path) = keep("browser-oob-code.png") {
        browser.screenshot(&path).await;
    }
    browser.close().await;
}

/// The browser's language, not the terminal's: the demo's authorize page and mastokey's own page
/// after the login, for a Chromium set to Japanese and one set to French.
async fn a_browser_set_to_japanese_or_french_gets_its_pages_in_it() {
    let k = Kind::start(Flavor::Mastodon).await;
    let keep = |name: &str| screenshots().map(|dir| dir.join(name));
    let cases = [
        ("ja,en;q=0.5", "求めている権限", "ログインしました", "ja"),
        ("fr-FR,fr;q=0.9", "Elle demande ces autorisations", "Connexion réussie", "fr"),
    ];
    for (languages, consent, done, lang) in cases {
        let browser = Chromium::start_speaking(languages).await;
        let (attempt, mut events) = loopback_attempt(&k).await;
        browser.goto(attempt.url.as_str()).await;
        let page = browser.page_text().await;
        assert!(page.contains(consent), "{languages}: {page}");
        // The README shows one page of each language.
        if let Some(path) = keep(&format!("browser-{lang}-authorize.png")).filter(|_| lang == "ja") {
            browser.screenshot(&path).await;
        }
        browser.click(APPROVE).await;
        assert!(matches!(outcome(&mut events).await.0, Event::Code(_)));
        browser.wait_for_url(&attempt.redirect_uri).await;
        browser.wait_for_text(done).await;
        if let Some(path) = keep(&format!("browser-{lang}-callback-success.png")).filter(|_| lang == "fr") {
            browser.screenshot(&path).await;
        }
        browser.close().await;
    }
}

fn the_profile_appears_with_chromium_as_browser_and_no_typing() {
    let mut s = Session::new();
    let browser = s.rt.block_on(Chromium::start());
    let script = Browser::webdriver(s.dir.path(), &s.rt.block_on(browser.session_url())).write();
    let opened = script.opened.clone();
    s.browser = script.path;
    let t = s.start("chromium", &format!("{BIN} --redirect loopback --instance {}", s.base_url()));
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Waiting for your browser");
    t.keys(&["o"]);
    // The person at the browser: the page mastokey opened, and a click on Approve.
    let authorize = s.rt.block_on(browser.wait_for_url(&format!("{}/oauth/authorize?", s.base_url())));
    assert_eq!(std::fs::read_to_string(&opened).unwrap_or_default(), authorize, "the URL mastokey opened");
    s.rt.block_on(browser.click(APPROVE));
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    // Chromium's own requests (the favicon, a spare or kept-alive connection) did no harm: the
    // listener's page was shown, and the login went through once.
    let page = s.rt.block_on(browser.page_text());
    assert!(page.contains("You can close this tab"), "{page}");
    let exchanges = s.server().requests().iter().filter(|(_, p)| p == "/oauth/token").count();
    assert_eq!(exchanges, 1);
    t.keys(&["q"]);
    s.rt.block_on(browser.close());
}

/// The browser is somewhere mastokey's listener cannot be reached (here: it answers after the
/// attempt's countdown, so the code is not taken): the person copies the address bar and pastes
/// it into the code box, and the login goes through.
fn the_address_bar_url_pasted_into_mastokey_logs_in() {
    let s = Session::new();
    let browser = s.rt.block_on(Chromium::start());
    let t = s.start(
        "chromium-paste",
        &format!("MASTOKEY_LOOPBACK_TIMEOUT=1 {BIN} --redirect loopback --instance {}", s.base_url()),
    );
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Waiting for your browser");
    t.keys(&["o"]);
    let url = crate::support::tmux::wait_for_file(&s.opened);
    t.wait_for("No answer from the browser in time");
    s.rt.block_on(browser.goto(&url));
    s.rt.block_on(browser.click(APPROVE));
    // Where the server sends the browser: the listener's address, from the authorize URL (waiting
    // for any 127.0.0.1 address would stop at the authorize page itself, before the click lands).
    let callback = url::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "redirect_uri")
        .map(|(_, v)| v.into_owned())
        .expect("a redirect_uri");
    let address_bar = s.rt.block_on(browser.wait_for_url(&format!("{callback}?")));
    assert!(address_bar.contains("/callback?code="), "{address_bar}");
    s.rt.block_on(browser.wait_for_text("This login attempt is over"));
    t.paste(&format!("{address_bar}\n"));
    t.keys(&["Enter"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    t.keys(&["q"]);
    s.rt.block_on(browser.close());
}
