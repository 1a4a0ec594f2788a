//! IIN and signature-sheet checks (issue 11, item 5). The oracle below builds valid IINs by
//! construction with the check digit computed its own way (weights as positions modulo 11), not
//! through the implementation.

use std::collections::HashSet;

use jiff::civil::Date;
use proptest::prelude::*;
use sailau_domain::elections::iin::{Iin, IinError, check_digit};
use sailau_domain::elections::signatures::{
    CollectionDates, Facts, Ground, SIGNER_MIN_AGE, SignatureLine, canonical_lines, check_erase,
    erasable_from, validate_lines, verify,
};
use sailau_domain::{Gender, Rule, TerritoryCode};

/// The check digit as the Rules describe it, written independently: weight of position `p`
/// (1-based) is `p` in the first pass and `((p + 1) mod 11) + 1` in the second.
fn oracle_check(first11: &[u32]) -> Option<u32> {
    let mut sum = 0;
    for (i, d) in first11.iter().enumerate() {
        sum += d * (i as u32 + 1);
    }
    let mut r = sum % 11;
    if r == 10 {
        sum = 0;
        for (i, d) in first11.iter().enumerate() {
            sum += d * (((i as u32 + 2) % 11) + 1);
        }
        r = sum % 11;
    }
    (r != 10).then_some(r)
}

/// Builds an IIN for a birth date, gender and serial, if the serial gives a check digit.
fn build(born: Date, female: bool, serial: u32) -> Option<String> {
    let century = match born.year() {
        1800..=1899 => 1,
        1900..=1999 => 3,
        _ => 5,
    } + u32::from(female);
    let head = format!(
        "{:02}{:02}{:02}{}{:04}",
        born.year() % 100,
        born.month(),
        born.day(),
        century,
        serial % 10_000
    );
    let digits: Vec<u32> = head.chars().filter_map(|c| c.to_digit(10)).collect();
    oracle_check(&digits).map(|c| format!("{head}{c}"))
}

fn date_strategy(from: i16, to: i16) -> impl Strategy<Value = Date> {
    (from..=to, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::constant(y, m, d))
}

proptest! {
    #[test]
    fn every_built_iin_parses_with_its_birth_date_and_gender(
        born in date_strategy(1850, 2099),
        female: bool,
        serial in 0u32..10_000,
    ) {
        if let Some(text) = build(born, female, serial) {
            let iin = Iin::parse(&text).unwrap();
            prop_assert_eq!(iin.birth_date(), born);
            prop_assert_eq!(iin.gender(), if female { Gender::Female } else { Gender::Male });
            // Any other last digit is refused for its check digit.
            let last = text.chars().last().and_then(|c| c.to_digit(10)).unwrap();
            for other in (0..10).filter(|d| *d != last) {
                let changed = format!("{}{other}", &text[..11]);
                prop_assert_eq!(Iin::parse(&changed), Err(IinError::CheckDigit));
            }
            // Written with spaces, it is the same number.
            let spaced = format!("{} {}", &text[..6], &text[6..]);
            prop_assert_eq!(Iin::parse(&spaced).unwrap(), iin);
        }
    }

    #[test]
    fn check_digit_agrees_with_the_oracle(first in proptest::array::uniform11(0u8..10)) {
        let as_u32: Vec<u32> = first.iter().map(|d| u32::from(*d)).collect();
        prop_assert_eq!(check_digit(&first).map(u32::from), oracle_check(&as_u32));
    }

    #[test]
    fn anything_but_twelve_digits_is_malformed(text in "[0-9]{0,11}|[0-9]{13,14}|[0-9]{5}[a-z][0-9]{6}") {
        prop_assert_eq!(Iin::parse(&text), Err(IinError::Format));
    }

    #[test]
    fn counts_add_up_and_duplicates_after_the_first(
        people in proptest::collection::vec((date_strategy(1930, 2004), any::<bool>(), 0u32..10_000), 1..60),
        repeats in proptest::collection::vec(any::<proptest::sample::Index>(), 0..10),
    ) {
        let unit_code = code("154800000");
        let unit: HashSet<TerritoryCode> = [unit_code.clone()].into();
        let earlier = HashSet::new();
        let facts = Facts {
            unit: &unit,
            window: CollectionDates { from: Date::constant(2023, 9, 16), to: Date::constant(2023, 10, 5) },
            min_age: SIGNER_MIN_AGE,
            earlier: &earlier,
        };
        let mut lines = Vec::new();
        let mut seen = HashSet::new();
        for (born, female, serial) in &people {
            if let Some(iin) = build(*born, *female, *serial)
                && seen.insert(iin.clone())
            {
                lines.push(line(1, lines.len() as u32 + 1, &iin, unit_code.clone(), Date::constant(2023, 9, 20)));
            }
        }
        let unique = lines.len();
        prop_assume!(unique > 0);
        for r in &repeats {
            let original = lines[r.index(unique)].clone();
            lines.push(SignatureLine { sheet: 2, line: lines.len() as u32 + 1, ..original });
        }
        let v = verify(&lines, &facts);
        prop_assert_eq!(v.counts.lines as usize, lines.len());
        prop_assert_eq!(v.counts.valid + v.counts.invalid(), v.counts.lines);
        prop_assert_eq!(v.counts.duplicate as usize, repeats.len());
        // Everyone born by 2004-09-20 is at least 18 on the signing date; the others are not.
        let adults = lines[..unique]
            .iter()
            .filter(|l| Iin::parse(&l.iin).unwrap().age_on(l.signed_on) >= 18)
            .count();
        prop_assert_eq!(v.counts.valid as usize, adults);
        prop_assert_eq!(v.findings.len() as u32, v.counts.invalid());
    }
}

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

