//! Signature sheets end to end on every configured database (issue 11, item 5): each ground
//! flagged and counted, the threshold met or not, erasure before and after the retention
//! period, bad rows refused whole, and nothing of the signers in the ledger.

use std::sync::atomic::Ordering;

use jiff::civil::Date;
use sailau_app::elections::signatures::SignatureProtocol;
use sailau_app::import::ImportError;
use sailau_app::{Acting, AppError};
use sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
use sailau_domain::elections::signatures::{Ground, SignatureLine};
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, Candidate, ContestId, ElectionId, Level, NewContest,
    NominationId, RuleSet,
};
use sailau_domain::*;

use crate::fixture::{self, Fixture, code, names, territory};

/// 2023-09-16 12:00 in Almaty (UTC+6): the call.
const CALL_MS: i64 = 1_694_844_000_000;
/// 2023-09-25 12:00 in Almaty: sheets are checked.
const CHECK_MS: i64 = CALL_MS + 9 * 86_400_000;

/// A valid IIN for a birth date, gender digit and serial (the check digit searched for).
fn iin(born: Date, century_gender: u8, serial: u32) -> String {
    (serial..serial + 50)
        .find_map(|s| {
            let head = format!(
                "{:02}{:02}{:02}{}{:04}",
                born.year() % 100,
                born.month(),
                born.day(),
                century_gender,
                s % 10_000
            );
            (0..10)
                .map(|d| format!("{head}{d}"))
                .find(|t| sailau_domain::elections::iin::Iin::parse(t).is_ok())
        })
        .unwrap()
}

fn line(sheet: u32, n: u32, iin: &str, territory: &str, on: Date) -> SignatureLine {
    SignatureLine {
        sheet,
        line: n,
        surname: "Жумабаева".into(),
        given_name: "Айгерим".into(),
        patronymic: "Серікқызы".into(),
        iin: iin.into(),
        address: "ул. Абая, 5".into(),
        territory_code: code(territory),
        signed_on: on,
    }
}

/// Calls the election of 5 Nov 2023 in district 101000000 (1,800 voters: 18 signatures needed)
/// and files a self-nomination; returns it.
async fn self_nomination(f: &Fixture) -> NominationId {
    f.app
        .execute(
            &Acting::Operator,
            territory("101030000", Some("101000000"), TerritoryKind::RuralOkrug),
        )
        .await
        .unwrap();
    f.clock.0.store(CALL_MS, Ordering::SeqCst);
    let election = ElectionId(uuid::Uuid::from_u128(1));
    let contest = ContestId(uuid::Uuid::from_u128(2));
    f.app
        .execute(
            &Acting::Operator,
            CallElection {
                election,
                names: names("Выборы акима"),
                level: Level::District,
                election_day: Date::constant(2023, 11, 5),
                territory: Some(code("100000000")),
                contests: vec![NewContest {
                    id: contest,
                    unit: code("101000000"),
                }],
                rule_set: KZ_AKIM_DISTRICT_2023.to_owned(),
                rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
            },
        )
        .await
        .unwrap();
    f.clock.0.store(CALL_MS + 86_400_000, Ordering::SeqCst);
    let nomination = NominationId(uuid::Uuid::from_u128(3));
    f.app
        .execute(
            &Acting::Operator,
            ApplySelfNomination {
                nomination,
                contest,
                candidate: Candidate {
                    person: Person {
                        id: PersonId(uuid::Uuid::from_u128(4)),
                        surname: "Касымов".into(),
                        given_name: "Ерлан".into(),
                        patronymic: "Болатович".into(),
                        birth_date: Date::constant(1975, 4, 12),
                        gender: Gender::Male,
                    },
                    post: "директор школы".into(),
                    residence: "с. Уил".into(),
                    qualifications: Vec::new(),
                    incumbent: false,
                },
            },
        )
        .await
        .unwrap();
    f.clock.0.store(CHECK_MS, Ordering::SeqCst);
    nomination
}

async fn commission(f: &Fixture, name: &str, territory: &str) -> Acting {
    Acting::Account(
        fixture::account(
            f,
            name,
            Role::TerritorialCommission,
            Scope::Territory {
                territory: code(territory),
            },
        )
        .await,
    )
}

