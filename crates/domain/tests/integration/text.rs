//! Issue 6: one normalizer for human-entered text, numbers as people write them, KATO structure,
//! party names that cannot look alike.

use sailau_domain::text::{TextKind, clean, name_key, parse_whole_number};
use sailau_domain::*;

fn territory(code: &str, parent: Option<&str>, kind: TerritoryKind) -> Territory {
    Territory {
        code: TerritoryCode::parse(code).unwrap(),
        parent_code: parent.map(|p| TerritoryCode::parse(p).unwrap()),
        kind,
        names: Names {
            ru: "Село".into(),
            kk: "Ауыл".into(),
            en: String::new(),
        },
    }
}

fn rule_of(field: &str, value: &str, kind: TextKind) -> Option<Rule> {
    clean(field, value, kind, 200)
        .err()
        .map(|e| e.0[0].rule.clone())
}

#[test]
fn text_is_stored_in_nfc_and_normalizing_twice_changes_nothing() {
    let decomposed = "Каи\u{0306}ынды";
    let composed = "Кайынды";
    assert_ne!(decomposed, composed);
    let once = clean("name_ru", decomposed, TextKind::Name, 200).unwrap();
    assert_eq!(once, composed);
    assert_eq!(clean("name_ru", &once, TextKind::Name, 200).unwrap(), once);
    assert_eq!(
        clean("name_ru", "  Ақтоғай ауданы ", TextKind::Name, 200).unwrap(),
        "Ақтоғай ауданы"
    );
}

#[test]
fn control_bidi_and_zero_width_characters_are_refused() {
    assert_eq!(
        rule_of("name_ru", "Село\u{0}", TextKind::Name),
        Some(Rule::TextControlChars)
    );
    assert_eq!(
        rule_of("address", "ул. Абая\n12", TextKind::Address),
        Some(Rule::TextControlChars)
    );
    for c in [
        '\u{202E}', '\u{2066}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{00AD}',
    ] {
        assert_eq!(
            rule_of("name_ru", &format!("Се{c}ло"), TextKind::Name),
            Some(Rule::TextInvisibleChars),
            "{:?}",
            c
        );
        assert_eq!(
            rule_of("note", &format!("Се{c}ло"), TextKind::FreeText),
            Some(Rule::TextInvisibleChars)
        );
    }
}

#[test]
fn a_name_cannot_hold_markup() {
    assert_eq!(
        rule_of(
            "name_ru",
            "<img src=x onerror=alert(1)>Село",
            TextKind::Name
        ),
        Some(Rule::TextCharNotAllowed {
            character: "<".into()
        })
    );
    // Addresses hold what they need; free text anything visible.
    assert!(rule_of("address", "ул. Абая, 12/3; кв. № 5", TextKind::Address).is_none());
    assert!(rule_of("note", "<b>ok</b>", TextKind::FreeText).is_none());
    assert!(rule_of("name_ru", "Партия «AMANAT»", TextKind::Name).is_none());
    assert!(
        rule_of(
            "name_kk",
            "«Ақ жол» Қазақстан демократиялық партиясы",
            TextKind::Name
        )
        .is_none()
    );
}

#[test]
fn a_word_mixing_latin_and_cyrillic_look_alikes_is_refused() {
    // Latin A and o inside a Cyrillic word.
    assert_eq!(
        rule_of("name_ru", "Aктoгайский район", TextKind::Name),
        Some(Rule::TextMixedScript {
            word: "Aктoгайский".into()
        })
    );
    assert!(rule_of("name_ru", "Актогайский район", TextKind::Name).is_none());
    // Different words in different scripts are fine.
    assert!(rule_of("name_ru", "Партия Respublica", TextKind::Name).is_none());
    // The rule is applied by the registry types.
    let mut t = territory("154800000", None, TerritoryKind::Region);
    t.names.ru = "Aктoгайский район".into();
    let e = t.validate_new(false, None).unwrap_err();
    assert_eq!(
        e.for_field("name_ru").unwrap().rule.key(),
        "text-mixed-script"
    );
}

#[test]
fn numbers_are_read_as_people_write_them() {
    for s in ["1000", "1 000", "1\u{a0}000", "1\u{202f}000", " 1 000 "] {
        assert_eq!(parse_whole_number(s), Ok(1000), "{s:?}");
    }
    assert_eq!(parse_whole_number("1,5"), Err(Rule::NumberNotWhole));
    assert_eq!(precinct::parse_voters("1 000"), Ok(1000));
    assert_eq!(precinct::parse_voters("1,5"), Err(Rule::NumberNotWhole));
    assert_eq!(precinct::parse_number("1\u{a0}552"), Ok(1552));
    assert_eq!(precinct::parse_number("0"), Err(Rule::PrecinctNumberFormat));
}

