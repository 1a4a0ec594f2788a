//! sailau's user-facing text in Russian, Kazakh and English.
//!
//! The catalogs are [Fluent](https://projectfluent.org) files under `crates/i18n/locales/{ru,kk,en}/main.ftl`,
//! embedded into the binary at compile time. Build one [`Catalog`] at start-up (it parses all three and fails
//! on any error), share it (it is `Send + Sync`), and ask it for messages by key:
//!
//! ```
//! use sailau_i18n::{Catalog, Lang};
//!
//! let catalog = Catalog::new()?;
//! assert_eq!(catalog.tr(Lang::En, "nav-home"), "Home");
//! assert_eq!(catalog.tr_args(Lang::Ru, "count-regions", &[("count", 17.into())]), "17 областей");
//! assert_eq!(catalog.tr(Lang::En, "no-such-key"), "⟦no-such-key⟧");
//! # Ok::<(), sailau_i18n::I18nError>(())
//! ```
//!
//! Architecture invariant: this crate knows nothing about HTTP or HTML. Messages are plain text (the web crate
//! escapes them); Unicode isolation marks are switched off so that text stays clean in HTML, CSV and terminals.
//! A missing key never panics: it comes back visibly wrapped as `⟦key⟧`. The integration tests make sure that
//! no key is missing in any language.

#![warn(missing_docs)]

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::{Deserialize, Serialize};
use unic_langid::{LanguageIdentifier, langid};

/// The Russian catalog, as embedded.
const RU_FTL: &str = include_str!("../locales/ru/main.ftl");
/// The Kazakh catalog, as embedded.
const KK_FTL: &str = include_str!("../locales/kk/main.ftl");
/// The English catalog, as embedded.
const EN_FTL: &str = include_str!("../locales/en/main.ftl");

/// A language of the user interface.
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian, the default.
    #[default]
    Ru,
    /// Kazakh (Cyrillic script).
    Kk,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::Kk, Lang::En];

    /// The language used when nothing else is known.
    pub const DEFAULT: Lang = Lang::Ru;

    /// The BCP 47 code, also used in `?lang=` and `<html lang>`: `"ru"`, `"kk"`, `"en"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the language switch.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
            Lang::En => "English",
        }
    }

    /// The language for a code such as `"kk"`, `"KK"`, `"kk-KZ"` or `"ru_RU"`; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// Writes an integer with this language's digit grouping: `1 062 327` (ru, kk; with a no-break space)
    /// or `1,062,327` (en).
    pub fn format_integer(self, n: i64) -> String {
        group_digits(&n.to_string(), self, true)
    }

    /// [`Lang::format_integer`] for unsigned counts.
    pub fn format_count(self, n: u64) -> String {
        group_digits(&n.to_string(), self, true)
    }

    /// Writes any number given in its plain form (`1062327`, `62.79`, `-5`; anything whose `Display` is a
    /// plain decimal) with this language's grouping and decimal separator. Text that is not a plain number
    /// comes back unchanged, so this never fails. Handy in templates, which pass values by reference.
    pub fn format_number(self, n: impl fmt::Display) -> String {
        group_digits(&n.to_string(), self, true)
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Ru => langid!("ru"),
            Lang::Kk => langid!("kk"),
            Lang::En => langid!("en"),
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Ru => RU_FTL,
            Lang::Kk => KK_FTL,
            Lang::En => EN_FTL,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = I18nError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| I18nError::UnknownLang(s.to_owned()))
    }
}

/// Picks the interface language from an HTTP `Accept-Language` header.
///
/// The header is read by the `accept-language` crate (entries ordered by quality, ties in the
/// order given) and matched against ru, kk and en by `fluent-langneg` (the Fluent project's
/// BCP 47 matcher: `kk-Cyrl-KZ` and `kk-KZ` are Kazakh, `EN-gb` English). Entries with a quality
/// outside (0, 1] (`q=0` means "not this one"; a malformed `q` reads as 0) are left out, `*`
/// stands for the default, and only the first 64 entries count (a browser sends a handful).
/// Without a header, or when nothing matches, the answer is [`Lang::DEFAULT`].
pub fn negotiate(accept_language: Option<&str>) -> Lang {
    accept_language
        .and_then(|header| best_match(header, Some(Lang::DEFAULT)))
        .unwrap_or(Lang::DEFAULT)
}

