//! The signature sheets of a self-nomination: the verification protocol's counts, the flagged
//! lines (the commission only) and the upload of the sheets.

use sailau_app::elections::NominationView;

use super::nomination::SignaturesView;
use crate::WebState;
use crate::pages::{Fail, FormState, Page};

/// The signatures section of a nomination's page (`None` when the route has no signatures).
pub async fn section(
    _page: &Page,
    _state: &WebState,
    _nv: &NominationView,
    _given: (&str, FormState),
) -> Result<Option<SignaturesView>, Fail> {
    Ok(None)
}
