//! Preparing an authorize attempt: which redirect URI it uses (binding the loopback listener for
//! the automatic mode) and the app registration for it, saved or made anew.

use crate::app::{AttemptSecrets, Prepared, RedirectMode};
use crate::loopback::{self, Listener};
use crate::mastodon::oauth::{self, OOB};
use crate::mastodon::{ApiError, Client, ServerInfo};
use crate::store::{Registration, Store, now_rfc3339};

/// The redirect of an attempt: what the registration must list and what the URL carries.
pub(super) struct RedirectPlan {
    /// Looked up among saved registrations and registered when missing.
    registered: String,
    /// Also registered, so switching between paste and loopback reuses the registration.
    also: Option<String>,
    /// Sent in the authorize URL and repeated at the token exchange.
    used: String,
}

/// For loopback, bind the listener now (its port goes into the URL). Mastodon ignores the port of
/// a loopback redirect, so one port-less registration serves every port; servers that compare
/// exactly get the port registered, and the next login tries that port again so the saved
/// registration can be reused.
pub(super) fn plan_redirect(
    store: &Store,
    server: &ServerInfo,
    mode: RedirectMode,
    scopes: &[String],
) -> std::io::Result<(RedirectPlan, Option<Listener>)> {
    let portless = server.ignores_loopback_port().then(|| loopback::PORTLESS_REDIRECT.to_owned());
    if mode == RedirectMode::Oob {
        return Ok((RedirectPlan { registered: OOB.into(), also: portless, used: OOB.into() }, None));
    }
    let preferred = if portless.is_some() { None } else { saved_loopback_port(store, server, scopes) };
    let listener = Listener::bind(preferred)?;
    let used = listener.redirect_uri();
    let plan = RedirectPlan { registered: portless.unwrap_or_else(|| used.clone()), also: Some(OOB.into()), used };
    Ok((plan, Some(listener)))
}

fn saved_loopback_port(store: &Store, server: &ServerInfo, scopes: &[String]) -> Option<u16> {
    let origin = server.address.origin();
    let saved = store.registrations().ok()?;
    saved
        .iter()
        .rev()
        .filter(|r| r.server == origin)
        .filter(|r| scopes.iter().all(|s| r.scopes.contains(s)))
        .find_map(|r| r.redirect_uris.iter().find_map(|u| loopback::port_of(u)))
}

/// Which saved registrations an attempt may not use.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Reuse<'a> {
    /// One the server refused: forgotten first.
    pub forget: Option<&'a Registration>,
    /// The client id of one to leave alone (a refresh's old token's, on snac).
    pub avoid: Option<&'a str>,
}

/// A saved registration for this server, redirect and scopes, or a new one; with the attempt's
/// fresh `state` and PKCE verifier.
pub(super) async fn prepare(
    client: &Client,
    store: &Store,
    server: &ServerInfo,
    plan: RedirectPlan,
    scopes: &[String],
    reuse: Reuse<'_>,
) -> Result<Prepared, ApiError> {
    let origin = server.address.origin();
    let secrets = AttemptSecrets::generate();
    let (found, store_warning) = {
        let store = store.clone();
        let (origin, redirect, scopes) = (origin.clone(), plan.registered.clone(), scopes.to_vec());
        let forget = reuse.forget.map(|r| r.client_id.clone());
        let avoid = reuse.avoid.map(str::to_owned);
        let find = move || {
            if let Some(client_id) = forget {
                store.remove_registration(&origin, &client_id)?;
            }
            let found = store.find_registration(&origin, &redirect, &scopes)?;
            Ok::<_, crate::store::StoreError>(found.filter(|r| avoid.as_ref() != Some(&r.client_id)))
        };
        match tokio::task::spawn_blocking(find).await {
            Ok(Ok(found)) => (found, None),
            Ok(Err(e)) => (None, Some(crate::tr!("registrations-unreadable", error = e.to_string()))),
            Err(e) => (None, Some(crate::tr!("registrations-read-failed", error = e.to_string()))),
        }
    };
    if let Some(registration) = found {
        return Ok(Prepared { registration, reused: true, redirect_uri: plan.used, store_warning, secrets });
    }
    let apps = server.address.endpoint("/api/v1/apps");
    let redirects: Vec<String> = std::iter::once(plan.registered).chain(plan.also).collect();
    let registration = oauth::register_app(client, &origin, apps, &redirects, scopes, now_rfc3339()).await?;
    Ok(Prepared { registration, reused: false, redirect_uri: plan.used, store_warning, secrets })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoServer, Flavor, ServerConfig};
    use crate::mastodon::client::Timeouts;

    /// A refresh on snac must not put its new token on the old token's app, which revoking the
    /// old token deletes: that registration is passed over, and any other one still serves.
    #[tokio::test]
    async fn a_registration_to_avoid_is_passed_over_and_others_are_reused() {
        let server = DemoServer::start(ServerConfig::of(Flavor::Snac)).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("config"));
        let client = Client::new(Timeouts::default());
        let address = crate::mastodon::address::parse(&server.base_url()).unwrap();
        let info = crate::mastodon::discovery::discover(&client, address).await.unwrap();
        let scopes = vec!["read:accounts".to_owned()];
        let plan = || plan_redirect(&store, &info, RedirectMode::Oob, &scopes).unwrap().0;
        let first = prepare(&client, &store, &info, plan(), &scopes, Reuse::default()).await.unwrap();
        assert!(!first.reused);
        store.save_registration(first.registration.clone()).unwrap();

        let avoid = Reuse { avoid: Some(&first.registration.client_id), ..Reuse::default() };
        let second = prepare(&client, &store, &info, plan(), &scopes, avoid).await.unwrap();
        assert!(!second.reused, "the avoided registration is not reused");
        assert_ne!(second.registration.client_id, first.registration.client_id);

        let again = prepare(&client, &store, &info, plan(), &scopes, Reuse::default()).await.unwrap();
        assert!(again.reused && again.registration.client_id == first.registration.client_id);
    }
}
