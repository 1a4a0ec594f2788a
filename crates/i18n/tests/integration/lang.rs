//! Languages, codes and Accept-Language negotiation.

use sailau_i18n::{Lang, negotiate, negotiate_among};

#[test]
fn codes_and_names() {
    assert_eq!(Lang::ALL, [Lang::Ru, Lang::Kk, Lang::En]);
    assert_eq!(Lang::DEFAULT, Lang::Ru);
    assert_eq!(Lang::default(), Lang::Ru);
    let codes: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(codes, ["ru", "kk", "en"]);
    let names: Vec<_> = Lang::ALL.iter().map(|l| l.native_name()).collect();
    assert_eq!(names, ["Русский", "Қазақша", "English"]);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        assert_eq!(lang.to_string(), lang.code());
    }
    assert_eq!(Lang::from_code("KK"), Some(Lang::Kk));
    assert_eq!(Lang::from_code("kk-KZ"), Some(Lang::Kk));
    assert_eq!(Lang::from_code("ru_RU"), Some(Lang::Ru));
    assert_eq!(Lang::from_code(" en "), Some(Lang::En));
    assert_eq!(Lang::from_code("de"), None);
    assert_eq!(Lang::from_code(""), None);
    assert_eq!(Lang::from_code("kkk"), None);
    assert!("fr".parse::<Lang>().is_err());
}

#[test]
fn serde_uses_the_code() {
    assert_eq!(serde_json::to_string(&Lang::Kk).unwrap(), "\"kk\"");
    assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
    assert!(serde_json::from_str::<Lang>("\"Kk\"").is_err());
}

#[test]
fn integers_are_grouped_by_language() {
    assert_eq!(Lang::Ru.format_count(1_062_327), "1\u{a0}062\u{a0}327");
    assert_eq!(Lang::Kk.format_count(17), "17");
    assert_eq!(Lang::En.format_count(1_491), "1,491");
    assert_eq!(Lang::En.format_integer(-1_000), "-1,000");
    assert_eq!(
        Lang::Ru.format_integer(i64::MIN),
        "-9\u{a0}223\u{a0}372\u{a0}036\u{a0}854\u{a0}775\u{a0}808"
    );
    assert_eq!(
        Lang::En.format_count(u64::MAX),
        "18,446,744,073,709,551,615"
    );
    // Any plain number, by reference too (as askama passes template fields).
    let (share, count) = (62.79, 1_491u32);
    let by_ref = &count;
    assert_eq!(Lang::Ru.format_number(share), "62,79");
    assert_eq!(Lang::En.format_number(by_ref), "1,491");
    assert_eq!(Lang::Kk.format_number("12345"), "12\u{a0}345");
    assert_eq!(Lang::Kk.format_number("115600000-x"), "115600000-x");
    assert_eq!(Lang::En.format_number(f64::INFINITY), "inf");
}

#[test]
fn accept_language() {
    let cases: &[(Option<&str>, Lang)] = &[
        (None, Lang::Ru),
        (Some(""), Lang::Ru),
        (Some("kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.7"), Lang::Kk),
        (Some("en-US,en;q=0.9"), Lang::En),
        (Some("de-DE,de;q=0.9"), Lang::Ru),
        (Some("de, en;q=0.5"), Lang::En),
        (Some("kk;q=0, en;q=0.1"), Lang::En),
        (Some("en;q=0.3, kk;q=0.7"), Lang::Kk),
        (Some("ru;q=0.5, kk;q=0.5"), Lang::Ru),
        (Some("*"), Lang::Ru),
        (Some("en;q=abc, kk;q=0.5"), Lang::Kk),
        (Some("en;q=1.5, kk;q=0.2"), Lang::Kk),
        (Some("EN-gb"), Lang::En),
        (Some(" kk ; q=0.8 , ru ; q=0.2"), Lang::Kk),
        (Some(";;;,,,=q"), Lang::Ru),
        (Some("en;q=0"), Lang::Ru),
        (Some("zh-Hant, *;q=0.1, en;q=0.05"), Lang::Ru),
        // BCP 47 matching (fluent-langneg): script and region subtags, any case.
        (Some("kk-Cyrl-KZ, ru;q=0.5"), Lang::Kk),
        (Some("de-AT, ru-KZ;q=0.9, en;q=0.8"), Lang::Ru),
        (Some("en-GB;q=0.9, kk-kz;q=0.95"), Lang::Kk),
        (Some("q"), Lang::Ru),
        (Some(";q"), Lang::Ru),
        (Some("en;q="), Lang::Ru),
    ];
    for (header, want) in cases {
        assert_eq!(negotiate(*header), *want, "{header:?}");
    }
    // A huge header is handled without trouble.
    let long = "de;q=0.9,".repeat(10_000) + "en";
    assert_eq!(negotiate(Some(&long)), Lang::Ru);
}

#[test]
fn accept_language_among_ours_or_none() {
    // What the JSON API reads: a header naming none of ru, kk, en (or only `*`) picks nothing, so
    // the answer is as without the header; pages keep `negotiate`'s Russian for these.
    let cases: &[(&str, Option<Lang>)] = &[
        ("fr", None),
        ("*", None),
        ("fr-FR, de;q=0.8, *;q=0.5", None),
        ("", None),
        (";;;,,,=q", None),
        ("en;q=0", None),
        ("kk;q=0, ru;q=0", None),
        ("fr, en;q=0.5", Some(Lang::En)),
        ("*, kk;q=0.1", Some(Lang::Kk)),
        ("zh-Hant, *;q=0.1, en;q=0.05", Some(Lang::En)),
        ("ru", Some(Lang::Ru)),
        ("kk-Cyrl-KZ, ru;q=0.5", Some(Lang::Kk)),
        ("EN-gb", Some(Lang::En)),
        ("en;q=0.3, kk;q=0.7", Some(Lang::Kk)),
    ];
    for (header, want) in cases {
        assert_eq!(negotiate_among(header), *want, "{header:?}");
        // Where it picks a language, pages pick the same one.
        if let Some(lang) = want
            && !header.contains('*')
        {
            assert_eq!(negotiate(Some(header)), *lang, "{header:?}");
        }
    }
    assert_eq!(negotiate(Some("fr")), Lang::Ru);
    assert_eq!(negotiate(Some("*")), Lang::Ru);
    let long = "de;q=0.9,".repeat(10_000) + "en";
    assert_eq!(negotiate_among(&long), None);
}
