//! The minutes (protocol) of a party conference, built from the record (issue 13 §6): the
//! convener, the delegates elected and present, the quorum at each vote, each motion with its
//! counts and decision, the chair and the secretary; printed with `sailau-print` in Kazakh or
//! Russian (DejaVu Sans embedded, so Kazakh letters print).

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_app::party::read::ConferenceView;
use sailau_domain::party::commands::{ConferenceId, Subject};
use sailau_domain::party::vote::Outcome;
use sailau_i18n::Catalog;
use sailau_print::{Align, Block, Column, Document, Lang, Signature, Table, render_pdf};
use serde::Deserialize;

use super::super::Page;
use crate::WebState;

/// The names the minutes print that are not in the conference's record (from the members'
/// records, which the public ledger never holds).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MinutesNames {
    /// The party's short name («AMANAT»).
    pub party: String,
    /// The branch's territory, in the document's language.
    pub branch: String,
    /// The chair's full name, if elected and on record.
    pub chair: String,
    /// The secretary's full name.
    pub secretary: String,
    /// Each nomination's adopted nominee, by motion position (from 1).
    pub nominees: Vec<(u32, String)>,
}

/// The minutes as a document in `lang`.
pub fn minutes_document(
    v: &ConferenceView,
    names: &MinutesNames,
    lang: Lang,
    catalog: &Catalog,
) -> Document {
    let l: sailau_i18n::Lang = lang.into();
    let tr = |key: &str| catalog.tr(l, key);
    let tra = |key: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, sailau_i18n::Arg<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, sailau_i18n::Arg::from(v.clone())))
            .collect();
        catalog.tr_args(l, key, &args)
    };
    let c = &v.conference;
    let number = match lang {
        Lang::Kk => v.number_kk.clone(),
        Lang::Ru => v.number_ru.clone(),
    };
    let kind = if c.kind == "extraordinary" {
        tr("party-minutes-extraordinary")
    } else {
        tr("party-minutes-regular")
    };
    let date = format!(
        "{:02}.{:02}.{:04}",
        c.held_on.day(),
        c.held_on.month(),
        c.held_on.year()
    );
    let mut blocks = vec![
        Block::Title(vec![tr("party-minutes-title")]),
        Block::Centered(vec![tra(
            "party-minutes-of",
            &[
                ("ordinal", number),
                ("kind", kind),
                ("party", names.party.clone()),
                ("branch", names.branch.clone()),
            ],
        )]),
        Block::Centered(vec![format!("{date}, {}", c.place)]),
        Block::Space(8.0),
        Block::Table(Table {
            columns: vec![
                Column {
                    title: String::new(),
                    share: 3.0,
                    align: Align::Left,
                },
                Column {
                    title: String::new(),
                    share: 1.0,
                    align: Align::Right,
                },
            ],
            rows: vec![
                vec![tr("party-minutes-elected"), v.elected.to_string()],
                vec![tr("party-minutes-present"), v.present.to_string()],
                vec![tr("party-minutes-quorum"), v.quorum_needed.to_string()],
            ],
        }),
        Block::Heading(tr("party-minutes-agenda")),
    ];
    for (i, item) in c.agenda.iter().enumerate() {
        blocks.push(Block::Paragraph(format!("{}. {item}", i + 1)));
    }
    for m in &v.motions {
        let what = match &m.motion.subject {
            Subject::Presidium { .. } => tr("party-minutes-presidium"),
            Subject::Nominate { .. } => tr("party-minutes-nominate"),
            Subject::ApproveList { title } => title.clone(),
            Subject::ElectDelegates { .. } => tr("party-minutes-elect-delegates"),
            Subject::Resolution { text } => text.clone(),
        };
        blocks.push(Block::Heading(format!("{}. {what}", m.motion.position)));
        let mut rows = Vec::new();
        for r in &m.votes {
            let d = &r.decision;
            let outcome = match d.outcome {
                Outcome::Adopted { .. } => tr("party-minutes-adopted"),
                Outcome::NotAdopted { tie: true } => tr("party-minutes-tie"),
                Outcome::NotAdopted { tie: false } => tr("party-minutes-not-adopted"),
                Outcome::SecondRound { .. } => tr("party-minutes-second-round"),
            };
            let votes_for = d
                .counts
                .votes_for
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" / ");
            rows.push(vec![
                r.round.to_string(),
                d.present.to_string(),
                votes_for,
                d.counts.against.to_string(),
                d.counts.abstain.to_string(),
                outcome,
            ]);
        }
        let col = |key: &str, share: f32, align: Align| Column {
            title: tr(key),
            share,
            align,
        };
        blocks.push(Block::Table(Table {
            columns: vec![
                col("party-minutes-round", 1.0, Align::Right),
                col("party-minutes-present-short", 1.4, Align::Right),
                col("party-minutes-for", 1.4, Align::Right),
                col("party-minutes-against", 1.2, Align::Right),
                col("party-minutes-abstain", 1.4, Align::Right),
                col("party-minutes-decision", 2.6, Align::Left),
            ],
            rows,
        }));
        if let Some((_, nominee)) = names.nominees.iter().find(|(p, _)| *p == m.motion.position) {
            blocks.push(Block::Paragraph(tra(
                "party-minutes-nominee",
                &[("name", nominee.clone())],
            )));
        }
    }
    blocks.push(Block::Space(16.0));
    blocks.push(Block::Signatures(vec![
        Signature {
            role: tr("party-minutes-chair"),
            name: names.chair.clone(),
        },
        Signature {
            role: tr("party-minutes-secretary"),
            name: names.secretary.clone(),
        },
    ]));
    Document {
        title: tr("party-minutes-title"),
        lang,
        blocks,
        page_numbers: true,
    }
}

