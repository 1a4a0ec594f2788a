//! The one normalizer for human-entered text, and the one parser of whole numbers as people write
//! them.
//!
//! Every text a person types or imports goes through [`clean`] before it is validated and before
//! it is recorded in the ledger, so the ledger holds the normalized text:
//!
//! 1. surrounding white space is trimmed and the text is put in Unicode NFC (so "й" typed as
//!    и + U+0306 and the precomposed "й" are the same text); normalizing normalized text changes
//!    nothing, so entries recorded before this rule replay unchanged;
//! 2. control characters (including NUL and line breaks), bidirectional controls (U+202A–U+202E,
//!    U+2066–U+2069, U+200E, U+200F, U+061C) and invisible characters (zero-width spaces and
//!    joiners, U+FEFF, the soft hyphen, other default-ignorable code points) are refused;
//! 3. each [`TextKind`] allows its own characters: names hold letters, digits, spaces and the
//!    punctuation names are written with; addresses add `;` and `#`; free text allows any visible
//!    character;
//! 4. in names and addresses a word mixing scripts (`Aктoгайский` with Latin `A` and `o`) is
//!    refused: the word must be single-script in the sense of Unicode's UTS #39 (checked with the
//!    `unicode-security` crate, not with a table of our own).
//!
//! Names that must be unique (parties; later candidates on one ballot) are compared by
//! [`name_key`]: NFC, transliterated to Latin, case-folded and reduced to its UTS #39 confusable
//! skeleton, so that «АМАНАТ», «AMANAT» and «АМАNАТ» are one name.

use unicode_normalization::UnicodeNormalization;
use unicode_security::MixedScript;

use crate::command::Edition;
use crate::error::{Rule, ValidationErrors};

/// What a text field holds, which decides the characters it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Names of territories, parties, people and accounts' display names: letters, digits,
    /// spaces and
    /// `- ‐ ‑ – — . , ' ’ ʼ " « » “ ” „ ( ) № / & + : ! ?`.
    Name,
    /// Postal addresses: what names hold, plus `;` and `#`.
    Address,
    /// Free text (notes, reasons): any visible character.
    FreeText,
}

/// Punctuation a name may hold besides letters, digits and spaces.
const NAME_PUNCTUATION: &str = "-‐‑–—.,'’ʼ\"«»“”„()№/&+:!?";
/// Punctuation an address may hold besides what a name may hold.
const ADDRESS_PUNCTUATION: &str = ";#";

/// Trims and puts `value` in NFC. Idempotent: `normalize(normalize(x)) == normalize(x)`.
pub fn normalize(value: &str) -> String {
    value.trim().nfc().collect()
}

/// Whether `c` is a bidirectional control or an invisible (zero-width, default-ignorable)
/// character: text holding one shows differently from what it is.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether a character may appear in a text of this kind (after the checks for control and
/// invisible characters).
fn allowed(kind: TextKind, c: char) -> bool {
    match kind {
        TextKind::FreeText => true,
        TextKind::Name | TextKind::Address => {
            c.is_alphabetic()
                || c.is_numeric()
                || c == ' '
                || unicode_normalization::char::is_combining_mark(c)
                || NAME_PUNCTUATION.contains(c)
                || (kind == TextKind::Address && ADDRESS_PUNCTUATION.contains(c))
        }
    }
}

