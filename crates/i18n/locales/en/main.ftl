# sailau — English message catalog.
#
# The keys are the same in all three languages (a test checks it). Numeric variables always go
# through NUMBER(…), so that plurals and digit grouping work even when a number arrives as text.
# Polling-station, line and ledger-entry numbers are written without grouping (useGrouping: "false").

## Site

site-name = sailau
site-tagline = Open election management system
site-description = A registry of territories, polling stations and parties for akim elections in Kazakhstan, with an open, verifiable ledger of changes.
site-logo-alt = sailau — home

## Navigation

nav-label = Main menu
nav-home = Home
nav-territories = Territories
nav-precincts = Polling stations
nav-parties = Parties
nav-ledger = Ledger
nav-login = Log in
nav-logout = Log out
nav-account = Account
nav-administration = Administration
nav-language = Language
nav-skip-to-content = Skip to main content
nav-breadcrumbs = You are here
nav-signed-in-as = Signed in as { $username }

## Home

home-title = Home
home-heading = An open registry for akim elections
home-lead = sailau keeps the registry of territories, polling stations and political parties for akim elections in Kazakhstan. Every change is signed and written to an open ledger that anyone can verify.
home-summary-heading = The registry in numbers
home-demo-notice = Demonstration data: the regions, districts, polling stations and parties follow public sources on the election of 5 November 2023; the distribution of voters across polling stations is synthetic.
home-what-heading = What sailau does
home-what-registry = Registry: regions, districts, cities, rural okrugs, villages and settlements with their KATO codes; polling stations with the number of voters on their lists; parties and their branches.
home-what-ledger = Ledger: every change is an entry in a Merkle tree (RFC 9162) with a signed tree head. Anyone can check that no entry has been altered or removed.
home-what-roles = Roles: commission members and party secretaries act only within their scope. Anyone can browse the registry without logging in.
home-browse-heading = Browse the registry

## Counts: a number and a noun

count-regions =
    { NUMBER($count) ->
        [one] { NUMBER($count) } region
       *[other] { NUMBER($count) } regions
    }
count-districts =
    { NUMBER($count) ->
        [one] { NUMBER($count) } district or city
       *[other] { NUMBER($count) } districts and cities
    }
count-territories =
    { NUMBER($count) ->
        [one] { NUMBER($count) } territory
       *[other] { NUMBER($count) } territories
    }
count-precincts =
    { NUMBER($count) ->
        [one] { NUMBER($count) } polling station
       *[other] { NUMBER($count) } polling stations
    }
count-voters =
    { NUMBER($count) ->
        [one] { NUMBER($count) } voter
       *[other] { NUMBER($count) } voters
    }
count-parties =
    { NUMBER($count) ->
        [one] { NUMBER($count) } party
       *[other] { NUMBER($count) } parties
    }
count-branches =
    { NUMBER($count) ->
        [one] { NUMBER($count) } branch
       *[other] { NUMBER($count) } branches
    }
count-entries =
    { NUMBER($count) ->
        [one] { NUMBER($count) } entry
       *[other] { NUMBER($count) } entries
    }
count-users =
    { NUMBER($count) ->
        [one] { NUMBER($count) } user
       *[other] { NUMBER($count) } users
    }

## Labels under the big numbers of the summary cards (the number is shown separately)

stat-regions =
    { NUMBER($count) ->
        [one] region
       *[other] regions
    }
stat-districts =
    { NUMBER($count) ->
        [one] district or city of regional significance
       *[other] districts and cities of regional significance
    }
stat-precincts =
    { NUMBER($count) ->
        [one] polling station
       *[other] polling stations
    }
stat-voters =
    { NUMBER($count) ->
        [one] voter on the lists
       *[other] voters on the lists
    }
stat-parties =
    { NUMBER($count) ->
        [one] political party
       *[other] political parties
    }
stat-entries =
    { NUMBER($count) ->
        [one] ledger entry
       *[other] ledger entries
    }

## Kinds of territory

territory-kind-region = Region
territory-kind-republican-city = City of republican significance
territory-kind-district = District
territory-kind-regional-city = City of regional significance
territory-kind-rural-okrug = Rural okrug
territory-kind-village = Village
territory-kind-settlement = Settlement
territory-kind-district-city = City of district significance

## Territories

territories-title = Territories
territories-intro = The administrative division: regions and cities of republican significance, districts and cities, rural okrugs, villages and settlements. Codes follow the KATO classifier.
territories-tree-heading = All territories
territories-search-label = Find a territory
territories-search-hint = A name in any language or a KATO code
territories-search-submit = Search
territories-search-results =
    { NUMBER($count) ->
        [one] { NUMBER($count) } territory
       *[other] { NUMBER($count) } territories
    } found for “{ $query }”
territories-search-none = Nothing found for “{ $query }”.
territories-empty = The registry has no territories yet.
territory-code = KATO code
territory-code-hint = 9 digits
territory-name = Name
territory-name-ru = Name in Russian
territory-name-kk = Name in Kazakh
territory-name-en = Name in English
territory-kind = Kind
territory-parent = Parent territory
territory-parent-hint = The KATO code of the parent territory. Leave empty for a region or a city of republican significance.
territory-parent-none = Top level
territory-children = Territories within
territory-no-children = No other territories within.
territory-precincts-link = Polling stations of this territory

## Polling stations

precincts-title = Polling stations
precincts-intro = Polling stations and the number of voters on their lists.
precincts-in-territory = Polling stations: { $territory }
precincts-empty = No polling stations yet.
precincts-total-voters = Total voters on the lists: { NUMBER($count) }
precinct-heading = Polling station No. { NUMBER($number, useGrouping: "false") }
precinct-number = Number
precinct-number-hint = A whole number from 1 to 99,999, unique within the region.
precinct-address = Address
precinct-voters = Voters on the list
precinct-territory = Territory
precinct-territory-hint = The KATO code of the district, city, rural okrug, village or settlement.

## Parties

parties-title = Parties
parties-intro = Political parties registered in the Republic of Kazakhstan and their branches.
parties-empty = No parties in the registry yet.
party-code = Code
party-code-hint = 2 to 32 lowercase Latin letters, digits or hyphens, e.g. amanat.
party-full-name = Full name
party-name-ru = Full name in Russian
party-name-kk = Full name in Kazakh
party-short-name = Short name
party-branches = Branches
party-branches-none = No branches in the registry.
branch-party = Party
branch-territory = Branch territory

## People

persons-title = People
person-surname = Surname
person-given-name = Given name
person-patronymic = Patronymic
person-patronymic-hint = If any
person-birth-date = Date of birth
person-birth-date-hint = As YYYY-MM-DD
person-gender = Gender
gender-male = Male
gender-female = Female

## Roles

role-administrator = Administrator
role-cec-member = Member of the Central Election Commission
role-territorial-commission = Member of a territorial election commission
role-precinct-commission = Member of a precinct election commission
role-party-secretary = Party secretary
role-candidate = Candidate
role-observer = Observer
role-anonymous = Visitor

## Account and scope

account-title = Account
account-username = Username
account-role = Role
account-scope = Scope
account-status = Status
account-status-active = Active
account-status-disabled = Disabled
scope-global = Unrestricted
scope-territory = { $territory } and everything within it
scope-precincts = Polling stations: { $precincts }
scope-party = Party { $party }
scope-party-branch = Party { $party }, branches in { $territory }

## Forms

form-save = Save
form-cancel = Cancel
form-submit = Submit
form-add-territory = Add a territory
form-add-precinct = Add a polling station
form-add-party = Add a party
form-add-branch = Add a branch
form-import-csv = Import from CSV
form-import-kind = What to import
form-file = File
form-import-hint = CSV in UTF-8; the first row is the header: { $header }
form-import-all-or-nothing = If any row is invalid, nothing is imported and every error is listed with its line number.
form-import-done =
    Import complete: { NUMBER($count) ->
        [one] { NUMBER($count) } row
       *[other] { NUMBER($count) } rows
    } added.
form-errors-heading =
    { NUMBER($count) ->
        [one] There is { NUMBER($count) } problem with this form
       *[other] There are { NUMBER($count) } problems with this form
    }
form-required = required
form-optional = optional
form-error-prefix = Error:
form-choose = — choose —
form-saved = The change is saved and recorded in the ledger.
form-ledger-entry = Ledger entry No. { NUMBER($index, useGrouping: "false") }

## Ledger

ledger-title = Ledger of changes
ledger-intro = Every change to the registry is an entry in this ledger. The entries form a Merkle tree (RFC 9162) whose head the server signs with an Ed25519 key, so anyone can check that no entry has been changed, removed or inserted after the fact.
ledger-entries = Entries
ledger-index = No.
ledger-time = Time (UTC)
ledger-actor = By
ledger-actor-system = system
ledger-command = Command
ledger-subject = What changed
ledger-leaf-hash = Leaf hash
ledger-tree-head = Signed tree head
ledger-size = Tree size
ledger-root = Root hash
ledger-signature = Signature
ledger-key-id = Key ID
ledger-public-key = Public key
ledger-signed-at = Signed at
ledger-inclusion-proof = Inclusion proof
ledger-show-proof = Proof
ledger-entry-heading = Ledger entry No. { NUMBER($index, useGrouping: "false") }
ledger-entry-payload = Canonical content of the entry
ledger-proof-heading = Proof that entry No. { NUMBER($index, useGrouping: "false") } is in the tree of size { NUMBER($size, useGrouping: "false") }
ledger-audit-path = Audit path
ledger-proof-valid = The proof matches the signed tree head.
ledger-empty = The ledger is empty.
ledger-range = Entries { NUMBER($from) } to { NUMBER($to) }
ledger-verify-heading = How to verify the ledger
ledger-verify-instructions = The tree head, the entries and the proofs are open to everyone through the API. Recompute the entry hashes as RFC 9162 defines and compare the root with the signed tree head; the signature checks against the server's public key.
ledger-verify-cli = Whoever holds a copy of the database runs the command below: it recomputes the tree, checks the signature, replays every entry from the start, compares the result with the tables and names the first difference.
ledger-api-heading = Public API

## Commands (the kind of a ledger entry)

command-create-territory = Territory added
command-rename-territory = Territory renamed
command-create-precinct = Polling station added
command-update-precinct = Polling station updated
command-create-party = Party added
command-update-party = Party updated
command-create-branch = Party branch added
command-register-person = Person registered
command-create-account = Account created
command-change-account-role = Role changed
command-set-account-active = Account enabled or disabled
command-change-password = Password changed
command-call-election = Election called
command-nominate-by-party = Nomination by a party
command-apply-self-nomination = Self-nomination
command-propose-by-higher-akim = Proposal by the higher akim
command-attach-document = Document attached
command-tick-document = Document marked as received
command-record-deposit = Election deposit recorded
command-register-candidate = Candidate registered
command-refuse-registration = Registration refused
command-cancel-registration = Registration cancelled
command-produce-ballots = Ballot produced
command-record-signature-sheets = Signature sheets recorded
command-erase-signature-data = Signers' personal data erased
command-record-member = Party member recorded
command-erase-member-data = Member's personal data erased
command-set-conference-count = Conference numbering set
command-convene-conference = Conference convened
command-seat-delegate = Delegate seated
command-check-in = Delegate checked in
command-open-motion = Motion opened
command-record-vote = Vote recorded
command-record-primary-meeting = Primary organization's meeting recorded
command-adopt-regional-plan = Regional plan adopted
command-report-turnout = Turnout reported
command-enter-protocol = Precinct protocol entered
command-amend-protocol = Precinct protocol amended
command-attach-protocol-scan = Protocol scan attached
command-record-observer-copy = Observer's copy recorded
command-certify-results = Results certified
command-open-campaign = Primaries opened
command-register-contender = Primaries contender registered
command-decide-contender = Decision on a primaries application
command-withdraw-contender = Primaries contender withdrawn
command-schedule-debate = Debate scheduled
command-record-debate = Debate attendance recorded
command-record-paper-count = Primaries paper count entered
command-fix-ballot = Primaries ballot fixed

## Login

login-title = Log in
login-intro = Sign in to act: commission members, party secretaries and committees, trustees, and party members voting in the primaries. Results, the registry and the ledger are open to everyone without signing in.
login-username = Username
login-password = Password
login-submit = Log in
login-wrong-credentials = Wrong username or password.
login-too-many-attempts = Too many failed attempts. Wait { NUMBER($seconds) } s and try again.
login-logged-out = You have logged out.
login-required = Log in to continue.

## Administration

admin-title = Administration
admin-users = Users
admin-add-user = Add a user
admin-role = Role
admin-scope = Scope
admin-scope-hint = Leave empty for an administrator, CEC member, candidate or observer. Territorial commission: territory:CODE. Precinct commission: precincts:REGION/NUMBER,… Party secretary: party:CODE or party:CODE@TERRITORY_CODE.
admin-scope-required = required for commissions and party roles
admin-password = Password
admin-password-shown-once = This password is shown once and is not stored anywhere in readable form. Hand it to the user securely.
admin-user-created = User { $username } created.
admin-no-users = No users.

## Errors

error-status = Error { NUMBER($status, useGrouping: "false") }
error-back-home = Back to the home page
error-not-found-title = Page not found
error-not-found-body = There is no such page. Check the address or start from the home page.
error-forbidden-title = Access denied
error-forbidden-body = Your account is not allowed to do this.
error-bad-request-title = Bad request
error-bad-request-body = The server could not understand the request. Check what you entered and try again.
error-csrf-title = The form has expired
error-csrf-body = The submission failed a security check: the form expired or was opened in another session. Go back, reload the page and submit the form again.
error-too-large-title = Too large
error-too-large-body = What you sent is larger than allowed.
error-server-title = Something went wrong
error-server-body = The server could not complete the request. Nothing was changed. Please try again later.

