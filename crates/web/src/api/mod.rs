//! The JSON API.
use axum::Router;

use crate::WebState;

pub fn router() -> Router<WebState> {
    Router::new()
}
