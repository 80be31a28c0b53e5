//! The subcommands for scripts (`login --with-token`, `status`, `switch`, `accounts`, `token`,
//! `whoami`, `logout`, `scopes`, `completions`): no terminal interface.
//! `refresh` is the exception: the terminal interface leads its approval in the browser.
//!
//! Results go to stdout, errors to stderr as one sentence that says what to do next, and the
//! process ends with an [`Exit`] code a script can branch on. Nothing printed ever contains a
//! token or a client secret, except the token that `mastokey token` is asked for.

mod accounts;
mod completions;
mod login;
mod logout;
mod refresh;
mod scopes;
mod status;
mod switch;
mod token;
mod whoami;

use std::io::{self, Write};

use crate::cli::Command;
use crate::mastodon::ApiError;
use crate::sanitize::clean;
use crate::store::{DefaultAccount, KeyringError, Login, Store, StoreError, TokenProblem};

/// How a subcommand ended: its process exit code. `--help` shows the same table (`cli::EXIT_CODES`).
///
/// | code | meaning |
/// |---|---|
/// | 0 | done |
/// | 1 | the server answered with an error mastokey cannot act on (a server error, a rate limit, an answer that is not Mastodon's, a token without the scope to read the account), or stdout could not be written |
/// | 2 | usage: a wrong argument (an ACCOUNT that is not `user@domain`), or an ACCOUNT is needed because several logins are saved (clap's own usage errors are 2 as well) |
/// | 3 | no saved login is that account, or no logins are saved at all |
/// | 4 | the server could not be reached (DNS, refused connection, TLS, timeout, broken connection) |
/// | 5 | the server rejected the token (401: revoked or expired), or refused to revoke it (400, 401, 403 at /oauth/revoke), or there was no way to ask (no registration, no token) |
/// | 6 | the saved files could not be read or written (a corrupt file is moved aside and named; a newer mastokey's is left alone) |
/// | 7 | `refresh` did not finish: the person quit before the new token was saved, or the browser approved another account (saved as a login of its own); the login named is unchanged |
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    Ok = 0,
    Failed = 1,
    Usage = 2,
    NoSuchAccount = 3,
    Unreachable = 4,
    Rejected = 5,
    Storage = 6,
    Cancelled = 7,
}

impl Exit {
    #[cfg(test)]
    pub const ALL: [Exit; 8] = [
        Exit::Ok,
        Exit::Failed,
        Exit::Usage,
        Exit::NoSuchAccount,
        Exit::Unreachable,
        Exit::Rejected,
        Exit::Storage,
        Exit::Cancelled,
    ];

    pub fn code(self) -> i32 {
        self as i32
    }
}

/// Why a subcommand could not do its job: the exit code and the sentence for stderr.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
    /// What still goes to stdout before the message (the table of `status`, whose exit code
    /// says that some login needs attention).
    pub output: String,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Self { exit, message: message.into(), output: String::new() }
    }

    pub fn with_output(self, output: String) -> Self {
        Self { output, ..self }
    }
}

/// Runs one subcommand to the end: prints its result or its error, and returns the exit code.
pub async fn run(command: &Command) -> Exit {
    let result = match command {
        // Without --with-token, `login` is the terminal interface, which `start` runs.
        Command::Login { flags, .. } => login::run(flags).await,
        Command::Status { json, timeout } => status::run(*json, std::time::Duration::from_secs(*timeout)).await,
        Command::Switch { account, server } => switch::run(Wanted::new(Some(account), server)),
        Command::Accounts { json } => accounts::run(*json),
        Command::Token { account, server } => token::run(Wanted::new(account.as_deref(), server)),
        Command::Whoami { account, json, server } => whoami::run(Wanted::new(account.as_deref(), server), *json).await,
        Command::Logout { account, yes, server } => logout::run(Wanted::new(Some(account), server), *yes).await,
        Command::Refresh { account, add_scopes, remove_scopes, redirect, server } => {
            let change = refresh::Change::new(add_scopes.as_ref(), remove_scopes.as_ref(), *redirect);
            refresh::run(Wanted::new(account.as_deref(), server), change).await
        }
        Command::Scopes { json } => scopes::run(*json, terminal_width()),
        Command::Completions { shell } => completions::run(*shell),
    };
    let result = result.and_then(|output| print(&output));
    match result {
        Ok(()) => Exit::Ok,
        Err(failure) => {
            let printed = if failure.output.is_empty() { Ok(()) } else { print(&failure.output) };
            if let Err(stdout) = printed {
                warn(&stdout.message);
            }
            // One `mastokey:` line per sentence (`status` has one per login that failed).
            for line in failure.message.lines().filter(|l| !l.is_empty()) {
                warn(line);
            }
            failure.exit
        }
    }
}

/// The width of the terminal stdout goes to, or `None` when it goes elsewhere (a pipe, a file).
fn terminal_width() -> Option<u16> {
    use std::io::IsTerminal;
    io::stdout().is_terminal().then(|| crossterm::terminal::size().ok().map(|(w, _)| w)).flatten()
}

