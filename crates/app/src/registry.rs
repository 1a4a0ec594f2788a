//! The registry context in the app: how each registry command finds its target and the facts
//! its rules need, and what it writes. The rules themselves are the domain's.

use sailau_domain::date::local_date;
use sailau_domain::precinct::validate_update_in;
use sailau_domain::registry::{
    CreateBranch, CreateParty, CreatePrecinct, CreateTerritory, RegisterPerson, RenameTerritory,
    UpdateParty, UpdatePrecinct,
};
use sailau_domain::{PrecinctRef, Rule, Target, ValidationErrors};
use sailau_storage::Tx;

use crate::AppError;
use crate::execute::{Ctx, Handler};

impl Handler for CreateTerritory {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        let mut t = Target::default();
        if let Some(p) = &self.territory.parent_code {
            t.territory_path = tx.territory_path(p).await?;
            if t.territory_path.is_empty() {
                t = t.missing("parent_code", Rule::ParentMissing);
            }
        }
        t.territory_path.push(self.territory.code.clone());
        Ok(t)
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let territory = &self.territory;
        let taken = tx.territory(&territory.code).await?.is_some();
        let parent = match &territory.parent_code {
            Some(p) => tx.territory(p).await?,
            None => None,
        };
        let t = territory.validate_new_in(taken, parent.as_ref(), ctx.edition)?;
        let (region, depth) = match &t.parent_code {
            None => (t.code.clone(), 0),
            Some(p) => match tx.territory_region(p).await? {
                Some((region, depth)) => (region, depth + 1),
                None => {
                    return Err(ValidationErrors::one("parent_code", Rule::ParentMissing).into());
                }
            },
        };
        tx.insert_territory(&t, &region, depth).await?;
        Ok(())
    }
}

impl Handler for RenameTerritory {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        let t = Target {
            territory_path: tx.territory_path(&self.code).await?,
            ..Target::default()
        };
        Ok(if t.territory_path.is_empty() {
            t.missing("code", Rule::TerritoryMissing)
        } else {
            t
        })
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        if tx.territory(&self.code).await?.is_none() {
            return Err(ValidationErrors::one("code", Rule::TerritoryMissing).into());
        }
        let names = self.names.validated_in(ctx.edition)?;
        tx.rename_territory(&self.code, &names).await?;
        Ok(())
    }
}

impl Handler for CreatePrecinct {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        let mut t = Target {
            territory_path: tx.territory_path(&self.precinct.territory_code).await?,
            ..Target::default()
        };
        if let Some(region) = t.territory_path.first() {
            t.precinct = Some(PrecinctRef {
                region_code: region.clone(),
                number: self.precinct.number,
            });
        } else {
            t = t.missing("territory_code", Rule::TerritoryMissing);
        }
        Ok(t)
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let precinct = &self.precinct;
        let territory = tx.territory(&precinct.territory_code).await?;
        let region = tx
            .territory_region(&precinct.territory_code)
            .await?
            .map(|(r, _)| r);
        let taken = match &region {
            Some(r) => tx
                .precinct(&PrecinctRef {
                    region_code: r.clone(),
                    number: precinct.number,
                })
                .await?
                .is_some(),
            None => false,
        };
        let p = precinct.validate_in(territory.as_ref(), region.as_ref(), taken, ctx.edition)?;
        tx.insert_precinct(&p).await?;
        Ok(())
    }
}

impl Handler for UpdatePrecinct {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        let mut t = Target::default();
        match tx.precinct(&self.precinct).await? {
            Some(p) => t.territory_path = tx.territory_path(&p.territory_code).await?,
            None => t = t.missing("number", Rule::PrecinctMissing),
        }
        t.precinct = Some(self.precinct.clone());
        Ok(t)
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let existing = tx.precinct(&self.precinct).await?;
        let p = validate_update_in(existing.as_ref(), &self.address, self.voters, ctx.edition)?;
        tx.update_precinct(&p).await?;
        Ok(())
    }
}

impl Handler for CreateParty {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(Target {
            party: Some(self.party.code.clone()),
            ..Target::default()
        })
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let taken = tx.party(&self.party.code).await?.is_some();
        let p = self
            .party
            .validate_with_in(taken, &tx.parties().await?, ctx.edition)?;
        tx.insert_party(&p).await?;
        Ok(())
    }
}

impl Handler for UpdateParty {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(Target {
            party: Some(self.party.code.clone()),
            ..Target::default()
        })
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        if tx.party(&self.party.code).await?.is_none() {
            return Err(ValidationErrors::one("code", Rule::PartyMissing).into());
        }
        let p = self
            .party
            .validate_with_in(false, &tx.parties().await?, ctx.edition)?;
        tx.update_party(&p).await?;
        Ok(())
    }
}

impl Handler for CreateBranch {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        let t = Target {
            party: Some(self.branch.party_code.clone()),
            territory_path: tx.territory_path(&self.branch.territory_code).await?,
            ..Target::default()
        };
        Ok(if t.territory_path.is_empty() {
            t.missing("territory_code", Rule::TerritoryMissing)
        } else {
            t
        })
    }

    async fn apply(&self, tx: &mut Tx, _: &Ctx<'_>) -> Result<(), AppError> {
        let branch = &self.branch;
        let party_exists = tx.party(&branch.party_code).await?.is_some();
        let territory = tx.territory(&branch.territory_code).await?;
        let taken = tx.branch_exists(branch).await?;
        let b = branch.validate(party_exists, territory.as_ref(), taken)?;
        tx.insert_branch(&b).await?;
        Ok(())
    }
}

impl Handler for RegisterPerson {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(Target::default())
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let taken = tx.person(&self.person.id).await?.is_some();
        // A person belongs to no territory: "today" is the national date.
        let today = local_date(ctx.at_ms, None)?;
        let p = self.person.validate_in(taken, today, ctx.edition)?;
        tx.insert_person(&p).await?;
        Ok(())
    }
}
