//! Reading signature sheets from CSV or XLSX (issue 11, item 5) through `sailau-tabular`, the
//! reader of every import: Excel's separators and encodings, XLSX streamed with typed cells, row
//! caps. Columns, in order:
//! `sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on`.
//!
//! Every bad row is reported at once with its line ([`ImportError::Rows`]); a file that cannot be
//! read (not a table, too many rows, another header) is refused whole. A malformed IIN is *not*
//! a bad row: it is a ground of invalidity that the verification counts, so the line is kept
//! as written.

use jiff::civil::Date;
use sailau_domain::elections::signatures::{SignatureLine, validate_lines};
use sailau_domain::text::parse_whole_number;
use sailau_domain::{Rule, TerritoryCode};
use sailau_tabular::{Cell, Format, Issue, Limits, Table, Warning};

use crate::import::{ImportError, RowError};

/// The header of a signature-sheet file.
pub const HEADER: [&str; 9] = [
    "sheet",
    "line",
    "surname",
    "given_name",
    "patronymic",
    "iin",
    "address",
    "territory_code",
    "signed_on",
];

/// The lines of a file with their line numbers in the file (the header is line 1 of a CSV file
/// without a `sep=` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFile {
    /// The lines, normalized ([`SignatureLine::validated`]), in file order.
    pub lines: Vec<SignatureLine>,
    /// The line (CSV) or row (XLSX) of each, in the same order.
    pub file_lines: Vec<usize>,
    /// The encoding a CSV file was read in, when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

fn bad(line: usize, field: &str, rule: Rule) -> RowError {
    RowError {
        line,
        field: field.to_owned(),
        message: rule.english(),
        rule: Some(rule),
    }
}

/// Reads a signature-sheet file with the default [`Limits`].
pub fn read_sheets(format: Format, bytes: &[u8]) -> Result<SheetFile, ImportError> {
    let table = sailau_tabular::read(format, bytes, Limits::default()).map_err(|e| match e {
        sailau_tabular::Error::Empty => ImportError::Empty,
        other => ImportError::Table(other),
    })?;
    let header: Vec<String> = table
        .header
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if header != HEADER {
        return Err(ImportError::Header {
            expected: HEADER.join(","),
        });
    }
    let mut errors: Vec<RowError> = table
        .warnings
        .iter()
        .map(|Warning::LostLetters { line, text }| {
            bad(*line, "", Rule::ImportLostLetters { text: text.clone() })
        })
        .collect();
    errors.extend(table.issues.iter().map(
        |Issue::TooManyCells {
             line,
             cells,
             expected,
         }| {
            bad(
                *line,
                "",
                Rule::ImportRowWidth {
                    cells: *cells,
                    expected: *expected,
                },
            )
        },
    ));
    let encoding = table.encoding.map_or("UTF-8", |e| e.as_str());
    let mut lines = Vec::with_capacity(table.rows.len());
    let mut file_lines = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        match parse_row(&table, row, encoding) {
            Ok(l) => {
                lines.push(l);
                file_lines.push(row.line);
            }
            Err(e) => errors.extend(e),
        }
    }
    // Text rules and sheet/line numbers given twice, for the rows that parsed.
    let lines = match validate_lines(&lines) {
        Ok(v) => v,
        Err(bad_lines) => {
            for (i, errs) in bad_lines {
                let line = file_lines.get(i).copied().unwrap_or(0);
                errors.extend(errs.0.into_iter().map(|f| bad(line, &f.field, f.rule)));
            }
            Vec::new()
        }
    };
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportError::Rows(errors));
    }
    Ok(SheetFile {
        lines,
        file_lines,
        encoding: table
            .encoding
            .filter(|e| *e != sailau_tabular::Encoding::Utf8)
            .map(|e| e.as_str()),
    })
}

