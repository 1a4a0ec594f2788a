//! Import reading: time and rows per second of parsing files into commands (issue 6). Peak
//! memory is measured from outside with `/usr/bin/time -v` on one `parse` run.
//!
//! ```sh
//! cargo bench -p sailau-app --bench import -- gen /tmp/imp          # writes the files
//! B=$(ls -t target/release/deps/import-* | grep -v '\.d$' | head -1)
//! /usr/bin/time -v $B parse csv /tmp/imp/valid-100k.csv             # and the others
//! ```
//! Without arguments (as `cargo bench` runs it) it writes the files to a temporary directory and
//! parses each once, printing time and rows per second.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use sailau_app::import::{Format, ImportError, Kind, read};

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HEADER: &str = "number,territory_code,address,voters\n";

fn csv_rows(n: usize, bad: bool) -> Vec<u8> {
    let mut out = String::with_capacity(n * 48);
    out.push_str(HEADER);
    for i in 0..n {
        let number = i % 99_999 + 1;
        if bad {
            // Four errors per row: number, code, a character a name cannot hold, a fraction.
            out.push_str(&format!("x{number},10320000,\"ул. <Абая>, {i}\",\"1,5\"\n"));
        } else {
            out.push_str(&format!(
                "{number},103200000,\"ул. Абая, {i}\",{}\n",
                i % 3000
            ));
        }
    }
    out.into_bytes()
}

fn workbook(dimension: &str, sheet_data: &mut dyn FnMut(&mut dyn Write)) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    let ns = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let files = [
        ("[Content_Types].xml".to_owned(), r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_owned()),
        ("_rels/.rels".to_owned(), format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml".to_owned(), format!(r#"<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels".to_owned(), format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)),
    ];
    for (name, text) in files {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0"?><worksheet {ns}><dimension ref="{dimension}"/><sheetData>"#
    )
    .unwrap();
    sheet_data(&mut zip);
    write!(zip, "</sheetData></worksheet>").unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

fn xlsx_rows(n: usize) -> Vec<u8> {
    workbook(&format!("A1:D{}", n + 1), &mut |w| {
        let s = |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
        write!(
            w,
            r#"<row r="1">{}{}{}{}</row>"#,
            s("A1", "number"),
            s("B1", "territory_code"),
            s("C1", "address"),
            s("D1", "voters")
        )
        .unwrap();
        for i in 0..n {
            let r = i + 2;
            write!(
                w,
                r#"<row r="{r}"><c r="A{r}"><v>{}</v></c>{}{}<c r="D{r}"><v>{}</v></c></row>"#,
                i % 99_999 + 1,
                s(&format!("B{r}"), "103200000"),
                s(&format!("C{r}"), &format!("ул. Абая, {i}")),
                i % 3000
            )
            .unwrap();
        }
    })
}

fn xlsx_huge() -> Vec<u8> {
    workbook("A1:XFD1048576", &mut |w| {
        write!(w, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>number</t></is></c><c r="B1" t="inlineStr"><is><t>territory_code</t></is></c><c r="C1" t="inlineStr"><is><t>address</t></is></c><c r="D1" t="inlineStr"><is><t>voters</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#).unwrap();
    })
}

fn xlsx_far() -> Vec<u8> {
    workbook("A1:P1000000", &mut |w| {
        write!(w, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>number</t></is></c><c r="B1" t="inlineStr"><is><t>territory_code</t></is></c><c r="C1" t="inlineStr"><is><t>address</t></is></c><c r="D1" t="inlineStr"><is><t>voters</t></is></c></row><row r="1000000"><c r="P1000000"><v>1</v></c></row>"#).unwrap();
    })
}

fn generate(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let files: [(&str, Vec<u8>); 7] = [
        ("valid-100k.csv", csv_rows(100_000, false)),
        ("bad-100k.csv", csv_rows(100_000, true)),
        ("largest-200k.csv", csv_rows(200_000, false)),
        ("valid-100k.xlsx", xlsx_rows(100_000)),
        ("largest-200k.xlsx", xlsx_rows(200_000)),
        ("huge-dimension.xlsx", xlsx_huge()),
        ("a1-p1000000.xlsx", xlsx_far()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), &bytes).unwrap();
        println!("wrote {name}: {} bytes", bytes.len());
    }
}

fn parse(format: Format, path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let start = Instant::now();
    let result = read(Kind::Precincts, format, &bytes);
    let elapsed = start.elapsed();
    let (rows, outcome) = match &result {
        Ok(p) => (p.rows.len(), "accepted".to_owned()),
        Err(ImportError::Rows(e)) => {
            let lines: std::collections::BTreeSet<usize> = e.iter().map(|r| r.line).collect();
            (lines.len(), format!("{} errors", e.len()))
        }
        Err(e) => (0, format!("refused: {e}")),
    };
    println!(
        "{}: {} bytes, {rows} rows, {outcome}, {:.3} s, {:.0} rows/s",
        path.display(),
        bytes.len(),
        elapsed.as_secs_f64(),
        rows as f64 / elapsed.as_secs_f64()
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen", dir] => generate(Path::new(dir)),
        ["parse", "csv", file] => parse(Format::Csv, Path::new(file)),
        ["parse", "xlsx", file] => parse(Format::Xlsx, Path::new(file)),
        _ => {
            let dir = std::env::temp_dir().join("sailau-import-bench");
            generate(&dir);
            for name in [
                "valid-100k.csv",
                "bad-100k.csv",
                "largest-200k.csv",
                "valid-100k.xlsx",
                "largest-200k.xlsx",
                "huge-dimension.xlsx",
                "a1-p1000000.xlsx",
            ] {
                let format = if name.ends_with(".xlsx") {
                    Format::Xlsx
                } else {
                    Format::Csv
                };
                parse(format, &dir.join(name));
            }
        }
    }
}
