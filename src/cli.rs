//! The command line: flags that prefill and skip steps, and the subcommands for scripts (clap).

use clap::{Parser, Subcommand};

use crate::app::RedirectMode;
use crate::mastodon::scopes;

#[derive(Debug, Parser)]
#[command(
    name = "mastokey",
    version,
    about = "Log in to a Mastodon server with OAuth 2.0 and exactly the scopes you choose.",
    // The flags belong to the terminal interface; with a subcommand they would be silently ignored.
    args_conflicts_with_subcommands = true,
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(flatten)]
    pub login: LoginFlags,

    /// Try the whole login against a built-in demo server on 127.0.0.1 (no account, no network);
    /// `--demo=KIND` makes it behave as another kind of server, to see mastokey adapt
    #[arg(
        long,
        value_enum,
        value_name = "KIND",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "mastodon",
        conflicts_with = "instance"
    )]
    pub demo: Option<DemoKind>,

    /// Without a subcommand, the terminal interface runs.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What the terminal interface's login is told on the command line, by `mastokey [FLAGS]` and
/// by `mastokey login [FLAGS]` alike.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct LoginFlags {
    /// Server to log in to (skips the server screen), e.g. mastodon.social or @you@example.social
    #[arg(long, value_name = "SERVER")]
    pub instance: Option<String>,

    /// Scopes to request, space separated (skips the scopes screen), e.g. "read:accounts write:statuses"
    #[arg(long, value_name = "SCOPES", value_parser = parse_scopes)]
    pub scopes: Option<ScopeList>,

    /// How the code comes back: `loopback` (the browser returns it to mastokey by itself) or `oob`
    /// (the server shows it and you paste it). Default: loopback when a browser can be opened
    /// here, oob otherwise (over SSH, with no display)
    #[arg(long, value_enum, value_name = "MODE")]
    pub redirect: Option<Redirect>,

    /// Add `force_login=true` to the authorize URL, to pick another account on the same server
    #[arg(long)]
    pub force_login: bool,
}

/// The exit codes, as `--help` shows them; a test in `commands` keeps them equal to `commands::Exit`.
pub const EXIT_CODES: &str = "\
Exit codes of the subcommands:
  0  done
  1  the server answered with an error mastokey cannot act on (see the message)
  2  usage: a wrong argument, or an ACCOUNT is needed
  3  no such account, or no logins saved
  4  the server could not be reached
  5  the server rejected the token or refused to revoke it, or mastokey could not ask
  6  the saved files could not be read or written
  7  refresh: not finished (you quit before approving, or the browser approved another account)
`mastokey status` exits with the code of its worst finding: 5, then 6, then 1, then 4.";

