//! Rendering: laid-out pages to PDF bytes with krilla.

use krilla::Document as PdfDocument;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use crate::PrintError;
use crate::layout::{self, BOLD, Faces, Op, PAGE_HEIGHT, PAGE_WIDTH, REGULAR};
use crate::model::Document;

/// Lays out and renders `document` as a PDF (A4 pages, DejaVu Sans embedded as a subset).
///
/// The output depends only on the input: no creation date is written and the file's id is a
/// hash of its content, so the same document gives the same bytes.
pub fn render_pdf(document: &Document) -> Result<Vec<u8>, PrintError> {
    let faces = Faces::new()?;
    let pages = layout::layout(&faces, document)?;
    let regular = Font::new(REGULAR.into(), 0).ok_or(PrintError::Font("DejaVuSans.ttf"))?;
    let bold = Font::new(BOLD.into(), 0).ok_or(PrintError::Font("DejaVuSans-Bold.ttf"))?;

    let mut pdf = PdfDocument::new();
    pdf.set_metadata(
        Metadata::new()
            .title(document.title.clone())
            .language(document.lang.code().to_string())
            .creator("sailau".to_string()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or(PrintError::Pdf("page size".into()))?;
    for ops in &pages {
        let mut page = pdf.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, op, &regular, &bold)?;
        }
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| PrintError::Pdf(e.to_string()))
}

fn draw(surface: &mut Surface<'_>, op: &Op, regular: &Font, bold: &Font) -> Result<(), PrintError> {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold: is_bold,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill::default()));
            let font = if *is_bold { bold } else { regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            stroke(surface, path, *width)?;
        }
        Op::Rect { x, y, w, h, width } => {
            let rect =
                Rect::from_xywh(*x, *y, *w, *h).ok_or(PrintError::Pdf("rectangle".into()))?;
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            stroke(surface, path, *width)?;
        }
    }
    Ok(())
}

fn stroke(surface: &mut Surface<'_>, path: PathBuilder, width: f32) -> Result<(), PrintError> {
    let path = path.finish().ok_or(PrintError::Pdf("path".into()))?;
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
    Ok(())
}
