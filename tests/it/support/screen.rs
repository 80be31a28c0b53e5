//! What mastokey's screens say, read off their text.
//!
//! Also compiled into the screenshots example (by `#[path]`), so it uses only std.

use std::path::PathBuf;

/// The path after "Saved in" on the profile screen.
pub fn saved_in(screen: &str) -> Option<PathBuf> {
    let line = screen.lines().find(|l| l.trim_start().starts_with("Saved in"))?;
    let path = line.trim_start().strip_prefix("Saved in")?.trim();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// The screen's words joined by single spaces, so a sentence wrapped over rows reads whole.
pub fn words(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}
