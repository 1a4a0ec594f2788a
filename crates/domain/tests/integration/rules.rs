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

proptest! {
    #[test]
    fn any_nine_digits_is_a_code_and_nothing_else_is(s in "\\PC{0,12}") {
        let ok = s.trim().len() == 9 && s.trim().bytes().all(|b| b.is_ascii_digit());
        prop_assert_eq!(TerritoryCode::parse(&s).is_ok(), ok);
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
        prop_assert_eq!(child.validate_new(false, Some(&parent)).is_ok(), kind.allowed_parents().contains(&pk));
    }

    #[test]
    fn validation_never_panics_on_any_text(ru in "\\PC{0,300}", kk in ".{0,300}", addr in ".{0,600}", voters in any::<u32>(), number in any::<u32>()) {
        let t = Territory { code: TerritoryCode::parse("100000000").unwrap(), parent_code: None, kind: TerritoryKind::Region, names: Names { ru, kk, en: String::new() } };
        let _ = t.validate_new(false, None);
        let p = NewPrecinct { number, territory_code: t.code.clone(), address: addr, voters };
        let _ = p.validate(Some(&t), Some(&t.code), false);
    }
}