/// Writes the result to stdout. A reader that went away (`mastokey accounts | head -1`) is not
/// an error worth a message; anything else is.
fn print(output: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::new(Exit::Failed, crate::tr!("cmd-stdout-failed", error = e.to_string())))
        }
        _ => Ok(()),
    }
}

/// One line on stderr. A closed stderr leaves nowhere to complain to, so that error is dropped.
pub(crate) fn warn(message: &str) {
    let _ = io::stderr().lock().write_all(warning(message).as_bytes());
}

/// The line [`warn`] prints, sanitized once more as the last line of defence: every error text
/// is already clean where server or certificate text enters it, but one that is not must still
/// not reach the terminal raw.
fn warning(message: &str) -> String {
    format!("mastokey: {}\n", clean(message))
}

/// The store of `MASTOKEY_CONFIG_DIR` (or the platform's config directory).
pub(crate) fn open_store() -> Result<Store, Failure> {
    Store::from_env().map_err(storage_failure)
}

/// Which saved login a command is about: the ACCOUNT argument, and `--server` when two servers
/// claim the same account name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Wanted<'a> {
    pub account: Option<&'a str>,
    pub server: Option<&'a str>,
}

impl<'a> Wanted<'a> {
    pub fn new(account: Option<&'a str>, server: &'a crate::cli::ServerChoice) -> Self {
        Self { account, server: server.server.as_deref() }
    }

    #[cfg(test)]
    pub fn account(account: &'a str) -> Self {
        Self { account: Some(account), server: None }
    }
}

/// The login a command needs the token of, and why that token cannot be used when it is in the
/// system keyring and the keyring could not give it back.
pub(crate) fn choose_login_with_token(
    store: &Store,
    wanted: Wanted<'_>,
    command: &str,
) -> Result<(Login, Option<Failure>), Failure> {
    let loaded = store.load_logins().map_err(storage_failure)?;
    let problems = loaded.problems;
    let login = choose_login(store, loaded.logins, loaded.default.as_ref(), wanted, command)?;
    let unreadable = problems.iter().find(|p| p.is_for(&login)).map(|p| token_failure(p, &login));
    Ok((login, unreadable))
}

/// A token gone from the keyring is like a revoked one (log in again); a keyring that cannot be
/// reached or is locked is a storage problem that may pass.
fn token_failure(problem: &TokenProblem, login: &Login) -> Failure {
    match problem.error {
        KeyringError::Missing => Failure::new(
            Exit::Rejected,
            crate::tr!(
                "cmd-keyring-token-gone",
                problem = problem.to_string(),
                instance = instance_hint(login.server.as_str())
            ),
        ),
        _ => Failure::new(Exit::Storage, crate::tr!("cmd-keyring-unreadable", problem = problem.to_string())),
    }
}

/// A store error as a sentence with the next step.
pub(crate) fn storage_failure(e: StoreError) -> Failure {
    let message = match &e {
        StoreError::Corrupt { path, kept_as } => {
            crate::tr!("cmd-store-corrupt", path = path.display().to_string(), kept = kept_as.display().to_string())
        }
        StoreError::Io { .. } => crate::tr!("cmd-store-io", error = e.to_string()),
        // Already names the command that fixes it.
        StoreError::Newer { .. } | StoreError::NoConfigDir | StoreError::Unsafe { .. } => e.to_string(),
    };
    Failure::new(Exit::Storage, message)
}