/// The language of ru, kk and en that an HTTP `Accept-Language` header asks for, or `None` when
/// it names none of them.
///
/// Read like [`negotiate`] (qualities, BCP 47 matching, the first 64 entries), except that `*`
/// ("any language") picks nothing: `fr`, `*`, `de, *;q=0.5` and an empty or malformed header
/// give `None`, so that a caller can answer as if no language had been asked for (the JSON API
/// answers in English without `Content-Language` then, where pages fall back to Russian).
/// `fr, en;q=0.5` gives English, and `*, kk;q=0.1` Kazakh.
pub fn negotiate_among(accept_language: &str) -> Option<Lang> {
    best_match(accept_language, None)
}

/// The best of ru, kk and en for `header`; `*` stands for `star` (left out when `None`).
fn best_match(header: &str, star: Option<Lang>) -> Option<Lang> {
    let first_entries = header.split(',').take(64).collect::<Vec<_>>().join(",");
    let requested: Vec<LanguageIdentifier> = accept_language::parse_with_quality(&first_entries)
        .into_iter()
        .filter(|(_, quality)| *quality > 0.0 && *quality <= 1.0)
        .filter_map(|(tag, _)| match tag.trim() {
            "*" => star.map(Lang::langid),
            tag => tag.parse().ok(),
        })
        .collect();
    let available = Lang::ALL.map(Lang::langid);
    fluent_langneg::negotiate_languages(
        &requested,
        &available,
        None,
        fluent_langneg::NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|id| Lang::from_code(id.language.as_str()))
}

/// A value for a message variable: text or a number.
///
/// Numbers drive plural selection (`{ $count -> [one] … }`) and are written with the language's digit
/// grouping. Convert with `.into()`: `("count", 17.into())`, `("field", "username".into())`.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text, inserted as is.
    Str(Cow<'a, str>),
    /// A number.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Str(s)
    }
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        })*
    };
}

arg_from_number!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

/// What can go wrong when building a catalog or formatting a message strictly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum I18nError {
    /// A catalog file has syntax errors.
    #[error("the {lang} catalog does not parse: {errors}")]
    Parse {
        /// The catalog's language.
        lang: Lang,
        /// Every error, with its line number.
        errors: String,
    },
    /// A catalog parses but cannot be loaded (for example a key defined twice).
    #[error("the {lang} catalog cannot be loaded: {errors}")]
    Load {
        /// The catalog's language.
        lang: Lang,
        /// Every error.
        errors: String,
    },
    /// No message with this key.
    #[error("the {lang} catalog has no message `{key}`")]
    MissingKey {
        /// The catalog's language.
        lang: Lang,
        /// The key asked for.
        key: String,
    },
    /// The message has attributes only, no value.
    #[error("the message `{key}` in the {lang} catalog has no value")]
    NoValue {
        /// The catalog's language.
        lang: Lang,
        /// The key asked for.
        key: String,
    },
    /// Formatting reported errors (an unknown variable, a reference to a missing message, …).
    #[error("formatting `{key}` in {lang}: {errors}")]
    Format {
        /// The catalog's language.
        lang: Lang,
        /// The key asked for.
        key: String,
        /// Every error.
        errors: String,
    },
    /// A language code that is not one of `ru`, `kk`, `en`.
    #[error("unknown language `{0}` (expected ru, kk or en)")]
    UnknownLang(String),
}

/// One language's loaded catalog.
struct LangCatalog {
    bundle: FluentBundle<FluentResource>,
    keys: BTreeSet<String>,
}

/// The three catalogs, parsed and ready. Build it once with [`Catalog::new`] and share it.
pub struct Catalog {
    ru: LangCatalog,
    kk: LangCatalog,
    en: LangCatalog,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("ru_keys", &self.ru.keys.len())
            .field("kk_keys", &self.kk.keys.len())
            .field("en_keys", &self.en.keys.len())
            .finish()
    }
}

impl Catalog {
    /// Parses and loads the embedded catalogs of all three languages.
    ///
    /// # Errors
    /// [`I18nError::Parse`] when a catalog has a syntax error, [`I18nError::Load`] when a key is defined
    /// twice or a builtin function cannot be registered.
    pub fn new() -> Result<Catalog, I18nError> {
        Ok(Catalog {
            ru: load(Lang::Ru)?,
            kk: load(Lang::Kk)?,
            en: load(Lang::En)?,
        })
    }

