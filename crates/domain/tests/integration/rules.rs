use jiff::civil::date;
use proptest::prelude::*;
use sailau_domain::*;

fn names() -> Names {
    Names {
        ru: "Уилский район".into(),
        kk: "Ойыл ауданы".into(),
        en: "Uil District".into(),
    }
}

fn territory(code: &str, parent: Option<&str>, kind: TerritoryKind) -> Territory {
    Territory {
        code: TerritoryCode::parse(code).unwrap(),
        parent_code: parent.map(|p| TerritoryCode::parse(p).unwrap()),
        kind,
        names: names(),
    }
}

#[test]
fn kato_codes_are_nine_digits() {
    assert!(TerritoryCode::parse("154800000").is_ok());
    for bad in ["15480000", "1548000000", "15480000a", "", " "] {
        assert_eq!(TerritoryCode::parse(bad), Err(Rule::CodeFormat), "{bad:?}");
    }
}

#[test]
fn hierarchy_rules_name_the_field_and_the_rule() {
    let region = territory("150000000", None, TerritoryKind::Region);
    let district = territory("154800000", Some("150000000"), TerritoryKind::District);
    assert!(district.validate_new(false, Some(&region)).is_ok());
    // A district without a parent.
    let orphan = territory("154800000", None, TerritoryKind::District);
    let e = orphan.validate_new(false, None).unwrap_err();
    assert_eq!(e.0[0].field, "parent_code");
    assert_eq!(e.0[0].rule.key(), "parent-kind-invalid");
    // A region under a district.
    let wrong = territory("160000000", Some("154800000"), TerritoryKind::Region);
    let e = wrong.validate_new(false, Some(&district)).unwrap_err();
    assert_eq!(
        e.for_field("parent_code").unwrap().rule.key(),
        "parent-kind-invalid"
    );
    // Parent that does not exist, code taken, empty Kazakh name: all reported at once.
    let mut bad = territory("154800000", Some("150000000"), TerritoryKind::District);
    bad.names.kk = "  ".into();
    let e = bad.validate_new(true, None).unwrap_err();
    let keys: Vec<_> =
        e.0.iter()
            .map(|f| (f.field.as_str(), f.rule.key()))
            .collect();
    assert_eq!(
        keys,
        vec![
            ("code", "code-taken"),
            ("parent_code", "parent-missing"),
            ("name_kk", "field-required")
        ]
    );
}

#[test]
fn precincts_need_an_existing_non_region_territory_and_a_free_number() {
    let region = territory("150000000", None, TerritoryKind::Region);
    let district = territory("154800000", Some("150000000"), TerritoryKind::District);
    let p = NewPrecinct {
        number: 12,
        territory_code: district.code.clone(),
        address: "с. Уил, ул. Абая, 12".into(),
        voters: 1200,
    };
    let ok = p
        .validate(Some(&district), Some(&region.code), false)
        .unwrap();
    assert_eq!(ok.region_code, region.code);
    assert_eq!(
        p.validate(Some(&district), Some(&region.code), true)
            .unwrap_err()
            .0[0]
            .rule,
        Rule::PrecinctNumberTaken
    );
    assert_eq!(
        p.validate(None, None, false).unwrap_err().0[0].rule,
        Rule::TerritoryMissing
    );
    let e = p
        .validate(Some(&region), Some(&region.code), false)
        .unwrap_err();
    assert_eq!(e.0[0].rule.key(), "precinct-territory-kind");
    let mut big = p.clone();
    big.voters = 100_001;
    big.address = String::new();
    let e = big
        .validate(Some(&district), Some(&region.code), false)
        .unwrap_err();
    assert_eq!(e.0.len(), 2);
}