/// `?lang=kk|ru` for the minutes.
#[derive(Debug, Deserialize)]
pub struct MinutesQuery {
    /// `kk` or `ru` (Russian when absent).
    #[serde(default)]
    pub lang: Option<String>,
}

/// `GET /party/conferences/{id}/minutes.pdf?lang=kk|ru`: the minutes as a PDF, for signed-in
/// accounts (they name the chair and the secretary from the members' records).
pub async fn pdf(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(q): Query<MinutesQuery>,
) -> Response {
    if page.session.is_none() {
        return (StatusCode::UNAUTHORIZED, page.ctx.tr("denied-anonymous")).into_response();
    }
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Ru);
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return (StatusCode::NOT_FOUND, page.ctx.tr("app-not-found")).into_response();
    };
    let view = match state.app.conference_view(&ConferenceId(id)).await {
        Ok(v) => v,
        Err(sailau_app::AppError::NotFound(..)) => {
            return (StatusCode::NOT_FOUND, page.ctx.tr("app-not-found")).into_response();
        }
        Err(e) => {
            tracing::error!(error = %e, "minutes");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                page.ctx.tr("error-server-body"),
            )
                .into_response();
        }
    };
    let names = match names_of(&state, &view, lang).await {
        Ok(n) => n,
        Err(e) => {
            tracing::error!(error = %e, "minutes");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                page.ctx.tr("error-server-body"),
            )
                .into_response();
        }
    };
    match render_pdf(&minutes_document(&view, &names, lang, &state.i18n)) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"minutes-{}-{}.pdf\"",
                        view.conference.ordinal,
                        lang.code()
                    ),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "minutes");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                page.ctx.tr("error-server-body"),
            )
                .into_response()
        }
    }
}

/// Looks up the names the minutes print.
async fn names_of(
    state: &WebState,
    v: &ConferenceView,
    lang: Lang,
) -> Result<MinutesNames, sailau_app::storage::StorageError> {
    let store = state.app.store();
    let c = &v.conference;
    let member_name = |mandate: Option<u32>| {
        let member = v
            .delegates
            .iter()
            .find(|d| Some(d.mandate) == mandate)
            .map(|d| d.member);
        async move {
            match member {
                Some(m) => Ok::<_, sailau_app::storage::StorageError>(
                    store
                        .member_record(&m)
                        .await?
                        .map(|r| r.full_name())
                        .unwrap_or_default(),
                ),
                None => Ok(String::new()),
            }
        }
    };
    let chair = member_name(c.chair).await?;
    let secretary = member_name(c.secretary).await?;
    let party = store
        .party(&c.party)
        .await?
        .map(|p| p.short_name)
        .unwrap_or_else(|| c.party.to_string());
    let branch = store
        .territory(&c.branch)
        .await?
        .map(|t| match lang {
            Lang::Kk => t.names.kk,
            Lang::Ru => t.names.ru,
        })
        .unwrap_or_else(|| c.branch.to_string());
    let mut nominees = Vec::new();
    for m in &v.motions {
        if let (Subject::Nominate { contenders, .. }, Some(w)) =
            (&m.motion.subject, m.motion.adopted)
            && let Some(contender) = contenders.get(w as usize)
            && let Some(p) = store.person(&contender.person).await?
        {
            nominees.push((m.motion.position, p.full_name()));
        }
    }
    Ok(MinutesNames {
        party,
        branch,
        chair,
        secretary,
        nominees,
    })
}
