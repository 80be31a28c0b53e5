//! PKCE (RFC 7636, S256) and the per-attempt `state` value.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use crate::secret::Secret;

/// 32 random bytes from the system's source, base64url without padding: 43 characters, the RFC's
/// recommended verifier (and the shape of Mastodon's ids, secrets and codes, for the demo server).
pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // Without a random source there is no safe verifier, state or secret to make.
    getrandom::fill(&mut bytes).expect("the system's random source");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The S256 code challenge for a verifier: `BASE64URL(SHA256(verifier))`.
pub fn challenge_s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A PKCE verifier and its challenge, made fresh for each login attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pkce {
    pub verifier: Secret,
    pub challenge: String,
}

impl Pkce {
    pub fn generate() -> Self {
        Self::from_verifier(random_token())
    }

    pub fn from_verifier(verifier: String) -> Self {
        let challenge = challenge_s256(&verifier);
        Self { verifier: Secret::new(verifier), challenge }
    }
}

/// A fresh, unguessable `state` for one authorize attempt.
pub fn new_state() -> String {
    random_token()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_appendix_b_vector() {
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        assert_eq!(p.challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn generated_values_are_fresh_and_well_formed() {
        let (a, b) = (Pkce::generate(), Pkce::generate());
        assert_ne!(a.verifier, b.verifier);
        assert_eq!(a.verifier.expose().len(), 43);
        assert!(a.verifier.expose().chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_ne!(new_state(), new_state());
    }
}
