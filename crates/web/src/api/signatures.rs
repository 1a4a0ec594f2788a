//! Signature sheets of a self-nomination (issue 11, item 5): importing them (CSV or XLSX, as the
//! registry import takes them), the signature-verification protocol, and erasing the signers'
//! data after the retention period.

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{BadId, IdPath, Writer};
use super::import::ImportBody;
use super::types::LedgerPosition;
use crate::WebState;
use crate::problem::{Problem, WriteRefused};
use crate::session::CurrentUser;
use sailau_app::Acting;
use sailau_app::elections::signatures::{FlaggedLine, SignatureProtocol, SignatureReport};
use sailau_domain::elections::NominationId;
use sailau_domain::elections::signatures::{Counts, Ground};

/// Counts of signature lines per ground.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignatureCounts {
    /// Distinct sheets.
    pub sheets: u32,
    /// Lines checked.
    pub lines: u32,
    /// Valid, unique signatures.
    pub valid: u32,
    /// Lines that do not count (the sum of the grounds below).
    pub invalid: u32,
    /// IIN not 12 digits, or its first seven digits not a birth date.
    pub iin_malformed: u32,
    /// IIN check digit does not match.
    pub iin_check_digit: u32,
    /// Signer under 18 on the date signed (birth date from the IIN).
    pub under_age: u32,
    /// Signer's territory outside the unit.
    pub outside_unit: u32,
    /// Signed outside the collection window.
    pub outside_window: u32,
    /// Repeated signatures of the same IIN (the first counts).
    pub duplicate: u32,
}

impl From<Counts> for SignatureCounts {
    fn from(c: Counts) -> Self {
        SignatureCounts {
            sheets: c.sheets,
            lines: c.lines,
            valid: c.valid,
            invalid: c.invalid(),
            iin_malformed: c.iin_malformed,
            iin_check_digit: c.iin_check_digit,
            under_age: c.under_age,
            outside_unit: c.outside_unit,
            outside_window: c.outside_window,
            duplicate: c.duplicate,
        }
    }
}

/// One ground of a flagged line.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroundView {
    /// `iin-malformed`, `iin-check-digit`, `under-age`, `outside-unit`, `outside-window` or
    /// `duplicate`.
    pub ground: String,
    /// The signer's age on the date signed (`under-age`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<i16>,
    /// Where the same IIN signed first (`duplicate`; 0 and 0: in a batch recorded earlier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_sheet: Option<u32>,
    /// Where the same IIN signed first (`duplicate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_line: Option<u32>,
}

impl From<&Ground> for GroundView {
    fn from(g: &Ground) -> Self {
        let mut v = GroundView {
            ground: g.key().to_owned(),
            age: None,
            first_sheet: None,
            first_line: None,
        };
        match g {
            Ground::UnderAge { age } => v.age = Some(*age),
            Ground::Duplicate { sheet, line } => {
                v.first_sheet = Some(*sheet);
                v.first_line = Some(*line);
            }
            _ => {}
        }
        v
    }
}

/// A line that does not count (shown to the commission only).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FlaggedLineView {
    /// The batch it came in.
    pub batch: u32,
    /// Sheet number.
    pub sheet: u32,
    /// Line number on the sheet.
    pub line: u32,
    /// The signer's surname.
    pub surname: String,
    /// The signer's given name.
    pub given_name: String,
    /// The signer's patronymic.
    pub patronymic: String,
    /// The IIN as written.
    pub iin: String,
    /// The address as written.
    pub address: String,
    /// The KATO code of the address.
    pub territory_code: String,
    /// The date signed (YYYY-MM-DD).
    #[schema(format = Date)]
    pub signed_on: String,
    /// Why it does not count (the first ground is the one it is counted under).
    pub grounds: Vec<GroundView>,
}

impl From<&FlaggedLine> for FlaggedLineView {
    fn from(f: &FlaggedLine) -> Self {
        FlaggedLineView {
            batch: f.batch,
            sheet: f.line.sheet,
            line: f.line.line,
            surname: f.line.surname.clone(),
            given_name: f.line.given_name.clone(),
            patronymic: f.line.patronymic.clone(),
            iin: f.line.iin.clone(),
            address: f.line.address.clone(),
            territory_code: f.line.territory_code.to_string(),
            signed_on: f.line.signed_on.to_string(),
            grounds: f.grounds.iter().map(GroundView::from).collect(),
        }
    }
}

/// One recorded batch of sheets.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BatchView {
    /// 1, 2, ... in the order recorded.
    pub batch: u32,
    /// When it was recorded (ms since the Unix epoch).
    pub recorded_at_ms: i64,
    /// Its counts.
    pub counts: SignatureCounts,
    /// Valid signatures required when it was recorded.
    pub required: u64,
    /// SHA-256 (hex) of the secret salt and the lines, as in the ledger entry.
    pub rows_sha256: String,
    /// When its lines were erased.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub erased_at_ms: Option<i64>,
}

/// The signature-verification protocol of a self-nomination.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProtocolView {
    /// The nomination.
    #[schema(format = Uuid)]
    pub nomination: String,
    /// The unit's KATO code.
    pub unit: String,
    /// The unit's voters.
    pub voters: u64,
    /// The rule set's share of the voters, in percent.
    pub share_percent: f64,
    /// Valid signatures required (the share, rounded up).
    pub required: u64,
    /// Every batch added up.
    pub counts: SignatureCounts,
    /// Whether the valid signatures reach the required number.
    pub enough: bool,
    /// The first day of the collection window (YYYY-MM-DD).
    #[schema(format = Date)]
    pub collection_from: String,
    /// The last day of the collection window (YYYY-MM-DD).
    #[schema(format = Date)]
    pub collection_to: String,
    /// The first day the signers' data may be erased (YYYY-MM-DD).
    #[schema(format = Date)]
    pub erasable_from: String,
    /// Whether the signers' data has been erased.
    pub erased: bool,
    /// The batches recorded.
    pub batches: Vec<BatchView>,
    /// The lines that do not count: present for the territorial commission in scope only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flagged: Option<Vec<FlaggedLineView>>,
}

