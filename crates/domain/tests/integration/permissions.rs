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
    // i13-pipeline: the branch secretary records primary meetings and adopts the region's plan.
    (K::RecordPrimaryMeeting, ['A', '-', '-', '-', 'S', '-', '-']),
    (K::AdoptRegionalPlan,    ['A', '-', '-', '-', 'S', '-', '-']),
    // i12-day: turnout and protocols by the precinct commission on its precincts, the
    // territorial commission in its subtree, the CEC anywhere; an observer's copy by an
    // observer accredited to the territory (the matrix's observer has a territory scope).
    (K::ReportTurnout,      ['A', 'A', 'S', 'S', '-', '-', '-']),
    (K::EnterProtocol,      ['A', 'A', 'S', 'S', '-', '-', '-']),
    (K::AmendProtocol,      ['A', 'A', 'S', 'S', '-', '-', '-']),
    (K::AttachProtocolScan, ['A', 'A', 'S', 'S', '-', '-', '-']),
    (K::RecordObserverCopy, ['A', '-', '-', '-', '-', '-', 'S']),
    // i12-results: certification is the territorial commission's decision in its territory
    // (and the CEC's), like the other decisions on a contest.
    (K::CertifyResults,    ['A', 'A', 'S', '-', '-', '-', '-']),
    // i14-primaries: the organizing committee's (PRIMARIES_COMMANDS); a party secretary files
    // a primary organization's nomination of a contender in its party subtree; commissions,
    // candidates and observers have no part in a party's primaries.
    (K::OpenCampaign,      ['A', '-', '-', '-', '-', '-', '-']),
    (K::RegisterContender, ['A', '-', '-', '-', 'S', '-', '-']),
    (K::DecideContender,   ['A', '-', '-', '-', '-', '-', '-']),
    (K::WithdrawContender, ['A', '-', '-', '-', '-', '-', '-']),
    (K::ScheduleDebate,    ['A', '-', '-', '-', '-', '-', '-']),
    (K::RecordDebate,      ['A', '-', '-', '-', '-', '-', '-']),
    (K::RecordPaperCount,  ['A', '-', '-', '-', '-', '-', '-']),
    (K::FixBallot,         ['A', '-', '-', '-', '-', '-', '-']),
    // i14-online: the trustees', the credential authority's, the committee's and the paper
    // stations'; a ballot comes only through the voters' own path (no role issues it).
    (K::PublishCeremonyFile,    ['A', '-', '-', '-', '-', '-', '-']),
    (K::PublishCredentials,     ['A', '-', '-', '-', '-', '-', '-']),
    (K::SubmitBallot,           ['A', '-', '-', '-', '-', '-', '-']),
    (K::TallyBoard,             ['A', '-', '-', '-', '-', '-', '-']),
    (K::PublishDecryptionShare, ['A', '-', '-', '-', '-', '-', '-']),
    (K::PublishResults,         ['A', '-', '-', '-', '-', '-', '-']),
    (K::IssuePaperBallot,       ['A', '-', '-', '-', '-', '-', '-']),
    (K::RestartCeremony,        ['A', '-', '-', '-', '-', '-', '-']),
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
    // i13-pipeline: a member's record and a delegate's seats, to the branch secretary in its
    // party subtree (the party roles' own columns are in PARTY_READS).
    (Read::MemberRecord,   ['A', '-', '-', '-', 'S', '-', '-']),
    (Read::DelegateRecord, ['A', '-', '-', '-', 'S', '-', '-']),
    // i14-online: the voter roster is the credential authority's (PRIMARIES_READS).
    (Read::VoterRoster,    ['A', '-', '-', '-', '-', '-', '-']),
];

/// i13-pipeline: the party's own roles (issue 13 §9), as three more columns kept apart from the
/// table above so that its rows stay as they are. Home scopes: the counting commission of
/// conference C1 (`conference:`), the delegate and the member M1 (`member:`); "outside" means
/// another conference, another member, or another account. Every command and read not listed
/// here is `-` for these roles, for [`PARTY_DEFAULT_REASON`].
pub const PARTY_COLUMNS: [Role; 3] = [
    Role::CountingCommission,
    Role::PartyDelegate,
    Role::PartyMember,
];

