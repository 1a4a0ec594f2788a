//! The Russian and Kazakh catalogs are written in Cyrillic, the Kazakh one uses its own letters,
//! and the English one has no Cyrillic left in it.

use sailau_i18n::Lang;

use crate::catalog;

/// Messages that are the same in every script (brand names, symbols, pure placeholders).
const SCRIPT_NEUTRAL: &[&str] = &[
    "site-name",
    "field-error-with-label",
    "footer-api",
    "ledger-index",
    "ledger-precinct",
    "ledger-territory-in-region",
    // The failed control relation's message comes from the rule set, in the reader's language.
    "day-relation-failed",
    // A candidate's protocol line: registration number and name, as ballots write them.
    "day-candidate-line",
];

const KAZAKH_LETTERS: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

fn all_text(lang: Lang) -> Vec<(String, String)> {
    let c = catalog();
    c.keys(lang)
        .into_iter()
        .map(|key| {
            let text = c.tr_args(lang, &key, &[]);
            (key, text)
        })
        .collect()
}

#[test]
fn russian_and_kazakh_are_cyrillic() {
    for lang in [Lang::Ru, Lang::Kk] {
        for (key, text) in all_text(lang) {
            if SCRIPT_NEUTRAL.contains(&key.as_str()) {
                continue;
            }
            assert!(
                text.chars().any(is_cyrillic),
                "{lang} `{key}` has no Cyrillic: {text}"
            );
        }
    }
}

#[test]
fn kazakh_uses_kazakh_letters_and_russian_does_not() {
    let kk: String = all_text(Lang::Kk)
        .into_iter()
        .map(|(_, t)| t.to_lowercase())
        .collect();
    let used: Vec<char> = KAZAKH_LETTERS
        .iter()
        .copied()
        .filter(|c| kk.contains(*c))
        .collect();
    assert!(used.len() >= 7, "Kazakh catalog uses only {used:?}");
    for (key, text) in all_text(Lang::Ru) {
        let lower = text.to_lowercase();
        assert!(
            !KAZAKH_LETTERS.iter().any(|c| lower.contains(*c)),
            "ru `{key}` has Kazakh letters: {text}"
        );
    }
}

#[test]
fn english_has_no_cyrillic() {
    for (key, text) in all_text(Lang::En) {
        assert!(
            !text.chars().any(is_cyrillic),
            "en `{key}` has Cyrillic: {text}"
        );
    }
}
