//! Layout: blocks to positioned drawing operations on A4 pages.
//!
//! Coordinates are PDF points (1/72 inch) from the top-left corner of the page, y downwards (as
//! krilla's surface takes them). Text is measured with the font's advance widths (no kerning, so
//! a measured line is never narrower than the shaped one) and broken greedily at spaces; a word
//! wider than a line is broken between characters.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use crate::PrintError;
use crate::model::{Align, BallotRow, Block, Document, Signature, Table};

/// DejaVu Sans (Bitstream Vera licence, see `fonts/LICENSE`): full Cyrillic with every Kazakh
/// letter.
pub(crate) const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub(crate) const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A4 portrait, in points.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
/// A4 portrait, in points.
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 56.7;
const MARGIN_TOP: f32 = 40.0;
const MARGIN_BOTTOM: f32 = 42.0;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

const TITLE: f32 = 13.0;
const HEADING: f32 = 11.5;
const BODY: f32 = 10.5;
const TABLE: f32 = 9.5;
const SMALL: f32 = 8.5;
const LEADING: f32 = 1.3;
/// Distance from the top of a line box to the baseline, as a share of the font size (DejaVu's
/// ascender is 0.93 em).
const ASCENT: f32 = 0.95;
const PAD: f32 = 5.0;
const BLOCK_GAP: f32 = 6.0;

/// The width of a ballot's box column, and the side of the box to mark (about 10 mm).
const BOX_COLUMN: f32 = 64.0;
const BOX_SIDE: f32 = 28.0;

/// A drawing operation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// Text on one line; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    /// A straight line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A rectangle's outline.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
    },
}

/// A font as the layout sees it: which characters it has and how wide they are.
struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
}

impl Face {
    fn new(data: &'static [u8], name: &'static str) -> Result<Self, PrintError> {
        let font = FontRef::new(data).map_err(|_| PrintError::Font(name))?;
        Ok(Self {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::new(1.0), LocationRef::default()),
        })
    }

    /// The advance width of `text` at size 1 (in ems); every character must have a glyph.
    fn width(&self, text: &str) -> Result<f32, PrintError> {
        let mut width = 0.0;
        for character in text.chars() {
            let glyph = self
                .charmap
                .map(character)
                .ok_or_else(|| PrintError::MissingGlyph {
                    character,
                    code: u32::from(character),
                    text: text.to_string(),
                })?;
            width += self.metrics.advance_width(glyph).unwrap_or(0.0);
        }
        Ok(width)
    }
}

/// The two faces of the documents.
pub(crate) struct Faces {
    regular: Face,
    bold: Face,
}

impl Faces {
    pub(crate) fn new() -> Result<Self, PrintError> {
        Ok(Self {
            regular: Face::new(REGULAR, "DejaVuSans.ttf")?,
            bold: Face::new(BOLD, "DejaVuSans-Bold.ttf")?,
        })
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> Result<f32, PrintError> {
        let face = if bold { &self.bold } else { &self.regular };
        Ok(face.width(text)? * size)
    }

    /// Breaks `text` into lines no wider than `max` at `size`. A `\n` starts a new line; tabs and
    /// runs of spaces are one space.
    fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Result<Vec<String>, PrintError> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, bold)? <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone: break it between characters if it is still too wide.
                for character in word.chars() {
                    let mut longer = line.clone();
                    longer.push(character);
                    if !line.is_empty() && self.width(&longer, size, bold)? > max {
                        lines.push(std::mem::take(&mut line));
                        line.push(character);
                    } else {
                        line = longer;
                    }
                }
            }
            // Check the characters of an otherwise empty paragraph too (a control character).
            self.width(paragraph.trim(), size, bold)?;
            lines.push(line);
        }
        Ok(lines)
    }
}

fn line_height(size: f32) -> f32 {
    size * LEADING
}

/// Lays out `document` into pages of drawing operations.
pub(crate) fn layout(faces: &Faces, document: &Document) -> Result<Vec<Vec<Op>>, PrintError> {
    let mut layouter = Layouter {
        faces,
        pages: vec![Vec::new()],
        y: MARGIN_TOP,
    };
    for (index, block) in document.blocks.iter().enumerate() {
        if index > 0 && !matches!(block, Block::Space(_)) {
            layouter.y += BLOCK_GAP;
        }
        layouter.block(block)?;
    }
    let mut pages = layouter.pages;
    if document.page_numbers {
        let count = pages.len();
        for (index, page) in pages.iter_mut().enumerate() {
            let text = format!("{} / {}", index + 1, count);
            let width = faces.width(&text, SMALL, false)?;
            page.push(Op::Text {
                x: (PAGE_WIDTH - width) / 2.0,
                y: PAGE_HEIGHT - MARGIN_BOTTOM / 2.0,
                size: SMALL,
                bold: false,
                text,
            });
        }
    }
    Ok(pages)
}

struct Layouter<'f> {
    faces: &'f Faces,
    pages: Vec<Vec<Op>>,
    /// The top of the free space on the current page.
    y: f32,
}