/// The login a command is about: `wanted` as `user@domain` (a leading `@` is fine, case and
/// Unicode versus punycode domains do not matter), or when nothing is named the only one, or
/// else the default (`mastokey switch`).
pub(crate) fn choose_login(
    store: &Store,
    mut logins: Vec<Login>,
    default: Option<&DefaultAccount>,
    Wanted { account: wanted, server }: Wanted<'_>,
    command: &str,
) -> Result<Login, Failure> {
    let names = |logins: &[Login]| logins.iter().map(|l| clean(&l.acct)).collect::<Vec<_>>().join(", ");
    if let Some(server) = server {
        let origin = server_origin(server)?;
        let all = std::mem::take(&mut logins);
        let on_others =
            all.iter().map(|l| format!("{} ({})", clean(&l.acct), clean(l.server.as_str()))).collect::<Vec<_>>();
        logins = all.into_iter().filter(|l| l.server == origin.origin()).collect();
        if logins.is_empty() {
            let message = if on_others.is_empty() {
                crate::tr!("cmd-none-from-server-none-saved", server = origin.origin().to_string())
            } else {
                crate::tr!("cmd-none-from-server", server = origin.origin().to_string(), saved = on_others.join(", "))
            };
            return Err(Failure::new(Exit::NoSuchAccount, message));
        }
    }
    if let Some(wanted) = wanted.filter(|w| !is_account(w)) {
        let saved = if logins.is_empty() {
            crate::tr!("cmd-saved-none-yet")
        } else {
            crate::tr!("cmd-saved-are", saved = names(&logins))
        };
        return Err(Failure::new(
            Exit::Usage,
            crate::tr!("cmd-not-an-account", typed = clean(wanted.trim()), command = command, saved = saved),
        ));
    }
    if logins.is_empty() {
        return Err(Failure::new(
            Exit::NoSuchAccount,
            crate::tr!("cmd-no-logins", dir = store.dir().display().to_string()),
        ));
    }
    let Some(wanted) = wanted else {
        if logins.len() == 1 {
            return Ok(logins.swap_remove(0));
        }
        if let Some(i) = default.and_then(|d| logins.iter().position(|l| d.is(l))) {
            return Ok(logins.swap_remove(i));
        }
        return Err(Failure::new(
            Exit::Usage,
            crate::tr!("cmd-say-which", count = logins.len(), command = command, saved = names(&logins)),
        ));
    };
    let key = account_key(wanted);
    let matching: Vec<usize> = (0..logins.len()).filter(|&i| account_key(&logins[i].acct) == key).collect();
    match matching.as_slice() {
        [found] => return Ok(logins.swap_remove(*found)),
        [] => {}
        several => {
            let which = several
                .iter()
                .map(|&i| {
                    crate::tr!(
                        "cmd-account-from",
                        account = clean(&logins[i].acct),
                        server = clean(logins[i].server.as_str())
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let example = clean(logins[several[0]].server.as_str());
            return Err(Failure::new(
                Exit::Usage,
                crate::tr!(
                    "cmd-ambiguous-account",
                    count = several.len(),
                    account = clean(wanted.trim()),
                    which = which,
                    command = command,
                    example = example
                ),
            ));
        }
    }
    Err(Failure::new(
        Exit::NoSuchAccount,
        crate::tr!("cmd-no-such-login", account = clean(wanted), saved = names(&logins)),
    ))
}

/// `--server` as a server address, or the usage error that says what is wrong with it.
pub(crate) fn server_origin(server: &str) -> Result<crate::mastodon::ServerAddress, Failure> {
    crate::mastodon::address::parse(server).map_err(|e| {
        Failure::new(Exit::Usage, crate::tr!("cmd-bad-server", server = clean(server.trim()), error = e.to_string()))
    })
}

/// `user@domain`, with a leading `@` or not: both parts there, nothing else with an `@`.
fn is_account(text: &str) -> bool {
    let text = text.trim();
    let text = text.strip_prefix('@').unwrap_or(text);
    text.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && !domain.is_empty() && !domain.contains('@') && !text.contains(char::is_whitespace)
    })
}

/// `user@domain` folded for comparison: no leading `@`, lower case, the domain in punycode.
fn account_key(account: &str) -> String {
    let account = account.trim().trim_start_matches('@').to_lowercase();
    let Some((user, domain)) = account.rsplit_once('@') else {
        return account;
    };
    // The URL parser applies IDNA, so `café.example` and `xn--caf-dma.example` meet.
    let domain = match url::Url::parse(&format!("http://{domain}/")) {
        Ok(url) => match (url.host_str(), url.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            _ => domain.to_owned(),
        },
        Err(_) => domain.to_owned(),
    };
    format!("{user}@{domain}")
}

/// `domain` of `https://domain`, for messages that suggest `mastokey --instance ...`.
pub(crate) fn instance_hint(server: &str) -> &str {
    server.strip_prefix("https://").unwrap_or(server).trim_end_matches('/')
}

/// A failed request as a sentence and an exit code; `doing` is what was attempted, one of the
/// `cmd-doing-*` messages ("verify the login of ada@example.social").
pub(crate) fn request_failure(e: &ApiError, server: &str, doing: &str) -> Failure {
    if e.is_network() {
        return Failure::new(
            Exit::Unreachable,
            crate::tr!("cmd-unreachable", server = server, doing = doing, error = e.to_string()),
        );
    }
    // A rate limit already says when to try again.
    let id = match e {
        ApiError::RateLimited { .. } => "cmd-request-failed",
        // Refused on purpose: waiting changes nothing.
        ApiError::Redirected { .. } => "cmd-request-redirected",
        // It answered, but not as Mastodon does (not HTTP, not JSON, not the API's fields).
        ApiError::Malformed { .. } | ApiError::TooLarge { .. } | ApiError::NotMastodon { .. } => {
            "cmd-request-not-mastodon"
        }
        _ => "cmd-request-failed-later",
    };
    let args = [("doing", doing.into()), ("error", e.to_string().into())];
    Failure::new(Exit::Failed, crate::i18n::text_with(id, &args))
}

/// JSON made safe for a terminal without changing its meaning: characters that a terminal could
/// act on or that hide text (C1 controls, bidi controls and the other format characters) are
/// written as `\uXXXX` escapes (a character beyond U+FFFF as its surrogate pair). Valid JSON has no raw
/// control characters inside strings and only whitespace outside them, so only string contents
/// change, and only to an equivalent spelling.
pub(crate) fn terminal_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let risky = (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || crate::sanitize::is_format(c);
        if risky {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
