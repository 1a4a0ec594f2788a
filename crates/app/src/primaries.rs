//! The primaries in the app (issue 14): how each primaries command finds its target and the
//! facts its rules need, and what it writes; and the campaign's reads (contenders with their
//! names while the member records exist, debates, paper counts, ratings and quota lists). The
//! rules are the domain's (`sailau_domain::primaries`).
//!
//! Like the party context, facts that come from a member's erasable record (the birth date behind
//! the minimum age and "young") are checked when the command is issued; replay holds the public
//! facts only.

use std::collections::HashMap;

use sailau_domain::date::{local_date, zone};
use sailau_domain::party::member::MemberId;
use sailau_domain::primaries::campaign::{
    Campaign, OpenCampaign, OpenFacts, PositionKind, validate_open,
};
use sailau_domain::primaries::contenders::{
    Contender, ContenderStatus, DecideContender, Decision, RegisterContender, RegisterFacts, Route,
    WithdrawContender, validate_decision, validate_register, validate_withdrawal, young_on,
};
use sailau_domain::primaries::debates::{
    Debate, RecordDebate, ScheduleDebate, validate_record, validate_schedule,
};
use sailau_domain::primaries::lists::{
    QuotaList, Ranked, RatingKind, Standing, quota_list, rating,
};
use sailau_domain::primaries::paper::{PaperFacts, RecordPaperCount, validate_paper_count};
use sailau_domain::primaries::rules::PrimariesRule;
use sailau_domain::primaries::voting::{FixBallot, validate_fix};
use sailau_domain::primaries::{CampaignId, ContenderId, Window, instant};
use sailau_domain::{Branch, Gender, PartyCode, Rule, Target, TerritoryCode};
use sailau_storage::Tx;
use sailau_storage::primaries::{FixedBallot, PrimariesDump};
use serde::Serialize;

use crate::execute::{Ctx, Handler};
use crate::{App, AppError};

pub mod online;

/// A window's ends as messages show them: local time in the territory's zone, as commissions
/// write it (`17.08.2020 00:00`).
pub fn window_text(w: &Window, region: Option<&TerritoryCode>) -> (String, String) {
    let show = |t: jiff::Timestamp| match zone(region) {
        Ok(z) => t.to_zoned(z).strftime("%d.%m.%Y %H:%M").to_string(),
        Err(_) => t.to_string(),
    };
    (show(w.opens), show(w.closes))
}

/// The target of a command on a campaign: its party and territory path.
async fn campaign_target(tx: &mut Tx, id: &CampaignId) -> Result<Target, AppError> {
    match tx.campaign(id).await? {
        Some(c) => Ok(Target {
            territory_path: tx.territory_path(&c.opened.territory).await?,
            party: Some(c.opened.party.clone()),
            ..Target::default()
        }),
        None => Ok(Target::default().missing("campaign", PrimariesRule::CampaignMissing.into())),
    }
}

/// A refusal of one field by one rule of the primaries.
fn refused(field: &str, rule: PrimariesRule) -> AppError {
    sailau_domain::ValidationErrors::one(field, rule.into()).into()
}

/// A campaign that must exist (commands that name it after their target was found).
async fn existing_campaign(tx: &mut Tx, id: &CampaignId) -> Result<Campaign, AppError> {
    tx.campaign(id)
        .await?
        .ok_or_else(|| refused("campaign", PrimariesRule::CampaignMissing))
}

/// A contender that must exist.
async fn existing_contender(tx: &mut Tx, id: &ContenderId) -> Result<Contender, AppError> {
    tx.contender(id)
        .await?
        .ok_or_else(|| refused("contender", PrimariesRule::ContenderMissing))
}

/// The region of a campaign's territory (its time zone).
async fn region_of(tx: &mut Tx, c: &Campaign) -> Result<Option<TerritoryCode>, AppError> {
    Ok(tx
        .territory_region(&c.opened.territory)
        .await?
        .map(|(r, _)| r))
}

/// Whether `code` lies in the subtree of `top` (`None`: no such territory).
async fn inside(
    tx: &mut Tx,
    code: &TerritoryCode,
    top: &TerritoryCode,
) -> Result<Option<bool>, AppError> {
    let path = tx.territory_path(code).await?;
    Ok(if path.is_empty() {
        None
    } else {
        Some(path.contains(top))
    })
}

/// Whether the party has a branch on `org` inside the campaign's territory.
async fn organization_ok(tx: &mut Tx, c: &Campaign, org: &TerritoryCode) -> Result<bool, AppError> {
    let branch = tx
        .branch_exists(&Branch {
            party_code: c.opened.party.clone(),
            territory_code: org.clone(),
        })
        .await?;
    Ok(branch && inside(tx, org, &c.opened.territory).await? == Some(true))
}

