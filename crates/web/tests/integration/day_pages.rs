//! The election-day pages (issue 12 items 1–3, branch i12-pages), in-process on every backend,
//! on the elections pages' walk (Abai District, one precinct of 812 voters, election day
//! 11 May 2025, UTC+5): a precinct commission reports turnout (refused before the polls open,
//! with the time), enters a protocol that fails a control relation (the relation's message and
//! numbers next to the field, in three languages), corrects it, amends it with a reason, attaches
//! the scan; an observer's copy that differs is flagged on the public page; the territorial
//! commission's file with a refused row; the turnout chart; scopes; hostile values.

use axum::http::StatusCode;
use sailau_domain::{PrecinctRef, Role, Scope, TerritoryCode};
use sailau_i18n::Lang;

use crate::common::{Login, TestApp};
use crate::elections::{
    ELECTION_DAY, PDF, assert_has, field_error, in_three_languages, main_text, move_to, setup,
    summary_items, walk,
};

/// The walk's only precinct: region Abai, № 300 (812 voters).
const REGION: &str = "100000000";
const NUMBER: u32 = 300;

fn precinct() -> PrecinctRef {
    PrecinctRef {
        region_code: TerritoryCode::parse(REGION).unwrap(),
        number: NUMBER,
    }
}

fn local(time: &str) -> String {
    // Abai region is UTC+5 in 2025.
    let (h, m) = time.split_once(':').unwrap();
    let h: i32 = h.parse::<i32>().unwrap() - 5;
    format!("{ELECTION_DAY}T{h:02}:{m}:00Z")
}

/// The candidate inputs of a protocol form (`candidates.<n>`).
fn candidate_inputs(body: &str) -> Vec<String> {
    body.split("name=\"candidates.")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|n| format!("candidates.{n}"))
        .collect()
}

