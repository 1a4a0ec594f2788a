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
/// Signs in the counting commission of the conference at `conf` (its page's path).
async fn counting_commission(t: &TestApp, conf: &str) -> Login {
    t.login(
        Role::CountingCommission,
        Scope::Conference {
            conference: sailau_domain::party::commands::ConferenceId(
                uuid::Uuid::parse_str(conf.rsplit('/').next().unwrap()).unwrap(),
            ),
        },
    )
    .await
}

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
        // The roster says when, in the branch's local time with its zone (newcomer test: a UTC
        // clock time with no zone). Kazakhstan is on UTC+5 since 1 March 2024.
        for (lang, joint) in [("ru", " в "), ("kk", " ж. сағат "), ("en", " at ")] {
            let r = t.get_as(&format!("{conf}?lang={lang}"), &sec).await;
            let roster = r.body.split("id=\"roster\"").nth(1).unwrap_or_default();
            let time = roster
                .split("badge--ok\">")
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or_default();
            assert!(
                time.contains(joint) && time.ends_with(" (UTC+5)"),
                "{b} [{lang}]: the check-in time {time:?}"
            );
        }
        assert!(
            count.body.contains("Присутствует 1 из 3 делегатов"),
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
        // The conference's counting commission sees the same form (newcomer test: it saw none,
        // while the server accepted its count).
        let counting = counting_commission(&t, &conf).await;
        let r = t.get_as(&format!("{conf}?lang=kk"), &counting).await;
        assert_eq!(r.status, StatusCode::OK, "{b}");
        assert!(
            r.body.contains(&format!("action=\"{motion}")),
            "{b}: the counting commission has the count form: {}",
            main_text(&r.body)
        );
        let r = t
            .submit(
                &format!("{motion}?lang=ru"),
                &[("votes_for_0", "1"), ("against", "0"), ("abstain", "0")],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_has(&r, "Нет кворума", "no quorum");
        // A blank count form is not a vote of 0/0/0: each count is required (newcomer test).
        let r = t
            .submit(
                &format!("{motion}?lang=ru"),
                &[("votes_for_0", ""), ("against", ""), ("abstain", "")],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_has(
            &r,
            "Заполните это поле.",
            "the blank count named at its field",
        );
        assert!(r.body.contains("f-against-error"), "next to the field");
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

        // The nomination's unit is chosen from the branch's units by name, the branch's own
        // territory first chosen.
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(
            &r,
            &format!("<option value=\"{UNIT}\" selected>Абайский район ({UNIT})</option>"),
            "the unit picker",
        );
        // Fields the motion needs for one subject only say which, instead of "(optional)"
        // (newcomer test: the unit was marked optional, yet a nomination needs it).
        for (lang, unit, text, optional) in [
            (
                "ru",
                "Территория <span class=\"field__optional\">(обязательно при выдвижении кандидата)</span>",
                "(обязательно для постановления или партийного списка)",
                "(необязательно)",
            ),
            (
                "kk",
                "Аумақ <span class=\"field__optional\">(кандидат ұсынғанда міндетті)</span>",
                "(қаулы немесе партиялық тізім үшін міндетті)",
                "(міндетті емес)",
            ),
            (
                "en",
                "Unit <span class=\"field__optional\">(required for a nomination)</span>",
                "(required for a resolution or a party list)",
                "(optional)",
            ),
        ] {
            let r = t.get_as(&format!("{conf}?lang={lang}"), &sec).await;
            assert_has(&r, unit, "the unit says when it is required");
            assert_has(&r, text, "the text says when it is required");
            let motion_form = r.body.split("id=\"new-motion\"").nth(1).unwrap_or_default();
            let motion_form = motion_form.split("</form>").next().unwrap_or_default();
            assert!(
                !motion_form.contains(optional),
                "{b} [{lang}]: a field marked optional in the motion form"
            );
        }
        // A nomination without its unit: the drop-down asks to choose one.
        let r = t
            .submit(
                &format!("{conf}/motions?lang=ru"),
                &[
                    ("subject", "nominate"),
                    ("mode", "open"),
                    ("unit", ""),
                    ("contenders", "AM-1"),
                ],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let unit = field_error(&r.body, "unit").unwrap_or_default();
        assert!(unit.ends_with("Выберите значение."), "{b}: {unit}");

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

        // Another election of the unit is called whose nomination opens tomorrow: the hand-off
        // offers only the contest whose nomination is open, and says when the other's opens.
        let r = t
            .submit(
                "/elections/call",
                &[
                    ("name_ru", "Повторные выборы акима Абайского района"),
                    ("name_kk", "Абай ауданы әкімінің қайта сайлауы"),
                    ("name_en", ""),
                    ("ruleset", "kz-akim-district-2023"),
                    ("election_day", "2025-06-29"),
                    ("units", UNIT),
                ],
                &tik,
                StatusCode::SEE_OTHER,
            )
            .await;
        let _ = location_path(&r);

        // The hand-off: a missing post is shown next to its field, then the nomination is filed
        // and the commission sees it in its workbench.
        let hand_off = motion.replace("/votes", "/hand-off");
        let page = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(
            &page,
            "Повторные выборы акима Абайского района: этап «выдвижение кандидатов» начнётся 06.03.2025 в 00:00",
            "the other election's nomination is not open yet",
        );
        let offered: Vec<&str> = page
            .body
            .split("<option value=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .filter(|v| v.len() == 36)
            .collect();
        assert_eq!(
            offered.len(),
            1,
            "{b}: only the open contest is offered: {offered:?}"
        );
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
            ("incumbent", "on"),
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
        // The party's declaration that its nominee is the sitting akim is kept on the form.
        let ticked = r
            .body
            .split("name=\"incumbent\"")
            .nth(1)
            .and_then(|s| s.split('>').next())
            .unwrap_or_default();
        assert!(ticked.contains("checked"), "{b}: {ticked}");
        let mut fields = vec![
            ("contest", contest.as_str()),
            ("post", "аким Абайского района"),
            ("residence", "с. Карааул"),
            ("incumbent", "on"),
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
        assert_has(&r, "действующий аким", "declared the sitting akim");
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

/// Members of the primary organization in the rural okrug below the district.
const OKRUG_MEMBERS: &str = "card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code\n\
AM-11,Оспанов,Ерлан,,1980-04-04,2010-01-01,103220000\n\
AM-12,Мусина,Гүлнар,,1982-05-05,2011-02-02,103220000\n\
AM-13,Тулегенов,Марат,,1984-06-06,2012-03-03,103220000\n";

/// The region's and a rural okrug's branches (the primary organization), its members, and the
/// district's 50th conference convened through the page: its path.
async fn pipeline_setup(t: &TestApp, sec: &Login) -> String {
    use sailau_domain::registry::CreateTerritory;
    use sailau_domain::{Names, Territory, TerritoryKind};
    let op = Acting::Operator;
    t.app
        .execute(
            &op,
            CreateTerritory {
                territory: Territory {
                    code: TerritoryCode::parse("103220000").unwrap(),
                    parent_code: Some(TerritoryCode::parse(UNIT).unwrap()),
                    kind: TerritoryKind::RuralOkrug,
                    names: Names {
                        ru: "Карааульский сельский округ".into(),
                        kk: "Қарауыл ауылдық округі".into(),
                        en: "Karaaul Rural District".into(),
                    },
                },
            },
        )
        .await
        .unwrap();
    for b in ["100000000", "103220000"] {
        t.app
            .execute(
                &op,
                CreateBranch {
                    branch: Branch {
                        party_code: amanat(),
                        territory_code: TerritoryCode::parse(b).unwrap(),
                    },
                },
            )
            .await
            .unwrap();
    }
    let r = t
        .post_multipart_as(
            "/party/amanat/branches/103220000/members",
            &[],
            ("file", "members.csv", OKRUG_MEMBERS.as_bytes()),
            sec,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", main_text(&r.body));
    let r = t
        .submit(
            &format!("/party/amanat/branches/{UNIT}/conferences"),
            &[
                ("kind", "extraordinary"),
                ("held_on", "2025-03-05"),
                ("place", "с. Карааул, районный Дом культуры"),
                ("agenda", "Об избрании делегатов на областную конференцию"),
            ],
            sec,
            StatusCode::SEE_OTHER,
        )
        .await;
    location_path(&r)
}

#[tokio::test]
async fn a_primary_meeting_elects_delegates_through_its_page() {
    for (t, clock) in common::backends_with_clocks(NOMINATE_AT.parse().unwrap()).await {
        let b = t.backend;
        let _ = clock;
        t.load_small().await;
        party_setup(&t).await;
        let sec = branch_secretary(&t).await;
        let conf = pipeline_setup(&t, &sec).await;
        let meetings = format!("{conf}/meetings");

        // Linked from the conference; the form offers the okrug's organization, in 3 languages.
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(&r, &meetings, "the conference links its meetings");
        let pages = in_three_languages(&t, &meetings, Some(&sec)).await;
        for (lang, r) in &pages {
            let (heading, okrug) = match lang {
                Lang::Ru => ("Внести протокол собрания", "Карааульский сельский округ"),
                Lang::Kk => ("жиналысының хаттамасын енгізу", "Қарауыл ауылдық округі"),
                Lang::En => ("Record a meeting", "Karaaul Rural District"),
            };
            assert_has(r, heading, "the form");
            assert_has(r, okrug, "the primary organization offered");
        }

        // Every broken rule at once, next to its field, nothing written.
        let before = t.ledger_size().await;
        let r = t
            .submit(
                &format!("{meetings}?lang=ru"),
                &[
                    ("organization", ""),
                    ("held_on", "2025-03-09"),
                    ("members_present", "три"),
                    ("seats", "0"),
                    ("card_0", "NOPE-1"),
                    ("for_0", "2"),
                    ("card_1", "AM-11"),
                    ("for_1", "x"),
                ],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        for field in [
            "organization",
            "held_on",
            "members_present",
            "seats",
            "card_0",
            "for_1",
        ] {
            assert!(
                field_error(&r.body, field).is_some(),
                "{b}: {field}: {}",
                main_text(&r.body)
            );
        }
        let e = field_error(&r.body, "card_0").unwrap_or_default();
        assert!(e.contains("NOPE-1"), "{b}: the unknown card named: {e}");
        let e = field_error(&r.body, "held_on").unwrap_or_default();
        assert!(e.contains("не позднее дня конференции"), "{b}: {e}");
        assert_eq!(t.ledger_size().await, before, "{b}: nothing half-written");

        // Counts above the members present, refused by the domain on the row's card.
        let r = t
            .submit(
                &format!("{meetings}?lang=kk"),
                &[
                    ("organization", "103220000"),
                    ("held_on", "2025-03-01"),
                    ("members_present", "3"),
                    ("seats", "1"),
                    ("card_2", "AM-11"),
                    ("for_2", "3"),
                    ("against_2", "1"),
                ],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let e = field_error(&r.body, "card_2").unwrap_or_default();
        assert!(e.contains('3'), "{b}: counts above present, in Kazakh: {e}");

        // The meeting: AM-11 reaches the majority of the members present, AM-12 does not.
        t.submit(
            &meetings,
            &[
                ("organization", "103220000"),
                ("held_on", "2025-03-01"),
                ("members_present", "3"),
                ("seats", "1"),
                ("card_0", "AM-11"),
                ("for_0", "3"),
                ("card_1", "AM-12"),
                ("for_1", "1"),
                ("against_1", "2"),
            ],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t.get_as(&format!("{meetings}?lang=ru"), &sec).await;
        assert_has(&r, "Оспанов Ерлан", "the contender by name");
        assert_has(&r, "мандат № 1", "elected with the first mandate");
        assert_has(&r, "не избран(а)", "the other not elected");
        let r = t.get_as(&format!("{conf}?lang=ru"), &sec).await;
        assert_has(&r, "Оспанов Ерлан", "the elected delegate on the roster");

        // Another branch's secretary and the public: no form, no names; a POST is refused.
        let other = t
            .login(
                Role::PartySecretary,
                Scope::Party {
                    party: amanat(),
                    territory: Some(TerritoryCode::parse("110000000").unwrap()),
                },
            )
            .await;
        for who in [None, Some(&other)] {
            let r = match who {
                Some(w) => t.get_as(&format!("{meetings}?lang=ru"), w).await,
                None => t.get(&format!("{meetings}?lang=ru")).await,
            };
            assert_eq!(r.status, StatusCode::OK, "{b}");
            assert!(
                !r.body.contains("Оспанов"),
                "{b}: a name shown to an outsider"
            );
            assert!(!r.body.contains("name=\"card_0\""), "{b}: the form shown");
        }
        let before = t.ledger_size().await;
        t.submit(
            &meetings,
            &[
                ("organization", "103220000"),
                ("held_on", "2025-03-01"),
                ("members_present", "3"),
                ("seats", "1"),
                ("card_0", "AM-13"),
                ("for_0", "3"),
            ],
            &other,
            StatusCode::FORBIDDEN,
        )
        .await;
        assert_eq!(t.ledger_size().await, before, "{b}");
    }
}

#[tokio::test]
async fn the_regional_dashboard_and_plan_pages() {
    for (t, clock) in common::backends_with_clocks(NOMINATE_AT.parse().unwrap()).await {
        let b = t.backend;
        let _ = clock;
        t.load_small().await;
        party_setup(&t).await;
        let sec = branch_secretary(&t).await;
        let conf = pipeline_setup(&t, &sec).await;
        let dashboard = "/party/amanat/regions/100000000";

        // Linked from the branches and from the district's branch.
        let r = t.get("/party/amanat/branches?lang=ru").await;
        assert_has(&r, dashboard, "the tree links the region's dashboard");
        let r = t
            .get(&format!("/party/amanat/branches/{UNIT}?lang=ru"))
            .await;
        assert_has(
            &r,
            dashboard,
            "the district's branch links its region's dashboard",
        );

        // Public, in three languages; no plan yet: the district's conference is pending.
        let pages = in_three_languages(&t, dashboard, None).await;
        for (lang, r) in &pages {
            let pending = match lang {
                Lang::Ru => "предстоит",
                Lang::Kk => "алда",
                Lang::En => "pending",
            };
            assert_has(r, pending, "the district's stage");
            assert!(
                !r.body.contains("name=\"starts_on\""),
                "{b}: no plan form for the public"
            );
        }
        assert_has(&pages[0].1, &conf, "the conference linked");
        let r = t.get("/party/amanat/regions/103200000").await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "{b}: a district has no dashboard"
        );

        // The plan: every broken rule next to its field, nothing written.
        let before = t.ledger_size().await;
        let r = t
            .submit(
                &format!("{dashboard}/plan?lang=ru"),
                &[
                    ("starts_on", "2025-03-10"),
                    ("primary_meetings_by", "2025-03-01"),
                    ("district_conferences_by", ""),
                    ("regional_conference_by", "31.02.2025"),
                ],
                &sec,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        for field in [
            "primary_meetings_by",
            "district_conferences_by",
            "regional_conference_by",
        ] {
            assert!(
                field_error(&r.body, field).is_some(),
                "{b}: {field}: {}",
                main_text(&r.body)
            );
        }
        let e = field_error(&r.body, "primary_meetings_by").unwrap_or_default();
        assert!(e.contains("по порядку"), "{b}: {e}");
        assert_eq!(t.ledger_size().await, before, "{b}: nothing half-written");

        // Adopted; on 6 March the district's conference (due 4 March, not held) is overdue.
        t.submit(
            &format!("{dashboard}/plan"),
            &[
                ("starts_on", "2025-02-01"),
                ("primary_meetings_by", "2025-03-01"),
                ("district_conferences_by", "2025-03-04"),
                ("regional_conference_by", "2025-03-10"),
            ],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t.get(&format!("{dashboard}?on=2025-03-06&lang=ru")).await;
        assert_has(&r, "просрочена", "overdue after its deadline");
        assert_has(&r, "04.03.2025", "the deadline shown");
        assert!(r.body.contains("data-status=\"overdue\""), "{b}");
        let r = t.get(&format!("{dashboard}?on=2025-03-02&lang=kk")).await;
        assert!(
            !r.body.contains("data-status=\"overdue\""),
            "{b}: nothing overdue yet"
        );
        assert_has(&r, "алда", "pending before the deadline, in Kazakh");
        let r = t.get(&format!("{dashboard}?on=2025-02-31&lang=en")).await;
        assert_eq!(r.status, StatusCode::OK, "{b}");
        assert!(field_error(&r.body, "on").is_some(), "{b}: a bad day named");

        // Another branch's secretary: no form, refused.
        let other = t
            .login(
                Role::PartySecretary,
                Scope::Party {
                    party: amanat(),
                    territory: Some(TerritoryCode::parse("110000000").unwrap()),
                },
            )
            .await;
        let r = t.get_as(dashboard, &other).await;
        assert!(!r.body.contains("name=\"starts_on\""), "{b}: no plan form");
        let before = t.ledger_size().await;
        t.submit(
            &format!("{dashboard}/plan"),
            &[
                ("starts_on", "2025-02-01"),
                ("primary_meetings_by", "2025-03-01"),
                ("district_conferences_by", "2025-03-04"),
                ("regional_conference_by", "2025-03-10"),
            ],
            &other,
            StatusCode::FORBIDDEN,
        )
        .await;
        assert_eq!(t.ledger_size().await, before, "{b}");
    }
}

#[tokio::test]
async fn members_and_delegates_see_their_own_record_only() {
    for (t, clock) in common::backends_with_clocks(NOMINATE_AT.parse().unwrap()).await {
        let b = t.backend;
        let _ = clock;
        t.load_small().await;
        party_setup(&t).await;
        let sec = branch_secretary(&t).await;
        let conf = pipeline_setup(&t, &sec).await;
        t.submit(
            &format!("{conf}/meetings"),
            &[
                ("organization", "103220000"),
                ("held_on", "2025-03-01"),
                ("members_present", "3"),
                ("seats", "1"),
                ("card_0", "AM-11"),
                ("for_0", "3"),
            ],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let store = t.app.store();
        let delegate_id = store
            .member_by_card(&amanat(), "AM-11")
            .await
            .unwrap()
            .unwrap();
        let member_id = store
            .member_by_card(&amanat(), "AM-12")
            .await
            .unwrap()
            .unwrap();
        let delegate = t
            .login(
                Role::PartyDelegate,
                Scope::Member {
                    member: delegate_id,
                },
            )
            .await;
        let member = t
            .login(Role::PartyMember, Scope::Member { member: member_id })
            .await;
        let own = format!("/party/members/{}", delegate_id.0);

        // The account page links the own record and names the scope, never an identifier.
        let r = t.get_as("/account?lang=ru", &delegate).await;
        assert_has(&r, &own, "the account links the own record");
        assert_has(&r, "Оспанов Ерлан", "the scope by name");
        assert!(
            !main_text(&r.body).contains(&delegate_id.0.to_string()),
            "{b}"
        );

        // The delegate's seat: not yet checked in, then checked in.
        let pages = in_three_languages(&t, &own, Some(&delegate)).await;
        assert_has(&pages[0].1, "AM-11", "the card number");
        assert_has(&pages[0].1, "не зарегистрирован(а)", "not checked in");
        assert_has(&pages[0].1, "L (50-я)", "the conference");
        t.submit(
            &format!("{conf}/check-in"),
            &[("mandate", "1")],
            &sec,
            StatusCode::SEE_OTHER,
        )
        .await;
        let r = t.get_as(&format!("{own}?lang=ru"), &delegate).await;
        assert_has(&r, "Зарегистрирован(а):", "checked in");
        assert_has(&r, "(UTC+5)", "the check-in time with its zone");
        assert!(!r.body.contains("(UTC)"), "{b}: a UTC time");

        // Another member may not see it; the member sees their own.
        let r = t.get_as(&own, &member).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        let r = t
            .get_as(&format!("/party/members/{}?lang=en", member_id.0), &member)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}");
        assert_has(&r, "Not on any conference", "no seats");
        let r = t.get(&own).await;
        assert_ne!(r.status, StatusCode::OK, "{b}: the public is refused");

        // /admin/users names the party roles' scopes.
        let admin = t.login(Role::Administrator, Scope::Global).await;
        counting_commission(&t, &conf).await;
        let r = t.get_as("/admin/users?lang=ru", &admin).await;
        assert_has(&r, "Оспанов Ерлан", "the delegate's scope by name");
        assert_has(&r, "Мусина Гүлнар", "the member's scope by name");
        assert_has(
            &r,
            "L (50-я) внеочередная конференция",
            "the conference by name",
        );
        let text = main_text(&r.body);
        for id in [delegate_id.0.to_string(), member_id.0.to_string()] {
            assert!(!text.contains(&id), "{b}: an identifier on /admin/users");
        }
    }
}
