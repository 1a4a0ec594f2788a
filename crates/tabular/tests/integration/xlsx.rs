//! Workbooks built in the test with a ZIP writer: the smallest XLSX that Excel and calamine read.

use std::io::Write;

use sailau_tabular::{Cell, Error, Format, Issue, Limits, read_xlsx};

/// A workbook whose first sheet declares `dimension` and holds `sheet_data` (the `<sheetData>`
/// children); style 1 is the built-in date format 14.
pub fn workbook(dimension: &str, sheet_data: &str) -> Vec<u8> {
    workbook_with(dimension, sheet_data, &[])
}

/// [`workbook`] with more parts (e.g. `xl/sharedStrings.xml`).
pub fn workbook_with(dimension: &str, sheet_data: &str, extra: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_owned(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#
            ),
        ),
    ];
    for (name, text) in files.iter().chain(extra) {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// An inline-string cell.
pub fn s(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A number cell (style 1 makes it a date).
pub fn n(r: &str, v: &str, style: u8) -> String {
    format!(r#"<c r="{r}" s="{style}"><v>{v}</v></c>"#)
}

/// A row.
pub fn row(r: u32, cells: &[String]) -> String {
    format!(r#"<row r="{r}">{}</row>"#, cells.concat())
}

#[test]
fn cells_keep_their_types() {
    let data = [
        row(1, &[s("A1", "number"), s("B1", "address")]),
        row(2, &[n("A2", "45293", 1), s("B2", "ул. Абая, 1")]),
        row(
            3,
            &[
                n("A3", "17", 0),
                r#"<c r="B3" t="b"><v>1</v></c>"#.to_owned(),
            ],
        ),
        row(4, &[r#"<c r="A4" t="e"><v>#DIV/0!</v></c>"#.to_owned()]),
    ]
    .concat();
    let bytes = workbook("A1:B4", &data);
    let t = read_xlsx(&bytes, Limits::default()).unwrap();
    assert_eq!(t.format, Format::Xlsx);
    assert_eq!(t.header, ["number", "address"]);
    assert!(
        matches!(t.rows[0].cells[0], Cell::Date(_)),
        "{:?}",
        t.rows[0]
    );
    assert_eq!(t.cell_name(&t.rows[0], 0).unwrap(), "A2");
    assert_eq!(t.rows[1].cells[0], Cell::Number(17.0));
    assert_eq!(t.rows[1].cells[1], Cell::Bool(true));
    assert!(matches!(t.rows[2].cells[0], Cell::Error(_)));
    assert_eq!(t.rows[2].line, 4);
}

#[test]
fn a_tiny_file_declaring_the_whole_sheet_allocates_nothing_for_it() {
    // One cell at A1 and one at XFD1048576, and a dimension of the whole sheet.
    let data = [
        row(1, &[s("A1", "code")]),
        row(1_048_576, &[s("XFD1048576", "x")]),
    ]
    .concat();
    let bytes = workbook("A1:XFD1048576", &data);
    assert!(bytes.len() < 2048, "{} bytes", bytes.len());
    let t = read_xlsx(&bytes, Limits::default()).unwrap();
    assert_eq!(t.header, ["code"]);
    assert!(t.rows.is_empty());
    assert_eq!(
        t.issues,
        [Issue::TooManyCells {
            line: 1_048_576,
            cells: 16_384,
            expected: 1
        }]
    );
}

#[test]
fn cells_far_apart_are_read_as_two_rows() {
    let header: Vec<String> = (0..16)
        .map(|c| {
            s(
                &format!("{}1", sailau_tabular::column_name(c)),
                &format!("c{c}"),
            )
        })
        .collect();
    let data = [row(1, &header), row(1_000_000, &[s("P1000000", "far")])].concat();
    let t = read_xlsx(&workbook("A1:P1000000", &data), Limits::default()).unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].line, 1_000_000);
    assert_eq!(t.rows[0].cells[15], Cell::Text("far".into()));
}

#[test]
fn too_many_rows_are_refused_naming_the_limit() {
    let data: String = (1..=5)
        .map(|r| row(r, &[s(&format!("A{r}"), "x")]))
        .collect();
    let limits = Limits {
        max_rows: 3,
        ..Limits::default()
    };
    assert_eq!(
        read_xlsx(&workbook("A1:A5", &data), limits),
        Err(Error::TooManyRows { max: 3 })
    );
}

#[test]
fn not_a_workbook_and_an_empty_sheet() {
    assert!(matches!(
        read_xlsx(b"code,name\n", Limits::default()),
        Err(Error::Workbook(_))
    ));
    assert_eq!(
        read_xlsx(&workbook("A1", ""), Limits::default()),
        Err(Error::Empty)
    );
}

#[test]
fn column_names() {
    assert_eq!(sailau_tabular::column_name(0), "A");
    assert_eq!(sailau_tabular::column_name(15), "P");
    assert_eq!(sailau_tabular::column_name(26), "AA");
    assert_eq!(sailau_tabular::column_name(16_383), "XFD");
}

/// Shared strings, in `xl/sharedStrings.xml`.
fn shared_strings(strings: &[&str]) -> (&'static str, String) {
    let items: String = strings
        .iter()
        .map(|t| format!("<si><t>{t}</t></si>"))
        .collect();
    (
        "xl/sharedStrings.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{items}</sst>"#,
            n = strings.len()
        ),
    )
}

#[test]
fn shared_strings_are_read_and_capped_by_what_they_unpack_to() {
    let sheet = row(1, &[r#"<c r="A1" t="s"><v>0</v></c>"#.to_owned()]);
    // Within the limit: the shared string is the cell's text.
    let small = workbook_with("A1", &sheet, &[shared_strings(&["Абай"])]);
    let table = read_xlsx(&small, Limits::default()).unwrap();
    assert_eq!(table.header, ["Абай"]);
    // A few kilobytes of text that inflate past a 1 KiB limit: refused before calamine holds
    // them, naming the limit in MB (rounded up).
    let long = "ә".repeat(3_000);
    let large = workbook_with("A1", &sheet, &[shared_strings(&[&long])]);
    assert!(
        large.len() < 4_000,
        "the archive stays small: {}",
        large.len()
    );
    let limits = Limits {
        max_shared_strings_bytes: 1_024,
        ..Limits::default()
    };
    assert_eq!(
        read_xlsx(&large, limits),
        Err(Error::SharedStringsTooLarge { max_mb: 1 })
    );
    assert!(read_xlsx(&large, Limits::default()).is_ok());
}
