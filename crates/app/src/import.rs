//! Importing territories, precincts and parties from CSV (UTF-8, header row) or XLSX.
//!
//! Parsing checks every row and reports every bad one at once with its line number; the rows
//! then run as commands in one all-or-nothing transaction ([`App::execute_all_or_nothing`]), so
//! the registry rules (codes taken, parents missing, ...) are also reported for every row, and
//! nothing is imported unless every row is valid.

use std::fmt;
use std::io::Cursor;
use std::path::Path;

use sailau_domain::precinct::{parse_number, parse_voters};
use sailau_domain::registry::{CreateParty, CreatePrecinct, CreateTerritory};
use sailau_domain::{
    Issued, Names, NewPrecinct, Party, PartyCode, Rule, Territory, TerritoryCode, TerritoryKind,
};

use crate::AppError;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Territories,
    Precincts,
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
    pub line: usize,
    pub field: String,
    pub rule: Option<Rule>,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.field, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {0}")]
    Read(String),
    #[error("the file is empty: it needs a header row")]
    Empty,
    #[error("line 1: the header row must be: {expected}")]
    Header { expected: String },
    #[error("{} bad rows; nothing was imported:\n{}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Rows(Vec<RowError>),
    #[error(transparent)]
    App(AppError),
}

/// One parsed row: its line in the file and the command it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
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

/// Reads a `.csv` or `.xlsx` file (by its extension; CSV otherwise).
pub fn read_file(kind: Kind, path: &Path) -> Result<Vec<ImportRow>, ImportError> {
    let bytes =
        std::fs::read(path).map_err(|e| ImportError::Read(format!("{}: {e}", path.display())))?;
    let is_xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        read_xlsx(kind, &bytes)
    } else {
        read_csv(kind, &bytes)
    }
}

/// Parses CSV bytes (UTF-8, a BOM is allowed).
pub fn read_csv(kind: Kind, bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, record) in reader.byte_records().enumerate() {
        let record = record.map_err(|e| ImportError::Read(format!("record {}: {e}", i + 1)))?;
        // The line where the record starts (blank lines are skipped but still counted).
        let line = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .map(|b| {
                b + bytes
                    .iter()
                    .skip(b)
                    .take_while(|&&c| c == b'\n' || c == b'\r')
                    .count()
            })
            .and_then(|b| bytes.get(..b))
            .map(|before| before.iter().filter(|&&c| c == b'\n').count() + 1)
            .unwrap_or(i + 1);
        let mut cells = Vec::with_capacity(record.len());
        for field in record.iter() {
            match std::str::from_utf8(field) {
                Ok(s) => cells.push(s.to_owned()),
                Err(_) => {
                    return Err(ImportError::Rows(vec![RowError {
                        line,
                        field: String::new(),
                        rule: None,
                        message: "not UTF-8 text: save the file as CSV UTF-8".into(),
                    }]));
                }
            }
        }
        rows.push((line, cells));
    }
    parse_rows(kind, rows)
}

/// Parses the first worksheet of an XLSX workbook.
pub fn read_xlsx(kind: Kind, bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| ImportError::Read(format!("not a readable workbook: {e}")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(ImportError::Empty)?
        .map_err(|e| ImportError::Read(format!("first worksheet: {e}")))?;
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let cells = row
            .iter()
            .map(|c| match c {
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                Data::Empty => String::new(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>();
        rows.push((i + 1, cells));
    }
    parse_rows(kind, rows)
}

fn parse_rows(kind: Kind, rows: Vec<(usize, Vec<String>)>) -> Result<Vec<ImportRow>, ImportError> {
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let (_, header) = rows.next().ok_or(ImportError::Empty)?;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let required = kind.header();
    let optional = kind.optional();
    let fits = header.len() >= required.len()
        && header.len() <= required.len() + optional.len()
        && header
            .iter()
            .zip(required.iter().chain(optional))
            .all(|(h, want)| h == want);
    if !fits {
        return Err(ImportError::Header {
            expected: required.join(","),
        });
    }
    let mut commands = Vec::new();
    let mut errors = Vec::new();
    for (line, cells) in rows {
        let cell = |name: &str| -> &str {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|i| cells.get(i))
                .map(|s| s.as_str())
                .unwrap_or("")
        };
        let mut bad = |field: &str, rule: Rule| {
            errors.push(RowError {
                line,
                field: field.to_owned(),
                message: rule.english(),
                rule: Some(rule),
            });
        };
        if cells.len() > header.len() {
            bad(
                "",
                Rule::CsvHeaderInvalid {
                    expected: header.join(","),
                },
            );
            continue;
        }
        match kind {
            Kind::Territories => {
                let code = TerritoryCode::parse(cell("code"))
                    .map_err(|r| bad("code", r))
                    .ok();
                let parent = match cell("parent_code").trim() {
                    "" => Some(None),
                    p => TerritoryCode::parse(p)
                        .map(Some)
                        .map_err(|r| bad("parent_code", r))
                        .ok(),
                };
                let k = cell("kind")
                    .parse::<TerritoryKind>()
                    .map_err(|r| bad("kind", r))
                    .ok();
                let names = Names {
                    ru: cell("name_ru").into(),
                    kk: cell("name_kk").into(),
                    en: cell("name_en").into(),
                };
                let names = match names.validated() {
                    Ok(n) => Some(n),
                    Err(v) => {
                        for f in v.0 {
                            bad(&f.field, f.rule);
                        }
                        None
                    }
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
                let number = parse_number(cell("number"))
                    .map_err(|r| bad("number", r))
                    .ok();
                let territory = TerritoryCode::parse(cell("territory_code"))
                    .map_err(|r| bad("territory_code", r))
                    .ok();
                let address = cell("address").trim().to_owned();
                if address.is_empty() {
                    bad("address", Rule::FieldRequired);
                }
                let voters = parse_voters(cell("voters"))
                    .map_err(|r| bad("voters", r))
                    .ok();
                if let (Some(number), Some(territory_code), Some(voters)) =
                    (number, territory, voters)
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
                let code = PartyCode::parse(cell("code"))
                    .map_err(|r| bad("code", r))
                    .ok();
                if let Some(code) = code {
                    let party = Party {
                        code,
                        name_ru: cell("name_ru").into(),
                        name_kk: cell("name_kk").into(),
                        name_en: cell("name_en").into(),
                        short_name: cell("short_name").into(),
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
    if errors.is_empty() {
        Ok(commands)
    } else {
        Err(ImportError::Rows(errors))
    }
}
