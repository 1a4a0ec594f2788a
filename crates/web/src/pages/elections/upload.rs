//! Forms with files (a party's decision scan, signature sheets): the text fields and the files of a
//! `multipart/form-data` body, read whole, with "too large" kept as a fact for the form to answer
//! in words rather than a bare error.

use std::collections::HashMap;

use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::StatusCode;

use crate::pages::Fail;

/// A file of a form.
#[derive(Debug, Clone)]
pub struct File {
    /// The name the browser gave (only a hint of the format: CSV or XLSX).
    pub filename: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// What a multipart form carried.
#[derive(Debug, Default)]
pub struct Upload {
    /// Text fields (the last value of a repeated name wins).
    pub fields: HashMap<String, String>,
    /// Files by field name; a file input left empty is absent.
    pub files: HashMap<String, File>,
    /// The body was larger than the route's limit: the form says so, nothing is done.
    pub too_large: bool,
}

/// Reads a whole multipart body. A malformed body is a 400; a body over the route's limit is
/// [`Upload::too_large`].
pub async fn read(multipart: Result<Multipart, MultipartRejection>) -> Result<Upload, Fail> {
    let mut multipart = multipart.map_err(|_| Fail::BadRequest)?;
    let mut upload = Upload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                upload.too_large = true;
                break;
            }
            Err(_) => return Err(Fail::BadRequest),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                upload.too_large = true;
                break;
            }
            Err(_) => return Err(Fail::BadRequest),
        };
        match filename {
            Some(filename) => {
                if !(filename.is_empty() && bytes.is_empty()) {
                    upload.files.insert(
                        name,
                        File {
                            filename,
                            bytes: bytes.to_vec(),
                        },
                    );
                }
            }
            None => {
                upload
                    .fields
                    .insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    Ok(upload)
}
