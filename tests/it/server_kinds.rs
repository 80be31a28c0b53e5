//! Every personality of the demo server through the library, as mastokey meets it: detection
//! (NodeInfo first, in parallel), the login in each mode, a wrong code, rejected tokens, and the
//! adaptations each kind needs. The subcommands against each kind: server_kinds_cli.rs.

use std::time::{Duration, Instant};

use mastokey::demo::{Fault, Flavor, ServerConfig};
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::discovery::{Adaptation, Detection, ServerKind, discover};
use mastokey::mastodon::error::CodeRefusal;
use mastokey::mastodon::oauth::{OOB, revoke};
use mastokey::mastodon::paste::{self, PasteRefusal};
use mastokey::secret::Secret;

use crate::support::kinds::Kind;
use crate::support::login::client;

tests! {
    async every_kind_is_detected_from_nodeinfo_and_says_what_is_adapted,
    async without_nodeinfo_the_version_string_decides,
    async nodeinfo_is_fetched_beside_the_other_documents,
    async a_hanging_nodeinfo_does_not_hold_up_discovery,
    async every_kind_logs_in_by_paste,
    async every_kind_logs_in_by_loopback,
    async a_wrong_code_is_a_refused_code_on_every_kind,
    async takahes_codes_live_sixty_seconds,
    async gotosocial_keeps_a_code_sent_with_another_redirect,
    async tokens_are_rejected_in_each_kinds_words,
    async force_login_is_ignored_on_takahe_only,
    async snac_deletes_the_app_with_its_token,
}

/// What mastokey must make of each personality: kind, card label, identity scope, adaptations.
fn expected(flavor: Flavor) -> (ServerKind, &'static str, &'static str, Vec<Adaptation>) {
    use Adaptation::*;
    match flavor {
        Flavor::Mastodon => (ServerKind::Mastodon, "Mastodon 4.6.0", "profile", vec![]),
        Flavor::Mastodon42 => {
            (ServerKind::Mastodon, "Mastodon 4.2.13", "read:accounts", vec![IdentityScope("read:accounts"), NoPkce])
        }
        Flavor::GoToSocial => (
            ServerKind::GoToSocial,
            "GoToSocial 0.20.0-rc1",
            "profile",
            vec![IdentityScope("profile"), NoPkce, ExactRedirect],
        ),
        Flavor::Takahe => (
            ServerKind::Takahe,
            "Takahē 0.11.0",
            "read",
            vec![IdentityScope("read"), NoPkce, ExactRedirect, NoAccountChoice],
        ),
        Flavor::Snac => (
            ServerKind::Snac,
            "snac 2.94",
            "read:accounts",
            vec![IdentityScope("read:accounts"), NoPkce, ExactRedirect, ForgetsRegistrationOnLogout],
        ),
        Flavor::Akkoma => (
            ServerKind::Akkoma,
            "Akkoma 3.15.1",
            "read:accounts",
            vec![IdentityScope("read:accounts"), NoPkce, ExactRedirect],
        ),
    }
}

async fn every_kind_is_detected_from_nodeinfo_and_says_what_is_adapted() {
    for flavor in Flavor::ALL {
        let k = Kind::start(flavor).await;
        let (kind, label, identity, adaptations) = expected(flavor);
        let software = k.info.software();
        assert_eq!((k.info.kind, software.detected_by), (kind, Detection::NodeInfo), "{flavor:?}");
        assert_eq!(software.label(), label, "{flavor:?}");
        assert_eq!(k.info.identity_scope(), identity, "{flavor:?}");
        assert_eq!(k.info.adaptation_list(), adaptations, "{flavor:?}");
        assert_eq!(k.info.adaptations().is_some(), !adaptations.is_empty(), "{flavor:?}: {:?}", k.info.adaptations());
        assert_eq!(k.info.honours_force_login(), flavor != Flavor::Takahe, "{flavor:?}");
        assert_eq!(k.info.deletes_app_on_revoke(), flavor == Flavor::Snac, "{flavor:?}");
        assert!(k.info.identifies(&[identity.to_owned()]), "{flavor:?}");
    }
}

