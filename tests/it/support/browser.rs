//! The `$BROWSER` scripts the tests give mastokey, from one builder: each records the URL it was
//! asked to open, and may then act as the person at the browser with curl, or hand the URL to a
//! real browser over WebDriver.
//!
//! Also compiled into the screenshots example (by `#[path]`), so it uses only std.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::tmux::wait_for_file;

/// What a script writes instead of its result when a step fails, so that a test fails with the
/// reason rather than a timeout.
pub const BROWSER_ERROR: &str = "ERROR:";

/// A `$BROWSER` script to write into a directory: see [`Browser::write`].
pub struct Browser {
    dir: PathBuf,
    act: Act,
    check_consent: bool,
    decision: Option<PathBuf>,
}

/// What the script does after recording the URL.
enum Act {
    Nothing,
    /// Approve as this user and read the out-of-band code off the answer.
    KeepCode(String),
    /// Approve as this user and follow the redirect to mastokey's loopback listener.
    FollowRedirect(String),
    /// Have a real browser, this WebDriver session, open the URL (the person then clicks).
    WebDriver(String),
}

/// A written script and the files it writes.
pub struct BrowserScript {
    /// Give this as `$BROWSER`.
    pub path: PathBuf,
    /// The URL it was last asked to open.
    pub opened: PathBuf,
    /// The code ([`Browser::code_keeper`]) or the listener's page ([`Browser::redirect_follower`]),
    /// or `ERROR: …` when a step failed.
    pub result: PathBuf,
    /// The authorize page as the script got it ([`Browser::check_consent`]).
    pub consent: PathBuf,
}

impl Browser {
    /// A browser that only records the URL.
    pub fn recorder(dir: &Path) -> Browser {
        Browser { dir: dir.to_path_buf(), act: Act::Nothing, check_consent: false, decision: None }
    }

    /// A browser that posts the authorize form back as `username` with `decision=approve`, as a
    /// person clicking Authorize, and writes the code the answer shows (the out-of-band redirect).
    pub fn code_keeper(dir: &Path, username: &str) -> Browser {
        Browser { act: Act::KeepCode(username.to_owned()), ..Browser::recorder(dir) }
    }

    /// A browser that approves as `username` and follows the server's redirect to mastokey's
    /// listener (the loopback redirect), writing the page the listener answered.
    pub fn redirect_follower(dir: &Path, username: &str) -> Browser {
        Browser { act: Act::FollowRedirect(username.to_owned()), ..Browser::recorder(dir) }
    }

    /// A browser that has the running Chromium session at `session_url` open the URL, as a
    /// person's browser would (the test then clicks in it).
    pub fn webdriver(dir: &Path, session_url: &str) -> Browser {
        Browser { act: Act::WebDriver(session_url.to_owned()), ..Browser::recorder(dir) }
    }

    /// First open the authorize page, which must be the consent page ("Authorize mastokey").
    pub fn check_consent(self) -> Browser {
        Browser { check_consent: true, ..self }
    }

    /// Answer with the decision written in `file` at the time (`approve` while there is none;
    /// `deny` to refuse), so one test can do both.
    pub fn decision_from(self, file: &Path) -> Browser {
        Browser { decision: Some(file.to_path_buf()), ..self }
    }

    /// Writes the script, `browser.sh` in the directory.
    pub fn write(self) -> BrowserScript {
        use std::os::unix::fs::PermissionsExt;
        let files = BrowserScript {
            path: self.dir.join("browser.sh"),
            opened: self.dir.join("opened-url"),
            result: self.dir.join("browser-result"),
            consent: self.dir.join("consent.html"),
        };
        let mut script = format!(
            "#!/bin/sh\n# mastokey's $BROWSER in a test.\nurl=\"$1\"\nprintf '%s' \"$url\" > '{}'\n",
            files.opened.display()
        );
        let username = match &self.act {
            Act::Nothing => None,
            Act::WebDriver(session_url) => {
                let _ = writeln!(
                    script,
                    "printf '{{\"url\":\"%s\"}}' \"$url\" | curl -sS --max-time 30 -H 'Content-Type: application/json' \\\n  --data-binary @- '{session_url}/url' > '{log}' 2>&1",
                    log = self.dir.join("webdriver.log").display()
                );
                None
            }
            Act::KeepCode(username) | Act::FollowRedirect(username) => Some(username),
        };
        if let Some(username) = username {
            let _ = write!(
                script,
                r#"out='{out}'
rm -f "$out"
fail() {{ printf '{BROWSER_ERROR} %s\n' "$1" > "$out.tmp"; mv "$out.tmp" "$out"; exit 0; }}
case "$url" in *\?*) ;; *) fail "no query in the URL: $url" ;; esac
base="${{url%%\?*}}"
query="${{url#*\?}}"
"#,
                out = files.result.display()
            );
            match &self.decision {
                Some(file) => {
                    let _ = writeln!(script, "decision=$(cat '{}' 2>/dev/null || echo approve)", file.display());
                }
                None => script.push_str("decision=approve\n"),
            }
            if self.check_consent {
                let _ = write!(
                    script,
                    r#"page=$(curl -sS --max-time 10 "$url" 2>&1) || fail "GET the authorize page: $page"
printf '%s\n' "$page" > '{consent}'
case "$page" in *"Authorize mastokey"*) ;; *) fail "the consent page does not say Authorize mastokey" ;; esac
"#,
                    consent = files.consent.display()
                );
            }
            let form = format!("$query&username={username}&decision=$decision");
            if let Act::KeepCode(_) = self.act {
                let _ = write!(
                    script,
                    r#"answer=$(curl -sS --max-time 10 --data "{form}" "$base" 2>&1) || fail "POST the authorize form: $answer"
printf '%s\n' "$answer" > '{answer}'
code=$(printf '%s\n' "$answer" | sed -n 's/.*<code id="authorization_code">\([^<]*\)<\/code>.*/\1/p' | head -n 1)
# snac answers with plain text, the code and its state: a person copies all of it.
[ -n "$code" ] || case "$answer" in *"&state="*) code=$(printf '%s\n' "$answer" | head -n 1) ;; esac
[ -n "$code" ] || fail "no code on the answer page"
printf '%s\n' "$code" > "$out.tmp"
"#,
                    answer = self.dir.join("answer.html").display()
                );
            } else {
                let _ = write!(
                    script,
                    r#"location=$(curl -sS --max-time 10 -o /dev/null -w '%{{redirect_url}}' --data "{form}" "$base" 2>&1) \
    || fail "POST the authorize form: $location"
case "$location" in http://127.0.0.1:*/callback\?*) ;; *) fail "not redirected to mastokey: $location" ;; esac
answer=$(curl -sS --max-time 10 "$location" 2>&1) || fail "GET the redirect: $answer"
printf '%s\n' "$answer" > "$out.tmp"
"#
                );
            }
            script.push_str("mv \"$out.tmp\" \"$out\"\n");
        }
        std::fs::write(&files.path, script).expect("write the browser script");
        std::fs::set_permissions(&files.path, std::fs::Permissions::from_mode(0o755)).expect("make it executable");
        files
    }
}

impl BrowserScript {
    /// Waits (bounded) for the script's result: the code or the listener's page, trimmed. A step
    /// that failed fails the test with its reason.
    pub fn result(&self) -> String {
        let text = wait_for_file(&self.result).trim().to_owned();
        assert!(!text.starts_with(BROWSER_ERROR), "the browser script failed: {text}");
        text
    }
}
