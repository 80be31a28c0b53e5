//! The config directory is trusted only if it is the user's own: checked before anything in it is
//! read or written, and no file there is opened through a symbolic link.
//!
//! Anyone who can write the directory could swap `logins.json` for a link to their own file, or
//! `.lock` for a link that makes mastokey create a file anywhere the user may write. So, as ssh
//! does with `~/.ssh`, a directory that belongs to another user or that others may write is
//! refused with the command that fixes it, and every file in it is opened with `O_NOFOLLOW`
//! (std opens everything with `O_CLOEXEC` already).

use std::fs::{self, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use super::StoreError;

/// Why a path in the config directory is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsafe {
    /// The directory belongs to another user (this uid).
    OtherOwner { uid: u32 },
    /// The directory's permissions (these) let its group or everyone write in it.
    Writable { mode: u32 },
    /// The file is a symbolic link.
    Symlink,
}

/// The sentence for [`StoreError::Unsafe`]: what is wrong, and the command that puts it right.
pub(super) fn describe(path: &Path, problem: Unsafe) -> String {
    // The path is the user's (MASTOKEY_CONFIG_DIR), but it is printed: no escape sequences.
    let (shown, quoted) =
        (crate::sanitize::clean(&path.display().to_string()), crate::sanitize::clean(&shell_quoted(path)));
    match problem {
        Unsafe::OtherOwner { uid } => crate::tr!("store-unsafe-owner", path = shown, uid = uid, quoted = quoted),
        Unsafe::Writable { mode } => {
            crate::tr!("store-unsafe-writable", path = shown, mode = format!("{mode:04o}"), quoted = quoted)
        }
        Unsafe::Symlink => crate::tr!("store-unsafe-symlink", path = shown, quoted = quoted),
    }
}

/// The directory, if it exists, must belong to the user running mastokey and be writable by no
/// one else. A link to a directory is judged by that directory.
pub(super) fn check_dir(dir: &Path) -> Result<(), StoreError> {
    check_dir_owned_by(dir, rustix::process::geteuid().as_raw())
}

/// [`check_dir`] against the user id `uid` (a parameter, so tests can be another user).
pub(super) fn check_dir_owned_by(dir: &Path, uid: u32) -> Result<(), StoreError> {
    let meta = match fs::metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(StoreError::Io { path: dir.to_path_buf(), action: "look at", source }),
    };
    let refuse = |problem| Err(StoreError::Unsafe { path: dir.to_path_buf(), problem });
    if meta.uid() != uid {
        return refuse(Unsafe::OtherOwner { uid: meta.uid() });
    }
    if meta.mode() & 0o022 != 0 {
        return refuse(Unsafe::Writable { mode: meta.mode() & 0o7777 });
    }
    Ok(())
}

/// Options for a file in the config directory: never through a symbolic link, 0600 from the
/// moment it exists.
pub(super) fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.mode(0o600).custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    options
}

/// The error for a failed open of `path`: a symbolic link is refused as unsafe (`ELOOP` is what
/// `O_NOFOLLOW` answers), anything else is the I/O error of `action`.
pub(super) fn open_error(path: &Path, action: &'static str, source: io::Error) -> StoreError {
    if source.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        StoreError::Unsafe { path: path.to_path_buf(), problem: Unsafe::Symlink }
    } else {
        StoreError::Io { path: path.to_path_buf(), action, source }
    }
}

/// A path as a shell reads it back: bare when it holds only characters no shell treats specially,
/// else in single quotes.
pub(super) fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+=:@,%".contains(c);
    if !text.is_empty() && text.chars().all(plain) { text } else { format!("'{}'", text.replace('\'', r"'\''")) }
}
