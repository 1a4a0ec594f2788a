//! Importing territories, precincts and parties from CSV or XLSX.
//!
//! Files are read by `sailau-tabular` (the one reader of every import: Excel's CSV dialects and
//! encodings, XLSX streamed with typed cells). Parsing checks every row and reports every bad one
//! at once with its line number; the rows then run as commands in one all-or-nothing transaction
//! ([`App::execute_all_or_nothing`]), so the registry rules (codes taken, parents missing, ...)
//! are also reported for every row, and nothing is imported unless every row is valid.
//!
//! Reading is CPU work: async callers run [`read`] on a blocking thread, or call
//! [`App::read_import`], which does, and which also names the rows outside the importer's role or
//! scope when other rows do not parse, so that one answer lists every bad row.

use std::fmt;
use std::path::Path;

use sailau_domain::precinct::{MAX_ADDRESS, parse_number, parse_voters};
use sailau_domain::registry::{CreateParty, CreatePrecinct, CreateTerritory};
use sailau_domain::text::{TextKind, clean};
use sailau_domain::{
    Issued, Names, NewPrecinct, Party, PartyCode, Rule, Territory, TerritoryCode, TerritoryKind,
};
use sailau_tabular::{Cell, Issue, Table};
pub use sailau_tabular::{Error as TableError, Format, Limits, Warning};

use crate::{Acting, AppError};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Territories: `code,parent_code,kind,name_ru,name_kk[,name_en]`.
    Territories,
    /// Precincts: `number,territory_code,address,voters`.
    Precincts,
    /// Parties: `code,name_ru,name_kk[,name_en],short_name`.
    Parties,
}

impl Kind {
    /// The header row a file of this kind must have.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            Kind::Territories => &[
                "code",
                "parent_code",
                "kind",
                "name_ru",
                "name_kk",
                "name_en",
            ],
            Kind::Precincts => &["number", "territory_code", "address", "voters"],
            Kind::Parties => &["code", "name_ru", "name_kk", "short_name"],
        }
    }

    /// Columns that may follow the required ones.
    fn optional(self) -> &'static [&'static str] {
        match self {
            Kind::Parties => &["name_en"],
            _ => &[],
        }
    }

    /// The name of the kind, as in URLs and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Territories => "territories",
            Kind::Precincts => "precincts",
            Kind::Parties => "parties",
        }
    }

    /// Every kind of import.
    pub const ALL: [Kind; 3] = [Kind::Territories, Kind::Precincts, Kind::Parties];

    /// Whether a header row (trimmed, lower-cased cells) is this kind's: the required columns in
    /// order, then optional ones.
    fn fits(self, header: &[String]) -> bool {
        let required = self.header();
        let optional = self.optional();
        header.len() >= required.len()
            && header.len() <= required.len() + optional.len()
            && header
                .iter()
                .zip(required.iter().chain(optional))
                .all(|(h, want)| h == want)
    }

    /// What a column holds, which decides the spreadsheet cell types it accepts.
    fn column(self, name: &str) -> Want {
        match (self, name) {
            (Kind::Territories, "code" | "parent_code") | (Kind::Precincts, "territory_code") => {
                Want::Code
            }
            (Kind::Precincts, "number" | "voters") => Want::WholeNumber,
            _ => Want::Text,
        }
    }

    /// The kind named `territories`, `precincts` or `parties`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "territories" => Some(Kind::Territories),
            "precincts" => Some(Kind::Precincts),
            "parties" => Some(Kind::Parties),
            _ => None,
        }
    }
}

/// One bad row: its line in the file (the header is line 1), the column and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file (the header is line 1).
    pub line: usize,
    /// The column (`voters`, `code`, ...), or `row` for the row as a whole.
    pub field: String,
    /// The broken rule, when it is one of the domain's (its key is the catalogs' message).
    pub rule: Option<Rule>,
    /// The reason in English.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.field, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
