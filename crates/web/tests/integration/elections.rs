//! The elections pages (issue 11), in-process on every backend, walking an election's calendar
//! with a hand-moved clock: call → nominations → documents, deposit → registration → ballot, the
//! public lists, the workbench, and actions refused after their deadline with the deadline shown.
//! Every page is read in Russian, Kazakh and English: no internal identifiers, no English words
//! on the Russian and Kazakh pages.

use axum::http::StatusCode;
use jiff::Timestamp;
use sailau_domain::{PartyCode, Role, Scope, TerritoryCode};
use sailau_i18n::Lang;

use crate::common::{self, Login, TestApp, TestResponse};

/// 3 Mar 2025 10:00 in Abai region (UTC+5): the day of the call.
pub(crate) const CALL_AT: &str = "2025-03-03T05:00:00Z";
/// 5 Mar 2025: nomination is open.
pub(crate) const NOMINATE_AT: &str = "2025-03-05T05:00:00Z";
/// 16 Apr 2025: registration closed on 15 Apr 18:00.
pub(crate) const AFTER_REGISTRATION_AT: &str = "2025-04-16T05:00:00Z";
/// Election day: 11 May 2025 (E−69 after the call; nomination to E−31 24:00 = 10 Apr).
pub(crate) const ELECTION_DAY: &str = "2025-05-11";
/// Abai District (region Abai), one precinct of 812 voters in the small registry.
pub(crate) const UNIT: &str = "103200000";