impl Handler for OpenCampaign {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        let t = Target {
            territory_path: tx.territory_path(&self.territory).await?,
            party: Some(self.party.clone()),
            ..Target::default()
        };
        Ok(if t.territory_path.is_empty() {
            t.missing("territory", Rule::TerritoryMissing)
        } else {
            t
        })
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let mut units_inside = Vec::new();
        for p in &self.positions {
            if let PositionKind::Akim { unit } = &p.kind {
                units_inside.push(inside(tx, unit, &self.territory).await?);
            }
        }
        let mut trustee_roles = Vec::new();
        for t in &self.trustees {
            trustee_roles.push(tx.account(t).await?.map(|a| a.role));
        }
        let facts = OpenFacts {
            id_taken: tx.campaign(&self.campaign).await?.is_some(),
            branch_exists: tx
                .branch_exists(&Branch {
                    party_code: self.party.clone(),
                    territory_code: self.territory.clone(),
                })
                .await?,
            units_inside,
            trustee_roles,
            now: instant(ctx.at_ms),
        };
        let c = validate_open(self, &facts, ctx.edition)?;
        tx.insert_campaign(&c, ctx.at_ms).await?;
        Ok(())
    }
}

impl Handler for RegisterContender {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        // An organization inside the campaign's territory is the target (its secretary
        // nominates); one outside is left to the rules (`OrganizationInvalid`).
        let mut t = match &self.route {
            Route::Organization { organization } => {
                organization_target(tx, &self.campaign, organization).await?
            }
            _ => campaign_target(tx, &self.campaign).await?,
        };
        t.member = Some(self.member);
        Ok(t)
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = tx.campaign(&self.campaign).await?;
        let (region, member, member_inside, organization, birth_date) = match &campaign {
            Some(c) => {
                let region = region_of(tx, c).await?;
                let member = tx.member_facts(&self.member).await?;
                let member_inside = match &member {
                    Some(m) => inside(tx, &m.branch, &c.opened.territory).await? == Some(true),
                    None => false,
                };
                let organization = match &self.route {
                    Route::Organization { organization } => {
                        organization_ok(tx, c, organization).await?
                    }
                    Route::SelfNominated => true,
                };
                let birth = if ctx.replaying() {
                    None
                } else {
                    tx.member_record(&self.member).await?.map(|r| r.birth_date)
                };
                (region, member, member_inside, organization, birth)
            }
            None => (None, None, false, false, None),
        };
        let w = campaign
            .as_ref()
            .map(|c| c.opened.windows)
            .map(|w| (w.registration, w.online_voting.opens));
        let (registration, voting_opens) =
            w.ok_or_else(|| refused("campaign", PrimariesRule::CampaignMissing))?;
        let ms = |t: jiff::Timestamp| t.as_millisecond();
        let facts = RegisterFacts {
            campaign: campaign.as_ref(),
            id_taken: tx.contender(&self.contender).await?.is_some(),
            member,
            member_inside,
            already_standing: tx
                .member_standing(&self.campaign, &self.position, &self.member)
                .await?,
            organization_ok: organization,
            birth_date,
            today: local_date(ctx.at_ms, region.as_ref())?,
            registration_opens_on: local_date(ms(registration.opens), region.as_ref())?,
            voting_opens_on: local_date(ms(voting_opens), region.as_ref())?,
            now: instant(ctx.at_ms),
            window_text: window_text(&registration, region.as_ref()),
        };
        validate_register(self, &facts, ctx.edition)?;
        let seq = tx.next_contender_seq(&self.campaign).await?;
        tx.insert_contender(&Contender {
            registered: self.clone(),
            status: ContenderStatus::Applied,
            ground: None,
            seq,
        })
        .await?;
        Ok(())
    }
}

/// The target of a command on a contender: the campaign's, with the contender's member.
async fn contender_target(tx: &mut Tx, id: &ContenderId) -> Result<Target, AppError> {
    match tx.contender(id).await? {
        Some(c) => {
            let mut t = campaign_target(tx, &c.registered.campaign).await?;
            t.member = Some(c.registered.member);
            Ok(t)
        }
        None => Ok(Target::default().missing("contender", PrimariesRule::ContenderMissing.into())),
    }
}

