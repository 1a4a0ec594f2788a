//! One reader for every spreadsheet import: bytes in, typed rows out.
//!
//! sailau imports territories, precincts and parties today, and will import signature sheets,
//! protocols and member lists. All of them go through [`read`], which takes what Excel really
//! writes:
//!
//! - **CSV** ([`read_csv`]): UTF-8 (with or without a BOM); UTF-16 with a BOM; Windows-1251 when the
//!   bytes are not UTF-8 ("CSV (comma delimited)" on Russian Windows), said in
//!   [`Table::encoding`], with a [`Warning::LostLetters`] when a `?` inside a word suggests that
//!   Kazakh letters were lost on saving. The separator is `sep=X` when the first line says so,
//!   otherwise the most frequent of `;`, `,` and tab in the header row. Line numbers come from the
//!   CSV parser's own positions, so reading is linear in the file's size.
//! - **XLSX** ([`read_xlsx`]): the first worksheet, streamed cell by cell (calamine's cells reader),
//!   so that a tiny file declaring a huge dimension (`A1:XFD1048576`) allocates nothing for it;
//!   at most [`Limits::max_rows`] non-empty rows and [`Limits::max_columns`] columns are kept,
//!   and a file beyond them is refused naming the limit. Cells keep their type ([`Cell`]), so a
//!   date-formatted cell is never read as a number.
//!
//! Every row keeps its line (CSV) or row number (XLSX); empty rows are skipped; empty trailing
//! header cells are dropped; a row with non-empty cells beyond the header is reported as an
//! [`Issue`], and reading goes on, so that the caller can report every bad row at once.
//!
//! **Invariant:** knows nothing of the registry, commands or languages: it reads tables.

#![warn(missing_docs)]

use std::borrow::Cow;
use std::fmt;
use std::io::Cursor;

/// How large a table may be. The defaults fit every import of sailau.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Non-empty rows, header included.
    pub max_rows: usize,
    /// Columns (a cell beyond is reported, not kept).
    pub max_columns: usize,
    /// Bytes of a workbook's shared strings (`xl/sharedStrings.xml`) once unpacked. The XLSX
    /// reader keeps every shared string in memory before the first cell, so a small upload
    /// that unpacks to gigabytes (a ZIP bomb) is refused here, by counting the bytes as they
    /// are inflated, never by trusting the size the archive declares.
    pub max_shared_strings_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_rows: 200_001,
            max_columns: 64,
            // 256 MiB: a full import (200,000 rows) of long names stays well below it.
            max_shared_strings_bytes: 256 * 1024 * 1024,
        }
    }
}

/// The format of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma- or semicolon-separated text, as Excel saves it.
    Csv,
    /// An Excel workbook (the first sheet is read).
    Xlsx,
}

impl Format {
    /// XLSX when the name ends in `.xlsx` (any case) or the bytes are a ZIP archive; CSV otherwise.
    pub fn guess(file_name: &str, bytes: &[u8]) -> Format {
        if file_name.to_ascii_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04") {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }
}

/// The text encoding a CSV file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM).
    Utf8,
    /// UTF-16, little-endian, with a BOM.
    Utf16Le,
    /// UTF-16, big-endian, with a BOM.
    Utf16Be,
    /// Windows-1251 (Cyrillic), what Excel on Russian Windows writes for "CSV (comma delimited)".
    Windows1251,
}

impl Encoding {
    /// The encoding's name as people know it: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `Windows-1251`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1251 => "Windows-1251",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One cell, with the type the file gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// An empty cell.
    Empty,
    /// Text (every CSV cell is text).
    Text(String),
    /// A number cell of a workbook.
    Number(f64),
    /// A date, time or duration cell of a workbook, as Excel shows it.
    Date(String),
    /// A boolean cell of a workbook.
    Bool(bool),
    /// An error cell of a workbook (`#DIV/0!`, `#N/A`, ...).
    Error(String),
    /// A CSV field whose bytes are not valid text in the file's encoding.
    BadEncoding,
}

impl Cell {
    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The type of the cell in words (`text`, `number`, `date`, `boolean`, `error`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Cell::Empty => "empty",
            Cell::Text(_) | Cell::BadEncoding => "text",
            Cell::Number(_) => "number",
            Cell::Date(_) => "date",
            Cell::Bool(_) => "boolean",
            Cell::Error(_) => "error",
        }
    }
}

