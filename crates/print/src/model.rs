//! The document model: what a printed page is made of, without positions.

use crate::Lang;

/// A text in both languages of printed documents.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Bilingual {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
}

impl Bilingual {
    /// A text from its Kazakh and Russian forms.
    pub fn new(kk: impl Into<String>, ru: impl Into<String>) -> Self {
        Self {
            kk: kk.into(),
            ru: ru.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }
}

/// A document: blocks laid out from top to bottom on A4 pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The title in the PDF's metadata (what a viewer shows in its title bar).
    pub title: String,
    /// The language of the text (the PDF's `/Lang`).
    pub lang: Lang,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// Page numbers «1 / 3» at the foot of every page.
    pub page_numbers: bool,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Lines centred in bold, larger: the title of a form ("ИЗБИРАТЕЛЬНЫЙ БЮЛЛЕТЕНЬ").
    Title(Vec<String>),
    /// Lines centred in the body size (a subtitle, a date under a title).
    Centered(Vec<String>),
    /// A heading in bold.
    Heading(String),
    /// A paragraph, wrapped to the width of the page; a `\n` starts a new line.
    Paragraph(String),
    /// A paragraph in a smaller size (instructions, notes).
    Small(String),
    /// A paragraph in bold inside a frame: a warning that must not be missed.
    Notice(String),
    /// A table with a header row and ruled cells.
    Table(Table),
    /// The lines of a ballot, each with an empty box to mark on the right.
    Ballot(Vec<BallotRow>),
    /// Signature lines: a role, a line to sign on, the name.
    Signatures(Vec<Signature>),
    /// Vertical space, in points (1/72 inch).
    Space(f32),
}

/// How a table column aligns its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Left (text).
    #[default]
    Left,
    /// Right (numbers).
    Right,
}

/// A table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The column's title in the header row.
    pub title: String,
    /// Its share of the page width, relative to the other columns' shares.
    pub share: f32,
    /// The alignment of its cells.
    pub align: Align,
}

/// A table: a header row (repeated on each page) and rows of cells, one per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows; each has exactly one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// One line of a ballot: its first line in bold (the name), then details in the body size.
#[derive(Debug, Clone, PartialEq)]
pub struct BallotRow {
    /// The first line, in bold: «ТОҚАЕВ Қасым-Жомарт Кемелұлы», «Против всех».
    pub title: String,
    /// The lines under it (year of birth and post, nomination); may be empty.
    pub details: Vec<String>,
}

/// One signature line.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The signatory's role: «Председатель комиссии».
    pub role: String,
    /// The signatory's name, or empty to leave a line for it.
    pub name: String,
}
