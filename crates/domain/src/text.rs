//! Small text rules shared by the registry types.

use crate::error::{Rule, ValidationErrors};

/// Trims `value`; requires it non-empty and at most `max` characters.
pub(crate) fn required(field: &str, value: &str, max: usize) -> Result<String, ValidationErrors> {
    let v = value.trim();
    if v.is_empty() {
        return Err(ValidationErrors::one(field, Rule::FieldRequired));
    }
    limit(field, v, max)
}

/// Trims `value`; empty is allowed; at most `max` characters.
pub(crate) fn optional(field: &str, value: &str, max: usize) -> Result<String, ValidationErrors> {
    limit(field, value.trim(), max)
}

fn limit(field: &str, v: &str, max: usize) -> Result<String, ValidationErrors> {
    if v.chars().count() > max {
        return Err(ValidationErrors::one(field, Rule::FieldTooLong { max }));
    }
    if v.chars().any(|c| c.is_control()) {
        return Err(ValidationErrors::one(field, Rule::TextControlChars));
    }
    Ok(v.to_owned())
}
