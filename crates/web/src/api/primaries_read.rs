//! The primaries' public reads for integrators (issue 14 §1–§3, §5–§6): the campaigns, and one
//! campaign with its positions and windows, contenders (names while the members' records
//! exist), debates, paper counts, ratings and quota lists — what the campaign's pages show.
//! The online vote's own reads are in [`super::primaries`].

use axum::extract::State;
use sailau_app::primaries::{CampaignView, PositionResults};
use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::campaign::{Campaign, PositionKind};
use sailau_domain::primaries::debates::Debate;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::{BadId, IdPath};
use crate::WebState;
use crate::problem::{Missing, Problem};

/// A window of the campaign, `[opens, closes)` in UTC (RFC 3339).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WindowItem {
    /// The first instant inside the window.
    pub opens: String,
    /// The first instant after it.
    pub closes: String,
}

/// A position the campaign fills.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PositionItem {
    /// Its key (the contest id of the online ballot).
    pub key: String,
    /// Its name in Russian, Kazakh and English.
    pub name_ru: String,
    /// In Kazakh.
    pub name_kk: String,
    /// In English.
    pub name_en: String,
    /// `akim` (a nomination for akim of `unit`) or `list` (a list of `seats` places).
    pub kind: String,
    /// The unit of an akim nomination (KATO code).
    pub unit: Option<String>,
    /// The places of a list.
    pub seats: Option<u32>,
}

/// A campaign as the list shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CampaignItem {
    /// The campaign's identifier.
    #[schema(format = Uuid)]
    pub id: String,
    /// The party (its code).
    pub party: String,
    /// The territory of its scope (KATO code).
    pub territory: String,
    /// Its title in Russian.
    pub title_ru: String,
    /// In Kazakh.
    pub title_kk: String,
    /// In English.
    pub title_en: String,
    /// Its positions.
    pub positions: Vec<PositionItem>,
    /// Registration of contenders.
    pub registration: WindowItem,
    /// Debates.
    pub debates: WindowItem,
    /// Online voting.
    pub online_voting: WindowItem,
    /// Paper voting at primary organizations.
    pub paper_voting: WindowItem,
    /// The trustees of the key ceremony (accounts), in order.
    pub trustees: Vec<String>,
    /// Trustees needed to decrypt.
    pub threshold: u32,
}

/// A contender.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContenderItem {
    /// The contender's identifier (the option id of the online ballot).
    #[schema(format = Uuid)]
    pub id: String,
    /// The position (key).
    pub position: String,
    /// The member's full name; absent once the member's data is erased.
    pub name: Option<String>,
    /// `self_nominated`, or `organization` (nominated by the primary organization
    /// `organization`).
    pub route: String,
    /// The nominating primary organization (KATO code).
    pub organization: Option<String>,
    /// `applied`, `admitted`, `refused`, `withdrawn` or `excluded`.
    pub status: String,
    /// The committee's ground of a refusal.
    pub ground: Option<String>,
    /// `female` or `male` (the women's rating and quota).
    pub gender: String,
    /// Under 35 on voting day by the rule set (the rating of the young and its quota).
    pub young: bool,
    /// The order of registration (breaks ties in the ratings).
    pub seq: u32,
}

/// A debate.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DebateItem {
    /// The debate's identifier.
    #[schema(format = Uuid)]
    pub id: String,
    /// The position (key).
    pub position: String,
    /// The topic.
    pub topic: String,
    /// Where it is held.
    pub place: String,
    /// When it starts (UTC, RFC 3339).
    pub starts_at: String,
    /// The stream's link (empty when not streamed).
    pub stream_url: String,
    /// The contenders taking part.
    pub contenders: Vec<String>,
    /// Once held: the contenders present.
    pub present: Option<Vec<String>>,
    /// Once held: the contenders absent.
    pub absent: Option<Vec<String>>,
    /// Once held: the recording's link (may be empty).
    pub recording_url: Option<String>,
}

/// A primary organization's paper count for one position.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PaperCountItem {
    /// The primary organization (KATO code).
    pub organization: String,
    /// The position (key).
    pub position: String,
    /// Paper ballots issued.
    pub issued: u64,
    /// Votes per contender.
    pub counts: Vec<VotesItem>,
}

/// A contender's votes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VotesItem {
    /// The contender.
    #[schema(format = Uuid)]
    pub contender: String,
    /// Votes.
    pub votes: u64,
}

