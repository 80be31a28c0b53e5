//! `mastokey status [--json]`: every saved login checked with its server at once (like
//! `gh auth status`): one row each, the last-verified time noted for those that pass, and the
//! exit code of the worst finding, so cron can run it and mail what needs attention.

use std::time::Duration;

use futures::StreamExt;
use serde::Serialize;

use super::whoami::{record_verified, server_url, verify};
use super::{Exit, Failure, open_store, storage_failure, terminal_safe_json, token_failure};
use crate::mastodon::client::{Client, Timeouts};
use crate::sanitize::clean;
use crate::store::{DefaultAccount, Loaded, Login, Store, now_rfc3339};

/// How many servers are asked at once: enough that a handful of logins take one round trip,
/// few enough that dozens do not open dozens of connections together.
const AT_ONCE: usize = 8;

/// Worst first: a rejected token needs the person now; a file or keyring that cannot be read
/// needs them too; a server error or an unreachable server may pass by itself.
const SEVERITY: [Exit; 4] = [Exit::Rejected, Exit::Storage, Exit::Failed, Exit::Unreachable];

/// What the check of one login found.
struct Finding {
    login: Login,
    /// Why the token does not work, or `None` when the server accepted it.
    failure: Option<Failure>,
}

impl Finding {
    fn exit(&self) -> Exit {
        self.failure.as_ref().map_or(Exit::Ok, |f| f.exit)
    }

    /// The state as `--json` writes it, the same in every language.
    fn state(&self) -> &'static str {
        match self.exit() {
            Exit::Ok => "valid",
            Exit::Rejected => "rejected",
            Exit::Unreachable => "unreachable",
            Exit::Storage => "unreadable",
            _ => "error",
        }
    }

    /// The state in the run's language, for the table.
    fn label(&self) -> String {
        let id = match self.exit() {
            Exit::Ok => "status-valid",
            Exit::Rejected => "status-rejected",
            Exit::Unreachable => "status-unreachable",
            Exit::Storage => "status-unreadable",
            _ => "status-error",
        };
        crate::i18n::text(id)
    }
}

pub(super) async fn run(json: bool, timeout: Duration) -> Result<String, Failure> {
    let store = open_store()?;
    let loaded = store.load_logins().map_err(storage_failure)?;
    if loaded.logins.is_empty() {
        let failure =
            Failure::new(Exit::NoSuchAccount, crate::tr!("cmd-no-logins", dir = store.dir().display().to_string()));
        return Err(if json { failure.with_output("[]\n".into()) } else { failure });
    }
    let findings = check_all(&store, &loaded, timeout).await;
    let output =
        if json { as_json(&findings, loaded.default.as_ref())? } else { table(&findings, loaded.default.as_ref()) };
    let worst = SEVERITY.into_iter().find(|exit| findings.iter().any(|f| f.exit() == *exit));
    let Some(worst) = worst else { return Ok(output) };
    // Each problem on a line of its own with the next step, then the count.
    let mut lines: Vec<String> =
        findings.iter().filter_map(|f| f.failure.as_ref()).map(|f| f.message.clone()).collect();
    let failing = lines.len();
    lines.push(crate::tr!("status-summary", failing = failing, count = findings.len()));
    Err(Failure::new(worst, lines.join("\n")).with_output(output))
}

/// Every login checked, [`AT_ONCE`] at a time, each within `timeout`; the results in the
/// file's order. Those that pass get their time noted, each under the store's lock.
async fn check_all(store: &Store, loaded: &Loaded, timeout: Duration) -> Vec<Finding> {
    let client = Client::new(Timeouts { connect: timeout.min(Timeouts::default().connect), total: timeout });
    let checks = loaded.logins.iter().map(|login| {
        let unreadable = loaded.problem_of(login).map(|p| token_failure(p, login));
        check(store, &client, login, unreadable, timeout)
    });
    let mut findings: Vec<Finding> = futures::stream::iter(checks).buffered(AT_ONCE).collect().await;
    let at = now_rfc3339();
    for finding in findings.iter_mut().filter(|f| f.failure.is_none()) {
        record_verified(store, &finding.login, &at);
        finding.login.last_verified = Some(at.clone());
    }
    findings
}

async fn check(
    store: &Store,
    client: &Client,
    login: &Login,
    unreadable: Option<Failure>,
    timeout: Duration,
) -> Finding {
    let failure = match (unreadable, server_url(store, login)) {
        (Some(failure), _) | (None, Err(failure)) => Some(failure),
        (None, Ok(base)) => match tokio::time::timeout(timeout, verify(client, &base, login)).await {
            Ok(checked) => checked.err(),
            // A server that answers the first request but not the questions after it.
            Err(_) => Some(Failure::new(
                Exit::Unreachable,
                crate::tr!(
                    "status-timed-out",
                    server = clean(login.server.as_str()),
                    account = clean(&login.acct),
                    seconds = timeout.as_secs()
                ),
            )),
        },
    };
    Finding { login: login.clone(), failure }
}

/// What `--json` shows of a check; never the token.
#[derive(Serialize)]
struct Row<'a> {
    acct: &'a str,
    server: &'a str,
    account_id: &'a str,
    /// `valid`, `rejected`, `unreachable`, `error` or `unreadable`.
    status: &'static str,
    /// The exit code this finding alone would give.
    exit: i32,
    scopes_granted: &'a [String],
    last_verified: Option<&'a str>,
    default: bool,
}

fn as_json(findings: &[Finding], default: Option<&DefaultAccount>) -> Result<String, Failure> {
    let rows: Vec<Row<'_>> = findings
        .iter()
        .map(|f| Row {
            acct: &f.login.acct,
            server: f.login.server.as_str(),
            account_id: &f.login.account_id,
            status: f.state(),
            exit: f.exit().code(),
            scopes_granted: &f.login.scopes_granted,
            last_verified: f.login.last_verified.as_deref(),
            default: default.is_some_and(|d| d.is(&f.login)),
        })
        .collect();
    let text = serde_json::to_string_pretty(&rows)
        .map_err(|e| Failure::new(Exit::Failed, crate::tr!("cmd-json-failed", error = e.to_string())))?;
    Ok(terminal_safe_json(&text) + "\n")
}

/// As `accounts` lays out its table: padded by display width, the scopes last.
fn table(findings: &[Finding], default: Option<&DefaultAccount>) -> String {
    let header = [
        "accounts-col-account",
        "accounts-col-server",
        "status-col-token",
        "accounts-col-verified",
        "accounts-col-scopes",
    ]
    .map(crate::i18n::text);
    let rows: Vec<[String; 5]> = findings
        .iter()
        .map(|f| {
            let l = &f.login;
            [
                super::accounts::handle(l, default),
                clean(l.server.as_str()),
                f.label(),
                l.last_verified.as_deref().map_or_else(|| crate::tr!("accounts-never"), super::accounts::when),
                super::accounts::scopes(l),
            ]
        })
        .collect();
    // The store's default is always one of the saved logins, all of which are here.
    super::accounts::columns(header, &rows, default.is_some())
}