pub(crate) fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The visible text of a page's `<main>`, entities decoded enough for checks; `<code>` holds
/// file formats quoted verbatim (column names), left out.
pub(crate) fn main_text(body: &str) -> String {
    let start = body.find("<main").unwrap_or(0);
    let end = body.find("</main>").unwrap_or(body.len());
    let mut main = body[start..end].to_owned();
    while let Some(a) = main.find("<code") {
        let b = main[a..].find("</code>").map_or(main.len(), |b| a + b + 7);
        main.replace_range(a..b, " ");
    }
    strip_tags(&main)
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Latin words a Russian or Kazakh elections page may show: names written in Latin letters,
/// formats, the time zone's name.
const LATIN_ALLOWED: &[&str] = &[
    "amanat",
    "utc",
    "asia",
    "almaty",
    "aqtobe",
    "oral",
    "toml",
    "sha",
    "pdf",
    "jpeg",
    "png",
    "csv",
    "xlsx",
    "sailau",
    "api",
    "l",
    // i14-online: the CLI's commands and the election record's files, quoted verbatim.
    "trustee",
    "keygen",
    "share",
    "finalize",
    "decrypt",
    "credentials",
    "generate",
    "verify",
    "record",
    "vote",
    "json",
    "jsonl",
    "zip",
    "javascript",
    "dealt",
    "n",
];

/// Why a page is not fit for a reader of `lang`, if it is not.
pub(crate) fn unfit(lang: Lang, body: &str) -> Vec<String> {
    let text = main_text(body);
    let mut problems = Vec::new();
    if text.contains('⟦') || text.contains("{$") {
        problems.push("a missing message or variable".to_owned());
    }
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
    {
        let w = word.trim_matches('-');
        if w.contains('_') {
            problems.push(format!("the identifier {w:?}"));
        }
        if [
            "true",
            "false",
            "nominated",
            "registered",
            "self_nominated",
            "registration",
        ]
        .contains(&w)
            && lang != Lang::En
        {
            problems.push(format!("the identifier {w:?}"));
        }
        if lang != Lang::En {
            let latin = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
            let hex = w.chars().all(|c| c.is_ascii_hexdigit());
            let lower = w.to_lowercase();
            if latin >= 1
                && !hex
                && !LATIN_ALLOWED
                    .iter()
                    .any(|a| lower == *a || lower.starts_with(a))
            {
                problems.push(format!("the Latin word {w:?}"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// Reads a page in the three languages, checks each reads well, and returns them.
pub(crate) async fn in_three_languages(
    t: &TestApp,
    path: &str,
    who: Option<&Login>,
) -> Vec<(Lang, TestResponse)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = format!("{path}{sep}lang={}", lang.code());
        let r = match who {
            Some(w) => t.get_as(&url, w).await,
            None => t.get(&url).await,
        };
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{} {url}: {}",
            t.backend,
            main_text(&r.body)
        );
        let problems = unfit(lang, &r.body);
        assert!(
            problems.is_empty(),
            "{} {url} [{}]: {problems:?}\n{}",
            t.backend,
            lang.code(),
            main_text(&r.body)
        );
        out.push((lang, r));
    }
    out
}

pub(crate) fn assert_has(r: &TestResponse, needle: &str, what: &str) {
    let text = main_text(&r.body);
    assert!(
        text.contains(needle) || r.body.contains(needle),
        "{what}: {needle:?} not found (status {}):\n{}",
        r.status,
        text.chars().take(5000).collect::<String>()
    );
}

/// The text of the error shown next to a field.
pub(crate) fn field_error(body: &str, field: &str) -> Option<String> {
    let marker = format!("id=\"f-{field}-error\">");
    let start = body.find(&marker)? + marker.len();
    let end = body[start..].find("</p>")? + start;
    Some(strip_tags(&body[start..end]).trim().to_owned())
}

/// The error summary's items.
pub(crate) fn summary_items(body: &str) -> Vec<String> {
    let Some(start) = body.find("class=\"error-summary\"") else {
        return Vec::new();
    };
    let rest = &body[start..];
    let end = rest.find("</ul>").unwrap_or(rest.len());
    rest[..end]
        .split("<li>")
        .skip(1)
        .map(|s| strip_tags(s).trim().to_owned())
        .collect()
}

/// The path a 303 points to, without its query.
pub(crate) fn location_path(r: &TestResponse) -> String {
    let l = r
        .location()
        .unwrap_or_else(|| panic!("no redirect (status {}): {}", r.status, main_text(&r.body)));
    l.split(['?', '#']).next().unwrap_or(l).to_owned()
}

/// A valid IIN of a man born on `yy`-`mm`-`dd` in the 1900s, with serial `serial` (the check
/// digit as Decree No. 406 computes it; serials whose check digit does not exist are skipped).
fn iin(yy: u8, mm: u8, dd: u8, serial: u16) -> String {
    let mut serial = serial;
    loop {
        let text = format!("{yy:02}{mm:02}{dd:02}3{serial:04}");
        let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
        let first: [u8; 11] = digits.try_into().unwrap();
        if let Some(c) = sailau_domain::elections::iin::check_digit(&first) {
            return format!("{text}{c}");
        }
        serial += 1;
    }
}

/// Signature sheets for a unit: `valid` distinct signers, then the first signer again.
pub(crate) fn sheets(valid: u16) -> String {
    let mut csv = "sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on\n"
        .to_owned();
    for i in 0..valid {
        csv.push_str(&format!(
            "1,{},Иванов,Иван,Иванович,{},\"с. Карааул, ул. Абая, {}\",{UNIT},2025-03-10\n",
            i + 1,
            iin(80, 1, 2, 100 + i * 3),
            i + 1
        ));
    }
    csv.push_str(&format!(
        "1,{},Иванов,Иван,Иванович,{},\"с. Карааул, ул. Абая, 1\",{UNIT},2025-03-11\n",
        valid + 1,
        iin(80, 1, 2, 100)
    ));
    csv
}

/// A tiny valid PDF (the magic bytes are what the rule set's type check reads).
pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

pub(crate) struct Walk {
    /// The commission's session at the end of the walk.
    pub(crate) tik: Login,
    /// The secretary's session at the end of the walk.
    #[allow(dead_code)]
    pub(crate) secretary: Login,
    pub(crate) election: String,
    pub(crate) contest: String,
    pub(crate) self_nominee: String,
    pub(crate) party_nominee: String,
}

/// The same account signed in again (after the clock moved past its session's life).
pub(crate) async fn again(t: &TestApp, who: &Login) -> Login {
    let s = t
        .app
        .login(&who.username, &who.password, "elections-test-client")
        .await
        .unwrap_or_else(|e| panic!("{}: login {}: {e}", t.backend, who.username));
    Login {
        token: s.token,
        csrf: s.csrf_token,
        ..who.clone()
    }
}

/// Moves the clock and signs the accounts in again.
pub(crate) async fn move_to(
    t: &TestApp,
    clock: &common::ManualClock,
    when: &str,
    who: &mut [&mut Login],
) {
    clock.set(at(when));
    for w in who.iter_mut() {
        **w = again(t, w).await;
    }
}

pub(crate) async fn commission(t: &TestApp) -> Login {
    t.login(
        Role::TerritorialCommission,
        Scope::Territory {
            territory: TerritoryCode::parse("100000000").unwrap(),
        },
    )
    .await
}

/// Calls the election, files a self-nomination and a party nomination, registers the party's.
pub(crate) async fn walk(
    t: &TestApp,
    clock: &common::ManualClock,
    tik: &mut Login,
    secretary: &mut Login,
) -> Walk {
    move_to(t, clock, CALL_AT, &mut [&mut *tik, &mut *secretary]).await;
    let (tik, secretary) = (&*tik, &*secretary);
    let r = t
        .post_form_as(
            "/elections/call",
            &[
                ("name_ru", "Выборы акима Абайского района"),
                ("name_kk", "Абай ауданы әкімінің сайлауы"),
                ("name_en", ""),
                ("ruleset", "kz-akim-district-2023"),
                ("election_day", ELECTION_DAY),
                ("units", UNIT),
            ],
            tik,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}: call: {}",
        t.backend,
        main_text(&r.body)
    );
    let election = location_path(&r);
    let page = t.get_as(&format!("{election}?lang=ru"), tik).await;
    let contest = page
        .body
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.starts_with(&format!("{election}/contests/")))
        .unwrap_or_else(|| panic!("no contest link: {}", main_text(&page.body)))
        .to_owned();

    let (mut tik2, mut sec2) = (tik.clone(), secretary.clone());
    move_to(t, clock, NOMINATE_AT, &mut [&mut tik2, &mut sec2]).await;
    let (tik, secretary) = (&tik2, &sec2);
    let r = t
        .post_form_as(
            &format!("{contest}/self-nomination"),
            &[
                ("surname", "Тестов"),
                ("given_name", "Ерлан"),
                ("patronymic", "Серикович"),
                ("birth_date", "1980-04-12"),
                ("gender", "male"),
                ("current_post", "директор школы"),
                ("residence", "с. Карааул, ул. Абая, 1"),
            ],
            tik,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}: self: {}",
        t.backend,
        main_text(&r.body)
    );
    let self_nominee = location_path(&r);

    let r = t
        .post_multipart_as(
            &format!("{contest}/party-nomination"),
            &[
                ("surname", "Әбдіхалықов"),
                ("given_name", "Нұрлан"),
                ("patronymic", "Қайратұлы"),
                ("birth_date", "1975-09-01"),
                ("gender", "male"),
                ("current_post", "аким Абайского района"),
                ("residence", "с. Карааул"),
                ("incumbent", "on"),
                ("party", "amanat"),
                ("membership", "партийный билет № 123456 от 01.02.2010"),
                ("decision_number", "5"),
                ("decision_date", "2025-03-04"),
                (
                    "decision_body",
                    "L (50-я) внеочередная конференция Абайского районного филиала",
                ),
                ("qual_citizenship", "on"),
                ("qual_legal_capacity", "on"),
                ("qual_civil_service_qualification", "on"),
            ],
            ("decision_file", "decision.pdf", PDF),
            secretary,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}: party: {}",
        t.backend,
        main_text(&r.body)
    );
    let party_nominee = location_path(&r);
    // The party declared its nominee the sitting akim: the candidate's page and the commission's
    // workbench say so, in the commission's words; the self-nominee is no sitting akim.
    for (lang, sitting) in [
        ("ru", "действующий аким"),
        ("kk", "қазіргі әкім"),
        ("en", "sitting akim"),
    ] {
        let page = t.get_as(&format!("{party_nominee}?lang={lang}"), tik).await;
        assert!(
            main_text(&page.body).contains(sitting),
            "{}: {lang}: {}",
            t.backend,
            main_text(&page.body)
        );
        let page = t.get_as(&format!("{self_nominee}?lang={lang}"), tik).await;
        assert!(!main_text(&page.body).contains(sitting), "{lang}");
    }
    let bench = t.get_as("/elections/workbench?lang=ru", tik).await;
    let bench = main_text(&bench.body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        bench.contains("Әбдіхалықов Нұрлан Қайратұлы действующий аким"),
        "{bench}"
    );

    // The commission ticks every document, records the deposit and registers.
    loop {
        let page = t.get_as(&format!("{party_nominee}?lang=ru"), tik).await;
        let Some(doc) = page
            .body
            .split("name=\"document\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
        else {
            break;
        };
        let r = t
            .post_form_as(
                &format!("{party_nominee}/documents"),
                &[("document", doc)],
                tik,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{}: tick {doc}: {}",
            t.backend,
            main_text(&r.body)
        );
    }
    let r = t
        .post_form_as(
            &format!("{party_nominee}/deposit"),
            &[
                ("paid_on", "2025-03-05"),
                ("document_number", "ПП-77"),
                ("amount", "425 000"),
            ],
            tik,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}: deposit: {}",
        t.backend,
        main_text(&r.body)
    );
    let r = t
        .post_form_as(&format!("{party_nominee}/register"), &[], tik)
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}: register: {}",
        t.backend,
        main_text(&r.body)
    );
    Walk {
        tik: tik.clone(),
        secretary: secretary.clone(),
        election,
        contest,
        self_nominee,
        party_nominee,
    }
}

