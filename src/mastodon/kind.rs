//! What software a server runs — from NodeInfo first, then its version string — and what
//! mastokey changes for it.
//!
//! Version strings alone mislead (snac says `4.0.0 (not true; really snac/2.94)`, GoToSocial 0.20
//! says `v0.20.0-rc1`), so NodeInfo's `software.name` decides whenever the server has it.

/// The server software family; decides the protocol adaptations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServerKind {
    /// Mastodon and its forks (glitch-soc, Hometown): see [`MastodonFork`].
    Mastodon,
    GoToSocial,
    Akkoma,
    Pleroma,
    Takahe,
    Snac,
    /// Another server that speaks Mastodon's API.
    Other,
}

/// A Mastodon fork that keeps Mastodon's protocol (and says so in its version string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MastodonFork {
    GlitchSoc,
    Hometown,
}

impl MastodonFork {
    pub fn name(self) -> &'static str {
        match self {
            MastodonFork::GlitchSoc => "glitch-soc",
            MastodonFork::Hometown => "Hometown",
        }
    }
}

/// Where the kind was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detection {
    /// `software.name` of the NodeInfo document.
    NodeInfo,
    /// The instance document's `version` (no NodeInfo, or it could not be read).
    VersionString,
}

/// What runs the server, as far as mastokey could tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Software {
    pub kind: ServerKind,
    pub fork: Option<MastodonFork>,
    /// The software's own name as NodeInfo gives it (sanitized), for servers of kind `Other`.
    pub name: Option<String>,
    /// The software's own version (snac's `2.94`, not its claimed `4.0.0`), sanitized.
    pub version: Option<String>,
    pub detected_by: Detection,
}

impl ServerKind {
    /// From NodeInfo's `software.name` (lower case by the spec; compared without case).
    pub fn from_nodeinfo_name(name: &str) -> Self {
        match name.trim().to_lowercase().as_str() {
            "mastodon" | "glitch-soc" | "glitchsoc" | "hometown" => ServerKind::Mastodon,
            "gotosocial" => ServerKind::GoToSocial,
            "akkoma" => ServerKind::Akkoma,
            "pleroma" => ServerKind::Pleroma,
            "takahe" | "takahē" => ServerKind::Takahe,
            "snac" | "snac2" => ServerKind::Snac,
            _ => ServerKind::Other,
        }
    }

    /// From the instance document's version string, when NodeInfo did not say. A bare
    /// `v0.20.0-rc1` (GoToSocial 0.20) is not recognised here: taken for GoToSocial wrongly, a
    /// server would be asked for a `profile` scope it may not have, while `Other` costs nothing
    /// on GoToSocial (its NodeInfo names it anyway).
    pub fn from_version(version: &str) -> Self {
        let v = version.to_lowercase();
        if v.contains("akkoma") {
            ServerKind::Akkoma
        } else if v.contains("pleroma") {
            ServerKind::Pleroma
        } else if v.contains("takahe") || v.contains("takahē") {
            ServerKind::Takahe
        } else if v.contains("snac") {
            ServerKind::Snac
        } else if v.contains("gotosocial") || v.contains("+git-") {
            ServerKind::GoToSocial
        } else if v.contains("(compatible;") {
            // Another software's own name in Mastodon's compatibility form (Pixelfed, …).
            ServerKind::Other
        } else if v.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            ServerKind::Mastodon
        } else {
            ServerKind::Other
        }
    }

    /// The kind's name in English (the lead's catalogue names it in other languages).
    pub fn name(self) -> &'static str {
        match self {
            ServerKind::Mastodon => "Mastodon",
            ServerKind::GoToSocial => "GoToSocial",
            ServerKind::Akkoma => "Akkoma",
            ServerKind::Pleroma => "Pleroma",
            ServerKind::Takahe => "Takahē",
            ServerKind::Snac => "snac",
            ServerKind::Other => "a Mastodon-compatible server",
        }
    }
}

