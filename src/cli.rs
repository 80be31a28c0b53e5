//! The command line: flags that prefill and skip steps, parsed with clap.

use clap::Parser;

use crate::mastodon::scopes;

#[derive(Debug, Parser)]
#[command(
    name = "mastokey",
    version,
    about = "Log in to a Mastodon server with OAuth 2.0 and exactly the scopes you choose."
)]
pub struct Cli {
    /// Server to log in to (skips the server screen), e.g. mastodon.social or @you@example.social
    #[arg(long, value_name = "SERVER")]
    pub instance: Option<String>,

    /// Scopes to request, space separated (skips the scopes screen), e.g. "read:accounts write:statuses"
    #[arg(long, value_name = "SCOPES", value_parser = parse_scopes)]
    pub scopes: Option<Vec<String>>,

    /// Add `force_login=true` to the authorize URL, to pick another account on the same server
    #[arg(long)]
    pub force_login: bool,

    /// Try the whole login against a built-in demo server on 127.0.0.1 (no account, no network)
    #[arg(long, conflicts_with = "instance")]
    pub demo: bool,
}

fn parse_scopes(text: &str) -> Result<Vec<String>, String> {
    let list = scopes::split(text);
    if list.is_empty() {
        return Err("give at least one scope, e.g. \"read:accounts\"".into());
    }
    if let Some(unknown) = list.iter().find(|s| scopes::info(s).is_none()) {
        return Err(format!(
            "unknown scope {unknown:?}; known scopes are listed with their meaning on the scopes screen"
        ));
    }
    Ok(list)
}
