//! Key completeness: every key exists in every language, with the same variables.

use std::collections::BTreeSet;

use sailau_i18n::Lang;

use crate::catalog;

/// Keys that other crates rely on by name (the domain's `Rule::key`, the web shell, the brief).
/// Removing or renaming one of these breaks a caller, so it must fail here first.
const REQUIRED: &[&str] = &[
    "site-name",
    "site-tagline",
    "nav-home",
    "nav-territories",
    "nav-precincts",
    "nav-parties",
    "nav-ledger",
    "nav-login",
    "nav-logout",
    "nav-account",
    "nav-administration",
    "nav-language",
    "nav-skip-to-content",
    "home-heading",
    "count-regions",
    "count-precincts",
    "count-voters",
    "count-parties",
    "territory-code",
    "precinct-number",
    "precinct-address",
    "precinct-voters",
    "precinct-territory",
    "party-code",
    "party-full-name",
    "party-short-name",
    "party-branches",
    "person-surname",
    "person-given-name",
    "person-patronymic",
    "person-birth-date",
    "person-gender",
    "gender-male",
    "gender-female",
    "account-scope",
    "form-save",
    "form-cancel",
    "form-add-territory",
    "form-add-precinct",
    "form-import-csv",
    "form-file",
    "form-submit",
    "ledger-entries",
    "ledger-index",
    "ledger-time",
    "ledger-actor",
    "ledger-command",
    "ledger-leaf-hash",
    "ledger-tree-head",
    "ledger-size",
    "ledger-root",
    "ledger-signature",
    "ledger-key-id",
    "ledger-inclusion-proof",
    "ledger-verify-instructions",
    "login-username",
    "login-password",
    "login-wrong-credentials",
    "login-too-many-attempts",
    "login-logged-out",
    "admin-users",
    "admin-add-user",
    "admin-role",
    "admin-scope",
    "admin-password-shown-once",
    "error-not-found-title",
    "error-forbidden-title",
    "error-bad-request-title",
    "error-csrf-title",
    "error-server-title",
    "footer-open-source",
    "footer-verify-ledger",
    // sailau-domain's Rule::key(), one for each rule.
    "field-required",
    "field-too-long",
    "code-format",
    "code-taken",
    "parent-missing",
    "parent-kind-invalid",
    "territory-missing",
    "precinct-territory-kind",
    "precinct-number-format",
    "precinct-number-taken",
    "precinct-missing",
    "voters-out-of-range",
    "party-code-format",
    "party-taken",
    "party-missing",
    "branch-taken",
    "person-birth-date-invalid",
    "person-taken",
    "gender-invalid",
    "username-format",
    "username-taken",
    "account-missing",
    "password-too-short",
    "role-scope-mismatch",
    "role-unknown",
    "kind-unknown",
    "number-format",
    "csv-header-invalid",
    "csv-row-invalid",
    "text-control-chars",
    // issue 6
    "text-invisible-chars",
    "text-char-not-allowed",
    "text-mixed-script",
    "number-not-whole",
    "code-parent-mismatch",
    "party-name-taken",
    "cell-type",
    "import-wrong-file",
    "import-row-width",
    "import-encoding",
    "import-lost-letters",
    "import-read-as",
    "import-too-many-rows",
    "import-utf16-no-bom",
    "import-unreadable-workbook",
    "import-too-large",
    "file-empty",
];

/// Territory kinds, roles and command kinds as the domain spells them; their keys are
/// `<prefix>-` + the name with `_` replaced by `-`.
const KINDS: &[&str] = &[
    "region",
    "republican_city",
    "district",
    "regional_city",
    "rural_okrug",
    "village",
    "settlement",
    "district_city",
];
const ROLES: &[&str] = &[
    "administrator",
    "cec_member",
    "territorial_commission",
    "precinct_commission",
    "party_secretary",
    "candidate",
    "observer",
    "anonymous",
];
const COMMANDS: &[&str] = &[
    "create_territory",
    "rename_territory",
    "create_precinct",
    "update_precinct",
    "create_party",
    "update_party",
    "create_branch",
    "register_person",
    "create_account",
    "change_account_role",
    "set_account_active",
    "change_password",
];