/// One row as a line, or every error of the row.
fn parse_row(
    table: &Table,
    row: &sailau_tabular::Row,
    encoding: &str,
) -> Result<SignatureLine, Vec<RowError>> {
    let mut errors = Vec::new();
    let line = row.line;
    let cell = |i: usize| row.cells.get(i).unwrap_or(&Cell::Empty);
    let type_error = |i: usize, found: &str, expected: &str| {
        bad(
            line,
            HEADER.get(i).copied().unwrap_or(""),
            Rule::CellType {
                cell: table
                    .cell_name(row, i)
                    .unwrap_or_else(|| HEADER.get(i).copied().unwrap_or("").to_owned()),
                found: found.to_owned(),
                expected: expected.to_owned(),
            },
        )
    };
    // Text of a cell; numbers in a text column are written as whole numbers.
    let mut text = |i: usize, errors: &mut Vec<RowError>| -> Option<String> {
        match cell(i) {
            Cell::Empty => Some(String::new()),
            Cell::Text(s) => Some(s.clone()),
            Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(format!("{}", *f as i64)),
            Cell::Number(f) => Some(f.to_string()),
            Cell::BadEncoding => {
                errors.push(bad(
                    line,
                    HEADER.get(i).copied().unwrap_or(""),
                    Rule::ImportEncoding {
                        encoding: encoding.to_owned(),
                    },
                ));
                None
            }
            c => {
                errors.push(type_error(i, c.type_name(), "text"));
                None
            }
        }
    };
    let number = |i: usize,
                  errors: &mut Vec<RowError>,
                  text: &mut dyn FnMut(usize, &mut Vec<RowError>) -> Option<String>|
     -> Option<u32> {
        let t = text(i, errors)?;
        match parse_whole_number(&t) {
            Ok(n) => Some(u32::try_from(n).unwrap_or(u32::MAX)),
            Err(rule) => {
                errors.push(bad(line, HEADER.get(i).copied().unwrap_or(""), rule));
                None
            }
        }
    };
    let sheet = number(0, &mut errors, &mut text);
    let line_no = number(1, &mut errors, &mut text);
    let surname = text(2, &mut errors);
    let given_name = text(3, &mut errors);
    let patronymic = text(4, &mut errors);
    // Excel drops the leading zeros of an IIN typed as a number (people born in 2000–2009):
    // a number cell is written back with 12 digits.
    let iin = match cell(5) {
        Cell::Number(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e12 => {
            Some(format!("{:012}", *f as i64))
        }
        _ => text(5, &mut errors),
    };
    let address = text(6, &mut errors);
    let territory = text(7, &mut errors).and_then(|t| match TerritoryCode::parse(t.trim()) {
        Ok(c) => Some(c),
        Err(rule) => {
            errors.push(bad(line, "territory_code", rule));
            None
        }
    });
    let signed_on = match cell(8) {
        Cell::Date(s) => excel_date(s).or_else(|| {
            errors.push(bad(line, "signed_on", Rule::DateFormat));
            None
        }),
        Cell::Text(s) => parse_date(s).or_else(|| {
            errors.push(bad(
                line,
                "signed_on",
                if s.trim().is_empty() {
                    Rule::FieldRequired
                } else {
                    Rule::DateFormat
                },
            ));
            None
        }),
        Cell::Empty => {
            errors.push(bad(line, "signed_on", Rule::FieldRequired));
            None
        }
        c => {
            errors.push(type_error(8, c.type_name(), "date"));
            None
        }
    };
    match (
        sheet, line_no, surname, given_name, patronymic, iin, address, territory, signed_on,
    ) {
        (
            Some(sheet),
            Some(line),
            Some(surname),
            Some(given_name),
            Some(patronymic),
            Some(iin),
            Some(address),
            Some(territory_code),
            Some(signed_on),
        ) if errors.is_empty() => Ok(SignatureLine {
            sheet,
            line,
            surname,
            given_name,
            patronymic,
            iin,
            address,
            territory_code,
            signed_on,
        }),
        (sheet, line_no, surname, given_name, patronymic, iin, address, _, _) => {
            // The row failed elsewhere: still check the text it has, with stand-ins for the
            // rest, so that every broken rule of the row is said at once.
            let stand_in = SignatureLine {
                sheet: sheet.unwrap_or(1),
                line: line_no.unwrap_or(1),
                surname: surname.unwrap_or_else(|| "-".into()),
                given_name: given_name.unwrap_or_else(|| "-".into()),
                patronymic: patronymic.unwrap_or_default(),
                iin: iin.unwrap_or_else(|| "-".into()),
                address: address.unwrap_or_else(|| "-".into()),
                territory_code: TerritoryCode::parse("100000000").map_err(|_| errors.clone())?,
                signed_on: Date::constant(2000, 1, 1),
            };
            if let Err(v) = stand_in.validated() {
                errors.extend(v.0.into_iter().map(|f| bad(line, &f.field, f.rule)));
            }
            Err(errors)
        }
    }
}

/// A date as people write it: `YYYY-MM-DD` or `DD.MM.YYYY` (also `D.M.YYYY`).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Some(d);
    }
    let mut parts = t.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// A workbook's date cell: an Excel serial day (days since 1899-12-30 in the 1900 date system) or
