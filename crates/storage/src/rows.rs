//! Mapping between rows and domain types, and the queries shared by pool reads and transactions.

use sailau_domain::{
    Account, Branch, Gender, Names, Party, PartyCode, Person, PersonId, Precinct, PrecinctRef,
    Role, Scope, Territory, TerritoryCode, TerritoryKind, Username,
};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::{Result, StorageError};

fn corrupt(what: &str, e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt(format!("{what}: {e}"))
}

/// `$first, $first+1, …`: `n` numbered placeholders for an `IN (…)` list or a multi-row
/// insert (only these are ever spliced into SQL).
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `items` in runs of `max` rows, the rest in falling powers of two (37 = 32 + 4 + 1), for a
/// multi-row insert: a statement then takes at most log₂ `max` + 1 shapes, each prepared once per
/// connection and kept in sqlx's statement cache (100 a connection), instead of one shape per
/// length that the cache cannot hold and that PostgreSQL parses and plans anew each time
/// (issue 14, measure 1: a tenth of the server's work per ballot). `max` is a power of two.
pub(crate) fn runs<T>(mut items: &[T], max: usize) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        if items.is_empty() {
            return None;
        }
        let n = if items.len() >= max {
            max
        } else {
            1 << items.len().ilog2()
        };
        let (run, rest) = items.split_at(n);
        items = rest;
        Some(run)
    })
}

/// `items` (not empty) padded to the next power of two by repeating its last item, for an
/// `IN (…)` list: the same rows come back, and a list takes at most log₂ of its longest + 1
/// shapes of statement (see [`runs`]).
pub(crate) fn padded<T: Clone>(items: &[T]) -> Vec<T> {
    let mut out = items.to_vec();
    if let Some(last) = items.last() {
        out.resize(items.len().next_power_of_two(), last.clone());
    }
    out
}

pub(crate) fn u32_of(v: i64, what: &str) -> Result<u32> {
    u32::try_from(v).map_err(|e| corrupt(what, e))
}

pub(crate) fn u64_of(v: i64, what: &str) -> Result<u64> {
    u64::try_from(v).map_err(|e| corrupt(what, e))
}

pub(crate) fn i64_of(v: u64) -> Result<i64> {
    i64::try_from(v).map_err(|e| corrupt("integer out of range", e))
}

pub(crate) fn code_of(s: &str) -> Result<TerritoryCode> {
    TerritoryCode::parse(s).map_err(|e| corrupt("territory code", e.english()))
}

pub(crate) const TERRITORY_COLS: &str = "code, parent_code, kind, name_ru, name_kk, name_en";

pub(crate) fn territory(row: &AnyRow) -> Result<Territory> {
    let parent: Option<String> = row.try_get("parent_code")?;
    let kind: String = row.try_get("kind")?;
    Ok(Territory {
        code: code_of(&row.try_get::<String, _>("code")?)?,
        parent_code: parent.as_deref().map(code_of).transpose()?,
        kind: kind
            .parse::<TerritoryKind>()
            .map_err(|e| corrupt("territory kind", e.english()))?,
        names: Names {
            ru: row.try_get("name_ru")?,
            kk: row.try_get("name_kk")?,
            en: row.try_get("name_en")?,
        },
    })
}

pub(crate) const PRECINCT_COLS: &str = "region_code, number, territory_code, address, voters";

pub(crate) fn precinct(row: &AnyRow) -> Result<Precinct> {
    Ok(Precinct {
        region_code: code_of(&row.try_get::<String, _>("region_code")?)?,
        number: u32_of(row.try_get("number")?, "precinct number")?,
        territory_code: code_of(&row.try_get::<String, _>("territory_code")?)?,
        address: row.try_get("address")?,
        voters: u32_of(row.try_get("voters")?, "voters")?,
    })
}

pub(crate) const PARTY_COLS: &str = "code, name_ru, name_kk, name_en, short_name";

pub(crate) fn party(row: &AnyRow) -> Result<Party> {
    let code: String = row.try_get("code")?;
    Ok(Party {
        code: PartyCode::parse(&code).map_err(|e| corrupt("party code", e.english()))?,
        name_ru: row.try_get("name_ru")?,
        name_kk: row.try_get("name_kk")?,
        name_en: row.try_get("name_en")?,
        short_name: row.try_get("short_name")?,
    })
}

pub(crate) fn branch(row: &AnyRow) -> Result<Branch> {
    let party: String = row.try_get("party_code")?;
    Ok(Branch {
        party_code: PartyCode::parse(&party).map_err(|e| corrupt("party code", e.english()))?,
        territory_code: code_of(&row.try_get::<String, _>("territory_code")?)?,
    })
}

pub(crate) const PERSON_COLS: &str = "id, surname, given_name, patronymic, birth_date, gender";

pub(crate) fn person(row: &AnyRow) -> Result<Person> {
    let id: String = row.try_get("id")?;
    let birth: String = row.try_get("birth_date")?;
    let gender: String = row.try_get("gender")?;
    Ok(Person {
        id: PersonId(uuid::Uuid::parse_str(&id).map_err(|e| corrupt("person id", e))?),
        surname: row.try_get("surname")?,
        given_name: row.try_get("given_name")?,
        patronymic: row.try_get("patronymic")?,
        birth_date: birth.parse().map_err(|e| corrupt("birth date", e))?,
        gender: Gender::parse(&gender).map_err(|e| corrupt("gender", e.english()))?,
    })
}

