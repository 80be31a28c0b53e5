//! mastokey's entry point: parse the command line, choose the language, and run it
//! ([`mastokey::run`]).

use clap::Parser;

#[tokio::main]
async fn main() {
    // The language first: the command line's own errors (a wrong --scopes) are in it too.
    mastokey::i18n::set(mastokey::i18n::Lang::from_env(|name| std::env::var(name).ok()));
    let cli = mastokey::cli::Cli::parse();
    let code = match mastokey::run(cli).await {
        Ok(code) => code,
        // One line in the language, not anyhow's English "Error:" and "Caused by:".
        Err(error) => {
            eprintln!("mastokey: {}", mastokey::failure(&error));
            1
        }
    };
    if code != 0 {
        std::process::exit(code);
    }
}
