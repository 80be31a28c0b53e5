//! Helpers for driving `mastokey --demo`: a `$BROWSER` that approves with curl, and waits for
//! what happens after the program exits.
//!
//! Also compiled into `examples/screenshots.rs` (by `#[path]`), so it uses only std.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use super::tmux::wait_for_file;

/// What the curl browser writes when something on the way fails (instead of a code).
pub const BROWSER_ERROR: &str = "ERROR:";

/// A `$BROWSER` script that acts as the person at the browser, with curl: it opens the authorize
/// URL it is given (the consent page must say "Authorize mastokey"), posts the same fields back
/// with `username` and `decision=approve`, reads the code off the answer and writes it to the
/// returned file. On any failure the file says `ERROR: …` instead, so a test fails with a reason
/// rather than a timeout. The page it got is kept beside the file for the curious.
pub fn curl_browser(dir: &Path, username: &str) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let code = dir.join("code");
    let script = dir.join("curl-browser.sh");
    let text = format!(
        r#"#!/bin/sh
# Acts as the person in the browser: approve as {username}, keep the code.
out='{out}'
fail() {{ printf '{BROWSER_ERROR} %s\n' "$1" > "$out.tmp"; mv "$out.tmp" "$out"; exit 0; }}
url="$1"
case "$url" in *\?*) ;; *) fail "no query in the URL: $url" ;; esac
base="${{url%%\?*}}"
query="${{url#*\?}}"
page=$(curl -sS --max-time 10 "$url" 2>&1) || fail "GET the authorize page: $page"
printf '%s\n' "$page" > "$out.consent.html"
case "$page" in *"Authorize mastokey"*) ;; *) fail "the consent page does not say Authorize mastokey" ;; esac
answer=$(curl -sS --max-time 10 --data "$query&username={username}&decision=approve" "$base" 2>&1) \
    || fail "POST the authorize form: $answer"
printf '%s\n' "$answer" > "$out.answer.html"
code=$(printf '%s\n' "$answer" | sed -n 's/.*<code id="authorization_code">\([^<]*\)<\/code>.*/\1/p' | head -n 1)
[ -n "$code" ] || fail "no code on the answer page"
printf '%s\n' "$code" > "$out.tmp"
mv "$out.tmp" "$out"
"#,
        out = code.display(),
    );
    std::fs::write(&script, text).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, code)
}

/// Waits (bounded) for the curl browser's result: the code, or a failed assertion with its reason.
pub fn wait_for_code(path: &Path) -> String {
    let text = wait_for_file(path).trim().to_owned();
    assert!(!text.starts_with(BROWSER_ERROR), "the curl browser failed: {text}");
    text
}

/// The path after "Saved in" on the profile screen.
pub fn saved_in(screen: &str) -> Option<PathBuf> {
    let line = screen.lines().find(|l| l.trim_start().starts_with("Saved in"))?;
    let path = line.trim_start().strip_prefix("Saved in")?.trim();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// Every file and directory under `dir`, for messages about what was created.
pub fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            out.push(path.clone());
            if path.is_dir() {
                out.extend(tree(&path));
            }
        }
    }
    out
}