/// Places where a language legitimately leaves a variable out: Kazakh keeps the noun singular after
/// a numeral, so the card labels (`stat-*`) need no `$count` there.
const VARIABLE_EXEMPTIONS: &[(Lang, &str, &str)] = &[
    (Lang::Kk, "stat-regions", "count"),
    (Lang::Kk, "stat-districts", "count"),
    (Lang::Kk, "stat-precincts", "count"),
    (Lang::Kk, "stat-voters", "count"),
    (Lang::Kk, "stat-parties", "count"),
    (Lang::Kk, "stat-entries", "count"),
    // i12-day: a failed control relation carries its text in the three languages (the rule
    // set's own words with the numbers); each catalog shows its own.
    (Lang::Kk, "day-relation-failed", "ru"),
    (Lang::Kk, "day-relation-failed", "en"),
    (Lang::Ru, "day-relation-failed", "kk"),
    (Lang::Ru, "day-relation-failed", "en"),
    (Lang::En, "day-relation-failed", "kk"),
    (Lang::En, "day-relation-failed", "ru"),
];

#[test]
fn every_key_is_in_every_language_and_no_language_has_extras() {
    let catalog = catalog();
    let all: BTreeSet<String> = Lang::ALL.iter().flat_map(|&l| catalog.keys(l)).collect();
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let keys = catalog.keys(lang);
        for key in all.difference(&keys) {
            problems.push(format!("{lang}: missing `{key}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "catalogs differ:\n{}",
        problems.join("\n")
    );
    assert!(all.len() > 250, "suspiciously few keys: {}", all.len());
}

#[test]
fn keys_are_kebab_case() {
    for key in catalog().keys(Lang::Ru) {
        let ok = key.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        assert!(ok, "`{key}` is not kebab-case");
    }
}

#[test]
fn required_keys_exist() {
    let catalog = catalog();
    let mut required: Vec<String> = REQUIRED.iter().map(|k| (*k).to_owned()).collect();
    required.extend(
        KINDS
            .iter()
            .map(|k| format!("territory-kind-{}", k.replace('_', "-"))),
    );
    required.extend(
        ROLES
            .iter()
            .map(|r| format!("role-{}", r.replace('_', "-"))),
    );
    required.extend(
        COMMANDS
            .iter()
            .map(|c| format!("command-{}", c.replace('_', "-"))),
    );
    for lang in Lang::ALL {
        for key in &required {
            assert!(
                catalog.contains(lang, key),
                "{lang}: required key `{key}` is missing"
            );
        }
    }
}

#[test]
fn every_language_uses_the_same_variables() {
    let catalog = catalog();
    let mut problems = Vec::new();
    for key in catalog.keys(Lang::En) {
        let union: BTreeSet<String> = Lang::ALL
            .iter()
            .flat_map(|&l| catalog.variables(l, &key))
            .collect();
        for lang in Lang::ALL {
            let vars = catalog.variables(lang, &key);
            for var in union.difference(&vars) {
                let exempt = VARIABLE_EXEMPTIONS
                    .iter()
                    .any(|(l, k, v)| *l == lang && *k == key && v == var);
                if !exempt {
                    problems.push(format!("{lang}: `{key}` does not use ${var}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "variables differ:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_domain_rules_need_exactly_these_variables() {
    // What sailau-domain's Rule::args() passes; a message must not ask for anything else.
    let expected: &[(&str, &[&str])] = &[
        ("field-required", &[]),
        ("field-too-long", &["max"]),
        ("parent-kind-invalid", &["kind", "parent_kind"]),
        ("precinct-territory-kind", &["kind"]),
        ("voters-out-of-range", &["max"]),
        ("password-too-short", &["min"]),
        ("csv-header-invalid", &["expected"]),
        ("csv-row-invalid", &["line", "reason"]),
        ("code-format", &[]),
        ("username-format", &[]),
        ("text-char-not-allowed", &["character"]),
        ("text-mixed-script", &["word"]),
        ("code-parent-mismatch", &["prefix", "digits"]),
        ("party-name-taken", &["name"]),
        ("cell-type", &["cell", "found", "expected"]),
        ("import-wrong-file", &["kind"]),
        ("import-row-width", &["cells", "expected"]),
        ("import-encoding", &["encoding"]),
        ("import-lost-letters", &["text"]),
        // i11-core
        ("election-window-not-open", &["window", "date", "time"]),
        ("election-window-closed", &["window", "date", "time"]),
        ("election-rule-set-invalid", &["key", "problem", "line"]),
        ("election-rule-set-level", &["level"]),
        ("election-unit-level", &["unit", "level"]),
        ("election-too-few-candidates", &["registered", "min"]),
        ("election-too-young", &["min", "age", "election_day"]),
        ("election-document-missing", &["document"]),
        ("election-deposit-too-low", &["amount", "required", "year"]),
        ("election-signatures-too-few", &["valid", "required"]),
    ];
    for (key, vars) in expected {
        let want: BTreeSet<String> = vars.iter().map(|v| (*v).to_owned()).collect();
        for lang in Lang::ALL {
            assert_eq!(catalog().variables(lang, key), want, "{lang} `{key}`");
        }
    }
}
