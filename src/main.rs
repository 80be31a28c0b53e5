//! mastokey's entry point: parse the command line and run it (see `start.rs`).

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let code = mastokey::start::run(mastokey::cli::Cli::parse()).await?;
    if code != 0 {
        std::process::exit(code);
    }
    Ok(())
}