/// Why an import was refused; nothing of the file was written.
pub enum ImportError {
    #[error("cannot read {0}")]
    /// The upload could not be read (the reason from the reader).
    Read(String),
    #[error("the file is empty: it needs a header row")]
    /// The file has no rows, not even a header.
    Empty,
    #[error("line 1: the header row must be: {expected}")]
    /// The first row is not this kind's header.
    Header {
        /// The header expected, comma-separated.
        expected: String,
    },
    /// The header is that of another kind of file (a territories file sent to the precinct
    /// import, ...).
    #[error("this is a {} file; expected a {} file", found.as_str(), expected.as_str())]
    WrongFile {
        /// The kind the header belongs to.
        found: Kind,
        /// The kind this import takes.
        expected: Kind,
    },
    /// The file could not be read as a table at all (too many rows, UTF-16 without a BOM, not a
    /// workbook).
    #[error(transparent)]
    Table(sailau_tabular::Error),
    #[error("{} bad rows; nothing was imported:\n{}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    /// Rows that do not parse or break rules, every one with its line.
    Rows(Vec<RowError>),
    #[error(transparent)]
    /// The rows parsed, but applying them failed (refused as a batch, or a fault of the system).
    App(AppError),
    /// Rows that do not parse and, among the rows that do, rows the importer's role or scope does
    /// not allow (checked without writing), all found in one reading ([`App::read_import`]).
    #[error("{} bad rows and {} rows not allowed; nothing was imported", rows.len(), refused.len())]
    RowsAndRefusals {
        /// The rows that do not parse, each with its line.
        rows: Vec<RowError>,
        /// The lines of the rows the importer may not write, with the refusal.
        refused: Vec<(usize, sailau_domain::Denied)>,
    },
}

impl crate::App {
    /// Reads an import file of `kind` for `acting` (on a blocking thread). When some rows do not
    /// parse, the rows that do are authorized too (their targets looked up in a transaction that
    /// writes nothing), and the rows outside the importer's role or scope are reported together
    /// with the malformed ones ([`ImportError::RowsAndRefusals`]); otherwise as [`read`].
    ///
    /// # Errors
    /// Whatever [`read`] refuses; [`ImportError::RowsAndRefusals`] as above;
    /// [`ImportError::App`] when the database fails.
    pub async fn read_import(
        &self,
        acting: &Acting,
        kind: Kind,
        format: Format,
        bytes: Vec<u8>,
    ) -> Result<Parsed, ImportError> {
        let (parsed, errors) =
            tokio::task::spawn_blocking(move || read_partial(kind, format, &bytes))
                .await
                .map_err(|e| ImportError::Read(e.to_string()))??;
        if errors.is_empty() {
            return Ok(parsed);
        }
        let refused = self
            .refusals(acting, &parsed.rows)
            .await
            .map_err(ImportError::App)?;
        if refused.is_empty() {
            Err(ImportError::Rows(errors))
        } else {
            Err(ImportError::RowsAndRefusals {
                rows: errors,
                refused,
            })
        }
    }

    /// The rows `acting` may not write, by line, with the refusal (nothing is written).
    async fn refusals(
        &self,
        acting: &Acting,
        rows: &[ImportRow],
    ) -> Result<Vec<(usize, sailau_domain::Denied)>, AppError> {
        let mut tx = self.store.begin().await?;
        let mut refused = Vec::new();
        match crate::execute::refresh_acting(&mut tx, acting).await {
            Ok(Acting::Account(principal)) => {
                for row in rows {
                    let command = row.command.command();
                    let target = crate::execute::target_of(&mut tx, command).await?;
                    if target.missing.is_none()
                        && let Err(denied) =
                            sailau_domain::authorize(Some(&principal), command.kind(), &target)
                    {
                        refused.push((row.line, denied));
                    }
                }
            }
            Ok(Acting::Operator) => {}
            Ok(Acting::Voter) => {
                let denied = sailau_domain::Denied::Anonymous;
                refused.extend(rows.iter().map(|r| (r.line, denied.clone())));
            }
            Err(AppError::Forbidden(denied)) => {
                refused.extend(rows.iter().map(|r| (r.line, denied.clone())));
            }
            Err(other) => return Err(other),
        }
        tx.rollback().await?;
        Ok(refused)
    }
}