#[test]
fn a_territory_code_must_fit_its_parent() {
    let aktobe = territory("150000000", None, TerritoryKind::Region);
    let akmola = territory("110000000", None, TerritoryKind::Region);
    let uil = territory("155200000", Some("150000000"), TerritoryKind::District);
    assert!(uil.validate_new(false, Some(&aktobe)).is_ok());
    // A village coded 999999999, or with the Akmola prefix, under Uil district.
    for bad in ["999999999", "111200001", "155200000"] {
        let v = territory(bad, Some("155200000"), TerritoryKind::Village);
        let e = v.validate_new(false, Some(&uil)).unwrap_err();
        assert_eq!(
            e.for_field("code").unwrap().rule,
            Rule::CodeParentMismatch {
                prefix: "1552".into(),
                digits: 4
            },
            "{bad}"
        );
    }
    let village = territory("155200001", Some("155200000"), TerritoryKind::Village);
    assert!(village.validate_new(false, Some(&uil)).is_ok());
    let okrug = territory("155230000", Some("155200000"), TerritoryKind::RuralOkrug);
    assert!(okrug.validate_new(false, Some(&uil)).is_ok());
    let in_okrug = territory("155230100", Some("155230000"), TerritoryKind::Village);
    assert!(in_okrug.validate_new(false, Some(&okrug)).is_ok());
    // A district must not carry digits of a lower level, nor another region's prefix.
    let d = territory("155212000", Some("150000000"), TerritoryKind::District);
    assert!(d.validate_new(false, Some(&aktobe)).is_err());
    let d = territory("115200000", Some("150000000"), TerritoryKind::District);
    assert!(d.validate_new(false, Some(&aktobe)).is_err());
    // A region is two digits followed by zeros.
    let r = territory("151000000", None, TerritoryKind::Region);
    assert!(r.validate_new(false, None).is_err());
    let _ = akmola;
}

#[test]
fn every_demo_territory_fits_its_parent() {
    let csv = include_str!("../../../../data/demo/territories.csv");
    let mut known = std::collections::HashMap::new();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let t = territory(
            cells[0],
            Some(cells[1]).filter(|p| !p.is_empty()),
            cells[2].parse().unwrap(),
        );
        let t = Territory {
            names: Names {
                ru: cells[3].into(),
                kk: cells[4].into(),
                en: cells[5].into(),
            },
            ..t
        };
        let parent = t.parent_code.as_ref().map(|p| known.get(p).unwrap());
        let ok = t.validate_new(false, parent).unwrap();
        assert_eq!(ok, t, "normalizing demo data changes nothing");
        known.insert(t.code.clone(), t);
    }
    assert_eq!(known.len(), 63);
}

#[test]
fn party_names_are_compared_after_confusable_folding() {
    let amanat = Party {
        code: PartyCode::parse("amanat").unwrap(),
        name_ru: "Партия «AMANAT»".into(),
        name_kk: "«AMANAT» партиясы".into(),
        name_en: String::new(),
        short_name: "AMANAT".into(),
    };
    assert_eq!(name_key("АМАНАТ"), name_key("AMANAT"));
    for short in ["AMANAT", "АМАНАТ", "amanat", "Amanat"] {
        let twin = Party {
            code: PartyCode::parse("twin").unwrap(),
            name_ru: "Другая партия".into(),
            name_kk: "Басқа партия".into(),
            name_en: String::new(),
            short_name: short.into(),
        };
        let e = twin
            .validate_with(false, std::slice::from_ref(&amanat))
            .unwrap_err();
        assert_eq!(
            e.for_field("short_name").unwrap().rule,
            Rule::PartyNameTaken {
                name: "AMANAT".into()
            },
            "{short}"
        );
    }
    // Mixed Cyrillic and Latin letters in one word are refused outright.
    let mixed = Party {
        short_name: "АМАNАТ".into(),
        code: PartyCode::parse("mixed").unwrap(),
        ..amanat.clone()
    };
    assert_eq!(
        mixed.validate(false).unwrap_err().0[0].rule.key(),
        "text-mixed-script"
    );
    // Updating a party does not clash with itself.
    assert!(
        amanat
            .validate_with(false, std::slice::from_ref(&amanat))
            .is_ok()
    );
}

#[test]
fn every_demo_party_passes_and_none_clashes() {
    let csv = include_str!("../../../../data/demo/parties.csv");
    let mut parties: Vec<Party> = Vec::new();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let p = Party {
            code: PartyCode::parse(cells[0]).unwrap(),
            name_ru: cells[1].into(),
            name_kk: cells[2].into(),
            name_en: cells[4].into(),
            short_name: cells[3].into(),
        };
        assert_eq!(p.validate_with(false, &parties).unwrap(), p);
        parties.push(p);
    }
    assert_eq!(parties.len(), 7);
}
