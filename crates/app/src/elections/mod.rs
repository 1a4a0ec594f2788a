//! The elections context in the app: the commands' handlers ([`handlers`]) and the reads pages
//! and the API show (elections with their calendar, contests, nominations with what is missing,
//! the public list of registered candidates, the commission's workbench, ballots, attachments).

pub mod audit;
pub mod day;
pub mod day_import;
mod handlers;
pub mod open_data;
pub mod results;
pub mod signature_file;
pub mod signatures;

use std::collections::BTreeMap;

use jiff::Timestamp;
use sailau_domain::elections::registration::missing;
use sailau_domain::elections::{
    AttachDocument, AttachmentMeta, Ballot, Blob, Calendar, Contest, ContestId, Election,
    ElectionId, LocalMoment, Nomination, NominationId, Phase, RuleSet, Status, zones,
};
use sailau_domain::{
    Denied, Issued, Principal, Read, Role, Scope, Target, Territory, TerritoryCode,
    ValidationErrors, authorize_read,
};
use sailau_storage::StoredAttachment;
use serde::Serialize;

use crate::{Acting, App, AppError, Applied};

/// An election with its rule set, its calendar in the calling territory's zone, what is open
/// now, and its contests.
#[derive(Debug, Clone, Serialize)]
pub struct ElectionView {
    /// The election.
    pub election: Election,
    /// Its rule set (the copy it was called with).
    pub rules: std::sync::Arc<RuleSet>,
    /// The calendar in the zone of the calling territory (the national zone for the CEC).
    pub calendar: Calendar,
    /// The phases open now.
    pub open_now: Vec<Phase>,
    /// The contests, by unit code.
    pub contests: Vec<ContestSummary>,
}

/// A contest in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct ContestSummary {
    /// The contest.
    pub contest: Contest,
    /// The unit.
    pub unit: Territory,
    /// Candidacies standing (nominated or registered).
    pub standing: u64,
    /// Registered candidates.
    pub registered: u64,
    /// After the registration deadline, fewer than the minimum are registered.
    pub below_minimum: bool,
}

/// A contest with its nominations.
#[derive(Debug, Clone, Serialize)]
pub struct ContestView {
    /// The election.
    pub election: Election,
    /// The contest.
    pub contest: Contest,
    /// The unit.
    pub unit: Territory,
    /// The calendar in the unit's zone.
    pub calendar: Calendar,
    /// The phases open now.
    pub open_now: Vec<Phase>,
    /// Every nomination, in filing order.
    pub nominations: Vec<Nomination>,
    /// Registered candidates.
    pub registered: u64,
    /// The rule set's minimum of candidates.
    pub min_candidates: u32,
    /// After the registration deadline, fewer than the minimum are registered (the
    /// higher akim's route is open while its window is).
    pub below_minimum: bool,
    /// Signatures a self-nominee needs here.
    pub signatures_required: u64,
    /// The deposit for this election's year, if the rule set knows the year's wage.
    pub deposit_required: Option<u64>,
}

/// A nomination with what it still lacks for registration.
#[derive(Debug, Clone, Serialize)]
pub struct NominationView {
    /// The nomination.
    pub nomination: Nomination,
    /// Its contest.
    pub contest: Contest,
    /// Its election.
    pub election: Election,
    /// The unit.
    pub unit: Territory,
    /// The calendar in the unit's zone.
    pub calendar: Calendar,
    /// The conditions of registration not met (empty: complete).
    pub missing: ValidationErrors,
    /// The documents the route requires.
    pub required_documents: Vec<String>,
    /// The deposit required.
    pub deposit_required: Option<u64>,
    /// Signatures required (self-nominees).
    pub signatures_required: u64,
    /// When the commission's decision window closes.
    pub decision_closes: Option<LocalMoment>,
}

/// A registered candidate in the public list.
#[derive(Debug, Clone, Serialize)]
pub struct RegisteredCandidate {
    /// The contest.
    pub contest: ContestId,
    /// The unit.
    pub unit: Territory,
    /// The nomination (status registered).
    pub nomination: Nomination,
}

/// An application awaiting the commission's decision.
#[derive(Debug, Clone, Serialize)]
pub struct WorkbenchItem {
    /// The election.
    pub election: ElectionId,
    /// The unit.
    pub unit: Territory,
    /// The nomination.
    pub nomination: Nomination,
    /// When the decision window closes.
    pub closes: LocalMoment,
    /// Whole days left until then (0 on the last day; negative once closed).
    pub days_left: i64,
    /// What it still lacks.
    pub missing: ValidationErrors,
}

fn not_found(thing: crate::Thing, id: impl std::fmt::Display) -> AppError {
    AppError::NotFound(thing, id.to_string())
}