/// One parsed row: its line in the file and the command it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The line of the file (the header is line 1).
    pub line: usize,
    /// The command the row becomes.
    pub command: Issued,
}

impl crate::App {
    /// Runs parsed rows as one all-or-nothing transaction; returns how many were imported.
    pub async fn import(
        &self,
        acting: &crate::Acting,
        rows: Vec<ImportRow>,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<usize, ImportError> {
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        let commands = rows.into_iter().map(|r| r.command).collect();
        match self
            .execute_all_or_nothing(acting, commands, progress)
            .await
        {
            Ok(applied) => Ok(applied.len()),
            Err(e) => Err(rows_error(e, &lines)),
        }
    }
}

/// Turns an error of [`crate::App::execute_all_or_nothing`] on imported rows into row errors.
fn rows_error(e: AppError, lines: &[usize]) -> ImportError {
    let one = |position: usize, e: AppError| -> Vec<RowError> {
        let line = lines.get(position).copied().unwrap_or(0);
        match e {
            AppError::Invalid(v) => {
                v.0.into_iter()
                    .map(|f| RowError {
                        line,
                        field: f.field,
                        message: f.rule.english(),
                        rule: Some(f.rule),
                    })
                    .collect()
            }
            other => vec![RowError {
                line,
                field: String::new(),
                rule: None,
                message: other.to_string(),
            }],
        }
    };
    match e {
        AppError::Rows(rows) => {
            ImportError::Rows(rows.into_iter().flat_map(|(p, e)| one(p, e)).collect())
        }
        AppError::Batch { position, error } => ImportError::Rows(one(position, *error)),
        other => ImportError::App(other),
    }
}

/// What a file gave: the commands of its rows, and what the reader noticed.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The rows, in file order.
    pub rows: Vec<ImportRow>,
    /// The encoding a CSV file was read in, when it was not UTF-8 (`Windows-1251`, `UTF-16LE`).
    pub encoding: Option<&'static str>,
    /// What the reader noticed (rows with lost letters are refused, so this is empty today).
    pub warnings: Vec<Warning>,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Code,
    WholeNumber,
    Text,
}

impl Want {
    fn as_str(self) -> &'static str {
        match self {
            Want::Code => "code",
            Want::WholeNumber => "whole-number",
            Want::Text => "text",
        }
    }
}

/// Reads a `.csv` or `.xlsx` file (by its extension or its ZIP signature; CSV otherwise).
pub fn read_file(kind: Kind, path: &Path) -> Result<Vec<ImportRow>, ImportError> {
    let bytes =
        std::fs::read(path).map_err(|e| ImportError::Read(format!("{}: {e}", path.display())))?;
    let format = Format::guess(&path.to_string_lossy(), &bytes);
    read(kind, format, &bytes).map(|p| p.rows)
}

/// Parses CSV bytes (see `sailau-tabular` for the dialects and encodings understood).
pub fn read_csv(kind: Kind, bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    read(kind, Format::Csv, bytes).map(|p| p.rows)
}

/// Parses the first worksheet of an XLSX workbook.
pub fn read_xlsx(kind: Kind, bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    read(kind, Format::Xlsx, bytes).map(|p| p.rows)
}

/// Reads a file of `kind` in `format` with the default [`Limits`]: every bad row is reported in
/// [`ImportError::Rows`]; a file of another kind is named ([`ImportError::WrongFile`]).
pub fn read(kind: Kind, format: Format, bytes: &[u8]) -> Result<Parsed, ImportError> {
    let (parsed, errors) = read_partial(kind, format, bytes)?;
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(ImportError::Rows(errors))
    }
}

