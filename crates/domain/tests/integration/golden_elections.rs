//! Golden bytes of the elections context's ledger entries (issue 11): one entry of every kind,
//! pinned byte for byte (`ledger_entry.rs` checks that every kind has one).

use jiff::civil::date;
use sailau_domain::elections::*;
use sailau_domain::*;

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

fn at(index: u64, at_ms: i64, actor: &str, command: impl Into<Command>) -> LedgerEntry {
    LedgerEntry {
        v: 2,
        index,
        at_ms,
        actor: Actor::Account {
            username: Username::parse(actor).unwrap(),
        },
        command: command.into(),
    }
}

fn nomination() -> NominationId {
    NominationId(uuid::Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0000_0c01,
    ))
}

fn contest() -> ContestId {
    ContestId(uuid::Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0000_0b01,
    ))
}

fn candidate() -> Candidate {
    Candidate {
        person: Person {
            id: PersonId(uuid::Uuid::from_u128(
                0x0190_0000_0000_7000_8000_0000_0000_0001,
            )),
            surname: "Казыбаев".into(),
            given_name: "Аскар".into(),
            patronymic: String::new(),
            birth_date: date(1979, 3, 1),
            gender: Gender::Male,
        },
        post: "аким Уилского района".into(),
        residence: "Актюбинская область, Уилский район, с. Уил".into(),
        qualifications: vec!["citizenship".into()],
        incumbent: false,
    }
}