    fn lang(&self, lang: Lang) -> &LangCatalog {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
            Lang::En => &self.en,
        }
    }

    /// The message `key` in `lang`, or `⟦key⟧` when there is none.
    pub fn tr(&self, lang: Lang, key: &str) -> String {
        self.tr_args(lang, key, &[])
    }

    /// The message `key` in `lang` with variables, e.g. `&[("field", "username".into()), ("max", 64.into())]`.
    ///
    /// Never fails: a missing key gives `⟦key⟧`, a missing variable shows as `{$name}` in the text.
    pub fn tr_args(&self, lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let catalog = self.lang(lang);
        let Some(pattern) = catalog.bundle.get_message(key).and_then(|m| m.value()) else {
            return missing(key);
        };
        let args = fluent_args(args);
        let mut errors = Vec::new();
        catalog
            .bundle
            .format_pattern(pattern, args.as_ref(), &mut errors)
            .into_owned()
    }

    /// Like [`Catalog::tr_args`], but reports a missing key or any formatting error instead of hiding it.
    ///
    /// # Errors
    /// [`I18nError::MissingKey`], [`I18nError::NoValue`] or [`I18nError::Format`].
    pub fn try_tr_args(
        &self,
        lang: Lang,
        key: &str,
        args: &[(&str, Arg<'_>)],
    ) -> Result<String, I18nError> {
        let catalog = self.lang(lang);
        let message = catalog
            .bundle
            .get_message(key)
            .ok_or_else(|| I18nError::MissingKey {
                lang,
                key: key.to_owned(),
            })?;
        let pattern = message.value().ok_or_else(|| I18nError::NoValue {
            lang,
            key: key.to_owned(),
        })?;
        let args = fluent_args(args);
        let mut errors = Vec::new();
        let text = catalog
            .bundle
            .format_pattern(pattern, args.as_ref(), &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(I18nError::Format {
                lang,
                key: key.to_owned(),
                errors: join(errors.iter().map(ToString::to_string)),
            })
        }
    }

    /// Whether `lang` has a message `key`.
    pub fn contains(&self, lang: Lang, key: &str) -> bool {
        self.lang(lang).keys.contains(key)
    }

    /// Every message key of `lang` (terms, whose ids start with `-`, are not included).
    pub fn keys(&self, lang: Lang) -> BTreeSet<String> {
        self.lang(lang).keys.clone()
    }

    /// The variables (`$name`, without the `$`) that the message `key` uses in `lang`, including those inside
    /// selectors and variants; empty when there is no such message.
    pub fn variables(&self, lang: Lang, key: &str) -> BTreeSet<String> {
        let mut vars = BTreeSet::new();
        if let Some(message) = self.lang(lang).bundle.get_message(key) {
            if let Some(pattern) = message.value() {
                collect_pattern(pattern, &mut vars);
            }
            for attribute in message.attributes() {
                collect_pattern(attribute.value(), &mut vars);
            }
        }
        vars
    }
}

/// How a missing message shows: visibly, so that a reviewer spots it on the page.
fn missing(key: &str) -> String {
    format!("⟦{key}⟧")
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg<'a>)]) -> Option<FluentArgs<'a>> {
    if args.is_empty() {
        return None;
    }
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Str(s) => fluent.set(*name, FluentValue::String(Cow::Borrowed(s.as_ref()))),
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    Some(fluent)
}

fn load(lang: Lang) -> Result<LangCatalog, I18nError> {
    let source = lang.source();
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| I18nError::Parse {
            lang,
            errors: join(errors.iter().map(|e| {
                let line = source
                    .get(..e.pos.start)
                    .map_or(0, |before| before.matches('\n').count() + 1);
                format!("line {line}: {:?}", e.kind)
            })),
        })?;
    let keys = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect();
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Ru => format_ru,
        Lang::Kk => format_kk,
        Lang::En => format_en,
    }));
    bundle
        .add_function("NUMBER", number_function)
        .map_err(|e| I18nError::Load {
            lang,
            errors: e.to_string(),
        })?;
    bundle
        .add_resource(resource)
        .map_err(|errors| I18nError::Load {
            lang,
            errors: join(errors.iter().map(ToString::to_string)),
        })?;
    Ok(LangCatalog { bundle, keys })
}

