//! The file mechanics of the store: locking, atomic writes, permissions, corrupt files.

use super::{StoreError, guard};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;

/// The format written in the `"version"` field; any other value is not ours to interpret.
const VERSION: u64 = 1;

fn io_err(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io { path, action, source }
}

/// A file's contents: its list, and the other fields beside it (say `logins.json`'s `default`),
/// which a write puts back as they were read, so no change to the list drops them, not even
/// fields a later mastokey added.
#[derive(Debug)]
pub(super) struct Doc<T> {
    pub(super) list: Vec<T>,
    pub(super) fields: serde_json::Map<String, serde_json::Value>,
}

impl<T> Default for Doc<T> {
    fn default() -> Self {
        Self { list: Vec::new(), fields: serde_json::Map::new() }
    }
}

impl<T> Doc<T> {
    /// The field `name` beside the list, if it is there and reads as a `V`; one that does not
    /// (hand-edited, or a later mastokey's) reads as absent rather than making the file unreadable.
    pub(super) fn field<V: DeserializeOwned>(&self, name: &str) -> Option<V> {
        self.fields.get(name).and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// Sets (or with `None` removes) the field `name` beside the list.
    pub(super) fn set_field<V: Serialize>(&mut self, name: &str, value: Option<&V>) {
        match value.and_then(|v| serde_json::to_value(v).ok()) {
            Some(v) => self.fields.insert(name.to_owned(), v),
            None => self.fields.remove(name),
        };
    }
}

/// Reads the list stored in `dir/name`. Reads need no lock: writes replace the file by rename,
/// so a reader always sees a whole file, old or new.
pub(super) fn read_list<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Vec<T>, StoreError> {
    Ok(read_doc(dir, name)?.list)
}

/// Reads the whole of `dir/name`, as [`read_list`] does.
pub(super) fn read_doc<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Doc<T>, StoreError> {
    guard::check_dir(dir)?;
    let path = dir.join(name);
    match load(&path, name)? {
        Some(doc) => Ok(doc),
        None => {
            // Take the lock before moving the file aside, and look again: another process may
            // have replaced it meanwhile. Without a lock (read-only dir), moving fails anyway.
            let _lock = lock(dir).ok();
            match load(&path, name)? {
                Some(doc) => Ok(doc),
                None => Err(keep_aside(&path)?),
            }
        }
    }
}

/// Read-modify-write of the list in `dir/name` under the directory's lock. `change` returns
/// whether anything changed (nothing is written otherwise).
pub(super) fn update_list<T: Serialize + DeserializeOwned>(
    dir: &Path,
    name: &str,
    change: impl FnOnce(&mut Vec<T>) -> bool,
) -> Result<(), StoreError> {
    let locked = Locked::take(dir)?;
    let mut doc = locked.read(name)?;
    if change(&mut doc.list) { locked.write(name, &doc) } else { Ok(()) }
}

/// The directory's exclusive lock, held until dropped, and the reads and writes made under it:
/// for a change that must also do something else (the keyring) before other processes go on.
pub(super) struct Locked<'a> {
    dir: &'a Path,
    _lock: File,
}

impl<'a> Locked<'a> {
    /// Creates the directory if needed and waits for its lock.
    pub(super) fn take(dir: &'a Path) -> Result<Self, StoreError> {
        ensure_dir(dir)?;
        guard::check_dir(dir)?;
        Ok(Self { dir, _lock: lock(dir)? })
    }

    /// The file `name`; one we cannot understand is moved aside and reported (`Corrupt`).
    pub(super) fn read<T: DeserializeOwned>(&self, name: &str) -> Result<Doc<T>, StoreError> {
        let path = self.dir.join(name);
        match load(&path, name)? {
            Some(doc) => Ok(doc),
            None => Err(keep_aside(&path)?),
        }
    }

    /// Replaces `name` with `doc`, atomically.
    pub(super) fn write<T: Serialize>(&self, name: &str, doc: &Doc<T>) -> Result<(), StoreError> {
        let path = self.dir.join(name);
        let mut fields = doc.fields.clone();
        let list = serde_json::to_value(&doc.list).unwrap_or_default();
        fields.insert("version".to_owned(), VERSION.into());
        fields.insert(key(name).to_owned(), list);
        let doc = serde_json::Value::Object(fields);
        let mut bytes = serde_json::to_vec_pretty(&doc).map_err(|e| StoreError::Io {
            path: path.clone(),
            action: "write",
            source: io::Error::other(e.to_string()),
        })?;
        bytes.push(b'\n');
        write_atomic(self.dir, &path, &bytes)
    }
}