impl Software {
    /// The kind from NodeInfo's name and version when known, else from the instance version;
    /// the fork and the software's own version from whichever says it.
    pub fn detect(nodeinfo: Option<(&str, &str)>, instance_version: &str) -> Software {
        let (kind, detected_by) = match nodeinfo {
            Some((name, _)) => (ServerKind::from_nodeinfo_name(name), Detection::NodeInfo),
            None => (ServerKind::from_version(instance_version), Detection::VersionString),
        };
        let node_version = nodeinfo.map(|(_, v)| v).filter(|v| !v.trim().is_empty());
        let fork = (kind == ServerKind::Mastodon)
            .then(|| {
                let named = nodeinfo.map(|(n, _)| n.to_lowercase()).unwrap_or_default();
                let texts = [named.as_str(), node_version.unwrap_or(""), instance_version];
                fork_of(&texts.join(" ").to_lowercase())
            })
            .flatten();
        let version = node_version.map(str::to_owned).or_else(|| own_version(kind, instance_version));
        let name = (kind == ServerKind::Other).then(|| nodeinfo.map(|(n, _)| short(n))).flatten();
        Software { kind, fork, name, version: version.map(|v| short(&v)), detected_by }
    }

    /// `GoToSocial 0.20.0-rc1`, `Mastodon 4.3.0+glitch (glitch-soc)`, `snac 2.94`: for the
    /// server card, in English (a kind's name is a proper noun, but `Other` is a phrase).
    pub fn label(&self) -> String {
        let name = match (&self.name, self.kind) {
            (Some(name), ServerKind::Other) => name.clone(),
            (None, ServerKind::Other) => crate::tr!("kind-other"),
            _ => self.kind.name().to_owned(),
        };
        let mut label = match &self.version {
            Some(v) => format!("{name} {v}"),
            None => name,
        };
        if let Some(fork) = self.fork {
            label.push_str(&format!(" ({})", fork.name()));
        }
        label
    }

    /// `major.minor` of the software's own version, when it starts with numbers (`v` allowed).
    pub fn version_number(&self) -> Option<(u32, u32)> {
        let text = self.version.as_deref()?.trim().trim_start_matches(['v', 'V']);
        let mut parts = text.split(|c: char| !c.is_ascii_digit());
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
        Some((major, minor))
    }
}

fn fork_of(text: &str) -> Option<MastodonFork> {
    if text.contains("glitch") {
        Some(MastodonFork::GlitchSoc)
    } else if text.contains("hometown") {
        Some(MastodonFork::Hometown)
    } else {
        None
    }
}

/// The software's own version out of an instance version string.
fn own_version(kind: ServerKind, version: &str) -> Option<String> {
    let after = |marker: &str| {
        let lower = version.to_lowercase();
        let at = lower.find(marker)? + marker.len();
        let rest = version.get(at..)?;
        let end = rest.find(|c: char| c.is_whitespace() || c == ')' || c == ';').unwrap_or(rest.len());
        Some(rest[..end].to_owned()).filter(|v| !v.is_empty())
    };
    match kind {
        ServerKind::Akkoma => after("akkoma "),
        ServerKind::Pleroma => after("pleroma "),
        ServerKind::Takahe => after("takahe/"),
        ServerKind::Snac => after("snac/"),
        _ => Some(version.trim().to_owned()).filter(|v| !v.is_empty()),
    }
}

/// Server text for display: sanitized, at most 40 characters.
fn short(text: &str) -> String {
    let clean = crate::sanitize::clean(text.trim());
    if clean.chars().count() > 40 { clean.chars().take(39).chain(['…']).collect() } else { clean }
}

