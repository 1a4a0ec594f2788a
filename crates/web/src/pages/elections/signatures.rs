//! The signature sheets of a self-nomination: the verification protocol's counts, the flagged
//! lines (the commission only: they carry signers' data), and the upload of the sheets (CSV or
//! XLSX, read by `sailau-tabular` through the app's signature import).

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_app::Acting;
use sailau_app::elections::NominationView;
use sailau_app::elections::signature_file::{HEADER, format_of};
use sailau_domain::CommandKind;
use sailau_domain::elections::Route;
use sailau_domain::elections::signatures::Ground;

use super::nomination::SignaturesView;
use super::{nomination_href, nomination_id, nomination_target};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::{Fail, FormState, Page, PageCtx, check_form, may};

/// A ground in words (`signature-ground-duplicate` → «повторная подпись того же лица»), with
/// where the first signature is for a duplicate.
fn ground_text(ctx: &PageCtx, g: &Ground) -> String {
    let text = ctx.tr(&format!("signature-ground-{}", g.key()));
    match g {
        Ground::Duplicate { sheet, line } if *sheet > 0 => format!(
            "{text} ({})",
            ctx.tr_args(
                "el-signatures-first-at",
                &[("sheet", sheet.to_string()), ("line", line.to_string())]
            )
        ),
        _ => text,
    }
}

/// The signatures section of a nomination's page (`None` when the route has no signatures).
pub async fn section(
    page: &Page,
    state: &WebState,
    nv: &NominationView,
    given: (&str, FormState),
) -> Result<Option<SignaturesView>, Fail> {
    if nv.nomination.route != Route::SelfNominated {
        return Ok(None);
    }
    let ctx = &page.ctx;
    let acting = page.principal().map(|p| Acting::Account(p.clone()));
    let protocol = state
        .app
        .signature_protocol(acting.as_ref(), nv.nomination.id)
        .await?;
    let c = &protocol.counts;
    let counts = if protocol.batches.is_empty() {
        Vec::new()
    } else {
        let mut counts = vec![
            (ctx.tr("el-signatures-total"), u64::from(c.lines)),
            (ctx.tr("el-signatures-valid"), u64::from(c.valid)),
            (ctx.tr("el-signatures-needed"), protocol.required),
        ];
        for (key, n) in c.per_ground() {
            counts.push((ctx.tr(&format!("signature-ground-{key}")), u64::from(n)));
        }
        counts
    };
    let flagged = protocol
        .flagged
        .unwrap_or_default()
        .iter()
        .filter(|f| !f.grounds.is_empty())
        .map(|f| {
            (
                ctx.tr_args(
                    "el-signatures-place",
                    &[
                        ("sheet", f.line.sheet.to_string()),
                        ("line", f.line.line.to_string()),
                    ],
                ),
                f.grounds
                    .iter()
                    .map(|g| ground_text(ctx, g))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
        .collect();
    let target = nomination_target(state, &nv.contest.unit, &nv.nomination).await?;
    let form = (nv.nomination.status == sailau_domain::elections::Status::Nominated
        && may(
            page.principal(),
            CommandKind::RecordSignatureSheets,
            &target,
        ))
    .then(|| {
        if given.0 == "signatures" {
            given.1
        } else {
            FormState::new(&["file"])
        }
    });
    Ok(Some(SignaturesView {
        counts,
        enough: protocol.enough,
        verdict: if protocol.enough {
            ctx.tr("el-signatures-enough")
        } else {
            ctx.tr("el-signatures-not-enough")
        },
        flagged,
        form,
        hint: ctx.tr("el-signatures-upload-hint"),
        header: HEADER.join(","),
    }))
}

/// POST /elections/nominations/{nomination}/signatures: imports signature sheets; the page then
/// shows the protocol and the flagged lines, or every refused row with its line.
pub async fn upload(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let result = async {
        let id = nomination_id(&id)?;
        let nv = state.app.nomination(&id).await?;
        // Authorize before the body is read: an observer's upload is refused at once.
        let target = nomination_target(&state, &nv.contest.unit, &nv.nomination).await?;
        sailau_domain::authorize(
            page.principal(),
            CommandKind::RecordSignatureSheets,
            &target,
        )
        .map_err(|d| Fail::Forbidden(Some(d)))?;
        let upload = super::upload::read(multipart).await?;
        let ctx = &page.ctx;
        let mut form = FormState::new(&["file"]).files(&["file"]);
        if upload.too_large {
            form.push(
                "file",
                ctx.tr_arg(
                    "el-file-too-large",
                    "max",
                    super::MAX_FORM_UPLOAD / (1024 * 1024),
                ),
            );
            return super::nomination::show_with(
                &page,
                &state,
                &id,
                ("signatures", form),
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
        check_form(&page, &headers, &upload.fields)?;
        let Some(file) = upload.files.get("file") else {
            form.required(ctx, "file");
            return super::nomination::show_with(
                &page,
                &state,
                &id,
                ("signatures", form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        };
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(None));
        };
        let format = format_of(&file.filename, &file.bytes);
        match state
            .app
            .import_signature_sheets(
                &Acting::Account(session.principal.clone()),
                id,
                format,
                file.bytes.clone(),
            )
            .await
        {
            Ok(report) => Ok(see_other(&format!(
                "{}?saved={}#signatures",
                nomination_href(&id),
                report.applied.index
            ))),
            Err(sailau_app::import::ImportError::App(e)) => match e {
                sailau_app::AppError::Invalid(errors) => {
                    form.absorb(ctx, &errors);
                    super::nomination::show_with(
                        &page,
                        &state,
                        &id,
                        ("signatures", form),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await
                }
                other => Err(other.into()),
            },
            Err(e) => {
                form.push("file", ctx.import_error(&e));
                super::nomination::show_with(
                    &page,
                    &state,
                    &id,
                    ("signatures", form),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    }
    .await;
    page.respond(result)
}
