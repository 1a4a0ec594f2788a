//! Alphabetical order of people's names as Kazakh and Russian readers expect it.
//!
//! Issue 11, item 8: a ballot lists its candidates "in alphabetical order", and the Central
//! Election Commission orders them **by the alphabet of the state language**, surname, then given
//! name, then patronymic («мемлекеттік тілдің әліпбилік тәртібімен тегі, аты, әкесінің аты»,
//! the CEC on the ballots of 9 June 2019). Code-point order is wrong for both languages: it puts
//! the Kazakh letters ә ғ қ ң ө ұ ү һ і (U+0456 … U+04E9) after я, and ё (U+0451) after я too.
//!
//! The comparison is ICU4X's collator (`icu_collator`, the Unicode Collation Algorithm with
//! CLDR's data compiled in): Kazakh uses CLDR's `kk` tailoring, which places each Kazakh letter
//! where the Kazakh alphabet has it — А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү
//! Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я — and Russian CLDR's `ru` order. In both, ё is a variant of е
//! (it sorts after е only between words equal otherwise), as Russian dictionaries do and CLDR's
//! `kk` keeps. Pure: no I/O, the data is compiled into the binary.

use std::cmp::Ordering;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::{Locale, locale};
use serde::{Deserialize, Serialize};

/// A language whose alphabet orders names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Kazakh (Cyrillic), the state language: the order of ballots (CEC practice, see the module).
    Kk,
    /// Russian.
    Ru,
    /// English: CLDR's root order (Cyrillic names still sort by the common Cyrillic order).
    En,
}

impl Language {
    /// The language the CEC orders ballot lines by, whatever language a ballot is printed in.
    pub const BALLOT_ORDER: Language = Language::Kk;

    fn locale(self) -> Locale {
        match self {
            Language::Kk => locale!("kk"),
            Language::Ru => locale!("ru"),
            Language::En => locale!("en"),
        }
    }
}

/// The collator of a language could not be built from the compiled data. This does not happen
/// with the data compiled into sailau; it is a typed error rather than a panic all the same.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no collation data for {language:?}: {detail}")]
pub struct CollationError {
    /// The language asked for.
    pub language: Language,
    /// ICU4X's own description of the failure.
    pub detail: String,
}

/// A person's name in the three parts a ballot prints, in that order of comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameParts<'a> {
    /// Surname (тегі / фамилия).
    pub surname: &'a str,
    /// Given name (аты / имя).
    pub given_name: &'a str,
    /// Patronymic (әкесінің аты / отчество), empty when the person has none.
    pub patronymic: &'a str,
}

/// Something that is sorted by a person's name: a ballot line, a candidate, a registry row.
pub trait HasName {
    /// The name that orders this item.
    fn name_parts(&self) -> NameParts<'_>;
}

impl HasName for NameParts<'_> {
    fn name_parts(&self) -> NameParts<'_> {
        *self
    }
}

/// Compares text in one language's alphabetical order.
pub struct Collation {
    language: Language,
    collator: CollatorBorrowed<'static>,
}

impl std::fmt::Debug for Collation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collation")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl Collation {
    /// The collator of `language`, from the CLDR data compiled into the binary. Tertiary
    /// strength: letters first (ё counts as е here), then diacritics (е before ё), then case
    /// (lower before upper).
    pub fn new(language: Language) -> Result<Self, CollationError> {
        let mut options = CollatorOptions::default();
        options.strength = Some(Strength::Tertiary);
        let prefs = CollatorPreferences::from(&language.locale());
        let collator = Collator::try_new(prefs, options).map_err(|e| CollationError {
            language,
            detail: e.to_string(),
        })?;
        Ok(Self { language, collator })
    }

    /// The language this collation orders by.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Alphabetical comparison of two texts. Texts that collate equal (they differ only in what
    /// the collation ignores) are ordered by their code points, so that distinct texts never
    /// compare equal and a sort does not depend on the input order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b).then_with(|| a.cmp(b))
    }

    /// Compares two names: surnames first, then given names, then patronymics, each
    /// alphabetically. The parts are compared one by one (not as one string), so «Ли Ан» sorts
    /// before «Лиев Б» as dictionaries of names have it.
    pub fn compare_names(&self, a: &NameParts<'_>, b: &NameParts<'_>) -> Ordering {
        let primary = |x: &str, y: &str| self.collator.compare(x, y);
        primary(a.surname, b.surname)
            .then_with(|| primary(a.given_name, b.given_name))
            .then_with(|| primary(a.patronymic, b.patronymic))
            .then_with(|| a.surname.cmp(b.surname))
            .then_with(|| a.given_name.cmp(b.given_name))
            .then_with(|| a.patronymic.cmp(b.patronymic))
    }

    /// Sorts items by their names in this language. Stable: items with identical names keep
    /// their order.
    pub fn sort_by_name<T: HasName>(&self, items: &mut [T]) {
        items.sort_by(|a, b| self.compare_names(&a.name_parts(), &b.name_parts()));
    }
}