/// The first word of `text` that mixes scripts (e.g. Latin and Cyrillic look-alikes), if any.
/// A word is a run of letters, marks and digits.
fn mixed_script_word(text: &str) -> Option<&str> {
    text.split(|c: char| {
        !(c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
    })
    .find(|w| !w.is_empty() && !w.is_single_script())
}

/// Normalizes `value` ([`normalize`]) and checks it against the rules of `kind`: no control or
/// invisible characters, only the characters of its kind, no mixed-script word, at most `max`
/// characters. Empty is allowed (see [`required`]). Returns the normalized text, or the first
/// broken rule for `field`.
pub fn clean(
    field: &str,
    value: &str,
    kind: TextKind,
    max: usize,
) -> Result<String, ValidationErrors> {
    clean_in(field, value, kind, max, Edition::CURRENT)
}

/// [`clean`] under the rules of an [`Edition`]: entries of [`Edition::V1`] had their text only
/// trimmed and checked for length and control characters.
pub fn clean_in(
    field: &str,
    value: &str,
    kind: TextKind,
    max: usize,
    edition: Edition,
) -> Result<String, ValidationErrors> {
    let fail = |rule: Rule| Err(ValidationErrors::one(field, rule));
    if edition == Edition::V1 {
        let v = value.trim();
        if v.chars().count() > max {
            return fail(Rule::FieldTooLong { max });
        }
        if v.chars().any(char::is_control) {
            return fail(Rule::TextControlChars);
        }
        return Ok(v.to_owned());
    }
    let v = normalize(value);
    if v.chars().count() > max {
        return fail(Rule::FieldTooLong { max });
    }
    if v.chars().any(char::is_control) {
        return fail(Rule::TextControlChars);
    }
    if v.chars().any(is_invisible) {
        return fail(Rule::TextInvisibleChars);
    }
    if let Some(c) = v.chars().find(|&c| !allowed(kind, c)) {
        return fail(Rule::TextCharNotAllowed {
            character: c.to_string(),
        });
    }
    if kind != TextKind::FreeText
        && let Some(word) = mixed_script_word(&v)
    {
        return fail(Rule::TextMixedScript {
            word: word.to_owned(),
        });
    }
    Ok(v)
}

/// Like [`clean_in`] with `TextKind::Name`, and requires a non-empty value.
pub(crate) fn required(
    field: &str,
    value: &str,
    max: usize,
    edition: Edition,
) -> Result<String, ValidationErrors> {
    required_kind(field, value, TextKind::Name, max, edition)
}

/// Like [`clean_in`] with `TextKind::Name`; empty is allowed.
pub(crate) fn optional(
    field: &str,
    value: &str,
    max: usize,
    edition: Edition,
) -> Result<String, ValidationErrors> {
    clean_in(field, value, TextKind::Name, max, edition)
}

/// Like [`clean_in`], and requires a non-empty value.
pub(crate) fn required_kind(
    field: &str,
    value: &str,
    kind: TextKind,
    max: usize,
    edition: Edition,
) -> Result<String, ValidationErrors> {
    let v = clean_in(field, value, kind, max, edition)?;
    if v.is_empty() {
        return Err(ValidationErrors::one(field, Rule::FieldRequired));
    }
    Ok(v)
}

/// The key under which names that must be unique are compared: NFC, transliterated to Latin
/// (`deunicode`, so Cyrillic «АМАНАТ» and Latin «AMANAT» meet), lower-cased, reduced to the
/// UTS #39 confusable skeleton (so `0`/`O`, `l`/`I`, `rn`/`m` meet), with spaces collapsed and
/// quotes and other punctuation dropped.
pub fn name_key(value: &str) -> String {
    let nfc = normalize(value);
    let latin = deunicode::deunicode(&nfc).to_lowercase();
    let skeleton: String = unicode_security::skeleton(&latin).collect();
    let mut key = String::with_capacity(skeleton.len());
    for word in skeleton
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.to_lowercase());
    }
    key
}

/// The command with every human-entered text in it [`normalize`]d (trimmed, NFC), so that the
/// ledger records normalized text. Validation still checks the text; this only makes sure that
/// what is recorded is what is stored. Each command says which of its fields are human-entered
/// text ([`crate::DomainCommand::normalized`]).
pub fn normalize_command(command: crate::Command) -> crate::Command {
    command.normalized()
}

/// Territory names in the three languages, [`normalize`]d.
pub(crate) fn normalize_names(n: crate::Names) -> crate::Names {
    crate::Names {
        ru: normalize(&n.ru),
        kk: normalize(&n.kk),
        en: normalize(&n.en),
    }
}

