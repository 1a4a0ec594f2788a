//! A party member's own record (issue 13 §9): the member sees their record (card number, name,
//! branch, joined on); a delegate also sees each seat (the conference, the mandate, the check-in
//! status) and their own votes in roll calls. Only their own: `App::member_own_record` decides
//! who may see what (the member, the branch's secretary, a conference's counting commission for
//! that conference's seat); anyone else gets the refusal page with its reason.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sailau_domain::party::commands::{MotionId, Subject};
use sailau_domain::party::member::MemberId;
use sailau_domain::party::vote::Choice;

use super::branches::{conference_title, day_text};
use super::{branch_href, conference_href, crumbs_root};
use crate::WebState;
use crate::pages::{Fail, Page, PageCtx};

/// The path of a member's own record.
pub fn member_href(id: &MemberId) -> String {
    format!("/party/members/{}", id.0)
}

/// One roll-call vote of the delegate.
pub struct VoteItem {
    /// The motion's title.
    pub motion: String,
    /// The round.
    pub round: u32,
    /// The delegate's choice in words.
    pub choice: String,
}

/// One seat of the delegate.
pub struct SeatItem {
    /// The conference's page.
    pub href: String,
    /// «L (50-я) внеочередная конференция».
    pub title: String,
    /// Its day.
    pub day: String,
    /// The mandate number.
    pub mandate: u32,
    /// «Зарегистрирован в 09:12 (UTC)», or "" when not checked in.
    pub checked_in: String,
    /// The delegate's roll-call votes.
    pub votes: Vec<VoteItem>,
}

#[derive(Template)]
#[template(path = "party/own.html")]
struct OwnPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    party: String,
    branch: String,
    branch_href: String,
    joined_on: String,
    /// Card number and name; `None` once erased or when the reader may not see them.
    record: Option<(String, String, String)>,
    seats: Vec<SeatItem>,
}

/// The title of a motion as a delegate's record names it.
async fn motion_title(state: &WebState, ctx: &PageCtx, subject: &Subject) -> Result<String, Fail> {
    Ok(match subject {
        Subject::Presidium { .. } => ctx.tr("pp-subject-presidium-title"),
        Subject::Nominate { unit, .. } => {
            let unit_name = state
                .app
                .store()
                .territory(unit)
                .await?
                .map(|t| ctx.name_of(&t.names).to_owned())
                .unwrap_or_default();
            ctx.tr_arg("pp-subject-nominate-title", "unit", unit_name)
        }
        Subject::ApproveList { title } => title.clone(),
        Subject::ElectDelegates { .. } => ctx.tr("pp-subject-elect-delegates-title"),
        Subject::Resolution { text } => text.clone(),
    })
}

/// A roll-call choice in words; a vote for one of several contenders names them.
async fn choice_text(
    state: &WebState,
    ctx: &PageCtx,
    subject: &Subject,
    round_contenders: usize,
    choice: Choice,
) -> Result<String, Fail> {
    Ok(match choice {
        Choice::Against => ctx.tr("pp-choice-against"),
        Choice::Abstain => ctx.tr("pp-choice-abstain"),
        Choice::For(i) => match subject {
            Subject::Nominate { contenders, .. } if round_contenders > 1 => {
                let name = match contenders.get(i as usize) {
                    Some(c) => state
                        .app
                        .store()
                        .member_record(&c.member)
                        .await?
                        .map(|r| r.full_name())
                        .unwrap_or_default(),
                    None => String::new(),
                };
                ctx.tr_arg("pp-votes-for-name", "name", name)
            }
            _ => ctx.tr("pp-choice-for"),
        },
    })
}

/// GET /party/members/{id}
pub async fn show(page: Page, State(state): State<WebState>, Path(id): Path<String>) -> Response {
    page.answer(async {
        let ctx = &page.ctx;
        let member = uuid::Uuid::parse_str(&id)
            .map(MemberId)
            .map_err(|_| Fail::NotFound)?;
        if page.principal().is_none() {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        }
        let r = state
            .app
            .member_own_record(page.principal(), &member)
            .await?;
        let store = state.app.store();
        let party = store.party(&r.member.party).await?.ok_or(Fail::NotFound)?;
        let branch = store
            .territory(&r.member.branch)
            .await?
            .map(|t| ctx.name_of(&t.names).to_owned())
            .unwrap_or_default();
        let mut seats = Vec::new();
        for s in &r.seats {
            let Some(c) = store.conference(&s.conference).await? else {
                continue;
            };
            let mut votes = Vec::new();
            let mut motions: Vec<(MotionId, Option<sailau_app::storage::party::MotionRow>)> =
                Vec::new();
            for (motion, round, choice) in &s.votes {
                if !motions.iter().any(|(m, _)| m == motion) {
                    motions.push((*motion, store.motion(motion).await?));
                }
                let Some(Some(m)) = motions.iter().find(|(m, _)| m == motion).map(|(_, r)| r)
                else {
                    continue;
                };
                votes.push(VoteItem {
                    motion: motion_title(&state, ctx, &m.subject).await?,
                    round: *round,
                    choice: choice_text(&state, ctx, &m.subject, m.round_contenders.len(), *choice)
                        .await?,
                });
            }
            seats.push(SeatItem {
                href: conference_href(&s.conference),
                title: conference_title(ctx, c.ordinal, &c.kind),
                day: day_text(c.held_on),
                mandate: s.mandate,
                checked_in: s
                    .checked_in_at_ms
                    .map(|ms| {
                        ctx.tr_arg(
                            "pp-own-checked-in",
                            "time",
                            crate::pages::local_instant(ctx, ms, &c.branch),
                        )
                    })
                    .unwrap_or_default(),
                votes,
            });
        }
        let record = r.record.as_ref().map(|x| {
            (
                x.card_number.clone(),
                x.full_name.clone(),
                day_text(x.birth_date),
            )
        });
        let title = match &r.record {
            Some(x) => ctx.tr_arg("pp-own-title", "member", x.full_name.clone()),
            None => ctx.tr("pp-own-title-hidden"),
        };
        let mut crumbs = crumbs_root(ctx, &r.member.party, &party.short_name);
        crumbs.push((
            branch_href(&r.member.party, &r.member.branch),
            branch.clone(),
        ));
        crumbs.push((String::new(), title.clone()));
        Ok(page.render(
            StatusCode::OK,
            &OwnPage {
                ctx: ctx.clone(),
                crumbs,
                title,
                party: party.name(ctx.lang).to_owned(),
                branch_href: branch_href(&r.member.party, &r.member.branch),
                branch,
                joined_on: day_text(r.member.joined_on),
                record,
                seats,
            },
        ))
    })
    .await
}
