//! Reads for pages, the API and the replay check.

use sailau_domain::{
    Account, Branch, Party, PartyCode, Person, PersonId, Precinct, PrecinctRef, Territory,
    TerritoryCode, Username,
};
use serde::Serialize;
use sqlx::Row;

use crate::rows::{self, const_format, u64_of};
use crate::{Result, Store};

/// Headline numbers of the registry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RegistryCounts {
    pub regions: u64,
    pub territories: u64,
    pub precincts: u64,
    pub voters: u64,
    pub parties: u64,
    pub branches: u64,
    pub persons: u64,
    pub accounts: u64,
}

/// Precincts and voters within a territory's subtree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TerritoryStats {
    pub precincts: u64,
    pub voters: u64,
    pub children: u64,
}

/// Every registry table, in key order, as domain values: what a replay of the ledger must reproduce.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryDump {
    pub territories: Vec<Territory>,
    pub precincts: Vec<Precinct>,
    pub parties: Vec<Party>,
    pub branches: Vec<Branch>,
    pub persons: Vec<Person>,
    pub accounts: Vec<Account>,
    /// Elections (issue 11), latest election day first.
    pub elections: Vec<sailau_domain::elections::Election>,
    /// Their contests, by election and unit.
    pub contests: Vec<sailau_domain::elections::Contest>,
    /// Their nominations, by election, unit and filing order.
    pub nominations: Vec<sailau_domain::elections::Nomination>,
}

impl Store {
    pub async fn territory(&self, code: &TerritoryCode) -> Result<Option<Territory>> {
        rows::get_territory(self.pool(), code).await
    }

    /// Territories whose parent is `parent` (top-level ones for None), ordered by Russian name.
    pub async fn territory_children(
        &self,
        parent: Option<&TerritoryCode>,
    ) -> Result<Vec<Territory>> {
        let rows = match parent {
            Some(p) => {
                let sql = const_format(
                    "SELECT ",
                    rows::TERRITORY_COLS,
                    " FROM territories WHERE parent_code = $1 ORDER BY name_ru, code",
                );
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(p.as_str())
                    .fetch_all(self.pool())
                    .await?
            }
            None => {
                let sql = const_format(
                    "SELECT ",
                    rows::TERRITORY_COLS,
                    " FROM territories WHERE parent_code IS NULL ORDER BY name_ru, code",
                );
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .fetch_all(self.pool())
                    .await?
            }
        };
        rows.iter().map(rows::territory).collect()
    }

    /// All territories, ordered by code.
    pub async fn territories(&self) -> Result<Vec<Territory>> {
        let sql = const_format(
            "SELECT ",
            rows::TERRITORY_COLS,
            " FROM territories ORDER BY code",
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::territory).collect()
    }

    /// Territories whose code starts with, or whose name in any language contains, `q`
    /// (case-insensitive for Latin and Cyrillic letters).
    pub async fn search_territories(&self, q: &str, limit: u32) -> Result<Vec<Territory>> {
        let q = q.trim();
        if q.is_empty() {
            return Ok(Vec::new());
        }
        // SQLite's LOWER() folds ASCII only, so fold in Rust over a bounded scan of the table.
        let needle = q.to_lowercase();
        let all = self.territories().await?;
        Ok(all
            .into_iter()
            .filter(|t| {
                t.code.as_str().starts_with(q)
                    || [&t.names.ru, &t.names.kk, &t.names.en]
                        .iter()
                        .any(|n| n.to_lowercase().contains(&needle))
            })
            .take(limit as usize)
            .collect())
    }

    /// Ancestors of a territory, from the region down to its parent.
    pub async fn territory_ancestors(&self, code: &TerritoryCode) -> Result<Vec<Territory>> {
        let mut out = Vec::new();
        let mut next = self.territory(code).await?.and_then(|t| t.parent_code);
        while let Some(c) = next {
            if out.len() > 16 {
                break;
            }
            match self.territory(&c).await? {
                Some(t) => {
                    next = t.parent_code.clone();
                    out.push(t);
                }
                None => break,
            }
        }
        out.reverse();
        Ok(out)
    }

    /// Precincts, children and voters of a territory and everything under it (one query over the subtree).
    pub async fn territory_stats(&self, code: &TerritoryCode) -> Result<TerritoryStats> {
        let row = sqlx::query(
            "WITH RECURSIVE subtree(code) AS ( \
               SELECT code FROM territories WHERE code = $1 \
               UNION ALL \
               SELECT t.code FROM territories t JOIN subtree s ON t.parent_code = s.code \
             ) \
             SELECT COUNT(p.number) AS n, CAST(COALESCE(SUM(p.voters), 0) AS BIGINT) AS v, \
               (SELECT COUNT(*) FROM territories WHERE parent_code = $1) AS children \
             FROM precincts p JOIN subtree s ON p.territory_code = s.code",
        )
        .bind(code.as_str())
        .fetch_one(self.pool())
        .await?;
        Ok(TerritoryStats {
            precincts: u64_of(row.try_get("n")?, "count")?,
            voters: u64_of(row.try_get("v")?, "sum")?,
            children: u64_of(row.try_get("children")?, "count")?,
        })
    }

    /// Precincts belonging directly to a territory, by number.
    pub async fn precincts_of(&self, territory: &TerritoryCode) -> Result<Vec<Precinct>> {
        let sql = const_format(
            "SELECT ",
            rows::PRECINCT_COLS,
            " FROM precincts WHERE territory_code = $1 ORDER BY number",
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(territory.as_str())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::precinct).collect()
    }

