//! mastokey's entry point: parse the command line, choose the language, and run it
//! ([`mastokey::run`]).

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = mastokey::cli::Cli::parse();
    mastokey::i18n::set(mastokey::i18n::Lang::from_env(|name| std::env::var(name).ok()));
    let code = mastokey::run(cli).await?;
    if code != 0 {
        std::process::exit(code);
    }
    Ok(())
}
