//! Every message formats without errors, plurals and numbers come out right, and nothing panics.

use sailau_i18n::{Arg, Lang};

use crate::catalog;

const NUMERIC: &[&str] = &[
    "count",
    "seconds",
    "max",
    "min",
    "line",
    "index",
    "size",
    "number",
    "page",
    "pages",
    "status",
    "from",
    "to",
    "voters",
    "to",
    "digits",
    "cells",
    "registered",
    "age",
    "amount",
    "required",
    "valid",
    "units",
    // i11-sign
    "lines",
    "sheet",
    "mandate",
    "needed",
    "round",
    "attending",
    // i13-pages, i13-pipeline, i12-day, i12-results
    "base",
    "candidates",
    "elected",
    "half",
    "members",
    "total",
    "value",
    "voted",
    "votes",
    // i13-finish
    "held",
    "pending",
    "overdue",
    "nominations",
    "seats",
    // i14-primaries
    "years",
    "issued",
    "organizations",
    "women",
    "young",
    // malformed API bodies
    "column",
];
const KINDS: &[&str] = &[
    "region",
    "republican_city",
    "district",
    "regional_city",
    "rural_okrug",
    "village",
    "settlement",
    "district_city",
];

/// A plausible value for a variable, by its name.
fn plausible(name: &str, n: u64, kind: &'static str) -> Arg<'static> {
    match name {
        _ if NUMERIC.contains(&name) => n.into(),
        "kind" | "parent_kind" => kind.into(),
        "username" => "akmola.tik".into(),
        "query" => "Шортанды".into(),
        "territory" => "Акмолинская область".into(),
        "party" => "amanat".into(),
        "precincts" => "№ 1 (Акмолинская область), № 2 (Акмолинская область)".into(),
        "band" => "45-54".into(),
        "header" | "expected" => "number,territory_code,address,voters".into(),
        "reason" => "voters: a whole number from 0 to 100000".into(),
        "field" => "Адрес".into(),
        "message" => "Заполните это поле.".into(),
        "action" => "добавление избирательного участка".into(),
        "actor" => "akmola.tik".into(),
        "role" => "Наблюдатель".into(),
        "name" => "Шортандинский район".into(),
        "code" => "114400000".into(),
        "region" => "Акмолинская область".into(),
        "address" => "п. Шортанды, ул. Абылай хана, 12".into(),
        "precinct" => "№ 123 (Акмолинская область)".into(),
        "scope" => "Без ограничений".into(),
        "active" => "no".into(),
        "version" => "0.1.0".into(),
        "commit" => "1a2b3c4d5e6f".into(),

        "character" => "<".into(),
        "word" => "Aктoгайский".into(),
        "prefix" => "1552".into(),
        "cell" => "A2".into(),
        "found" => "date".into(),
        "encoding" => "Windows-1251".into(),
        "text" => "А?то?ай ауданы".into(),
        // i11-print
        "against" => "Против всех".into(),
        // i11-core
        "window" => "registration".into(),
        "date" | "day" | "election_day" => "10.10.2023".into(),
        "time" => "18:00".into(),
        "key" => "calendar.registration_closes_time".into(),
        "problem" => "time".into(),
        "level" => "district".into(),
        "unit" => "155200000".into(),
        "route" => "self_nominated".into(),
        "qualification" => "citizenship".into(),
        "document" => "deposit_receipt".into(),
        "allowed" => "application/pdf, image/jpeg, image/png".into(),
        "year" => "2023".into(),
        "ground" => "qualification_requirements".into(),
        "present" => "yes".into(),
        "state" => "registered".into(),
        "contest" | "nomination" | "person" => "01900000-0000-7000-8000-000000000b01".into(),
        // i13-party
        "ordinal" => "L (50-я)".into(),
        "branch" => "Уилский район".into(),
        // i11-sign
        "sheet" => n.into(),
        // i11-web
        "when" => "10.10.2023 в 18:00".into(),
        "zone" => "Asia/Oral".into(),
        "offset" => "UTC+5".into(),
        "body" => "L (50-я) внеочередная конференция Уилского районного филиала".into(),
        "share" => n.into(),
        "first" | "second" | "candidate" | "member" => "ТОҚАЕВ Қасым-Жомарт".into(),
        "card" => "SYN-UIL-0001".into(),
        // A registration number is a label, never grouped.
        "registration" => "12".into(),
        "conference" => "L (50-я) внеочередная конференция".into(),
        "missing" => "№ 501, № 502".into(),
        "mode" => "open".into(),
        "rule" => "present".into(),
        "title" => "Выборы акима Уилского района".into(),
        "kk" => "Алынған бюллетеньдер саны сәйкес емес".into(),
        "ru" => "Число полученных бюллетеней не сходится".into(),
        "en" => "Ballots received do not balance".into(),
        // i11-finish: the simulated clock's banner
        "start" | "now" => "01.10.2023 10:00".into(),
        // i12-pages: election-day pages
        "opens" => "05.11.2023 в 07:00".into(),
        "closes" => "20:00".into(),
        "format" => "PDF".into(),
        // i14-primaries
        "gender" => "female".into(),
        "hash" => "ee7478ad151eaead665900ff0c78e4906edd1a6900936a8e437cfdf14271704e".into(),
        "names" => "trustee-1, trustee-3".into(),
        // API problem documents: what a 404 names
        "id" => "631010000".into(),
        // API problem documents: an unknown endpoint's path, a failure's reference
        "path" => "/api/v1/nothing".into(),
        "reference" => "3f9a0c1d2b7e".into(),
        other => panic!("no plausible value for ${other}: add one to this test"),
    }
}

#[test]
fn every_message_formats_without_errors() {
    let catalog = catalog();
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for key in catalog.keys(lang) {
            let vars = catalog.variables(lang, &key);
            for n in [0, 1, 2, 5, 11, 21, 22, 101, 1_491, 1_062_327] {
                for kind in KINDS {
                    let args: Vec<(&str, Arg<'_>)> = vars
                        .iter()
                        .map(|v| (v.as_str(), plausible(v, n, kind)))
                        .collect();
                    match catalog.try_tr_args(lang, &key, &args) {
                        Ok(text) => {
                            if text.trim().is_empty() || text.contains("{$") || text.contains('⟦')
                            {
                                problems.push(format!("{lang} `{key}`: {text:?}"));
                            }
                            if text.contains('\u{2068}') || text.contains('\u{2069}') {
                                problems
                                    .push(format!("{lang} `{key}`: isolation marks in {text:?}"));
                            }
                        }
                        Err(e) => problems.push(e.to_string()),
                    }
                }
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn numbers_given_as_text_format_like_numbers() {
    let catalog = catalog();
    for lang in Lang::ALL {
        for key in catalog.keys(lang) {
            let vars = catalog.variables(lang, &key);
            if !vars.iter().any(|v| NUMERIC.contains(&v.as_str())) {
                continue;
            }
            for n in [0u64, 1, 3, 7, 21, 100_000, 1_062_327] {
                let as_number: Vec<(&str, Arg<'_>)> = vars
                    .iter()
                    .map(|v| (v.as_str(), plausible(v, n, "district")))
                    .collect();
                let as_text: Vec<(&str, Arg<'_>)> = vars
                    .iter()
                    .map(|v| {
                        let arg = match plausible(v, n, "district") {
                            Arg::Num(_) => Arg::from(n.to_string()),
                            other => other,
                        };
                        (v.as_str(), arg)
                    })
                    .collect();
                assert_eq!(
                    catalog.tr_args(lang, &key, &as_number),
                    catalog.tr_args(lang, &key, &as_text),
                    "{lang} `{key}` with {n}"
                );
            }
        }
    }
}

#[test]
fn russian_plurals() {
    let c = catalog();
    let regions = |n: u64| c.tr_args(Lang::Ru, "count-regions", &[("count", n.into())]);
    assert_eq!(regions(1), "1 область");
    assert_eq!(regions(3), "3 области");
    assert_eq!(regions(17), "17 областей");
    assert_eq!(regions(21), "21 область");
    assert_eq!(regions(0), "0 областей");
    assert_eq!(regions(111), "111 областей");
    assert_eq!(
        c.tr_args(Lang::Ru, "count-voters", &[("count", 1_062_327.into())]),
        "1\u{a0}062\u{a0}327 избирателей"
    );
    assert_eq!(
        c.tr_args(Lang::Ru, "count-precincts", &[("count", 1_491.into())]),
        "1\u{a0}491 избирательный участок"
    );
    assert_eq!(
        c.tr_args(Lang::Ru, "count-precincts", &[("count", 1_492.into())]),
        "1\u{a0}492 избирательных участка"
    );
    assert_eq!(
        c.tr_args(Lang::Ru, "field-too-long", &[("max", "21".into())]),
        "Не длиннее 21 символа."
    );
    assert_eq!(
        c.tr_args(Lang::Ru, "field-too-long", &[("max", "200".into())]),
        "Не длиннее 200 символов."
    );
    assert_eq!(
        c.tr_args(Lang::Ru, "stat-parties", &[("count", 7.into())]),
        "политических партий"
    );
}

#[test]
fn kazakh_keeps_the_noun_singular_after_a_numeral() {
    let c = catalog();
    assert_eq!(
        c.tr_args(Lang::Kk, "count-regions", &[("count", 17.into())]),
        "17 облыс"
    );
    assert_eq!(
        c.tr_args(Lang::Kk, "count-voters", &[("count", 1_062_327.into())]),
        "1\u{a0}062\u{a0}327 сайлаушы"
    );
    assert_eq!(
        c.tr_args(
            Lang::Kk,
            "csv-row-invalid",
            &[("line", 1_234.into()), ("reason", "x".into())]
        ),
        "1234-жол: x"
    );
}

#[test]
fn english_plurals_and_grouping() {
    let c = catalog();
    assert_eq!(
        c.tr_args(Lang::En, "count-parties", &[("count", 1.into())]),
        "1 party"
    );
    assert_eq!(
        c.tr_args(Lang::En, "count-parties", &[("count", 7.into())]),
        "7 parties"
    );
    assert_eq!(
        c.tr_args(Lang::En, "count-voters", &[("count", 1_062_327.into())]),
        "1,062,327 voters"
    );
    assert_eq!(
        c.tr_args(Lang::En, "voters-out-of-range", &[("max", "100000".into())]),
        "The number of voters is a whole number from 0 to 100,000."
    );
}

#[test]
fn identifying_numbers_are_not_grouped() {
    let c = catalog();
    assert_eq!(
        c.tr_args(Lang::Ru, "precinct-heading", &[("number", 1_234.into())]),
        "Избирательный участок № 1234"
    );
    assert_eq!(
        c.tr_args(
            Lang::En,
            "ledger-entry-heading",
            &[("index", 100_000.into())]
        ),
        "Ledger entry No. 100000"
    );
}

#[test]
fn territory_kinds_are_declined_in_rule_messages() {
    let c = catalog();
    let parent = |lang, kind: &str, parent: &str| {
        c.tr_args(
            lang,
            "parent-kind-invalid",
            &[("kind", kind.into()), ("parent_kind", parent.into())],
        )
    };
    assert_eq!(
        parent(Lang::Ru, "rural_okrug", "region"),
        "Сельский округ не может входить в состав области."
    );
    assert_eq!(
        parent(Lang::Kk, "rural_okrug", "region"),
        "Ауылдық округ облыстың құрамына кіре алмайды."
    );
    assert_eq!(
        parent(Lang::En, "rural_okrug", "region"),
        "A rural okrug cannot be part of a region."
    );
    assert_eq!(
        parent(Lang::Ru, "district", "none"),
        "Район не может быть верхним уровнем: укажите вышестоящую территорию."
    );
    // Every known kind has its own wording: the raw code never shows through.
    for lang in Lang::ALL {
        for kind in KINDS {
            for parent_kind in KINDS.iter().chain(&["none"]) {
                let text = parent(lang, kind, parent_kind);
                assert!(
                    !quotes_raw(&text, kind) && !quotes_raw(&text, parent_kind),
                    "{lang}: {text}"
                );
            }
            let text = c.tr_args(lang, "precinct-territory-kind", &[("kind", (*kind).into())]);
            assert!(!quotes_raw(&text, kind), "{lang}: {text}");
        }
    }
    // An unknown value (say, an already translated name) is quoted as given.
    assert!(parent(Lang::En, "Район", "Облыс").contains("“Район”"));
}

/// Whether `text` shows `value` the way the fallback variant does (quoted, as given).
fn quotes_raw(text: &str, value: &str) -> bool {
    text.contains(&format!("«{value}»")) || text.contains(&format!("“{value}”"))
}

#[test]
fn missing_keys_and_arguments_never_panic() {
    let c = catalog();
    assert_eq!(c.tr(Lang::Ru, "no-such-key"), "⟦no-such-key⟧");
    assert_eq!(c.tr(Lang::Kk, ""), "⟦⟧");
    assert_eq!(
        c.tr_args(Lang::En, "no-such-key", &[("count", 1.into())]),
        "⟦no-such-key⟧"
    );
    // A forgotten argument shows where it belongs instead of failing.
    assert_eq!(
        c.tr(Lang::En, "admin-user-created"),
        "User {$username} created."
    );
    assert!(c.try_tr_args(Lang::En, "admin-user-created", &[]).is_err());
    assert!(c.try_tr_args(Lang::En, "no-such-key", &[]).is_err());
    // Odd values are formatted, not rejected.
    for value in ["", "-", "1e9", "NaN", "1.", ".5", "١٢٣", "<script>"] {
        let text = c.tr_args(Lang::Ru, "field-too-long", &[("max", value.into())]);
        assert!(text.starts_with("Не длиннее"), "{text}");
    }
    let text = c.tr_args(Lang::Ru, "count-regions", &[("count", f64::NAN.into())]);
    assert!(text.contains("NaN"), "{text}");
    let text = c.tr_args(Lang::En, "count-regions", &[("count", (-3).into())]);
    assert_eq!(text, "-3 regions");
}

#[test]
fn text_is_clean_plain_text() {
    // No isolation marks (they would leak into HTML and CSV) and no markup in messages.
    let c = catalog();
    for lang in Lang::ALL {
        for key in c.keys(lang) {
            let text = c.tr_args(lang, &key, &[]);
            assert!(
                !text.contains('<') && !text.contains('>'),
                "{lang} `{key}` has markup: {text}"
            );
            assert_eq!(
                text.trim(),
                text,
                "{lang} `{key}` has surrounding whitespace"
            );
        }
    }
}

#[test]
fn the_catalog_is_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<sailau_i18n::Catalog>();
    let c = catalog();
    std::thread::scope(|s| {
        for lang in Lang::ALL {
            s.spawn(move || {
                for n in 0..200u32 {
                    let text = c.tr_args(lang, "count-precincts", &[("count", n.into())]);
                    assert!(text.starts_with(&n.to_string()), "{text}");
                }
            });
        }
    });
}

#[test]
fn api_problems_name_what_does_not_exist_and_the_parameter() {
    let c = catalog();
    let territory = |lang| {
        c.tr_args(
            lang,
            "problem-not-found-territory",
            &[("id", "631010000".into())],
        )
    };
    assert_eq!(territory(Lang::Ru), "Территория 631010000 не найдена.");
    assert_eq!(territory(Lang::Kk), "631010000 аумағы табылмады.");
    assert_eq!(territory(Lang::En), "Territory 631010000 does not exist.");
    let limit = |lang| {
        c.tr_args(
            lang,
            "limit-out-of-range",
            &[("field", "limit".into()), ("max", "1000".into())],
        )
    };
    assert_eq!(
        limit(Lang::Ru),
        "Параметр «limit» — целое число от 1 до 1\u{a0}000."
    );
    assert_eq!(
        limit(Lang::Kk),
        "«limit» параметрі 1 мен 1\u{a0}000 аралығындағы бүтін сан болуы керек."
    );
    assert_eq!(
        limit(Lang::En),
        "The parameter “limit” takes a whole number from 1 to 1,000."
    );
    // The API's own wording of a required field names it; the pages' stays as it was.
    assert_eq!(
        c.tr_args(
            Lang::Ru,
            "problem-message-field-required",
            &[("field", "address".into())]
        ),
        "В поле «address» нужно указать значение."
    );
    assert_eq!(c.tr(Lang::Ru, "field-required"), "Заполните это поле.");
    assert_eq!(
        c.tr_args(Lang::Kk, "duplicate-field", &[("field", "voters".into())]),
        "«voters» өрісі сұрауда бірнеше рет көрсетілген."
    );
}
