//! Importing a CSV file (or an XLSX workbook) of territories, precincts or parties: every row is
//! checked, every bad one is reported with its line, and nothing is imported unless all are good.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{ApiPath, Writer, body_problem, has_media_type};
use crate::WebState;
use crate::problem::{Problem, ProblemKind};
use sailau_app::import::{self, Kind};

/// Import bodies may be this large.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[derive(Debug, Clone, Serialize, ToSchema)]
/// What an import wrote: how many rows, where in the ledger, and what the reader noticed.
pub struct ImportResult {
    /// `territories`, `precincts` or `parties`.
    pub kind: String,
    /// Rows imported (every data row of the file).
    pub imported: usize,
    /// The ledger's size after the import: one entry per row.
    pub ledger_size: u64,
    /// The encoding a CSV file was read in when it was not UTF-8 (`Windows-1251`, `UTF-16LE`,
    /// `UTF-16BE`); absent for UTF-8 and XLSX.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// An XLSX workbook, as raw bytes (for the OpenAPI document).
pub struct Workbook;

impl utoipa::PartialSchema for Workbook {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .description(Some("An XLSX workbook; its first sheet is read"))
            .into()
    }
}

impl ToSchema for Workbook {}

/// A file to import: CSV (UTF-8, UTF-16 with a BOM or Windows-1251; `,`, `;` or tab) or an XLSX
/// workbook (its first sheet).
pub struct ImportBody {
    bytes: Bytes,
    xlsx: bool,
}

impl<S: Send + Sync> FromRequest<S> for ImportBody {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        let csv = has_media_type(req.headers(), |t, s| {
            (t == "text" && (s == "csv" || s == "plain")) || (t == "application" && s == "csv")
        });
        let xlsx = has_media_type(req.headers(), |t, s| {
            t == "application" && s == "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        });
        if !csv && !xlsx {
            return Err(
                Problem::new(ProblemKind::UnsupportedMediaType).with_detail(format!(
                    "send the file as text/csv (UTF-8, with a header row) or as {XLSX}"
                )),
            );
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            let too_large = e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE;
            let problem = body_problem(e);
            if too_large {
                problem.with_detail(format!(
                    "the file is larger than {} MiB, the import limit; nothing was imported",
                    MAX_IMPORT_BYTES / (1024 * 1024)
                ))
            } else {
                problem
            }
        })?;
        Ok(ImportBody { bytes, xlsx })
    }
}

impl ImportBody {
    /// The bytes and their format.
    pub fn into_parts(self) -> (Bytes, import::Format) {
        let format = if self.xlsx {
            import::Format::Xlsx
        } else {
            import::Format::Csv
        };
        (self.bytes, format)
    }
}

/// Refuses (403) an account whose role may not issue the commands of this import anywhere in its
/// scope, before the file is parsed. Each row is authorized again when it runs.
fn may_import(writer: &Writer, kind: Kind) -> Result<(), Problem> {
    use sailau_domain::{CommandKind, Scope, Target, authorize};
    let principal = &writer.0.principal;
    let command = match kind {
        Kind::Territories => CommandKind::CreateTerritory,
        Kind::Precincts => CommandKind::CreatePrecinct,
        Kind::Parties => CommandKind::CreateParty,
    };
    let mut target = Target::default();
    match &principal.scope {
        Scope::Territory { territory } => target.territory_path = vec![territory.clone()],
        Scope::Party { party, .. } => target.party = Some(party.clone()),
        _ => {}
    }
    authorize(Some(principal), command, &target)
        .map_err(|d| Problem::from(sailau_app::AppError::Forbidden(d)))
}

/// Imports a CSV or XLSX file of territories, precincts or parties, all or nothing.
///
/// Each row becomes a command recorded in the ledger, in one transaction.
/// Territories: `code,parent_code,kind,name_ru,name_kk,name_en`; precincts:
/// `number,territory_code,address,voters`; parties: `code,name_ru,name_kk,short_name[,name_en]`.
/// When any row is bad, the answer lists every bad row with its line (the header is line 1) and
/// nothing is imported.
#[utoipa::path(
    post, path = "/api/v1/import/{kind}", tag = "import",
    params(("kind" = String, Path, description = "`territories`, `precincts` or `parties`")),
    request_body(
        description = "The file",
        content(
            (String = "text/csv"),
            (Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every row imported", body = ImportResult),
        (status = 400, description = "An unknown kind", body = Problem),
        (status = 401, description = "Not signed in", body = Problem),
        (status = 403, description = "The role or scope allows none of the rows", body = Problem),
        (status = 413, description = "The file is larger than 32 MiB", body = Problem),
        (status = 415, description = "Neither CSV nor XLSX", body = Problem),
        (status = 422, description = "Bad rows, each listed with its `line`; nothing imported", body = Problem),
    )
)]
pub async fn import_file(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(kind): ApiPath<String>,
    body: ImportBody,
) -> Result<axum::Json<ImportResult>, Problem> {
    let Some(k) = Kind::parse(kind.trim()) else {
        return Err(Problem::bad_parameter(
            "kind",
            "import-kind-unknown",
            "territories, precincts or parties",
            &[("allowed", "territories, precincts, parties".to_owned())],
        ));
    };
    // The body is read (the extractor cannot be ordered after authorization), but it is parsed
    // only when the role may import this kind at all, and off the async workers.
    may_import(&writer, k)?;
    let format = if body.xlsx {
        import::Format::Xlsx
    } else {
        import::Format::Csv
    };
    // With rows that do not parse, the rows outside the account's scope are named too.
    let parsed = state
        .app
        .read_import(&writer.acting(), k, format, body.bytes.to_vec())
        .await?;
    let encoding = parsed.encoding.map(str::to_owned);
    let rows = parsed.rows;
    if rows.is_empty() {
        return Err(Problem::from(import::ImportError::Rows(Vec::new()))
            .with_detail("the file has a header row but no data rows; nothing was imported"));
    }
    let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
    let commands = rows.into_iter().map(|r| r.command).collect();
    let applied = state
        .app
        .execute_all_or_nothing(&writer.acting(), commands, &|_, _| {})
        .await
        .map_err(|e| Problem::from_rows(e, &lines))?;
    let ledger_size = applied.last().map(|a| a.index + 1).unwrap_or(0);
    Ok(axum::Json(ImportResult {
        kind: kind.trim().to_owned(),
        imported: applied.len(),
        ledger_size,
        encoding,
    }))
}