/// `NUMBER(value, option: "…")` as Fluent's builtin, but also accepting a number written as text (`"64"`),
/// so that plural selection and digit grouping work whichever way a caller passes a count. Text that is
/// not a plain decimal number comes back unchanged.
fn number_function<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let number = match positional.first() {
        Some(FluentValue::Number(n)) => n.clone(),
        Some(FluentValue::String(s)) => match parse_plain_number(s) {
            Some(n) => n,
            None => return FluentValue::String(s.clone()),
        },
        _ => return FluentValue::Error,
    };
    let mut number = number;
    number.options.merge(named);
    FluentValue::Number(number)
}

/// Parses `-?[0-9]+(\.[0-9]+)?` (nothing else: no exponents, `inf` or `NaN`).
fn parse_plain_number(s: &str) -> Option<FluentNumber> {
    let t = s.trim();
    let unsigned = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let plain = !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if plain {
        FluentNumber::from_str(t).ok()
    } else {
        None
    }
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

fn format_ru<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, Lang::Ru)
}

fn format_kk<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, Lang::Kk)
}

fn format_en<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, Lang::En)
}

/// Writes numbers with the language's separators; leaves text alone.
fn format_number(value: &FluentValue<'_>, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(group_digits(&n.as_string(), lang, n.options.use_grouping)),
        _ => None,
    }
}

/// Writes a plain decimal number (`-1234567.5`) as `lang` writes numbers, with the CLDR digit
/// grouping and decimal separator of that locale (`icu_decimal` with its compiled CLDR data):
/// `1 062 327,5` (ru, kk; a no-break space) or `1,062,327.5` (en). `grouping: false` keeps the
/// digits together (Fluent's `useGrouping: false`). Anything that is not a plain number (`inf`,
/// `NaN`) comes back unchanged.
fn group_digits(plain: &str, lang: Lang, grouping: bool) -> String {
    let Ok(decimal) = plain.parse::<icu_decimal::input::Decimal>() else {
        return plain.to_owned();
    };
    DECIMAL_FORMATTERS.with(|formatters| {
        let index = lang as usize * 2 + usize::from(!grouping);
        match formatters.get(index).and_then(Option::as_ref) {
            Some(formatter) => formatter.format(&decimal).to_string(),
            None => plain.to_owned(),
        }
    })
}

thread_local! {
    /// One formatter per language, with and without grouping (index `lang * 2 + !grouping`),
    /// built once per thread from the compiled CLDR data.
    static DECIMAL_FORMATTERS: Vec<Option<icu_decimal::DecimalFormatter>> = Lang::ALL
        .into_iter()
        .flat_map(|lang| [decimal_formatter(lang, true), decimal_formatter(lang, false)])
        .collect();
}

/// The CLDR decimal formatter of `lang`. Building one cannot fail for ru, kk and en with the
/// compiled data; if it ever did, numbers would be written plain.
fn decimal_formatter(lang: Lang, grouping: bool) -> Option<icu_decimal::DecimalFormatter> {
    use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(if grouping {
        GroupingStrategy::Auto
    } else {
        GroupingStrategy::Never
    });
    let locale = icu_locale_core::Locale::from(match lang {
        Lang::Ru => icu_locale_core::langid!("ru"),
        Lang::Kk => icu_locale_core::langid!("kk"),
        Lang::En => icu_locale_core::langid!("en"),
    });
    icu_decimal::DecimalFormatter::try_new((&locale).into(), options).ok()
}

fn collect_pattern(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, vars);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for variant in variants {
                collect_pattern(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, vars),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            collect_arguments(arguments, vars);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => collect_arguments(arguments, vars),
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, vars),
        _ => {}
    }
}

fn collect_arguments(arguments: &ast::CallArguments<&str>, vars: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        collect_inline(positional, vars);
    }
    for named in &arguments.named {
        collect_inline(&named.value, vars);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1062327", Lang::En, true), "1,062,327");
        assert_eq!(
            group_digits("1062327", Lang::Ru, true),
            "1\u{a0}062\u{a0}327"
        );
        assert_eq!(group_digits("-1234.5", Lang::Kk, true), "-1\u{a0}234,5");
        assert_eq!(group_digits("999", Lang::En, true), "999");
        assert_eq!(group_digits("62.79", Lang::Ru, true), "62,79");
        assert_eq!(group_digits("1234", Lang::Ru, false), "1234");
        assert_eq!(group_digits("NaN", Lang::Ru, true), "NaN");
        assert_eq!(group_digits("inf", Lang::En, true), "inf");
    }
}
