//! The party pages (issue 13), in-process on every backend: a branch secretary sees the branch
//! tree, loads the member file (every bad row listed at once, nothing imported), convenes the
//! branch's next conference (its number shown as «L (50-я)» / «L (50-ші)»), loads the roster,
//! checks delegates in at the door (a second check-in refused), puts the presidium and a
//! nomination to the vote (no decision without quorum, counts above the delegates present
//! refused, a nominee who is not a member refused), sees each decision at once with its reason,
//! downloads the minutes and files the nomination with the territorial commission, who sees it.
//! Every error is shown next to its field in the reader's language.

use axum::http::StatusCode;
use sailau_app::Acting;
use sailau_domain::party::commands::SetConferenceCount;
use sailau_domain::registry::{CreateBranch, RegisterPerson};
use sailau_domain::{Branch, Gender, PartyCode, Person, PersonId, Role, Scope, TerritoryCode};
use sailau_i18n::Lang;

use crate::common::{self, Login, TestApp};
use crate::elections::{
    CALL_AT, ELECTION_DAY, NOMINATE_AT, UNIT, assert_has, commission, field_error,
    in_three_languages, location_path, main_text, move_to, summary_items,
};

const MEMBERS: &str = "card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code\n\
AM-1,Казыбаев,Аскар,,01.03.1979,04.05.2010,103200000\n\
AM-2,Сейтқали,Мөлдір,,1985-07-12,2012-01-20,103200000\n\
AM-3,Жұмабаев,Нұрлан,,1990-02-02,2015-03-03,103200000\n";

const BAD_MEMBERS: &str = "card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code\n\
AM-1,Казыбаев,Аскар,,01.03.1979,04.05.2010,103200000\n\
AM-2,,Мөлдір,,1985-07-12,2012-01-20,103200000\n\
AM-3,Жұмабаев,Нұрлан,,31.02.1990,2015-03-03,103200000\n";

const ROSTER: &str = "mandate,card_number\n1,AM-1\n2,AM-2\n3,AM-3\n";

fn amanat() -> PartyCode {
    PartyCode::parse("amanat").unwrap()
}

/// The party's branch in Abai District, its 49th conference held before sailau, and the
/// registry person who is member AM-1 (the nominee).
async fn party_setup(t: &TestApp) {
    let op = Acting::Operator;
    t.app
        .execute(
            &op,
            CreateBranch {
                branch: Branch {
                    party_code: amanat(),
                    territory_code: TerritoryCode::parse(UNIT).unwrap(),
                },
            },
        )
        .await
        .unwrap();
    t.app
        .execute(
            &op,
            SetConferenceCount {
                party: amanat(),
                branch: TerritoryCode::parse(UNIT).unwrap(),
                last: 49,
            },
        )
        .await
        .unwrap();
    t.app
        .execute(
            &op,
            RegisterPerson {
                person: Person {
                    id: PersonId(uuid::Uuid::new_v4()),
                    surname: "Казыбаев".into(),
                    given_name: "Аскар".into(),
                    patronymic: String::new(),
                    birth_date: jiff::civil::date(1979, 3, 1),
                    gender: Gender::Male,
                },
            },
        )
        .await
        .unwrap();
}

async fn branch_secretary(t: &TestApp) -> Login {
    t.login(
        Role::PartySecretary,
        Scope::Party {
            party: amanat(),
            territory: Some(TerritoryCode::parse("100000000").unwrap()),
        },
    )
    .await
}

/// Calls the election of Abai District's akim through the commission's form.
async fn call_election(t: &TestApp, tik: &Login) {
    let r = t
        .submit(
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
            StatusCode::SEE_OTHER,
        )
        .await;
    let _ = location_path(&r);
}

