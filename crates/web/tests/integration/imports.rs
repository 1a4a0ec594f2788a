//! Issue 6 in the web: imports authorized before parsing, Excel's files understood, errors
//! that name the cell or the file, limits stated, codes never digit-grouped.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use sailau_domain::{Role, Scope};

use crate::common::{TestApp, TestResponse, backends};

fn contains(r: &TestResponse, needle: &str, what: &str) {
    assert!(
        r.body.contains(needle),
        "{what}: {needle:?} not found (status {}):\n{}",
        r.status,
        &r.body.chars().take(3000).collect::<String>()
    );
}

async fn api_import(t: &TestApp, kind: &str, ct: &str, body: Vec<u8>, token: &str) -> TestResponse {
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/import/{kind}"))
        .header(header::CONTENT_TYPE, ct)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(body))
        .unwrap();
    t.send(req).await
}

#[tokio::test]
async fn an_observer_upload_is_refused_before_it_is_parsed() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let observer = t.login(Role::Observer, Scope::Global).await;
        // A file that parsing would refuse (422): the observer gets 403 all the same.
        let r = t
            .post_multipart_as(
                "/territories/103200000/import?lang=en",
                &[],
                ("file", "x.csv", b"\xff\xfe\x00garbage"),
                &observer,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
        let r = api_import(
            &t,
            "precincts",
            "text/csv",
            b"garbage,\"\n".to_vec(),
            &observer.token,
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
    }
}

#[tokio::test]
async fn a_russian_excel_file_imports_and_says_how_it_was_read() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        let text = "sep=;\r\nnumber;territory_code;address;voters;;\r\n901;103200000;с. Карааул, ул. Абая, 1;1 200;;\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let r = t
            .post_multipart_as(
                "/territories/103200000/import?lang=en",
                &[],
                ("file", "участки.csv", &bytes),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{b}: {}", r.body);
        let to = r.location().unwrap().to_owned();
        assert!(to.contains("read_as=Windows-1251"), "{b}: {to}");
        let to = to.split('#').next().unwrap();
        let page = t.get_as(&format!("{to}&lang=en"), &admin).await;
        contains(&page, "The file was read as Windows-1251.", b);
        assert_eq!(t.ledger_size().await, before + 1, "{b}");
        // The API says it in its result.
        let text = "number;territory_code;address;voters\n902;103200000;с. Карааул, 2;10\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let r = api_import(
            &t,
            "precincts",
            "text/csv",
            bytes.into_owned(),
            &admin.token,
        )
        .await;
        assert_eq!(r.status.as_u16(), 200, "{b}: {}", r.body);
        assert_eq!(r.json()["encoding"], "Windows-1251", "{b}");
    }
}

#[tokio::test]
async fn the_wrong_file_is_named_and_an_empty_one_said_empty() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let territories = "code,parent_code,kind,name_ru,name_kk,name_en\n103210000,103200000,rural_okrug,Округ,Округ,\n";
        let r = t
            .post_multipart_as(
                "/territories/103200000/import?lang=en",
                &[],
                ("file", "t.csv", territories.as_bytes()),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        contains(&r, "This is a territories file", b);
        let r = t
            .post_multipart_as(
                "/territories/103200000/import?lang=ru",
                &[],
                ("file", "t.csv", b"\xEF\xBB\xBF\r\n"),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        contains(&r, "Файл пуст.", b);
        // The API names the file kind too.
        let r = api_import(
            &t,
            "precincts",
            "text/csv",
            territories.into(),
            &admin.token,
        )
        .await;
        assert_eq!(r.status.as_u16(), 422, "{b}: {}", r.body);
        let p = r.json();
        assert_eq!(p["errors"][0]["rule"], "import-wrong-file", "{b}: {p}");
        assert_eq!(p["errors"][0]["args"]["kind"], "territories", "{b}: {p}");
    }
}

#[tokio::test]
async fn an_upload_over_the_limit_states_the_limit_on_the_page() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let big = vec![b'a'; 9 * 1024 * 1024];
        let r = t
            .post_multipart_as(
                "/territories/103200000/import?lang=en",
                &[],
                ("file", "big.csv", &big),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{b}");
        contains(&r, "larger than 8 MB, the upload limit", b);
        contains(&r, "id=\"import\"", b);
    }
}

#[tokio::test]
async fn numbers_are_read_as_people_write_them_in_forms() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let r = t
            .post_form_as(
                "/territories/103200000/precincts?lang=en",
                &[
                    ("number", "1\u{a0}903"),
                    ("address", "ул. Абая, 5"),
                    ("voters", "1 000"),
                ],
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{b}: {}", r.body);
        let r = t
            .post_form_as(
                "/territories/103200000/precincts?lang=en",
                &[
                    ("number", "904"),
                    ("address", "ул. Абая, 6"),
                    ("voters", "1,5"),
                ],
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        contains(&r, "A whole number is needed, without a fraction.", b);
    }
}

#[tokio::test]
async fn codes_and_precinct_numbers_are_never_digit_grouped() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let r = t.get("/territories?q=1552&lang=ru").await;
        contains(&r, "«1552»", b);
        assert!(!r.body.contains("1\u{a0}552"), "{b}");
        let admin = t.login(Role::Administrator, Scope::Global).await;
        t.create_user(
            "akmola.tik",
            Role::TerritorialCommission,
            Scope::Territory {
                territory: sailau_domain::TerritoryCode::parse("100000000").unwrap(),
            },
            "correct horse battery",
        )
        .await;
        let r = t.get_as("/admin/users?lang=ru", &admin).await;
        assert!(!r.body.contains("100\u{a0}000\u{a0}000"), "{b}");
    }
}

#[tokio::test]
async fn a_date_cell_is_refused_by_the_api_naming_the_cell() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        let xlsx = crate::imports::workbook();
        let r = api_import(
            &t,
            "precincts",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx,
            &admin.token,
        )
        .await;
        assert_eq!(r.status.as_u16(), 422, "{b}: {}", r.body);
        let p = r.json();
        assert_eq!(p["errors"][0]["rule"], "cell-type", "{b}: {p}");
        assert_eq!(p["errors"][0]["args"]["cell"], "A2", "{b}: {p}");
        assert_eq!(p["errors"][0]["args"]["found"], "date", "{b}: {p}");
        assert_eq!(t.ledger_size().await, before, "{b}");
    }
}

/// A workbook whose A2 is a date-formatted 45293 (shown 02.01.2024) in the number column.
fn workbook() -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    let ns = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let s = |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
    let data = format!(
        r#"<row r="1">{}{}{}{}</row><row r="2"><c r="A2" s="1"><v>45293</v></c>{}{}<c r="D2"><v>10</v></c></row>"#,
        s("A1", "number"),
        s("B1", "territory_code"),
        s("C1", "address"),
        s("D1", "voters"),
        s("B2", "103200000"),
        s("C2", "ул. Абая, 1"),
    );
    let files = [
        ("[Content_Types].xml".to_owned(), r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_owned()),
        ("_rels/.rels".to_owned(), format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml".to_owned(), format!(r#"<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels".to_owned(), format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>"#)),
        ("xl/styles.xml".to_owned(), format!(r#"<?xml version="1.0"?><styleSheet {ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#)),
        ("xl/worksheets/sheet1.xml".to_owned(), format!(r#"<?xml version="1.0"?><worksheet {ns}><dimension ref="A1:D2"/><sheetData>{data}</sheetData></worksheet>"#)),
    ];
    for (name, text) in files {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}