#[test]
fn people_are_born_between_1900_and_today() {
    let person = Person {
        id: PersonId(uuid::Uuid::nil()),
        surname: "Казыбаев".into(),
        given_name: "Аскар".into(),
        patronymic: String::new(),
        birth_date: date(1980, 5, 1),
        gender: Gender::Male,
    };
    assert!(person.validate(false, date(2023, 11, 5)).is_ok());
    assert_eq!(person.age_on(date(2023, 11, 5)), 43);
    let mut unborn = person.clone();
    unborn.birth_date = date(2030, 1, 1);
    assert_eq!(
        unborn.validate(false, date(2023, 11, 5)).unwrap_err().0[0].field,
        "birth_date"
    );
}

#[test]
fn scopes_parse_and_fit_their_roles() {
    for s in [
        "global",
        "territory:150000000",
        "precincts:150000000/1,150000000/2",
        "party:amanat",
        "party:amanat@154800000",
    ] {
        assert_eq!(Scope::parse(s).unwrap().to_string(), s);
    }
    assert!(Role::TerritorialCommission.accepts(&Scope::parse("territory:150000000").unwrap()));
    assert!(!Role::TerritorialCommission.accepts(&Scope::Global));
    assert!(!Role::PrecinctCommission.accepts(&Scope::Precincts { precincts: vec![] }));
    assert!(Scope::parse("planet:earth").is_err());
}

/// The hierarchy as the rules state it (rules.md: region → district or city of regional
/// significance → rural okrug, village, settlement, city of district significance; the cities of
/// republican significance have districts; villages and settlements may also sit in a rural
/// okrug), written out pair by pair rather than read from `allowed_parents`.
fn may_sit_under(child: TerritoryKind, parent: TerritoryKind) -> bool {
    use TerritoryKind::*;
    const PAIRS: &[(TerritoryKind, TerritoryKind)] = &[
        (District, Region),
        (District, RepublicanCity),
        (RegionalCity, Region),
        (RuralOkrug, District),
        (RuralOkrug, RegionalCity),
        (Village, District),
        (Village, RegionalCity),
        (Village, RuralOkrug),
        (Settlement, District),
        (Settlement, RegionalCity),
        (Settlement, RuralOkrug),
        (DistrictCity, District),
    ];
    PAIRS.contains(&(child, parent))
}

/// Text that mostly passes the text rules, sometimes breaks one: empty, blank, too long, or a
/// control character.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі0-9 «»\"'\\-]{1,40}",
        1 => Just(String::new()),
        1 => " {1,3}",
        1 => "[а-я]{1,5}[\u{0}-\u{1f}\u{7f}][а-я]{1,5}",
        1 => proptest::collection::vec(Just('ж'), max + 1..max + 3).prop_map(|v| v.into_iter().collect()),
    ]
}

/// What the text rules say of a value, decided without the code under test: `None` when it
/// breaks them, otherwise the stored (trimmed) text.
fn text_oracle(value: &str, required: bool, max: usize) -> Option<String> {
    let trimmed = value.trim_matches(|c: char| c.is_whitespace());
    let ok = !(required && trimmed.is_empty())
        && trimmed.chars().count() <= max
        && !trimmed
            .chars()
            .any(|c| (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)));
    ok.then(|| trimmed.to_owned())
}

