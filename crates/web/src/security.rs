//! Security headers.
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

pub async fn headers(req: Request, next: Next) -> Response {
    next.run(req).await
}