pub(crate) async fn setup() -> Vec<(TestApp, std::sync::Arc<common::ManualClock>)> {
    let apps = common::backends_with_clocks(at(CALL_AT)).await;
    for (t, _) in &apps {
        t.load_small().await;
    }
    apps
}

pub(crate) async fn secretary(t: &TestApp) -> Login {
    t.login(
        Role::PartySecretary,
        Scope::Party {
            party: PartyCode::parse("amanat").unwrap(),
            territory: None,
        },
    )
    .await
}

#[tokio::test]
async fn an_election_from_the_call_to_the_ballot_reads_well_in_three_languages() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let mut tik = w.tik.clone();

        // The election: calendar in local time, what is open now, the rule set and its text.
        for (lang, r) in in_three_languages(&t, &w.election, None).await {
            let deadline = match lang {
                Lang::Ru => "15.04.2025 в 18:00",
                Lang::Kk => "15.04.2025 ж. сағат 18:00",
                Lang::En => "15 Apr 2025 at 18:00",
            };
            assert_has(&r, deadline, "the registration deadline in local time");
            assert_has(&r, "UTC+5", "the region's offset");
            assert_has(&r, "rules.toml", "the link to the rule set's text");
            assert!(
                r.body.contains("calendar__step--open"),
                "{}: nothing open now",
                t.backend
            );
            assert!(
                r.body.contains("calendar__step--upcoming"),
                "{}: nothing to come",
                t.backend
            );
        }
        let toml = t.get(&format!("{}/rules.toml", w.election)).await;
        assert_eq!(toml.status, StatusCode::OK);
        assert!(toml.body.contains("kz-akim-district-2023"), "{}", toml.body);

        // The list of elections.
        for (_, r) in in_three_languages(&t, "/elections", None).await {
            assert!(
                r.body.contains(&w.election),
                "{}: the election is not listed",
                t.backend
            );
        }

        // The contest: both candidates with their status, the voters.
        for (lang, r) in in_three_languages(&t, &w.contest, Some(&tik)).await {
            assert_has(&r, "Тестов Ерлан Серикович", "the self-nominee");
            assert_has(&r, "Әбдіхалықов Нұрлан Қайратұлы", "the party's nominee");
            assert_has(&r, "812", "the unit's voters");
            if lang == Lang::Ru {
                assert_has(&r, "зарегистрирован, № 1", "the registration number");
                assert_has(&r, "самовыдвижение", "the route");
            }
        }

        // The public list of registered candidates: the party's nominee only.
        for (_, r) in in_three_languages(&t, &format!("{}/candidates", w.election), None).await {
            assert_has(
                &r,
                "Әбдіхалықов Нұрлан Қайратұлы",
                "the registered candidate",
            );
            assert!(
                !r.body.contains("Тестов"),
                "{}: an unregistered candidate is listed",
                t.backend
            );
        }

        // The candidate's own page: what is missing, in words.
        for (lang, r) in in_three_languages(&t, &w.self_nominee, Some(&tik)).await {
            if lang == Lang::Ru {
                assert_has(&r, "Чего не хватает для регистрации", "the missing list");
            }
            assert!(r.body.contains("missing-list"), "{}", t.backend);
        }
        for (_, r) in in_three_languages(&t, &w.party_nominee, Some(&tik)).await {
            assert!(
                r.body.contains("badge--ok"),
                "{}: registered not shown",
                t.backend
            );
        }

        // The workbench: the self-nominee awaits a decision, with the days left.
        for (lang, r) in in_three_languages(&t, "/elections/workbench", Some(&tik)).await {
            assert_has(&r, "Тестов Ерлан Серикович", "the pending application");
            if lang == Lang::Ru {
                assert_has(&r, "остался 41 день", "the days left (5 Mar → 15 Apr)");
            }
        }

        // The printable ballot: Kazakh and Russian texts of the rule set, surname in capitals.
        let kk = t.get(&format!("{}/ballot?lang=kk", w.contest)).await;
        assert_has(&kk, "ӘБДІХАЛЫҚОВ", "the surname in capitals");
        assert_has(&kk, "Барлығына қарсы", "the against-all line in Kazakh");
        let ru = t.get(&format!("{}/ballot?lang=ru", w.contest)).await;
        assert_has(&ru, "Против всех", "the against-all line in Russian");
        assert_has(&ru, "ballot.pdf?lang=ru", "the PDF link");
        for (_, r) in in_three_languages(&t, &format!("{}/ballot", w.contest), None).await {
            assert_has(&r, "ӘБДІХАЛЫҚОВ", "the candidate");
        }

        // After the registration deadline: one registered candidate is fewer than the minimum.
        move_to(&t, &clock, AFTER_REGISTRATION_AT, &mut [&mut tik]).await;
        let r = t.get(&format!("{}?lang=ru", w.contest)).await;
        assert_has(&r, "меньше минимума", "the min-candidates warning");
        let r = t.get(&format!("{}?lang=ru", w.election)).await;
        assert!(
            r.body.contains("calendar__step--past"),
            "{}: nothing past",
            t.backend
        );
        assert_has(&r, "завершено", "a past step in words");
    }
}