impl Handler for DecideContender {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        contender_target(tx, &self.contender).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let mut c = existing_contender(tx, &self.contender).await?;
        let campaign = existing_campaign(tx, &c.registered.campaign).await?;
        let fixed = tx.fixed_ballot(&campaign.opened.campaign).await?.is_some();
        c.status = validate_decision(
            self,
            Some(&c),
            &campaign,
            instant(ctx.at_ms),
            fixed,
            ctx.edition,
        )?;
        c.ground = match &self.decision {
            Decision::Refuse { ground } => Some(ground.clone()),
            Decision::Admit => None,
        };
        tx.update_contender(&c).await?;
        Ok(())
    }
}

impl Handler for WithdrawContender {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        contender_target(tx, &self.contender).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let mut c = existing_contender(tx, &self.contender).await?;
        let campaign = existing_campaign(tx, &c.registered.campaign).await?;
        let fixed = tx.fixed_ballot(&campaign.opened.campaign).await?.is_some();
        validate_withdrawal(Some(&c), &campaign, instant(ctx.at_ms), fixed)?;
        c.status = ContenderStatus::Withdrawn;
        tx.update_contender(&c).await?;
        Ok(())
    }
}

impl Handler for ScheduleDebate {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = tx.campaign(&self.campaign).await?;
        let mut contenders = Vec::new();
        for id in &self.contenders {
            contenders.push(tx.contender(id).await?);
        }
        let text = match &campaign {
            Some(c) => {
                let region = region_of(tx, c).await?;
                window_text(&c.opened.windows.debates, region.as_ref())
            }
            None => Default::default(),
        };
        let taken = tx.debate(&self.debate).await?.is_some();
        validate_schedule(
            self,
            campaign.as_ref(),
            taken,
            &contenders,
            text,
            ctx.edition,
        )?;
        tx.save_debate(&Debate {
            scheduled: self.clone(),
            held: None,
        })
        .await?;
        Ok(())
    }
}

impl Handler for RecordDebate {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        match tx.debate(&self.debate).await? {
            Some(d) => campaign_target(tx, &d.scheduled.campaign).await,
            None => Ok(Target::default().missing("debate", PrimariesRule::DebateMissing.into())),
        }
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let mut d = tx
            .debate(&self.debate)
            .await?
            .ok_or_else(|| refused("debate", PrimariesRule::DebateMissing))?;
        let campaign = existing_campaign(tx, &d.scheduled.campaign).await?;
        let fixed = tx.fixed_ballot(&campaign.opened.campaign).await?.is_some();
        let excluded = validate_record(self, Some(&d), &campaign, instant(ctx.at_ms), fixed)?;
        for id in excluded {
            if let Some(mut c) = tx.contender(&id).await?
                && c.status == ContenderStatus::Admitted
            {
                c.status = ContenderStatus::Excluded;
                tx.update_contender(&c).await?;
            }
        }
        d.held = Some(self.clone());
        tx.save_debate(&d).await?;
        Ok(())
    }
}

/// The target of a primary organization's command: the organization's path when it lies inside
/// the campaign's territory (its counting commission acts), the campaign's otherwise (the rules
/// then refuse the organization).
async fn organization_target(
    tx: &mut Tx,
    campaign: &CampaignId,
    organization: &TerritoryCode,
) -> Result<Target, AppError> {
    let mut t = campaign_target(tx, campaign).await?;
    let path = tx.territory_path(organization).await?;
    if t.territory_path
        .last()
        .is_some_and(|top| path.contains(top))
    {
        t.territory_path = path;
    }
    Ok(t)
}

impl Handler for RecordPaperCount {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        organization_target(tx, &self.campaign, &self.organization).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = existing_campaign(tx, &self.campaign).await?;
        let region = region_of(tx, &campaign).await?;
        let admitted = tx
            .campaign_contenders(&self.campaign)
            .await?
            .into_iter()
            .filter(|c| c.admitted() && c.registered.position == self.position)
            .collect();
        let facts = PaperFacts {
            campaign: Some(&campaign),
            organization_ok: organization_ok(tx, &campaign, &self.organization).await?,
            counted: tx
                .paper_counted(&self.campaign, &self.organization, &self.position)
                .await?,
            admitted,
            now: instant(ctx.at_ms),
            // The ratings are final once the online votes' decryption is published.
            published: tx
                .online_vote(&self.campaign)
                .await?
                .is_some_and(|r| r.vote.result.is_some()),
            window_text: window_text(&campaign.opened.windows.paper_voting, region.as_ref()),
        };
        validate_paper_count(self, &facts)?;
        tx.insert_paper_count(self, ctx.at_ms).await?;
        Ok(())
    }
}

