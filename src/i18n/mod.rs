//! The language mastokey speaks: English, Japanese or French, chosen from the locale, and the
//! Fluent catalogues (`i18n/LANG/*.ftl`, embedded at build time) every user-facing text comes
//! from. English fills any gap.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "./i18n",
        fallback_language: "en",
        // Fluent wraps arguments in bidi isolation marks; a terminal shows them as junk (and
        // the sanitizer would drop them), and none of our arguments needs them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Fr => "fr",
        }
    }

    /// The language of a locale name (`ja_JP.UTF-8`, `fr_CA`, `fr`, `C`, `en_US@euro`), or
    /// `None` for a language mastokey does not speak.
    pub fn of_locale(locale: &str) -> Option<Lang> {
        let language = locale.split(['_', '.', '@', '-']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "ja" => Some(Lang::Ja),
            "fr" => Some(Lang::Fr),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// `MASTOKEY_LANG`, else the POSIX order: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set and not empty decides; a language mastokey does not speak means English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = get("MASTOKEY_LANG").filter(|v| !v.is_empty()).and_then(|v| Lang::of_locale(&v)) {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| get(name).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::of_locale(&v))
            .unwrap_or(Lang::En)
    }

    /// The language a browser asks for (`Accept-Language: ja,en;q=0.8`): the first of its
    /// languages, by weight, that mastokey speaks; English when none is.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut wanted: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let lang = Lang::of_locale(parts.next()?.trim())?;
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (weight > 0.0).then_some((weight, lang))
            })
            .collect();
        // Stable: equal weights keep the browser's order.
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        wanted.first().map_or(Lang::En, |(_, lang)| *lang)
    }

    fn id(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<[LanguageIdentifier; 3]> =
            LazyLock::new(|| Lang::ALL.map(|l| l.code().parse().expect("a valid language tag")));
        &IDS[self as usize]
    }
}

/// The Fluent types, for the benchmark that measures loading the catalogues.
#[doc(hidden)]
pub mod fluent {
    pub use fluent_templates::LanguageIdentifier;
    pub use fluent_templates::fluent_bundle::FluentResource;
    pub use fluent_templates::fluent_bundle::concurrent::FluentBundle;
}

/// The language of this run, set once at start-up.
static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

thread_local! {
    /// A test's own language, so tests in other languages can run side by side.
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Speak `lang` from now on (the program calls this once, from the environment).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn current() -> Lang {
    OVERRIDE.with(Cell::get).unwrap_or(match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Ja,
        2 => Lang::Fr,
        _ => Lang::En,
    })
}

/// Run `f` speaking `lang` on this thread (tests: snapshots in each language).
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let result = f();
    OVERRIDE.with(|o| o.set(before));
    result
}

/// The message `id` in the current language.
pub fn text(id: &str) -> String {
    CATALOGUES.lookup(current().id(), id)
}

/// The message `id` with its arguments.
pub fn text_with(id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>> =
        args.iter().map(|(k, v)| (std::borrow::Cow::Borrowed(*k), v.clone())).collect();
    CATALOGUES.lookup_with_args(current().id(), id, &args)
}

/// `tr!("id")` or `tr!("id", name = value, ...)`: the message in the current language. Values
/// are strings (anything `Display`) or numbers (for plurals, pass an integer).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with($id, &[$((stringify!($name), $crate::i18n::Arg::from($value).0)),+])
    };
}

/// An argument of a message: text, or a number Fluent can choose a plural form by.
pub struct Arg(pub FluentValue<'static>);

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg(FluentValue::from(s.to_owned()))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg(FluentValue::from(s))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg(FluentValue::from(s.clone()))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// A count as the language writes it: `1,815`, `1,815`, `1 815` (a narrow no-break space).
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let separator = match current() {
        Lang::Fr => "\u{202f}",
        Lang::En | Lang::Ja => ",",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date (`2026-11-23`, or the start of an RFC 3339 time) as the language writes it:
/// `Nov 23, 2026`, `2026年11月23日`, `23 novembre 2026`. Anything else is returned as it is.
pub fn date(text: &str) -> String {
    let parsed = text.get(..10).and_then(|d| {
        let mut parts = d.split('-').map(|p| p.parse::<u32>().ok());
        match (parts.next()??, parts.next()??, parts.next()??) {
            (y, m @ 1..=12, d @ 1..=31) => Some((y, m, d)),
            _ => None,
        }
    });
    let Some((year, month, day)) = parsed else { return text.to_owned() };
    let m = (month - 1) as usize;
    match current() {
        Lang::En => format!("{} {day}, {year}", EN_MONTHS[m]),
        Lang::Ja => format!("{year}年{month}月{day}日"),
        // The first of the month is "1er" in French.
        Lang::Fr if day == 1 => format!("1er {} {year}", FR_MONTHS[m]),
        Lang::Fr => format!("{day} {} {year}", FR_MONTHS[m]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn the_language_comes_from_the_locale_in_posix_order() {
        assert_eq!(Lang::from_env(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR")])), Lang::Fr);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_CA.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_env(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En, "English fills the gap");
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        let all = env(&[("LC_ALL", "fr_FR.UTF-8"), ("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(Lang::from_env(all), Lang::Fr, "LC_ALL first");
        let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "fr_FR")]);
        assert_eq!(Lang::from_env(messages), Lang::Ja, "an empty LC_ALL does not count");
        let own = env(&[("MASTOKEY_LANG", "fr"), ("LC_ALL", "ja_JP.UTF-8")]);
        assert_eq!(Lang::from_env(own), Lang::Fr, "MASTOKEY_LANG overrides");
    }

    #[test]
    fn a_browser_gets_its_first_language_that_mastokey_speaks() {
        assert_eq!(Lang::from_accept_language("ja,en-US;q=0.9,en;q=0.8"), Lang::Ja);
        assert_eq!(Lang::from_accept_language("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7"), Lang::Fr);
        assert_eq!(Lang::from_accept_language("en;q=0.5, fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_accept_language("fr;q=0, ja;q=0.1"), Lang::Ja);
        assert_eq!(Lang::from_accept_language(""), Lang::En);
        assert_eq!(Lang::from_accept_language("*"), Lang::En);
    }

    #[test]
    fn counts_and_dates_in_each_language() {
        assert_eq!(
            with(Lang::En, || (count(1815), date("2026-11-23T10:00:00Z"))),
            ("1,815".into(), "Nov 23, 2026".into())
        );
        assert_eq!(with(Lang::Ja, || (count(1815), date("2026-11-23"))), ("1,815".into(), "2026年11月23日".into()));
        assert_eq!(
            with(Lang::Fr, || (count(1815), date("2026-11-23"))),
            ("1\u{202f}815".into(), "23 novembre 2026".into())
        );
        assert_eq!(with(Lang::Fr, || date("2026-03-01")), "1er mars 2026");
        assert_eq!(with(Lang::Fr, || count(1234567)), "1\u{202f}234\u{202f}567");
        assert_eq!(count(12), "12");
        assert_eq!(date("yesterday"), "yesterday");
        assert_eq!(date("2026-13-01"), "2026-13-01");
    }
}

#[cfg(test)]
mod catalogue_tests;
