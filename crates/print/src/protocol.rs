//! The signature-verification protocol of a self-nominee (issue 11, item 5; rules.md §3): what
//! the commission checked on the signature sheets, counts per ground, the threshold and the
//! verdict, signed by the commission's members.

use sailau_i18n::Catalog;

use crate::model::{Align, Block, Column, Document, Signature, Table};
use crate::{Lang, PrintError, render_pdf};

/// One ground of invalidity and how many signatures it struck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroundCount {
    /// The ground as the commission words it, in the document's language («ИИН не прошёл проверку
    /// контрольного разряда»).
    pub label: String,
    /// Signatures struck on this ground.
    pub count: u64,
}

/// A signature-verification protocol, in one language (the caller words the names and grounds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureProtocolDoc {
    /// The commission that verified («Уилская районная территориальная избирательная комиссия»).
    pub commission: String,
    /// The election («Выборы акима Уилского района 5 ноября 2023 года»).
    pub election: String,
    /// The candidate's full name.
    pub candidate: String,
    /// The unit («Уилский район»).
    pub unit: String,
    /// Signature sheets submitted.
    pub sheets: u64,
    /// Signature lines on them.
    pub lines: u64,
    /// Valid signatures, each signer counted once.
    pub valid: u64,
    /// Invalid signatures, per ground (a line may fail on several grounds).
    pub grounds: Vec<GroundCount>,
    /// Signatures needed (the rule set's share of the unit's voters, rounded up).
    pub threshold: u64,
    /// The verdict the rules gave: enough valid signatures to register.
    pub sufficient: bool,
    /// Date of the protocol as printed (`08.10.2023`).
    pub date: String,
    /// Signature lines for members besides the chair and the secretary.
    pub members: u32,
}

/// The protocol as a document.
pub fn signature_protocol_document(
    protocol: &SignatureProtocolDoc,
    lang: Lang,
    catalog: &Catalog,
) -> Document {
    let l: sailau_i18n::Lang = lang.into();
    let tr = |key: &str| catalog.tr(l, key);
    let count = |n: u64| l.format_count(n);
    let invalid = protocol.lines.saturating_sub(protocol.valid);
    let mut rows = vec![
        vec![tr("print-protocol-sheets"), count(protocol.sheets)],
        vec![tr("print-protocol-lines"), count(protocol.lines)],
        vec![tr("print-protocol-valid"), count(protocol.valid)],
        vec![tr("print-protocol-invalid"), count(invalid)],
    ];
    for ground in &protocol.grounds {
        rows.push(vec![
            format!("    {} {}", tr("print-protocol-of-which"), ground.label),
            count(ground.count),
        ]);
    }
    rows.push(vec![
        tr("print-protocol-threshold"),
        count(protocol.threshold),
    ]);
    let verdict = if protocol.sufficient {
        tr("print-protocol-sufficient")
    } else {
        tr("print-protocol-insufficient")
    };
    let mut signatures = vec![
        Signature {
            role: tr("print-protocol-chair"),
            name: String::new(),
        },
        Signature {
            role: tr("print-protocol-secretary"),
            name: String::new(),
        },
    ];
    for _ in 0..protocol.members {
        signatures.push(Signature {
            role: tr("print-protocol-member"),
            name: String::new(),
        });
    }
    Document {
        title: format!("{} — {}", tr("print-protocol-title"), protocol.candidate),
        lang,
        blocks: vec![
            Block::Centered(vec![protocol.commission.clone()]),
            Block::Title(vec![
                tr("print-protocol-title"),
                tr("print-protocol-subject"),
            ]),
            Block::Paragraph(format!(
                "{}: {}\n{}: {}\n{}: {}\n{}: {}",
                tr("print-protocol-election"),
                protocol.election,
                tr("print-protocol-candidate"),
                protocol.candidate,
                tr("print-protocol-unit"),
                protocol.unit,
                tr("print-protocol-date"),
                protocol.date,
            )),
            Block::Table(Table {
                columns: vec![
                    Column {
                        title: tr("print-protocol-item"),
                        share: 4.0,
                        align: Align::Left,
                    },
                    Column {
                        title: tr("print-protocol-count"),
                        share: 1.0,
                        align: Align::Right,
                    },
                ],
                rows,
            }),
            Block::Heading(format!("{}: {}", tr("print-protocol-verdict"), verdict)),
            Block::Signatures(signatures),
        ],
        page_numbers: true,
    }
}

/// The signature-verification protocol as a PDF in `lang`.
pub fn signature_protocol_pdf(
    protocol: &SignatureProtocolDoc,
    lang: Lang,
    catalog: &Catalog,
) -> Result<Vec<u8>, PrintError> {
    render_pdf(&signature_protocol_document(protocol, lang, catalog))
}