#[tokio::test]
async fn actions_after_their_deadline_are_refused_with_the_deadline_in_the_readers_language() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let mut tik = w.tik.clone();
        move_to(&t, &clock, AFTER_REGISTRATION_AT, &mut [&mut tik]).await;
        let before = t.ledger_size().await;
        for lang in Lang::ALL {
            let r = t
                .post_form_as(
                    &format!("{}/self-nomination?lang={}", w.contest, lang.code()),
                    &[
                        ("surname", "Поздний"),
                        ("given_name", "Арман"),
                        ("birth_date", "1979-01-02"),
                        ("gender", "male"),
                        ("current_post", "инженер"),
                        ("residence", "с. Карааул"),
                    ],
                    &tik,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
            let summary = summary_items(&r.body).join(" | ");
            let deadline = match lang {
                Lang::Ru => "10.04.2025",
                Lang::Kk => "10.04.2025",
                Lang::En => "10.04.2025",
            };
            assert!(
                summary.contains(deadline),
                "{} [{}]: {summary}",
                t.backend,
                lang.code()
            );
            assert!(
                unfit(lang, &r.body).is_empty(),
                "{}: {:?}",
                t.backend,
                unfit(lang, &r.body)
            );
            // Registering the self-nominee after registration closed: refused, deadline named.
            let r = t
                .post_form_as(
                    &format!("{}/register?lang={}", w.self_nominee, lang.code()),
                    &[],
                    &tik,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
            let summary = summary_items(&r.body).join(" | ");
            assert!(
                summary.contains("15.04.2025"),
                "{} [{}]: {summary}",
                t.backend,
                lang.code()
            );
        }
        assert_eq!(
            t.ledger_size().await,
            before,
            "{}: a refused action wrote",
            t.backend
        );
    }
}