async fn protocol(f: &Fixture, acting: Option<&Acting>, n: NominationId) -> SignatureProtocol {
    f.app.signature_protocol(acting, n).await.unwrap()
}

/// 18 valid lines in the unit and its okrug, dated in the window.
fn valid_lines(from_sheet: u32) -> Vec<SignatureLine> {
    (0..18)
        .map(|i| {
            line(
                from_sheet + i / 10,
                i % 10 + 1,
                &iin(Date::constant(1980, 1, 1 + (i % 28) as i8), 3, 100 + i * 60),
                if i % 2 == 0 { "101000000" } else { "101030000" },
                Date::constant(2023, 9, 20),
            )
        })
        .collect()
}

#[tokio::test]
async fn each_ground_is_flagged_and_the_threshold_decides() {
    for f in fixture::registries().await {
        let n = self_nomination(&f).await;
        let tik = commission(&f, "tik.101", "101000000").await;
        let adult = iin(Date::constant(1985, 7, 14), 3, 123);
        let minor = iin(Date::constant(2006, 3, 1), 6, 5);
        let bad_check = {
            let last = adult[11..].parse::<u32>().unwrap();
            format!("{}{}", &adult[..11], (last + 1) % 10)
        };
        let on = Date::constant(2023, 9, 20);
        let lines = vec![
            line(1, 1, &adult, "101000000", on),
            line(1, 2, "12345678", "101000000", on),
            line(1, 3, &bad_check, "101000000", on),
            line(1, 4, &minor, "101000000", on),
            line(
                1,
                5,
                &iin(Date::constant(1960, 3, 3), 3, 9),
                "201000000",
                on,
            ),
            line(
                1,
                6,
                &iin(Date::constant(1961, 3, 3), 4, 9),
                "101000000",
                Date::constant(2023, 9, 1),
            ),
            line(2, 1, &adult, "101030000", on),
        ];
        let report = f
            .app
            .record_signature_sheets(&tik, n, lines)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
        let c = report.counts;
        assert_eq!(
            (
                c.lines,
                c.valid,
                c.iin_malformed,
                c.iin_check_digit,
                c.under_age,
                c.outside_unit,
                c.outside_window,
                c.duplicate
            ),
            (7, 1, 1, 1, 1, 1, 1, 1),
            "{}",
            f.backend
        );
        assert_eq!((report.summary.valid, report.summary.required), (1, 18));
        let p = protocol(&f, Some(&tik), n).await;
        assert!(!p.enough);
        let flagged = p.flagged.clone().unwrap();
        assert_eq!(flagged.len(), 6);
        let dup = flagged.iter().find(|l| l.line.sheet == 2).unwrap();
        assert_eq!(dup.grounds, vec![Ground::Duplicate { sheet: 1, line: 1 }]);
        // The public sees the counts, not the signers.
        let public = protocol(&f, None, n).await;
        assert!(public.flagged.is_none());
        assert_eq!(public.counts, p.counts);
        // A commission of another territory sees the counts only.
        let other = commission(&f, "tik.201", "201000000").await;
        assert!(protocol(&f, Some(&other), n).await.flagged.is_none());
        // ...and may not record sheets there.
        let refused = f
            .app
            .record_signature_sheets(&other, n, valid_lines(3))
            .await
            .unwrap_err();
        assert!(matches!(refused, AppError::Forbidden(_)), "{refused:?}");

        // A second batch brings the valid signatures to the threshold; the adult of batch 1
        // signing again is a duplicate across batches.
        let mut more = valid_lines(3);
        more.push(line(9, 1, &adult, "101000000", on));
        let report = f.app.record_signature_sheets(&tik, n, more).await.unwrap();
        assert_eq!((report.counts.valid, report.counts.duplicate), (18, 1));
        assert_eq!(report.summary.valid, 19);
        let p = protocol(&f, Some(&tik), n).await;
        assert!(p.enough);
        assert_eq!(p.batches.len(), 2);
        let stored = f.app.store().nomination(&n).await.unwrap().unwrap();
        assert_eq!(
            stored.signatures.map(|s| (s.valid, s.required)),
            Some((19, 18))
        );
    }
}

