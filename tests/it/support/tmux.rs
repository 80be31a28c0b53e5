//! Drive the real mastokey binary inside a private tmux server, as a person would.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::poll::poll;

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Start `command` (run by sh) in a new session of the given size, with these variables.
    pub fn start(name: &str, command: &str, env: &[(&str, &str)], width: u16, height: u16) -> Self {
        // Tests run side by side in one process: the number keeps two servers of one name apart.
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let socket = format!("mk-{name}-{}-{}", std::process::id(), STARTED.fetch_add(1, Ordering::Relaxed));
        let t = Self { socket };
        let mut args: Vec<String> = vec![
            "-f".into(),
            "/dev/null".into(),
            "new-session".into(),
            "-d".into(),
            "-x".into(),
            width.to_string(),
            "-y".into(),
            height.to_string(),
        ];
        // English unless the test asks for another language: the assertions read English texts.
        let english = [("MASTOKEY_LANG", "en")];
        let chosen = env.iter().any(|(k, _)| *k == "MASTOKEY_LANG" || *k == "LANG" || *k == "LC_ALL");
        for (k, v) in env.iter().chain(english.iter().filter(|_| !chosen)) {
            args.push("-e".into());
            args.push(format!("{k}={v}"));
        }
        args.push(command.into());
        let out = t.tmux(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(out.status.success(), "tmux failed: {}", String::from_utf8_lossy(&out.stderr));
        t.tmux(&["set-option", "-g", "remain-on-exit", "on"]);
        t
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("run tmux")
    }

    /// A tmux command that must work: input tmux refused would otherwise be silently missing.
    fn must(&self, args: &[&str]) {
        let out = self.tmux(args);
        // The command only: what is typed or pasted may be a code, which a CI log must not show.
        assert!(out.status.success(), "tmux {} failed: {}", args[0], String::from_utf8_lossy(&out.stderr));
    }

    /// Keys as tmux names them: "Enter", "Escape", "C-u", "Down", "q".
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.must(&args);
    }

    /// Literal text, typed character by character. The `--` matters: a code that begins with
    /// `-` would otherwise be read as a flag, and nothing typed.
    pub fn type_text(&self, text: &str) {
        self.must(&["send-keys", "-t", "0", "-l", "--", text]);
    }

    /// Paste text as a terminal does (bracketed paste when the program asked for it).
    pub fn paste(&self, text: &str) {
        self.must(&["set-buffer", "--", text]);
        self.must(&["paste-buffer", "-p", "-t", "0"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    pub fn format(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display-message", "-p", "-t", "0", format]).stdout).trim().to_owned()
    }

    /// Poll the screen until it shows `text` (bounded; no fixed sleeps).
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Poll the screen until `ok` holds for it; a timeout shows the last screen.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        poll(format!("{what:?}")).until(|| {
            let screen = self.screen();
            if ok(&screen) { Ok(screen) } else { Err(screen) }
        })
    }

    pub fn pane_dead(&self) -> bool {
        self.format("#{pane_dead}") == "1"
    }

    /// The pid of the program the pane's shell is running (the shell's child), to signal it.
    pub fn program_pid(&self) -> u32 {
        let shell: u32 = self.format("#{pane_pid}").parse().expect("pane pid");
        poll(format!("the pane's shell {shell} to start a program")).until(|| child_of(shell).ok_or("no child process"))
    }
}

impl Tmux {
    /// The pid of the process named `name` (its `comm`) that the pane runs, at any depth (under
    /// `bash -c '…; mastokey'`, say).
    pub fn pid_of(&self, name: &str) -> u32 {
        let shell: u32 = self.format("#{pane_pid}").parse().expect("pane pid");
        poll(format!("{name} to run under the pane's shell {shell}")).until(|| {
            let mut generation = vec![shell];
            while !generation.is_empty() {
                if let Some(&pid) = generation.iter().find(|&&p| comm(p).as_deref() == Some(name)) {
                    return Ok(pid);
                }
                generation = generation.iter().flat_map(|&p| children_of(p)).collect();
            }
            Err(format!("no {name}"))
        })
    }
}

/// A process's name (`/proc/PID/comm`).
fn comm(pid: u32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).ok().and_then(|s| {
        let (_, rest) = s.split_once('(')?;
        Some(rest.rsplit_once(')')?.0.to_owned())
    })
}

/// A child process of `parent`, found in /proc (no procps needed).
fn child_of(parent: u32) -> Option<u32> {
    children_of(parent).into_iter().next()
}

fn children_of(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
            let ppid: u32 = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == parent).then_some(pid)
        })
        .collect()
}

/// The CPU time a process has used so far, in clock ticks (user + system), or `None` once it
/// is gone (a zombie has none left to read either way).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // After the comm: state is field 3, utime and stime are fields 14 and 15.
    if fields.first() == Some(&"Z") {
        return None;
    }
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// Wait until a file exists and is not empty; returns its text.
pub fn wait_for_file(path: &Path) -> String {
    poll(path.display()).until(|| match std::fs::read_to_string(path) {
        Ok(text) if !text.trim().is_empty() => Ok(text),
        Ok(text) => Err(format!("{text:?}")),
        Err(e) => Err(e.to_string()),
    })
}