/// Reads a file as [`read`] does, but keeps the rows that parsed beside the errors of those that
/// did not (sorted by line); `Err` only for a file that cannot be read as this kind at all.
fn read_partial(
    kind: Kind,
    format: Format,
    bytes: &[u8],
) -> Result<(Parsed, Vec<RowError>), ImportError> {
    let table = sailau_tabular::read(format, bytes, Limits::default()).map_err(|e| match e {
        sailau_tabular::Error::Empty => ImportError::Empty,
        other => ImportError::Table(other),
    })?;
    // Text with lost letters must not reach the ledger: each such row is refused.
    let lost: Vec<RowError> = table
        .warnings
        .iter()
        .map(|Warning::LostLetters { line, text }| {
            row_error(*line, "", Rule::ImportLostLetters { text: text.clone() })
        })
        .collect();
    let (mut rows, mut errors) = parse_table(kind, &table)?;
    if !lost.is_empty() {
        // A row with lost letters is refused, however well it parsed.
        rows.retain(|r| !lost.iter().any(|l| l.line == r.line));
        errors.extend(lost);
        errors.sort_by_key(|e| e.line);
    }
    let parsed = Parsed {
        rows,
        encoding: table
            .encoding
            .filter(|e| *e != sailau_tabular::Encoding::Utf8)
            .map(|e| e.as_str()),
        warnings: table.warnings,
    };
    Ok((parsed, errors))
}

