#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]
//! Ballot PDF generation, ms per contest ballot: `cargo bench -p sailau-print --bench ballot`.
//!
//! A typical 2023 contest has 2–4 candidates (rules.md §8); 12 lines is a crowded rural contest.
//! The baseline renders the same document's text into a `String` (what an HTML page of the
//! ballot costs, roughly), so the PDF's own cost (layout, shaping, font subsetting, compression)
//! reads as the difference.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sailau_print::{
    BallotCandidate, BallotDoc, Bilingual, Block, Lang, ballot_document, ballot_pdf,
};

fn ballot(candidates: usize) -> BallotDoc {
    let people = [
        ("Ахметов", "Ғалым", "Серікұлы"),
        ("Әбілова", "Гүлнұр", "Қайратқызы"),
        ("Қосанов", "Әміржан", "Сағидрахманұлы"),
        ("Өтегенов", "Һадия", "Ұланқызы"),
    ];
    BallotDoc {
        title: Bilingual::new(
            "Аудан әкімін сайлау бойынша сайлау бюллетені",
            "Избирательный бюллетень для голосования по выборам акима района",
        ),
        unit: Bilingual::new(
            "Ақтөбе облысы, Ойыл ауданы",
            "Актюбинская область, Уилский район",
        ),
        election_day: "05.11.2023".into(),
        candidates: (0..candidates)
            .map(|i| {
                let (surname, given_name, patronymic) = people[i % people.len()];
                BallotCandidate {
                    surname: format!("{surname}{i}"),
                    given_name: given_name.into(),
                    patronymic: patronymic.into(),
                    birth_year: 1970 + i as i32,
                    post: "Ойыл аудандық ауыл шаруашылығы бөлімінің басшысы".into(),
                    nomination: Bilingual::new("Өзін-өзі ұсыну", "Самовыдвижение"),
                }
            })
            .collect(),
        against_all: Bilingual::new("Барлығына қарсы", "Против всех"),
        changed: false,
    }
}

/// The baseline: the same document as plain text.
fn text(ballot: &BallotDoc, lang: Lang, catalog: &sailau_i18n::Catalog) -> String {
    let document = ballot_document(ballot, lang, catalog);
    let mut out = String::new();
    for block in &document.blocks {
        match block {
            Block::Title(lines) | Block::Centered(lines) => {
                for line in lines {
                    let _ = writeln!(out, "{line}");
                }
            }
            Block::Heading(t) | Block::Paragraph(t) | Block::Small(t) | Block::Notice(t) => {
                let _ = writeln!(out, "{t}");
            }
            Block::Ballot(rows) => {
                for row in rows {
                    let _ = writeln!(out, "[ ] {}", row.title);
                    for detail in &row.details {
                        let _ = writeln!(out, "    {detail}");
                    }
                }
            }
            Block::Signatures(signatures) => {
                for s in signatures {
                    let _ = writeln!(out, "{} ________ {}", s.role, s.name);
                }
            }
            Block::Table(_) | Block::Space(_) => {}
        }
    }
    out
}

fn ballots(c: &mut Criterion) {
    let catalog = sailau_i18n::Catalog::new().unwrap();
    let mut group = c.benchmark_group("ballot");
    for candidates in [4, 12] {
        let doc = ballot(candidates);
        group.bench_function(format!("text baseline ({candidates} candidates)"), |b| {
            b.iter(|| text(black_box(&doc), Lang::Kk, &catalog))
        });
        for lang in Lang::ALL {
            group.bench_function(
                format!("pdf {} ({candidates} candidates)", lang.code()),
                |b| b.iter(|| ballot_pdf(black_box(&doc), lang, &catalog).unwrap()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, ballots);
criterion_main!(benches);
