//! Golden bytes of the election-day ledger entries (issue 12, i12-day): one entry of every kind,
//! pinned byte for byte (`ledger_entry.rs` checks that every kind has one).

use sailau_domain::elections::protocol::*;
use sailau_domain::elections::turnout::ReportTurnout;
use sailau_domain::elections::*;
use sailau_domain::*;

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

fn election() -> ElectionId {
    ElectionId(uuid::Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0000_0a01,
    ))
}

fn precinct() -> PrecinctRef {
    PrecinctRef {
        region_code: TerritoryCode::parse("150000000").unwrap(),
        number: 501,
    }
}

fn numbers() -> ProtocolNumbers {
    ProtocolNumbers {
        fields: [("voters_on_list", 5000), ("invalid", 10)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        candidates: [(1, 600), (2, 450)].into_iter().collect(),
    }
}

/// One entry of every election-day kind with its canonical bytes.
pub fn golden() -> Vec<(LedgerEntry, &'static str)> {
    vec![
        (
            at(
                60,
                1_699_160_700_000,
                "pec-501",
                ReportTurnout {
                    election: election(),
                    precinct: precinct(),
                    at: "10:00".into(),
                    voted: 800,
                },
            ),
            r#"{"v":2,"index":60,"at_ms":1699160700000,"actor":{"type":"account","username":"pec-501"},"command":{"type":"report_turnout","election":"01900000-0000-7000-8000-000000000a01","precinct":{"region_code":"150000000","number":501},"at":"10:00","voted":800}}"#,
        ),
        (
            at(
                61,
                1_699_198_200_000,
                "pec-501",
                EnterProtocol {
                    election: election(),
                    precinct: precinct(),
                    numbers: numbers(),
                },
            ),
            r#"{"v":2,"index":61,"at_ms":1699198200000,"actor":{"type":"account","username":"pec-501"},"command":{"type":"enter_protocol","election":"01900000-0000-7000-8000-000000000a01","precinct":{"region_code":"150000000","number":501},"numbers":{"fields":{"invalid":10,"voters_on_list":5000},"candidates":{"1":600,"2":450}}}}"#,
        ),
        (
            at(
                62,
                1_699_198_300_000,
                "tec-155",
                AmendProtocol {
                    election: election(),
                    precinct: precinct(),
                    numbers: numbers(),
                    reason: "Пересчёт".into(),
                },
            ),
            r#"{"v":2,"index":62,"at_ms":1699198300000,"actor":{"type":"account","username":"tec-155"},"command":{"type":"amend_protocol","election":"01900000-0000-7000-8000-000000000a01","precinct":{"region_code":"150000000","number":501},"numbers":{"fields":{"invalid":10,"voters_on_list":5000},"candidates":{"1":600,"2":450}},"reason":"Пересчёт"}}"#,
        ),
        (
            at(
                63,
                1_699_198_400_000,
                "pec-501",
                AttachProtocolScan {
                    election: election(),
                    precinct: precinct(),
                    file: AttachmentMeta {
                        sha256: "ab".repeat(32),
                        media_type: MediaType::Jpeg,
                        size: 123_456,
                    },
                },
            ),
            r#"{"v":2,"index":63,"at_ms":1699198400000,"actor":{"type":"account","username":"pec-501"},"command":{"type":"attach_protocol_scan","election":"01900000-0000-7000-8000-000000000a01","precinct":{"region_code":"150000000","number":501},"file":{"sha256":"abababababababababababababababababababababababababababababababab","media_type":"image/jpeg","size":123456}}}"#,
        ),
        (
            at(
                64,
                1_699_198_500_000,
                "obs-aktobe",
                RecordObserverCopy {
                    election: election(),
                    precinct: precinct(),
                    numbers: numbers(),
                },
            ),
            r#"{"v":2,"index":64,"at_ms":1699198500000,"actor":{"type":"account","username":"obs-aktobe"},"command":{"type":"record_observer_copy","election":"01900000-0000-7000-8000-000000000a01","precinct":{"region_code":"150000000","number":501},"numbers":{"fields":{"invalid":10,"voters_on_list":5000},"candidates":{"1":600,"2":450}}}}"#,
        ),
    ]
}
