//! The ballot's contents (pure): the registered candidates in alphabetical order, each with
//! surname in capitals, name, patronymic, year of birth, post and nomination, then the
//! against-all line, in Kazakh and Russian from the rule set's texts (rules.md §4).
//!
//! Order: surname, given name, patronymic in the alphabet of the state language, the same on the
//! Kazakh and the Russian ballot ([`crate::collation::sort_ballot_lines`], ICU4X with CLDR's
//! `kk` tailoring: ә after а, ғ after г, қ after к, ...).

use std::collections::BTreeMap;

use serde::Serialize;

use super::nomination::{Nomination, Route, Status};
use super::rules::RuleSet;
use super::{Contest, ContestId, Election};
use crate::party::PartyCode;
use crate::territory::Names;

/// One candidate's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BallotLine {
    /// The registration number in the contest.
    pub number: u32,
    /// Surname in capitals.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (may be empty).
    pub patronymic: String,
    /// Year of birth.
    pub birth_year: i16,
    /// Current post.
    pub post: String,
    /// Nomination in Kazakh (the party's Kazakh name, or the rule set's self-nomination text).
    pub nomination_kk: String,
    /// Nomination in Russian.
    pub nomination_ru: String,
}

/// A contest's ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ballot {
    /// The contest.
    pub contest: ContestId,
    /// The unit's names.
    pub unit: Names,
    /// Election day, `dd.mm.yyyy`.
    pub election_day: String,
    /// Title in Kazakh.
    pub title_kk: String,
    /// Title in Russian.
    pub title_ru: String,
    /// The candidates in ballot order.
    pub candidates: Vec<BallotLine>,
    /// The against-all line in Kazakh.
    pub against_all_kk: String,
    /// The against-all line in Russian.
    pub against_all_ru: String,
    /// Ballots have been produced.
    pub produced: bool,
    /// A candidate withdrew after the ballots were produced: they must be changed.
    pub changed: bool,
}

impl Ballot {
    /// The ballot of `contest` from its nominations (only registered ones stand on it);
    /// `parties` gives each party's Kazakh and Russian names.
    pub fn build(
        contest: &Contest,
        unit: &Names,
        election: &Election,
        rules: &RuleSet,
        nominations: &[Nomination],
        parties: &BTreeMap<PartyCode, (String, String)>,
    ) -> Ballot {
        let b = &rules.ballot;
        let mut candidates: Vec<BallotLine> = nominations
            .iter()
            .filter_map(|n| match n.status {
                Status::Registered { number } => Some((number, n)),
                _ => None,
            })
            .map(|(number, n)| {
                let p = &n.candidate.person;
                let (kk, ru) = match &n.route {
                    Route::Party { party, .. } => parties
                        .get(party)
                        .cloned()
                        .unwrap_or_else(|| (party.to_string(), party.to_string())),
                    Route::SelfNominated => {
                        (b.self_nominated_kk.clone(), b.self_nominated_ru.clone())
                    }
                    Route::HigherAkimProposal { .. } => {
                        (b.higher_akim_kk.clone(), b.higher_akim_ru.clone())
                    }
                };
                BallotLine {
                    number,
                    surname: p.surname.to_uppercase(),
                    given_name: p.given_name.clone(),
                    patronymic: p.patronymic.clone(),
                    birth_year: p.birth_date.year(),
                    post: n.candidate.post.clone(),
                    nomination_kk: kk,
                    nomination_ru: ru,
                }
            })
            .collect();
        candidates.sort_by_key(|l| l.number);
        if crate::collation::sort_ballot_lines(&mut candidates).is_err() {
            // The collation data is compiled in; should it ever fail, code-point order of the
            // lower-cased names still gives a stable ballot.
            candidates.sort_by_cached_key(|l| {
                (
                    l.surname.to_lowercase(),
                    l.given_name.to_lowercase(),
                    l.patronymic.to_lowercase(),
                )
            });
        }
        let d = election.election_day;
        Ballot {
            contest: contest.id,
            unit: unit.clone(),
            election_day: format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year()),
            title_kk: b.title_kk.clone(),
            title_ru: b.title_ru.clone(),
            candidates,
            against_all_kk: b.against_all_kk.clone(),
            against_all_ru: b.against_all_ru.clone(),
            produced: contest.ballots_produced,
            changed: contest.ballot_changed,
        }
    }
}

impl crate::collation::HasName for BallotLine {
    fn name_parts(&self) -> crate::collation::NameParts<'_> {
        crate::collation::NameParts {
            surname: &self.surname,
            given_name: &self.given_name,
            patronymic: &self.patronymic,
        }
    }
}