/// A place in a rating.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RankedItem {
    /// The place, from 1 (equal votes share a place; the earlier registration is listed first).
    pub rank: u32,
    /// The contender.
    #[schema(format = Uuid)]
    pub contender: String,
    /// Online votes; absent until the trustees' decryption is published.
    pub online: Option<u64>,
    /// Paper votes.
    pub paper: u64,
}

/// A rating.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RatingItem {
    /// `overall`, `women` or `young`.
    pub kind: String,
    /// Its places.
    pub places: Vec<RankedItem>,
}

/// A list position's quota-balanced list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuotaListItem {
    /// The places of the list.
    pub seats: u32,
    /// The chosen contenders in rating order.
    pub chosen: Vec<String>,
    /// Taken in by the quotas over higher-rated contenders.
    pub moved_in: Vec<String>,
    /// Left out for the quotas.
    pub moved_out: Vec<String>,
    /// Women on the list, and how many the quota asks for.
    pub women: u32,
    /// The women's quota in places.
    pub women_needed: u32,
    /// The young on the list.
    pub young: u32,
    /// The young's quota in places.
    pub young_needed: u32,
    /// Whether both quotas are met.
    pub quotas_met: bool,
}

/// One position's outcome so far.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PositionResultItem {
    /// The position (key).
    pub position: String,
    /// The ratings: overall, of women, of the young.
    pub ratings: Vec<RatingItem>,
    /// The quota-balanced list of a list position.
    pub list: Option<QuotaListItem>,
    /// Paper ballots issued at organizations that entered their counts.
    pub paper_issued: u64,
    /// Organizations that entered their counts.
    pub paper_organizations: u32,
}

/// A campaign with everything its pages show.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CampaignDetail {
    /// The campaign.
    pub campaign: CampaignItem,
    /// Its contenders by position and order of registration.
    pub contenders: Vec<ContenderItem>,
    /// Its debates by start.
    pub debates: Vec<DebateItem>,
    /// Its paper counts.
    pub paper_counts: Vec<PaperCountItem>,
    /// Per position: ratings and lists (provisional while `online_counted` is false).
    pub results: Vec<PositionResultItem>,
    /// The fixed online ballot's manifest hash (hex), once fixed.
    pub manifest_hash: Option<String>,
    /// Whether the online counts are published and in the ratings.
    pub online_counted: bool,
}

/// A unit enum's serde name (`snake_case` as the ledger writes it).
fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn ids<T: ToString>(xs: &[T]) -> Vec<String> {
    xs.iter().map(ToString::to_string).collect()
}

fn window(w: &sailau_domain::primaries::Window) -> WindowItem {
    WindowItem {
        opens: w.opens.to_string(),
        closes: w.closes.to_string(),
    }
}

fn campaign_item(c: &Campaign) -> CampaignItem {
    let o = &c.opened;
    CampaignItem {
        id: o.campaign.to_string(),
        party: o.party.as_str().to_owned(),
        territory: o.territory.as_str().to_owned(),
        title_ru: o.title_ru.clone(),
        title_kk: o.title_kk.clone(),
        title_en: o.title_en.clone(),
        positions: o
            .positions
            .iter()
            .map(|p| {
                let (kind, unit, seats) = match &p.kind {
                    PositionKind::Akim { unit } => ("akim", Some(unit.as_str().to_owned()), None),
                    PositionKind::List { seats } => ("list", None, Some(*seats)),
                };
                PositionItem {
                    key: p.key.clone(),
                    name_ru: p.name_ru.clone(),
                    name_kk: p.name_kk.clone(),
                    name_en: p.name_en.clone(),
                    kind: kind.into(),
                    unit,
                    seats,
                }
            })
            .collect(),
        registration: window(&o.windows.registration),
        debates: window(&o.windows.debates),
        online_voting: window(&o.windows.online_voting),
        paper_voting: window(&o.windows.paper_voting),
        trustees: o.trustees.iter().map(ToString::to_string).collect(),
        threshold: o.threshold,
    }
}

fn debate_item(d: &Debate) -> DebateItem {
    let s = &d.scheduled;
    DebateItem {
        id: s.debate.to_string(),
        position: s.position.clone(),
        topic: s.topic.clone(),
        place: s.place.clone(),
        starts_at: s.starts_at.to_string(),
        stream_url: s.stream_url.clone(),
        contenders: ids(&s.contenders),
        present: d.held.as_ref().map(|h| ids(&h.present)),
        absent: d.held.as_ref().map(|h| ids(&h.absent)),
        recording_url: d.held.as_ref().map(|h| h.recording_url.clone()),
    }
}