/// Commands for scripts: no terminal interface, results on stdout, errors on stderr.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Log in: the terminal interface (as `mastokey` alone), or with --with-token a token made
    /// elsewhere, read from stdin
    #[command(after_help = EXIT_CODES)]
    Login {
        #[command(flatten)]
        flags: LoginFlags,
        /// Save a token made elsewhere (say on the server's Development page), read from stdin:
        /// `mastokey login --with-token --instance SERVER < token.txt`. It is checked with the
        /// server first; it is never taken from the command line
        #[arg(long, requires = "instance", conflicts_with_all = ["scopes", "redirect", "force_login"])]
        with_token: bool,
    },
    /// Check every saved login with its server at once: valid, rejected or unreachable
    #[command(after_help = EXIT_CODES)]
    Status {
        /// Print a JSON array (acct, server, account_id, status, exit, scopes_granted, last_verified, default)
        #[arg(long)]
        json: bool,
        /// Seconds each server has to answer before it counts as unreachable
        #[arg(long, value_name = "SECONDS", default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=300))]
        timeout: u64,
    },
    /// Make a saved login the default: `token`, `whoami` and `refresh` use it when no ACCOUNT is named
    #[command(after_help = EXIT_CODES)]
    Switch {
        /// `user@domain` (a leading @ is fine)
        account: String,
        #[command(flatten)]
        server: ServerChoice,
    },
    /// List the saved logins: account, scopes granted, when last verified, server (* marks the default)
    #[command(after_help = EXIT_CODES)]
    Accounts {
        /// Print a JSON array instead of a table (tokens are never included)
        #[arg(long)]
        json: bool,
    },
    /// Print the access token of a saved login, alone on one line, e.g. TOKEN=$(mastokey token)
    #[command(after_help = EXIT_CODES)]
    Token {
        /// `user@domain` (a leading @ is fine); may be left out when only one login is saved, or
        /// to use the default (`mastokey switch`)
        account: Option<String>,
        #[command(flatten)]
        server: ServerChoice,
    },
    /// Verify a saved login with the server and print who it is
    #[command(after_help = EXIT_CODES)]
    Whoami {
        /// `user@domain` (a leading @ is fine); may be left out when only one login is saved, or
        /// to use the default (`mastokey switch`)
        account: Option<String>,
        /// Print the account as JSON, as the server sent it
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        server: ServerChoice,
    },
    /// Revoke a login's token at its server, then forget the login
    #[command(after_help = EXIT_CODES)]
    Logout {
        /// `user@domain` (a leading @ is fine)
        account: String,
        /// Forget the login even when the server cannot be reached or refuses to revoke the token
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        server: ServerChoice,
    },
    /// Give a saved login more (or fewer) scopes: you approve in the browser again, then its
    /// token is replaced and the old one revoked (like `gh auth refresh -s`)
    #[command(
        after_help = EXIT_CODES,
        group(clap::ArgGroup::new("change").required(true).multiple(true).args(["add_scopes", "remove_scopes"]))
    )]
    Refresh {
        /// `user@domain` (a leading @ is fine); may be left out when only one login is saved, or
        /// to use the default (`mastokey switch`)
        account: Option<String>,
        /// Scopes to add, space separated, e.g. "write:media" (`mastokey scopes` lists them)
        #[arg(long, value_name = "SCOPES", value_parser = parse_scopes)]
        add_scopes: Option<ScopeList>,
        /// Scopes to remove, space separated; removing a child of a scope the login has (say
        /// read:statuses of read) keeps the parent's other children
        #[arg(long, value_name = "SCOPES", value_parser = parse_scopes)]
        remove_scopes: Option<ScopeList>,
        /// How the code comes back: `loopback` or `oob` (as for the terminal interface)
        #[arg(long, value_enum, value_name = "MODE")]
        redirect: Option<Redirect>,
        #[command(flatten)]
        server: ServerChoice,
    },
    /// List every scope an app can ask for, with what it allows (for choosing --scopes)
    Scopes {
        /// Print a JSON array (name, parent, admin, deprecated, since, description in English)
        #[arg(long)]
        json: bool,
    },
    /// Print a completion script for bash, zsh or fish (see the README for where to put it)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `--server`: which of several saved logins with the same `user@domain` (each server names its
/// own domain, so two servers can claim the same one).
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct ServerChoice {
    /// The server of the login, when logins of the same ACCOUNT are saved from several servers
    /// (as `accounts` lists them), e.g. https://mastodon.social
    #[arg(long = "server", value_name = "SERVER")]
    pub server: Option<String>,
}

/// The personalities of the demo server (`--demo=KIND`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoKind {
    /// Mastodon 4.3 and later: OAuth metadata, the profile scope, PKCE
    Mastodon,
    /// Mastodon 4.2: no OAuth metadata, no profile scope, no PKCE
    #[value(name = "mastodon-4.2")]
    Mastodon42,
    /// GoToSocial 0.20: exact redirect URIs, PKCE ignored
    #[value(name = "gotosocial")]
    GoToSocial,
    /// Takahē 0.11: identity needs `read`, 60-second codes, force_login ignored
    Takahe,
    /// snac 2.94: the code page carries the state, logging out deletes the app
    Snac,
    /// Akkoma 3: no profile scope, no PKCE, exact redirect URIs
    Akkoma,
}

