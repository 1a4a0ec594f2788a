use sailau_domain::*;

fn entry() -> LedgerEntry {
    LedgerEntry {
        v: 1,
        index: 7,
        at_ms: 1_700_000_000_123,
        actor: Actor::Operator,
        command: Command::CreateTerritory(registry::CreateTerritory {
            territory: Territory {
                code: TerritoryCode::parse("151000000").unwrap(),
                parent_code: None,
                kind: TerritoryKind::Region,
                names: Names {
                    ru: "Актюбинская область".into(),
                    kk: "Ақтөбе облысы".into(),
                    en: "Aktobe Region".into(),
                },
            },
        }),
    }
}

#[test]
fn canonical_encoding_round_trips_byte_for_byte() {
    let bytes = entry().encode().unwrap();
    assert_eq!(LedgerEntry::decode_canonical(&bytes).unwrap(), entry());
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with(r#"{"v":1,"index":7,"at_ms":1700000000123,"actor":{"type":"operator"},"command":{"type":"create_territory""#), "{text}");
}

#[test]
fn non_canonical_forms_are_refused() {
    let bytes = entry().encode().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    // Whitespace, reordered fields, escaped letters: same meaning, other bytes.
    let spaced = text.replacen(",", ", ", 1);
    assert!(matches!(
        LedgerEntry::decode_canonical(spaced.as_bytes()),
        Err(LedgerEntryError::NotCanonical)
    ));
    let escaped = text.replacen("Aktobe", "\\u0041ktobe", 1);
    assert!(matches!(
        LedgerEntry::decode_canonical(escaped.as_bytes()),
        Err(LedgerEntryError::NotCanonical)
    ));
    let extra = text.replacen("{\"v\":1,", "{\"v\":1,\"x\":0,", 1);
    assert!(LedgerEntry::decode_canonical(extra.as_bytes()).is_err());
    assert!(matches!(
        LedgerEntry::decode_canonical(b"not json"),
        Err(LedgerEntryError::Malformed(_))
    ));
}

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}
fn user(s: &str) -> Username {
    Username::parse(s).unwrap()
}
fn amanat() -> PartyCode {
    PartyCode::parse("amanat").unwrap()
}
fn at(index: u64, at_ms: i64, actor: Option<&str>, command: impl Into<Command>) -> LedgerEntry {
    LedgerEntry {
        v: 1,
        index,
        at_ms,
        actor: match actor {
            None => Actor::Operator,
            Some(u) => Actor::Account { username: user(u) },
        },
        command: command.into(),
    }
}

/// One entry of every kind, and the exact bytes sailau 0.1 wrote for it (copied from the ledger
/// fixture `crates/app/tests/fixtures/ledger-v1.jsonl`, written before the command pipeline was
/// reorganised). These bytes are what leaf hashes and signed heads cover: they must never change.
fn golden() -> Vec<(LedgerEntry, &'static str)> {
    let mut all = golden_v1();
    all.extend(golden_party());
    all
}

