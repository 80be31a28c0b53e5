//! The server's memory — registered apps, authorization codes, tokens — and the OAuth rules on them.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::rules::{app_allows, blank_to_none, redirect_matches, requested_scopes, server_knows};
use super::{Flavor, ServerConfig};
use crate::mastodon::pkce;

pub(crate) const OOB: &str = "urn:ietf:wg:oauth:2.0:oob";

/// A registered application (Doorkeeper's `oauth_applications` row).
#[derive(Debug, Clone)]
pub(crate) struct App {
    pub id: u64,
    pub name: String,
    pub website: Option<String>,
    pub redirect_uris: Vec<String>,
    pub scopes: Vec<String>,
    pub client_id: String,
    pub client_secret: String,
}

/// An authorization code and what it was issued for.
#[derive(Debug, Clone)]
struct Grant {
    client_id: String,
    redirect_uri: String,
    scopes: Vec<String>,
    username: String,
    challenge: Option<String>,
    expires_at: Instant,
    used: bool,
}

/// An access token. `username` is `None` for app-only (client_credentials) tokens.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub access_token: String,
    pub client_id: String,
    pub username: Option<String>,
    pub scopes: Vec<String>,
    pub created_at: u64,
    pub revoked: bool,
}

/// What the authorize page asks the user to approve, after every check passed.
#[derive(Debug, Clone)]
pub(crate) struct Consent {
    pub client_id: String,
    pub app_name: String,
    pub app_website: Option<String>,
    /// Exactly as sent in the authorize request; the token request must repeat it.
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub challenge: Option<String>,
    /// GoToSocial shows the consent page for a redirect URI the app never registered, and Allow
    /// then sends the browser there with `error=server_error`.
    pub unregistered_redirect: bool,
}

/// The authorize request's fields, as sent (blank counts as absent).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AuthorizeParams<'a> {
    pub response_type: Option<&'a str>,
    pub client_id: Option<&'a str>,
    pub redirect_uri: Option<&'a str>,
    pub scope: Option<&'a str>,
    pub code_challenge: Option<&'a str>,
    pub code_challenge_method: Option<&'a str>,
}

/// An authorize error. Like Doorkeeper, once the client and redirect URI are known good (and it
/// is not OOB) the browser is sent back to the app with the error; before that, an error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthorizeError {
    pub error: &'static str,
    pub description: &'static str,
    pub redirect_uri: Option<String>,
}

/// Token and revocation endpoint errors (RFC 6749 §5.2, RFC 7009), with Doorkeeper's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OAuthError {
    InvalidClient,
    InvalidRequest(&'static str),
    InvalidGrant,
    /// No such code at all (never issued, or deleted once used): an `invalid_grant` to
    /// Mastodon, a 500 page to Takahē.
    UnknownCode,
    /// The code was issued for another redirect URI. GoToSocial checks this before using the
    /// code up; to Mastodon it is an `invalid_grant` like any other.
    WrongRedirect,
    InvalidScope,
    UnsupportedGrantType,
    UnauthorizedClient,
}

impl OAuthError {
    pub fn code(self) -> &'static str {
        match self {
            OAuthError::InvalidClient => "invalid_client",
            OAuthError::InvalidRequest(_) => "invalid_request",
            OAuthError::InvalidGrant | OAuthError::UnknownCode | OAuthError::WrongRedirect => "invalid_grant",
            OAuthError::InvalidScope => "invalid_scope",
            OAuthError::UnsupportedGrantType => "unsupported_grant_type",
            OAuthError::UnauthorizedClient => "unauthorized_client",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            OAuthError::InvalidClient => INVALID_CLIENT,
            OAuthError::InvalidRequest(why) => why,
            OAuthError::InvalidGrant | OAuthError::UnknownCode | OAuthError::WrongRedirect => {
                "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."
            }
            OAuthError::InvalidScope => INVALID_SCOPE,
            OAuthError::UnsupportedGrantType => {
                "The authorization grant type is not supported by the authorization server."
            }
            OAuthError::UnauthorizedClient => "You are not authorized to revoke this token",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            OAuthError::InvalidClient => 401,
            OAuthError::UnauthorizedClient => 403,
            _ => 400,
        }
    }
}

// Doorkeeper's descriptions, as the JSON answers and error redirects carry them (the error
// pages say them in the browser's language: `pages::ERROR_TEXTS`).
pub(crate) const INVALID_CLIENT: &str = "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";
pub(crate) const INVALID_SCOPE: &str = "The requested scope is invalid, unknown, or malformed.";
pub(crate) const INVALID_REDIRECT: &str =
    "The requested redirect uri is malformed or doesn't match client redirect URI.";