/// Once a window has closed, the forms bound to it are not offered: the nomination forms, the
/// contest's buttons and the commission's decisions on a pending nomination say when the window
/// closed instead, in the reader's language (the server still refuses a late submission: see
/// `actions_after_their_deadline_are_refused_with_the_deadline_in_the_readers_language`).
#[tokio::test]
async fn forms_of_a_closed_window_say_when_it_closed_instead() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let (mut tik, mut sec) = (w.tik.clone(), w.secretary.clone());
        // While nomination is open the forms are there.
        let r = t
            .get_as(&format!("{}/self-nomination", w.contest), &tik)
            .await;
        assert!(r.body.contains("method=\"post\""), "{}", t.backend);
        move_to(&t, &clock, AFTER_REGISTRATION_AT, &mut [&mut tik, &mut sec]).await;
        for (lang, nomination, registration) in [
            (
                Lang::Ru,
                "Выдвижение кандидатов завершилось 10.04.2025 в 24:00",
                "Регистрация кандидатов завершилась 15.04.2025 в 18:00",
            ),
            (
                Lang::Kk,
                "«кандидаттарды ұсыну» кезеңі жергілікті уақыт бойынша 10.04.2025 сағат 24:00-да аяқталды",
                "«кандидаттарды тіркеу» кезеңі жергілікті уақыт бойынша 15.04.2025 сағат 18:00-да аяқталды",
            ),
            (
                Lang::En,
                "nomination of candidates closed on 10.04.2025 at 24:00",
                "registration of candidates closed on 15.04.2025 at 18:00",
            ),
        ] {
            let code = lang.code();
            for (form, who) in [("self-nomination", &tik), ("party-nomination", &sec)] {
                let r = t
                    .get_as(&format!("{}/{form}?lang={code}", w.contest), who)
                    .await;
                assert_eq!(r.status, StatusCode::OK, "{}", t.backend);
                assert!(
                    !r.body.contains("method=\"post\" action=\"/elections/"),
                    "{} [{code}] {form}: a form after the window closed",
                    t.backend
                );
                assert_has(&r, nomination, "when nomination closed");
                assert!(
                    unfit(lang, &r.body).is_empty(),
                    "{:?}",
                    unfit(lang, &r.body)
                );
            }
            // The contest page offers no nomination and says why.
            let r = t.get_as(&format!("{}?lang={code}", w.contest), &tik).await;
            assert!(
                !r.body.contains("/self-nomination\""),
                "{} [{code}]",
                t.backend
            );
            assert_has(&r, nomination, "when nomination closed, on the contest");
            // The pending self-nominee: no decision forms, the registration deadline instead;
            // a withdrawal is still open.
            let r = t
                .get_as(&format!("{}?lang={code}", w.self_nominee), &tik)
                .await;
            for action in ["/register#register", "/refuse#refuse", "/deposit#deposit"] {
                assert!(!r.body.contains(action), "{} [{code}]: {action}", t.backend);
            }
            assert!(r.body.contains("/cancel#cancel"), "{} [{code}]", t.backend);
            assert_has(&r, registration, "when registration closed");
        }
    }
}

