//! What must not outlive the program, removed however it ends: by returning, by a signal, or by
//! a panic (whose hook ends the process without running destructors).

use std::path::PathBuf;
use std::sync::Mutex;

static PATHS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove this directory (and what is in it) when the program ends.
pub fn remove_at_exit(path: PathBuf) {
    PATHS.lock().unwrap_or_else(|p| p.into_inner()).push(path);
}

/// Remove everything registered. Safe to call more than once.
pub fn run() {
    let paths = std::mem::take(&mut *PATHS.lock().unwrap_or_else(|p| p.into_inner()));
    for path in paths {
        let _ = std::fs::remove_dir_all(path);
    }
}