/// Turns the rows of a table into commands, collecting every error of every row: the commands
/// of the rows that parsed and the errors of those that did not. `Err` when the header is not
/// this kind's.
fn parse_table(kind: Kind, table: &Table) -> Result<(Vec<ImportRow>, Vec<RowError>), ImportError> {
    let header: Vec<String> = table.header.iter().map(|h| h.to_lowercase()).collect();
    if !kind.fits(&header) {
        if let Some(found) = Kind::ALL
            .into_iter()
            .find(|k| *k != kind && k.fits(&header))
        {
            return Err(ImportError::WrongFile {
                found,
                expected: kind,
            });
        }
        return Err(ImportError::Header {
            expected: kind.header().join(","),
        });
    }
    let encoding = table.encoding.map_or("UTF-8", |e| e.as_str());
    let mut errors: Vec<RowError> = Vec::new();
    let mut commands = Vec::new();
    let mut issues = table.issues.iter().peekable();
    for row in &table.rows {
        // Rows whose structure is broken come in file order with the good ones.
        while let Some(Issue::TooManyCells {
            line,
            cells,
            expected,
        }) = issues.next_if(|Issue::TooManyCells { line, .. }| *line < row.line)
        {
            errors.push(row_error(
                *line,
                "",
                Rule::ImportRowWidth {
                    cells: *cells,
                    expected: *expected,
                },
            ));
        }
        let line = row.line;
        let mut bad = |field: &str, rule: Rule| errors.push(row_error(line, field, rule));
        // The text of a column, or None (and an error) when its cell cannot be that column's.
        let cell = |name: &str, bad: &mut dyn FnMut(&str, Rule)| -> Option<String> {
            let i = header.iter().position(|h| h == name)?;
            let want = kind.column(name);
            let refuse = |found: &str| Rule::CellType {
                cell: table.cell_name(row, i).unwrap_or_else(|| name.to_owned()),
                found: found.to_owned(),
                expected: want.as_str().to_owned(),
            };
            match row.cells.get(i).unwrap_or(&Cell::Empty) {
                Cell::Empty => Some(String::new()),
                Cell::Text(s) => Some(s.clone()),
                Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                    Some(format!("{}", *f as i64))
                }
                Cell::Number(_) if want == Want::WholeNumber => {
                    bad(name, Rule::NumberNotWhole);
                    None
                }
                Cell::Number(f) => Some(f.to_string()),
                Cell::Date(s) if want == Want::Text => Some(s.clone()),
                Cell::Bool(b) if want == Want::Text => Some(b.to_string().to_uppercase()),
                c @ (Cell::Date(_) | Cell::Bool(_) | Cell::Error(_)) => {
                    bad(name, refuse(c.type_name()));
                    None
                }
                Cell::BadEncoding => {
                    bad(
                        name,
                        Rule::ImportEncoding {
                            encoding: encoding.to_owned(),
                        },
                    );
                    None
                }
            }
        };
        match kind {
            Kind::Territories => {
                let code = cell("code", &mut bad)
                    .and_then(|c| TerritoryCode::parse(&c).map_err(|r| bad("code", r)).ok());
                let parent = cell("parent_code", &mut bad).and_then(|p| match p.trim() {
                    "" => Some(None),
                    p => TerritoryCode::parse(p)
                        .map(Some)
                        .map_err(|r| bad("parent_code", r))
                        .ok(),
                });
                let k = cell("kind", &mut bad)
                    .and_then(|k| k.parse::<TerritoryKind>().map_err(|r| bad("kind", r)).ok());
                let ru = cell("name_ru", &mut bad);
                let kk = cell("name_kk", &mut bad);
                let en = cell("name_en", &mut bad);
                let names = match (ru, kk, en) {
                    (Some(ru), Some(kk), Some(en)) => match (Names { ru, kk, en }).validated() {
                        Ok(n) => Some(n),
                        Err(v) => {
                            for f in v.0 {
                                bad(&f.field, f.rule);
                            }
                            None
                        }
                    },
                    _ => None,
                };
                if let (Some(code), Some(parent_code), Some(kind), Some(names)) =
                    (code, parent, k, names)
                {
                    commands.push(ImportRow {
                        line,
                        command: CreateTerritory {
                            territory: Territory {
                                code,
                                parent_code,
                                kind,
                                names,
                            },
                        }
                        .into(),
                    });
                }
            }
            Kind::Precincts => {
                let number = cell("number", &mut bad)
                    .and_then(|n| parse_number(&n).map_err(|r| bad("number", r)).ok());
                let territory = cell("territory_code", &mut bad).and_then(|t| {
                    TerritoryCode::parse(&t)
                        .map_err(|r| bad("territory_code", r))
                        .ok()
                });
                let address = cell("address", &mut bad).and_then(|a| {
                    match clean("address", &a, TextKind::Address, MAX_ADDRESS) {
                        Ok(a) if a.is_empty() => {
                            bad("address", Rule::FieldRequired);
                            None
                        }
                        Ok(a) => Some(a),
                        Err(v) => {
                            for f in v.0 {
                                bad(&f.field, f.rule);
                            }
                            None
                        }
                    }
                });
                let voters = cell("voters", &mut bad)
                    .and_then(|v| parse_voters(&v).map_err(|r| bad("voters", r)).ok());
                if let (Some(number), Some(territory_code), Some(address), Some(voters)) =
                    (number, territory, address, voters)
                {
                    commands.push(ImportRow {
                        line,
                        command: CreatePrecinct {
                            precinct: NewPrecinct {
                                number,
                                territory_code,
                                address,
                                voters,
                            },
                        }
                        .into(),
                    });
                }
            }
            Kind::Parties => {
                let code = cell("code", &mut bad)
                    .and_then(|c| PartyCode::parse(&c).map_err(|r| bad("code", r)).ok());
                let name_ru = cell("name_ru", &mut bad);
                let name_kk = cell("name_kk", &mut bad);
                let name_en = cell("name_en", &mut bad);
                let short_name = cell("short_name", &mut bad);
                if let (Some(code), Some(name_ru), Some(name_kk), Some(short_name)) =
                    (code, name_ru, name_kk, short_name)
                {
                    let party = Party {
                        code,
                        name_ru,
                        name_kk,
                        name_en: name_en.unwrap_or_default(),
                        short_name,
                    };
                    match party.validate(false) {
                        Ok(p) => commands.push(ImportRow {
                            line,
                            command: CreateParty { party: p }.into(),
                        }),
                        Err(v) => {
                            for f in v.0 {
                                bad(&f.field, f.rule);
                            }
                        }
                    }
                }
            }
        }
    }
    for Issue::TooManyCells {
        line,
        cells,
        expected,
    } in issues
    {
        errors.push(row_error(
            *line,
            "",
            Rule::ImportRowWidth {
                cells: *cells,
                expected: *expected,
            },
        ));
    }
    Ok((commands, errors))
}

fn row_error(line: usize, field: &str, rule: Rule) -> RowError {
    RowError {
        line,
        field: field.to_owned(),
        message: rule.english(),
        rule: Some(rule),
    }
}