fn registered_count(ns: &[Nomination]) -> u64 {
    ns.iter()
        .filter(|n| matches!(n.status, Status::Registered { .. }))
        .count() as u64
}

impl App {
    fn now(&self) -> Timestamp {
        Timestamp::from_millisecond(self.now_ms()).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    async fn unit(&self, code: &TerritoryCode) -> Result<Territory, AppError> {
        self.store
            .territory(code)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Territory, code))
    }

    /// Every election, latest election day first.
    pub async fn elections(&self) -> Result<Vec<Election>, AppError> {
        Ok(self.store.elections().await?)
    }

    /// An election with its calendar and contests.
    pub async fn election(&self, id: &ElectionId) -> Result<ElectionView, AppError> {
        let election = self
            .store
            .election(id)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Election, id))?;
        let rules = election.rules()?;
        let zone = zones::zone_name(election.territory.as_ref());
        let calendar = Calendar::compute(&rules, election.election_day, election.called_on, zone)
            .map_err(|e| AppError::Ledger(e.to_string()))?;
        let now = self.now();
        let mut contests = Vec::new();
        for contest in self.store.contests_of(id).await? {
            let ns = self.store.contest_nominations(&contest.id).await?;
            let registered = registered_count(&ns);
            let cal = contest.calendar(&election, &rules)?;
            contests.push(ContestSummary {
                unit: self.unit(&contest.unit).await?,
                standing: ns.iter().filter(|n| n.status.is_active()).count() as u64,
                registered,
                below_minimum: cal.registration_over(now)
                    && registered < u64::from(rules.min_candidates),
                contest,
            });
        }
        Ok(ElectionView {
            open_now: calendar.open_at(now),
            election,
            rules,
            calendar,
            contests,
        })
    }

    /// A contest with its nominations and the minimum-candidates flag.
    pub async fn contest(&self, id: &ContestId) -> Result<ContestView, AppError> {
        let contest = self
            .store
            .contest(id)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Contest, id))?;
        let election = self
            .store
            .election(&contest.election)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Election, contest.election))?;
        let rules = election.rules()?;
        let calendar = contest.calendar(&election, &rules)?;
        let nominations = self.store.contest_nominations(id).await?;
        let registered = registered_count(&nominations);
        let now = self.now();
        Ok(ContestView {
            unit: self.unit(&contest.unit).await?,
            open_now: calendar.open_at(now),
            below_minimum: calendar.registration_over(now)
                && registered < u64::from(rules.min_candidates),
            signatures_required: rules.signatures_required(contest.voters),
            deposit_required: rules.deposit.amount_for(election.election_day.year()),
            min_candidates: rules.min_candidates,
            registered,
            nominations,
            calendar,
            contest,
            election,
        })
    }

    /// The registered candidates of an election, by unit and registration number.
    pub async fn registered_candidates(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<RegisteredCandidate>, AppError> {
        if self.store.election(election).await?.is_none() {
            return Err(not_found(crate::Thing::Election, election));
        }
        let mut out = Vec::new();
        for contest in self.store.contests_of(election).await? {
            let unit = self.unit(&contest.unit).await?;
            let mut ns: Vec<Nomination> = self
                .store
                .contest_nominations(&contest.id)
                .await?
                .into_iter()
                .filter(|n| matches!(n.status, Status::Registered { .. }))
                .collect();
            ns.sort_by_key(|n| match n.status {
                Status::Registered { number } => number,
                _ => 0,
            });
            for n in ns {
                out.push(RegisteredCandidate {
                    contest: contest.id,
                    unit: unit.clone(),
                    nomination: n,
                });
            }
        }
        Ok(out)
    }

    /// A nomination with what it lacks for registration.
    pub async fn nomination(&self, id: &NominationId) -> Result<NominationView, AppError> {
        let nomination = self
            .store
            .nomination(id)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Nomination, id))?;
        let contest = self
            .store
            .contest(&nomination.contest)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Contest, nomination.contest))?;
        let election = self
            .store
            .election(&contest.election)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Election, contest.election))?;
        let rules = election.rules()?;
        let calendar = contest.calendar(&election, &rules)?;
        let route = nomination.route.kind();
        Ok(NominationView {
            missing: missing(&nomination, &election, &rules),
            required_documents: rules.documents_for(route).to_vec(),
            deposit_required: rules.deposit.amount_for(election.election_day.year()),
            signatures_required: rules.signatures_required(contest.voters),
            decision_closes: calendar
                .window(route.decision_phase())
                .map(|w| w.closes.clone()),
            unit: self.unit(&contest.unit).await?,
            calendar,
            nomination,
            contest,
            election,
        })
    }

    /// The nominations of a person (a candidate's own page).
    pub async fn person_nominations(
        &self,
        person: &sailau_domain::PersonId,
    ) -> Result<Vec<NominationView>, AppError> {
        let mut out = Vec::new();
        for n in self.store.person_nominations(person).await? {
            out.push(self.nomination(&n.id).await?);
        }
        Ok(out)
    }

    /// The applications awaiting a decision in the acting commission's territory (everywhere
    /// for the CEC, administrators and the operator), with the days left.
    pub async fn workbench(&self, acting: &Acting) -> Result<Vec<WorkbenchItem>, AppError> {
        let within = match acting {
            Acting::Voter => return Err(sailau_domain::Denied::Anonymous.into()),
            Acting::Operator => None,
            Acting::Account(p) => {
                authorize_read(Some(p), Read::Workbench, &Target::default())?;
                match &p.scope {
                    Scope::Territory { territory } if p.role == Role::TerritorialCommission => {
                        Some(territory.clone())
                    }
                    _ => None,
                }
            }
        };
        let now = self.now();
        let mut out = Vec::new();
        for n in self.store.pending_nominations().await? {
            let view = self.nomination(&n.id).await?;
            if let Some(t) = &within {
                let mut path: Vec<TerritoryCode> = self
                    .store
                    .territory_ancestors(&view.contest.unit)
                    .await?
                    .into_iter()
                    .map(|t| t.code)
                    .collect();
                path.push(view.contest.unit.clone());
                if !path.contains(t) {
                    continue;
                }
            }
            let Some(closes) = view.decision_closes.clone() else {
                continue;
            };
            let days_left = days_between(now, &closes, &view.contest);
            out.push(WorkbenchItem {
                election: view.election.id,
                unit: view.unit,
                nomination: view.nomination,
                closes,
                days_left,
                missing: view.missing,
            });
        }
        out.sort_by_key(|i| i.closes.at);
        Ok(out)
    }

    /// The ballot of a contest: registered candidates in ballot order, the against-all line.
    pub async fn ballot(&self, contest: &ContestId) -> Result<Ballot, AppError> {
        let view = self.contest(contest).await?;
        let rules = view.election.rules()?;
        let parties: BTreeMap<_, _> = self
            .store
            .parties()
            .await?
            .into_iter()
            .map(|p| (p.code.clone(), (p.name_kk.clone(), p.name_ru.clone())))
            .collect();
        Ok(Ballot::build(
            &view.contest,
            &view.unit.names,
            &view.election,
            &rules,
            &view.nominations,
            &parties,
        ))
    }

    /// An attached file by its SHA-256, for the commission (the CEC, territorial commissions,
    /// administrators, the operator).
    pub async fn attachment(
        &self,
        acting: Option<&Principal>,
        sha256: &str,
    ) -> Result<StoredAttachment, AppError> {
        if let Some(p) = acting {
            authorize_read(Some(p), Read::Attachments, &Target::default())?;
        } else {
            return Err(Denied::Anonymous.into());
        }
        self.store
            .attachment(sha256)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Attachment, sha256))
    }

    /// Attaches a file to a nomination: reads its kind and size against the election's rule set
    /// (every problem at once, on the field `file`), then runs `attach_document` with the bytes.
    pub async fn attach_file(
        &self,
        acting: &Acting,
        nomination: NominationId,
        document: &str,
        bytes: Vec<u8>,
    ) -> Result<Applied, AppError> {
        let n = self.store.nomination(&nomination).await?.ok_or_else(|| {
            ValidationErrors::one("nomination", sailau_domain::Rule::NominationMissing)
        })?;
        let contest = self
            .store
            .contest(&n.contest)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Contest, n.contest))?;
        let election = self
            .store
            .election(&contest.election)
            .await?
            .ok_or_else(|| not_found(crate::Thing::Election, contest.election))?;
        let rules = election.rules()?;
        let file = AttachmentMeta::of(&bytes, &rules.attachments)?;
        let command = AttachDocument {
            nomination,
            document: document.to_owned(),
            file,
        };
        self.execute(acting, Issued::new(command, Blob(bytes)))
            .await
    }
}

/// Whole local days from `now` to `closes` in the unit's zone (0 on the last day).
fn days_between(now: Timestamp, closes: &LocalMoment, contest: &Contest) -> i64 {
    let Ok(tz) = zones::named_zone(contest.zone()) else {
        return 0;
    };
    let today = now.to_zoned(tz).date();
    today
        .until(closes.date)
        .map(|s| i64::from(s.get_days()))
        .unwrap_or(0)
}
