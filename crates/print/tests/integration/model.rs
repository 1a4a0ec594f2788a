//! The document model on its own: tables across pages, shapes refused with a typed error.

use sailau_print::{Align, Block, Column, Document, Lang, PrintError, Table, render_pdf};

use crate::poppler;

fn document(blocks: Vec<Block>) -> Document {
    Document {
        title: "Тест".into(),
        lang: Lang::Ru,
        blocks,
        page_numbers: true,
    }
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let rows = (1..=150)
        .map(|i| vec![format!("Делегат № {i}"), i.to_string()])
        .collect();
    let pdf = render_pdf(&document(vec![
        Block::Heading("Список делегатов".into()),
        Block::Table(Table {
            columns: vec![
                Column {
                    title: "Фамилия, имя".into(),
                    share: 3.0,
                    align: Align::Left,
                },
                Column {
                    title: "Мандат".into(),
                    share: 1.0,
                    align: Align::Right,
                },
            ],
            rows,
        }),
    ]))
    .unwrap();
    let pages = poppler::pages(&pdf);
    assert!(pages >= 3, "{pages} pages");
    let text = poppler::text(&pdf);
    assert_eq!(text.matches("Фамилия, имя").count(), pages);
    assert!(text.contains("Делегат № 150"));
    assert!(text.replace(' ', "").contains(&format!("{pages}/{pages}")));
}

#[test]
fn long_words_and_paragraphs_wrap_inside_the_page() {
    let word = "Қ".repeat(200);
    let pdf = render_pdf(&document(vec![Block::Paragraph(format!("{word} соңы"))])).unwrap();
    let text = poppler::text(&pdf);
    assert_eq!(text.matches('Қ').count(), 200);
    assert!(text.lines().filter(|l| l.contains('Қ')).count() >= 2);
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_refused() {
    let error = render_pdf(&document(vec![Block::Table(Table {
        columns: vec![Column {
            title: "А".into(),
            share: 1.0,
            align: Align::Left,
        }],
        rows: vec![vec!["1".into(), "2".into()]],
    })]))
    .unwrap_err();
    assert_eq!(
        error,
        PrintError::TableShape {
            cells: 2,
            columns: 1
        }
    );
}

fn kazakh_text() -> impl proptest::strategy::Strategy<Value = String> {
    // Letters of both alphabets, digits, punctuation, spaces and line breaks.
    proptest::string::string_regex("[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІA-Za-z0-9 .,;:«»()№/\n-]{0,300}")
        .unwrap()
}

/// One line of text as the domain lets it reach a table cell or a ballot line: no line breaks
/// (`TextKind::Name`), at most 300 characters (`elections::nomination::MAX_TEXT`).
fn kazakh_line() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::string::string_regex("[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІA-Za-z0-9 .,;:«»()№/-]{0,300}")
        .unwrap()
}

#[test]
fn a_ballot_line_taller_than_a_page_is_refused_with_a_typed_error() {
    let title = "Строка\n".repeat(120);
    let error = render_pdf(&document(vec![Block::Ballot(vec![
        sailau_print::BallotRow {
            title,
            details: Vec::new(),
        },
    ])]))
    .unwrap_err();
    assert_eq!(
        error,
        PrintError::TooTall {
            what: "ballot line"
        }
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any text of the alphabets, line breaks included, lays out and renders as headings and
    /// paragraphs (which flow across pages), and any line the domain can produce renders in a
    /// table and on a ballot: no panic, no error, and the same bytes twice.
    #[test]
    fn any_kazakh_or_russian_text_renders(
        heading in kazakh_text(),
        paragraph in kazakh_text(),
        cells in proptest::collection::vec((kazakh_line(), kazakh_line()), 0..20),
        rows in proptest::collection::vec((kazakh_line(), kazakh_line()), 0..8),
    ) {
        let blocks = vec![
            Block::Title(vec![heading.clone()]),
            Block::Paragraph(paragraph),
            Block::Table(Table {
                columns: vec![
                    Column { title: "Фамилия, имя".into(), share: 2.0, align: Align::Left },
                    Column { title: "№".into(), share: 1.0, align: Align::Right },
                ],
                rows: cells.into_iter().map(|(a, b)| vec![a, b]).collect(),
            }),
            Block::Ballot(rows.into_iter().map(|(title, post)| sailau_print::BallotRow {
                title: title.clone(),
                details: vec![post, title],
            }).collect()),
        ];
        let a = render_pdf(&document(blocks.clone())).unwrap();
        let b = render_pdf(&document(blocks)).unwrap();
        proptest::prop_assert!(a.starts_with(b"%PDF-"));
        proptest::prop_assert_eq!(a, b);
    }
}