/// Why the party roles may issue nothing else.
pub const PARTY_DEFAULT_REASON: &str = "a counting commission, a delegate or a member acts on \
nothing of the registry, the elections or the party's records but what is listed";

/// The commands the party roles may issue, with the reason of each cell.
#[rustfmt::skip]
pub const PARTY_COMMANDS: &[(K, [char; 3], &str)] = &[
    //                  count deleg memb
    (K::ChangePassword, ['S', 'S', 'S'], "every account changes its own password, no other"),
    (K::RecordVote,     ['S', '-', '-'], "the counting commission records its own conference's \
votes, not another's; delegates vote, they do not record the count"),
    // i14-primaries
    (K::RegisterContender, ['-', '-', 'S'], "a member registers itself as a contender, no other \
member"),
    (K::WithdrawContender, ['-', '-', 'S'], "a contender withdraws itself, no other"),
    (K::RecordPaperCount,  ['O', '-', '-'], "a counting commission of a primary organization (a \
party scope) enters its paper count; a conference's counting commission reaches no organization"),
    (K::IssuePaperBallot,  ['O', '-', '-'], "a primary organization's counting commission runs its paper station; a conference's counting commission reaches no organization"),
];

/// i14-primaries: the primaries' roles (issue 14 §8), three more columns. Home scope: the whole
/// party `amanat`; "outside" means party `akzhol` or another account. Every command and read
/// not listed is `-` for these roles, for [`PRIMARIES_DEFAULT_REASON`].
pub const PRIMARIES_COLUMNS: [Role; 3] = [
    Role::OrganizingCommittee,
    Role::Trustee,
    Role::CredentialAuthority,
];

/// Why the primaries' roles may issue nothing else.
pub const PRIMARIES_DEFAULT_REASON: &str = "the organizing committee, trustees and the credential \
authority act on nothing but their party's primaries";

/// The commands the primaries' roles may issue, with the reason of each cell.
#[rustfmt::skip]
pub const PRIMARIES_COMMANDS: &[(K, [char; 3], &str)] = &[
    //                     comm  trust cred
    (K::ChangePassword,    ['S', 'S', 'S'], "every account changes its own password, no other"),
    (K::OpenCampaign,      ['S', '-', '-'], "the committee opens its party's campaigns"),
    (K::RegisterContender, ['S', '-', '-'], "the committee may enter an application in its party"),
    (K::DecideContender,   ['S', '-', '-'], "the committee decides on its party's contenders"),
    (K::WithdrawContender, ['S', '-', '-'], "the committee records a withdrawal in its party"),
    (K::ScheduleDebate,    ['S', '-', '-'], "the committee schedules its party's debates"),
    (K::RecordDebate,      ['S', '-', '-'], "the committee records its party's debates"),
    (K::RecordPaperCount,  ['S', '-', '-'], "the committee may enter a paper count in its party"),
    (K::FixBallot,         ['S', '-', '-'], "the committee fixes its party's online ballot"),
    (K::PublishCeremonyFile, ['-', 'S', '-'], "a trustee publishes its own ceremony files in its party"),
    (K::PublishCredentials, ['-', '-', 'S'], "the credential authority publishes its party's public credentials"),
    (K::TallyBoard,        ['S', '-', '-'], "the committee closes its party's ballot box"),
    (K::PublishDecryptionShare, ['-', 'S', '-'], "a trustee publishes its own decryption share in its party"),
    (K::PublishResults,    ['S', '-', '-'], "the committee publishes its party's online counts"),
    (K::IssuePaperBallot,  ['S', '-', '-'], "the committee may run a paper station in its party"),
    (K::RestartCeremony,   ['S', '-', '-'], "the committee restarts its party's aborted key ceremony"),
];

/// The reads the primaries' roles may make.
#[rustfmt::skip]
pub const PRIMARIES_READS: &[(Read, [char; 3], &str)] = &[
    //                  comm  trust cred
    (Read::Account,    ['S', 'S', 'S'], "every account sees its own account, no other"),
    (Read::VoterRoster, ['-', '-', 'S'], "the credential authority prints its party's letters; \
the roster names members, so nobody else reads it"),
];