/// One thing mastokey does differently for a server. The TUI words each in its own language;
/// [`super::ServerInfo::adaptations`] gives an English sentence for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adaptation {
    /// The server publishes no OAuth metadata, so the identity preset and the identity check use
    /// this scope (`profile` on GoToSocial, `read` on Takahē, `read:accounts` elsewhere).
    IdentityScope(&'static str),
    /// The server does not offer PKCE (or ignores it), so none is sent.
    NoPkce,
    /// Redirect URIs are compared exactly: the loopback redirect is registered with its port.
    ExactRedirect,
    /// The server ignores `force_login`: a second account cannot be picked from mastokey (sign
    /// out in the browser first).
    NoAccountChoice,
    /// The server deletes the app with its token, so a logout also forgets the registration.
    ForgetsRegistrationOnLogout,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_version_strings() {
        let kind = ServerKind::from_version;
        assert_eq!(kind("4.5.0"), ServerKind::Mastodon);
        assert_eq!(kind("4.3.0+glitch"), ServerKind::Mastodon);
        assert_eq!(kind("4.0.2+hometown-1.1.1"), ServerKind::Mastodon);
        assert_eq!(kind("0.18.1+git-6f4c3a2"), ServerKind::GoToSocial);
        assert_eq!(kind("v0.20.0-rc1"), ServerKind::Other, "left to NodeInfo");
        assert_eq!(kind("2.7.2 (compatible; Akkoma 3.15.1)"), ServerKind::Akkoma);
        assert_eq!(kind("2.7.2 (compatible; Akkoma 3.x)"), ServerKind::Akkoma);
        assert_eq!(kind("2.5.0 (compatible; Pleroma 2.5.0)"), ServerKind::Pleroma);
        assert_eq!(kind("takahe/0.11.0"), ServerKind::Takahe);
        assert_eq!(kind("4.0.0 (not true; really snac/2.94)"), ServerKind::Snac);
        assert_eq!(kind("3.5.3 (compatible; Pixelfed 0.12.3)"), ServerKind::Other);
        assert_eq!(kind(""), ServerKind::Other);
    }

    #[test]
    fn nodeinfo_decides_and_versions_are_the_softwares_own() {
        let snac = Software::detect(Some(("snac", "2.94")), "4.0.0 (not true; really snac/2.94)");
        assert_eq!(
            (snac.kind, snac.detected_by, snac.label()),
            (ServerKind::Snac, Detection::NodeInfo, "snac 2.94".into())
        );
        let gts = Software::detect(Some(("gotosocial", "0.20.0-rc1")), "v0.20.0-rc1");
        assert_eq!((gts.kind, gts.label()), (ServerKind::GoToSocial, "GoToSocial 0.20.0-rc1".into()));
        assert_eq!(gts.version_number(), Some((0, 20)));
        let glitch = Software::detect(Some(("mastodon", "4.3.0+glitch")), "4.3.0+glitch");
        assert_eq!((glitch.fork, glitch.version_number()), (Some(MastodonFork::GlitchSoc), Some((4, 3))));
        assert_eq!(glitch.label(), "Mastodon 4.3.0+glitch (glitch-soc)");
        let hometown = Software::detect(None, "4.0.2+hometown-1.1.1");
        assert_eq!((hometown.kind, hometown.fork), (ServerKind::Mastodon, Some(MastodonFork::Hometown)));
        let akkoma = Software::detect(None, "2.7.2 (compatible; Akkoma 3.15.1)");
        assert_eq!((akkoma.detected_by, akkoma.label()), (Detection::VersionString, "Akkoma 3.15.1".into()));
        assert_eq!(Software::detect(None, "takahe/0.11.0").label(), "Takahē 0.11.0");
        let other = Software::detect(Some(("wildebeest", "\u{1b}[2J0.1")), "4.0.0");
        assert_eq!((other.kind, other.label()), (ServerKind::Other, "wildebeest 0.1".to_owned()));
        let long = Software::detect(Some(("x".repeat(200).as_str(), "")), "1");
        assert_eq!(long.name.map(|n| n.chars().count()), Some(40));
    }
}