/// One non-empty row: its line in a CSV file, its row number in a workbook (both from 1), and
/// its cells (exactly as many as the header has columns).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line (CSV) or row number (XLSX), from 1.
    pub line: usize,
    /// The cells, as many as the header has columns.
    pub cells: Vec<Cell>,
}

/// A problem with one row's structure (reading goes on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The row has non-empty cells beyond the header's columns (in CSV, often a quote left
    /// open, which joins lines, or an unquoted separator inside a value).
    TooManyCells {
        /// The row's line.
        line: usize,
        /// Its non-empty cells, counting to the last one.
        cells: usize,
        /// The header's columns.
        expected: usize,
    },
}

/// Something the reader noticed that may need the user's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A `?` inside a word of a Windows-1251 file: Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і)
    /// cannot be written in Windows-1251 and Excel replaces them with `?`.
    LostLetters {
        /// The line.
        line: usize,
        /// The word with the `?`.
        text: String,
    },
}

/// A table read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// CSV or XLSX.
    pub format: Format,
    /// The encoding a CSV file was read in (None for a workbook).
    pub encoding: Option<Encoding>,
    /// The CSV separator used (None for a workbook).
    pub separator: Option<char>,
    /// The header row's cells, trimmed, without empty trailing cells.
    pub header: Vec<String>,
    /// The header's line (CSV) or row number (XLSX).
    pub header_line: usize,
    /// The data rows.
    pub rows: Vec<Row>,
    /// Rows whose structure is broken, in file order.
    pub issues: Vec<Issue>,
    /// What the reader noticed, in file order.
    pub warnings: Vec<Warning>,
}

impl Table {
    /// The spreadsheet name of a cell (`A2`, `AB17`) for a workbook; None for CSV, where the
    /// caller names the line and the column instead.
    pub fn cell_name(&self, row: &Row, column: usize) -> Option<String> {
        (self.format == Format::Xlsx).then(|| format!("{}{}", column_name(column), row.line))
    }
}

/// The spreadsheet letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
pub fn column_name(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        letters.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Refuses a workbook whose shared strings unpack to more than the limit, counting the bytes
/// as they are inflated (at most one more than the limit is inflated). A part that is not
/// there, or an archive the ZIP reader does not open, is left to the XLSX reader to judge.
fn check_shared_strings(bytes: &[u8], limits: Limits) -> Result<(), Error> {
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let too_large = Error::SharedStringsTooLarge {
        max_mb: limits.max_shared_strings_bytes.div_ceil(1024 * 1024),
    };
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index(i) else {
            continue;
        };
        let shared = part
            .name()
            .is_ok_and(|name| name.to_ascii_lowercase().ends_with("sharedstrings.xml"));
        if !shared {
            continue;
        }
        if part.size() > limits.max_shared_strings_bytes {
            return Err(too_large);
        }
        let mut limited = part.take(limits.max_shared_strings_bytes.saturating_add(1));
        let inflated = std::io::copy(&mut limited, &mut std::io::sink()).unwrap_or(0);
        if inflated > limits.max_shared_strings_bytes {
            return Err(too_large);
        }
    }
    Ok(())
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// No bytes, or only empty rows: not even a header.
    #[error("the file is empty")]
    Empty,
    /// More non-empty rows than allowed.
    #[error("the file has more than {max} rows (the limit)")]
    TooManyRows {
        /// The most rows allowed (`Limits::max_rows`).
        max: usize,
    },
    /// UTF-16 text without a byte-order mark, whose byte order cannot be told.
    #[error("the file is UTF-16 text without a byte-order mark: save it as CSV UTF-8")]
    Utf16WithoutBom,
    /// Not a workbook (or a damaged one); the reason from the XLSX reader.
    #[error("not a readable XLSX workbook: {0}")]
    Workbook(String),
    /// The workbook's shared strings unpack to more than allowed.
    #[error("the workbook's text unpacks to more than {max_mb} MB (the limit)")]
    SharedStringsTooLarge {
        /// The limit in megabytes (MiB), `Limits::max_shared_strings_bytes` rounded up.
        max_mb: u64,
    },
}

/// Reads a file of either format.
pub fn read(format: Format, bytes: &[u8], limits: Limits) -> Result<Table, Error> {
    match format {
        Format::Csv => read_csv(bytes, limits),
        Format::Xlsx => read_xlsx(bytes, limits),
    }
}

/// Collects rows into a table: finds the header, drops empty rows and empty trailing header
/// cells, pads or checks row widths.
struct Builder {
    limits: Limits,
    header: Option<(usize, Vec<String>)>,
    rows: Vec<Row>,
    issues: Vec<Issue>,
    non_empty: usize,
}

