//! Reads of the party context: membership (what the elections context asks), a conference with
//! its live count and quorum, the next conference number.

use jiff::civil::Date;
use sailau_domain::party::commands::ConferenceId;
use sailau_domain::party::conference::next_ordinal;
use sailau_domain::party::member::identity_key;
use sailau_domain::party::numbering::conference_number;
use sailau_domain::{PartyCode, PersonId, TerritoryCode};
use sailau_storage::party::{ConferenceRow, DelegateRow, MotionRow, VoteRow};
use serde::Serialize;

use crate::{App, AppError};

/// A conference as its pages and the API show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConferenceView {
    /// The stored conference.
    pub conference: ConferenceRow,
    /// Its number in Russian (`L (50-я)`).
    pub number_ru: String,
    /// Its number in Kazakh (`L (50-ші)`).
    pub number_kk: String,
    /// Its number in English (`L (50th)`).
    pub number_en: String,
    /// Delegates elected (on the roster).
    pub elected: u32,
    /// Delegates checked in.
    pub present: u32,
    /// Delegates needed for a quorum by the conference's rules.
    pub quorum_needed: u32,
    /// Whether the conference has a quorum now.
    pub quorum: bool,
    /// The roster, by mandate number.
    pub delegates: Vec<DelegateRow>,
    /// The motions, in order, with their rounds.
    pub motions: Vec<MotionView>,
}

/// A conference's attendance: the live count and the quorum (issue 13 §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Attendance {
    /// Delegates elected (on the roster).
    pub elected: u32,
    /// Delegates checked in.
    pub present: u32,
    /// Delegates needed for a quorum by the conference's rules.
    pub quorum_needed: u32,
    /// Whether the conference has a quorum now.
    pub quorum: bool,
}

impl Attendance {
    /// The attendance of `conference` with `elected` delegates on its roster and `present`
    /// checked in: the quorum by the conference's rules (no quorum without a roster).
    fn of(conference: &ConferenceRow, elected: u64, present: u64) -> Attendance {
        let elected = u32::try_from(elected).unwrap_or(u32::MAX);
        let present = u32::try_from(present).unwrap_or(u32::MAX);
        let quorum_needed = conference.rules.quorum.needed(elected);
        Attendance {
            elected,
            present,
            quorum_needed,
            quorum: present >= quorum_needed && elected > 0,
        }
    }
}

/// A motion with its recorded rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MotionView {
    /// The stored motion.
    pub motion: MotionRow,
    /// Its rounds, in order.
    pub votes: Vec<VoteRow>,
}

impl App {
    /// Whether the registry person `person` is a member of `party` on `date`: a member record
    /// of the party with the person's name and birth date (compared by `text::name_key`), not
    /// erased, joined on or before `date`. What the elections context's "nominee must be a
    /// member" asks (issue 13 §1).
    pub async fn is_member(
        &self,
        party: &PartyCode,
        person: &PersonId,
        date: Date,
    ) -> Result<bool, AppError> {
        let Some(p) = self.store.person(person).await? else {
            return Ok(false);
        };
        let key = identity_key(&p.surname, &p.given_name, &p.patronymic, p.birth_date);
        Ok(!self
            .store
            .members_matching(party, &key, date)
            .await?
            .is_empty())
    }

    /// The next ordinal number of a branch's conference.
    pub async fn next_conference_ordinal(
        &self,
        party: &PartyCode,
        branch: &TerritoryCode,
    ) -> Result<u32, AppError> {
        let (imported, convened) = self.store.conference_numbers(party, branch).await?;
        Ok(next_ordinal(imported, convened))
    }

    /// A conference's attendance, counted without reading its roster (what the door shows
    /// after each check-in).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown conference; storage errors.
    pub async fn attendance(&self, id: &ConferenceId) -> Result<Attendance, AppError> {
        let conference = self.stored_conference(id).await?;
        let (elected, present) = self.store.delegate_counts(id).await?;
        Ok(Attendance::of(&conference, elected, present))
    }

    /// The stored conference, or [`AppError::NotFound`].
    async fn stored_conference(&self, id: &ConferenceId) -> Result<ConferenceRow, AppError> {
        self.store
            .conference(id)
            .await?
            .ok_or_else(|| AppError::NotFound(crate::Thing::Conference, id.to_string()))
    }

    /// A conference with its roster, live count, quorum and motions.
    pub async fn conference_view(&self, id: &ConferenceId) -> Result<ConferenceView, AppError> {
        let conference = self.stored_conference(id).await?;
        let delegates = self.store.delegates(id).await?;
        let present = delegates
            .iter()
            .filter(|d| d.checked_in_at_ms.is_some())
            .count();
        let a = Attendance::of(&conference, delegates.len() as u64, present as u64);
        let mut motions = Vec::new();
        for m in self.store.motions(id).await? {
            let votes = self.store.votes(&m.id).await?;
            motions.push(MotionView { motion: m, votes });
        }
        Ok(ConferenceView {
            number_ru: conference_number(conference.ordinal, "ru"),
            number_kk: conference_number(conference.ordinal, "kk"),
            number_en: conference_number(conference.ordinal, "en"),
            elected: a.elected,
            present: a.present,
            quorum_needed: a.quorum_needed,
            quorum: a.quorum,
            delegates,
            motions,
            conference,
        })
    }
}