#[tokio::test]
async fn the_ledger_holds_counts_and_a_hash_never_a_signer() {
    for f in fixture::registries().await {
        let n = self_nomination(&f).await;
        let lines = valid_lines(1);
        let report = f
            .app
            .record_signature_sheets(&Acting::Operator, n, lines.clone())
            .await
            .unwrap();
        let entries = f.app.store().ledger_all().await.unwrap();
        let text: String = entries
            .iter()
            .map(|e| String::from_utf8_lossy(&e.entry).into_owned())
            .collect();
        for l in &lines {
            assert!(
                !text.contains(&l.iin),
                "{}: IIN {} in the ledger",
                f.backend,
                l.iin
            );
        }
        assert!(!text.contains("Жумабаева") && !text.contains("Айгерим"));
        let entry = entries
            .iter()
            .find(|e| e.index == report.applied.index)
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&entry.entry).unwrap();
        let cmd = &json["command"];
        assert_eq!(cmd["type"], "record_signature_sheets");
        assert_eq!(cmd["counts"]["valid"], 18);
        assert_eq!(cmd["rows_sha256"].as_str().map(str::len), Some(64));
        // The ledger still verifies and replays (the replay has counts, no lines).
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
    }
}

#[tokio::test]
async fn erasure_waits_for_the_retention_period() {
    for f in fixture::registries().await {
        let n = self_nomination(&f).await;
        let tik = commission(&f, "tik.101", "101000000").await;
        let mut lines = valid_lines(1);
        lines[0].iin = "123".into();
        f.app.record_signature_sheets(&tik, n, lines).await.unwrap();
        let refused = f.app.erase_signature_data(&tik, n).await.unwrap_err();
        match refused {
            AppError::Invalid(v) => assert_eq!(
                v.0[0].rule,
                Rule::SignatureRetention {
                    from: "2024-11-04".into()
                }
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(protocol(&f, Some(&tik), n).await.flagged.unwrap().len(), 1);
        // 365 days after 5 Nov 2023, at noon in Almaty.
        f.clock
            .0
            .store(1_730_700_000_000 + 6 * 3_600_000, Ordering::SeqCst);
        f.app.erase_signature_data(&tik, n).await.unwrap();
        let p = protocol(&f, Some(&tik), n).await;
        assert!(p.erased());
        assert_eq!(p.flagged.unwrap().len(), 0);
        assert_eq!(p.counts.lines, 18);
    }
}

#[tokio::test]
async fn a_file_with_bad_rows_is_refused_whole_with_every_line() {
    for f in fixture::registries().await {
        let n = self_nomination(&f).await;
        let good = iin(Date::constant(1980, 1, 1), 3, 100);
        let csv = format!(
            "sheet;line;surname;given_name;patronymic;iin;address;territory_code;signed_on\n\
             1;1;Жумабаева;Айгерим;;{good};ул. Абая, 5;101000000;20.09.2023\n\
             1;x;Жумабаева;Айгерим;;{good};ул. Абая, 5;101000000;20.09.2023\n\
             1;3;;Айгерим;;{good};ул. Абая, 5;1010;31.09.2023\n\
             1;1;Жумабаева;Айгерим;;{good};ул. Абая, 5;101000000;2023-09-20\n"
        );
        let e = f
            .app
            .import_signature_sheets(
                &Acting::Operator,
                n,
                sailau_tabular::Format::Csv,
                csv.into_bytes(),
            )
            .await
            .unwrap_err();
        let ImportError::Rows(rows) = e else {
            panic!("{e:?}")
        };
        let got: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.field.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "line"),
                (4, "territory_code"),
                (4, "signed_on"),
                (4, "surname"),
                (5, "line"),
            ],
            "{}",
            f.backend
        );
        assert!(
            f.app
                .store()
                .signature_batches(n.0)
                .await
                .unwrap()
                .is_empty(),
            "nothing recorded"
        );
        // The same file without the bad rows is recorded.
        let csv = format!(
            "sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on\n\
             1,1,Жумабаева,Айгерим,,{good},\"ул. Абая, 5\",101000000,20.09.2023\n"
        );
        let report = f
            .app
            .import_signature_sheets(
                &Acting::Operator,
                n,
                sailau_tabular::Format::Csv,
                csv.into_bytes(),
            )
            .await
            .unwrap();
        assert_eq!(report.counts.valid, 1);
    }
}