impl DemoKind {
    pub fn flavor(self) -> crate::demo::Flavor {
        use crate::demo::Flavor;
        match self {
            DemoKind::Mastodon => Flavor::Mastodon,
            DemoKind::Mastodon42 => Flavor::Mastodon42,
            DemoKind::GoToSocial => Flavor::GoToSocial,
            DemoKind::Takahe => Flavor::Takahe,
            DemoKind::Snac => Flavor::Snac,
            DemoKind::Akkoma => Flavor::Akkoma,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Redirect {
    Oob,
    Loopback,
}

impl Redirect {
    /// `--redirect` if given, else what works here: SSH sessions and machines without a browser
    /// get the paste path, since the browser that approves cannot reach this machine's loopback.
    pub fn choose(flag: Option<Redirect>) -> RedirectMode {
        match flag {
            Some(Redirect::Oob) => RedirectMode::Oob,
            Some(Redirect::Loopback) => RedirectMode::Loopback,
            None if std::env::var_os("SSH_CONNECTION").is_some() || std::env::var_os("SSH_TTY").is_some() => {
                RedirectMode::Oob
            }
            None if !crate::browser::can_open() => RedirectMode::Oob,
            None => RedirectMode::Loopback,
        }
    }
}

/// The scopes of `--scopes`: one argument holding several scopes. (A plain `Vec` would make clap
/// expect the flag to repeat, and panic when the parser hands it a whole list.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeList(pub Vec<String>);

fn parse_scopes(text: &str) -> Result<ScopeList, String> {
    let list = scopes::split(text);
    if list.is_empty() {
        return Err(crate::tr!("cli-scopes-empty"));
    }
    if let Some(unknown) = list.iter().find(|s| scopes::info(s).is_none()) {
        return Err(crate::tr!("cli-scope-unknown", scope = crate::sanitize::clean(unknown)));
    }
    Ok(ScopeList(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_one_space_separated_argument() {
        let cli =
            Cli::try_parse_from(["mastokey", "--scopes", "read:accounts  write:statuses", "--instance", "x.example"])
                .expect("parses");
        assert_eq!(cli.login.scopes, Some(ScopeList(vec!["read:accounts".into(), "write:statuses".into()])));
        let error = Cli::try_parse_from(["mastokey", "--scopes", "read bogus"]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::ValueValidation);
        assert!(error.to_string().contains("unknown scope \"bogus\""), "{error}");
    }

    #[test]
    fn refresh_needs_a_change_and_known_scope_names() {
        let refresh = |args: &[&str]| Cli::try_parse_from([&["mastokey", "refresh"], args].concat()).map(|c| c.command);
        let Ok(Some(Command::Refresh { account, add_scopes, remove_scopes, .. })) =
            refresh(&["ada@example.social", "--add-scopes", "write:media push", "--remove-scopes", "read:lists"])
        else {
            panic!("parses")
        };
        assert_eq!(account.as_deref(), Some("ada@example.social"));
        assert_eq!(add_scopes, Some(ScopeList(vec!["write:media".into(), "push".into()])));
        assert_eq!(remove_scopes, Some(ScopeList(vec!["read:lists".into()])));
        let neither = refresh(&["ada@example.social"]).unwrap_err();
        assert_eq!(neither.kind(), clap::error::ErrorKind::MissingRequiredArgument, "{neither}");
        let unknown = refresh(&["--add-scopes", "write:medias"]).unwrap_err();
        assert!(unknown.to_string().contains("`mastokey scopes`"), "{unknown}");
        assert_eq!(unknown.exit_code(), 2);
    }

    #[test]
    fn login_takes_the_interface_flags_or_a_token_from_stdin() {
        let parse = |args: &[&str]| Cli::try_parse_from([&["mastokey", "login"], args].concat()).map(|c| c.command);
        let Ok(Some(Command::Login { flags, with_token: false })) =
            parse(&["--instance", "x.example", "--scopes", "profile", "--redirect", "oob", "--force-login"])
        else {
            panic!("parses")
        };
        assert_eq!(flags.instance.as_deref(), Some("x.example"));
        assert_eq!((flags.redirect, flags.force_login), (Some(Redirect::Oob), true));
        assert!(matches!(
            parse(&["--with-token", "--instance", "x.example"]),
            Ok(Some(Command::Login { with_token: true, .. }))
        ));
        // The server is needed, and the flags of an interactive login make no sense with it.
        assert_eq!(parse(&["--with-token"]).unwrap_err().kind(), clap::error::ErrorKind::MissingRequiredArgument);
        for other in [&["--scopes", "read"][..], &["--redirect", "oob"], &["--force-login"]] {
            let args = [&["--with-token", "--instance", "x.example"][..], other].concat();
            assert_eq!(parse(&args).unwrap_err().kind(), clap::error::ErrorKind::ArgumentConflict, "{other:?}");
        }
        // No way to give the token itself on the command line.
        assert!(parse(&["--with-token", "tok-123", "--instance", "x.example"]).is_err());
        assert!(parse(&["--token", "tok-123", "--instance", "x.example"]).is_err());
    }

    #[test]
    fn status_and_switch_parse() {
        let parse = |args: &[&str]| Cli::try_parse_from([&["mastokey"], args].concat()).map(|c| c.command);
        assert_eq!(parse(&["status"]).unwrap(), Some(Command::Status { json: false, timeout: 15 }));
        assert_eq!(
            parse(&["status", "--json", "--timeout", "3"]).unwrap(),
            Some(Command::Status { json: true, timeout: 3 })
        );
        assert!(parse(&["status", "--timeout", "0"]).is_err());
        let Ok(Some(Command::Switch { account, server })) =
            parse(&["switch", "@ada@x.example", "--server", "x.example"])
        else {
            panic!("parses")
        };
        assert_eq!((account.as_str(), server.server.as_deref()), ("@ada@x.example", Some("x.example")));
        assert_eq!(parse(&["switch"]).unwrap_err().kind(), clap::error::ErrorKind::MissingRequiredArgument);
    }

    #[test]
    fn demo_takes_an_optional_kind() {
        let demo = |args: &[&str]| Cli::try_parse_from([&["mastokey"], args].concat()).map(|c| c.demo);
        assert_eq!(demo(&[]).unwrap(), None);
        assert_eq!(demo(&["--demo"]).unwrap(), Some(DemoKind::Mastodon));
        assert_eq!(demo(&["--demo", "--redirect", "oob"]).unwrap(), Some(DemoKind::Mastodon));
        assert_eq!(demo(&["--demo=snac"]).unwrap(), Some(DemoKind::Snac));
        assert_eq!(demo(&["--demo=mastodon-4.2"]).unwrap(), Some(DemoKind::Mastodon42));
        assert_eq!(demo(&["--demo=gotosocial"]).unwrap().map(DemoKind::flavor), Some(crate::demo::Flavor::GoToSocial));
        assert!(demo(&["--demo=friendica"]).is_err());
        assert!(demo(&["--demo", "--instance", "x.example"]).is_err());
        // Every personality has a name here, and each name is the demo's own.
        use clap::ValueEnum;
        for kind in DemoKind::value_variants() {
            let name = kind.to_possible_value().map(|v| v.get_name().to_owned());
            assert_eq!(name.as_deref(), Some(kind.flavor().cli_name()));
        }
        assert_eq!(DemoKind::value_variants().len(), crate::demo::Flavor::ALL.len());
    }

    #[test]
    fn the_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
