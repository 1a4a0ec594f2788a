//! The voter client: from a credential code and choices, an encrypted, proved and signed ballot — cast, or
//! challenged with its nonces revealed.

use rand_core::CryptoRng;
use sailau_vote::{
    CredentialCode, ElectionContext, EncryptedBallot, Hash32, Manifest, PlaintextBallot,
    encrypt_ballot,
};

use crate::error::{RecordError, Result};
use crate::format::Submission;

/// A voter's choice in one contest, as typed: `contest=option[,option…]`, or just `option[,option…]` when the
/// election has one contest. Options (and contests) are matched by id, then by label, then by 1-based
/// position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The contest, or `None` for the only one.
    pub contest: Option<String>,
    /// The marked options (empty: no mark).
    pub options: Vec<String>,
}

impl std::str::FromStr for Choice {
    type Err = RecordError;

    fn from_str(s: &str) -> Result<Self> {
        let (contest, rest) = match s.split_once('=') {
            Some((c, r)) => (Some(c.trim().to_owned()), r),
            None => (None, s),
        };
        let options = rest
            .split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(Choice { contest, options })
    }
}

fn find<T>(
    items: &[T],
    key: &str,
    id: impl Fn(&T) -> &str,
    label: impl Fn(&T) -> &str,
) -> Option<usize> {
    items
        .iter()
        .position(|x| id(x) == key)
        .or_else(|| items.iter().position(|x| label(x) == key))
        .or_else(|| {
            key.parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|&i| i < items.len())
        })
}

/// Turns typed choices into a plaintext ballot, checking the numbers of marks.
pub fn plaintext_from_choices(manifest: &Manifest, choices: &[Choice]) -> Result<PlaintextBallot> {
    let mut contests: Vec<Vec<bool>> = manifest
        .contests
        .iter()
        .map(|c| vec![false; c.options.len()])
        .collect();
    for choice in choices {
        let ci = match &choice.contest {
            Some(key) => find(&manifest.contests, key, |c| &c.id, |c| &c.title)
                .ok_or_else(|| RecordError::invalid(format!("no contest {key:?}")))?,
            None if manifest.contests.len() == 1 => 0,
            None => {
                return Err(RecordError::invalid(
                    "name the contest: --choice CONTEST=OPTION",
                ));
            }
        };
        let (Some(contest), Some(marks)) = (manifest.contests.get(ci), contests.get_mut(ci)) else {
            return Err(RecordError::invalid("no such contest"));
        };
        for key in &choice.options {
            let oi = find(&contest.options, key, |o| &o.id, |o| &o.label).ok_or_else(|| {
                RecordError::invalid(format!("contest {:?} has no option {key:?}", contest.id))
            })?;
            if let Some(m) = marks.get_mut(oi) {
                *m = true;
            }
        }
    }
    let plaintext = PlaintextBallot { contests };
    plaintext
        .validate(manifest)
        .map_err(|e| RecordError::invalid(describe_choice_error(manifest, &e)))?;
    Ok(plaintext)
}

/// A plaintext ballot's error in the voter's terms: the contest by its id, the number of marks allowed.
fn describe_choice_error(manifest: &Manifest, e: &sailau_vote::BallotError) -> String {
    match e {
        sailau_vote::BallotError::SelectionCount {
            contest,
            selected,
            min,
            max,
        } => {
            let id = manifest
                .contests
                .get(*contest)
                .map_or("?", |c| c.id.as_str());
            let allowed = if min == max {
                format!("exactly {min} must be marked")
            } else {
                format!("{min} to {max} may be marked")
            };
            let marked = match selected {
                0 => "no option is marked".to_owned(),
                1 => "1 option is marked".to_owned(),
                n => format!("{n} options are marked"),
            };
            format!("contest {id:?}: {marked}, {allowed}")
        }
        other => format!("choice: {other}"),
    }
}

/// What the voter client produced.
#[derive(Debug, Clone)]
pub struct VoterBallot {
    /// Cast or challenged, ready for the bulletin board.
    pub submission: Submission,
    /// The ballot fingerprint ([`EncryptedBallot::hash`]) shown to the voter.
    pub ballot_hash: Hash32,
}

/// Encrypts, proves and signs `plaintext` with the credential `code`. With `challenge`, the ballot is spoiled at
/// once: its nonces are revealed so anyone can check that it encrypts `plaintext`, and it will never count.
pub fn vote<R: CryptoRng + ?Sized>(
    ctx: &ElectionContext,
    code: &CredentialCode,
    plaintext: &PlaintextBallot,
    challenge: bool,
    rng: &mut R,
) -> Result<VoterBallot> {
    let key = code.derive_key(ctx.parameters_hash());
    let (ballot, secrets): (EncryptedBallot, _) = encrypt_ballot(ctx, &key, plaintext, rng)
        .map_err(|e| RecordError::crypto("encrypting the ballot", e))?;
    let ballot_hash = *secrets.ballot_hash();
    let submission = if challenge {
        Submission::Challenged {
            ballot,
            opening: secrets.open(),
        }
    } else {
        Submission::Cast { ballot }
    };
    Ok(VoterBallot {
        submission,
        ballot_hash,
    })
}