impl Handler for FixBallot {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = existing_campaign(tx, &self.campaign).await?;
        let contenders = tx.campaign_contenders(&self.campaign).await?;
        let fixed = tx.fixed_ballot(&self.campaign).await?.is_some();
        // Fixing the ballot during registration would leave later applications undecidable.
        // Checked when the command is issued (entries of earlier versions replay as they were).
        let registration = campaign.opened.windows.registration;
        if !fixed && !ctx.replaying() && instant(ctx.at_ms) < registration.closes {
            let region = region_of(tx, &campaign).await?;
            let (_, closes) = window_text(&registration, region.as_ref());
            return Err(refused(
                "campaign",
                PrimariesRule::RegistrationNotOver { closes },
            ));
        }
        let (manifest, parameters) =
            validate_fix(&campaign, &contenders, fixed, instant(ctx.at_ms))?;
        let corrupt = |e: serde_json::Error| {
            AppError::Storage(sailau_storage::StorageError::Corrupt(format!(
                "ballot: {e}"
            )))
        };
        tx.insert_fixed_ballot(
            &self.campaign,
            &FixedBallot {
                manifest: serde_json::to_string(&manifest).map_err(corrupt)?,
                parameters: serde_json::to_string(&parameters).map_err(corrupt)?,
                fixed_at_ms: ctx.at_ms,
            },
        )
        .await?;
        Ok(())
    }
}

/// Names the first difference between the live primaries tables and the replay's (`ledger
/// verify`): a row the ledger never created, a row it created that is missing, or a row whose
/// document differs.
pub(crate) fn compare_replay(live: &PrimariesDump, replay: &PrimariesDump) -> Result<(), String> {
    let replayed: HashMap<(&str, &str), &str> = replay
        .rows
        .iter()
        .map(|(t, k, d)| ((*t, k.as_str()), d.as_str()))
        .collect();
    for (table, key, doc) in &live.rows {
        match replayed.get(&(*table, key.as_str())) {
            None => {
                return Err(format!(
                    "table {table} holds a row the ledger never created: {key}"
                ));
            }
            Some(expected) if *expected != doc => {
                return Err(format!(
                    "{table}, {key}: the table has {doc}, the ledger gives {expected}"
                ));
            }
            Some(_) => {}
        }
    }
    let kept: std::collections::HashSet<(&str, &str)> =
        live.rows.iter().map(|(t, k, _)| (*t, k.as_str())).collect();
    if let Some((table, key, _)) = replay
        .rows
        .iter()
        .find(|(t, k, _)| !kept.contains(&(*t, k.as_str())))
    {
        return Err(format!(
            "table {table} lacks a row the ledger created: {key}"
        ));
    }
    Ok(())
}

/// A contender as pages and the API show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContenderView {
    /// The stored contender.
    pub contender: Contender,
    /// The member's name from the erasable record (`None` once erased).
    pub name: Option<String>,
}

/// One position's outcome so far: its ratings and, for a list, the quota-balanced list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PositionResults {
    /// The position's key.
    pub position: String,
    /// The admitted contenders' votes.
    pub standings: Vec<Standing>,
    /// The overall rating, of women and of the young, in [`RatingKind::ALL`]'s order.
    pub ratings: Vec<(RatingKind, Vec<Ranked>)>,
    /// The quota-balanced list of a list position.
    pub list: Option<QuotaList>,
    /// Paper ballots issued at primary organizations that entered their counts.
    pub paper_issued: u64,
    /// Primary organizations that entered their counts.
    pub paper_organizations: u32,
}

/// A campaign with everything its pages show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CampaignView {
    /// The stored campaign.
    pub campaign: Campaign,
    /// Its contenders by position and order of registration.
    pub contenders: Vec<ContenderView>,
    /// Its debates by start.
    pub debates: Vec<Debate>,
    /// Its paper counts by position and organization.
    pub paper_counts: Vec<RecordPaperCount>,
    /// Per position (in the campaign's order): ratings and lists.
    pub results: Vec<PositionResults>,
    /// The fixed ballot's manifest hash (lowercase hex, `docs/verifiable-voting.md` §3.2), once
    /// the committee has fixed it.
    pub manifest_hash: Option<String>,
    /// Whether the online counts are published (and in the ratings).
    pub online_counted: bool,
}

impl App {
    /// Every campaign, latest opened first.
    pub async fn campaigns(&self) -> Result<Vec<Campaign>, AppError> {
        Ok(self.store.campaigns().await?)
    }

