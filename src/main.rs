//! mastokey's entry point: parse the command line, choose the language, and run it
//! ([`mastokey::run`]).

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // The language first: the command line's own errors (a wrong --scopes) are in it too.
    mastokey::i18n::set(mastokey::i18n::Lang::from_env(|name| std::env::var(name).ok()));
    let cli = mastokey::cli::Cli::parse();
    let code = mastokey::run(cli).await?;
    if code != 0 {
        std::process::exit(code);
    }
    Ok(())
}
