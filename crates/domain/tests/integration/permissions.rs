//! THE permission table, written once from the rules (not from the code) and checked twice: by
//! the domain's `authorize` (`authz_matrix.rs` here) and through the app's real command path
//! (`crates/app/tests/integration/authz_matrix.rs` includes this file with `#[path]`).
//!
//! Cells, per role: `A` allowed anywhere; `S` allowed inside the account's home scope, refused as
//! out of scope outside it; `-` refused for the role. The home scopes: a territorial commission
//! of region 100000000, a precinct commission of precinct 100000000/1, the secretary of the whole
//! party `amanat`; "outside" means region 200000000, precinct 200000000/2, party `akzhol`, or
//! another account.

#![allow(dead_code)]

use sailau_domain::{CommandKind as K, Read, Role};

/// What authorization answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Allowed,
    RoleDenied,
    OutOfScope,
}

/// The roles in the order of the table's columns.
pub const COLUMNS: [Role; 7] = [
    Role::Administrator,
    Role::CecMember,
    Role::TerritorialCommission,
    Role::PrecinctCommission,
    Role::PartySecretary,
    Role::Candidate,
    Role::Observer,
];

#[rustfmt::skip]
pub const COMMANDS: &[(K, [char; 7])] = &[
    //                      admin cec  tec  pec  sec  cand obs
    (K::CreateTerritory,   ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::RenameTerritory,   ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::CreatePrecinct,    ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::UpdatePrecinct,    ['A', 'A', 'S', 'S', '-', '-', '-']),
    (K::CreateParty,       ['A', 'A', '-', '-', '-', '-', '-']),
    (K::UpdateParty,       ['A', 'A', '-', '-', 'S', '-', '-']),
    (K::CreateBranch,      ['A', '-', '-', '-', 'S', '-', '-']),
    (K::RegisterPerson,    ['A', 'A', 'A', '-', 'A', '-', '-']),
    (K::CreateAccount,     ['A', '-', '-', '-', '-', '-', '-']),
    (K::ChangeAccountRole, ['A', '-', '-', '-', '-', '-', '-']),
    (K::SetAccountActive,  ['A', '-', '-', '-', '-', '-', '-']),
    (K::ChangePassword,    ['A', 'S', 'S', 'S', 'S', 'S', 'S']),
    // i11-core. Refusals: `-` for a role = the role may not (precinct commissions and observers
    // take no part in nominations; a party secretary only files and recalls its party's
    // nominees; a candidate only files its own application, attachments and withdrawal; the
    // commission's decisions are the territorial commission's in its territory and the CEC's).
    // `S` out of scope: another territory, another party, another person.
    (K::CallElection,        ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::NominateByParty,     ['A', 'A', '-', '-', 'S', '-', '-']),
    (K::ApplySelfNomination, ['A', 'A', 'S', '-', '-', 'S', '-']),
    (K::ProposeByHigherAkim, ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::AttachDocument,      ['A', 'A', 'S', '-', 'S', 'S', '-']),
    (K::TickDocument,        ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::RecordDeposit,       ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::RegisterCandidate,   ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::RefuseRegistration,  ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::CancelRegistration,  ['A', 'A', 'S', '-', 'S', 'S', '-']),
    (K::ProduceBallots,      ['A', 'A', 'S', '-', '-', '-', '-']),
    // i11-sign. The commission verifies a self-nominee's signature sheets and erases the
    // signers' data: `-` for the precinct commission, the party secretary, the candidate (whose
    // own sheets they are: verification is the commission's) and observers; `S` out of scope:
    // a territorial commission of another territory.
    (K::RecordSignatureSheets, ['A', 'A', 'S', '-', '-', '-', '-']),
    (K::EraseSignatureData,    ['A', 'A', 'S', '-', '-', '-', '-']),
    // i13-party: a branch secretary within the party subtree of its scope; commissions,
    // candidates and observers have no part in a party's own affairs (issue 13 §9).
    (K::RecordMember,      ['A', '-', '-', '-', 'S', '-', '-']),
    (K::EraseMemberData,   ['A', '-', '-', '-', 'S', '-', '-']),
    (K::SetConferenceCount,['A', '-', '-', '-', 'S', '-', '-']),
    (K::ConveneConference, ['A', '-', '-', '-', 'S', '-', '-']),
    (K::SeatDelegate,      ['A', '-', '-', '-', 'S', '-', '-']),
    (K::CheckIn,           ['A', '-', '-', '-', 'S', '-', '-']),
    (K::OpenMotion,        ['A', '-', '-', '-', 'S', '-', '-']),
    (K::RecordVote,        ['A', '-', '-', '-', 'S', '-', '-']),
    // i12-results: certification is the territorial commission's decision in its territory
    // (and the CEC's), like the other decisions on a contest.
    (K::CertifyResults,    ['A', 'A', 'S', '-', '-', '-', '-']),
];

/// Reads that are not public: `Account` is one account (inside: the reader's own).
#[rustfmt::skip]
pub const READS: &[(Read, [char; 7])] = &[
    //               admin cec  tec  pec  sec  cand obs
    (Read::Accounts, ['A', '-', '-', '-', '-', '-', '-']),
    (Read::Account,  ['A', 'S', 'S', 'S', 'S', 'S', 'S']),
    (Read::Persons,  ['A', 'A', 'A', 'A', 'A', 'A', 'A']),
    // i11-core: the commission's files (a territorial commission's listing is narrowed to its
    // territory by the reader, so its grant reaches everywhere).
    (Read::Workbench,   ['A', 'A', 'A', '-', '-', '-', '-']),
    (Read::Attachments, ['A', 'A', 'A', '-', '-', '-', '-']),
];

fn outcome(cell: char, inside: bool) -> Outcome {
    match (cell, inside) {
        ('A', _) | ('S', true) => Outcome::Allowed,
        ('S', false) => Outcome::OutOfScope,
        ('-', _) => Outcome::RoleDenied,
        _ => panic!("unknown cell {cell:?}"),
    }
}

fn column(role: Role) -> usize {
    COLUMNS.iter().position(|r| *r == role).unwrap()
}

/// The expected answer for `role` issuing `kind` inside or outside its home scope.
pub fn expected(role: Role, kind: K, inside: bool) -> Outcome {
    let row = COMMANDS
        .iter()
        .find(|(k, _)| *k == kind)
        .unwrap_or_else(|| panic!("{kind} is missing from the permission table"));
    outcome(row.1[column(role)], inside)
}

/// The expected answer for `role` reading `read` inside or outside its home scope.
pub fn expected_read(role: Role, read: Read, inside: bool) -> Outcome {
    let row = READS
        .iter()
        .find(|(r, _)| *r == read)
        .unwrap_or_else(|| panic!("{read} is missing from the permission table"));
    outcome(row.1[column(role)], inside)
}