/// an ISO date-time.
fn excel_date(text: &str) -> Option<Date> {
    if let Ok(serial) = text.trim().parse::<f64>() {
        if !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        return Date::constant(1899, 12, 30)
            .checked_add(jiff::Span::new().days(serial.floor() as i64))
            .ok();
    }
    parse_date(text.get(..10)?)
}

/// The format of an uploaded file, by its name or its bytes (see [`Format::guess`]).
pub fn format_of(file_name: &str, bytes: &[u8]) -> Format {
    Format::guess(file_name, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_written() {
        assert_eq!(parse_date("2023-09-20"), Some(Date::constant(2023, 9, 20)));
        assert_eq!(parse_date("20.09.2023"), Some(Date::constant(2023, 9, 20)));
        assert_eq!(parse_date("1.9.2023"), Some(Date::constant(2023, 9, 1)));
        assert_eq!(parse_date("31.09.2023"), None);
        assert_eq!(parse_date("20.09.23"), None);
        assert_eq!(excel_date("45189"), Some(Date::constant(2023, 9, 20)));
        assert_eq!(
            excel_date("2023-09-20T00:00:00"),
            Some(Date::constant(2023, 9, 20))
        );
    }

    #[test]
    fn every_bad_row_at_once_and_malformed_iins_kept() {
        let csv = "sheet;line;surname;given_name;patronymic;iin;address;territory_code;signed_on\n\
                   1;1;Жумабаева;Айгерим;;12 34;ул. Абая, 5;101000000;20.09.2023\n\
                   1;x;Жумабаева;Айгерим;;850714401230;ул. Абая, 5;101000000;20.09.2023\n\
                   1;3;;Айгерим;;850714401230;ул. Абая, 5;1010;31.09.2023\n\
                   1;1;Жумабаева;Айгерим;;850714401230;ул. Абая, 5;101000000;2023-09-20\n";
        let Err(ImportError::Rows(rows)) = read_sheets(Format::Csv, csv.as_bytes()) else {
            panic!("bad rows expected")
        };
        let got: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.field.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "line"),
                (4, "territory_code"),
                (4, "signed_on"),
                (4, "surname"),
                (5, "line"),
            ]
        );
        let ok = "sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on\n\
                  1,1,Жумабаева,Айгерим,,12 34,\"ул. Абая, 5\",101000000,20.09.2023\n";
        let file = read_sheets(Format::Csv, ok.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.lines[0].iin, "12 34");
        assert_eq!(file.file_lines, vec![2]);
        let wrong = "number,territory_code,address,voters\n1,101000000,x,1\n";
        assert!(matches!(
            read_sheets(Format::Csv, wrong.as_bytes()),
            Err(ImportError::Header { .. })
        ));
    }
}