impl From<&SignatureProtocol> for ProtocolView {
    fn from(p: &SignatureProtocol) -> Self {
        ProtocolView {
            nomination: p.nomination.id.to_string(),
            unit: p.contest.unit.to_string(),
            voters: p.contest.voters,
            share_percent: p.share_percent,
            required: p.required,
            counts: p.counts.into(),
            enough: p.enough,
            collection_from: p.collection.from.to_string(),
            collection_to: p.collection.to.to_string(),
            erasable_from: p.erasable_from.to_string(),
            erased: p.erased(),
            batches: p
                .batches
                .iter()
                .map(|b| BatchView {
                    batch: b.batch,
                    recorded_at_ms: b.recorded_at_ms,
                    counts: b.counts.into(),
                    required: b.threshold,
                    rows_sha256: b.rows_sha256.clone(),
                    erased_at_ms: b.erased_at_ms,
                })
                .collect(),
            flagged: p
                .flagged
                .as_ref()
                .map(|f| f.iter().map(FlaggedLineView::from).collect()),
        }
    }
}

/// What recording a batch of sheets gave.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordedSheets {
    /// The ledger entry (it holds the counts and the hash, never the lines).
    pub ledger: LedgerPosition,
    /// This batch's counts.
    pub counts: SignatureCounts,
    /// This batch's flagged lines: sheet, line and grounds.
    pub findings: Vec<FindingView>,
    /// Valid signatures of every batch so far.
    pub valid_total: u64,
    /// Valid signatures required.
    pub required: u64,
}

/// A flagged line of a batch just recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FindingView {
    /// Sheet number.
    pub sheet: u32,
    /// Line number.
    pub line: u32,
    /// The grounds.
    pub grounds: Vec<GroundView>,
}

impl From<SignatureReport> for RecordedSheets {
    fn from(r: SignatureReport) -> Self {
        RecordedSheets {
            ledger: r.applied.into(),
            counts: r.counts.into(),
            findings: r
                .findings
                .iter()
                .map(|f| FindingView {
                    sheet: f.sheet,
                    line: f.line,
                    grounds: f.grounds.iter().map(GroundView::from).collect(),
                })
                .collect(),
            valid_total: r.summary.valid,
            required: r.summary.required,
        }
    }
}

/// Records a batch of signature sheets of a self-nomination from a CSV or XLSX file.
///
/// Columns: `sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on`
/// (dates as YYYY-MM-DD or DD.MM.YYYY). Rows that cannot be read refuse the whole file, each
/// named with its line. Every readable line is checked (IIN format and check digit, signer under
/// 18, outside the unit, outside the collection window, repeated IIN) and counted; the ledger
/// records the counts and a salted hash, never the signers' data. A missing nomination, one that
/// is not a self-nomination, or unreadable rows are 422 and nothing is recorded.
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/signatures", tag = "elections",
    params(IdPath<NominationId>),
    request_body(
        description = "The file",
        content(
            (String = "text/csv"),
            (super::import::Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The batch was recorded", body = RecordedSheets),
        BadId,
        WriteRefused,
        (status = 413, description = "The file is larger than 32 MiB", body = Problem),
        (status = 415, description = "Neither CSV nor XLSX", body = Problem),
    )
)]
pub async fn record_signatures(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<NominationId>,
    body: ImportBody,
) -> Result<axum::Json<RecordedSheets>, Problem> {
    let (bytes, format) = body.into_parts();
    let report = state
        .app
        .import_signature_sheets(&writer.acting(), id, format, bytes.to_vec())
        .await?;
    Ok(axum::Json(report.into()))
}

/// The signature-verification protocol of a self-nomination: counts per ground, the required
/// number and the verdict for everyone; the flagged lines (signers' data) for the territorial
/// commission in scope only.
#[utoipa::path(
    get, path = "/api/v1/elections/nominations/{id}/signatures", tag = "elections",
    params(IdPath<NominationId>),
    responses(
        (status = 200, description = "The protocol", body = ProtocolView),
        BadId,
        (status = 422, description = "No such nomination", body = Problem),
    )
)]
pub async fn signature_protocol(
    State(state): State<WebState>,
    user: CurrentUser,
    IdPath(id): IdPath<NominationId>,
) -> Result<axum::Json<ProtocolView>, Problem> {
    let acting = user.0.map(|u| Acting::Account(u.principal));
    let protocol = state.app.signature_protocol(acting.as_ref(), id).await?;
    Ok(axum::Json(ProtocolView::from(&protocol)))
}

/// Erases the signers' data of a nomination (the counts and hashes stay in the ledger). Refused
/// (422) before the rule set's retention period after election day ends, naming the first day
/// allowed, or when there is no such nomination.
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/signatures/erase", tag = "elections",
    params(IdPath<NominationId>),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Erased", body = LedgerPosition),
        BadId,
        WriteRefused,
    )
)]
pub async fn erase_signatures(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<NominationId>,
) -> Result<axum::Json<LedgerPosition>, Problem> {
    let applied = state.app.erase_signature_data(&writer.acting(), id).await?;
    Ok(axum::Json(applied.into()))
}