/// Text people entered in one language (a post, a residence, a decision's body) keeps that
/// language on the other languages' pages and says so in `lang`, for screen readers; the page's
/// own words are translated.
#[tokio::test]
async fn text_entered_in_one_language_is_declared_in_it() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let tik = w.tik.clone();
        for lang in Lang::ALL {
            let code = lang.code();
            let marked = |text: &str| {
                if lang == Lang::Ru {
                    format!(">{text}<")
                } else {
                    format!(" lang=\"ru\">{text}<")
                }
            };
            let r = t
                .get_as(&format!("{}?lang={code}", w.self_nominee), &tik)
                .await;
            for text in ["директор школы", "с. Карааул, ул. Абая, 1"] {
                assert!(
                    r.body.contains(&marked(text)),
                    "{} [{code}]: {text} not declared",
                    t.backend
                );
            }
            let main = r.body.split("<main").nth(1).unwrap_or_default();
            assert!(
                lang != Lang::Ru || !main.contains(" lang=\"ru\""),
                "{}: Russian declared on the Russian page",
                t.backend
            );
            let r = t
                .get_as(&format!("{}?lang={code}", w.party_nominee), &tik)
                .await;
            for text in [
                "аким Абайского района",
                "L (50-я) внеочередная конференция Абайского районного филиала",
            ] {
                assert!(
                    r.body.contains(&marked(text)),
                    "{} [{code}]: {text} not declared",
                    t.backend
                );
            }
            let r = t.get_as(&format!("{}?lang={code}", w.contest), &tik).await;
            assert!(
                r.body.contains(&marked("директор школы")),
                "{} [{code}]: the post in the candidates' table",
                t.backend
            );
        }
        // The Kazakh ballot declares the Russian post; the Russian one needs not.
        let kk = t.get(&format!("{}/ballot?lang=kk", w.contest)).await;
        assert!(
            kk.body.contains(" lang=\"ru\">аким Абайского района<"),
            "{}",
            t.backend
        );
        let ru = t.get(&format!("{}/ballot?lang=ru", w.contest)).await;
        assert!(ru.body.contains(">аким Абайского района<"), "{}", t.backend);
        assert!(!ru.body.contains(" lang=\"ru\">аким"), "{}", t.backend);
    }
}

