//! sailau's printed documents: ballots, signature-verification protocols and (issue 13) the
//! minutes of party conferences, as PDF files in Kazakh and Russian.
//!
//! Three layers:
//! - a small **document model** ([`Document`], [`Block`]): title lines, headings, paragraphs,
//!   tables, a ballot grid with an empty box per line, signature lines;
//! - its **layout** (A4 portrait, top to bottom, greedy line breaking measured with the font's own
//!   advance widths, page breaks between lines and rows, table headers repeated, page numbers);
//! - its **rendering** to PDF with [krilla](https://docs.rs/krilla), which shapes the text, embeds
//!   a subset of the font (DejaVu Sans, `fonts/`, which has every Kazakh and Russian letter) and
//!   writes the text so that it can be copied and searched (`pdftotext` reads it back).
//!
//! The documents of the elections context are built from plain input structs ([`BallotDoc`],
//! [`SignatureProtocolDoc`]): this crate does not depend on the domain, the web converts. Fixed
//! wording (labels, instructions) comes from the Fluent catalogs (`sailau-i18n`, keys `print-*`).
//!
//! **Architecture invariant:** no I/O, no clock, no randomness: the same input gives the same
//! bytes (no creation date, the document id is a hash of the content), so tests can hash the
//! output. Errors are typed ([`PrintError`]); a character the font cannot draw is an error, never a
//! silent blank box.

#![warn(missing_docs)]

mod ballot;
mod layout;
mod model;
mod protocol;
mod render;

pub use ballot::{BallotCandidate, BallotDoc, ballot_document, ballot_pdf};
pub use model::{Align, BallotRow, Bilingual, Block, Column, Document, Signature, Table};
pub use protocol::{
    GroundCount, SignatureProtocolDoc, signature_protocol_document, signature_protocol_pdf,
};
pub use render::render_pdf;

/// The language of a printed document: ballots and protocols are printed in the state language
/// and in Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Kazakh (Cyrillic).
    Kk,
    /// Russian.
    Ru,
}

impl Lang {
    /// Both languages, Kazakh first (the state language).
    pub const ALL: [Lang; 2] = [Lang::Kk, Lang::Ru];

    /// The BCP 47 code: `"kk"` or `"ru"` (also the PDF's `/Lang`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    /// The language from its code (`kk`, `ru`); `None` for any other.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }
}

impl From<Lang> for sailau_i18n::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Kk => sailau_i18n::Lang::Kk,
            Lang::Ru => sailau_i18n::Lang::Ru,
        }
    }
}

/// Why a document could not be printed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    /// The font has no glyph for a character of the text (it would print as an empty box).
    #[error("the font has no glyph for {character:?} (U+{code:04X}) in {text:?}")]
    MissingGlyph {
        /// The character.
        character: char,
        /// Its code point.
        code: u32,
        /// The text it is in.
        text: String,
    },
    /// An embedded font could not be read (a build defect, never the input's fault).
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    /// A table or ballot has no columns, or a table row has a different number of cells than
    /// the table has columns.
    #[error("a table row has {cells} cells, the table has {columns} columns")]
    TableShape {
        /// The cells in the row.
        cells: usize,
        /// The columns of the table.
        columns: usize,
    },
    /// One line of a ballot, table row or block is taller than a page.
    #[error("one {what} is taller than a page")]
    TooTall {
        /// What did not fit: "table row", "ballot line", ...
        what: &'static str,
    },
    /// krilla refused to write the PDF.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