fn results_item(r: &PositionResults, online_counted: bool) -> PositionResultItem {
    PositionResultItem {
        position: r.position.clone(),
        ratings: r
            .ratings
            .iter()
            .map(|(kind, places)| RatingItem {
                kind: kind.as_str().into(),
                places: places
                    .iter()
                    .map(|p| RankedItem {
                        rank: p.rank,
                        contender: p.standing.contender.to_string(),
                        online: online_counted.then_some(p.standing.online),
                        paper: p.standing.paper,
                    })
                    .collect(),
            })
            .collect(),
        list: r.list.as_ref().map(|l| QuotaListItem {
            seats: l.seats,
            chosen: ids(&l.chosen),
            moved_in: ids(&l.moved_in),
            moved_out: ids(&l.moved_out),
            women: l.women,
            women_needed: l.women_needed,
            young: l.young,
            young_needed: l.young_needed,
            quotas_met: l.quotas_met,
        }),
        paper_issued: r.paper_issued,
        paper_organizations: r.paper_organizations,
    }
}

impl From<CampaignView> for CampaignDetail {
    fn from(v: CampaignView) -> Self {
        CampaignDetail {
            campaign: campaign_item(&v.campaign),
            contenders: v
                .contenders
                .iter()
                .map(|c| {
                    let r = &c.contender.registered;
                    let (route, organization) = match &r.route {
                        sailau_domain::primaries::contenders::Route::Organization {
                            organization,
                        } => ("organization", Some(organization.as_str().to_owned())),
                        sailau_domain::primaries::contenders::Route::SelfNominated => {
                            ("self_nominated", None)
                        }
                    };
                    ContenderItem {
                        id: r.contender.to_string(),
                        position: r.position.clone(),
                        name: c.name.clone(),
                        route: route.into(),
                        organization,
                        status: tag(&c.contender.status),
                        ground: c.contender.ground.clone(),
                        gender: r.gender.as_str().to_owned(),
                        young: r.young,
                        seq: c.contender.seq,
                    }
                })
                .collect(),
            debates: v.debates.iter().map(debate_item).collect(),
            paper_counts: v
                .paper_counts
                .iter()
                .map(|p| PaperCountItem {
                    organization: p.organization.as_str().to_owned(),
                    position: p.position.clone(),
                    issued: p.issued,
                    counts: p
                        .counts
                        .iter()
                        .map(|c| VotesItem {
                            contender: c.contender.to_string(),
                            votes: c.votes,
                        })
                        .collect(),
                })
                .collect(),
            results: v
                .results
                .iter()
                .map(|r| results_item(r, v.online_counted))
                .collect(),
            manifest_hash: v.manifest_hash,
            online_counted: v.online_counted,
        }
    }
}

/// The primaries campaigns, latest opened first.
#[utoipa::path(
    get, path = "/api/v1/primaries", tag = "primaries",
    responses(
        (status = 200, description = "The campaigns", body = Vec<CampaignItem>),
    )
)]
pub async fn campaigns(
    State(state): State<WebState>,
) -> Result<axum::Json<Vec<CampaignItem>>, Problem> {
    let list = state.app.campaigns().await?;
    Ok(axum::Json(list.iter().map(campaign_item).collect()))
}

/// One campaign: its positions and windows, contenders, debates, paper counts, ratings and
/// quota-balanced lists (the ratings hold paper votes only until the online counts are
/// published).
#[utoipa::path(
    get, path = "/api/v1/primaries/{id}", tag = "primaries",
    params(IdPath<CampaignId>),
    responses(
        (status = 200, description = "The campaign", body = CampaignDetail),
        BadId,
        (status = 404, description = "No such campaign", body = Problem),
    )
)]
pub async fn campaign(
    State(state): State<WebState>,
    IdPath(id): IdPath<CampaignId>,
) -> Result<axum::Json<CampaignDetail>, Problem> {
    match state.app.campaign_view(&id).await? {
        Some(v) => Ok(axum::Json(v.into())),
        None => Err(Problem::not_found(Missing::Campaign, id.0)),
    }
}