/// One entry of every elections kind with its canonical bytes.
pub fn golden() -> Vec<(LedgerEntry, &'static str)> {
    let decision = Decision {
        number: "1".into(),
        date: date(2023, 9, 27),
        body: "L (50-я) внеочередная конференция Уилского районного филиала".into(),
    };
    vec![
        (
            at(
                30,
                1_694_700_000_000,
                "tec-150",
                CallElection {
                    election: ElectionId(uuid::Uuid::from_u128(
                        0x0190_0000_0000_7000_8000_0000_0000_0a01,
                    )),
                    names: Names {
                        ru: "Выборы акима Уилского района".into(),
                        kk: "Ойыл ауданы әкімінің сайлауы".into(),
                        en: String::new(),
                    },
                    level: Level::District,
                    election_day: date(2023, 11, 5),
                    territory: Some(code("150000000")),
                    contests: vec![NewContest {
                        id: contest(),
                        unit: code("155200000"),
                    }],
                    rule_set: "id = \"x\"\n".into(),
                    rule_set_sha256: "00".into(),
                },
            ),
            r#"{"v":2,"index":30,"at_ms":1694700000000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"call_election","election":"01900000-0000-7000-8000-000000000a01","names":{"ru":"Выборы акима Уилского района","kk":"Ойыл ауданы әкімінің сайлауы","en":""},"level":"district","election_day":"2023-11-05","territory":"150000000","contests":[{"id":"01900000-0000-7000-8000-000000000b01","unit":"155200000"}],"rule_set":"id = \"x\"\n","rule_set_sha256":"00"}}"#,
        ),
        (
            at(
                31,
                1_695_800_000_000,
                "sec-amanat",
                NominateByParty {
                    nomination: nomination(),
                    contest: contest(),
                    candidate: candidate(),
                    party: PartyCode::parse("amanat").unwrap(),
                    decision: decision.clone(),
                    membership: Membership {
                        document: "партийный билет № 1".into(),
                    },
                },
            ),
            r#"{"v":2,"index":31,"at_ms":1695800000000,"actor":{"type":"account","username":"sec-amanat"},"command":{"type":"nominate_by_party","nomination":"01900000-0000-7000-8000-000000000c01","contest":"01900000-0000-7000-8000-000000000b01","candidate":{"person":{"id":"01900000-0000-7000-8000-000000000001","surname":"Казыбаев","given_name":"Аскар","patronymic":"","birth_date":"1979-03-01","gender":"male"},"post":"аким Уилского района","residence":"Актюбинская область, Уилский район, с. Уил","qualifications":["citizenship"]},"party":"amanat","decision":{"number":"1","date":"2023-09-27","body":"L (50-я) внеочередная конференция Уилского районного филиала"},"membership":{"document":"партийный билет № 1"}}}"#,
        ),
        (
            at(
                32,
                1_695_800_060_000,
                "tec-150",
                ApplySelfNomination {
                    nomination: nomination(),
                    contest: contest(),
                    candidate: candidate(),
                },
            ),
            r#"{"v":2,"index":32,"at_ms":1695800060000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"apply_self_nomination","nomination":"01900000-0000-7000-8000-000000000c01","contest":"01900000-0000-7000-8000-000000000b01","candidate":{"person":{"id":"01900000-0000-7000-8000-000000000001","surname":"Казыбаев","given_name":"Аскар","patronymic":"","birth_date":"1979-03-01","gender":"male"},"post":"аким Уилского района","residence":"Актюбинская область, Уилский район, с. Уил","qualifications":["citizenship"]}}}"#,
        ),
        (
            at(
                33,
                1_695_800_120_000,
                "tec-150",
                ProposeByHigherAkim {
                    nomination: nomination(),
                    contest: contest(),
                    candidate: candidate(),
                    proposal: decision,
                },
            ),
            r#"{"v":2,"index":33,"at_ms":1695800120000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"propose_by_higher_akim","nomination":"01900000-0000-7000-8000-000000000c01","contest":"01900000-0000-7000-8000-000000000b01","candidate":{"person":{"id":"01900000-0000-7000-8000-000000000001","surname":"Казыбаев","given_name":"Аскар","patronymic":"","birth_date":"1979-03-01","gender":"male"},"post":"аким Уилского района","residence":"Актюбинская область, Уилский район, с. Уил","qualifications":["citizenship"]},"proposal":{"number":"1","date":"2023-09-27","body":"L (50-я) внеочередная конференция Уилского районного филиала"}}}"#,
        ),
        (
            at(
                34,
                1_695_800_180_000,
                "tec-150",
                AttachDocument {
                    nomination: nomination(),
                    document: "party_decision".into(),
                    file: AttachmentMeta {
                        sha256: "ab".repeat(32),
                        media_type: MediaType::Pdf,
                        size: 1024,
                    },
                },
            ),
            r#"{"v":2,"index":34,"at_ms":1695800180000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"attach_document","nomination":"01900000-0000-7000-8000-000000000c01","document":"party_decision","file":{"sha256":"abababababababababababababababababababababababababababababababab","media_type":"application/pdf","size":1024}}}"#,
        ),
        (
            at(
                35,
                1_695_800_240_000,
                "tec-150",
                TickDocument {
                    nomination: nomination(),
                    document: "application".into(),
                    present: true,
                },
            ),
            r#"{"v":2,"index":35,"at_ms":1695800240000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"tick_document","nomination":"01900000-0000-7000-8000-000000000c01","document":"application","present":true}}"#,
        ),
        (
            at(
                36,
                1_695_800_300_000,
                "tec-150",
                RecordDeposit {
                    nomination: nomination(),
                    amount_tenge: 350_000,
                    paid_on: date(2023, 9, 28),
                    document_number: "ПП-17".into(),
                },
            ),
            r#"{"v":2,"index":36,"at_ms":1695800300000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"record_deposit","nomination":"01900000-0000-7000-8000-000000000c01","amount_tenge":350000,"paid_on":"2023-09-28","document_number":"ПП-17"}}"#,
        ),
        (
            at(
                37,
                1_695_800_360_000,
                "tec-150",
                RegisterCandidate {
                    nomination: nomination(),
                },
            ),
            r#"{"v":2,"index":37,"at_ms":1695800360000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"register_candidate","nomination":"01900000-0000-7000-8000-000000000c01"}}"#,
        ),
        (
            at(
                38,
                1_695_800_420_000,
                "tec-150",
                RefuseRegistration {
                    nomination: nomination(),
                    ground: "qualification_requirements".into(),
                    text: "Нет стажа государственной службы".into(),
                },
            ),
            r#"{"v":2,"index":38,"at_ms":1695800420000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"refuse_registration","nomination":"01900000-0000-7000-8000-000000000c01","ground":"qualification_requirements","text":"Нет стажа государственной службы"}}"#,
        ),
        (
            at(
                39,
                1_695_800_480_000,
                "sec-amanat",
                CancelRegistration {
                    nomination: nomination(),
                    reason: CancelReason::Recalled,
                    text: "Решение бюро филиала № 3".into(),
                },
            ),
            r#"{"v":2,"index":39,"at_ms":1695800480000,"actor":{"type":"account","username":"sec-amanat"},"command":{"type":"cancel_registration","nomination":"01900000-0000-7000-8000-000000000c01","reason":"recalled","text":"Решение бюро филиала № 3"}}"#,
        ),
        (
            at(
                40,
                1_695_800_540_000,
                "tec-150",
                ProduceBallots { contest: contest() },
            ),
            r#"{"v":2,"index":40,"at_ms":1695800540000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"produce_ballots","contest":"01900000-0000-7000-8000-000000000b01"}}"#,
        ),
    ]
}