async fn without_nodeinfo_the_version_string_decides() {
    for (flavor, kind) in [
        (Flavor::Mastodon, ServerKind::Mastodon),
        (Flavor::Mastodon42, ServerKind::Mastodon),
        // A bare `v0.20.0-rc1` could be anything: treated as another server, which costs
        // nothing on GoToSocial (read:accounts, exact redirects).
        (Flavor::GoToSocial, ServerKind::Other),
        (Flavor::Takahe, ServerKind::Takahe),
        (Flavor::Snac, ServerKind::Snac),
        (Flavor::Akkoma, ServerKind::Akkoma),
    ] {
        let k = Kind::with(ServerConfig { nodeinfo: false, ..ServerConfig::of(flavor) }).await;
        assert_eq!((k.info.kind, k.info.software().detected_by), (kind, Detection::VersionString), "{flavor:?}");
        assert_eq!(k.info.card.nodeinfo, None);
    }
    let k = Kind::with(ServerConfig { nodeinfo: false, ..ServerConfig::of(Flavor::Snac) }).await;
    assert_eq!(k.info.software().label(), "snac 2.94", "the software's own version, from the version string");
}

async fn nodeinfo_is_fetched_beside_the_other_documents() {
    // Every document is slowed down. One after the other they would take four delays; NodeInfo's
    // two steps one after the other, two. Mastodon's document is where it usually is, so it is
    // asked for at once, beside its link: discovery takes little more than one delay.
    let delay = Duration::from_millis(700);
    let k = Kind::start(Flavor::Mastodon).await;
    for path in
        ["/api/v2/instance", "/.well-known/oauth-authorization-server", "/.well-known/nodeinfo", "/nodeinfo/2.0"]
    {
        k.server.inject(path, Fault::Delay(delay));
    }
    let before = k.server.requests().len();
    let started = Instant::now();
    let info = discover(&client(), k.address.clone()).await.expect("discover");
    let took = started.elapsed();
    assert_eq!(info.software().detected_by, Detection::NodeInfo);
    assert!(took < delay * 2 - Duration::from_millis(100), "discovery took {took:?}: a step after another");
    let mut paths: Vec<String> = k.server.requests()[before..].iter().map(|(_, p)| p.clone()).collect();
    paths.sort();
    let expected =
        ["/.well-known/nodeinfo", "/.well-known/oauth-authorization-server", "/api/v2/instance", "/nodeinfo/2.0"];
    assert_eq!(paths, expected, "four requests at once, nothing more");

    // snac keeps its document elsewhere: the guess is a 404 and the link is followed after it,
    // the document read from where the link says.
    let k = Kind::start(Flavor::Snac).await;
    let before = k.server.requests().len();
    let info = discover(&client(), k.address.clone()).await.expect("discover");
    assert_eq!((info.kind, info.software().detected_by), (ServerKind::Snac, Detection::NodeInfo));
    let paths: Vec<String> = k.server.requests()[before..].iter().map(|(_, p)| p.clone()).collect();
    let at = |path: &str| paths.iter().position(|p| p == path);
    assert!(at("/nodeinfo/2.0").is_some(), "{paths:?}");
    assert!(at("/nodeinfo_2_0") > at("/.well-known/nodeinfo"), "the link followed after it came: {paths:?}");
}

async fn a_hanging_nodeinfo_does_not_hold_up_discovery() {
    let k = Kind::start(Flavor::Snac).await;
    k.server.inject("/.well-known/nodeinfo", Fault::Hang);
    let started = Instant::now();
    let info = discover(&client(), k.address.clone()).await.expect("discover without NodeInfo");
    assert!(started.elapsed() < Duration::from_secs(8), "waited {:?}", started.elapsed());
    assert_eq!((info.kind, info.software().detected_by), (ServerKind::Snac, Detection::VersionString));
}