## Validation (the keys are those of sailau-domain's rules: Rule::key)

field-required = Enter a value.
field-choose = Choose a value.
confirm-required = Tick the box to confirm.
invalid-type = The field “{ $field }” takes { $expected ->
        [text] text in quotation marks
        [whole-number] a whole number
        [number] a number
        [true-false] true or false
        [list] a list in square brackets
        [object] an object in curly braces
       *[other] a value of another type
    }.
invalid-value = The field “{ $field }” takes { $expected ->
        [whole-number] a whole number in the allowed range
        [number] a number in the allowed range
       *[other] an allowed value
    }.
unknown-field = The request takes no field “{ $field }”.
invalid-choice = The field “{ $field }” takes one of: { $allowed }.
json-syntax = The request body is not valid JSON (line { NUMBER($line, useGrouping: "false") }, column { NUMBER($column, useGrouping: "false") }).
field-too-long =
    Use at most { NUMBER($max) } { NUMBER($max) ->
        [one] character
       *[other] characters
    }.
field-error-with-label = { $field }: { $message }
code-format = A KATO code is exactly 9 digits.
code-taken = A territory with this code is already in the registry.
parent-missing = No territory in the registry has this parent code.
parent-kind-invalid =
    { $kind ->
        [region] A region
        [republican_city] A city of republican significance
        [district] A district
        [regional_city] A city of regional significance
        [rural_okrug] A rural okrug
        [village] A village
        [settlement] A settlement
        [district_city] A city of district significance
       *[other] “{ $kind }”
    } { $parent_kind ->
        [none] cannot be at the top level: enter its parent territory.
        [region] cannot be part of a region.
        [republican_city] cannot be part of a city of republican significance.
        [district] cannot be part of a district.
        [regional_city] cannot be part of a city of regional significance.
        [rural_okrug] cannot be part of a rural okrug.
        [village] cannot be part of a village.
        [settlement] cannot be part of a settlement.
        [district_city] cannot be part of a city of district significance.
       *[other] cannot be part of “{ $parent_kind }”.
    }
territory-missing = No territory in the registry has this code.
precinct-territory-kind =
    A polling station cannot belong directly to { $kind ->
        [region] a region
        [republican_city] a city of republican significance
        [district] a district
        [regional_city] a city of regional significance
        [rural_okrug] a rural okrug
        [village] a village
        [settlement] a settlement
        [district_city] a city of district significance
       *[other] “{ $kind }”
    }: choose a district, city, rural okrug, village or settlement.
precinct-number-format = A polling station number is a whole number from 1 to 99,999.
precinct-number-taken = This number is already used by a polling station in the region.
precinct-missing = No such polling station in the registry.
voters-out-of-range = The number of voters is a whole number from 0 to { NUMBER($max) }.
party-code-format = A party code is 2 to 32 lowercase Latin letters, digits or hyphens, not starting or ending with a hyphen.
party-taken = A party with this code is already in the registry.
party-missing = No party in the registry has this code.
branch-taken = This party already has a branch on this territory.
person-birth-date-invalid = The date of birth is a real date written as YYYY-MM-DD, from 1900-01-01 to today.
person-taken = This person is already in the registry.
gender-invalid = Choose female or male.
username-format = A username is 3 to 64 characters: lowercase Latin letters, digits, dot, hyphen and underscore.
username-taken = This username is taken.
account-missing = No such account.
password-wrong = This is not your current password.
password-too-short =
    Use at least { NUMBER($min) } { NUMBER($min) ->
        [one] character
       *[other] characters
    }.
role-scope-mismatch = The scope does not fit the role: a territorial commission needs a territory; a precinct commission its polling stations; a party secretary, an organizing committee, a trustee and a credential authority a party; a counting commission a party or a conference; a party member or delegate their membership; a candidate a person or none, an observer a territory or none; an administrator and a CEC member take no scope.
role-unknown = Unknown role.
kind-unknown = Unknown kind of territory.
number-format = Enter a whole number.
csv-header-invalid = The first row of the file must be the header: { $expected }
csv-row-invalid = Line { NUMBER($line, useGrouping: "false") }: { $reason }
csv-encoding = The file must be in UTF-8.
csv-empty = The file has no data rows.
file-required = Choose a file.
text-control-chars = No line breaks, tabs or other control characters.

## Paging and common words

pager-label = Pages
pager-previous = Previous
pager-next = Next
pager-position = Page { NUMBER($page) } of { NUMBER($pages) }
common-actions = Actions
common-total = Total
common-details = Details
common-none = none
common-back = Back

## Footer

footer-open-source = sailau is free, open-source software (AGPL-3.0).
footer-source-code = Source code
footer-verify-ledger = Verify the ledger
footer-api = API (OpenAPI)

## Web pages: forms, account, administration, ledger proofs

territories-add-top-level = Add a region or a city of republican significance
territory-subtree-heading = In this territory and everything within it
territory-no-direct-precincts = No polling stations belong directly to this territory; see the territories within it.
precincts-by-region = Polling stations by region
precincts-region-territory = The region's page
precinct-edit = Correct the address or the number of voters
party-name-en = Full name in English
branch-territory-hint = The KATO code of the territory where the branch works (a region, district or city).
form-import-submit = Import
form-import-nothing-imported = Nothing was imported. Correct these rows and upload the file again.
csv-more-errors =
    { NUMBER($count) ->
        [one] … and { NUMBER($count) } more row with errors.
       *[other] … and { NUMBER($count) } more rows with errors.
    }
csv-unreadable = The file could not be read: { $reason }
ledger-actor-operator = operator (command line)
ledger-signature-valid = The signature is valid
ledger-signature-invalid = The signature does not verify
ledger-proof-invalid = The proof does not match the signed tree head.
ledger-entry-payload-hint = Exactly the bytes whose hash is the leaf hash (RFC 9162: SHA-256 of the byte 0x00 followed by these bytes).
ledger-audit-path-empty = The tree has a single entry: the path is empty and the leaf hash is the root.
ledger-consistency-heading = Consistency of the tree since this entry
ledger-consistency-intro = Proof that the tree of size { NUMBER($from, useGrouping: "false") }, as it was right after this entry was appended, is the beginning of the current tree of size { NUMBER($to, useGrouping: "false") }: no earlier entry has been changed or removed since.
ledger-root-at = Root of the tree of size { NUMBER($size, useGrouping: "false") }
ledger-api-head = The signed tree head
ledger-api-entries = Entries from start to end (at most 1,000)
ledger-api-inclusion = Inclusion proof of one entry
ledger-api-consistency = Consistency proof between two tree sizes
account-display-name = Full name
account-change-password = Change password
account-change-password-intro = After the change you are signed out everywhere; sign in again with the new password.
account-current-password = Current password
account-new-password = New password
account-confirm-password = New password again
account-password-hint =
    At least { NUMBER($min) } { NUMBER($min) ->
        [one] character
       *[other] characters
    }; a long phrase is best.
account-password-changed = Your password has been changed. Sign in with the new password.
password-mismatch = The two passwords do not match.
admin-username-hint = 3 to 64 characters: lowercase Latin letters, digits, dot, hyphen and underscore.
admin-password-hint = Leave empty to generate a strong password; it is shown once, after the user is created.
admin-change-role = Change role
admin-change-refused = The role of { $username } was not changed
admin-deactivate = Disable
admin-reactivate = Enable

## issue 7
last-administrator = This is the last active administrator: it cannot be disabled or given another role, or nobody could manage accounts. Make another account an administrator first.

## issue 9

# Refusals of authorization. $action comes from the action-… keys (a noun phrase).
denied-anonymous = Sign in to do this.
denied-role = The role “{ $role }” does not allow { $action }.
denied-scope = This account is allowed { $action } only within its scope, and this is outside it.
action-create-territory = adding a territory
action-rename-territory = renaming a territory
action-create-precinct = adding a polling station
action-update-precinct = changing a polling station
action-create-party = adding a party
action-update-party = changing a party's details
action-create-branch = adding a party branch
action-register-person = registering a person
action-create-account = creating an account
action-change-account-role = changing an account's role
action-set-account-active = enabling or disabling an account
action-change-password = changing the password
app-not-found = There is no such record in the registry.
app-batch-item = Item { NUMBER($number, useGrouping: "false") }: { $reason }
csv-row-refused = the row was refused.
csv-unreadable-file = The file could not be read: it is neither CSV in UTF-8 nor an Excel workbook (.xlsx).

# The ledger in words. $actor is a username or "operator (command line)".
ledger-what = What happened
ledger-json = canonical entry (JSON)
ledger-numbering = Entries are numbered from 0, as in the API (/api/ledger/entries) and in the entry's own index field.
ledger-verify-cli-hint = COPY.db is the path of the copy of the database; the key above is this server's public key. For a demo server, sailau serve --demo prints the command for its database at start.
ledger-unknown-territory = the territory with code { $code }
ledger-precinct = No. { NUMBER($number, useGrouping: "false") } ({ $region })
ledger-did-create-territory = { $actor } added the territory “{ $name }” ({ $kind }, KATO code { $code }).
ledger-did-rename-territory = { $actor } renamed the territory with KATO code { $code } to “{ $name }”.
ledger-did-create-precinct =
    { $actor } added polling station No. { NUMBER($number, useGrouping: "false") } — { $territory }, { NUMBER($voters) } { NUMBER($voters) ->
        [one] voter
       *[other] voters
    } on the list.
ledger-did-update-precinct =
    { $actor } changed polling station { $precinct }: address “{ $address }”, { NUMBER($voters) } { NUMBER($voters) ->
        [one] voter
       *[other] voters
    } on the list.
ledger-did-create-party = { $actor } added the party “{ $name }”.
ledger-did-update-party = { $actor } changed the details of the party “{ $name }”.
ledger-did-create-branch = { $actor } added a branch of the party “{ $party }” — { $territory }.
ledger-did-register-person = { $actor } registered a person: { $name }.
ledger-did-create-account = { $actor } created the account { $username } with the role “{ $role }” (scope: { $scope }).
ledger-did-change-account-role = { $actor } gave the account { $username } the role “{ $role }” (scope: { $scope }).
ledger-did-set-account-active =
    { $actor } { $active ->
        [yes] enabled
       *[no] disabled
    } the account { $username }.
ledger-did-change-password = { $actor } changed the password of the account { $username }.

# The source of the running version (AGPL).
footer-version = Version { $version }, build { $commit }.
source-title = The source code of this server
source-intro = sailau is free software under the GNU AGPL-3.0 or any later version. Whoever offers it to others over a network must offer them the source of exactly the version the server runs. This is that version.
source-version = Version
source-commit = Commit (build)
source-commit-unknown = unknown: the program was not built from a git checkout
source-download = The source of this version:
source-ask-operator = The operator of this server has not set an address to download the source from (the --source-url option). Ask the operator for the source of this version: they must provide it.
source-checkout = In a copy of the sailau repository, this version is checked out with:
ledger-territory-in-region = { $territory } ({ $region })
form-import-precincts = Import polling stations (CSV or Excel)
form-import-precincts-hint = Polling stations only: a CSV file in UTF-8 or an Excel workbook (.xlsx, its first sheet is read), at most 8 MB. The first row is the header: { $header }. Each row names its territory by KATO code, which must be within your scope.

## issue 6
text-invisible-chars = No invisible characters (zero-width spaces, text direction marks).
text-char-not-allowed = The character “{ $character }” is not allowed here.
text-mixed-script = The word “{ $word }” mixes alphabets: Latin letters that look Cyrillic, or the reverse.
number-not-whole = A whole number is needed, without a fraction.
number-negative = A count cannot be negative.
number-too-large = The number is too large.
code-parent-mismatch =
    { NUMBER($digits) ->
        [0] The KATO code of a region or a city of republican significance is two digits (not 00), then zeros.
       *[other] The KATO code must start with the parent territory's digits ({ $prefix }), then its own digits (not all zero), then zeros.
    }
party-name-taken = This name reads the same as the name of the registered party “{ $name }”.
cell-type =
    Cell { $cell } holds { $found ->
        [date] a date
        [boolean] a boolean
        [error] an error
       *[other] a value of another type
    }; expected { $expected ->
        [whole-number] a whole number
        [code] a code
       *[other] text
    }.
import-wrong-file =
    This is a { $kind ->
        [territories] territories
        [precincts] precincts
        [parties] parties
       *[other] different
    } file: this import takes another kind.
import-row-width =
    The row has { NUMBER($cells) } { NUMBER($cells) ->
        [one] cell
       *[other] cells
    } but the header has { $expected } columns. A quote may be left open, or a value holds the separator.
import-encoding = The text cannot be read as { $encoding }.
import-read-as = The file was read as { $encoding }.
import-lost-letters = “{ $text }” has “?” inside words. Kazakh letters were probably lost when the file was saved as Windows-1251; save it as “CSV UTF-8”.
import-too-many-rows =
    The file has more than { NUMBER($max) } { NUMBER($max) ->
        [one] row
       *[other] rows
    }, the limit of one import.
