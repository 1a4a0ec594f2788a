//! Issue 6: imports that take what Excel really writes, every bad row at once, names that cannot
//! look alike, and text normalized before it reaches the ledger.

use std::io::Write;

use sailau_app::Acting;
use sailau_app::import::{Format, ImportError, Kind, TableError, read, read_csv, read_xlsx};
use sailau_domain::*;

use crate::fixture::*;

const PRECINCTS: &str = "number,territory_code,address,voters\n";

/// The smallest workbook calamine reads; style 1 is the built-in date format.
fn workbook(dimension: &str, sheet_data: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    let ns = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let files = [
        ("[Content_Types].xml".to_owned(), r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_owned()),
        ("_rels/.rels".to_owned(), format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml".to_owned(), format!(r#"<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels".to_owned(), format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>"#)),
        ("xl/styles.xml".to_owned(), format!(r#"<?xml version="1.0"?><styleSheet {ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#)),
        ("xl/worksheets/sheet1.xml".to_owned(), format!(r#"<?xml version="1.0"?><worksheet {ns}><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#)),
    ];
    for (name, text) in files {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn s(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn n(r: &str, v: &str, style: u8) -> String {
    format!(r#"<c r="{r}" s="{style}"><v>{v}</v></c>"#)
}

fn header_row() -> String {
    format!(
        r#"<row r="1">{}{}{}{}</row>"#,
        s("A1", "number"),
        s("B1", "territory_code"),
        s("C1", "address"),
        s("D1", "voters")
    )
}

fn rules(e: ImportError) -> Vec<(usize, String, Rule)> {
    let ImportError::Rows(rows) = e else {
        panic!("expected row errors, got {e:?}")
    };
    rows.into_iter()
        .map(|r| (r.line, r.field, r.rule.unwrap()))
        .collect()
}

#[tokio::test]
async fn a_russian_excel_csv_imports_semicolons_windows_1251_and_grouped_numbers() {
    let f = registry().await;
    let text = "sep=;\r\nnumber;territory_code;address;voters;;\r\n10;101000000;с. Уил, ул. Абая, 1;1 200;;\r\n11;101000000;ул. Ленина, 2;1\u{a0}000;;\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let parsed = read(Kind::Precincts, Format::Csv, &bytes).unwrap();
    assert_eq!(parsed.encoding, Some("Windows-1251"));
    assert_eq!(
        parsed.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [3, 4]
    );
    let Command::CreatePrecinct(registry::CreatePrecinct { precinct }) =
        parsed.rows[0].command.command()
    else {
        panic!()
    };
    assert_eq!(precinct.address, "с. Уил, ул. Абая, 1");
    assert_eq!(precinct.voters, 1200);
    assert_eq!(
        f.app
            .import(&Acting::Operator, parsed.rows, &|_, _| {})
            .await
            .unwrap(),
        2
    );
}

#[test]
fn lost_kazakh_letters_refuse_the_row() {
    let text =
        "code,parent_code,kind,name_ru,name_kk,name_en\n300000000,,region,Область,А?т?бе облысы,\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let got = rules(read(Kind::Territories, Format::Csv, &bytes).unwrap_err());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, 2);
    assert_eq!(got[0].2.key(), "import-lost-letters");
}

#[test]
fn a_date_cell_in_a_number_column_is_refused_naming_the_cell() {
    // Shown as 02.01.2024, stored as 45293: today it would become precinct No. 45293.
    let data = format!(
        r#"{}<row r="2">{}{}{}{}</row><row r="3">{}{}{}{}</row>"#,
        header_row(),
        n("A2", "45293", 1),
        s("B2", "101000000"),
        s("C2", "ул. Абая, 1"),
        n("D2", "500", 0),
        n("A3", "12", 0),
        s("B3", "101000000"),
        r#"<c r="C3" t="e"><v>#REF!</v></c>"#,
        r#"<c r="D3" t="b"><v>1</v></c>"#,
    );
    let got = rules(read_xlsx(Kind::Precincts, &workbook("A1:D3", &data)).unwrap_err());
    let cell = |c: &str, found: &str, expected: &str| Rule::CellType {
        cell: c.into(),
        found: found.into(),
        expected: expected.into(),
    };
    assert_eq!(
        got,
        [
            (2, "number".into(), cell("A2", "date", "whole-number")),
            (3, "address".into(), cell("C3", "error", "text")),
            (3, "voters".into(), cell("D3", "boolean", "whole-number")),
        ]
    );
    assert_eq!(got[0].2.english(), "A2 is a date; expected whole number");
}

#[test]
fn a_huge_declared_dimension_costs_nothing_and_is_reported() {
    let data = format!(
        r#"{}<row r="1048576">{}</row>"#,
        header_row(),
        s("XFD1048576", "x")
    );
    let bytes = workbook("A1:XFD1048576", &data);
    assert!(bytes.len() < 2048);
    let got = rules(read_xlsx(Kind::Precincts, &bytes).unwrap_err());
    assert_eq!(
        got,
        [(
            1_048_576,
            String::new(),
            Rule::ImportRowWidth {
                cells: 16_384,
                expected: 4
            }
        )]
    );
}

#[test]
fn the_wrong_file_is_named_by_its_header() {
    let territories = sailau_app::demo::TERRITORIES_CSV;
    assert!(matches!(
        read_csv(Kind::Precincts, territories.as_bytes()),
        Err(ImportError::WrongFile {
            found: Kind::Territories,
            expected: Kind::Precincts
        })
    ));
    assert!(matches!(
        read_csv(Kind::Territories, sailau_app::demo::PARTIES_CSV.as_bytes()),
        Err(ImportError::WrongFile {
            found: Kind::Parties,
            ..
        })
    ));
}

#[test]
fn every_error_of_every_row_at_once() {
    let mut bytes = PRECINCTS.as_bytes().to_vec();
    bytes.extend_from_slice("1,5,ул. Абая,\"1,5\"\n".as_bytes()); // line 2: code, voters
    bytes.extend_from_slice(b"2,101000000,\"open quote\n"); // lines 3-4: a multi-line address
    bytes.extend_from_slice("more\",10\n".as_bytes());
    bytes.extend_from_slice("3,101000000,ул. ".as_bytes()); // line 5: a broken byte
    bytes.extend_from_slice(b"\xD0,10\n");
    bytes.extend_from_slice("4,101000000,<img src=x>,10,extra\n".as_bytes()); // line 6
    bytes.extend_from_slice("5,101000000,Aктoгай,1 000\n".as_bytes()); // line 7: mixed script
    let got = rules(read_csv(Kind::Precincts, &bytes).unwrap_err());
    let summary: Vec<(usize, &str, &str)> = got
        .iter()
        .map(|(l, f, r)| (*l, f.as_str(), r.key()))
        .collect();
    assert_eq!(
        summary,
        [
            (2, "territory_code", "code-format"),
            (2, "voters", "number-not-whole"),
            (3, "address", "text-control-chars"),
            (5, "address", "import-encoding"),
            (6, "", "import-row-width"),
            (7, "address", "text-mixed-script"),
        ]
    );
}

#[test]
fn an_empty_file_says_it_is_empty() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\r\n"] {
        assert!(matches!(
            read_csv(Kind::Precincts, bytes),
            Err(ImportError::Empty)
        ));
    }
    assert!(matches!(
        read_csv(Kind::Precincts, &[0x61, 0, 0x62, 0, 0x0a, 0]),
        Err(ImportError::Table(TableError::Utf16WithoutBom))
    ));
}

#[tokio::test]
async fn a_party_that_reads_like_a_registered_one_is_refused() {
    let f = registry().await;
    // The fixture's amanat has the short name AMANAT; a Cyrillic АМАНАТ and a second AMANAT.
    let csv = "code,name_ru,name_kk,short_name\ntwin,Партия двойник,Егіз партия,АМАНАТ\ntwin2,Партия два,Екі партия,AMANAT\nfine,Партия Новая,Жаңа партия,Жаңа\n";
    let rows = read_csv(Kind::Parties, csv.as_bytes()).unwrap();
    let got = rules(
        f.app
            .import(&Acting::Operator, rows, &|_, _| {})
            .await
            .unwrap_err(),
    );
    let taken = Rule::PartyNameTaken {
        name: "AMANAT".into(),
    };
    assert_eq!(
        got,
        [
            (2, "short_name".into(), taken.clone()),
            (3, "short_name".into(), taken)
        ]
    );
    assert!(
        f.app
            .store()
            .party(&PartyCode::parse("fine").unwrap())
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn the_ledger_records_normalized_text_and_replays() {
    let f = registry().await;
    let decomposed = "Каи\u{0306}ынды";
    f.app
        .execute(
            &Acting::Operator,
            territory("102000000", Some("100000000"), TerritoryKind::District),
        )
        .await
        .unwrap();
    f.app
        .execute(
            &Acting::Operator,
            registry::RenameTerritory {
                code: code("102000000"),
                names: Names {
                    ru: format!("  {decomposed} "),
                    kk: "Қайынды".into(),
                    en: String::new(),
                },
            },
        )
        .await
        .unwrap();
    let last = f.app.store().ledger_all().await.unwrap().pop().unwrap();
    let entry = String::from_utf8(last.entry).unwrap();
    assert!(entry.contains("\"ru\":\"Кайынды\""), "{entry}");
    let t = f
        .app
        .store()
        .territory(&code("102000000"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(t.names.ru, "Кайынды");
    let report = sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
        .await
        .unwrap();
    let _ = report;
}

#[tokio::test]
async fn a_territory_code_that_does_not_fit_its_parent_is_refused() {
    let f = registry().await;
    let csv = "code,parent_code,kind,name_ru,name_kk,name_en\n999999999,101000000,village,Село,Ауыл,\n111200001,101000000,village,Село,Ауыл,\n101000001,101000000,village,Село,Ауыл,\n";
    let rows = read_csv(Kind::Territories, csv.as_bytes()).unwrap();
    let got = rules(
        f.app
            .import(&Acting::Operator, rows, &|_, _| {})
            .await
            .unwrap_err(),
    );
    let mismatch = Rule::CodeParentMismatch {
        prefix: "1010".into(),
        digits: 4,
    };
    assert_eq!(
        got,
        [
            (2, "code".into(), mismatch.clone()),
            (3, "code".into(), mismatch)
        ]
    );
}
