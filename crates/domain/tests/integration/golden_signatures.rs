//! Golden bytes of the signature-sheet entries (issue 11, i11-sign): the ledger holds counts, the
//! number required and the salted hash — no signer.

use sailau_domain::elections::NominationId;
use sailau_domain::elections::signatures::{Counts, EraseSignatureData, RecordSignatureSheets};
use sailau_domain::*;

fn at(index: u64, at_ms: i64, command: impl Into<Command>) -> LedgerEntry {
    LedgerEntry {
        v: 2,
        index,
        at_ms,
        actor: Actor::Account {
            username: Username::parse("tec-150").unwrap(),
        },
        command: command.into(),
    }
}

fn nomination() -> NominationId {
    NominationId(uuid::Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0000_0c02,
    ))
}

pub fn golden() -> Vec<(LedgerEntry, &'static str)> {
    vec![
        (
            at(
                41,
                1_695_300_000_000,
                RecordSignatureSheets {
                    nomination: nomination(),
                    counts: Counts {
                        sheets: 12,
                        lines: 230,
                        valid: 201,
                        iin_malformed: 4,
                        iin_check_digit: 3,
                        under_age: 2,
                        outside_unit: 11,
                        outside_window: 1,
                        duplicate: 8,
                    },
                    required: 180,
                    rows_sha256: "9f2c".repeat(16),
                },
            ),
            r#"{"v":2,"index":41,"at_ms":1695300000000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"record_signature_sheets","nomination":"01900000-0000-7000-8000-000000000c02","counts":{"sheets":12,"lines":230,"valid":201,"iin_malformed":4,"iin_check_digit":3,"under_age":2,"outside_unit":11,"outside_window":1,"duplicate":8},"required":180,"rows_sha256":"9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c"}}"#,
        ),
        (
            at(
                42,
                1_730_800_000_000,
                EraseSignatureData {
                    nomination: nomination(),
                },
            ),
            r#"{"v":2,"index":42,"at_ms":1730800000000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"erase_signature_data","nomination":"01900000-0000-7000-8000-000000000c02"}}"#,
        ),
    ]
}