import-utf16-no-bom = The file is UTF-16 without a byte-order mark. Save it as “CSV UTF-8”.
import-unreadable-workbook = The XLSX workbook could not be read: { $reason }
import-too-large = The file is larger than { NUMBER($max) } MB, the upload limit. Nothing was imported.
file-empty = The file is empty.

## issue 10 (merge): refusals of reads, as actions
action-read-accounts = viewing the list of accounts
action-read-account = viewing this account
action-read-persons = viewing the people of the registry

## i10-rest
import-workbook-too-large = The workbook's text unpacks to more than { NUMBER($max) } MB, the limit of one import: split the file or save it as CSV.
## i11-print
print-ballot-born = born in { $year }
print-ballot-instructions = Put any mark in the empty box to the right of one candidate only, or in the line “{ $against }”. A ballot with a mark in more than one box, or in none, is invalid.
print-ballot-changed = This ballot was changed after it was produced: a candidate's registration was cancelled.
print-ballot-member = Member of the precinct election commission
print-ballot-seal = Seal of the precinct election commission
print-protocol-title = PROTOCOL
print-protocol-subject = of the verification of voters' signatures collected in support of the candidate
print-protocol-election = Election
print-protocol-candidate = Candidate
print-protocol-unit = Administrative-territorial unit
print-protocol-date = Date
print-protocol-item = Item
print-protocol-count = Number
print-protocol-sheets = Signature sheets submitted
print-protocol-lines = Signatures on the sheets
print-protocol-valid = Valid signatures (each voter counted once)
print-protocol-invalid = Invalid signatures, in all
print-protocol-of-which = of which:
print-protocol-threshold = Signatures required
print-protocol-verdict = Result
print-protocol-sufficient = enough signatures to register the candidate
print-protocol-insufficient = not enough signatures to register the candidate
print-protocol-chair = Chair of the commission
print-protocol-secretary = Secretary of the commission
print-protocol-member = Member of the commission
print-unprintable-title = The ballot cannot be printed
print-unprintable-body = The candidates' details contain a character the print font does not have. Correct the details and print the ballot again.
print-unprintable-character = Character: “{ $character }”.

## i11-core
person-missing = No person of the registry has this identifier.
election-window-not-open = The { $window ->
        [call] calling the election
        [nomination] nomination of candidates
        [signatures] collection of signatures
        [registration] registration of candidates
        [higher_akim_proposal] proposals by the higher akim
        [higher_akim_registration] registration of candidates proposed by the higher akim
        [withdrawal] withdrawal of candidates
        [campaign] campaigning
        [ballots] production of ballots
        [voting] voting
       *[other] this stage of the election
    } opens on { $date } at { $time } local time.
election-window-closed = The { $window ->
        [call] calling the election
        [nomination] nomination of candidates
        [signatures] collection of signatures
        [registration] registration of candidates
        [higher_akim_proposal] proposals by the higher akim
        [higher_akim_registration] registration of candidates proposed by the higher akim
        [withdrawal] withdrawal of candidates
        [campaign] campaigning
        [ballots] production of ballots
        [voting] voting
       *[other] this stage of the election
    } closed on { $date } at { $time } local time.
election-calendar-invalid = The election calendar could not be computed: time-zone data or dates out of range.
election-rule-set-invalid = { $problem ->
        [syntax] Rule set: the text does not read as TOML (line { NUMBER($line, useGrouping: "false") }).
       *[other] Rule set, key “{ $key }”: { $problem ->
            [unknown] the rule set has no such key
            [missing] the key is required but absent
            [type] the value is of another type
            [time] a local time HH:MM from 00:00 to 24:00 is needed
            [order] the deadlines are out of order
            [empty] the value must not be empty
            [choice] the value is not one of those allowed
            [year] a year such as 2023 is needed
            [key-format] keys are lowercase Latin letters, digits and underscores
           *[other] the value is out of range
        }.
    }
election-rule-set-digest = The SHA-256 given does not match the rule set's text.
election-rule-set-level = The rule set is for another level of election ({ $level ->
        [district] akims of districts and cities of regional significance
        [rural] rural akims
       *[other] another level
    }).
election-taken = An election with this identifier has been called already.
election-missing = There is no such election.
election-contest-taken = The contest identifier is taken.
election-contest-missing = There is no such contest.
election-unit-twice = The territory { $unit } is listed twice.
election-unit-level = The territory { $unit } does not elect an akim of this level ({ $level ->
        [district] a district or a city of regional significance
       *[other] a rural okrug, village, settlement or city of district significance
    }).
election-unit-outside = The territory { $unit } is outside the calling commission's territory.
election-unit-busy = The territory { $unit } already has an election on this day.
election-day-past = Election day must be after today.
election-too-few-candidates =
    { NUMBER($registered) } { NUMBER($registered) ->
        [one] candidate
       *[other] candidates
    } registered; at least { NUMBER($min) } { NUMBER($min) ->
        [one] is
       *[other] are
    } needed.
election-enough-candidates = { NUMBER($registered) } registered already (minimum { NUMBER($min) }): no proposal by the higher akim is needed.
election-nomination-taken = A nomination with this identifier exists.
election-nomination-missing = There is no such nomination.
election-route-closed = The rule set does not provide for this route: { $route ->
        [party] nomination by a party
        [self_nominated] self-nomination
        [higher_akim_proposal] proposal by the higher akim
       *[other] { $route }
    }.
election-person-mismatch = The registry holds this person with other data.
election-person-stands = This person already stands in this contest.
election-qualification-unknown = “{ $qualification ->
        [citizenship] citizenship of Kazakhstan
        [legal_capacity] legal capacity
        [higher_education] higher education
        [civil_service_qualification] civil-service qualification requirements
       *[other] { $qualification }
    }” is not in the rule set's checklist.
election-qualification-missing = The candidate has not declared: { $qualification ->
        [citizenship] citizenship of Kazakhstan
        [legal_capacity] legal capacity
        [higher_education] higher education
        [civil_service_qualification] civil-service qualification requirements
       *[other] { $qualification }
    }.
election-too-young = A candidate must be at least { NUMBER($min) } on election day { $election_day }; this one will be { NUMBER($age) }.
election-party-nominee-taken = The party already has a nominee in this contest: a party nominates at most one candidate per unit.
election-membership-missing = A party nominates its own members only: name the membership document.
election-incumbent-taken = Another candidate standing in this contest is already declared the sitting akim: a unit has one akim, so only one nominated or registered candidacy may say so.
election-date-future = The date cannot be after today.
election-nomination-status = This nomination has been decided already (status: { $state ->
        [nominated] nominated, awaiting a decision
        [registered] registered
        [refused] registration refused
        [cancelled] registration cancelled
       *[other] { $state }
    }).
election-document-unknown = “{ $document ->
        [application] the candidate's application
        [deposit_receipt] proof of the deposit payment
        [qualification_documents] documents of the qualification requirements
        [asset_declaration_certificate] the tax authority's certificate of the asset declarations
        [party_decision] the party's nomination decision
        [signature_protocol] the signature-verification protocol
        [higher_akim_proposal] the higher akim's proposal
       *[other] { $document }
    }” is not among the documents of this route.
election-document-missing = Missing document: { $document ->
        [application] the candidate's application
        [deposit_receipt] proof of the deposit payment
        [qualification_documents] documents of the qualification requirements
        [asset_declaration_certificate] the tax authority's certificate of the asset declarations
        [party_decision] the party's nomination decision
        [signature_protocol] the signature-verification protocol
        [higher_akim_proposal] the higher akim's proposal
       *[other] { $document }
    }.
election-attachment-too-large =
    The file has { NUMBER($size) } { NUMBER($size) ->
        [one] byte
       *[other] bytes
    }; files of at most { NUMBER($max) } { NUMBER($max) ->
        [one] byte
       *[other] bytes
    } are accepted.
election-attachment-type = By its content the file is not a PDF, JPEG or PNG document.
election-attachment-mismatch = The file does not match its recorded hash, size or type.
election-deposit-too-low = { NUMBER($amount) } ₸ paid; the deposit in { $year } is { NUMBER($required) } ₸.
election-deposit-wage-unknown = The rule set has no minimum wage for { $year }.
election-deposit-missing = The deposit has not been paid.
election-signatures-missing = No signature sheets have been verified.
election-signatures-too-few =
    { NUMBER($valid) } valid { NUMBER($valid) ->
        [one] signature
       *[other] signatures
    }; { NUMBER($required) } { NUMBER($required) ->
        [one] is
       *[other] are
    } required.
election-ground-unknown = The rule set has no such ground of refusal.
election-recall-not-party = Only a party's nominee can be recalled.
action-call-election = calling an election
action-nominate-by-party = nominating a candidate for a party
action-apply-self-nomination = applying for self-nomination
action-propose-by-higher-akim = proposing a candidate as the higher akim
action-attach-document = attaching a candidate's document
action-tick-document = checking off a candidate's documents
action-record-deposit = recording an electoral deposit
action-register-candidate = registering a candidate
action-refuse-registration = refusing a candidate's registration
action-cancel-registration = cancelling a candidate's registration
action-produce-ballots = producing the ballots
action-read-workbench = viewing the applications awaiting the commission's decision
action-read-attachments = viewing candidates' documents
scope-person = Candidate: { $person }
ledger-did-call-election =
    { $actor } called the election “{ $name }” for { $day }: { NUMBER($units) } { NUMBER($units) ->
        [one] contest
       *[other] contests
    }.
ledger-did-nominate-by-party = { $actor } nominated { $name } for the party { $party }.
ledger-did-apply-self-nomination = { $actor } filed a self-nomination: { $name }.
ledger-did-propose-by-higher-akim = { $actor } entered the higher akim's proposal: { $name }.
ledger-did-attach-document = { $actor } attached “{ $document ->
        [application] the candidate's application
        [deposit_receipt] proof of the deposit payment
        [qualification_documents] documents of the qualification requirements
        [asset_declaration_certificate] the tax authority's certificate of the asset declarations
        [party_decision] the party's nomination decision
        [signature_protocol] the signature-verification protocol
        [higher_akim_proposal] the higher akim's proposal
       *[other] { $document }
    }” to nomination { $nomination }.
ledger-did-tick-document = { $actor } { $present ->
        [yes] checked off
       *[no] unchecked
    } “{ $document ->
        [application] the candidate's application
        [deposit_receipt] proof of the deposit payment
        [qualification_documents] documents of the qualification requirements
        [asset_declaration_certificate] the tax authority's certificate of the asset declarations
        [party_decision] the party's nomination decision
        [signature_protocol] the signature-verification protocol
        [higher_akim_proposal] the higher akim's proposal
       *[other] { $document }
    }” of nomination { $nomination }.
ledger-did-record-deposit = { $actor } recorded a deposit of { NUMBER($amount) } ₸ for nomination { $nomination }.
ledger-did-register-candidate = { $actor } registered the candidate of nomination { $nomination }.
ledger-did-refuse-registration = { $actor } refused registration of nomination { $nomination }: { $ground ->
        [qualification_requirements] qualification requirements not met
        [age] age on election day
        [documents_incomplete] documents incomplete
        [signatures_insufficient] not enough signatures
        [deposit_not_paid] deposit not paid
        [disqualification] barred by law
       *[other] { $ground }
    }.
ledger-did-cancel-registration = { $actor } cancelled nomination { $nomination } ({ $reason ->
        [recalled] recalled by the party
       *[withdrawn] on the candidate's application
    }).
ledger-did-produce-ballots = { $actor } recorded that the ballots of contest { $contest } were produced.
## i11-sign
number-out-of-range = Enter a whole number from { NUMBER($min) } to { NUMBER($max) }.
date-format = Write the date as DD.MM.YYYY or YYYY-MM-DD (a day that exists).
signature-line-repeated = Sheet { NUMBER($sheet) }, line { NUMBER($line) } is given twice.
signature-retention = The signers' data may be erased from { $date } on.
signatures-not-self-nominated = Only self-nominees submit signature sheets.
signature-facts-changed = The territory or the collection window changed while the sheets were being checked. Check the sheets again.
signature-sheet = Sheet
signature-line = Line
signature-surname = Surname
signature-given-name = Given name
signature-patronymic = Patronymic
signature-iin = IIN
signature-address = Home address
signature-territory = KATO code of the home address
signature-signed-on = Date signed
signature-ground-iin-malformed = the IIN is malformed
signature-ground-iin-check-digit = the IIN's check digit does not match
signature-ground-under-age = the signer was under 18 on the date signed
signature-ground-outside-unit = the signer lives outside the territory
signature-ground-outside-window = signed outside the collection period
signature-ground-duplicate = a repeated signature of the same person
signature-import-wrong-file = This is not a signature sheet: the columns must be { $expected }.
action-record-signature-sheets = recording signature sheets
action-erase-signature-data = erasing the signers' data
ledger-did-record-signature-sheets =
    { $actor } recorded signature sheets for nomination { $nomination }: { NUMBER($lines) } { NUMBER($lines) ->
        [one] line
       *[other] lines
    }, { NUMBER($valid) } valid { NUMBER($valid) ->
        [one] signature
       *[other] signatures
    } of { NUMBER($required) } required.