    /// A campaign with its contenders, debates, paper counts, ratings and lists; `None` when
    /// there is no such campaign. Online votes count once the trustees' decryption is
    /// published; until then the ratings hold the paper votes.
    pub async fn campaign_view(&self, id: &CampaignId) -> Result<Option<CampaignView>, AppError> {
        let Some(campaign) = self.store.campaign(id).await? else {
            return Ok(None);
        };
        let rules = campaign.rules()?;
        // The contenders' member records in one query, not one per contender.
        let records = self.store.campaign_member_records(id).await?;
        let contenders: Vec<ContenderView> = self
            .store
            .campaign_contenders(id)
            .await?
            .into_iter()
            .map(|c| {
                let name = records.get(&c.registered.member).map(|r| {
                    [&r.surname, &r.given_name, &r.patronymic]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                ContenderView { contender: c, name }
            })
            .collect();
        let debates = self.store.campaign_debates(id).await?;
        let paper_counts = self.store.paper_counts(id).await?;
        let mut paper: HashMap<ContenderId, u64> = HashMap::new();
        for count in &paper_counts {
            for v in &count.counts {
                *paper.entry(v.contender).or_default() += v.votes;
            }
        }
        // Online votes count once the trustees' decryption is published (option id = contender).
        let mut online: HashMap<(String, String), u64> = HashMap::new();
        let result = self
            .store
            .online_vote(id)
            .await?
            .and_then(|r| r.vote.result);
        let online_counted = result.is_some();
        if let Some(r) = result {
            for (position, contender, votes) in sailau_domain::primaries::online::online_counts(&r)
            {
                online.insert((position, contender), votes);
            }
        }
        let mut results = Vec::new();
        for p in &campaign.opened.positions {
            let standings: Vec<Standing> = contenders
                .iter()
                .map(|c| &c.contender)
                .filter(|c| c.admitted() && c.registered.position == p.key)
                .map(|c| Standing {
                    contender: c.registered.contender,
                    seq: c.seq,
                    woman: c.registered.gender == Gender::Female,
                    young: c.registered.young,
                    online: online
                        .get(&(p.key.clone(), c.registered.contender.to_string()))
                        .copied()
                        .unwrap_or(0),
                    paper: paper.get(&c.registered.contender).copied().unwrap_or(0),
                })
                .collect();
            let counts: Vec<&RecordPaperCount> = paper_counts
                .iter()
                .filter(|c| c.position == p.key)
                .collect();
            results.push(PositionResults {
                position: p.key.clone(),
                ratings: RatingKind::ALL
                    .into_iter()
                    .map(|k| (k, rating(&standings, k)))
                    .collect(),
                list: p.seats().map(|s| quota_list(&standings, s, &rules.quotas)),
                paper_issued: counts.iter().map(|c| c.issued).sum(),
                paper_organizations: u32::try_from(counts.len()).unwrap_or(u32::MAX),
                standings,
            });
        }
        let manifest_hash = match self.store.fixed_ballot(id).await? {
            Some(b) => Some(
                serde_json::from_str::<sailau_vote::Manifest>(&b.manifest)
                    .map_err(|e| {
                        AppError::Storage(sailau_storage::StorageError::Corrupt(format!(
                            "stored manifest: {e}"
                        )))
                    })?
                    .hash()
                    .to_string(),
            ),
            None => None,
        };
        Ok(Some(CampaignView {
            manifest_hash,
            online_counted,
            campaign,
            contenders,
            debates,
            paper_counts,
            results,
        }))
    }

    /// Whether `member` would be young in `campaign` by its rule set, from the member's record
    /// (`None`: no campaign, no record, or erased) — what an application records in `young`.
    pub async fn contender_young(
        &self,
        campaign: &CampaignId,
        member: &MemberId,
    ) -> Result<Option<bool>, AppError> {
        let (Some(c), Some(record)) = (
            self.store.campaign(campaign).await?,
            self.store.member_record(member).await?,
        ) else {
            return Ok(None);
        };
        let rules = c.rules()?;
        // The zone follows the region, i.e. the code's first two digits (`date::zone_name`).
        let region = Some(c.opened.territory.clone());
        let day = local_date(c.voting_opens().as_millisecond(), region.as_ref())?;
        Ok(Some(young_on(
            record.birth_date,
            day,
            rules.quotas.young_under_age,
        )))
    }

    /// The campaigns of a party.
    pub async fn party_campaigns(&self, party: &PartyCode) -> Result<Vec<Campaign>, AppError> {
        Ok(self
            .store
            .campaigns()
            .await?
            .into_iter()
            .filter(|c| &c.opened.party == party)
            .collect())
    }
}