async fn every_kind_logs_in_by_paste() {
    for flavor in Flavor::ALL {
        let k = Kind::start(flavor).await;
        let registration = k.register(&[OOB.to_owned()]).await;
        let (attempt, token) = k.oob_login(registration, "ada").await;
        assert_eq!(attempt.pkce.is_some(), flavor == Flavor::Mastodon, "{flavor:?}: PKCE only where advertised");
        let account = verify_credentials(&client(), &k.address.base, &token.access_token).await;
        assert_eq!(account.map(|a| a.username).ok().as_deref(), Some("ada"), "{flavor:?}");
    }
}

async fn every_kind_logs_in_by_loopback() {
    for flavor in Flavor::ALL {
        let k = Kind::start(flavor).await;
        let (attempt, token) = k.loopback_login("grace").await;
        let portless = attempt.registration.redirect_uris[0] == mastokey::loopback::PORTLESS_REDIRECT;
        assert_eq!(portless, flavor.is_mastodon(), "{flavor:?}: {:?}", attempt.registration.redirect_uris);
        let account = verify_credentials(&client(), &k.address.base, &token.access_token).await;
        assert_eq!(account.map(|a| a.username).ok().as_deref(), Some("grace"), "{flavor:?}");
    }
}

async fn a_wrong_code_is_a_refused_code_on_every_kind() {
    for flavor in Flavor::ALL {
        let k = Kind::start(flavor).await;
        let registration = k.register(&[OOB.to_owned()]).await;
        let attempt = k.attempt(registration, OOB, false);
        let shown = k.oob_text(&attempt, "ada").await;
        let result = k.exchange(&attempt, "not-the-code-0123456789").await;
        if flavor == Flavor::Snac {
            // snac does not look at the code at all: the exchange succeeds. What protects a
            // login there is mastokey's check of the state snac prints beside the code.
            assert!(result.is_ok(), "snac: {result:?}");
            let older = format!("{}&state=an-older-attempt", shown.split('&').next().unwrap_or_default());
            assert_eq!(paste::check(paste::parse(&older), &attempt.state), Err(PasteRefusal::WrongState));
            continue;
        }
        let e = result.expect_err("a wrong code is refused");
        let expected = if flavor == Flavor::Takahe { CodeRefusal::UnknownToServer } else { CodeRefusal::Invalid };
        assert_eq!(e.refused_code(k.info.kind, true), Some(expected), "{flavor:?}: {e:?}");
        assert!(!e.is_unknown_client(), "{flavor:?}: {e:?}");
        let text = format!("{e} {e:?}");
        assert!(
            !text.contains("not-the-code") && !text.contains(attempt.registration.client_secret.expose()),
            "{text}"
        );
        // The right code still works afterwards: a wrong one used nothing up.
        let code = paste::check(paste::parse(&shown), &attempt.state).expect("the state matches");
        assert!(k.exchange(&attempt, code.expose()).await.is_ok(), "{flavor:?}");
    }
}

async fn takahes_codes_live_sixty_seconds() {
    assert_eq!(ServerConfig::of(Flavor::Takahe).code_lifetime, Duration::from_secs(60));
    let config = ServerConfig { code_lifetime: Duration::from_millis(200), ..ServerConfig::of(Flavor::Takahe) };
    let k = Kind::with(config).await;
    let attempt = k.attempt(k.register(&[OOB.to_owned()]).await, OOB, false);
    let code = k.oob_text(&attempt, "ada").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let e = k.exchange(&attempt, &code).await.expect_err("an expired code");
    assert_eq!((e.status(), e.error_code()), (Some(401), Some("access_denied")));
    assert_eq!(e.refused_code(ServerKind::Takahe, false), Some(CodeRefusal::Invalid));
}

async fn gotosocial_keeps_a_code_sent_with_another_redirect() {
    let k = Kind::start(Flavor::GoToSocial).await;
    let loopback = "http://127.0.0.1:9/callback".to_owned();
    let registration = k.register(&[OOB.to_owned(), loopback.clone()]).await;
    let attempt = k.attempt(registration.clone(), OOB, false);
    let code = k.oob_text(&attempt, "ada").await;
    let other = k.attempt(registration, &loopback, false);
    let e = k.exchange(&other, &code).await.expect_err("another redirect");
    assert_eq!((e.status(), e.error_code()), (Some(403), Some("invalid redirect uri")));
    assert_eq!(e.refused_code(ServerKind::GoToSocial, true), Some(CodeRefusal::OtherRedirect));
    assert!(k.exchange(&attempt, &code).await.is_ok(), "the code was not used up");
    let e = k.exchange(&attempt, &code).await.expect_err("a used code");
    assert_eq!(e.error_code(), Some("sql: no rows in result set"));
}