    /// Precincts of a region, by number.
    pub async fn precincts_in_region(
        &self,
        region: &TerritoryCode,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Precinct>> {
        let sql = const_format(
            "SELECT ",
            rows::PRECINCT_COLS,
            " FROM precincts WHERE region_code = $1 ORDER BY number LIMIT $2 OFFSET $3",
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(region.as_str())
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::precinct).collect()
    }

    /// A page of all precincts, by region and number.
    pub async fn precincts_page(&self, limit: u32, offset: u32) -> Result<Vec<Precinct>> {
        let sql = const_format(
            "SELECT ",
            rows::PRECINCT_COLS,
            " FROM precincts ORDER BY region_code, number LIMIT $1 OFFSET $2",
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::precinct).collect()
    }

    pub async fn precinct(&self, r: &PrecinctRef) -> Result<Option<Precinct>> {
        rows::get_precinct(self.pool(), r).await
    }

    pub async fn parties(&self) -> Result<Vec<Party>> {
        let sql = const_format("SELECT ", rows::PARTY_COLS, " FROM parties ORDER BY code");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::party).collect()
    }

    pub async fn party(&self, code: &PartyCode) -> Result<Option<Party>> {
        rows::get_party(self.pool(), code).await
    }

    /// A party's branches, by territory code.
    pub async fn branches_of(&self, party: &PartyCode) -> Result<Vec<Branch>> {
        let rows = sqlx::query("SELECT party_code, territory_code FROM branches WHERE party_code = $1 ORDER BY territory_code")
            .bind(party.as_str())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::branch).collect()
    }

    pub async fn persons(&self, limit: u32, offset: u32) -> Result<Vec<Person>> {
        let sql = const_format(
            "SELECT ",
            rows::PERSON_COLS,
            " FROM persons ORDER BY surname, given_name, id LIMIT $1 OFFSET $2",
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::person).collect()
    }

    pub async fn person(&self, id: &PersonId) -> Result<Option<Person>> {
        rows::get_person(self.pool(), id).await
    }

    pub async fn accounts(&self) -> Result<Vec<Account>> {
        let sql = const_format(
            "SELECT ",
            rows::ACCOUNT_COLS,
            " FROM accounts ORDER BY username",
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rows::account).collect()
    }

    pub async fn account(&self, username: &Username) -> Result<Option<Account>> {
        rows::get_account(self.pool(), username).await
    }

    pub async fn counts(&self) -> Result<RegistryCounts> {
        let row = sqlx::query(
            "SELECT \
               (SELECT COUNT(*) FROM territories WHERE parent_code IS NULL) AS regions, \
               (SELECT COUNT(*) FROM territories) AS territories, \
               (SELECT COUNT(*) FROM precincts) AS precincts, \
               (SELECT CAST(COALESCE(SUM(voters), 0) AS BIGINT) FROM precincts) AS voters, \
               (SELECT COUNT(*) FROM parties) AS parties, \
               (SELECT COUNT(*) FROM branches) AS branches, \
               (SELECT COUNT(*) FROM persons) AS persons, \
               (SELECT COUNT(*) FROM accounts) AS accounts",
        )
        .fetch_one(self.pool())
        .await?;
        let get = |name: &str| -> Result<u64> { u64_of(row.try_get(name)?, name) };
        Ok(RegistryCounts {
            regions: get("regions")?,
            territories: get("territories")?,
            precincts: get("precincts")?,
            voters: get("voters")?,
            parties: get("parties")?,
            branches: get("branches")?,
            persons: get("persons")?,
            accounts: get("accounts")?,
        })
    }

    /// Every registry table in key order (for comparing with a replay of the ledger).
    pub async fn dump_registry(&self) -> Result<RegistryDump> {
        let precincts = {
            let sql = const_format(
                "SELECT ",
                rows::PRECINCT_COLS,
                " FROM precincts ORDER BY region_code, number",
            );
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(self.pool())
                .await?;
            rows.iter()
                .map(rows::precinct)
                .collect::<Result<Vec<_>>>()?
        };
        let branches = {
            let rows = sqlx::query("SELECT party_code, territory_code FROM branches ORDER BY party_code, territory_code")
                .fetch_all(self.pool())
                .await?;
            rows.iter().map(rows::branch).collect::<Result<Vec<_>>>()?
        };
        let persons = {
            let sql = const_format("SELECT ", rows::PERSON_COLS, " FROM persons ORDER BY id");
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(self.pool())
                .await?;
            rows.iter().map(rows::person).collect::<Result<Vec<_>>>()?
        };
        let elections = self.elections().await?;
        let mut contests = Vec::new();
        let mut nominations = Vec::new();
        for e in &elections {
            contests.extend(self.contests_of(&e.id).await?);
            nominations.extend(self.election_nominations(&e.id).await?);
        }
        Ok(RegistryDump {
            territories: self.territories().await?,
            precincts,
            parties: self.parties().await?,
            branches,
            persons,
            accounts: self.accounts().await?,
            elections,
            contests,
            nominations,
        })
    }

    /// Region code and depth of every territory, in code order: derived columns a replay must also reproduce.
    pub async fn territory_placement(&self) -> Result<Vec<(TerritoryCode, TerritoryCode, u32)>> {
        let rows = sqlx::query("SELECT code, region_code, depth FROM territories ORDER BY code")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    rows::code_of(&r.try_get::<String, _>("code")?)?,
                    rows::code_of(&r.try_get::<String, _>("region_code")?)?,
                    rows::u32_of(r.try_get("depth")?, "depth")?,
                ))
            })
            .collect()
    }
}