/// A party's names, [`normalize`]d (its code is an identifier and stays as it is).
pub(crate) fn normalize_party(p: crate::Party) -> crate::Party {
    crate::Party {
        name_ru: normalize(&p.name_ru),
        name_kk: normalize(&p.name_kk),
        name_en: normalize(&p.name_en),
        short_name: normalize(&p.short_name),
        ..p
    }
}

/// Parses a whole number as people write it: digits, optionally grouped by thousands with a
/// space, a no-break space (U+00A0) or a narrow no-break space (U+202F) — the way sailau prints
/// numbers — so `1 000`, `1\u{a0}000` and `1\u{202f}000` are 1000. A decimal separator (`1,5`,
/// `1.5`) is refused with [`Rule::NumberNotWhole`], a negative one (`-5`, with a hyphen or a
/// minus sign) with [`Rule::NumberNegative`], one above `u64::MAX` with [`Rule::NumberTooLarge`];
/// anything else that is not a whole number with [`Rule::NumberFormat`]. Empty input is
/// [`Rule::FieldRequired`].
pub fn parse_whole_number(value: &str) -> Result<u64, Rule> {
    let v = value.trim_matches(|c: char| c.is_whitespace() || c == '\u{202F}');
    if v.is_empty() {
        return Err(Rule::FieldRequired);
    }
    let mut groups = v.split([' ', '\u{00A0}', '\u{202F}']);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped_ok = rest.is_empty()
        || ((1..=3).contains(&first.len())
            && all_digits(first)
            && rest.iter().all(|g| g.len() == 3 && all_digits(g)));
    let digits: String = std::iter::once(first).chain(rest.iter().copied()).collect();
    if grouped_ok && all_digits(&digits) {
        return digits.parse::<u64>().map_err(|_| Rule::NumberTooLarge);
    }
    if let Some(magnitude) = v.strip_prefix(['-', '\u{2212}'])
        && parse_whole_number(magnitude).is_ok_and(|n| n > 0)
    {
        return Err(Rule::NumberNegative);
    }
    let is_decimal = |sep: char| {
        v.split_once(sep).is_some_and(|(whole, frac)| {
            let whole: String = whole
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'))
                .collect();
            all_digits(&whole) && all_digits(frac)
        })
    };
    if is_decimal(',') || is_decimal('.') {
        return Err(Rule::NumberNotWhole);
    }
    Err(Rule::NumberFormat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_and_oversized_numbers_are_named() {
        assert_eq!(parse_whole_number("-5"), Err(Rule::NumberNegative));
        assert_eq!(
            parse_whole_number("\u{2212}1 000"),
            Err(Rule::NumberNegative)
        );
        assert_eq!(parse_whole_number("-0"), Err(Rule::NumberFormat));
        assert_eq!(
            parse_whole_number("99999999999999999999999"),
            Err(Rule::NumberTooLarge)
        );
        assert_eq!(parse_whole_number("-x"), Err(Rule::NumberFormat));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole_number("1000"), Ok(1000));
        assert_eq!(parse_whole_number(" 1 000 "), Ok(1000));
        assert_eq!(parse_whole_number("1\u{a0}000"), Ok(1000));
        assert_eq!(parse_whole_number("1\u{202f}000\u{202f}000"), Ok(1_000_000));
        assert_eq!(parse_whole_number("1,5"), Err(Rule::NumberNotWhole));
        assert_eq!(parse_whole_number("1.5"), Err(Rule::NumberNotWhole));
        assert_eq!(parse_whole_number("1 00"), Err(Rule::NumberFormat));
        assert_eq!(parse_whole_number("-3"), Err(Rule::NumberNegative));
        assert_eq!(parse_whole_number(""), Err(Rule::FieldRequired));
    }

    #[test]
    fn keys() {
        assert_eq!(name_key("AMANAT"), name_key("АМАНАТ"));
        assert_eq!(name_key("AMANAT"), name_key("amanat"));
        assert_eq!(name_key("Партия «AMANAT»"), name_key("партия  \"АМАНАТ\""));
        assert_ne!(name_key("AMANAT"), name_key("Ауыл"));
    }
}