impl Layouter<'_> {
    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    fn ensure(&mut self, height: f32, what: &'static str) -> Result<(), PrintError> {
        if height > PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM {
            return Err(PrintError::TooTall { what });
        }
        if self.y + height > PAGE_HEIGHT - MARGIN_BOTTOM && self.y > MARGIN_TOP {
            self.new_page();
        }
        Ok(())
    }

    fn block(&mut self, block: &Block) -> Result<(), PrintError> {
        match block {
            Block::Title(lines) => self.centered(lines, TITLE, true),
            Block::Centered(lines) => self.centered(lines, BODY, false),
            Block::Heading(text) => {
                // Keep a heading with the first two lines of what follows.
                self.ensure(line_height(HEADING) + 2.0 * line_height(BODY), "heading")?;
                self.paragraph(text, HEADING, true)
            }
            Block::Paragraph(text) => self.paragraph(text, BODY, false),
            Block::Small(text) => self.paragraph(text, SMALL, false),
            Block::Notice(text) => self.notice(text),
            Block::Table(table) => self.table(table),
            Block::Ballot(rows) => self.ballot(rows),
            Block::Signatures(signatures) => self.signatures(signatures),
            Block::Space(points) => {
                self.y += points.max(0.0);
                Ok(())
            }
        }
    }

    /// Draws already broken lines at `x` (left) or centred within `width`.
    fn lines(
        &mut self,
        lines: Vec<String>,
        size: f32,
        bold: bool,
        x: f32,
        width: f32,
        center: bool,
    ) -> Result<(), PrintError> {
        for text in lines {
            self.ensure(line_height(size), "line")?;
            let x = if center {
                x + (width - self.faces.width(&text, size, bold)?) / 2.0
            } else {
                x
            };
            let y = self.y + size * ASCENT;
            if !text.is_empty() {
                self.push(Op::Text {
                    x,
                    y,
                    size,
                    bold,
                    text,
                });
            }
            self.y += line_height(size);
        }
        Ok(())
    }

    fn centered(&mut self, lines: &[String], size: f32, bold: bool) -> Result<(), PrintError> {
        for line in lines {
            let wrapped = self.faces.wrap(line, size, bold, CONTENT_WIDTH)?;
            self.lines(wrapped, size, bold, MARGIN_X, CONTENT_WIDTH, true)?;
        }
        Ok(())
    }

    fn paragraph(&mut self, text: &str, size: f32, bold: bool) -> Result<(), PrintError> {
        let wrapped = self.faces.wrap(text, size, bold, CONTENT_WIDTH)?;
        self.lines(wrapped, size, bold, MARGIN_X, CONTENT_WIDTH, false)
    }

    fn notice(&mut self, text: &str) -> Result<(), PrintError> {
        let wrapped = self
            .faces
            .wrap(text, BODY, true, CONTENT_WIDTH - 2.0 * PAD)?;
        let height = wrapped.len() as f32 * line_height(BODY) + 2.0 * PAD;
        self.ensure(height, "notice")?;
        self.push(Op::Rect {
            x: MARGIN_X,
            y: self.y,
            w: CONTENT_WIDTH,
            h: height,
            width: 1.5,
        });
        self.y += PAD;
        self.lines(
            wrapped,
            BODY,
            true,
            MARGIN_X + PAD,
            CONTENT_WIDTH - 2.0 * PAD,
            false,
        )?;
        self.y += PAD;
        Ok(())
    }

    /// Draws one row of cells (already wrapped) at the cursor and moves below it.
    fn row(
        &mut self,
        cells: &[(Vec<String>, f32, f32, Align)],
        size: f32,
        bold: bool,
        height: f32,
    ) -> Result<(), PrintError> {
        let top = self.y;
        for (lines, x, width, align) in cells {
            self.push(Op::Rect {
                x: *x,
                y: top,
                w: *width,
                h: height,
                width: 0.6,
            });
            let mut baseline = top + PAD + size * ASCENT;
            for text in lines {
                let tx = match align {
                    Align::Left => x + PAD,
                    Align::Right => x + width - PAD - self.faces.width(text, size, bold)?,
                };
                if !text.is_empty() {
                    self.push(Op::Text {
                        x: tx,
                        y: baseline,
                        size,
                        bold,
                        text: text.clone(),
                    });
                }
                baseline += line_height(size);
            }
        }
        self.y = top + height;
        Ok(())
    }

    fn table(&mut self, table: &Table) -> Result<(), PrintError> {
        let columns = table.columns.len();
        if columns == 0 {
            return Err(PrintError::TableShape {
                cells: table.rows.first().map_or(0, Vec::len),
                columns,
            });
        }
        let total: f32 = table.columns.iter().map(|c| c.share.max(0.01)).sum();
        let mut x = MARGIN_X;
        let mut geometry = Vec::with_capacity(columns);
        for column in &table.columns {
            let width = CONTENT_WIDTH * column.share.max(0.01) / total;
            geometry.push((x, width, column.align));
            x += width;
        }
        let wrap_row = |cells: &[String], bold: bool| -> Result<_, PrintError> {
            let mut out = Vec::with_capacity(columns);
            let mut tallest = 1;
            for (text, (x, width, align)) in cells.iter().zip(&geometry) {
                let lines = self
                    .faces
                    .wrap(text, TABLE, bold, (width - 2.0 * PAD).max(1.0))?;
                tallest = tallest.max(lines.len());
                out.push((lines, *x, *width, *align));
            }
            Ok((out, tallest as f32 * line_height(TABLE) + 2.0 * PAD))
        };
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let (header, header_height) = wrap_row(&titles, true)?;
        let header: Vec<_> = header
            .into_iter()
            .map(|(lines, x, width, _)| (lines, x, width, Align::Left))
            .collect();
        let mut rows = Vec::with_capacity(table.rows.len());
        for cells in &table.rows {
            if cells.len() != columns {
                return Err(PrintError::TableShape {
                    cells: cells.len(),
                    columns,
                });
            }
            rows.push(wrap_row(cells, false)?);
        }
        let first_height = rows.first().map_or(0.0, |(_, h)| *h);
        self.ensure(header_height + first_height, "table row")?;
        self.row(&header, TABLE, true, header_height)?;
        for (cells, height) in rows {
            let page = self.pages.len();
            self.ensure(height, "table row")?;
            if self.pages.len() != page {
                self.row(&header, TABLE, true, header_height)?;
            }
            self.row(&cells, TABLE, false, height)?;
        }
        Ok(())
    }

    fn ballot(&mut self, rows: &[BallotRow]) -> Result<(), PrintError> {
        let text_width = CONTENT_WIDTH - BOX_COLUMN;
        for row in rows {
            let mut title =
                self.faces
                    .wrap(&row.title, BODY + 1.0, true, text_width - 2.0 * PAD)?;
            let mut details = Vec::new();
            for detail in &row.details {
                details.extend(
                    self.faces
                        .wrap(detail, BODY, false, text_width - 2.0 * PAD)?,
                );
            }
            let text_height = title.len() as f32 * line_height(BODY + 1.0)
                + details.len() as f32 * line_height(BODY)
                + 2.0 * PAD;
            let height = text_height.max(BOX_SIDE + 4.0 * PAD);
            self.ensure(height, "ballot line")?;
            let top = self.y;
            self.push(Op::Rect {
                x: MARGIN_X,
                y: top,
                w: text_width,
                h: height,
                width: 0.8,
            });
            self.push(Op::Rect {
                x: MARGIN_X + text_width,
                y: top,
                w: BOX_COLUMN,
                h: height,
                width: 0.8,
            });
            self.push(Op::Rect {
                x: MARGIN_X + text_width + (BOX_COLUMN - BOX_SIDE) / 2.0,
                y: top + (height - BOX_SIDE) / 2.0,
                w: BOX_SIDE,
                h: BOX_SIDE,
                width: 1.5,
            });
            // Text vertically centred in the row.
            self.y = top + (height - text_height) / 2.0 + PAD;
            let x = MARGIN_X + PAD;
            self.lines(
                std::mem::take(&mut title),
                BODY + 1.0,
                true,
                x,
                text_width,
                false,
            )?;
            self.lines(details, BODY, false, x, text_width, false)?;
            self.y = top + height;
        }
        Ok(())
    }

    fn signatures(&mut self, signatures: &[Signature]) -> Result<(), PrintError> {
        let role_width = CONTENT_WIDTH * 0.42;
        let line_from = MARGIN_X + CONTENT_WIDTH * 0.45;
        let line_to = MARGIN_X + CONTENT_WIDTH * 0.68;
        let name_x = MARGIN_X + CONTENT_WIDTH * 0.71;
        let name_width = CONTENT_WIDTH * 0.29;
        for signature in signatures {
            let role = self.faces.wrap(&signature.role, BODY, false, role_width)?;
            let name = self.faces.wrap(&signature.name, BODY, false, name_width)?;
            let lines = role.len().max(name.len()).max(1) as f32;
            let height = lines * line_height(BODY) + 12.0;
            self.ensure(height, "signature line")?;
            let top = self.y + 8.0;
            let baseline = top + BODY * ASCENT;
            self.push(Op::Line {
                x1: line_from,
                y1: baseline + 2.0,
                x2: line_to,
                y2: baseline + 2.0,
                width: 0.6,
            });
            self.y = top;
            self.lines(role, BODY, false, MARGIN_X, role_width, false)?;
            self.y = top;
            if name.iter().all(String::is_empty) {
                self.push(Op::Line {
                    x1: name_x,
                    y1: baseline + 2.0,
                    x2: MARGIN_X + CONTENT_WIDTH,
                    y2: baseline + 2.0,
                    width: 0.6,
                });
            } else {
                self.lines(name, BODY, false, name_x, name_width, false)?;
            }
            self.y = top + lines * line_height(BODY) + 4.0;
        }
        Ok(())
    }
}