fn line(sheet: u32, n: u32, iin: &str, territory: TerritoryCode, on: Date) -> SignatureLine {
    SignatureLine {
        sheet,
        line: n,
        surname: "Сапарова".into(),
        given_name: "Айгүл".into(),
        patronymic: "Қайратқызы".into(),
        iin: iin.into(),
        address: "с. Ойыл, ул. Абая, 5".into(),
        territory_code: territory,
        signed_on: on,
    }
}

#[test]
fn each_ground_is_found_and_counted_once() {
    let unit = code("154800000");
    let village = code("154830100");
    let elsewhere = code("274800000");
    let units: HashSet<TerritoryCode> = [unit.clone(), village.clone()].into();
    let earlier: HashSet<String> = [build(Date::constant(1970, 1, 2), true, 7).unwrap()].into();
    let facts = Facts {
        unit: &units,
        window: CollectionDates {
            from: Date::constant(2023, 9, 16),
            to: Date::constant(2023, 10, 5),
        },
        min_age: SIGNER_MIN_AGE,
        earlier: &earlier,
    };
    let adult = build(Date::constant(1985, 7, 14), false, 123).unwrap();
    let minor = build(Date::constant(2005, 10, 1), true, 5).unwrap();
    let on = Date::constant(2023, 9, 20);
    let bad_check = format!(
        "{}{}",
        &adult[..11],
        (adult[11..].parse::<u32>().unwrap() + 1) % 10
    );
    let lines = vec![
        line(1, 1, &adult, village.clone(), on),
        line(1, 2, "12345", unit.clone(), on),
        line(1, 3, &bad_check, unit.clone(), on),
        line(1, 4, &minor, unit.clone(), on),
        line(
            1,
            5,
            &build(Date::constant(1960, 3, 3), false, 9).unwrap(),
            elsewhere,
            on,
        ),
        line(
            2,
            1,
            &build(Date::constant(1961, 3, 3), false, 9).unwrap(),
            unit.clone(),
            Date::constant(2023, 10, 6),
        ),
        line(2, 2, &adult, unit.clone(), on),
        line(2, 3, earlier.iter().next().unwrap(), unit.clone(), on),
    ];
    let v = verify(&lines, &facts);
    let c = v.counts;
    assert_eq!((c.sheets, c.lines, c.valid), (2, 8, 1), "{:?}", v.findings);
    assert_eq!(
        (
            c.iin_malformed,
            c.iin_check_digit,
            c.under_age,
            c.outside_unit,
            c.outside_window,
            c.duplicate
        ),
        (1, 1, 1, 1, 1, 2)
    );
    let at = |sheet, n| {
        v.findings
            .iter()
            .find(|f| (f.sheet, f.line) == (sheet, n))
            .map(|f| f.grounds.clone())
    };
    assert_eq!(at(1, 1), None);
    assert_eq!(at(1, 4), Some(vec![Ground::UnderAge { age: 17 }]));
    assert_eq!(
        at(2, 2),
        Some(vec![Ground::Duplicate { sheet: 1, line: 1 }])
    );
    assert_eq!(
        at(2, 3),
        Some(vec![Ground::Duplicate { sheet: 0, line: 0 }])
    );
    assert_eq!(at(2, 1), Some(vec![Ground::OutsideWindow]));
}