/// Sorts ballot lines (or any named items) by (surname, given name, patronymic) in the
/// alphabetical order of `language`. Stable for identical names.
pub fn sort_by_name<T: HasName>(language: Language, items: &mut [T]) -> Result<(), CollationError> {
    Collation::new(language)?.sort_by_name(items);
    Ok(())
}

/// Sorts ballot lines in the order of the ballot: the state language's alphabet
/// ([`Language::BALLOT_ORDER`]), the same order on the Kazakh and the Russian ballot.
pub fn sort_ballot_lines<T: HasName>(items: &mut [T]) -> Result<(), CollationError> {
    sort_by_name(Language::BALLOT_ORDER, items)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The Kazakh Cyrillic alphabet (42 letters), in its order: the oracle.
    const KAZAKH_ALPHABET: [&str; 42] = [
        "А", "Ә", "Б", "В", "Г", "Ғ", "Д", "Е", "Ё", "Ж", "З", "И", "Й", "К", "Қ", "Л", "М", "Н",
        "Ң", "О", "Ө", "П", "Р", "С", "Т", "У", "Ұ", "Ү", "Ф", "Х", "Һ", "Ц", "Ч", "Ш", "Щ", "Ъ",
        "Ы", "І", "Ь", "Э", "Ю", "Я",
    ];

    /// The Russian alphabet (33 letters), in its order.
    const RUSSIAN_ALPHABET: [&str; 33] = [
        "А", "Б", "В", "Г", "Д", "Е", "Ё", "Ж", "З", "И", "Й", "К", "Л", "М", "Н", "О", "П", "Р",
        "С", "Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Щ", "Ъ", "Ы", "Ь", "Э", "Ю", "Я",
    ];

    fn name<'a>(surname: &'a str, given_name: &'a str, patronymic: &'a str) -> NameParts<'a> {
        NameParts {
            surname,
            given_name,
            patronymic,
        }
    }

    /// Sorting the shuffled (reversed, interleaved) list must give back the original order.
    fn assert_sorts_to(language: Language, expected: &[String]) {
        let collation = Collation::new(language).unwrap();
        let mut shuffled: Vec<String> = expected.iter().rev().cloned().collect();
        shuffled.rotate_left(expected.len() / 3);
        shuffled.sort_by(|a, b| collation.compare(a, b));
        assert_eq!(shuffled, expected, "{language:?}");
    }

    #[test]
    fn kazakh_letters_sort_in_the_kazakh_alphabet_order() {
        // Capital letters, small letters and words beginning with each letter.
        let capitals: Vec<String> = KAZAKH_ALPHABET.iter().map(|s| s.to_string()).collect();
        assert_sorts_to(Language::Kk, &capitals);
        let small: Vec<String> = KAZAKH_ALPHABET.iter().map(|s| s.to_lowercase()).collect();
        assert_sorts_to(Language::Kk, &small);
        let words: Vec<String> = KAZAKH_ALPHABET.iter().map(|s| format!("{s}ба")).collect();
        assert_sorts_to(Language::Kk, &words);
    }

    #[test]
    fn each_kazakh_letter_follows_the_letter_the_alphabet_puts_it_after() {
        let kk = Collation::new(Language::Kk).unwrap();
        for (before, after, next) in [
            ("ау", "әа", "ба"),
            ("гу", "ға", "да"),
            ("ку", "қа", "ла"),
            ("ну", "ңа", "оа"),
            ("оу", "өа", "па"),
            ("уу", "ұа", "үа"),
            ("ұу", "үа", "фа"),
            ("ху", "һа", "ца"),
            ("ыу", "іа", "ьа"),
        ] {
            assert_eq!(
                kk.compare(before, after),
                Ordering::Less,
                "{before} < {after}"
            );
            assert_eq!(kk.compare(after, next), Ordering::Less, "{after} < {next}");
        }
    }

    #[test]
    fn russian_letters_sort_in_the_russian_alphabet_order() {
        let capitals: Vec<String> = RUSSIAN_ALPHABET.iter().map(|s| s.to_string()).collect();
        assert_sorts_to(Language::Ru, &capitals);
        let words: Vec<String> = RUSSIAN_ALPHABET.iter().map(|s| format!("{s}ба")).collect();
        assert_sorts_to(Language::Ru, &words);
    }

    #[test]
    fn code_point_order_would_be_wrong() {
        // The reason for a collator: Ә (U+04D8) and Қ (U+049A) come after Я (U+042F) in code
        // points, І (U+0406) before А.
        let kk = Collation::new(Language::Kk).unwrap();
        for (a, b) in [
            ("Әбілов", "Бекетов"),
            ("Қосанов", "Лукин"),
            ("Ыбыраев", "Ілиясов"),
        ] {
            assert_eq!(kk.compare(a, b), Ordering::Less, "{a} < {b}");
        }
        assert!("Әбілов" > "Бекетов" && "Қосанов" > "Лукин" && "Ыбыраев" > "Ілиясов");
    }

    #[test]
    fn the_cec_ballot_of_2019_is_in_this_order() {
        // The CEC's published order of the 9 June 2019 presidential ballot (state language).
        let expected = [
            name("Ахметбеков", "Жамбыл", "Әужанұлы"),
            name("Еспаева", "Дания", "Мәдиқызы"),
            name("Қосанов", "Әміржан", "Сағидрахманұлы"),
            name("Рақымбеков", "Төлеутай", "Сатайұлы"),
            name("Таспихов", "Амангелді", "Сатыбалдыұлы"),
            name("Тоқаев", "Қасым-Жомарт", "Кемелұлы"),
            name("Түгел", "Сәді-Бек", ""),
        ];
        let mut lines: Vec<NameParts<'_>> = expected.iter().rev().copied().collect();
        sort_ballot_lines(&mut lines).unwrap();
        assert_eq!(lines, expected);
    }

    #[test]
    fn names_compare_part_by_part() {
        let ru = Collation::new(Language::Ru).unwrap();
        // Surname first, even when the given name would reverse the order.
        let mut lines = vec![
            name("Лиев", "Арман", ""),
            name("Ли", "Юрий", ""),
            name("Ли", "Юрий", "Борисович"),
            name("Ли", "Анна", "Сергеевна"),
            name("Ёлкин", "Иван", ""),
            name("Елин", "Иван", ""),
        ];
        ru.sort_by_name(&mut lines);
        assert_eq!(
            lines,
            vec![
                name("Елин", "Иван", ""),
                name("Ёлкин", "Иван", ""),
                name("Ли", "Анна", "Сергеевна"),
                name("Ли", "Юрий", ""),
                name("Ли", "Юрий", "Борисович"),
                name("Лиев", "Арман", ""),
            ]
        );
    }

    #[test]
    fn the_kazakh_tailoring_is_what_orders_the_kazakh_letters() {
        // CLDR's root order (used for English) puts і before ы and ү before ұ; only the `kk`
        // tailoring gives the Kazakh alphabet. Proves the tailoring is in the compiled data.
        let root = Collation::new(Language::En).unwrap();
        let kk = Collation::new(Language::Kk).unwrap();
        assert_eq!(root.compare("іа", "ыа"), Ordering::Less);
        assert_eq!(kk.compare("іа", "ыа"), Ordering::Greater);
        assert_eq!(root.compare("ұа", "үа"), Ordering::Greater);
        assert_eq!(kk.compare("ұа", "үа"), Ordering::Less);
        // Ё is a letter of both alphabets but, as in CLDR's Russian, a variant of Е: it decides
        // only between names equal otherwise.
        assert_eq!(kk.compare("ёб", "еа"), Ordering::Greater);
        assert_eq!(kk.compare("ёа", "еа"), Ordering::Greater);
    }

    #[test]
    fn every_language_has_its_collator() {
        for language in [Language::Kk, Language::Ru, Language::En] {
            assert_eq!(Collation::new(language).unwrap().language(), language);
        }
    }

    fn cyrillic_word() -> impl Strategy<Value = String> {
        // Kazakh and Russian letters in both cases, a hyphen and a space: what names hold.
        proptest::string::string_regex("[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ -]{0,6}").unwrap()
    }

    #[derive(Debug, Clone, PartialEq)]
    struct Line {
        surname: String,
        given_name: String,
        patronymic: String,
        input_position: usize,
    }

    impl HasName for Line {
        fn name_parts(&self) -> NameParts<'_> {
            name(&self.surname, &self.given_name, &self.patronymic)
        }
    }

    fn language() -> impl Strategy<Value = Language> {
        prop_oneof![Just(Language::Kk), Just(Language::Ru), Just(Language::En)]
    }

    proptest! {
        #[test]
        fn comparison_is_a_total_order(
            language in language(),
            a in cyrillic_word(),
            b in cyrillic_word(),
            c in cyrillic_word(),
        ) {
            let collation = Collation::new(language).unwrap();
            // Reflexive and antisymmetric: equal only when identical.
            prop_assert_eq!(collation.compare(&a, &a), Ordering::Equal);
            prop_assert_eq!(collation.compare(&a, &b), collation.compare(&b, &a).reverse());
            prop_assert_eq!(collation.compare(&a, &b) == Ordering::Equal, a == b);
            // Transitive.
            if collation.compare(&a, &b) != Ordering::Greater
                && collation.compare(&b, &c) != Ordering::Greater
            {
                prop_assert_ne!(collation.compare(&a, &c), Ordering::Greater);
            }
        }

        #[test]
        fn sorting_names_is_ordered_stable_and_independent_of_input_order(
            language in language(),
            names in proptest::collection::vec(
                (cyrillic_word(), cyrillic_word(), cyrillic_word()), 0..12),
            duplicate in any::<bool>(),
        ) {
            let mut lines: Vec<Line> = names
                .into_iter()
                .map(|(surname, given_name, patronymic)| Line {
                    surname, given_name, patronymic, input_position: 0,
                })
                .collect();
            if duplicate && !lines.is_empty() {
                let copy = lines[0].clone();
                lines.push(copy);
            }
            for (i, line) in lines.iter_mut().enumerate() {
                line.input_position = i;
            }
            let collation = Collation::new(language).unwrap();

            let mut sorted = lines.clone();
            collation.sort_by_name(&mut sorted);
            for pair in sorted.windows(2) {
                let order = collation.compare_names(&pair[0].name_parts(), &pair[1].name_parts());
                prop_assert_ne!(order, Ordering::Greater);
                // Stable: identical names keep their input order.
                if order == Ordering::Equal {
                    prop_assert!(pair[0].input_position < pair[1].input_position);
                }
            }

            // The same names in reverse input order give the same names in the same order.
            let mut reversed: Vec<Line> = lines.iter().rev().cloned().collect();
            collation.sort_by_name(&mut reversed);
            let names_of = |v: &[Line]| -> Vec<(String, String, String)> {
                v.iter()
                    .map(|l| (l.surname.clone(), l.given_name.clone(), l.patronymic.clone()))
                    .collect()
            };
            prop_assert_eq!(names_of(&sorted), names_of(&reversed));
        }
    }
}