pub(crate) const MISSING_CLIENT_ID: &str = "Missing required parameter: client_id.";
pub(crate) const MISSING_RESPONSE_TYPE: &str = "Missing required parameter: response_type.";
pub(crate) const UNSUPPORTED_RESPONSE_TYPE: &str = "The authorization server does not support this response type.";
pub(crate) const BAD_CHALLENGE_METHOD: &str = "The code_challenge_method must be S256.";
pub(crate) const BAD_DECISION: &str = "The decision must be approve or deny.";
pub(crate) const UNKNOWN_ACCOUNT: &str = "Choose one of the demo accounts: the username is missing or unknown.";

#[derive(Debug, Default)]
pub(crate) struct Store {
    apps: Vec<App>,
    grants: HashMap<String, Grant>,
    tokens: HashMap<String, Token>,
}

impl Store {
    pub fn app(&self, client_id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.client_id == client_id)
    }

    /// Adds an app whose fields were validated by `registration`.
    pub fn add_app(
        &mut self,
        name: String,
        website: Option<String>,
        redirect_uris: Vec<String>,
        scopes: Vec<String>,
    ) -> App {
        let app = App {
            id: 1000 + self.apps.len() as u64,
            name,
            website,
            redirect_uris,
            scopes,
            client_id: pkce::random_token(),
            client_secret: pkce::random_token(),
        };
        self.apps.push(app.clone());
        app
    }

    pub fn check_authorize(&self, config: &ServerConfig, p: &AuthorizeParams) -> Result<Consent, AuthorizeError> {
        let page = |error, description| AuthorizeError { error, description, redirect_uri: None };
        let client_id = blank_to_none(p.client_id).ok_or(page("invalid_request", MISSING_CLIENT_ID))?;
        let app = self.app(client_id).ok_or(page("invalid_client", INVALID_CLIENT))?;
        let redirect_uri = blank_to_none(p.redirect_uri).ok_or(page("invalid_redirect_uri", INVALID_REDIRECT))?;
        let registered = app.redirect_uris.iter().any(|r| redirect_matches(config.flavor, r, redirect_uri));
        let unregistered_redirect = !registered && config.flavor == Flavor::GoToSocial && redirect_uri != OOB;
        if !registered && !unregistered_redirect {
            return Err(page("invalid_redirect_uri", INVALID_REDIRECT));
        }
        let back = (redirect_uri != OOB).then(|| redirect_uri.to_owned());
        let fail = |error, description| AuthorizeError { error, description, redirect_uri: back.clone() };
        match blank_to_none(p.response_type) {
            None => return Err(fail("invalid_request", MISSING_RESPONSE_TYPE)),
            Some("code") => {}
            Some(_) => {
                return Err(fail("unsupported_response_type", UNSUPPORTED_RESPONSE_TYPE));
            }
        }
        let scopes = requested_scopes(p.scope).ok_or(fail("invalid_scope", INVALID_SCOPE))?;
        if !scopes.iter().all(|s| server_knows(config, s) && app_allows(config.flavor, &app.scopes, s)) {
            return Err(fail("invalid_scope", INVALID_SCOPE));
        }
        let challenge = match blank_to_none(p.code_challenge) {
            // Only Mastodon 4.3+ has PKCE; GoToSocial accepts and ignores it, the others have
            // none: the parameters are ignored, not refused.
            _ if config.flavor != Flavor::Mastodon => None,
            None => None,
            Some(_) if p.code_challenge_method != Some("S256") => {
                return Err(fail("invalid_code_challenge_method", BAD_CHALLENGE_METHOD));
            }
            Some(challenge) => Some(challenge.to_owned()),
        };
        Ok(Consent {
            client_id: app.client_id.clone(),
            app_name: app.name.clone(),
            app_website: app.website.clone(),
            redirect_uri: redirect_uri.to_owned(),
            scopes,
            challenge,
            unregistered_redirect,
        })
    }

    /// Issues a code for an approved consent.
    pub fn issue_code(&mut self, consent: &Consent, username: &str, lifetime: Duration) -> String {
        let code = pkce::random_token();
        let grant = Grant {
            client_id: consent.client_id.clone(),
            redirect_uri: consent.redirect_uri.clone(),
            scopes: consent.scopes.clone(),
            username: username.to_owned(),
            challenge: consent.challenge.clone(),
            expires_at: Instant::now() + lifetime,
            used: false,
        };
        self.grants.insert(code.clone(), grant);
        code
    }

    /// Client authentication (RFC 6749 §2.3.1); returns the client_id.
    pub fn authenticate(&self, id: Option<&str>, secret: Option<&str>) -> Result<String, OAuthError> {
        let app = id.and_then(|id| self.app(id)).ok_or(OAuthError::InvalidClient)?;
        match secret {
            Some(s) if constant_time_eq(s.as_bytes(), app.client_secret.as_bytes()) => Ok(app.client_id.clone()),
            _ => Err(OAuthError::InvalidClient),
        }
    }

    /// `grant_type=authorization_code` for an authenticated client. The code is burnt by the
    /// first attempt of the client it belongs to, whether that attempt succeeds or not.
    pub fn exchange_code(
        &mut self,
        config: &ServerConfig,
        client_id: &str,
        req: &CodeExchange,
    ) -> Result<Token, OAuthError> {
        let code = req.code.ok_or(OAuthError::InvalidRequest("Missing required parameter: code."))?;
        if config.flavor == Flavor::Snac {
            return Ok(self.snac_exchange(client_id));
        }
        let grant = self.grants.get_mut(code).ok_or(OAuthError::UnknownCode)?;
        if grant.client_id != client_id || grant.used {
            return Err(OAuthError::InvalidGrant);
        }
        if config.flavor == Flavor::GoToSocial && req.redirect_uri != Some(grant.redirect_uri.as_str()) {
            return Err(OAuthError::WrongRedirect);
        }
        grant.used = true;
        let grant = grant.clone();
        if Instant::now() >= grant.expires_at {
            return Err(OAuthError::InvalidGrant);
        }
        let redirect_uri =
            req.redirect_uri.ok_or(OAuthError::InvalidRequest("Missing required parameter: redirect_uri."))?;
        if redirect_uri != grant.redirect_uri {
            return Err(OAuthError::InvalidGrant);
        }
        if let Some(challenge) = &grant.challenge {
            let verifier =
                req.code_verifier.ok_or(OAuthError::InvalidRequest("Missing required parameter: code_verifier."))?;
            if !constant_time_eq(pkce::challenge_s256(verifier).as_bytes(), challenge.as_bytes()) {
                return Err(OAuthError::InvalidGrant);
            }
        }
        if let Some(scope) = req.scope {
            let asked = requested_scopes(Some(scope)).ok_or(OAuthError::InvalidScope)?;
            if !asked.iter().all(|s| app_allows(config.flavor, &grant.scopes, s)) {
                return Err(OAuthError::InvalidScope);
            }
        }
        // Like Doorkeeper, the token carries the scopes approved at authorize time.
        Ok(self.mint(client_id, Some(grant.username), grant.scopes))
    }

    /// snac does not look at the code: the token is for whoever last approved this app, with
    /// what they approved (an app-only token when nobody has).
    fn snac_exchange(&mut self, client_id: &str) -> Token {
        let latest = self.grants.values().filter(|g| g.client_id == client_id).max_by_key(|g| g.expires_at).cloned();
        match latest {
            Some(grant) => self.mint(client_id, Some(grant.username), grant.scopes),
            None => self.mint(client_id, None, vec!["read".to_owned()]),
        }
    }

    /// snac deletes the app when one of its tokens is revoked.
    pub fn remove_app(&mut self, client_id: &str) {
        self.apps.retain(|a| a.client_id != client_id);
    }

    /// `grant_type=client_credentials`: an app-only token; `scope` defaults to `read`.
    pub fn client_credentials(
        &mut self,
        config: &ServerConfig,
        client_id: &str,
        scope: Option<&str>,
    ) -> Result<Token, OAuthError> {
        let app_scopes = self.app(client_id).map(|a| a.scopes.clone()).unwrap_or_default();
        let asked = requested_scopes(scope).ok_or(OAuthError::InvalidScope)?;
        if !asked.iter().all(|s| server_knows(config, s) && app_allows(config.flavor, &app_scopes, s)) {
            return Err(OAuthError::InvalidScope);
        }
        Ok(self.mint(client_id, None, asked))
    }

    /// RFC 7009 for an authenticated client: other apps' tokens are refused; `Ok(false)` for a
    /// token the server does not know (fine to Mastodon, refused by Takahē and snac).
    pub fn revoke(&mut self, client_id: &str, token: Option<&str>) -> Result<bool, OAuthError> {
        let Some(found) = token.and_then(|t| self.tokens.get_mut(t)) else {
            return Ok(false);
        };
        if found.client_id != client_id {
            return Err(OAuthError::UnauthorizedClient);
        }
        found.revoked = true;
        Ok(true)
    }

    /// The live token behind a bearer credential.
    pub fn bearer(&self, access_token: &str) -> Option<&Token> {
        self.tokens.get(access_token).filter(|t| !t.revoked)
    }

    fn mint(&mut self, client_id: &str, username: Option<String>, scopes: Vec<String>) -> Token {
        let token = Token {
            access_token: pkce::random_token(),
            client_id: client_id.to_owned(),
            username,
            scopes,
            created_at: SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
            revoked: false,
        };
        self.tokens.insert(token.access_token.clone(), token.clone());
        token
    }
}

/// The fields of a `grant_type=authorization_code` request (blank counts as absent).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CodeExchange<'a> {
    pub code: Option<&'a str>,
    pub redirect_uri: Option<&'a str>,
    pub code_verifier: Option<&'a str>,
    pub scope: Option<&'a str>,
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
