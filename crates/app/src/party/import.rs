//! Member lists and delegate rosters from CSV or XLSX, through `sailau-tabular` like every
//! import: every bad row reported with its line, nothing imported unless every row is accepted.
//!
//! A member list (`card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code`)
//! becomes one `record_member` per row, each with a fresh identifier and salt: the ledger gets
//! the commitment, the erasable table the record. Dates are `YYYY-MM-DD` or `DD.MM.YYYY`.
//! A roster (`mandate,card_number`) becomes one `seat_delegate` per row, the card number
//! resolved to the party's member before the transaction.

use jiff::civil::Date;
use rand::Rng;
use sailau_domain::party::commands::{ConferenceId, RecordMember, SeatDelegate};
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::party::rules::PartyRule;
use sailau_domain::{Issued, PartyCode, Rule, TerritoryCode};
use sailau_tabular::{Cell, Format, Limits, Table};

use crate::import::{ImportError, ImportRow, RowError};
use crate::{Acting, App, AppError};

/// The header of a member list.
pub const MEMBERS_HEADER: [&str; 7] = [
    "card_number",
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "joined_on",
    "branch_code",
];

/// The header of a delegate roster.
pub const ROSTER_HEADER: [&str; 2] = ["mandate", "card_number"];

fn row_error(line: usize, field: &str, rule: Rule) -> RowError {
    RowError {
        line,
        field: field.to_owned(),
        message: rule.english(),
        rule: Some(rule),
    }
}

/// Reads a date as officials write it: `2023-09-27` or `27.09.2023`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

fn table(format: Format, bytes: &[u8], header: &[&str]) -> Result<Table, ImportError> {
    let table = sailau_tabular::read(format, bytes, Limits::default()).map_err(|e| match e {
        sailau_tabular::Error::Empty => ImportError::Empty,
        other => ImportError::Table(other),
    })?;
    let got: Vec<String> = table.header.iter().map(|h| h.to_lowercase()).collect();
    if got != header {
        return Err(ImportError::Header {
            expected: header.join(","),
        });
    }
    Ok(table)
}

/// A cell's text (numbers as whole numbers, dates as Excel shows them).
fn text(cell: Option<&Cell>) -> Option<String> {
    match cell.unwrap_or(&Cell::Empty) {
        Cell::Empty => Some(String::new()),
        Cell::Text(s) | Cell::Date(s) => Some(s.clone()),
        Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(format!("{}", *f as i64)),
        Cell::Number(f) => Some(f.to_string()),
        _ => None,
    }
}