pub(crate) const ACCOUNT_COLS: &str = "username, display_name, role, scope, active";

pub(crate) fn account(row: &AnyRow) -> Result<Account> {
    let username: String = row.try_get("username")?;
    let role: String = row.try_get("role")?;
    let scope: String = row.try_get("scope")?;
    let active: i64 = row.try_get("active")?;
    Ok(Account {
        username: Username::parse(&username).map_err(|e| corrupt("username", e.english()))?,
        display_name: row.try_get("display_name")?,
        role: role
            .parse::<Role>()
            .map_err(|e| corrupt("role", e.english()))?,
        scope: Scope::parse(&scope).map_err(|e| corrupt("scope", e.english()))?,
        active: active != 0,
    })
}

// ---- queries usable on the pool and inside a transaction ----

pub(crate) async fn get_territory<'e, E: Executor<'e, Database = Any>>(
    e: E,
    code: &TerritoryCode,
) -> Result<Option<Territory>> {
    let sql = const_format(
        "SELECT ",
        TERRITORY_COLS,
        " FROM territories WHERE code = $1",
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(code.as_str())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(territory).transpose()
}

/// The region (top ancestor) and depth of a territory, if it exists.
pub(crate) async fn territory_region<'e, E: Executor<'e, Database = Any>>(
    e: E,
    code: &TerritoryCode,
) -> Result<Option<(TerritoryCode, u32)>> {
    let row = sqlx::query("SELECT region_code, depth FROM territories WHERE code = $1")
        .bind(code.as_str())
        .fetch_optional(e)
        .await?;
    match row {
        None => Ok(None),
        Some(r) => Ok(Some((
            code_of(&r.try_get::<String, _>("region_code")?)?,
            u32_of(r.try_get("depth")?, "depth")?,
        ))),
    }
}

pub(crate) async fn get_precinct<'e, E: Executor<'e, Database = Any>>(
    e: E,
    r: &PrecinctRef,
) -> Result<Option<Precinct>> {
    let sql = const_format(
        "SELECT ",
        PRECINCT_COLS,
        " FROM precincts WHERE region_code = $1 AND number = $2",
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(r.region_code.as_str())
        .bind(i64::from(r.number))
        .fetch_optional(e)
        .await?;
    row.as_ref().map(precinct).transpose()
}

pub(crate) async fn get_party<'e, E: Executor<'e, Database = Any>>(
    e: E,
    code: &PartyCode,
) -> Result<Option<Party>> {
    let sql = const_format("SELECT ", PARTY_COLS, " FROM parties WHERE code = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(code.as_str())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(party).transpose()
}

pub(crate) async fn get_person<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &PersonId,
) -> Result<Option<Person>> {
    let sql = const_format("SELECT ", PERSON_COLS, " FROM persons WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0.to_string())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(person).transpose()
}

pub(crate) async fn get_account<'e, E: Executor<'e, Database = Any>>(
    e: E,
    username: &Username,
) -> Result<Option<Account>> {
    let sql = const_format(
        "SELECT ",
        ACCOUNT_COLS,
        " FROM accounts WHERE username = $1",
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(username.as_str())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(account).transpose()
}

pub(crate) async fn branch_exists<'e, E: Executor<'e, Database = Any>>(
    e: E,
    b: &Branch,
) -> Result<bool> {
    let row =
        sqlx::query("SELECT 1 AS one FROM branches WHERE party_code = $1 AND territory_code = $2")
            .bind(b.party_code.as_str())
            .bind(b.territory_code.as_str())
            .fetch_optional(e)
            .await?;
    Ok(row.is_some())
}

/// Joins the parts of a query that are all compile-time constants.
pub(crate) fn const_format(a: &str, b: &str, c: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + c.len());
    s.push_str(a);
    s.push_str(b);
    s.push_str(c);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_whole_chunks_then_falling_powers_of_two() {
        let items: Vec<u32> = (0..101).collect();
        let lens: Vec<usize> = runs(&items, 32).map(<[u32]>::len).collect();
        assert_eq!(lens, [32, 32, 32, 4, 1]);
        let back: Vec<u32> = runs(&items, 32).flatten().copied().collect();
        assert_eq!(back, items);
        assert_eq!(runs::<u32>(&[], 32).count(), 0);
        // Every length from 1 to 1,000 uses only the 6 shapes 1, 2, 4, …, 32.
        for n in 1..1000 {
            let items = vec![0u8; n];
            assert!(runs(&items, 32).all(|r| r.len().is_power_of_two() && r.len() <= 32));
        }
    }

    #[test]
    fn padded_lists_repeat_their_last_item() {
        assert_eq!(padded(&["a", "b", "c"]), ["a", "b", "c", "c"]);
        assert_eq!(padded(&["a"]), ["a"]);
        assert_eq!(padded(&[1, 2, 3, 4]), [1, 2, 3, 4]);
        assert!(padded::<u8>(&[]).is_empty());
    }
}