#[tokio::test]
async fn a_conference_from_the_member_file_to_the_commissions_workbench() {
    for (t, clock) in common::backends_with_clocks(CALL_AT.parse().unwrap()).await {
        let b = t.backend;
        t.load_small().await;
        let mut tik = commission(&t).await;
        call_election(&t, &tik).await;
        let mut sec = branch_secretary(&t).await;
        move_to(&t, &clock, NOMINATE_AT, &mut [&mut tik, &mut sec]).await;
        party_setup(&t).await;

        // The tree of branches, and the branch with its next number in each language.
        let r = t.get_as("/party/amanat/branches?lang=ru", &sec).await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", main_text(&r.body));
        assert_has(
            &r,
            "/party/amanat/branches/103200000",
            "the branch is linked",
        );
        let branch = "/party/amanat/branches/103200000";
        let pages = in_three_languages(&t, branch, Some(&sec)).await;
        for (lang, r) in &pages {
            let number = match lang {
                Lang::Ru => "L (50-я)",
                Lang::Kk => "L (50-ші)",
                Lang::En => "L (50th)",
            };
            assert_has(r, number, "the next number");
        }

        // A member file with bad rows: each listed with its line, nothing imported.
        let before = t.ledger_size().await;
        let r = t
            .post_multipart_as(
                &format!("{branch}/members?lang=ru"),
                &[],
                ("file", "members.csv", BAD_MEMBERS.as_bytes()),
                &sec,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            main_text(&r.body)
        );
        let text = main_text(&r.body);
        assert!(
            text.contains("Строка 3") || text.contains("строка 3"),
            "{b}: {text}"
        );
        assert!(
            text.contains("Строка 4") || text.contains("строка 4"),
            "{b}: {text}"
        );
        assert_eq!(t.ledger_size().await, before, "{b}: nothing half-written");
        let r = t
            .post_multipart_as(
                &format!("{branch}/members"),
                &[],
                ("file", "members.csv", MEMBERS.as_bytes()),
                &sec,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{b}: {}",
            main_text(&r.body)
        );

        // Convening: every broken rule next to its field, then the 50th conference.
        let r = t
            .submit(
                &format!("{branch}/conferences?lang=ru"),
                &[
                    ("kind", "extraordinary"),
                    ("held_on", "31.02.2025"),
                    ("place", ""),
                    ("agenda", ""),
                ],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        for field in ["held_on", "place", "agenda"] {
            assert!(
                field_error(&r.body, field).is_some(),
                "{b}: {field}: {}",
                main_text(&r.body)
            );
        }
        assert!(summary_items(&r.body).len() >= 3, "{b}");
        let r = t
            .submit(
                &format!("{branch}/conferences"),
                &[
                    ("kind", "extraordinary"),
                    ("held_on", "05.03.2025"),
                    ("place", "с. Карааул, районный Дом культуры"),
                    ("agenda", "О выдвижении кандидата на должность акима района"),
                ],
                &sec,
                StatusCode::SEE_OTHER,
            )
            .await;
        let conf = location_path(&r);
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(&r, "L (50-я) внеочередная конференция", "the title");

        // The roster, then check-in: the live count follows, a second check-in is refused.
        let r = t
            .post_multipart_as(
                &format!("{conf}/roster"),
                &[],
                ("file", "roster.csv", ROSTER.as_bytes()),
                &sec,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{b}: {}",
            main_text(&r.body)
        );
        t.submit(
            &format!("{conf}/check-in"),
            &[("mandate", "1")],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t
            .submit(
                &format!("{conf}/check-in?lang=kk"),
                &[("mandate", "1")],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let e = field_error(&r.body, "mandate").unwrap_or_default();
        assert!(e.contains("тіркел"), "{b}: second check-in in Kazakh: {e}");
        let count = t.get_as(&format!("{conf}/count?lang=ru"), &sec).await;
        assert!(count.body.contains("\"present\":1"), "{b}: {}", count.body);
        assert!(
            count.body.contains("Присутствуют 1 из 3 делегатов"),
            "{b}: {}",
            count.body
        );
        // The search at the door finds the delegate by name.
        let r = t.get_as(&format!("{conf}?q=Жұмабаев&lang=ru"), &sec).await;
        assert_has(&r, "Жұмабаев Нұрлан", "the search result");

        // The presidium, voted with one delegate of three present: no decision without quorum.
        t.submit(
            &format!("{conf}/motions"),
            &[
                ("subject", "presidium"),
                ("mode", "open"),
                ("chair", "1"),
                ("secretary", "2"),
                ("counting_commission", "3"),
            ],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let page = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        let motion = page
            .body
            .split("action=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.starts_with("/party/motions/") && h.contains("/votes"))
            .unwrap_or_else(|| panic!("{b}: no vote form: {}", main_text(&page.body)))
            .split('#')
            .next()
            .unwrap()
            .to_owned();
        let r = t
            .submit(
                &format!("{motion}?lang=ru"),
                &[("votes_for_0", "1"), ("against", "0"), ("abstain", "0")],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_has(&r, "Нет кворума", "no quorum");
        for m in ["2", "3"] {
            t.submit(
                &format!("{conf}/check-in"),
                &[("mandate", m)],
                &sec,
                StatusCode::SEE_OTHER,
            )
            .await;
        }
        // Counts above the delegates present.
        let r = t
            .submit(
                &format!("{motion}?lang=ru"),
                &[("votes_for_0", "3"), ("against", "1"), ("abstain", "0")],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_has(
            &r,
            "Голосов больше, чем присутствующих делегатов (3)",
            "counts above present",
        );
        t.submit(
            &motion,
            &[("votes_for_0", "3"), ("against", "0"), ("abstain", "0")],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(&r, "Решение принято", "the presidium's decision");
        assert_has(&r, "за 3 из 3 присутствующих, требуется более 1,5", "why");

        // A nominee who is not a member, then the member.
        let r = t
            .submit(
                &format!("{conf}/motions?lang=ru"),
                &[
                    ("subject", "nominate"),
                    ("mode", "open"),
                    ("unit", UNIT),
                    ("contenders", "AM-999"),
                ],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let e = field_error(&r.body, "contenders").unwrap_or_default();
        assert!(e.contains("AM-999") && e.contains("член"), "{b}: {e}");
        t.submit(
            &format!("{conf}/motions"),
            &[
                ("subject", "nominate"),
                ("mode", "open"),
                ("unit", UNIT),
                ("contenders", "AM-1"),
            ],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let page = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        let motion = page
            .body
            .split("action=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.starts_with("/party/motions/") && h.contains("/votes"))
            .unwrap()
            .split('#')
            .next()
            .unwrap()
            .to_owned();
        t.submit(
            &motion,
            &[("votes_for_0", "2"), ("against", "0"), ("abstain", "1")],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(
            &r,
            "кандидатом от партии выдвинут Казыбаев Аскар",
            "the nominee",
        );
        assert_has(&r, "за 2 из 3 присутствующих, требуется более 1,5", "why");

        // The minutes in Russian and Kazakh.
        for lang in ["ru", "kk"] {
            let pdf = t
                .get_as(&format!("{conf}/minutes.pdf?lang={lang}"), &sec)
                .await;
            assert_eq!(pdf.status, StatusCode::OK, "{b}");
            assert!(pdf.bytes.starts_with(b"%PDF"), "{b}");
        }

        // The hand-off: a missing post is shown next to its field, then the nomination is filed
        // and the commission sees it in its workbench.
        let hand_off = motion.replace("/votes", "/hand-off");
        let page = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        let contest = page
            .body
            .split("<option value=\"")
            .filter_map(|s| s.split('"').next())
            .find(|v| v.len() == 36)
            .unwrap_or_else(|| panic!("{b}: no contest to choose: {}", main_text(&page.body)))
            .to_owned();
        let quals = [
            ("qualifications", "citizenship"),
            ("qualifications", "legal_capacity"),
            ("qualifications", "civil_service_qualification"),
        ];
        let mut fields = vec![
            ("contest", contest.as_str()),
            ("post", ""),
            ("residence", "с. Карааул"),
        ];
        fields.extend_from_slice(&quals);
        let r = t
            .submit(
                &format!("{hand_off}?lang=ru"),
                &fields,
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(
            field_error(&r.body, "post").is_some(),
            "{b}: {}",
            main_text(&r.body)
        );
        let mut fields = vec![
            ("contest", contest.as_str()),
            ("post", "заместитель акима района"),
            ("residence", "с. Карааул"),
        ];
        fields.extend_from_slice(&quals);
        t.submit(&hand_off, &fields, &sec, StatusCode::SEE_OTHER)
            .await;
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(
            &r,
            "Передано в территориальную избирательную комиссию",
            "handed off",
        );
        let r = t.get_as("/elections/workbench?lang=ru", &tik).await;
        assert_has(
            &r,
            "Казыбаев Аскар",
            "the nomination in the commission's workbench",
        );
    }
}

#[tokio::test]
async fn the_conference_pages_show_no_forms_and_no_names_to_outsiders() {
    for (t, clock) in common::backends_with_clocks(NOMINATE_AT.parse().unwrap()).await {
        let b = t.backend;
        let _ = clock;
        t.load_small().await;
        party_setup(&t).await;
        let sec = branch_secretary(&t).await;
        t.post_multipart_as(
            "/party/amanat/branches/103200000/members",
            &[],
            ("file", "members.csv", MEMBERS.as_bytes()),
            &sec,
        )
        .await;
        let r = t
            .submit(
                "/party/amanat/branches/103200000/conferences",
                &[
                    ("kind", "regular"),
                    ("held_on", "2025-03-05"),
                    ("place", "с. Карааул"),
                    ("agenda", "Отчёт"),
                ],
                &sec,
                StatusCode::SEE_OTHER,
            )
            .await;
        let conf = location_path(&r);
        t.post_multipart_as(
            &format!("{conf}/roster"),
            &[],
            ("file", "roster.csv", ROSTER.as_bytes()),
            &sec,
        )
        .await;
        let outsider = t
            .login(
                Role::PartySecretary,
                Scope::Party {
                    party: PartyCode::parse("akzhol").unwrap(),
                    territory: None,
                },
            )
            .await;
        for who in [None, Some(&outsider)] {
            let r = match who {
                Some(w) => t.get_as(&format!("{conf}?lang=ru"), w).await,
                None => t.get(&format!("{conf}?lang=ru")).await,
            };
            assert_eq!(r.status, StatusCode::OK, "{b}");
            assert!(
                !r.body.contains("Казыбаев"),
                "{b}: a member's name shown to an outsider"
            );
            assert!(
                !r.body.contains("/check-in\""),
                "{b}: a check-in form shown"
            );
        }
        let r = t
            .submit(
                &format!("{conf}/check-in"),
                &[("mandate", "1")],
                &outsider,
                StatusCode::FORBIDDEN,
            )
            .await;
        let _ = r;
        let r = t.get_as(&format!("{conf}?lang=kk"), &sec).await;
        assert_has(&r, "L (50-ші) кезекті конференциясы", "the Kazakh title");
    }
}