ledger-did-erase-signature-data = { $actor } erased the signers' data of nomination { $nomination }.
## i13-party
party-card-number-format = A party card number is 1 to 32 letters, digits or hyphens.
party-card-number-taken = The party already has a member with this card number.
party-member-taken = This member identifier is already used.
party-commitment-mismatch = The member's record does not match its fingerprint in the ledger.
party-joined-on-invalid = The joining date must be a real date, not after today and not before the member's 14th birthday.
party-member-missing = No member of the party has this card number.
party-member-erased = This member's personal data has been erased.
party-member-joined-after = The member joined the party after { $date }.
party-member-not-person = The member's name and date of birth are not this person's.
party-branch-missing = The party has no branch on this territory.
party-numbering-locked = This branch's conferences are already numbered in sailau; the number of its last earlier conference can no longer be changed.
party-ordinal-not-next = The branch's next conference is number { $expected }.
party-ordinal-range = A conference number runs from 1 to 3999.
party-conference-missing = There is no such conference.
party-conference-taken = This conference identifier is already used.
party-agenda-empty = The agenda needs at least one item.
party-mandate-taken = This mandate number is already given to another delegate.
party-mandate-range = A mandate number runs from 1 to 99,999.
party-delegate-twice = This member is already on the conference's list of delegates.
party-delegate-elsewhere = This member is already on the list of delegates of another conference of the party held the same day: a delegate sits on one conference's list only.
party-mandate-missing = No delegate holds mandate No. { NUMBER($mandate, useGrouping: "false") }.
party-checked-in-twice = The delegate with mandate No. { NUMBER($mandate, useGrouping: "false") } is already checked in.
party-not-checked-in = The delegate with mandate No. { NUMBER($mandate, useGrouping: "false") } is not checked in and cannot vote.
party-voted-twice = The delegate with mandate No. { NUMBER($mandate, useGrouping: "false") } is named twice in the roll call.
party-roster-closed = Delegates cannot be added once voting has started.
party-presidium-first = The chair, the secretary and the counting commission are elected first.
party-motion-still-open = The vote on another motion is not finished yet.
party-motion-missing = There is no such motion.
party-motion-taken = This motion identifier is already used.
party-not-adopted = The motion did not end in a decision to nominate: there is nothing to hand to the commission.
party-motion-decided = This motion is already decided.
party-round-not-next = The vote due is round { $expected }.
party-no-quorum =
    No quorum: { NUMBER($attending) } { NUMBER($attending) ->
        [one] delegate
       *[other] delegates
    } present, at least { NUMBER($needed) } needed. No decision can be taken.
party-counts-above-present =
    The votes add up to more than the { NUMBER($attending) } { NUMBER($attending) ->
        [one] delegate
       *[other] delegates
    } present.