/// i13-party: one entry of every party command, as edition 2 writes it. No entry holds a
/// member's personal data: `record_member` carries only the salted commitment.
fn golden_party() -> Vec<(LedgerEntry, &'static str)> {
    use party::commands::*;
    use party::member::MemberId;
    use party::vote::*;
    let id = |n: u128| uuid::Uuid::from_u128(n);
    let v2 = |index: u64, command: Command| LedgerEntry {
        v: 2,
        ..at(
            index,
            1_795_000_000_000 + index as i64 * 1000,
            Some("amanat.uil"),
            command,
        )
    };
    let conference = ConferenceId(id(0xc0));
    let motion = MotionId(id(0xa0));
    vec![
        (
            v2(
                100,
                RecordMember {
                    member: MemberId(id(1)),
                    party: amanat(),
                    branch: code("154800000"),
                    joined_on: jiff::civil::date(2010, 5, 4),
                    commitment: "9f".repeat(32),
                }
                .into(),
            ),
            PARTY_GOLDEN[0],
        ),
        (
            v2(
                101,
                EraseMemberData {
                    member: MemberId(id(1)),
                }
                .into(),
            ),
            PARTY_GOLDEN[1],
        ),
        (
            v2(
                102,
                SetConferenceCount {
                    party: amanat(),
                    branch: code("154800000"),
                    last: 49,
                }
                .into(),
            ),
            PARTY_GOLDEN[2],
        ),
        (
            v2(
                103,
                ConveneConference {
                    conference,
                    party: amanat(),
                    branch: code("154800000"),
                    ordinal: 50,
                    kind: ConferenceKind::Extraordinary,
                    held_on: jiff::civil::date(2023, 9, 27),
                    place: "с. Уил, Дом культуры".into(),
                    agenda: vec![
                        "О выдвижении кандидата на должность акима Уилского района".into(),
                    ],
                    rules: PartyRules {
                        id: "amanat-2023".into(),
                        quorum: QuorumRule::MoreThanHalfOfElected,
                        decision: DecisionRule::MajorityOfPresent,
                        second_round: SecondRound::TopTwo,
                        sources: vec!["rules.md §5".into()],
                    },
                }
                .into(),
            ),
            PARTY_GOLDEN[3],
        ),
        (
            v2(
                104,
                SeatDelegate {
                    conference,
                    mandate: 17,
                    member: MemberId(id(1)),
                }
                .into(),
            ),
            PARTY_GOLDEN[4],
        ),
        (
            v2(
                105,
                CheckIn {
                    conference,
                    mandate: 17,
                }
                .into(),
            ),
            PARTY_GOLDEN[5],
        ),
        (
            v2(
                106,
                OpenMotion {
                    motion,
                    conference,
                    subject: Subject::Nominate {
                        unit: code("154800000"),
                        contenders: vec![Contender {
                            member: MemberId(id(1)),
                            person: PersonId(id(2)),
                        }],
                    },
                    mode: VoteMode::RollCall,
                }
                .into(),
            ),
            PARTY_GOLDEN[6],
        ),
        (
            v2(
                107,
                RecordVote {
                    motion,
                    round: 1,
                    tally: Tally::RollCall {
                        votes: vec![
                            RollCallVote {
                                mandate: 17,
                                choice: Choice::For(0),
                            },
                            RollCallVote {
                                mandate: 18,
                                choice: Choice::Abstain,
                            },
                        ],
                    },
                }
                .into(),
            ),
            PARTY_GOLDEN[7],
        ),
    ]
}

const PARTY_GOLDEN: [&str; 8] = [
    r#"{"v":2,"index":100,"at_ms":1795000100000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"record_member","member":"00000000-0000-0000-0000-000000000001","party":"amanat","branch":"154800000","joined_on":"2010-05-04","commitment":"9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f"}}"#,
    r#"{"v":2,"index":101,"at_ms":1795000101000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"erase_member_data","member":"00000000-0000-0000-0000-000000000001"}}"#,
    r#"{"v":2,"index":102,"at_ms":1795000102000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"set_conference_count","party":"amanat","branch":"154800000","last":49}}"#,
    r#"{"v":2,"index":103,"at_ms":1795000103000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"convene_conference","conference":"00000000-0000-0000-0000-0000000000c0","party":"amanat","branch":"154800000","ordinal":50,"kind":"extraordinary","held_on":"2023-09-27","place":"с. Уил, Дом культуры","agenda":["О выдвижении кандидата на должность акима Уилского района"],"rules":{"id":"amanat-2023","quorum":"more_than_half_of_elected","decision":"majority_of_present","second_round":"top_two","sources":["rules.md §5"]}}}"#,
    r#"{"v":2,"index":104,"at_ms":1795000104000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"seat_delegate","conference":"00000000-0000-0000-0000-0000000000c0","mandate":17,"member":"00000000-0000-0000-0000-000000000001"}}"#,
    r#"{"v":2,"index":105,"at_ms":1795000105000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"check_in","conference":"00000000-0000-0000-0000-0000000000c0","mandate":17}}"#,
    r#"{"v":2,"index":106,"at_ms":1795000106000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"open_motion","motion":"00000000-0000-0000-0000-0000000000a0","conference":"00000000-0000-0000-0000-0000000000c0","subject":{"kind":"nominate","unit":"154800000","contenders":[{"member":"00000000-0000-0000-0000-000000000001","person":"00000000-0000-0000-0000-000000000002"}]},"mode":"roll_call"}}"#,
    r#"{"v":2,"index":107,"at_ms":1795000107000,"actor":{"type":"account","username":"amanat.uil"},"command":{"type":"record_vote","motion":"00000000-0000-0000-0000-0000000000a0","round":1,"tally":{"kind":"roll_call","votes":[{"mandate":17,"choice":{"for":0}},{"mandate":18,"choice":"abstain"}]}}}"#,
];