/// The reads the party roles may make, with the reason of each cell.
#[rustfmt::skip]
pub const PARTY_READS: &[(Read, [char; 3], &str)] = &[
    //                  count deleg memb
    (Read::Account,        ['S', 'S', 'S'], "every account sees its own account, no other"),
    (Read::MemberRecord,   ['-', 'S', 'S'], "a member (and a member as a delegate) sees its own \
record, no other; a counting commission sees seats, not records"),
    (Read::DelegateRecord, ['S', 'S', '-'], "a delegate sees its own seats, the counting \
commission its conference's; a member who is not a delegate has none"),
];

/// `O`: the role may, but not within the matrix's home scope of that role (always out of scope).
fn outcome(cell: char, inside: bool) -> Outcome {
    match (cell, inside) {
        ('A', _) | ('S', true) => Outcome::Allowed,
        ('S', false) | ('O', _) => Outcome::OutOfScope,
        ('-', _) => Outcome::RoleDenied,
        _ => panic!("unknown cell {cell:?}"),
    }
}

fn column(role: Role) -> usize {
    COLUMNS.iter().position(|r| *r == role).unwrap()
}

/// The party roles' expected answer and its reason, when `role` is one of them.
fn party_cell<T: PartialEq + Copy>(
    role: Role,
    rows: &[(T, [char; 3], &'static str)],
    what: T,
    inside: bool,
) -> Option<(Outcome, &'static str)> {
    extra_cell(
        &PARTY_COLUMNS,
        PARTY_DEFAULT_REASON,
        role,
        rows,
        what,
        inside,
    )
}

/// The primaries' roles' expected answer and its reason, when `role` is one of them.
fn primaries_cell<T: PartialEq + Copy>(
    role: Role,
    rows: &[(T, [char; 3], &'static str)],
    what: T,
    inside: bool,
) -> Option<(Outcome, &'static str)> {
    extra_cell(
        &PRIMARIES_COLUMNS,
        PRIMARIES_DEFAULT_REASON,
        role,
        rows,
        what,
        inside,
    )
}

fn extra_cell<T: PartialEq + Copy>(
    columns: &[Role; 3],
    default_reason: &'static str,
    role: Role,
    rows: &[(T, [char; 3], &'static str)],
    what: T,
    inside: bool,
) -> Option<(Outcome, &'static str)> {
    let i = columns.iter().position(|r| *r == role)?;
    Some(match rows.iter().find(|(k, _, _)| *k == what) {
        Some((_, cells, why)) => (outcome(cells[i], inside), *why),
        None => (Outcome::RoleDenied, default_reason),
    })
}

/// The expected answer for `role` issuing `kind`, with the table's reason for it (empty for the
/// original table, whose reasons are its comments).
pub fn expected_why(role: Role, kind: K, inside: bool) -> (Outcome, &'static str) {
    party_cell(role, PARTY_COMMANDS, kind, inside)
        .or_else(|| primaries_cell(role, PRIMARIES_COMMANDS, kind, inside))
        .unwrap_or_else(|| (expected_main(role, kind, inside), ""))
}

/// The expected answer for `role` issuing `kind` inside or outside its home scope.
pub fn expected(role: Role, kind: K, inside: bool) -> Outcome {
    expected_why(role, kind, inside).0
}

fn expected_main(role: Role, kind: K, inside: bool) -> Outcome {
    let row = COMMANDS
        .iter()
        .find(|(k, _)| *k == kind)
        .unwrap_or_else(|| panic!("{kind} is missing from the permission table"));
    outcome(row.1[column(role)], inside)
}

/// The expected answer for `role` reading `read` inside or outside its home scope.
pub fn expected_read(role: Role, read: Read, inside: bool) -> Outcome {
    if let Some((o, _)) = party_cell(role, PARTY_READS, read, inside)
        .or_else(|| primaries_cell(role, PRIMARIES_READS, read, inside))
    {
        return o;
    }
    let row = READS
        .iter()
        .find(|(r, _)| *r == read)
        .unwrap_or_else(|| panic!("{read} is missing from the permission table"));
    outcome(row.1[column(role)], inside)
}