proptest! {
    /// Nine ASCII digits, with or without surrounding blanks, make a code that keeps the digits.
    #[test]
    fn nine_digits_are_a_code(digits in "[0-9]{9}", before in " {0,2}", after in "[ \t]{0,2}") {
        let code = TerritoryCode::parse(&format!("{before}{digits}{after}")).unwrap();
        prop_assert_eq!(code.as_str(), digits.as_str());
    }

    /// Too few or too many digits, or one character that is not an ASCII digit, is refused.
    #[test]
    fn anything_but_nine_digits_is_refused(
        digits in "[0-9]{9}",
        n in prop_oneof![0usize..9, 10usize..14],
        at in 0usize..9,
        bad in "[^0-9 \t\n\r]",
    ) {
        let wrong_length: String = digits.chars().cycle().take(n).collect();
        prop_assert_eq!(TerritoryCode::parse(&wrong_length), Err(Rule::CodeFormat));
        let mut chars: Vec<String> = digits.chars().map(String::from).collect();
        chars[at] = bad.clone();
        let replaced = chars.concat();
        prop_assert_eq!(TerritoryCode::parse(&replaced), Err(Rule::CodeFormat), "{:?}", replaced);
    }

    #[test]
    fn every_kind_accepts_exactly_its_allowed_parents(k in 0usize..8, p in 0usize..8) {
        let kind = TerritoryKind::ALL[k];
        let pk = TerritoryKind::ALL[p];
        // Codes that fit the KATO levels of both kinds, so only the kinds decide.
        let code_at = |n: usize| format!("{:0<9}", &"101010100"[..n]);
        let parent = territory(&code_at(pk.code_digits()), None, pk);
        let child = territory(
            &code_at(kind.code_digits().max(pk.code_digits())),
            Some(&code_at(pk.code_digits())),
            kind,
        );
        prop_assert_eq!(child.validate_new(false, Some(&parent)).is_ok(), may_sit_under(kind, pk), "{} under {}", kind, pk);
    }

    /// Names are accepted exactly when the text rules allow them, and stored trimmed.
    #[test]
    fn territory_names_follow_the_text_rules(ru in text(200), kk in text(200), en in text(200)) {
        let t = Territory {
            code: TerritoryCode::parse("100000000").unwrap(),
            parent_code: None,
            kind: TerritoryKind::Region,
            names: Names { ru: ru.clone(), kk: kk.clone(), en: en.clone() },
        };
        let want = (text_oracle(&ru, true, 200), text_oracle(&kk, true, 200), text_oracle(&en, false, 200));
        match (t.validate_new(false, None), want) {
            (Ok(v), (Some(ru), Some(kk), Some(en))) => prop_assert_eq!(v.names, Names { ru, kk, en }),
            (Err(e), want) => {
                prop_assert!(want.0.is_none() || want.1.is_none() || want.2.is_none(), "refused valid names: {:?}", e);
                let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
                prop_assert_eq!(fields.contains(&"name_ru"), want.0.is_none());
                prop_assert_eq!(fields.contains(&"name_kk"), want.1.is_none());
                prop_assert_eq!(fields.contains(&"name_en"), want.2.is_none());
            }
            (Ok(v), want) => prop_assert!(false, "accepted {:?}, the rules say {:?}", v.names, want),
        }
    }

    /// A precinct is accepted exactly when its number, voters and address are within the rules.
    #[test]
    fn precinct_fields_follow_their_ranges(
        number in prop_oneof![8 => 1u32..=99_999, 1 => Just(0u32), 1 => 100_000u32..],
        voters in prop_oneof![8 => 0u32..=100_000, 1 => 100_001u32..],
        address in text(500),
    ) {
        let region = territory("100000000", None, TerritoryKind::Region);
        let district = territory("101000000", Some("100000000"), TerritoryKind::District);
        let p = NewPrecinct { number, territory_code: district.code.clone(), address: address.clone(), voters };
        let got = p.validate(Some(&district), Some(&region.code), false);
        let number_ok = (1..=99_999).contains(&number);
        let voters_ok = voters <= 100_000;
        let address_ok = text_oracle(&address, true, 500);
        match got {
            Ok(v) => {
                prop_assert!(number_ok && voters_ok && address_ok.is_some());
                prop_assert_eq!(Some(v.address), address_ok);
                prop_assert_eq!((v.number, v.voters, v.region_code), (number, voters, region.code));
            }
            Err(e) => {
                let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
                prop_assert_eq!(fields.contains(&"number"), !number_ok);
                prop_assert_eq!(fields.contains(&"voters"), !voters_ok);
                prop_assert_eq!(fields.contains(&"address"), address_ok.is_none());
            }
        }
    }
}