impl Builder {
    fn new(limits: Limits) -> Self {
        Builder {
            limits,
            header: None,
            rows: Vec::new(),
            issues: Vec::new(),
            non_empty: 0,
        }
    }

    /// Adds a row; `overflow` is the width of a row that had cells beyond `max_columns`.
    fn push(
        &mut self,
        line: usize,
        mut cells: Vec<Cell>,
        overflow: Option<usize>,
    ) -> Result<(), Error> {
        if overflow.is_none() && cells.iter().all(Cell::is_blank) {
            return Ok(());
        }
        self.non_empty += 1;
        if self.non_empty > self.limits.max_rows {
            return Err(Error::TooManyRows {
                max: self.limits.max_rows,
            });
        }
        let Some((_, header)) = &self.header else {
            let mut header: Vec<String> = cells
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => s.trim().trim_start_matches('\u{FEFF}').trim().to_owned(),
                    Cell::Number(n) => n.to_string(),
                    Cell::Date(s) | Cell::Error(s) => s.clone(),
                    Cell::Bool(b) => b.to_string(),
                    Cell::Empty | Cell::BadEncoding => String::new(),
                })
                .collect();
            while header.last().is_some_and(String::is_empty) {
                header.pop();
            }
            self.header = Some((line, header));
            return Ok(());
        };
        let width = header.len();
        let last_used = cells
            .iter()
            .rposition(|c| !c.is_blank())
            .map_or(0, |i| i + 1);
        if let Some(cells) = overflow.or((last_used > width).then_some(last_used)) {
            self.issues.push(Issue::TooManyCells {
                line,
                cells,
                expected: width,
            });
            return Ok(());
        }
        cells.resize(width, Cell::Empty);
        self.rows.push(Row { line, cells });
        Ok(())
    }

    fn finish(
        self,
        format: Format,
        encoding: Option<Encoding>,
        separator: Option<char>,
    ) -> Result<Table, Error> {
        let (header_line, header) = self.header.ok_or(Error::Empty)?;
        let mut table = Table {
            format,
            encoding,
            separator,
            header,
            header_line,
            rows: self.rows,
            issues: self.issues,
            warnings: Vec::new(),
        };
        if encoding == Some(Encoding::Windows1251) {
            table.warnings = lost_letters(&table);
        }
        Ok(table)
    }
}

/// Rows where a `?` stands between two letters (at most one warning per row).
fn lost_letters(table: &Table) -> Vec<Warning> {
    let mut out = Vec::new();
    for row in &table.rows {
        let hit = row.cells.iter().find_map(|c| match c {
            Cell::Text(s) => {
                let chars: Vec<char> = s.chars().collect();
                chars
                    .windows(3)
                    .any(|w| w[1] == '?' && w[0].is_alphabetic() && w[2].is_alphabetic())
                    .then(|| s.clone())
            }
            _ => None,
        });
        if let Some(text) = hit {
            out.push(Warning::LostLetters {
                line: row.line,
                text,
            });
        }
    }
    out
}

/// Decides the encoding of CSV bytes and gives them as UTF-8 (borrowed when they already are;
/// a UTF-8 file with a few broken bytes stays as it is, and its broken fields are reported).
fn decode(bytes: &[u8]) -> Result<(Cow<'_, [u8]>, Encoding), Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((Cow::Borrowed(rest), Encoding::Utf8));
    }
    for (bom, enc, e) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, _) = enc.decode_with_bom_removal(bytes);
            // Unpaired surrogates become U+FFFD; they are reported as bad text by the caller.
            return Ok((Cow::Owned(text.into_owned().into_bytes()), e));
        }
    }
    let head = &bytes[..bytes.len().min(512)];
    if head.len() >= 4 && head.iter().filter(|&&b| b == 0).count() * 4 >= head.len() {
        return Err(Error::Utf16WithoutBom);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok((Cow::Borrowed(bytes), Encoding::Utf8));
    }
    // Not valid UTF-8: mostly valid multi-byte UTF-8 with a few bad bytes is a UTF-8 file with
    // broken fields; otherwise it is Windows-1251 (whose Cyrillic bytes rarely form UTF-8).
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte > invalid {
        return Ok((Cow::Borrowed(bytes), Encoding::Utf8));
    }
    let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
    Ok((
        Cow::Owned(text.into_owned().into_bytes()),
        Encoding::Windows1251,
    ))
}

/// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes
/// (`,` on a tie or when there is none).
fn detect_separator(data: &[u8]) -> u8 {
    let line = data
        .split(|&b| b == b'\n')
        .find(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
        .unwrap_or(&[]);
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b',' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = [(counts[1], b','), (counts[0], b';'), (counts[2], b'\t')]
        .into_iter()
        .fold((0, b','), |best, c| if c.0 > best.0 { c } else { best });
    best.1
}

/// Reads CSV bytes (see the crate documentation for the dialects understood).
pub fn read_csv(bytes: &[u8], limits: Limits) -> Result<Table, Error> {
    let (data, encoding) = decode(bytes)?;
    let mut data: &[u8] = &data;
    // Excel's `sep=;` first line names the separator.
    let mut line_offset = 0u64;
    let mut separator = None;
    if data.len() >= 5 && data[..4].eq_ignore_ascii_case(b"sep=") {
        let end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
        let declared = data[4..end].strip_suffix(b"\r").unwrap_or(&data[4..end]);
        if let [sep] = declared {
            separator = Some(*sep);
            data = data.get(end + 1..).unwrap_or(&[]);
            line_offset = 1;
        }
    }
    let separator = separator.unwrap_or_else(|| detect_separator(data));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(data);
    let mut builder = Builder::new(limits);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Only I/O errors are possible on a byte slice with flexible records.
            Err(e) => return Err(Error::Workbook(e.to_string())),
        }
        // The parser's line is where the previous record ended; blank lines and the rest of a
        // CRLF before this record are skipped here (each byte once: linear in the file).
        let line = record.position().map_or(0, |p| {
            let skipped = usize::try_from(p.byte())
                .ok()
                .and_then(|b| data.get(b..))
                .unwrap_or(&[])
                .iter()
                .take_while(|&&c| c == b'\n' || c == b'\r')
                .filter(|&&c| c == b'\n')
                .count();
            p.line() + skipped as u64 + line_offset
        }) as usize;
        let overflow = (record.len() > limits.max_columns).then_some(record.len());
        let cells = record
            .iter()
            .take(limits.max_columns)
            .map(|field| match std::str::from_utf8(field) {
                // Decoding replaced bytes it could not read (an unpaired UTF-16 surrogate).
                Ok(s) if encoding != Encoding::Utf8 && s.contains('\u{FFFD}') => Cell::BadEncoding,
                Ok(s) => text_cell(s),
                Err(_) => Cell::BadEncoding,
            })
            .collect();
        builder.push(line, cells, overflow)?;
    }
    builder.finish(Format::Csv, Some(encoding), Some(char::from(separator)))
}

fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// Reads the first worksheet of an XLSX workbook, cell by cell.
pub fn read_xlsx(bytes: &[u8], limits: Limits) -> Result<Table, Error> {
    use calamine::{DataRef, Reader};
    let unreadable = |e: calamine::XlsxError| Error::Workbook(e.to_string());
    check_shared_strings(bytes, limits)?;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let Some(sheet) = book.sheet_names().into_iter().next() else {
        return Err(Error::Empty);
    };
    let mut cells_reader = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
    let mut builder = Builder::new(limits);
    let mut current: Option<(u32, Vec<Cell>, Option<usize>)> = None;
    while let Some(cell) = cells_reader.next_cell().map_err(unreadable)? {
        let (row, col) = cell.get_position();
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::String(s) => text_cell(s),
            DataRef::SharedString(s) => text_cell(s),
            DataRef::Bool(b) => Cell::Bool(*b),
            DataRef::DateTime(d) => Cell::Date(d.to_string()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Date(s.clone()),
            DataRef::Error(e) => Cell::Error(e.to_string()),
        };
        if current.as_ref().is_some_and(|(r, _, _)| *r != row)
            && let Some((r, cells, overflow)) = current.take()
        {
            builder.push(r as usize + 1, cells, overflow)?;
        }
        let (_, cells, overflow) = current.get_or_insert_with(|| (row, Vec::new(), None));
        let col = col as usize;
        if col >= limits.max_columns {
            if !value.is_blank() {
                *overflow = Some(overflow.unwrap_or(0).max(col + 1));
            }
            continue;
        }
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = value;
    }
    if let Some((r, cells, overflow)) = current {
        builder.push(r as usize + 1, cells, overflow)?;
    }
    builder.finish(Format::Xlsx, None, None)
}