fn golden_v1() -> Vec<(LedgerEntry, &'static str)> {
    use accounts::*;
    use registry::*;
    vec![
        (
            at(
                0,
                1_700_000_000_000,
                None,
                CreateTerritory {
                    territory: Territory {
                        code: code("100000000"),
                        parent_code: None,
                        kind: TerritoryKind::Region,
                        names: Names {
                            ru: "Область «Тест» \"кавычки\" \\ / <b>&amp; ё".into(),
                            kk: "Сынақ облысы — Әңғүұқөһі 𝔸".into(),
                            en: "Test Region 'quoted' \u{a0}nbsp".into(),
                        },
                    },
                },
            ),
            "{\"v\":1,\"index\":0,\"at_ms\":1700000000000,\"actor\":{\"type\":\"operator\"},\"command\":{\"type\":\"create_territory\",\"territory\":{\"code\":\"100000000\",\"parent_code\":null,\"kind\":\"region\",\"names\":{\"ru\":\"Область «Тест» \\\"кавычки\\\" \\\\ / <b>&amp; ё\",\"kk\":\"Сынақ облысы — Әңғүұқөһі 𝔸\",\"en\":\"Test Region 'quoted' \u{a0}nbsp\"}}}}",
        ),
        (
            at(
                3,
                1_700_000_000_000,
                None,
                CreatePrecinct {
                    precinct: NewPrecinct {
                        number: 1,
                        territory_code: code("101000000"),
                        address: "ул. Абая, 1".into(),
                        voters: 1000,
                    },
                },
            ),
            r#"{"v":1,"index":3,"at_ms":1700000000000,"actor":{"type":"operator"},"command":{"type":"create_precinct","precinct":{"number":1,"territory_code":"101000000","address":"ул. Абая, 1","voters":1000}}}"#,
        ),
        (
            at(
                6,
                1_700_000_000_000,
                None,
                CreateParty {
                    party: Party {
                        code: amanat(),
                        name_ru: "Партия «AMANAT»".into(),
                        name_kk: "«AMANAT» партиясы".into(),
                        name_en: "AMANAT Party".into(),
                        short_name: "AMANAT".into(),
                    },
                },
            ),
            r#"{"v":1,"index":6,"at_ms":1700000000000,"actor":{"type":"operator"},"command":{"type":"create_party","party":{"code":"amanat","name_ru":"Партия «AMANAT»","name_kk":"«AMANAT» партиясы","name_en":"AMANAT Party","short_name":"AMANAT"}}}"#,
        ),
        (
            at(
                8,
                1_700_000_060_000,
                None,
                CreateAccount {
                    account: Account {
                        username: user("admin"),
                        display_name: "admin".into(),
                        role: Role::Administrator,
                        scope: Scope::Global,
                        active: true,
                    },
                },
            ),
            r#"{"v":1,"index":8,"at_ms":1700000060000,"actor":{"type":"operator"},"command":{"type":"create_account","account":{"username":"admin","display_name":"admin","role":"administrator","scope":{"type":"global"},"active":true}}}"#,
        ),
        (
            at(
                14,
                1_700_000_420_000,
                Some("tec-100"),
                RenameTerritory {
                    code: code("101000000"),
                    names: Names {
                        ru: "Район имени «Абая»".into(),
                        kk: "Абай атындағы аудан".into(),
                        en: String::new(),
                    },
                },
            ),
            r#"{"v":1,"index":14,"at_ms":1700000420000,"actor":{"type":"account","username":"tec-100"},"command":{"type":"rename_territory","code":"101000000","names":{"ru":"Район имени «Абая»","kk":"Абай атындағы аудан","en":""}}}"#,
        ),
        (
            at(
                16,
                1_700_000_540_000,
                Some("pec-100-1"),
                UpdatePrecinct {
                    precinct: PrecinctRef {
                        region_code: code("100000000"),
                        number: 1,
                    },
                    address: "с. Уил, ул. Абая, 12 \"А\"".into(),
                    voters: 1012,
                },
            ),
            r#"{"v":1,"index":16,"at_ms":1700000540000,"actor":{"type":"account","username":"pec-100-1"},"command":{"type":"update_precinct","precinct":{"region_code":"100000000","number":1},"address":"с. Уил, ул. Абая, 12 \"А\"","voters":1012}}"#,
        ),
        (
            at(
                17,
                1_700_000_600_000,
                Some("sec-amanat"),
                UpdateParty {
                    party: Party {
                        code: amanat(),
                        name_ru: "Партия «AMANAT» (обновлено)".into(),
                        name_kk: "«AMANAT» партиясы".into(),
                        name_en: String::new(),
                        short_name: "AMANAT".into(),
                    },
                },
            ),
            r#"{"v":1,"index":17,"at_ms":1700000600000,"actor":{"type":"account","username":"sec-amanat"},"command":{"type":"update_party","party":{"code":"amanat","name_ru":"Партия «AMANAT» (обновлено)","name_kk":"«AMANAT» партиясы","name_en":"","short_name":"AMANAT"}}}"#,
        ),
        (
            at(
                18,
                1_700_000_660_000,
                Some("sec-amanat"),
                CreateBranch {
                    branch: Branch {
                        party_code: amanat(),
                        territory_code: code("101000000"),
                    },
                },
            ),
            r#"{"v":1,"index":18,"at_ms":1700000660000,"actor":{"type":"account","username":"sec-amanat"},"command":{"type":"create_branch","branch":{"party_code":"amanat","territory_code":"101000000"}}}"#,
        ),
        (
            at(
                19,
                1_700_000_720_000,
                Some("sec-amanat"),
                RegisterPerson {
                    person: Person {
                        id: PersonId(uuid::Uuid::from_u128(
                            0x0190_0000_0000_7000_8000_0000_0000_0001,
                        )),
                        surname: "Қасымов".into(),
                        given_name: "Әлихан".into(),
                        patronymic: "Ержанұлы".into(),
                        birth_date: jiff::civil::date(1979, 3, 1),
                        gender: Gender::Male,
                    },
                },
            ),
            r#"{"v":1,"index":19,"at_ms":1700000720000,"actor":{"type":"account","username":"sec-amanat"},"command":{"type":"register_person","person":{"id":"01900000-0000-7000-8000-000000000001","surname":"Қасымов","given_name":"Әлихан","patronymic":"Ержанұлы","birth_date":"1979-03-01","gender":"male"}}}"#,
        ),
        (
            at(
                22,
                1_700_000_900_000,
                Some("admin"),
                ChangeAccountRole {
                    username: user("pec-100-1"),
                    role: Role::PrecinctCommission,
                    scope: Scope::Precincts {
                        precincts: vec![
                            PrecinctRef {
                                region_code: code("100000000"),
                                number: 1,
                            },
                            PrecinctRef {
                                region_code: code("100000000"),
                                number: 2,
                            },
                        ],
                    },
                },
            ),
            r#"{"v":1,"index":22,"at_ms":1700000900000,"actor":{"type":"account","username":"admin"},"command":{"type":"change_account_role","username":"pec-100-1","role":"precinct_commission","scope":{"type":"precincts","precincts":[{"region_code":"100000000","number":1},{"region_code":"100000000","number":2}]}}}"#,
        ),
        (
            at(
                23,
                1_700_000_960_000,
                Some("admin"),
                SetAccountActive {
                    username: user("cec.member"),
                    active: false,
                },
            ),
            r#"{"v":1,"index":23,"at_ms":1700000960000,"actor":{"type":"account","username":"admin"},"command":{"type":"set_account_active","username":"cec.member","active":false}}"#,
        ),
        (
            at(
                24,
                1_700_001_020_000,
                Some("admin"),
                ChangePassword {
                    username: user("tec-100"),
                },
            ),
            r#"{"v":1,"index":24,"at_ms":1700001020000,"actor":{"type":"account","username":"admin"},"command":{"type":"change_password","username":"tec-100"}}"#,
        ),
    ]
}

