//! `mastokey completions SHELL`: a completion script generated from the same clap definition.

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Exit, Failure};
use crate::cli::Cli;

pub(super) fn run(shell: Shell) -> Result<String, Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "mastokey", &mut script);
    String::from_utf8(script)
        .map_err(|e| Failure::new(Exit::Failed, crate::tr!("completions-not-utf8", error = e.to_string())))
}