party-tally-shape = The counts do not fit the motion: it has { $expected } contenders.
party-tally-mode = This way of voting needs another kind of record (counts for open and secret votes, each delegate's vote for a roll call).
party-unit-outside-branch = There is no such unit on the branch's territory.
party-unit-nominated = The party has already nominated a candidate for this unit: { $name }.
party-contender-twice = The same member is named twice.
party-contenders-required = Name at least one contender.
party-nominee-not-member = The nominee is not a member of the party.
party-out-of-order = Out of order: the conferences below (or the election of delegates) come first.
action-record-member = recording a party member
action-erase-member-data = erasing a party member's personal data
action-set-conference-count = setting the number of a branch's last conference
action-convene-conference = convening a conference
action-seat-delegate = adding a delegate to the list
action-check-in = checking in a delegate
action-open-motion = putting a motion to the vote
action-record-vote = recording the result of a vote
ledger-did-record-member = { $actor } recorded a member of the party “{ $party }” — { $territory } (personal data kept outside the ledger).
ledger-did-erase-member-data = { $actor } erased a party member's personal data.
ledger-did-set-conference-count = { $actor } set the number of the last conference of the party “{ $party }” branch — { $territory }: { NUMBER($round, useGrouping: "false") }.
ledger-did-convene-conference = { $actor } convened the { $ordinal } conference of the party “{ $party }” branch — { $territory }.
ledger-did-seat-delegate = { $actor } added the delegate with mandate No. { NUMBER($mandate, useGrouping: "false") } to a conference's list of delegates.
ledger-did-check-in = { $actor } checked in the delegate with mandate No. { NUMBER($mandate, useGrouping: "false") }.
ledger-did-open-motion = { $actor } put a motion to the conference's vote.
ledger-did-record-vote = { $actor } recorded the result of a vote (round { NUMBER($round, useGrouping: "false") }).
party-minutes-title = MINUTES
party-minutes-of = { $ordinal } { $kind } conference of the “{ $party }” party branch — { $branch }
party-minutes-extraordinary = extraordinary
party-minutes-regular = regular
party-minutes-elected = Delegates elected
party-minutes-present = Delegates present
party-minutes-quorum = Needed for a quorum
party-minutes-agenda = Agenda
party-minutes-presidium = Election of the chair, the secretary and the counting commission
party-minutes-nominate = Nomination of a candidate for akim
party-minutes-elect-delegates = Election of delegates to the higher conference
party-minutes-round = Round
party-minutes-present-short = Present
party-minutes-for = For
party-minutes-against = Against
party-minutes-abstain = Abstained
party-minutes-decision = Decision
party-minutes-adopted = Adopted
party-minutes-not-adopted = Not adopted
party-minutes-tie = Not adopted (a tie)
party-minutes-second-round = Second round
party-minutes-nominee = Candidate nominated: { $name }.
party-minutes-chair = Chair of the conference
party-minutes-secretary = Secretary of the conference


## i11-web
nav-elections = Elections
el-elections-title = Akim elections
el-elections-lead = Elections called: the calendar in local time, candidates and ballots.
el-elections-none = No election has been called yet.
el-election-day = Election day
el-election-level = Level
el-level-district = akims of districts and cities of regional significance
el-level-rural = akims of rural okrugs, villages, settlements and cities of district significance
el-election-called-on = Called on
el-election-called-by = Called by
el-commission-of = territorial election commission of { $territory }
el-election-ruleset = Rule set
el-ruleset-text = rule set text (TOML)
el-ruleset-digest = SHA-256 digest of the rule set text
el-election-contests = Contests by unit
el-election-open-now = Open now
el-call-election = Call an election
el-candidates-link = Registered candidates
el-workbench-link = Commission workbench
el-contest-title = Akim election: { $unit }
el-contest-unit = Unit
el-contest-voters = Voters
el-contest-nominated = Nominated
el-contest-registered = Registered
el-contest-min-warning =
    { NUMBER($count) } { NUMBER($count) ->
        [one] candidate
       *[other] candidates
    } registered, fewer than the minimum of { NUMBER($min) }. The higher-level akim may propose candidates.
el-contest-signatures-needed =
    A self-nomination needs the signatures of at least { NUMBER($count) } { NUMBER($count) ->
        [one] voter
       *[other] voters
    } ({ NUMBER($share) }% of { NUMBER($voters) }, rounded up).
el-contest-candidates = Candidates
el-contest-no-candidates = No candidates yet.
el-self-nominate = Apply for self-nomination
el-party-nominate = Nominate a party candidate
el-candidate-name = Full name
el-candidate-nominated-by = Nominated by
el-candidate-status = Status
el-candidate-number = Reg. no.
el-candidate-born = Year of birth
el-candidate-post = Post
el-candidate-residence = Place of residence
el-candidate-incumbent = sitting akim
el-route-self = self-nominated
el-route-higher-akim = proposed by the higher-level akim
el-status-nominated = nominated
el-status-registered = registered
el-status-refused = registration refused
el-status-cancelled = registration cancelled
el-status-registered-number = registered, no. { NUMBER($number, useGrouping: "false") }
el-calendar-title = Election calendar
el-calendar-local-time = All times are the region's local time ({ $offset }).
el-calendar-open-now = Open now:
el-calendar-step = Step
el-calendar-dates = Dates
el-calendar-state = Status
el-calendar-from = from { $when }
el-calendar-to = until { $when }
el-calendar-phase-past = closed
el-calendar-phase-open = open
el-calendar-phase-upcoming = upcoming
el-calendar-open-days-left =
    { NUMBER($count) ->
        [0] open, last day
        [one] open, { NUMBER($count) } day left
       *[other] open, { NUMBER($count) } days left
    }
el-step-call = Calling the election
el-step-nomination = Nomination of candidates
el-step-signatures = Collection of signatures for self-nominees
el-step-registration = Registration of candidates
el-step-withdrawal = Withdrawal of a candidacy
el-step-campaign = Campaigning
el-step-voting = Voting
el-candidates-title = Registered candidates
el-candidates-lead = Candidates for akim registered by the territorial election commissions.
el-candidates-none = No registered candidates.
el-workbench-title = Commission workbench
el-workbench-lead = Applications awaiting the commission's decision, with the days left until registration closes.
el-workbench-none = No application is awaiting a decision.
el-workbench-days-left =
    { NUMBER($count) ->
        [0] last day
        [one] { NUMBER($count) } day left
       *[other] { NUMBER($count) } days left
    }
el-workbench-deadline-passed = deadline passed
el-workbench-missing = Missing
el-workbench-complete = everything submitted
el-workbench-open = Open
el-nomination-title = Candidate: { $name }
el-nomination-missing-title = What is missing for registration
el-nomination-nothing-missing = Everything needed for registration has been submitted.
el-nomination-documents = Documents
el-document-submitted = submitted
el-document-missing = not submitted
el-nomination-deposit = Election deposit
el-deposit-due = The deposit is { NUMBER($amount) } tenge.
el-deposit-none = not paid
el-deposit-paid = paid on { $date }, payment document no. { $document }, { NUMBER($amount) } tenge
el-nomination-decision = Party decision
el-decision-summary = no. { $document } of { $date }, { $body }
el-nomination-refusal = Ground of refusal
el-nomination-attachments = Attached files
el-form-tick-documents = Tick the documents submitted
el-form-record-deposit = Record the deposit
el-deposit-paid-on = Payment date
el-deposit-document = Payment document number
el-deposit-amount = Amount, tenge
el-form-register = Register the candidate
el-form-refuse = Refuse registration
el-refusal-ground = Ground
el-refusal-text = Explanation
el-form-cancel = Cancel the registration
el-cancel-reason = Reason
el-cancel-withdrawn = the candidate's application to withdraw
el-cancel-recalled = recall by the party
el-form-produce-ballots = Produce the ballots
el-ballots-produced = The ballots have been produced.
el-ballot-changed = A registration was cancelled after the ballots were produced: the ballot must be changed.
el-self-nominate-title = Self-nomination application
el-self-nominate-lead = A candidate for akim applies to stand as a self-nominee. Then the voters' signatures must be collected, the election deposit paid and the documents submitted.
el-party-nominate-title = Party nomination
el-field-contest = Contest
el-field-current-post = Post
el-field-current-post-hint = For example: akim of Uil District
el-field-residence = Place of residence
el-field-incumbent = The candidate is the sitting akim
el-field-incumbent-hint = Tick if the candidate now holds the post of the akim this election fills
el-field-party = Party
el-field-decision-number = Decision number
el-field-decision-date = Decision date
el-field-decision-body = Body that decided
el-field-decision-body-hint = For example: L (50th) extraordinary conference of the Uil district branch
el-field-decision-file = Scan of the decision (PDF, JPEG or PNG)
el-field-date-hint = As YYYY-MM-DD
el-call-title = Call an election
el-call-lead = A territorial election commission calls the akim elections of its units. The calendar is computed from the rule set in the region's local time.
el-field-name-ru = Name in Russian
el-field-name-kk = Name in Kazakh
el-field-name-en = Name in English
el-field-units = Units (KATO codes separated by commas)
el-field-units-hint = For example: 275200000, 276000000
el-field-election-day = Election day
el-field-ruleset = Rule set
el-field-level = Level
el-ballot-title = Ballot
el-ballot-print = Printable ballot page
el-ballot-pdf = Ballot as PDF
el-ballot-in-kk = in Kazakh
el-ballot-in-ru = in Russian
el-ballot-languages = Ballots are printed in Kazakh and in Russian.
el-ballot-print-button = Print
el-ballot-no-candidates = The ballot has no candidates.
el-signatures-title = Signature sheets
el-signatures-upload = Upload signature sheets
el-signatures-upload-hint = CSV or XLSX; the first row is a header with these columns:
el-signatures-protocol = Signature verification protocol
el-signatures-total = Lines in the sheets
el-signatures-valid = Valid signatures
el-signatures-needed = Signatures required
el-signatures-enough = There are enough signatures.
el-signatures-not-enough = There are not enough signatures.
el-signatures-flagged = Flagged lines
el-signatures-sheet-line = Sheet, line
el-signatures-reason = Reason
el-signatures-none = No signature sheets have been uploaded yet.
el-step-higher-akim-proposal = Proposal of candidates by the higher-level akim
el-step-higher-akim-registration = Registration of candidates proposed by the higher-level akim
el-step-ballots = Production of the ballots
el-doc-application = Application agreeing to stand
el-doc-deposit-receipt = Receipt of the election deposit
el-doc-qualification-documents = Documents showing the qualification requirements are met
el-doc-asset-declaration-certificate = Tax authority's certificate that the candidate and spouse filed their asset declarations
el-doc-party-decision = The party's decision to nominate
el-doc-signature-protocol = Signature verification protocol
el-doc-higher-akim-proposal = The higher-level akim's proposal
el-doc-other = Other document
el-contest-below-minimum = fewer than the minimum of candidates
el-qual-citizenship = Citizenship of the Republic of Kazakhstan
el-qual-legal-capacity = Legal capacity
el-qual-civil-service-qualification = Meets the civil-service qualification requirements
el-qual-other = Another requirement of the rule set
el-field-qualifications = Requirements declared as met
el-field-membership = Party membership document
el-field-membership-hint = Number and date of the party card or of the extract from the party's member register
el-date-invalid = Enter a real date as YYYY-MM-DD.
el-ruleset-unknown = Choose a rule set from the list.
el-cancel-reason-unknown = Choose a reason from the list.
el-file-too-large = The file is larger than { NUMBER($max) } MB, the upload limit. Nothing was saved.
el-size-kb = { NUMBER($size) } KB
el-cancel-text = Application
el-cancel-text-hint = Number and date of the candidate's application or of the party's decision
el-signatures-place = Sheet { NUMBER($sheet) }, line { NUMBER($line) }
el-signatures-first-at = first signed on sheet { NUMBER($sheet) }, line { NUMBER($line) }

## i11-finish
clock-simulated-banner = Simulated clock, for tests and demonstrations only: this server's time started at { $start } and now reads { $now }. Nothing done here is a real election.
clock-simulated-footer = This server runs on a simulated clock: the dates and times on its pages and in its ledger are not real.
el-signatures-protocol-pdf = Signature verification protocol as PDF
el-akim-propose = Enter the higher akim's proposal
el-akim-propose-title = Proposal of a candidate by the higher akim
el-akim-propose-lead = When fewer candidates than required are registered, the higher-level akim proposes candidates; the election commission enters the proposal.
el-field-proposal-number = Proposal number
el-field-proposal-date = Proposal date
el-field-proposal-body = Proposed by
el-field-proposal-body-hint = For example: akim of Aktobe Region
el-field-proposal-file = Scan of the proposal (PDF, JPEG or PNG)
account-candidacies = My nominations
## i13-pages
pp-branches-title = Party branches
pp-party-secretaries = Secretaries of the whole party
pp-branch = Branch
pp-secretaries = Secretaries
pp-no-secretary = none
pp-members = Members
pp-conferences = Conferences
pp-conferences-none = No conferences convened in sailau yet.
pp-branch-title = { $party } — { $branch } branch
pp-members-imported = { NUMBER($count) ->
        [one] { NUMBER($count) } member imported.
       *[other] { NUMBER($count) } members imported.
    }
pp-convene-title = Convene the next conference
pp-next-number = Its number
pp-convene = Convene
pp-kind-extraordinary = Extraordinary
pp-kind-regular = Regular
pp-field-kind = Kind
pp-field-held-on = Date
pp-field-held-on-hint = The day the conference is held, for example 2023-09-27 or 27.09.2023.
pp-field-place = Place
pp-field-agenda = Agenda
pp-field-agenda-hint = One item per line.
pp-date-format = Write the date as 2023-09-27 or 27.09.2023.
pp-import-members = Import the member file
pp-import-members-hint = CSV or XLSX with the columns below. Every bad row is listed; nothing is imported unless every row is good.
pp-import = Import
pp-conference-title = { $ordinal } { $kind ->
        [extraordinary] extraordinary conference
       *[other] regular conference
    }
pp-conference-heading = { $title } of the “{ $party }” party branch — { $branch }
pp-count =
    { NUMBER($present) } of { NUMBER($elected) } { NUMBER($elected) ->
        [one] delegate
       *[other] delegates
    } present
pp-quorum-yes = Quorum: yes (at least { NUMBER($needed) })
pp-quorum-no = No quorum (at least { NUMBER($needed) } needed)
pp-why =
    { $rule ->
        [cast] { NUMBER($votes) } for out of { NUMBER($base) } { NUMBER($base) ->
            [one] vote
           *[other] votes
        } cast; more than { NUMBER($half) } needed
        [elected] { NUMBER($votes) } for out of { NUMBER($base) } { NUMBER($base) ->
            [one] delegate
           *[other] delegates
        } elected; more than { NUMBER($half) } needed
        [two_thirds] { NUMBER($votes) } for out of { NUMBER($base) } present; at least two thirds ({ NUMBER($min) }) needed
       *[present] { NUMBER($votes) } for out of { NUMBER($base) } present; more than { NUMBER($half) } needed
    }
pp-adopted = Adopted
pp-adopted-nominee = Adopted: { $name } is the party's nominee
pp-not-adopted = Not adopted
pp-not-adopted-tie = Not adopted: a tie
pp-second-round = A second round between the two with most votes
pp-mode = { $mode ->
        [roll_call] Roll-call vote
        [secret] Secret vote
       *[other] Open vote
    }
pp-subject = { $kind ->
        [presidium] Chair, secretary and counting commission
        [nominate] Nominate a candidate for akim
        [approve_list] Approve a party list
       *[other] Resolution
    }
pp-subject-presidium-title = Election of the chair, the secretary and the counting commission
pp-subject-nominate-title = Nomination of a candidate for akim: { $unit }
pp-subject-elect-delegates-title = Election of delegates to the higher conference
pp-mandate-no = mandate No. { NUMBER($mandate) }
pp-name-hidden = (name shown to the branch secretary)
pp-votes-for-name = For { $name }
pp-choice-none = — did not vote —
pp-choice-for = For
pp-choice-against = Against
pp-choice-abstain = Abstains
pp-field-mandate = Mandate number
pp-field-mandate-hint = A delegate's mandate number.
pp-field-mandates-hint = Mandate numbers separated by commas.
pp-field-subject = Question
pp-field-mode = Voting
pp-field-chair = Chair
pp-field-secretary = Secretary
pp-field-counting-commission = Counting commission
pp-field-unit = Unit
pp-field-unit-hint = The district or city whose akim is elected.
pp-field-contenders = Contenders' party card numbers
pp-field-contenders-hint = Separated by commas, in ballot order. Each must be a member of the party.
pp-field-text = Text of the resolution or title of the list
pp-required-presidium = required when electing the chair, secretary and counting commission
pp-required-nomination = required for a nomination
pp-required-text = required for a resolution or a party list
pp-field-votes-for = For
pp-field-against = Against
pp-field-abstain = Abstained
pp-field-tally = Counts
pp-field-present = Delegates present
pp-field-roll-call = Each delegate's vote
pp-field-contest = Election
pp-contenders-too-many =
    At most { NUMBER($max) } { NUMBER($max) ->
        [one] contender
       *[other] contenders
    }.
pp-contender-not-member = No member of the party has the card number { $card }: the nominee must be a member.
pp-contender-no-person = The member with card { $card } is not in the registry of persons: register the person first.
pp-count-format = Write a whole number of votes.
pp-check-in-title = Check-in at the door
pp-check-in = Check in
pp-checked-in = Checked in
pp-search = Search the roster by name or mandate number
pp-search-button = Search
pp-search-none = No delegate found.
pp-motions = Motions and votes
pp-motions-none = No motion has been put yet.
pp-round = Round
pp-decision = Decision
pp-record-round = Record the vote, round { NUMBER($round) }
pp-record-vote = Record the vote
pp-new-motion = Put a motion
pp-open-motion = Put to the vote
pp-nomination = Nomination
pp-hand-off-title = File the nomination with the territorial commission
pp-hand-off-no-contest = No election has been called for this unit yet.
pp-hand-off = File the nomination
pp-handed-off = Filed with the territorial commission:
pp-nomination-link = the nomination
pp-roster = Delegates
pp-roster-empty = No delegates on the roster yet.
pp-import-roster = Load the roster
pp-import-roster-hint = CSV or XLSX with the columns below; each card must be a member of the party.
pp-delegates-imported = { NUMBER($count) ->
        [one] { NUMBER($count) } delegate loaded.
       *[other] { NUMBER($count) } delegates loaded.
    }
pp-delegate = Delegate
pp-minutes = Minutes
pp-minutes-pdf = Minutes (PDF)
pp-back-to-branch = Back to the branch
## i13-pipeline
party-meeting-taken = This meeting is already recorded.
party-organization-not-below = The primary organization must be the party's branch on a territory within the conference's branch.
party-meeting-after-conference = The meeting must be held on or before the day of the conference.
party-members-present-range =
    Members present must be at least 1 and at most the { NUMBER($members) } { NUMBER($members) ->
        [one] member
       *[other] members
    } of the organization.
party-seats-range = A meeting elects from 1 to 999 delegates.
party-meeting-counts-above-present =
    The votes add up to more than the { NUMBER($attending) } { NUMBER($attending) ->
        [one] member
       *[other] members
    } present.
party-not-of-organization = This member is not a member of the primary organization.
party-plan-not-region = A regional plan is made for a region or a city of republican significance.
party-plan-dates-order = The plan's dates must follow in order: start, primary meetings, district and city conferences, regional conference.
action-record-primary-meeting = recording a meeting of a primary party organization
action-adopt-regional-plan = adopting a region's plan of conferences
role-counting-commission = Member of a counting commission (of a conference or a primary organization)
role-party-delegate = Conference delegate
role-party-member = Party member
pipeline-held = held
pipeline-pending = pending
pipeline-overdue = overdue
action-read-member-record = seeing a party member's record
action-read-delegate-record = seeing a delegate's record
action-read-voter-roster = downloading the roster of members who may vote
scope-conference = Counting commission: { $conference }
scope-member = Party member: { $member }
## i13-finish: the regional dashboard, primary meetings, own records
pp-dashboard = Progress of the conferences
pp-dashboard-link = Progress of the conferences in the region
pp-dashboard-title = { $party } — meetings and conferences in { $region }
pp-dashboard-on = As of { $date }
pp-dashboard-day = Date
pp-dashboard-day-hint = Where things stand on this day: a conference is overdue when its deadline in the plan has passed and it has not been held.
pp-dashboard-show = Show
pp-dashboard-summary = Conferences held: { NUMBER($held) }, pending: { NUMBER($pending) }, overdue: { NUMBER($overdue) }; nominations: { NUMBER($nominations) }.
pp-plan = Plan of the meetings and conferences
pp-plan-none = No plan has been adopted for this region yet: there are no deadlines and no conference is overdue.
pp-plan-starts-on = Starts on
pp-plan-primary-meetings-by = Meetings of the primary party organizations by
pp-plan-district-conferences-by = Conferences of the district and city branches by
pp-plan-regional-conference-by = Regional conference by
pp-plan-adopt-title = Adopt the plan
pp-plan-adopt-hint = The dates run in order: start, meetings of the primary organizations, conferences of the district and city branches, the regional conference. A new plan replaces the previous one.
pp-plan-adopt = Adopt the plan
pp-stages = Conferences of the branches
pp-stages-none = The party has no branches in the region.
pp-conference = Conference
pp-deadline = Deadline
pp-stage-status = Status
pp-meetings = Meetings of primary party organizations
pp-nominations = Nominations
pp-regional-conference = regional conference
pp-not-convened = not convened
pp-meetings-link = Meetings of primary party organizations that elected delegates: { NUMBER($count) }
pp-meetings-title = Meetings of primary party organizations: { $conference } — { $branch }
pp-meetings-none = No meeting has been recorded yet.
pp-meeting-facts = Members present: { NUMBER($members) }; delegate seats: { NUMBER($seats) }; elected: { NUMBER($elected) }.
pp-contender = Contender
pp-elected = Elected
pp-not-elected = not elected
pp-record-meeting = Record a meeting of a primary party organization
pp-record-meeting-hint = Each contender is voted on separately. sailau decides who is elected by the conference's rule and puts them on the list of delegates with the next mandate numbers.
pp-record-meeting-button = Record the meeting
pp-field-organization = Primary party organization
pp-field-organization-hint = The party's branch on a territory below the branch holding the conference.
pp-field-meeting-held-on = Date of the meeting
pp-field-members-present = Members present
pp-field-seats = Delegates to elect
pp-field-seats-hint = From 1 to 999.
pp-field-meeting-contenders = Contenders for delegate and the votes
pp-field-meeting-contenders-hint = Party card number and the votes for, against and abstaining; empty lines are left out.
pp-field-card = Party card number
pp-cell-label = { $field }, line { NUMBER($line) }
pp-own-link = My party member's record
pp-own-conference-link = The conference whose counting commission I sit on
pp-own-party = Party
pp-own-title = Party member: { $member }
pp-own-title-hidden = Party member
pp-own-record = Record
pp-own-name = Full name
pp-own-born = Date of birth
pp-own-joined = Member since
pp-own-record-hidden = Only the member and the secretary of the member's branch see the record.
pp-own-seats = Delegate to conferences
pp-own-seats-none = Not on any conference's list of delegates.
pp-own-check-in = Check-in
pp-own-checked-in = Checked in: { $time }
pp-own-not-checked-in = not checked in
pp-own-roll-calls = Roll-call votes
pp-own-roll-calls-none = There have been no roll-call votes.
pp-own-choice = Vote
pp-scope-unknown = (record erased)
## i12-day
day-field-unknown = “{ $key }” is not a line of this election's protocol.
day-candidate-unknown = No candidate is registered under number { $registration } in this unit.
day-relation-failed = { $en }
day-above-list =
    { NUMBER($value) } is more than the { NUMBER($voters) } { NUMBER($voters) ->
        [one] voter
       *[other] voters
    } on the list.
day-entries-differ = The two entries differ: { $first } in the first, { $second } in this one. Check the paper protocol.
day-protocol-accepted = This precinct's protocol is already accepted. It can be changed only by an amendment with a reason.
day-protocol-not-accepted = This precinct has no accepted protocol yet.
day-amendment-unchanged = The amendment changes no number.
day-same-operator = Double entry needs a second operator: the same account made the other entry.
day-precinct-outside-election = This precinct lies in none of the election's units.
day-polls-not-closed = Protocols are entered after the polls close, { $date } at { $time } local time.
day-turnout-time-unknown = Turnout is reported at { $allowed } only.
day-turnout-too-early = The { $time } report cannot be made before { $time } local time.
day-turnout-reported = This precinct has already reported turnout at { $time }.
day-turnout-order =
    The { $time } report gave { NUMBER($voted) } { NUMBER($voted) ->
        [one] voter
       *[other] voters
    }: turnout never decreases through the day.
action-report-turnout = reporting turnout
action-enter-protocol = entering a precinct protocol
action-amend-protocol = amending a precinct protocol
action-attach-protocol-scan = attaching a protocol scan
action-record-observer-copy = recording an observer's copy
ledger-did-report-turnout = reported turnout
ledger-did-enter-protocol = entered a precinct protocol
ledger-did-amend-protocol = amended a precinct protocol
ledger-did-attach-protocol-scan = attached a scan of a protocol
ledger-did-record-observer-copy = recorded an observer's copy of a protocol
## i12-results
action-certify-results = certifying the results
ledger-did-certify-results = { $actor } certified the results of contest { $contest }.
results-incomplete = { NUMBER($count) ->
    [one] { NUMBER($count) } precinct has no accepted protocol yet: { $missing }.
   *[other] { NUMBER($count) } precincts have no accepted protocol yet: { $missing }.
}
results-already-certified = The results of this contest are already certified.
results-polls-open = The polls have not closed yet: results are certified after the count.
results-title = Results
results-election-title = Results: { $name }
results-region-title = Results in { $region }
results-unit-title = Results: { $unit }
results-precinct-title = Precinct { $precinct }: protocol
results-status-preliminary = Preliminary
results-status-complete = All precincts counted
results-status-certified = Certified by the commission
results-outcome-no-votes = No votes counted yet.
results-outcome-leading = Leading: { $candidate }.
results-outcome-elected = Elected: { $candidate }.
results-outcome-run-off = No candidate has more than half of the votes: a run-off between { $first } and { $second }.
results-outcome-repeat-tie = A tie for first place ({ NUMBER($candidates) }): a repeat election.
results-outcome-repeat-low-turnout = Turnout is below the minimum: a repeat election.
results-outcome-repeat-against-all = "Against all" received more votes than every candidate: a repeat election.
results-against-all-outpolls = "Against all" received more votes than every candidate.
results-precincts-of = { NUMBER($count) } of { NUMBER($total) }
results-precincts = Precincts
results-precinct = Precinct
results-voters = Voters on the list
results-issued = Ballots issued
results-found = Ballots found in the boxes
results-turnout = Turnout
results-invalid = Invalid ballots
results-against-all = Against all
results-regions = Regions
results-region = Region
results-units = Units
results-unit = Unit
results-status = Status
results-outcome = Outcome
results-statistics = Statistics
results-chart-votes = Votes per candidate, share of the ballots found in the boxes
results-votes = Votes
results-candidate = Candidate
results-nominated-by = Nominated by
results-share = Share
results-deposit = Deposit
results-deposit-refunded = refunded
results-route-self-nominated = self-nominated
results-route-higher-akim-proposal = proposed by the higher akim
results-route-party = party
results-protocol = Protocol
results-protocol-accepted = accepted
results-protocol-awaited = not yet received
results-certify = Certify the results
results-certify-button = Certify the results of this unit
results-stat-nominated = Candidates nominated
results-stat-registered = Candidates registered
results-stat-on-ballot = Candidates on the ballots
results-stat-route-party = Registered, nominated by parties
results-stat-route-self-nominated = Registered, self-nominated
results-stat-route-higher-akim-proposal = Registered, proposed by the higher akim
results-stat-gender-female = Registered women
results-stat-gender-male = Registered men
results-stat-parties = Parties with registered candidates
results-stat-winners-new = Winners
results-stat-winners-age = Average age of the winners
results-stat-by-party = Registered candidates by party
results-stat-by-age = Registered candidates by age
results-stat-age-band = aged { $band }
results-stat-winners-by-party = Winners by party
results-stat-winners-by-route = Winners by nomination route
results-stat-no-party = No party
results-stat-incumbents = Re-elected and new akims
results-stat-incumbents-reelected = Sitting akims re-elected
results-stat-new-people = Elected for the first time
results-stat-turnout-bands = Precincts by turnout
results-stat-turnout-band = turnout { $band }%

## merge: ledger lines of the party pipeline
scope-person-unknown = a person no longer in the registry
ledger-did-record-primary-meeting = { $actor } recorded a meeting of a primary party organization and the delegates it elected.
ledger-did-adopt-regional-plan = { $actor } adopted the region's plan of meetings and conferences.

## i12-pages: election-day pages of the commissions and observers
day-title = Election day
day-index-title = Election day: { $name }
day-voting-hours = Voting: { $opens } to { $closes } local time ({ $offset }).
day-report-times = Turnout is reported at
day-no-precincts = None of this election's precincts is in your scope.
day-turnout-reports = Turnout reports
day-actions = Actions
day-turnout-link = Turnout
day-protocol-link = Protocol
day-copy-link = Copy of the protocol
day-status-none = not entered
day-status-pending = awaiting the second entry
day-status-accepted = accepted
day-status-amended = accepted, amended (version { NUMBER($index) })
day-candidate-line = No. { $registration } — { $name }
day-live-above-list = More than the voters on the list
day-turnout-title = Turnout at precinct { $precinct }
day-turnout-time = Time
day-turnout-voted = Voters who have voted
day-reported-at = Reported at
day-not-reported = not reported
day-turnout-report = Report turnout
day-turnout-all-reported = Turnout has been reported at every set time.
day-turnout-submit = Report
day-protocol-title = Protocol of precinct election commission { $precinct }
day-copy-title = Observer's copy of the protocol of precinct { $precinct }
day-public-page = the precinct's public page
day-entries-differ-title = The two entries of the protocol differ
day-entries-differ-lead = The protocol is accepted when two operators enter the same numbers. Check these lines against the paper protocol.
day-line = Protocol line
day-entry-first = First entry
day-entry-second = Second entry
day-awaiting-second-entry = One operator has entered the protocol: it is accepted when a second operator enters the same numbers.
day-versions = Versions of the protocol
day-amend-reason = Reason for the amendment
day-amend-reason-hint = For example: line 7 was copied wrongly from the paper protocol.
day-amend-title = Amend the protocol
day-copy-form = Numbers of the copy
day-enter-title = Enter the protocol
day-copy-lead = Enter the numbers as they are written on the copy handed to you. Any difference from the accepted protocol is shown on the precinct's page.
day-amend-lead = An accepted protocol changes only by an amendment with a reason; both versions are kept and shown to everyone.
day-enter-lead = Enter the numbers of the precinct commission's protocol. The control relations are checked as you type and again when it is saved.
day-enter-lead-double = Enter the numbers of the precinct commission's protocol. It is accepted when a second operator enters the same numbers.
day-protocol-lines = Lines of the protocol
day-amend-submit = Save the amendment
day-copy-submit = Save the copy
day-enter-submit = Save the protocol
day-scans = Scan of the signed protocol
day-no-scans = No scan attached yet.
day-scan-file =
    { $format }, { NUMBER($size) } { NUMBER($size) ->
        [one] byte
       *[other] bytes
    }
day-scan-file-label = Scan or photo file
day-scan-hint = PDF, JPEG or PNG. The ledger records the file's SHA-256 hash.
day-scan-submit = Attach the scan
day-version = Version { NUMBER($index) }
day-import-title = Protocols from a file
day-import-lead = A territorial commission loads the protocols of one region's precincts from a CSV or XLSX file. All rows are accepted or none; each error is shown with its line of the file.
day-imported = { NUMBER($count) ->
    [one] { NUMBER($count) } protocol accepted.
   *[other] { NUMBER($count) } protocols accepted.
}
day-import-columns = Columns of the file
day-import-file = Protocol file
day-import-submit = Load the protocols
day-amendments = Amendments of the protocol
day-copies = Observers' copies of the protocol
day-copy-number = Observer's copy { NUMBER($index) }
day-copy-not-compared = The precinct's protocol is not accepted yet: nothing to compare with.
day-copy-agrees = Agrees with the accepted protocol.
day-copy-differs = Differs from the accepted protocol:
day-copy-protocol = In the protocol
day-copy-copy = In the copy
results-turnout-day = Turnout through the day
results-turnout-chart = Turnout at the set times, as a share of the voters on the lists
results-turnout-reported = Precincts reported
results-turnout-flags = Flags
results-turnout-missing = { NUMBER($count) ->
    [one] { NUMBER($count) } precinct has not reported
   *[other] { NUMBER($count) } precincts have not reported
}
results-turnout-late = { NUMBER($count) ->
    [one] { NUMBER($count) } precinct reported late
   *[other] { NUMBER($count) } precincts reported late
}
results-downloads = Open data
results-download-nist = Results in NIST SP 1500-100 (JSON)
results-download-precincts-csv = Results by polling station (CSV)
results-download-units-csv = Results by unit (CSV)
results-download-precincts-xlsx = Results by polling station (Excel)
results-download-units-xlsx = Results by unit (Excel)
results-download-events = The ledger as a NIST SP 1500-101 event log (JSON)

## i14-primaries: «Праймериз»
role-organizing-committee = Member of a primaries organizing committee
role-trustee = Primaries trustee (key holder)
role-credential-authority = Voting credential authority
prim-campaign-taken = A primaries campaign with this identifier exists already.
prim-campaign-missing = No such primaries campaign.
prim-window-empty = A window must open before it closes.
prim-windows-order = The windows follow each other: registration, debates, online voting.
prim-paper-outside-online = Paper voting must lie within the online voting window.
prim-registration-past = Registration would already be closed.
prim-positions-empty = At least one position is needed.
prim-position-key-format = A position key is 1 to 32 lowercase Latin letters, digits or hyphens.
prim-position-key-twice = Two positions have the same key.
prim-unit-outside-campaign = This unit lies outside the campaign's territory.
prim-seats-range = A list has 1 to 500 seats.
prim-position-missing = The campaign has no such position.
prim-trustees-shape = 1 to 15 different trustees are needed.
prim-threshold-range = The threshold is a whole number from 1 to the number of trustees.
prim-not-trustee = This account is not a primaries trustee.
prim-registration-closed = Registration is open from { $opens } to { $closes }.
prim-contender-taken = A contender with this identifier exists already.
prim-contender-missing = The campaign has no such contender.
prim-contender-twice = This member already stands for this position.
prim-not-member = Only members of the party in this territory may stand.
prim-too-young =
    A contender must be at least { NUMBER($age) } { NUMBER($age) ->
        [one] year
       *[other] years
    } old.
prim-young-mismatch = The young mark does not follow from the member's birth date.
prim-ballot-fixed = The ballot has been fixed (at the latest when online voting opened): its contenders no longer change.
prim-residence-short =
    A contender must have lived at least { NUMBER($years) } { NUMBER($years) ->
        [one] year
       *[other] years
    } in the territory.
prim-criminal-record-undeclared = The contender must declare having no criminal record.
prim-organization-invalid = The nominating organization is not a branch of the party in the campaign's territory.
prim-already-decided = This application has already been decided.
prim-ground-required = Give the ground of the refusal.
prim-not-admitted = The contender is not admitted.
prim-already-out = The contender has already withdrawn or been excluded.
prim-debate-outside-window = Debates are held from { $opens } to { $closes }.
prim-debate-taken = A debate with this identifier exists already.
prim-debate-missing = No such debate.
prim-debate-contenders = A debate needs at least two admitted contenders of its position, each once.
prim-link-format = A link must be the address of a web page (https://…).
prim-attendance-not-due = Attendance is recorded once, after the debate has started.
prim-attendance-shape = Mark every contender of the debate once, as present or absent.
prim-paper-closed = Paper ballots are counted from { $opens } to { $closes }.
prim-paper-count-after-results = The results are final: the trustees have decrypted the online votes. Paper counts are entered before that.
prim-paper-count-twice = This primary organization has already entered its count.
prim-paper-count-shape = A count names each admitted contender of the position once.
prim-paper-counts-above-issued = There are more votes than paper ballots issued ({ NUMBER($issued) }).
prim-paper-ballot-refused = This member cannot be given a paper ballot.
prim-position-without-contenders = No contender is admitted for this position: the ballot cannot be fixed.
prim-ballot-invalid = The verifiable voting protocol does not allow this ballot (too many positions or contenders).
action-fix-ballot = fixing the primaries ballot
ledger-did-fix-ballot = { $actor } fixed the primaries online ballot.
prim-ballot = Online ballot
prim-ballot-not-fixed = The ballot is not fixed yet.
prim-ballot-fixed-hash = The ballot is fixed; the fingerprint of its content (manifest hash): { $hash }.
prim-ballot-fix = Fix the ballot
prim-ballot-fix-confirm = I confirm the ballot; once fixed, it does not change.
prim-ballot-fix-hint = Once fixed, the ballot holds the admitted contenders; no admission, withdrawal or exclusion is possible any more, and the trustees run the key ceremony for this ballot.
prim-apply = Apply to stand
prim-apply-hint = Your age and whether you count as young follow from the birth date in your party member record; your name and birth date are not published in the ledger.
prim-apply-submit = Apply
prim-residence-years = Years you have lived in the territory
prim-declare-no-record = I declare that I have no criminal record
prim-paper-form = A primary organization's paper count
prim-paper-organization = Primary organization
prim-paper-issued = Paper ballots issued
prim-paper-submit = Enter the count
prim-debate-schedule = Schedule a debate
prim-when-hint = Local time: DD.MM.YYYY HH:MM, for example 16.09.2025 11:00.
prim-when-format = Give the date and time as DD.MM.YYYY HH:MM.
prim-attendance-hint = Contenders not ticked are recorded as absent; under the primaries rules missing a mandatory debate means exclusion.
prim-attendance-submit = Record attendance
prim-decide-admit = Admit
prim-decide-refuse = Refuse
prim-required-refusal = required for a refusal
prim-marks = Marks
prim-list-note = Note
prim-online-pending = not decrypted
prim-zone = Local time ({ $offset }).
prim-list-provisional = Provisional.
prim-title = Primaries
prim-none = No primaries have been called yet.
prim-party = Party
prim-territory = Territory
prim-windows = Schedule
prim-window-registration = Registration of contenders
prim-window-debates = Debates
prim-window-online = Online voting
prim-window-paper = Paper voting at primary organizations
prim-window-state-before = ahead
prim-window-state-open = now
prim-window-state-after = over
prim-positions = Positions
prim-position-field = Position
prim-position-akim = nomination for akim
prim-position-list =
    list of { NUMBER($seats) } { NUMBER($seats) ->
        [one] seat
       *[other] seats
    }
prim-contenders = Contenders
prim-no-contenders = No contenders yet.
prim-contender = Contender
prim-name-erased = (personal data erased)
prim-status = Status
prim-status-applied = { $gender ->
    [female] applied
   *[other] applied
}
prim-status-admitted = { $gender ->
    [female] admitted
   *[other] admitted
}
prim-status-refused = { $gender ->
    [female] refused
   *[other] refused
}
prim-status-withdrawn = { $gender ->
    [female] withdrew
   *[other] withdrew
}
prim-status-excluded = { $gender ->
    [female] excluded for missing a mandatory debate
   *[other] excluded for missing a mandatory debate
}
prim-route = Nominated by
prim-route-self = self-nominated
prim-route-organization = primary organization
prim-woman = woman
prim-young = under { NUMBER($age) }
prim-ground = Ground of refusal
prim-debates = Debates
prim-no-debates = No debates scheduled yet.
prim-no-debates-held = No debates were held for this position.
prim-debate-when = Starts
prim-debate-topic = Topic
prim-debate-place = Place
prim-debate-stream = Stream
prim-debate-recording = Recording
prim-debate-present = Took part
prim-debate-absent = Did not come
prim-paper = Paper voting
prim-paper-summary = Primary organizations that entered their counts: { NUMBER($organizations) }; paper ballots issued: { NUMBER($issued) }.
prim-ratings = Ratings
prim-ratings-note = Provisional: the trustees have not decrypted the online votes yet; the ratings and the list show the paper votes only.
prim-rating-overall = Overall rating
prim-rating-women = Rating of women
prim-rating-young = Rating of the young
prim-rank = Rank
prim-votes = Votes
prim-votes-online = online
prim-votes-paper = on paper
prim-list = List balanced by the quotas
prim-list-quotas =
    Quotas: at least { NUMBER($women) } { NUMBER($women) ->
        [one] woman
       *[other] women
    } and at least { NUMBER($young) } { NUMBER($young) ->
        [one] young person
       *[other] young people
    } on a list of { NUMBER($seats) } { NUMBER($seats) ->
        [one] seat
       *[other] seats
    }.
prim-list-met =
    Quotas met: { NUMBER($women) } { NUMBER($women) ->
        [one] woman
       *[other] women
    }, { NUMBER($young) } { NUMBER($young) ->
        [one] young person
       *[other] young people
    }.
prim-list-unmet =
    The contenders do not make the quotas possible: { NUMBER($women) } { NUMBER($women) ->
        [one] woman
       *[other] women
    }, { NUMBER($young) } { NUMBER($young) ->
        [one] young person
       *[other] young people
    }.
prim-list-moved-in = { $gender ->
    [female] taken in by a quota
   *[other] taken in by a quota
}
prim-list-moved-out = { $gender ->
    [female] gave way to a quota
   *[other] gave way to a quota
}
prim-link-open = open
prim-back = All primaries
action-open-campaign = opening a primaries campaign
action-register-contender = registering a primaries contender
action-decide-contender = deciding on a primaries contender
action-withdraw-contender = withdrawing a primaries contender
action-schedule-debate = scheduling a debate
action-record-debate = recording a debate's attendance
action-record-paper-count = entering a primaries paper count
ledger-did-open-campaign = { $actor } opened the primaries «{ $title }».
ledger-did-register-contender = { $actor } registered a primaries contender.
ledger-did-admit-contender = { $actor } admitted a primaries contender.
ledger-did-refuse-contender = { $actor } refused a primaries contender: «{ $ground }».
ledger-did-withdraw-contender = { $actor } withdrew a primaries contender.
ledger-did-schedule-debate = { $actor } scheduled the debate «{ $title }».
ledger-did-record-debate = { $actor } recorded a debate's attendance.
ledger-did-record-paper-count =
    { $actor } entered the paper count of the primary organization «{ $branch }» ({ NUMBER($count) } { NUMBER($count) ->
        [one] ballot
       *[other] ballots
    } issued).

## i14-online: the primaries' verifiable online vote
prim-not-your-trustee = You are not the trustee with this number in this campaign.
prim-ceremony-step-twice = This trustee has already published this file.
prim-ceremony-not-ready = Every trustee must first finish the previous round of the key ceremony.
prim-ceremony-aborted = A complaint aborted the key ceremony: no file is taken until the organizing committee restarts it.
prim-ceremony-not-aborted = The key ceremony is restarted only after a complaint has aborted it.
prim-trustee-count-fixed =
    The restarted ceremony needs { NUMBER($count) } { NUMBER($count) ->
        [one] trustee
       *[other] trustees
    }, as many as the fixed ballot.
prim-ceremony-key-reused = This announcement repeats one from the aborted ceremony: generate new secrets with the trustee's program.
prim-file-refused = The file is refused: the verifiable voting protocol does not accept it (a proof, signature or key does not hold).
prim-credentials-twice = The voting credentials are already published.
prim-credentials-file = The public credentials file is refused: line { NUMBER($line) } breaks the format or the order.
prim-voting-started = Online voting has already opened.
prim-voting-over = Online voting has already closed.
prim-voting-closed = Ballots are taken from { $opens } to { $closes }, until the ballot box is closed.
prim-key-not-published = The trustees have not published the joint key yet: voting has not started.
prim-credentials-not-published = The voting credentials are not published yet.
prim-ballot-replay = This ballot is already on the board or was challenged: encrypt a fresh one.
prim-ballot-refused = The ballot is refused: a proof, the signature or its shape does not hold.
prim-credential-unknown = This voting code is not in the published list: check the code.
prim-not-voter = You are not a member of the party in this campaign's territory.
prim-paper-ballot-taken = You received a paper ballot, so you cannot vote online.
prim-voting-not-over = Online voting has not closed yet.
prim-already-tallied = The ballot box is already closed and tallied.
prim-tally-stale = The board has changed: compute the tally again.
prim-not-tallied = The ballot box has not been tallied yet.
prim-results-published = The results are already published.
prim-shares-too-few =
    Decryption needs the shares of { NUMBER($count) } { NUMBER($count) ->
        [one] trustee
       *[other] trustees
    }.
command-publish-ceremony-file = Key ceremony file
command-restart-ceremony = Restart of the key ceremony
command-publish-credentials = Voting credentials published
command-submit-ballot = Online ballot
command-tally-board = Online votes tallied
command-publish-decryption-share = Decryption share
command-publish-results = Online results published
command-issue-paper-ballot = Paper ballot issued
action-publish-ceremony-file = publishing a key ceremony file
action-restart-ceremony = restarting the key ceremony
action-publish-credentials = publishing the voting credentials
action-submit-ballot = taking a ballot
action-tally-board = tallying the online votes
action-publish-decryption-share = publishing a decryption share
action-publish-results = publishing the online results
action-issue-paper-ballot = issuing a paper ballot
ledger-actor-voter = a voter (anonymous)
ledger-did-publish-ceremony-file = { $actor } published trustee { NUMBER($index) }'s key ceremony file (round { NUMBER($number) } of 3).
ledger-did-publish-complaints = { $actor } published trustee { NUMBER($index) }'s complaints about { NUMBER($count) } { NUMBER($count) ->
    [one] share
   *[other] shares
} dealt to it: the key ceremony is aborted.
ledger-did-restart-ceremony = { $actor } restarted the key ceremony after a complaint, with the trustees { $names }.
ledger-did-publish-credentials =
    { $actor } published { NUMBER($count) } public voting { NUMBER($count) ->
        [one] credential
       *[other] credentials
    }.
ledger-did-submit-ballot = { $actor } cast ballot { $code }.
ledger-did-challenge-ballot = { $actor } challenged ballot { $code }; it is published with its opening and not counted.
ledger-did-tally-board =
    { $actor } closed the ballot box and added up { NUMBER($count) } encrypted { NUMBER($count) ->
        [one] ballot
       *[other] ballots
    }.
ledger-did-publish-decryption-share = { $actor } published trustee { NUMBER($index) }'s decryption share.
ledger-did-publish-results =
    { $actor } published the online results of { NUMBER($count) } { NUMBER($count) ->
        [one] ballot
       *[other] ballots
    }.
ledger-did-issue-paper-ballot = { $actor } issued a paper ballot at «{ $branch }».
prim-online = Online voting
prim-online-status = Progress of the vote
prim-online-yes = yes
prim-online-no = no
prim-online-ballot-fixed = Ballot fixed
prim-online-trustees = Trustees
prim-online-trustees-value = { NUMBER($count) }, { NUMBER($number) } needed to decrypt
prim-online-round = Key ceremony round
prim-online-round-1 = Round 1: keys announced
prim-online-round-2 = Round 2: shares dealt
prim-online-round-3 = Round 3: shares confirmed
prim-online-round-4 = Decryption shares
prim-online-roster = Roster of members for the letters
prim-online-roster-hint = The party members who may vote in this campaign, numbered by card number. Run “sailau credentials generate” with as many codes as the roster has lines: code number N goes in a sealed letter to the member on line N. The roster holds personal data: keep it off the server's machine once the letters are printed.
prim-online-roster-download = Download the roster (CSV)
prim-online-codes-mismatch = Warning: codes and voters differ
prim-online-codes-mismatch-value =
    { NUMBER($count) } voting { NUMBER($count) ->
        [one] code
       *[other] codes
    } counted, but only { NUMBER($number) } { NUMBER($number) ->
        [one] member
       *[other] members
    } voted online: some codes were used from another member's account
prim-online-aborted = Aborted key ceremonies
prim-online-aborted-value = { $state ->
    [yes] the ceremony under way is aborted by a complaint; restarted before: { NUMBER($count) }
   *[no] { NUMBER($count) } aborted and restarted
}
prim-online-complaints = Trustees' complaints
prim-online-complaints-hint = A trustee whose share from another trustee failed its check published a complaint that discloses the share's key, so anyone can judge it. The ceremony is aborted: no key from it will ever be used. The organizing committee restarts it with the disqualified trustee replaced, and every trustee starts again from new secrets.
prim-online-complainant = Complaint by trustee
prim-online-dealer = About the share of trustee
prim-online-verdict = Verdict
prim-online-disqualified = Disqualified
prim-verdict-dealer-cheated = The share does not match its dealer's commitments: the dealer cheated
prim-verdict-unfounded = The share is valid: the complaint is unfounded
prim-verdict-invalid = The complaint's proof does not hold: the complaint is invalid
prim-online-restart-hint = The trustees of the new ceremony, in order, as many as the fixed ballot has: replace the disqualified trustee with another trustee account. The aborted ceremony's files stay in the ledger; the voting record holds only the new ceremony.
prim-online-trustee-n = Trustee { NUMBER($index) } (account)
prim-online-restart = Restart the ceremony
prim-online-key = Joint key published
prim-online-credentials = Public credentials
prim-online-board = Ballot board
prim-online-board-value = Ballots cast: { NUMBER($count) }, of which counted: { NUMBER($number) }; ballots challenged: { NUMBER($index) }
prim-online-participation = Participation register
prim-online-participation-value = Voted online: { NUMBER($count) }; received a paper ballot: { NUMBER($number) }
prim-online-tallied = Ballot box closed and tallied
prim-online-decrypted = Results decrypted
prim-online-joint-key = Joint public key
prim-online-election-hash = Election hash
prim-online-head = Last tracking code
prim-online-record = Download the election record (zip)
prim-online-record-hint = Unzip it and run “sailau verify record”: every check is recomputed independently.
prim-online-ceremony = Key ceremony
prim-online-ceremony-hint = On your own computer run “sailau trustee keygen”, then “share”, then “finalize”, and upload the public file of each round; in round 3 that is the finalized key or, when a share dealt to you fails its check, the complaints file. Never upload your secret file.
prim-online-you-are-trustee = You are trustee { NUMBER($index) }.
prim-online-trustee-number = Trustee number
prim-online-file = File
prim-online-file-hint = The file trustee-N.json, dealt-N.json or finalized-N.json from the election record.
prim-online-file-too-large = The file is too large.
prim-online-upload = Upload
prim-online-round-required = Choose the ceremony round.
prim-online-credentials-upload = Publishing the credentials
prim-online-credentials-hint = Generate the codes with “sailau credentials generate”, hand each party member their code separately from their sign-in, and upload credentials.jsonl with the public credentials. The codes are never stored here.
prim-online-paper-hint = A paper ballot goes to a party member who has not voted online; the participation register is marked.
prim-online-card = Party card number
prim-online-card-unknown = No party member has this card number.
prim-online-organization-required = Choose the primary organization.
prim-online-issue = Issue the ballot
prim-online-tally = Close the ballot box and tally
prim-online-tally-hint = sailau adds up each voter's last ballot while encrypted; then the trustees upload their decryption shares.
prim-online-share-hint = Run “sailau trustee decrypt” on your own computer and upload share-N.json.
prim-online-results-hint = The counts are combined from the decryption shares and checked against the tally before they are published; the ratings then add online and paper votes.
prim-online-publish = Publish the results
prim-vote = Vote
prim-vote-sign-in = Sign in as a party member to vote.
prim-vote-intro = Your ballot is encrypted on your device: the server never sees whom you vote for. You may vote again — the last ballot counts.
prim-vote-code = Voting code
prim-vote-code-hint = The code from the letter handed to you separately from your sign-in: eight groups of four characters.
prim-vote-choose-one = Mark one contender.
prim-vote-choose-up-to =
    Mark one to { NUMBER($count) } { NUMBER($count) ->
        [one] contender
       *[other] contenders
    }.
prim-vote-encrypt = Encrypt the ballot
prim-vote-fingerprint = The ballot's fingerprint
prim-vote-fingerprint-hint = Note the fingerprint's first 16 characters. Cast the ballot, or challenge it: a challenged ballot is opened and never counts, and you find it on the board by those characters; encrypt a fresh one after it.
prim-vote-cast = Cast the ballot
prim-vote-challenge = Check the encryption
prim-vote-cast-done = Ballot accepted
prim-vote-tracking = Your tracking code — find it on the ballot board:
prim-vote-find = Find it on the board
prim-vote-again = If someone forced your vote, vote again later: the last ballot counts.
prim-vote-challenged-done = Ballot challenged; it does not count
prim-vote-challenged-hint = Its encryption is published with its opening; the verification page shows which choice it holds. To vote, encrypt the ballot again.
prim-vote-verify = Open the verification page
prim-vote-noscript = Your ballot is encrypted on your device, so voting needs JavaScript. Without it you can vote with “sailau vote”.
prim-vote-error-bad-credential = The code has a typo: check the characters.
prim-vote-error-wrong-credential = This code is not for this vote.
prim-vote-error-over-vote = More contenders are marked than allowed.
prim-vote-error-under-vote = Mark a contender.
prim-vote-error-unknown-choice = The ballot has no such contender.
prim-vote-error-network = No connection to the server: the ballot was not sent.
prim-vote-error-generic = The ballot could not be prepared.
prim-board = Ballot board
prim-board-intro = Every encrypted ballot is published here in order with its tracking code; none of it tells who voted how.
prim-board-lookup = Find your ballot
prim-board-code = Tracking code or fingerprint
prim-board-code-hint = The first 16 characters (dashes allowed) of a cast ballot's tracking code or of a challenged ballot's fingerprint, or the whole code.
prim-board-code-format = A tracking code or fingerprint is at least 16 hexadecimal digits.
prim-board-find = Find
prim-board-found = Ballot { NUMBER($number) } on the board.
prim-board-found-challenged = Challenged ballot { NUMBER($number) }: opened, it never counts.
prim-board-not-found = No ballot on the board has this code.
prim-board-cast = Cast ballot
prim-board-challenged = Challenged ballots
prim-board-challenged-hint = Ballots whose encryption voters checked: they are opened and never count.
prim-board-empty = None yet.
prim-board-more = Next
prim-board-tracking = Tracking code
prim-board-hash = Fingerprint
prim-board-credential = Public credential
prim-ballot-opening = Opening
prim-ballot-opening-holds = The opening matches the encryption: the ballot holds this choice.
prim-ballot-opening-fails = The opening does not match the encryption: the device encrypted another choice.
prim-ballot-json = The ballot in the record's format
prim-ratings-final = Final: the trustees have decrypted the online votes, and they are added to the paper votes.
prim-vote-error-empty-code = Enter your voting code.
prim-vote-error-signed-out = Your session has ended: sign in again and retry.
prim-file-unreadable = The file does not read: it is not a file of this round in the election record's layout.
prim-submission-unreadable = The ballot does not read: it is not a ballot in the election record's layout.
prim-not-in-organization = This party member does not belong to the chosen primary organization.
prim-paper-issue-closed = Paper ballots are issued from { $opens } to { $closes }.
prim-instant-format = Give the date and time with its time-zone offset, e.g. 2020-10-01T00:00:00+06:00.
prim-preset-unknown = sailau has no primaries rules by this name.
prim-preset-and-rules = Choose a shipped rule set or give the party's own rules, not both.
prim-online-card-required = Enter the party card number.
prim-board-cast-list = Cast ballots
prim-ballot-kind-cast = Cast ballot
prim-ballot-kind-challenged = Challenged ballot
prim-online-record-hint-open = Until the vote is tallied, unzip it and run “sailau verify --incomplete record”: the ceremony, the credentials and every ballot on the board are checked.
prim-vote-over = Online voting closed on { $closes }.
prim-vote-sign-in-link = Sign in
prim-ballot-superseded = A later ballot was cast with the same code: this one does not count, the last one does.

# i14: opening a primaries campaign
prim-open-link = Open a campaign
prim-open-title = Open a primaries campaign
prim-open-lead = The organizing committee sets the positions, the windows in the local time of the territory, the trustees of the key ceremony and the party's rules. Everything is recorded in the ledger as it is.
prim-open-party = Party
prim-open-territory = Territory of the branch (KATO code)
prim-open-territory-hint = The committee's branch: akim positions must lie in its territory.
prim-open-title-ru = Title in Russian
prim-open-title-kk = Title in Kazakh
prim-open-title-en = Title in English
prim-open-positions = Positions
prim-open-positions-hint = Fill in one row per position; empty rows are left out. A campaign with more positions is opened through the API.
prim-open-position-n = Position { NUMBER($number, useGrouping: "false") }
prim-open-pos-kind = Kind of position
prim-open-pos-unit = Unit (KATO code)
prim-open-pos-seats = Places on the list
prim-open-pos-key = Key
prim-open-pos-key-hint = Lowercase Latin letters, digits and hyphens; left empty, it is made from the unit or the row.
prim-open-pos-name-ru = Name in Russian
prim-open-pos-name-kk = Name in Kazakh
prim-open-pos-name-en = Name in English
prim-open-kind-akim = Nominee for akim of a unit
prim-open-kind-list = List (a number of places)
prim-open-windows = Windows
prim-open-windows-hint = Local time of the territory. Registration, then debates, then online voting; paper voting lies within online voting.
prim-open-opens = Opens
prim-open-closes = Closes
prim-open-registration-opens = Registration opens
prim-open-registration-closes = Registration closes
prim-open-debates-opens = Debates open
prim-open-debates-closes = Debates close
prim-open-online-opens = Online voting opens
prim-open-online-closes = Online voting closes
prim-open-paper-opens = Paper voting opens
prim-open-paper-closes = Paper voting closes
prim-open-trustees = Trustees of the key ceremony
prim-open-trustees-hint = Accounts with the trustee role; each runs the ceremony on their own computer.
prim-open-no-trustees = No account has the trustee role yet: an administrator creates them first.
prim-open-threshold = Trustees needed to decrypt
prim-open-threshold-hint = From 1 to the number of trustees chosen.
prim-open-ruleset = Rules of the primaries
prim-open-rules = The party's own rules (TOML)
prim-open-rules-hint = Filled in, they take the place of the rules chosen above.
prim-open-rules-template = To write the party's own rules, start from a shipped set:
prim-open-submit = Open the campaign
prim-preset-amanat-primaries-2020 = AMANAT (Nur Otan), 2020 primaries
prim-withdraw-title = Withdrawal
prim-withdraw-hint = Until the ballot is fixed (at the latest when online voting opens) the contender may withdraw (or the committee records the withdrawal). It cannot be undone.
prim-withdraw-submit = Withdraw the candidacy
prim-withdraw-confirm = I confirm the withdrawal; it cannot be undone.
prim-nominate = Nomination by a primary organization
prim-nominate-card = Party card number of the member
prim-nominate-card-hint = The member nominated, as on their party card.
prim-nominate-organization = Primary organization
prim-nominate-declared = The member has declared that they have no criminal record
prim-nominate-hint = Age and whether the member counts as young follow from the birth date in their member record; names and birth dates are not published in the ledger.
prim-nominate-submit = Nominate
prim-registration-not-over = The ballot is fixed once registration has closed ({ $closes }): until then contenders may still apply.
prim-open-when-akim = for an akim nomination
prim-open-when-list = for a list
prim-nominate-residence = Years the member has lived in the territory

# Titles of the API's problem documents (RFC 9457), by the problem's slug.
problem-title-invalid = The input is not valid
problem-title-bad-request = The request is malformed
problem-title-unsupported-media-type = Unsupported media type
problem-title-payload-too-large = The request body is too large
problem-title-unauthorized = Sign-in required
problem-title-bad-credentials = Wrong username or password
problem-title-forbidden = Not allowed
problem-title-csrf-token = CSRF token missing or wrong
problem-title-not-found = Not found
problem-title-unknown-endpoint = No such API endpoint
problem-title-method-not-allowed = Method not allowed
problem-title-throttled = Too many attempts
problem-title-internal = Internal server error
problem-title-unavailable = Service unavailable
problem-detail-unsupported-media-type = Send the body in a format this address accepts: JSON with Content-Type: application/json; imports take a CSV file or an XLSX workbook.
problem-detail-payload-too-large = The request body is larger than this address accepts.
problem-detail-unknown-endpoint = There is no API endpoint at { $path }; the endpoints are listed in /api/openapi.json.
problem-detail-bad-credentials = The username or the password is wrong (which of them is not said, so that nobody can find out who has an account).
problem-detail-throttled = Too many failed sign-in attempts; try again in { NUMBER($seconds) } s.
problem-detail-internal = The server failed; the cause is logged under reference { $reference }.
problem-detail-unavailable = The database does not answer; try again later.
# The API's wording of a rule where it differs from the pages' (a page shows the message beside
# the field's label; a problem document names the field itself).
problem-message-field-required = The field “{ $field }” needs a value.
# A key given twice in a JSON body.
duplicate-field = The field “{ $field }” is given more than once.
# Malformed path and query parameters of the API, by the rule of the 400 answer.
id-format = The parameter “{ $field }” takes a UUID: groups of 8, 4, 4, 4 and 12 hexadecimal digits joined by hyphens.
person-id-format = The parameter “{ $field }” takes a person's id: a UUID, groups of 8, 4, 4, 4 and 12 hexadecimal digits joined by hyphens.
lang = The parameter “{ $field }” takes the document's language: { $allowed }.
limit-out-of-range = The parameter “{ $field }” takes a whole number from 1 to { NUMBER($max) }.
whole-number-range = The parameter “{ $field }” takes a whole number from 0 to { NUMBER($max) }.
range-invalid = The parameter “{ $field }” takes a whole number from 1.
tracking-code-format = The parameter “{ $field }” takes a tracking code (at least 16 hexadecimal digits, hyphens allowed) or a ballot's fingerprint.
board-kind = The parameter “{ $field }” takes one of: { $allowed }.
page-range = The parameter “from” takes a whole number from 1, and “{ $field }” one from 1 to { NUMBER($max) }.
trustee-number = The parameter “{ $field }” takes a trustee's number from 1 to { NUMBER($max) }.
ceremony-round = The parameter “{ $field }” takes a round of the key ceremony: 1 (keys announced), 2 (shares dealt) or 3 (shares confirmed or complaints).
import-kind-unknown = The parameter “{ $field }” takes the kind of import, one of: { $allowed }.
# The detail of a 404 answer of the API, by what does not exist (the id as given).
problem-not-found-territory = Territory { $id } does not exist.
problem-not-found-precinct = Polling station { $id } does not exist.
problem-not-found-party = Party “{ $id }” does not exist.
problem-not-found-person = Person { $id } does not exist.
problem-not-found-account = Account “{ $id }” does not exist.
problem-not-found-election = Election { $id } does not exist.
problem-not-found-campaign = Primaries campaign { $id } does not exist.
problem-not-found-contender = Primaries contender { $id } does not exist.
problem-not-found-debate = Debate { $id } does not exist.
problem-not-found-meeting = Primary party organization's meeting { $id } does not exist.
problem-not-found-fixed-ballot = The ballot of primaries campaign { $id } is not fixed yet.
problem-not-found-ballot-with-code = No ballot on the board has the code { $id }.
problem-not-found-contest-in-region = The election has no contest in region { $id }.
problem-not-found-contest = Contest { $id } does not exist.
problem-not-found-nomination = Nomination { $id } does not exist.
problem-not-found-attachment = No file with SHA-256 { $id } is attached.
problem-not-found-conference = Conference { $id } does not exist.
problem-not-found-member = Party member { $id } does not exist.
problem-not-found-branch = Party branch { $id } does not exist.
problem-not-found-ledger-entry = The ledger has no entry { $id }.
problem-not-found-record = The record asked for does not exist.
