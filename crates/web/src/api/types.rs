//! Types shared by the API's resources: enumerations as the API spells them, the ledger position
//! of a change, and helpers that turn request text into domain values, collecting every broken
//! rule.

use sailau_app::Applied;
use sailau_domain::{
    Gender, PartyCode, PersonId, PrecinctRef, Role, Rule, Scope, TerritoryCode, TerritoryKind,
    Username, ValidationErrors,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::problem::Problem;

/// A domain enumeration as the API spells it: serialized as its name, documented in OpenAPI as a
/// string enumeration listing every variant's name (from the domain's own list, so a new variant
/// appears in the document without a second list here).
macro_rules! api_enum {
    ($(#[doc = $doc:literal])* $name:ident($domain:ty)) => {
        api_enum!($(#[doc = $doc])* $name($domain) in <$domain>::ALL);
    };
    ($(#[doc = $doc:literal])* $name:ident($domain:ty) in $all:expr) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name(pub $domain);

        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                $name(value)
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0.as_str())
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(concat!($($doc),*).trim()))
                    .enum_values(Some($all.iter().map(|v: &$domain| v.as_str())))
                    .into()
            }
        }

        impl ToSchema for $name {}
    };
}

api_enum! {
    /// The kinds of territory.
    TerritoryKindName(TerritoryKind)
}

api_enum! {
    /// The roles of accounts.
    RoleName(Role)
}

api_enum! {
    /// A person's gender.
    GenderName(Gender)
}

pub(crate) use api_enum;

/// Where an accepted change sits in the public ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct LedgerPosition {
    /// The entry's index (from 0): GET /api/ledger/proof/inclusion?index=… proves it.
    pub index: u64,
    /// The tree root just after the entry, as 64 hex characters.
    pub root: String,
}

impl From<Applied> for LedgerPosition {
    fn from(a: Applied) -> Self {
        LedgerPosition {
            index: a.index,
            root: sailau_ledger::hash_to_hex(&a.root),
        }
    }
}

/// Collects the broken rules of several fields; [`Fields::finish`] gives 422 naming every one.
#[derive(Debug, Default)]
pub struct Fields(ValidationErrors);

impl Fields {
    /// No broken rule yet.
    pub fn new() -> Fields {
        Fields::default()
    }

    /// The value, or `None` with the rule recorded against `field`.
    pub fn take<T>(&mut self, field: &str, r: Result<T, Rule>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(rule) => {
                self.0.push(field, rule);
                None
            }
        }
    }

    /// A territory code from `s`, or `None` with the rule recorded against `field`.
    pub fn territory_code(&mut self, field: &str, s: &str) -> Option<TerritoryCode> {
        self.take(field, TerritoryCode::parse(s))
    }

    /// A party code from `s`, or `None` with the rule recorded against `field`.
    pub fn party_code(&mut self, field: &str, s: &str) -> Option<PartyCode> {
        self.take(field, PartyCode::parse(s))
    }

    /// A username from `s`, or `None` with the rule recorded against `field`.
    pub fn username(&mut self, field: &str, s: &str) -> Option<Username> {
        self.take(field, Username::parse(s))
    }

    /// A role from its name, or `None` with the rule recorded against `field`.
    pub fn role(&mut self, field: &str, s: &str) -> Option<Role> {
        self.take(field, s.parse::<Role>())
    }

    /// A scope from its textual form, or `None` with the rule recorded against `field`.
    pub fn scope(&mut self, field: &str, s: &str) -> Option<Scope> {
        self.take(field, Scope::parse(s))
    }

    /// Whether no rule was broken yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a field at or under `prefix` (`windows`, `trustees`) is broken.
    pub fn broken_under(&self, prefix: &str) -> bool {
        self.0.0.iter().any(|e| e.field.starts_with(prefix))
    }

    /// The rules broken so far.
    pub fn into_errors(self) -> ValidationErrors {
        self.0
    }

    /// Ok when no rule was broken (then every `Option` taken above is `Some`).
    pub fn finish(self) -> Result<(), Problem> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Problem::invalid(&self.0))
        }
    }
}

/// Unwraps values that [`Fields::finish`] has vouched for.
pub fn all<T>(v: Option<T>) -> Result<T, Problem> {
    v.ok_or_else(|| Problem::internal(&"a checked field was missing"))
}

/// The OpenAPI patterns of identifiers, exactly what the domain's parsers accept (path and query
/// parameters are taken without surrounding spaces).
pub const TERRITORY_CODE_PATTERN: &str = "^[0-9]{9}$";
/// 2–32 characters, lowercase Latin letters, digits and hyphens, no hyphen at either end.
pub const PARTY_CODE_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$";
/// 3–64 characters: a–z, 0–9, dot, hyphen, underscore.
pub const USERNAME_PATTERN: &str = "^[a-z0-9._-]{3,64}$";

/// A path or query identifier as given: surrounding spaces are not part of any pattern.
fn exact<T>(field: &str, s: &str, parse: impl Fn(&str) -> Result<T, Rule>) -> Result<T, Problem> {
    let parsed = if s.trim() == s {
        parse(s)
    } else {
        // Let the parser name the rule, then refuse anyway.
        parse("").and(Err(Rule::FieldRequired))
    };
    parsed.map_err(|r| {
        let args = crate::problem::rule_args(field, &r);
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        Problem::bad_parameter(field, r.key(), r.english(), &args)
    })
}

/// Path identifiers: malformed → 400 naming the parameter.
pub fn path_territory(code: &str) -> Result<TerritoryCode, Problem> {
    exact("code", code, TerritoryCode::parse)
}

/// A territory code in a query parameter named `field`.
pub fn query_territory(field: &str, code: &str) -> Result<TerritoryCode, Problem> {
    exact(field, code, TerritoryCode::parse)
}

/// A party code in the path: malformed → 400 naming `code`.
pub fn path_party(code: &str) -> Result<PartyCode, Problem> {
    exact("code", code, PartyCode::parse)
}

/// A username in the path: malformed → 400 naming `username`.
pub fn path_username(name: &str) -> Result<Username, Problem> {
    exact("username", name, Username::parse)
}

/// A precinct in the path (region code and number): malformed → 400 naming the parameter.
pub fn path_precinct(region: &str, number: &str) -> Result<PrecinctRef, Problem> {
    let region_code = exact("region", region, TerritoryCode::parse)?;
    let number = exact("number", number, |n| {
        if n.bytes().all(|b| b.is_ascii_digit()) {
            sailau_domain::precinct::parse_number(n)
        } else {
            Err(Rule::PrecinctNumberFormat)
        }
    })?;
    Ok(PrecinctRef {
        region_code,
        number,
    })
}

/// A person id in the path (a hyphenated UUID): malformed → 400 naming `id`.
pub fn path_person(id: &str) -> Result<PersonId, Problem> {
    // Only the hyphenated form that `format: uuid` means.
    let hyphenated = if id.len() == 36 { id } else { "" };
    uuid::Uuid::parse_str(hyphenated)
        .map(PersonId)
        .map_err(|_| Problem::bad_parameter("id", "person-id-format", "a person id is a UUID", &[]))
}