/// A protocol form's fields: every line of the default rule set and the candidates' votes (the
/// first candidate gets `votes`, the others 0).
fn protocol(
    lines: &[(&'static str, &'static str)],
    candidates: &[String],
    votes: &'static str,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = lines
        .iter()
        .map(|(k, v)| (format!("fields.{k}"), (*v).to_owned()))
        .collect();
    for (i, c) in candidates.iter().enumerate() {
        out.push((c.clone(), if i == 0 { votes } else { "0" }.to_owned()));
    }
    out
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

/// 600 received = 400 + 20 + 0 + 100 = 520: `received_balance` fails.
const UNBALANCED: &[(&str, &str)] = &[
    ("voters_on_list", "812"),
    ("ballots_received", "600"),
    ("issued_inside", "400"),
    ("issued_outside", "20"),
    ("issued_absentee", ""),
    ("cancelled", "100"),
    ("found_in_boxes", "410"),
    ("invalid", "5"),
    ("against_all", "5"),
];

/// 600 = 480 + 20 + 0 + 100; 410 = 5 + 5 + 400; 410 ≤ 500 ≤ 812.
const BALANCED: &[(&str, &str)] = &[
    ("voters_on_list", "812"),
    ("ballots_received", "600"),
    ("issued_inside", "480"),
    ("issued_outside", "20"),
    ("issued_absentee", ""),
    ("cancelled", "100"),
    ("found_in_boxes", "410"),
    ("invalid", "5"),
    ("against_all", "5"),
];

/// The amendment: 3 more invalid ballots found, 3 fewer votes for the first candidate.
const AMENDED: &[(&str, &str)] = &[
    ("voters_on_list", "812"),
    ("ballots_received", "600"),
    ("issued_inside", "480"),
    ("issued_outside", "20"),
    ("issued_absentee", "0"),
    ("cancelled", "100"),
    ("found_in_boxes", "410"),
    ("invalid", "8"),
    ("against_all", "5"),
];

async fn pec(t: &TestApp, number: u32) -> Login {
    t.login(
        Role::PrecinctCommission,
        Scope::Precincts {
            precincts: vec![PrecinctRef {
                region_code: TerritoryCode::parse(if number == NUMBER {
                    REGION
                } else {
                    "100000000"
                })
                .unwrap(),
                number,
            }],
        },
    )
    .await
}

#[tokio::test]
async fn a_precinct_reports_turnout_enters_amends_and_is_observed() {
    for (t, clock) in setup().await {
        let mut tik = crate::elections::commission(&t).await;
        let mut sec = crate::elections::secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let election = w.election.clone();
        let day = format!("{election}/day");
        let base = format!("{day}/{REGION}/{NUMBER}");

        // 06:00 local on election day: the commission's accounts.
        clock.set(local("06:00").parse().unwrap());
        let mut commission = pec(&t, NUMBER).await;
        let mut other = pec(&t, 251).await;
        let mut observer = t
            .login(
                Role::Observer,
                Scope::Territory {
                    territory: TerritoryCode::parse(REGION).unwrap(),
                },
            )
            .await;
        let mut tik = crate::elections::again(&t, &w.tik).await;

        // The day's list: the commission's precinct with its forms, in three languages; the
        // election page and the account page link it.
        for (_, r) in in_three_languages(&t, &day, Some(&commission)).await {
            assert_has(&r, &format!("{REGION}/{NUMBER}"), "the precinct");
            assert_has(&r, &format!("{base}/protocol"), "the protocol form");
            // Turnout is taken only while the polls are open: no link before 07:00.
            assert!(
                !r.body.contains(&format!("{base}/turnout\"")),
                "{}: the turnout link before the polls open",
                t.backend
            );
        }
        // The turnout page says when reporting opens instead of offering a form.
        let r = t
            .get_as(&format!("{base}/turnout?lang=ru"), &commission)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", t.backend);
        assert!(!r.body.contains("name=\"voted\""), "{}: no form", t.backend);
        assert_has(&r, "07:00", "the opening time");
        let e = t.get_as(&format!("{election}?lang=ru"), &commission).await;
        assert_has(&e, &day, "the election links the day's pages");
        let a = t.get_as("/account?lang=kk", &commission).await;
        assert_has(&a, &day, "the account links the day's pages");
        assert_has(&a, "Дауыс беру күні", "in Kazakh");
        // Another precinct's commission sees none of it; anonymous readers sign in first.
        let r = t.get_as(&format!("{base}/protocol?lang=ru"), &other).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", t.backend);
        let r = t.get(&format!("{base}/turnout")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", t.backend);
        let r = t.get_as(&format!("{day}?lang=ru"), &other).await;
        assert_has(&r, "нет избирательных участков", "no precinct in scope");

        // Turnout before the polls open: refused next to the time, with the opening time.
        for (lang, _) in in_three_languages(&t, &format!("{base}/turnout"), Some(&commission)).await
        {
            let r = t
                .post_form_as(
                    &format!("{base}/turnout?lang={}", lang.code()),
                    &[("at", "10:00"), ("voted", "100")],
                    &commission,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
            let e = field_error(&r.body, "at").unwrap_or_default();
            assert!(e.contains("07:00"), "{} {lang:?}: {e}", t.backend);
        }
        // 10:05 local: the 10:00 report; above the list refused with both numbers.
        move_to(
            &t,
            &clock,
            &local("10:05"),
            &mut [&mut commission, &mut other, &mut observer, &mut tik],
        )
        .await;
        let r = t.get_as(&format!("{day}?lang=kk"), &commission).await;
        assert_has(
            &r,
            &format!("{base}/turnout\""),
            "the turnout link once open",
        );
        let r = t
            .post_form_as(
                &format!("{base}/turnout?lang=ru"),
                &[("at", "10:00"), ("voted", "1 000")],
                &commission,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let e = field_error(&r.body, "voted").unwrap_or_default();
        assert!(e.contains("000") && e.contains("812"), "{e}");
        for (at, voted) in [
            ("99:99", "10"),
            ("<script>", "10"),
            ("10:00", "99999999999999999999999"),
            ("10:00", "-1"),
            ("", ""),
        ] {
            let r = t
                .post_form_as(
                    &format!("{base}/turnout?lang=ru"),
                    &[("at", at), ("voted", voted)],
                    &commission,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{at} {voted}");
            assert!(!r.body.contains("<script>"), "escaped");
        }
        t.submit(
            &format!("{base}/turnout"),
            &[("at", "10:00"), ("voted", "150")],
            &commission,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t
            .get_as(&format!("{base}/turnout?lang=ru"), &commission)
            .await;
        assert_has(&r, "18,47%", "150 of 812");

        // The unit's public page: the turnout chart through the day, the 12:00 report missing
        // once its time has come.
        let results = t.app.election_results(&uuid_of(&election)).await.unwrap();
        let unit = format!(
            "{election}/results/contests/{}",
            results.units[0].contest.id
        );
        move_to(
            &t,
            &clock,
            &local("12:20"),
            &mut [&mut commission, &mut other, &mut observer, &mut tik],
        )
        .await;
        for (lang, r) in in_three_languages(&t, &unit, None).await {
            assert_has(&r, "id=\"turnout-table\"", "the turnout table");
            assert_has(&r, "<polyline", "the turnout line");
            let missing = match lang {
                Lang::Ru => "1 участок не передал сведения",
                Lang::Kk => "1 учаске мәлімет бермеді",
                Lang::En => "1 precinct has not reported",
            };
            assert_has(&r, missing, "the missing 12:00 report");
        }
        let r = t.get(&format!("{election}/results?lang=en")).await;
        assert_has(&r, "18.47%", "the national running total");

        // After the polls close: the protocol form, from the rule set, in three languages.
        move_to(
            &t,
            &clock,
            &local("20:30"),
            &mut [&mut commission, &mut other, &mut observer, &mut tik],
        )
        .await;
        let mut candidates = Vec::new();
        for (lang, r) in
            in_three_languages(&t, &format!("{base}/protocol"), Some(&commission)).await
        {
            let label = match lang {
                Lang::Ru => "Получено бюллетеней участковой комиссией",
                Lang::Kk => "Учаскелік комиссия алған бюллетеньдер саны",
                Lang::En => "Ballots received",
            };
            assert_has(&r, label, "a field of the rule set");
            assert_has(
                &r,
                "Әбдіхалықов Нұрлан Қайратұлы",
                "the registered candidate",
            );
            assert_has(&r, "id=\"protocol-check\"", "the live check's data");
            assert_has(&r, "/elections/protocol.js", "the live check");
            candidates = candidate_inputs(&r.body);
        }
        assert!(!candidates.is_empty(), "{}: no candidate line", t.backend);
        let js = t.get("/elections/protocol.js").await;
        assert_eq!(js.status, StatusCode::OK);
        assert!(js.body.contains("protocol-check"));

        // A protocol that does not balance: the relation with its numbers next to the field.
        let unbalanced = protocol(UNBALANCED, &candidates, "400");
        for (lang, message) in [
            (
                "ru",
                "Число полученных бюллетеней должно равняться сумме выданных и погашенных",
            ),
            (
                "kk",
                "Алынған бюллетеньдер саны берілген және жойылған бюллетеньдердің қосындысына тең болуы тиіс",
            ),
            (
                "en",
                "Ballots received must equal ballots issued plus ballots cancelled",
            ),
        ] {
            let r = t
                .post_form_as(
                    &format!("{base}/protocol?lang={lang}"),
                    &pairs(&unbalanced),
                    &commission,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
            let e = field_error(&r.body, "fields.ballots_received").unwrap_or_default();
            assert!(
                e.contains(message) && e.contains("600") && e.contains("520"),
                "{} {lang}: {e}",
                t.backend
            );
            assert!(
                !main_text(&r.body).contains("received_balance"),
                "no identifier shown"
            );
        }
        // Every error at once: a number that is not one, a required line left empty.
        let mut bad = protocol(BALANCED, &candidates, "400");
        for (k, v) in bad.iter_mut() {
            if k == "fields.invalid" {
                *v = "пять".into();
            }
            if k == "fields.cancelled" {
                v.clear();
            }
        }
        let r = t
            .post_form_as(
                &format!("{base}/protocol?lang=ru"),
                &pairs(&bad),
                &commission,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            field_error(&r.body, "fields.invalid").is_some(),
            "{}",
            main_text(&r.body)
        );
        assert!(field_error(&r.body, "fields.cancelled").is_some());
        assert!(summary_items(&r.body).len() >= 2);
        // Hostile values: refused with the rule they break, never a 500.
        for (value, says) in [
            ("99999999999999999999999", "Слишком большое число."),
            ("<script>alert(1)</script>", "Введите целое число."),
            ("-5", "Число не может быть отрицательным."),
            ("1,5", "Нужно целое число, без дробной части."),
        ] {
            let mut v = protocol(BALANCED, &candidates, "400");
            v[1].1 = value.to_owned();
            let r = t
                .post_form_as(&format!("{base}/protocol?lang=ru"), &pairs(&v), &commission)
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{value}");
            assert!(!r.body.contains("<script>alert"), "escaped");
            assert!(r.body.contains(says), "{value}: {}", main_text(&r.body));
        }
        // An observer may not enter the protocol.
        let r = t
            .post_form_as(&format!("{base}/protocol"), &pairs(&unbalanced), &observer)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            t.app
                .protocol_view(&uuid_of(&election), &precinct())
                .await
                .unwrap()
                .status,
            "none",
            "nothing half-written"
        );

        // The balanced protocol is accepted; the public page shows it.
        let balanced = protocol(BALANCED, &candidates, "400");
        t.submit(
            &format!("{base}/protocol"),
            &pairs(&balanced),
            &commission,
            StatusCode::SEE_OTHER,
        )
        .await;
        let public = format!("{unit}/precincts/{REGION}/{NUMBER}");
        let r = t.get(&format!("{public}?lang=ru")).await;
        assert_has(&r, "410", "the numbers");
        // A second submission becomes an amendment: a reason is needed and a change.
        let r = t
            .post_form_as(
                &format!("{base}/protocol?lang=en"),
                &pairs(&balanced),
                &commission,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = main_text(&r.body);
        assert!(text.contains("changes no number"), "{text}");
        assert!(field_error(&r.body, "reason").is_some(), "{text}");
        let mut amended = protocol(AMENDED, &candidates, "397");
        amended.push(("reason".into(), "ошибка при переносе строки 8".into()));
        t.submit(
            &format!("{base}/protocol"),
            &pairs(&amended),
            &commission,
            StatusCode::SEE_OTHER,
        )
        .await;
        // The scan: its hash shown to the commission and the public.
        t.post_multipart_as(
            &format!("{base}/scan"),
            &[],
            ("file", "protocol.pdf", PDF),
            &commission,
        )
        .await;
        let view = t
            .app
            .protocol_view(&uuid_of(&election), &precinct())
            .await
            .unwrap();
        assert_eq!(view.version, 2, "{}", t.backend);
        let hash = view
            .scans
            .first()
            .map(|s| s.sha256.clone())
            .unwrap_or_default();
        assert_eq!(hash.len(), 64, "{}: the scan was attached", t.backend);
        let r = t
            .get_as(&format!("{base}/protocol?lang=ru"), &commission)
            .await;
        assert_has(&r, &hash, "the scan's hash");
        assert_has(&r, "Версия 2", "both versions");

        // The observer's copy differs: flagged on the public page, field by field.
        for (_, r) in
            in_three_languages(&t, &format!("{base}/observer-copy"), Some(&observer)).await
        {
            assert!(
                !r.body.contains("protocol-check"),
                "copies are taken as they read"
            );
        }
        let copy = protocol(BALANCED, &candidates, "400");
        t.submit(
            &format!("{base}/observer-copy"),
            &pairs(&copy),
            &observer,
            StatusCode::SEE_OTHER,
        )
        .await;
        for (lang, r) in in_three_languages(&t, &public, None).await {
            let (differs, reason_label) = match lang {
                Lang::Ru => ("Расходится с принятым протоколом", "Причина уточнения"),
                Lang::Kk => (
                    "Қабылданған хаттамамен сәйкес келмейді",
                    "Нақтылаудың себебі",
                ),
                Lang::En => (
                    "Differs from the accepted protocol",
                    "Reason for the amendment",
                ),
            };
            assert_has(&r, differs, "the copy's difference");
            assert_has(&r, reason_label, "the amendment");
            assert_has(&r, "ошибка при переносе строки 8", "its reason");
            assert_has(&r, &hash, "the scan's hash");
            assert!(
                !r.body.contains(&observer.username),
                "the observer is not named"
            );
        }

        // The territorial commission's file: the row of an accepted protocol refused by line.
        let header = sailau_app::elections::day_import::PRECINCT_COLUMN;
        let csv = format!(
            "{header},voters_on_list,ballots_received,issued_inside,issued_outside,cancelled,found_in_boxes,invalid,against_all{}\n{NUMBER},812,600,480,20,100,410,5,5{}\n",
            candidates
                .iter()
                .map(|c| format!(",{}", c.trim_start_matches("candidates.")))
                .collect::<String>(),
            candidates
                .iter()
                .enumerate()
                .map(|(i, _)| if i == 0 { ",400" } else { ",0" })
                .collect::<String>(),
        );
        for (_, r) in in_three_languages(&t, &format!("{day}/import"), Some(&tik)).await {
            assert_has(&r, "precinct_number", "the columns");
        }
        let r = t
            .post_multipart_as(
                &format!("{day}/import?lang=ru"),
                &[("region", REGION)],
                ("file", "protocols.csv", csv.as_bytes()),
                &tik,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            main_text(&r.body)
        );
        assert_has(&r, "Строка 2", "the row's line");
        assert_has(&r, "уже принят", "why");
        let r = t
            .post_multipart_as(
                &format!("{day}/import?lang=ru"),
                &[("region", "<b>")],
                ("file", "protocols.csv", b"not,a,protocol\n1,2,3\n"),
                &tik,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a bad region and file"
        );
        assert!(!r.body.contains("<b>"), "escaped");
        let r = t.get_as(&format!("{day}/import"), &commission).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "a precinct commission imports no files"
        );

        // Hostile paths: 404, never 500.
        for path in [
            format!("{day}/abc/def/protocol"),
            format!("{day}/{REGION}/0/protocol"),
            format!("{day}/{REGION}/99999999999/turnout"),
            "/elections/not-an-id/day".to_owned(),
            format!("{day}/{REGION}/251/protocol"),
        ] {
            let r = t.get_as(&path, &commission).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        }
    }
}

fn uuid_of(election_path: &str) -> sailau_domain::elections::ElectionId {
    sailau_domain::elections::ElectionId::parse(election_path.trim_start_matches("/elections/"))
        .unwrap()
}

/// Double entry (a rule set asking for it): the first operator's entry waits for the second;
/// a second entry that differs is shown line by line; agreeing entries are accepted. A turnout
/// report made long after its time is flagged late on the unit's chart.
#[tokio::test]
async fn double_entry_shows_the_differences_and_late_turnout_is_flagged() {
    use sailau_app::Acting;
    use sailau_domain::Names;
    use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, RuleSet};
    use sailau_domain::elections::{CallElection, ContestId, ElectionId, Level, NewContest};

    let toml = KZ_AKIM_DISTRICT_2023.replace("double_entry = false", "double_entry = true");
    assert!(toml.contains("double_entry = true"));
    let id = ElectionId(uuid::Uuid::from_u128(0x2025_0511));
    let contest = ContestId(uuid::Uuid::from_u128(0x2025_0512));
    for (t, clock) in setup().await {
        t.app
            .execute(
                &Acting::Operator,
                CallElection {
                    election: id,
                    names: Names {
                        ru: "Выборы акима Абайского района".into(),
                        kk: "Абай ауданы әкімінің сайлауы".into(),
                        en: String::new(),
                    },
                    level: Level::District,
                    election_day: ELECTION_DAY.parse().unwrap(),
                    territory: Some(TerritoryCode::parse(REGION).unwrap()),
                    contests: vec![NewContest {
                        id: contest,
                        unit: TerritoryCode::parse(crate::elections::UNIT).unwrap(),
                    }],
                    rule_set: toml.clone(),
                    rule_set_sha256: RuleSet::digest(&toml),
                },
            )
            .await
            .unwrap_or_else(|e| panic!("{}: call: {e}", t.backend));
        let base = format!("/elections/{id}/day/{REGION}/{NUMBER}");

        // 11:30 local: the 10:00 report, late (more than an hour after its time).
        clock.set(local("11:30").parse().unwrap());
        let first = pec(&t, NUMBER).await;
        t.submit(
            &format!("{base}/turnout"),
            &[("at", "10:00"), ("voted", "100")],
            &first,
            StatusCode::SEE_OTHER,
        )
        .await;
        let unit = format!("/elections/{id}/results/contests/{contest}");
        let r = t.get(&format!("{unit}?lang=ru")).await;
        assert_has(
            &r,
            "1 участок передал сведения с опозданием",
            "the late report",
        );

        // After the polls close: two operators.
        clock.set(local("20:30").parse().unwrap());
        let first = crate::elections::again(&t, &first).await;
        let second = pec(&t, NUMBER).await;
        let lines = |invalid: &'static str, against: &'static str| {
            vec![
                ("fields.voters_on_list", "812"),
                ("fields.ballots_received", "600"),
                ("fields.issued_inside", "480"),
                ("fields.issued_outside", "20"),
                ("fields.issued_absentee", "0"),
                ("fields.cancelled", "100"),
                ("fields.found_in_boxes", "10"),
                ("fields.invalid", invalid),
                ("fields.against_all", against),
            ]
        };
        let r = t.get_as(&format!("{base}/protocol?lang=ru"), &first).await;
        assert_has(
            &r,
            "второй оператор",
            "the lead says a second entry is needed",
        );
        t.submit(
            &format!("{base}/protocol"),
            &lines("5", "5"),
            &first,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t.get_as(&format!("{base}/protocol?lang=ru"), &second).await;
        assert_has(&r, "ожидает второго ввода", "the status");
        assert_has(
            &r,
            "будет принят, когда второй оператор",
            "waiting for the second",
        );
        // The same operator cannot confirm its own entry.
        let r = t
            .post_form_as(
                &format!("{base}/protocol?lang=en"),
                &lines("5", "5"),
                &first,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
        assert!(main_text(&r.body).contains("second operator"));
        // The second operator's entry differs: both values shown, line by line.
        t.submit(
            &format!("{base}/protocol"),
            &lines("6", "4"),
            &second,
            StatusCode::SEE_OTHER,
        )
        .await;
        for (lang, r) in in_three_languages(&t, &format!("{base}/protocol"), Some(&second)).await {
            assert_has(&r, "id=\"entry-differences\"", "the differences");
            if lang == Lang::Ru {
                let text = main_text(&r.body);
                assert!(text.contains("Недействительных бюллетеней"), "{text}");
                assert!(text.contains("Против всех"), "{text}");
            }
        }
        // The second operator corrects the entry to agree: accepted.
        t.submit(
            &format!("{base}/protocol"),
            &lines("5", "5"),
            &second,
            StatusCode::SEE_OTHER,
        )
        .await;
        let view = t.app.protocol_view(&id, &precinct()).await.unwrap();
        assert_eq!(
            (view.status.as_str(), view.version),
            ("accepted", 1),
            "{}",
            t.backend
        );
        let r = t.get_as(&format!("{base}/protocol?lang=ru"), &first).await;
        assert_has(
            &r,
            "Уточнение протокола",
            "an accepted protocol changes by amendment",
        );
    }
}