/// `registrations.json` holds `{"version": 1, "registrations": [...]}`.
fn key(name: &str) -> &str {
    name.strip_suffix(".json").unwrap_or(name)
}

/// The contents of a file: `Ok(Some(empty))` when there is no file, `Ok(None)` when the file is
/// not something we understand, `Err(Newer)` when a later mastokey wrote it (its data may be
/// fine, so it is neither moved aside nor overwritten).
fn load<T: DeserializeOwned>(path: &Path, name: &str) -> Result<Option<Doc<T>>, StoreError> {
    let mut bytes = Vec::new();
    match guard::options().read(true).open(path).and_then(|mut f| f.read_to_end(&mut bytes)) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Some(Doc::default())),
        Err(e) => return Err(guard::open_error(path, "read", e)),
    }
    let Ok(mut doc) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Ok(None);
    };
    match doc.get("version").and_then(serde_json::Value::as_u64) {
        Some(VERSION) => {}
        Some(version) if version > VERSION => {
            return Err(StoreError::Newer { path: path.to_path_buf(), version });
        }
        _ => return Ok(None),
    }
    let Some(mut fields) = doc.as_object_mut().map(std::mem::take) else { return Ok(None) };
    fields.remove("version");
    let list = match fields.remove(key(name)) {
        None => Vec::new(),
        Some(list) => match serde_json::from_value(list) {
            Ok(list) => list,
            Err(_) => return Ok(None),
        },
    };
    Ok(Some(Doc { list, fields }))
}

/// Moves a file we cannot read aside as `<name>.corrupt-<UTC time>` (never replacing an earlier
/// one), so the user's data survives and the next save starts clean.
fn keep_aside(path: &Path) -> Result<StoreError, StoreError> {
    let t = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let fail = |e| io_err(path, "move aside the unreadable file")(e);
    for n in 0..1000 {
        let suffix = if n == 0 { String::new() } else { format!("-{n}") };
        let kept = path.with_file_name(format!("{file_name}.corrupt-{stamp}{suffix}"));
        // A hard link fails instead of replacing an existing file, unlike rename.
        match fs::hard_link(path, &kept) {
            Ok(()) => fs::remove_file(path).map_err(fail)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // Filesystems without hard links: rename, after checking the name is free.
            Err(_) if !kept.exists() => fs::rename(path, &kept).map_err(fail)?,
            Err(e) => return Err(fail(e)),
        }
        return Ok(StoreError::Corrupt { path: path.to_path_buf(), kept_as: kept });
    }
    Err(fail(io::Error::other("too many earlier copies")))
}

/// Creates the directory (and missing parents) as 0700. An existing directory is left as it is
/// (`MASTOKEY_CONFIG_DIR` may point at a directory that holds other things too), but it must be
/// the user's own and closed to others ([`guard::check_dir`], checked next).
fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io_err(dir, "create the directory"))
}

/// Holds the directory's exclusive lock until dropped (closing the file releases it).
fn lock(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(".lock");
    let file = guard::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| guard::open_error(&path, "open the lock file", e))?;
    // `File::lock` is stable since Rust 1.89; Cargo.toml's rust-version (1.88) predates it.
    #[allow(clippy::incompatible_msrv)]
    file.lock().map_err(io_err(&path, "lock"))?;
    Ok(file)
}

/// Temp file in the same directory, synced, renamed over the target, directory synced: after a
/// crash the file is either the old or the new one, never half written.
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{file_name}.tmp-{}-{:08x}", std::process::id(), getrandom::u32().unwrap_or_default()));
    let result = (|| {
        // A new file (`O_EXCL`), never through a link: nothing already at that name is used.
        let mut file = create_private(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp); // Best effort: the error that matters is `e`.
        return Err(io_err(path, "write")(e));
    }
    sync_dir(dir)
}

/// A file that did not exist, 0600, not through a symbolic link (`O_CREAT | O_EXCL | O_NOFOLLOW`).
pub(super) fn create_private(path: &Path) -> io::Result<File> {
    guard::options().write(true).create_new(true).open(path)
}

/// Makes the rename itself durable.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all()).map_err(io_err(dir, "sync the directory"))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