#[tokio::test]
async fn every_broken_rule_of_the_election_forms_shows_at_once_next_to_its_field() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        move_to(&t, &clock, CALL_AT, &mut [&mut tik]).await;
        let before = t.ledger_size().await;
        // The call: a missing name, a bad date, a malformed code.
        let r = t
            .post_form_as(
                "/elections/call?lang=ru",
                &[
                    ("name_ru", ""),
                    ("name_kk", "Абай ауданы"),
                    ("ruleset", "kz-akim-district-2023"),
                    ("election_day", "31.02.2025"),
                    ("units", "10320000x"),
                ],
                &tik,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
        for f in ["name_ru", "election_day", "units"] {
            assert!(
                field_error(&r.body, f).is_some(),
                "{}: no error next to {f}: {}",
                t.backend,
                main_text(&r.body)
            );
        }
        assert!(
            summary_items(&r.body).len() >= 3,
            "{:?}",
            summary_items(&r.body)
        );
        // A unit outside the commission's territory and a day too soon.
        let r = t
            .post_form_as(
                "/elections/call?lang=kk",
                &[
                    ("name_ru", "Выборы"),
                    ("name_kk", "Сайлау"),
                    ("ruleset", "kz-akim-district-2023"),
                    ("election_day", "2025-03-20"),
                    ("units", "113200000"),
                ],
                &tik,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
        assert!(
            field_error(&r.body, "units").is_some(),
            "{}: {}",
            t.backend,
            main_text(&r.body)
        );
        assert!(
            field_error(&r.body, "election_day").is_some(),
            "{}: {}",
            t.backend,
            main_text(&r.body)
        );
        assert!(
            unfit(Lang::Kk, &r.body).is_empty(),
            "{:?}",
            unfit(Lang::Kk, &r.body)
        );
        assert_eq!(
            t.ledger_size().await,
            before,
            "{}: a refused call wrote",
            t.backend
        );
    }
}

/// The party's nominee of the walk is declared the sitting akim; a self-nominee declaring it too
/// in the same contest is refused next to the checkbox, in the reader's language, and nothing is
/// written.
#[tokio::test]
async fn a_second_sitting_akim_in_a_contest_is_refused_next_to_its_checkbox() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let tik = w.tik.clone();
        let before = t.ledger_size().await;
        for (lang, said) in [
            (
                Lang::Ru,
                "уже выдвинут кандидат, указанный как действующий аким",
            ),
            (
                Lang::Kk,
                "қазіргі әкім деп белгіленген кандидат ұсынылып қойған",
            ),
            (Lang::En, "already declared the sitting akim"),
        ] {
            let r = t
                .post_form_as(
                    &format!("{}/self-nomination?lang={}", w.contest, lang.code()),
                    &[
                        ("surname", "Екінші"),
                        ("given_name", "Арман"),
                        ("birth_date", "1979-01-02"),
                        ("gender", "male"),
                        ("current_post", "аким Абайского района"),
                        ("residence", "с. Карааул"),
                        ("incumbent", "on"),
                    ],
                    &tik,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
            let next_to = field_error(&r.body, "incumbent").unwrap_or_default();
            assert!(
                next_to.contains(said),
                "{} [{}]: {next_to:?}\n{}",
                t.backend,
                lang.code(),
                main_text(&r.body)
            );
            assert!(
                r.body.contains(r#"name="incumbent" value="on" aria-describedby="f-incumbent-hint f-incumbent-error" aria-invalid="true" checked"#),
                "{}: the checkbox keeps its tick and points to its error",
                t.backend
            );
            let summary = summary_items(&r.body).join(" | ");
            assert!(
                summary.contains(said),
                "{} [{}]: {summary}",
                t.backend,
                lang.code()
            );
            assert!(
                unfit(lang, &r.body).is_empty(),
                "{}: {:?}",
                t.backend,
                unfit(lang, &r.body)
            );
        }
        assert_eq!(
            t.ledger_size().await,
            before,
            "{}: a refusal wrote",
            t.backend
        );
    }
}

/// A drop-down left empty asks to choose, not to enter, next to it and in the summary, in every
/// language; a text field left empty still asks to fill it in.
#[tokio::test]
async fn an_empty_drop_down_asks_to_choose_a_value() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        move_to(&t, &clock, CALL_AT, &mut [&mut tik]).await;
        for (lang, choose, enter) in [
            (Lang::Ru, "Выберите значение.", "Заполните это поле."),
            (Lang::Kk, "Тізімнен таңдаңыз.", "Бұл өрісті толтырыңыз."),
            (Lang::En, "Choose a value.", "Enter a value."),
        ] {
            let r = t
                .post_form_as(
                    &format!("/elections/call?lang={}", lang.code()),
                    &[
                        ("name_ru", "Выборы"),
                        ("name_kk", "Сайлау"),
                        ("ruleset", ""),
                        ("election_day", "2025-05-11"),
                        ("units", ""),
                    ],
                    &tik,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
            let ruleset = field_error(&r.body, "ruleset").unwrap_or_default();
            assert!(
                ruleset.ends_with(choose),
                "{} [{}]: {ruleset}",
                t.backend,
                lang.code()
            );
            let units = field_error(&r.body, "units").unwrap_or_default();
            assert!(
                units.ends_with(enter),
                "{} [{}]: {units}",
                t.backend,
                lang.code()
            );
            let summary = summary_items(&r.body).join(" | ");
            assert!(
                summary.contains(&format!(": {}", choose.to_lowercase())),
                "{} [{}]: {summary}",
                t.backend,
                lang.code()
            );
        }
    }
}

