//! Importing precinct protocols from CSV or XLSX (issue 12 item 2, branch i12-day).
//!
//! Columns: `precinct_number`, then the rule set's protocol fields by key (by default
//! `voters_on_list,ballots_received,issued_inside,issued_outside,cancelled,found_in_boxes,
//! invalid,against_all`; optional fields such as `issued_absentee` may be left out), then one
//! column per candidate headed by the registration number. A file covers the precincts of one
//! region (precinct numbers are unique in a region). Every row becomes an `enter_protocol`
//! command; the rows run as one all-or-nothing transaction, so every bad row of the file (a cell
//! that is not a whole number, an unknown precinct, a protocol that does not balance) is
//! reported at once with its line, and nothing is written unless every row is accepted.

use std::collections::BTreeMap;

use sailau_domain::elections::ElectionId;
use sailau_domain::elections::protocol::{DayRule, EnterProtocol, ProtocolNumbers};
use sailau_domain::elections::rules::ProtocolRules;
use sailau_domain::text::parse_whole_number;
use sailau_domain::{PrecinctRef, Rule, TerritoryCode};
use sailau_tabular::{Cell, Format, Limits, Table};

use crate::import::{ImportError, ImportRow, RowError};
use crate::{Acting, App, AppError};

/// The first column of a protocol file.
pub const PRECINCT_COLUMN: &str = "precinct_number";

/// What a column of a protocol file holds.
enum Column {
    Precinct,
    Field(String),
    Candidate(u32),
}

fn row_error(line: usize, field: &str, rule: Rule) -> RowError {
    RowError {
        line,
        field: field.to_owned(),
        message: rule.english(),
        rule: Some(rule),
    }
}

/// The columns of the header, or every bad column (line 1): unknown names, required fields
/// missing, a column twice.
fn columns(table: &Table, rules: &ProtocolRules) -> Result<Vec<Column>, ImportError> {
    let mut errors = Vec::new();
    let line = table.header_line;
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for h in &table.header {
        let name = h.trim().to_lowercase();
        if !seen.insert(name.clone()) {
            errors.push(row_error(
                line,
                &name,
                Rule::CsvHeaderInvalid {
                    expected: expected(rules),
                },
            ));
            continue;
        }
        if name == PRECINCT_COLUMN {
            out.push(Column::Precinct);
        } else if rules.field(&name).is_some() {
            out.push(Column::Field(name));
        } else if let Some(n) = name.parse::<u32>().ok().filter(|n| *n > 0) {
            out.push(Column::Candidate(n));
        } else {
            errors.push(row_error(
                line,
                &name,
                DayRule::FieldUnknown { key: name.clone() }.into(),
            ));
        }
    }
    if !matches!(out.first(), Some(Column::Precinct)) {
        errors.push(row_error(
            line,
            PRECINCT_COLUMN,
            Rule::CsvHeaderInvalid {
                expected: expected(rules),
            },
        ));
    }
    for f in rules.fields.iter().filter(|f| !f.optional) {
        if !seen.contains(&f.key) {
            errors.push(row_error(line, &f.key, Rule::FieldRequired));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ImportError::Rows(errors))
    }
}

/// The header a protocol file of these rules has (before the candidate columns).
pub fn expected(rules: &ProtocolRules) -> String {
    std::iter::once(PRECINCT_COLUMN)
        .chain(
            rules
                .fields
                .iter()
                .filter(|f| !f.optional)
                .map(|f| f.key.as_str()),
        )
        .collect::<Vec<_>>()
        .join(",")
}

/// A whole number from a cell; `None` for an empty cell.
fn number(cell: &Cell) -> Result<Option<u64>, Rule> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Text(s) => parse_whole_number(s).map(Some),
        Cell::Number(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e15 => Ok(Some(*f as u64)),
        Cell::Number(_) => Err(Rule::NumberNotWhole),
        _ => Err(Rule::NumberFormat),
    }
}

/// Reads a protocol file of `region` for `election` under `rules`: one `enter_protocol` per row,
/// or every bad cell with its line and column.
pub fn read_protocols(
    election: ElectionId,
    region: &TerritoryCode,
    rules: &ProtocolRules,
    format: Format,
    bytes: &[u8],
) -> Result<Vec<ImportRow>, ImportError> {
    let table = sailau_tabular::read(format, bytes, Limits::default()).map_err(|e| match e {
        sailau_tabular::Error::Empty => ImportError::Empty,
        other => ImportError::Table(other),
    })?;
    let cols = columns(&table, rules)?;
    let mut errors = Vec::new();
    let mut rows = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut precinct = None;
        let mut numbers = ProtocolNumbers {
            fields: BTreeMap::new(),
            candidates: BTreeMap::new(),
        };
        let mut ok = true;
        for (col, cell) in cols.iter().zip(&row.cells) {
            let (name, value) = match col {
                Column::Precinct => (PRECINCT_COLUMN.to_owned(), number(cell)),
                Column::Field(k) => (k.clone(), number(cell)),
                Column::Candidate(n) => (n.to_string(), number(cell)),
            };
            match (col, value) {
                (_, Err(rule)) => {
                    errors.push(row_error(row.line, &name, rule));
                    ok = false;
                }
                (Column::Precinct, Ok(Some(n))) => {
                    match u32::try_from(n).ok().filter(|n| (1..=99_999).contains(n)) {
                        Some(n) => precinct = Some(n),
                        None => {
                            errors.push(row_error(row.line, &name, Rule::PrecinctNumberFormat));
                            ok = false;
                        }
                    }
                }
                (Column::Precinct, Ok(None)) => {
                    errors.push(row_error(row.line, &name, Rule::FieldRequired));
                    ok = false;
                }
                (Column::Field(k), Ok(Some(v))) => {
                    numbers.fields.insert(k.clone(), v);
                }
                (Column::Candidate(n), Ok(Some(v))) => {
                    numbers.candidates.insert(*n, v);
                }
                // An empty field cell is reported by the domain if the field is required; an
                // empty candidate cell: not a candidate in this precinct's unit.
                (_, Ok(None)) => {}
            }
        }
        if let (true, Some(number)) = (ok, precinct) {
            rows.push(ImportRow {
                line: row.line,
                command: EnterProtocol {
                    election,
                    precinct: PrecinctRef {
                        region_code: region.clone(),
                        number,
                    },
                    numbers,
                }
                .into(),
            });
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(ImportError::Rows(errors))
    }
}

impl App {
    /// Imports a protocol file of `region` for `election` (see the module documentation):
    /// every row through `enter_protocol` in one all-or-nothing transaction. Returns how many
    /// protocols were entered.
    ///
    /// # Errors
    /// [`ImportError::Rows`] naming every bad row; [`ImportError::App`] when the election does
    /// not exist or the system fails.
    pub async fn import_protocols(
        &self,
        acting: &Acting,
        election: ElectionId,
        region: &TerritoryCode,
        format: Format,
        bytes: Vec<u8>,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<usize, ImportError> {
        let e = self
            .store
            .election(&election)
            .await
            .map_err(|e| ImportError::App(e.into()))?
            .ok_or_else(|| {
                ImportError::App(AppError::Invalid(sailau_domain::ValidationErrors::one(
                    "election",
                    Rule::ElectionMissing,
                )))
            })?;
        let rules = e.rules().map_err(|v| ImportError::App(v.into()))?;
        let region = region.clone();
        let rows = tokio::task::spawn_blocking(move || {
            read_protocols(election, &region, &rules.protocol, format, &bytes)
        })
        .await
        .map_err(|e| ImportError::Read(e.to_string()))??;
        self.import(acting, rows, progress).await
    }
}