/// A sitting akim's nomination records `"incumbent":true` after the qualifications; without the
/// flag an entry keeps the bytes it had before incumbency was recorded (the golden entries above,
/// unchanged), and an explicit `"incumbent":false` is not the canonical form.
#[test]
fn an_incumbents_nomination_has_pinned_bytes_and_earlier_entries_read_as_not_incumbent() {
    let entry = at(
        31,
        1_695_800_000_000,
        "sec-amanat",
        NominateByParty {
            nomination: nomination(),
            contest: contest(),
            candidate: Candidate {
                incumbent: true,
                ..candidate()
            },
            party: PartyCode::parse("amanat").unwrap(),
            decision: Decision {
                number: "1".into(),
                date: date(2023, 9, 27),
                body: "L (50-я) внеочередная конференция Уилского районного филиала".into(),
            },
            membership: Membership {
                document: "партийный билет № 1".into(),
            },
        },
    );
    let bytes = r#"{"v":2,"index":31,"at_ms":1695800000000,"actor":{"type":"account","username":"sec-amanat"},"command":{"type":"nominate_by_party","nomination":"01900000-0000-7000-8000-000000000c01","contest":"01900000-0000-7000-8000-000000000b01","candidate":{"person":{"id":"01900000-0000-7000-8000-000000000001","surname":"Казыбаев","given_name":"Аскар","patronymic":"","birth_date":"1979-03-01","gender":"male"},"post":"аким Уилского района","residence":"Актюбинская область, Уилский район, с. Уил","qualifications":["citizenship"],"incumbent":true},"party":"amanat","decision":{"number":"1","date":"2023-09-27","body":"L (50-я) внеочередная конференция Уилского районного филиала"},"membership":{"document":"партийный билет № 1"}}}"#;
    assert_eq!(String::from_utf8(entry.encode().unwrap()).unwrap(), bytes);
    assert_eq!(
        LedgerEntry::decode_canonical(bytes.as_bytes()).unwrap(),
        entry
    );
    // The entries of every nomination route written before the flag: not incumbent, same bytes.
    for (old, old_bytes) in golden() {
        let candidate = match &old.command {
            Command::NominateByParty(c) => &c.candidate,
            Command::ApplySelfNomination(c) => &c.candidate,
            Command::ProposeByHigherAkim(c) => &c.candidate,
            _ => continue,
        };
        assert!(!candidate.incumbent);
        assert!(!old_bytes.contains("incumbent"));
        let decoded = LedgerEntry::decode_canonical(old_bytes.as_bytes()).unwrap();
        assert_eq!(decoded.encode().unwrap(), old_bytes.as_bytes());
    }
    // `false` written out is another byte form of the same entry: refused as not canonical.
    let spelled = bytes.replace(r#""incumbent":true"#, r#""incumbent":false"#);
    assert!(matches!(
        LedgerEntry::decode_canonical(spelled.as_bytes()),
        Err(LedgerEntryError::NotCanonical)
    ));
}