#[test]
fn every_command_kind_encodes_to_its_pinned_bytes() {
    let mut golden = golden();
    golden.extend(crate::golden_elections::golden());
    golden.extend(crate::golden_signatures::golden());
    golden.extend(crate::golden_day::golden());
    golden.extend(crate::golden_pipeline::golden()); // i13-pipeline
    golden.extend(crate::tabulation::golden()); // i12-results
    golden.extend(crate::primaries::golden()); // i14-primaries
    golden.extend(crate::primaries_online::golden()); // i14-online
    let mut kinds: Vec<CommandKind> = golden.iter().map(|(e, _)| e.command.kind()).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        CommandKind::ALL.to_vec(),
        "one golden entry per kind"
    );
    for (entry, bytes) in golden {
        let kind = entry.command.kind();
        assert_eq!(
            String::from_utf8(entry.encode().unwrap()).unwrap(),
            bytes,
            "{kind}: encoding changed"
        );
        assert_eq!(
            LedgerEntry::decode_canonical(bytes.as_bytes()).unwrap(),
            entry,
            "{kind}: decoding changed"
        );
        assert!(bytes.contains(&format!("\"type\":\"{}\"", kind.as_str())));
    }
}

#[test]
fn entries_of_every_known_edition_are_read_and_others_refused() {
    assert_eq!(command::ENTRY_VERSION, Edition::CURRENT.version());
    assert_eq!(Edition::CURRENT, Edition::V2);
    for (v, edition) in [
        (1, Some(Edition::V1)),
        (2, Some(Edition::V2)),
        (3, None),
        (0, None),
    ] {
        assert_eq!(Edition::of(v), edition, "v{v}");
        let e = LedgerEntry { v, ..entry() };
        let decoded = LedgerEntry::decode_canonical(&e.encode().unwrap());
        match edition {
            Some(_) => assert_eq!(decoded.unwrap(), e, "v{v}"),
            None => assert!(
                matches!(decoded, Err(LedgerEntryError::Version(found)) if found == v),
                "v{v}"
            ),
        }
    }
}

#[test]
fn edition_1_text_is_only_trimmed_and_edition_2_text_is_normalized_and_checked() {
    let decomposed = "Кайынды\u{a0}ауыл\\ы"; // a no-break space and a backslash, as 0.1 accepted
    let v1 = text::clean_in(
        "name_ru",
        &format!(" {decomposed} "),
        text::TextKind::Name,
        200,
        Edition::V1,
    );
    assert_eq!(v1.unwrap(), decomposed);
    let v2 = text::clean_in(
        "name_ru",
        decomposed,
        text::TextKind::Name,
        200,
        Edition::V2,
    );
    assert!(v2.is_err());
}