#[test]
fn eighteenth_birthday_counts() {
    let unit = code("154800000");
    let units: HashSet<TerritoryCode> = [unit.clone()].into();
    let earlier = HashSet::new();
    let facts = Facts {
        unit: &units,
        window: CollectionDates {
            from: Date::constant(2023, 9, 1),
            to: Date::constant(2023, 10, 5),
        },
        min_age: SIGNER_MIN_AGE,
        earlier: &earlier,
    };
    // Two people born the same day: one signs the day before the 18th birthday, one on it.
    let first = build(Date::constant(2005, 9, 20), false, 1).unwrap();
    let second = build(Date::constant(2005, 9, 20), true, 2).unwrap();
    let v = verify(
        &[
            line(1, 1, &first, unit.clone(), Date::constant(2023, 9, 19)),
            line(1, 2, &second, unit.clone(), Date::constant(2023, 9, 20)),
        ],
        &facts,
    );
    assert_eq!((v.counts.valid, v.counts.under_age), (1, 1));
}

#[test]
fn lines_are_checked_as_text_and_numbered_once() {
    let unit = code("154800000");
    let good = line(
        1,
        1,
        "850714401230",
        unit.clone(),
        Date::constant(2023, 9, 20),
    );
    let mut bad = good.clone();
    bad.sheet = 0;
    bad.surname = " ".into();
    bad.address = "<script>".into();
    let errors = validate_lines(&[good.clone(), bad, good.clone()]).unwrap_err();
    let fields: Vec<(usize, Vec<&str>)> = errors
        .iter()
        .map(|(i, e)| (*i, e.0.iter().map(|f| f.field.as_str()).collect()))
        .collect();
    assert_eq!(
        fields,
        vec![(1, vec!["sheet", "surname", "address"]), (2, vec!["line"])]
    );
    assert_eq!(
        errors[1].1.0[0].rule,
        Rule::SignatureLineRepeated { sheet: 1, line: 1 }
    );
}

#[test]
fn thresholds_and_retention() {
    let from = erasable_from(Date::constant(2023, 11, 5), 365);
    assert_eq!(from, Date::constant(2024, 11, 4));
    assert!(check_erase(Date::constant(2024, 11, 3), from).is_err());
    assert!(check_erase(from, from).is_ok());
}

#[test]
fn canonical_lines_are_one_json_object_per_line() {
    let l = line(
        1,
        2,
        "850714401230",
        code("154800000"),
        Date::constant(2023, 9, 20),
    );
    let bytes = canonical_lines(&[l]);
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        "{\"sheet\":1,\"line\":2,\"surname\":\"Сапарова\",\"given_name\":\"Айгүл\",\"patronymic\":\"Қайратқызы\",\"iin\":\"850714401230\",\"address\":\"с. Ойыл, ул. Абая, 5\",\"territory_code\":\"154800000\",\"signed_on\":\"2023-09-20\"}\n"
    );
}
