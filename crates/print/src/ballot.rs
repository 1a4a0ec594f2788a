//! The ballot of one contest (issue 11, item 8; rules.md §4).
//!
//! One language per document, as the route asks for it (`?lang=kk|ru`); Kazakhstan prints its
//! ballots in the state language and in Russian. The candidates come in the order the caller
//! gives: the state language's alphabetical order (`sailau_domain::collation`, the CEC's
//! practice), the same on both ballots. Each line: SURNAME in capitals, given name, patronymic;
//! year of birth and post; nomination; then the against-all line from the rule set; an empty box
//! on the right of every line.

use sailau_i18n::Catalog;

use crate::model::{BallotRow, Bilingual, Block, Document, Signature};
use crate::{Lang, PrintError, render_pdf};

/// A contest's ballot, in both languages (plain text: the web converts the domain's ballot).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BallotDoc {
    /// The ballot's title from the rule set's `[ballot]` texts («Избирательный бюллетень для
    /// голосования по выборам акима района»).
    pub title: Bilingual,
    /// The unit whose akim is elected, as it should read under the title («Уилский район
    /// Актюбинской области»).
    pub unit: Bilingual,
    /// Election day as printed (`05.11.2023`).
    pub election_day: String,
    /// The registered candidates, in ballot order.
    pub candidates: Vec<BallotCandidate>,
    /// The against-all line from the rule set («Барлығына қарсы» / «Против всех»).
    pub against_all: Bilingual,
    /// A registration was cancelled after the ballots were produced: the ballot says it changed.
    pub changed: bool,
}

/// One candidate's line on the ballot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BallotCandidate {
    /// Surname (printed in capitals).
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic; empty when the candidate has none.
    pub patronymic: String,
    /// Year of birth.
    pub birth_year: i32,
    /// Current post (place of work and position), as registered.
    pub post: String,
    /// The nomination: the party's name, or the rule set's «Өзін-өзі ұсыну» / «Самовыдвижение».
    pub nomination: Bilingual,
}

impl BallotCandidate {
    /// «ТОҚАЕВ Қасым-Жомарт Кемелұлы»: surname in capitals, then the given name and patronymic.
    pub fn printed_name(&self) -> String {
        [
            self.surname.to_uppercase(),
            self.given_name.clone(),
            self.patronymic.clone(),
        ]
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// The ballot as a document (for a page, a test or another renderer).
pub fn ballot_document(ballot: &BallotDoc, lang: Lang, catalog: &Catalog) -> Document {
    let l = lang.into();
    let against_all = ballot.against_all.get(lang);
    let mut rows: Vec<BallotRow> = ballot
        .candidates
        .iter()
        .map(|candidate| {
            let year = candidate.birth_year.to_string();
            let born = catalog.tr_args(l, "print-ballot-born", &[("year", year.into())]);
            let first = if candidate.post.trim().is_empty() {
                born
            } else {
                format!("{born}, {}", candidate.post.trim())
            };
            BallotRow {
                title: candidate.printed_name(),
                details: vec![first, candidate.nomination.get(lang).to_string()],
            }
        })
        .collect();
    rows.push(BallotRow {
        title: against_all.to_string(),
        details: Vec::new(),
    });

    let mut blocks = vec![
        Block::Title(vec![ballot.title.get(lang).to_string()]),
        Block::Centered(vec![
            ballot.unit.get(lang).to_string(),
            ballot.election_day.clone(),
        ]),
        Block::Small(catalog.tr_args(
            l,
            "print-ballot-instructions",
            &[("against", against_all.into())],
        )),
        Block::Ballot(rows),
    ];
    if ballot.changed {
        blocks.push(Block::Notice(catalog.tr(l, "print-ballot-changed")));
    }
    let member = catalog.tr(l, "print-ballot-member");
    blocks.extend([
        Block::Space(6.0),
        Block::Signatures(vec![
            Signature {
                role: member.clone(),
                name: String::new(),
            },
            Signature {
                role: member,
                name: String::new(),
            },
        ]),
        Block::Small(catalog.tr(l, "print-ballot-seal")),
    ]);
    Document {
        title: format!("{} — {}", ballot.title.get(lang), ballot.unit.get(lang)),
        lang,
        blocks,
        page_numbers: false,
    }
}

/// The ballot of a contest as a PDF in `lang`.
pub fn ballot_pdf(
    ballot: &BallotDoc,
    lang: Lang,
    catalog: &Catalog,
) -> Result<Vec<u8>, PrintError> {
    render_pdf(&ballot_document(ballot, lang, catalog))
}