#[tokio::test]
async fn forms_are_offered_only_to_whoever_may_use_them() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let tik = w.tik.clone();
        let observer = t.login(Role::Observer, Scope::Global).await;
        // Anonymous and observers see no decision forms; the commission does.
        let anon = t.get(&w.self_nominee).await;
        assert_eq!(anon.status, StatusCode::OK);
        assert!(!anon.body.contains("/register#register"), "{}", t.backend);
        let obs = t.get_as(&w.self_nominee, &observer).await;
        assert!(!obs.body.contains("/deposit#deposit"), "{}", t.backend);
        let own = t.get_as(&w.self_nominee, &tik).await;
        assert!(own.body.contains("/deposit#deposit"), "{}", t.backend);
        // The call form and the workbench are the commission's.
        assert_eq!(
            t.get_as("/elections/call", &observer).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            t.get("/elections/workbench").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            t.get_as("/elections/workbench", &observer).await.status,
            StatusCode::FORBIDDEN
        );
        // A refused POST by an observer writes nothing.
        let before = t.ledger_size().await;
        let r = t
            .post_form_as(&format!("{}/register", w.self_nominee), &[], &observer)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", t.backend);
        assert_eq!(t.ledger_size().await, before);
        // Unknown ids are 404 pages, not errors.
        for path in [
            "/elections/00000000-0000-0000-0000-000000000000",
            "/elections/nonsense",
            "/elections/nominations/00000000-0000-0000-0000-000000000000",
            &format!(
                "{}/contests/00000000-0000-0000-0000-000000000000",
                w.election
            ),
        ] {
            assert_eq!(t.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
    }
}

#[tokio::test]
async fn signature_sheets_show_their_protocol_and_flag_a_duplicate() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let tik = w.tik.clone();
        let r = t
            .post_multipart_as(
                &format!("{}/signatures?lang=ru", w.self_nominee),
                &[],
                ("file", "sheets.csv", sheets(10).as_bytes()),
                &tik,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            t.backend,
            main_text(&r.body)
        );
        for (lang, r) in in_three_languages(&t, &w.self_nominee, Some(&tik)).await {
            assert!(
                r.body.contains("class=\"flagged\""),
                "{}: no flagged line",
                t.backend
            );
            if lang == Lang::Ru {
                assert_has(&r, "Лист 1, строка 11", "the duplicate's place");
                assert_has(
                    &r,
                    "повторная подпись того же лица",
                    "the duplicate's ground",
                );
                assert_has(
                    &r,
                    "Подписей достаточно",
                    "the verdict (10 valid of 9 needed)",
                );
            }
        }
        // The public sees the counts, not the signers' lines.
        let anon = t.get(&format!("{}?lang=ru", w.self_nominee)).await;
        assert!(!anon.body.contains("class=\"flagged\""), "{}", t.backend);
        assert_has(&anon, "Действительных подписей", "the counts");
        // A file with a bad row is refused whole, the row named with its line.
        let bad = "sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on\n1,1,Иванов,Иван,,12345,адрес,103200000,2025-03-10\n1,x,Иванов,Иван,,800102300010,адрес,103200000,2025-03-10\n";
        let before = t.ledger_size().await;
        let r = t
            .post_multipart_as(
                &format!("{}/signatures?lang=kk", w.self_nominee),
                &[],
                ("file", "bad.csv", bad.as_bytes()),
                &tik,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {}",
            t.backend,
            main_text(&r.body)
        );
        assert!(
            field_error(&r.body, "file").is_some(),
            "{}: {}",
            t.backend,
            main_text(&r.body)
        );
        assert!(
            unfit(Lang::Kk, &r.body).is_empty(),
            "{:?}",
            unfit(Lang::Kk, &r.body)
        );
        assert_eq!(t.ledger_size().await, before);
    }
}