async fn tokens_are_rejected_in_each_kinds_words() {
    for flavor in Flavor::ALL {
        let k = Kind::start(flavor).await;
        let (attempt, token) = k.oob_login(k.register(&[OOB.to_owned()]).await, "ada").await;
        let revocation = k.info.revocation_endpoint();
        revoke(&client(), revocation, &attempt.registration, &token.access_token)
            .await
            .unwrap_or_else(|e| panic!("{flavor:?}: revoke: {e}"));
        let e = verify_credentials(&client(), &k.address.base, &token.access_token).await.expect_err("revoked");
        assert!(e.is_rejected_token_for(k.info.kind), "{flavor:?}: {e:?}");
        let status = match flavor {
            Flavor::Takahe => 400,
            Flavor::Snac => 422,
            _ => 401,
        };
        assert_eq!(e.status(), Some(status), "{flavor:?}");
        let bogus = verify_credentials(&client(), &k.address.base, &Secret::new("never-issued-0123456789")).await;
        assert!(bogus.expect_err("unknown").is_rejected_token_for(k.info.kind), "{flavor:?}");
    }
    // Takahē: a token without `read` works, but may not read the account; that is no rejection.
    let k = Kind::start(Flavor::Takahe).await;
    let mut registration = k.register(&[OOB.to_owned()]).await;
    registration.scopes = vec!["read:accounts".into()];
    let (_, token) = k.oob_login(registration, "ada").await;
    let e = verify_credentials(&client(), &k.address.base, &token.access_token).await.expect_err("out of scope");
    assert_eq!((e.status(), e.error_code()), (Some(403), Some("out_of_scope_for_token")));
    assert!(!e.is_rejected_token_for(ServerKind::Takahe));
}

async fn force_login_is_ignored_on_takahe_only() {
    for flavor in [Flavor::Mastodon, Flavor::GoToSocial, Flavor::Takahe] {
        let k = Kind::start(flavor).await;
        let attempt = k.attempt(k.register(&[OOB.to_owned()]).await, OOB, true);
        let (status, page) = k.consent_page(&attempt.url).await;
        assert_eq!(status, 200);
        assert_eq!(page.contains("the account choice is forced"), flavor != Flavor::Takahe, "{flavor:?}");
    }
}

async fn snac_deletes_the_app_with_its_token() {
    let k = Kind::start(Flavor::Snac).await;
    let registration = k.register(&[OOB.to_owned()]).await;
    let (attempt, token) = k.oob_login(registration.clone(), "ada").await;
    // snac's code page: the code, then the state, as people paste it.
    let shown = k.oob_text(&k.attempt(registration.clone(), OOB, false), "ada").await;
    assert!(matches!(paste::parse(&shown), paste::Pasted::Code { state: Some(_), .. }), "{shown}");
    revoke(&client(), k.info.revocation_endpoint(), &registration, &token.access_token).await.expect("revoke");
    // The app is gone: its authorize page fails, and the token endpoint answers 401 with an
    // empty body, which mastokey takes for an unknown client (forget it, register anew).
    let (status, _) = k.consent_page(&k.attempt(registration, OOB, false).url).await;
    assert_eq!(status, 400);
    let e = k.exchange(&attempt, "any-code").await.expect_err("the app is deleted");
    assert_eq!((e.status(), e.error_code()), (Some(401), None));
    assert!(e.is_unknown_client(), "{e:?}");
    // Revoking a token snac does not know is refused.
    let fresh = k.register(&[OOB.to_owned()]).await;
    let e = revoke(&client(), k.info.revocation_endpoint(), &fresh, &Secret::new("unknown-token-0123")).await;
    assert_eq!(e.expect_err("refused").status(), Some(403));
}