fn salt() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Parses a member list of `party` into `record_member` commands, every bad row at once: the
/// record's rules (card number, names, birth and joining dates against `today`, the civil date
/// of the import in the national zone) are checked here for every row, and again by the
/// command's handler in the branch's own zone.
pub fn read_members(
    party: &PartyCode,
    format: Format,
    bytes: &[u8],
    today: Date,
) -> Result<Vec<ImportRow>, ImportError> {
    let table = table(format, bytes, &MEMBERS_HEADER)?;
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for row in &table.rows {
        let line = row.line;
        let mut cells = Vec::new();
        for (i, name) in MEMBERS_HEADER.iter().enumerate() {
            match text(row.cells.get(i)) {
                Some(t) => cells.push(t),
                None => {
                    errors.push(row_error(line, name, Rule::FieldRequired));
                    cells.push(String::new());
                }
            }
        }
        let birth = parse_date(&cells[4]);
        if birth.is_none() {
            errors.push(row_error(line, "birth_date", Rule::PersonBirthDateInvalid));
        }
        let joined = parse_date(&cells[5]);
        if joined.is_none() {
            errors.push(row_error(
                line,
                "joined_on",
                PartyRule::JoinedOnInvalid.into(),
            ));
        }
        let branch = TerritoryCode::parse(&cells[6]);
        if let Err(r) = &branch {
            errors.push(row_error(line, "branch_code", r.clone()));
        }
        // The record's own rules, with stand-in dates where a date did not parse (its error is
        // already said), so that every broken rule of the row shows at once.
        let record = MemberRecord {
            salt: salt(),
            card_number: cells[0].trim().to_owned(),
            surname: cells[1].clone(),
            given_name: cells[2].clone(),
            patronymic: cells[3].clone(),
            birth_date: birth.unwrap_or(jiff::civil::date(1970, 1, 1)),
        };
        let checked = record.validate(
            joined.unwrap_or(jiff::civil::date(2000, 1, 1)),
            today,
            sailau_domain::Edition::CURRENT,
        );
        let mut row_ok = true;
        if let Err(v) = checked {
            for e in v.0 {
                let said = (e.field == "birth_date" && birth.is_none())
                    || (e.field == "joined_on" && (joined.is_none() || birth.is_none()));
                if !said {
                    row_ok = false;
                    errors.push(row_error(line, &e.field, e.rule));
                }
            }
        }
        if let (true, Some(birth_date), Some(joined_on), Ok(branch)) =
            (row_ok, birth, joined, branch)
        {
            let record = MemberRecord {
                birth_date,
                ..record
            };
            // The record is normalized before its commitment is taken, so that the handler's
            // check sees the same bytes.
            let record = MemberRecord {
                surname: sailau_domain::text::normalize(&record.surname),
                given_name: sailau_domain::text::normalize(&record.given_name),
                patronymic: sailau_domain::text::normalize(&record.patronymic),
                ..record
            };
            let command = RecordMember {
                member: MemberId(uuid::Uuid::new_v4()),
                party: party.clone(),
                branch,
                joined_on,
                commitment: record.commitment(),
            };
            rows.push(ImportRow {
                line,
                command: Issued::new(command, record),
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
    /// Imports a member list of `party` (all rows or none); returns how many were recorded.
    pub async fn import_members(
        &self,
        acting: &Acting,
        party: &PartyCode,
        format: Format,
        bytes: Vec<u8>,
    ) -> Result<usize, ImportError> {
        let p = party.clone();
        let today = sailau_domain::date::local_date(self.clock.now_ms(), None)
            .map_err(|e| ImportError::App(e.into()))?;
        let rows = tokio::task::spawn_blocking(move || read_members(&p, format, &bytes, today))
            .await
            .map_err(|e| ImportError::App(AppError::Ledger(e.to_string())))??;
        self.import(acting, rows, &|_, _| {}).await
    }

    /// Imports a conference's roster (`mandate,card_number`), each card resolved to the party's
    /// member; all rows or none.
    pub async fn import_roster(
        &self,
        acting: &Acting,
        conference: &ConferenceId,
        format: Format,
        bytes: &[u8],
    ) -> Result<usize, ImportError> {
        let c = self
            .store
            .conference(conference)
            .await
            .map_err(|e| ImportError::App(e.into()))?
            .ok_or_else(|| {
                ImportError::App(
                    sailau_domain::ValidationErrors::one(
                        "conference",
                        PartyRule::ConferenceMissing.into(),
                    )
                    .into(),
                )
            })?;
        let table = table(format, bytes, &ROSTER_HEADER)?;
        let mut errors = Vec::new();
        let mut rows = Vec::new();
        for row in &table.rows {
            let line = row.line;
            let mandate = text(row.cells.first())
                .and_then(|m| sailau_domain::text::parse_whole_number(&m).ok())
                .and_then(|m| u32::try_from(m).ok());
            if mandate.is_none() {
                errors.push(row_error(line, "mandate", PartyRule::MandateRange.into()));
            }
            let card = text(row.cells.get(1)).unwrap_or_default();
            let member = self
                .store
                .member_by_card(&c.party, &card)
                .await
                .map_err(|e| ImportError::App(e.into()))?;
            if member.is_none() {
                errors.push(row_error(
                    line,
                    "card_number",
                    PartyRule::MemberMissing.into(),
                ));
            }
            if let (Some(mandate), Some(member)) = (mandate, member) {
                rows.push(ImportRow {
                    line,
                    command: SeatDelegate {
                        conference: *conference,
                        mandate,
                        member,
                    }
                    .into(),
                });
            }
        }
        if !errors.is_empty() {
            return Err(ImportError::Rows(errors));
        }
        self.import(acting, rows, &|_, _| {}).await
    }
}
