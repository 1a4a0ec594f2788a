//! CSV as Excel writes it with Russian or Kazakh regional settings.

use sailau_tabular::{Cell, Encoding, Error, Issue, Limits, Warning, read_csv};

fn text(c: &Cell) -> &str {
    match c {
        Cell::Text(s) => s,
        Cell::Empty => "",
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn semicolons_are_detected_from_the_header() {
    let t = read_csv(
        "number;address;voters\n1;ул. Абая, 1;1 000\n".as_bytes(),
        Limits::default(),
    )
    .unwrap();
    assert_eq!(t.separator, Some(';'));
    assert_eq!(t.header, ["number", "address", "voters"]);
    assert_eq!(text(&t.rows[0].cells[1]), "ул. Абая, 1");
    let t = read_csv(b"a\tb\n1\t2\n", Limits::default()).unwrap();
    assert_eq!(t.separator, Some('\t'));
    assert_eq!(t.rows[0].cells.len(), 2);
}

#[test]
fn a_sep_line_names_the_separator_and_counts_as_a_line() {
    let t = read_csv(b"sep=;\r\na;b\r\n1;2,5\r\n", Limits::default()).unwrap();
    assert_eq!(t.separator, Some(';'));
    assert_eq!(t.header, ["a", "b"]);
    assert_eq!(t.header_line, 2);
    assert_eq!(t.rows[0].line, 3);
    assert_eq!(text(&t.rows[0].cells[1]), "2,5");
}

#[test]
fn windows_1251_is_decoded_and_said() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("code;name_ru\n1;Актогайский район\n");
    let t = read_csv(&bytes, Limits::default()).unwrap();
    assert_eq!(t.encoding, Some(Encoding::Windows1251));
    assert_eq!(text(&t.rows[0].cells[1]), "Актогайский район");
    assert!(t.warnings.is_empty());
}

#[test]
fn lost_kazakh_letters_are_warned_about() {
    // «Ақтоғай» saved as Windows-1251: қ and ғ became '?'.
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("code;name_kk\n1;А?то?ай ауданы\n");
    let t = read_csv(&bytes, Limits::default()).unwrap();
    assert_eq!(
        t.warnings,
        [Warning::LostLetters {
            line: 2,
            text: "А?то?ай ауданы".into()
        }]
    );
}

#[test]
fn utf16_with_a_bom_is_decoded_and_without_one_is_named() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "a\tb\r\n1\tҚ\r\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let t = read_csv(&bytes, Limits::default()).unwrap();
    assert_eq!(t.encoding, Some(Encoding::Utf16Le));
    assert_eq!(text(&t.rows[0].cells[1]), "Қ");
    assert_eq!(
        read_csv(&bytes[2..], Limits::default()),
        Err(Error::Utf16WithoutBom)
    );
}

#[test]
fn a_broken_byte_in_a_utf8_file_names_its_field() {
    let mut bytes = "code,name_ru\n1,Актогай\n2,".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xD0\n");
    let t = read_csv(&bytes, Limits::default()).unwrap();
    assert_eq!(t.encoding, Some(Encoding::Utf8));
    assert_eq!(t.rows[1].cells[1], Cell::BadEncoding);
    assert_eq!(t.rows[1].line, 3);
}

#[test]
fn excel_padding_is_ignored_and_extra_cells_are_reported() {
    let t = read_csv(b"a,b,,\n1,2,,\n3,4,5,\n\n5,6\n", Limits::default()).unwrap();
    assert_eq!(t.header, ["a", "b"]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].line, 5, "blank lines still count");
    assert_eq!(
        t.issues,
        [Issue::TooManyCells {
            line: 3,
            cells: 3,
            expected: 2
        }]
    );
}

#[test]
fn a_quote_left_open_joins_lines_and_later_rows_keep_their_lines() {
    let t = read_csv(b"a,b\n1,\"x\ny\"\n2,ok\n", Limits::default()).unwrap();
    assert_eq!(t.rows.len(), 2);
    assert_eq!(text(&t.rows[0].cells[1]), "x\ny");
    assert_eq!(t.rows[1].line, 4);
}

#[test]
fn an_empty_file_says_so() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\n\n", b",,\n"] {
        assert_eq!(
            read_csv(bytes, Limits::default()),
            Err(Error::Empty),
            "{bytes:?}"
        );
    }
}
