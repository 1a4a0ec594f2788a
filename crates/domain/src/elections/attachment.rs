//! Attached scans (a party's decision, a deposit receipt): PDF, JPEG or PNG, recognized by their
//! first bytes, within the rule set's size limit. The ledger records the SHA-256, the media type
//! and the size ([`AttachmentMeta`]); the bytes travel beside the command as its
//! [`Private`](crate::command::Private) and are stored in the `attachments` table.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::rules::{AttachmentRules, hex_lower};
use crate::error::{Rule, ValidationErrors};

/// The kinds of file accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    /// `application/pdf` (starts with `%PDF-`).
    #[serde(rename = "application/pdf")]
    Pdf,
    /// `image/jpeg` (starts with FF D8 FF).
    #[serde(rename = "image/jpeg")]
    Jpeg,
    /// `image/png` (starts with the 8-byte PNG signature).
    #[serde(rename = "image/png")]
    Png,
}

impl MediaType {
    /// The media type's name (`application/pdf`).
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
        }
    }

    /// By name.
    pub fn parse(s: &str) -> Option<MediaType> {
        [MediaType::Pdf, MediaType::Jpeg, MediaType::Png]
            .into_iter()
            .find(|m| m.as_str() == s)
    }

    /// What the file's first bytes say it is (PDF 1.7 §7.5.2, JPEG SOI marker + next marker,
    /// PNG §5.2 signature); `None` for anything else.
    pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
        if bytes.starts_with(b"%PDF-") {
            Some(MediaType::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(MediaType::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(MediaType::Png)
        } else {
            None
        }
    }
}

/// What the ledger records of an attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    /// SHA-256 of the bytes, lowercase hex (64 characters).
    pub sha256: String,
    /// The kind of file.
    pub media_type: MediaType,
    /// Size in bytes.
    pub size: u64,
}

/// The bytes of an attachment, carried beside its command and never recorded in the ledger.
#[derive(Clone, PartialEq, Eq)]
pub struct Blob(pub Vec<u8>);

impl std::fmt::Debug for Blob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl AttachmentMeta {
    /// Reads a file: its kind by its first bytes, its size against the limits, its SHA-256.
    /// Errors name the field `file`: an unknown kind ([`Rule::AttachmentType`]), a kind the rule
    /// set does not accept, or a file too large ([`Rule::AttachmentTooLarge`]), all at once.
    pub fn of(bytes: &[u8], limits: &AttachmentRules) -> Result<AttachmentMeta, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        let size = bytes.len() as u64;
        if size == 0 {
            errs.push("file", Rule::FieldRequired);
        }
        if size > limits.max_bytes {
            errs.push(
                "file",
                Rule::AttachmentTooLarge {
                    size,
                    max: limits.max_bytes,
                },
            );
        }
        let kind =
            MediaType::sniff(bytes).filter(|m| limits.media_types.iter().any(|t| t == m.as_str()));
        if size > 0 && kind.is_none() {
            errs.push(
                "file",
                Rule::AttachmentType {
                    allowed: limits.media_types.join(", "),
                },
            );
        }
        errs.into_result()?;
        Ok(AttachmentMeta {
            sha256: hex_lower(&Sha256::digest(bytes)),
            media_type: kind.unwrap_or(MediaType::Pdf),
            size,
        })
    }

    /// Checks a recorded attachment against the rule set's limits (also on replay, without the
    /// bytes): size, accepted kind and the form of the hash.
    pub fn validate(&self, limits: &AttachmentRules) -> Result<(), ValidationErrors> {
        let mut errs = ValidationErrors::new();
        if self.size == 0 {
            errs.push("file", Rule::FieldRequired);
        }
        if self.size > limits.max_bytes {
            errs.push(
                "file",
                Rule::AttachmentTooLarge {
                    size: self.size,
                    max: limits.max_bytes,
                },
            );
        }
        if !limits
            .media_types
            .iter()
            .any(|t| t == self.media_type.as_str())
        {
            errs.push(
                "file",
                Rule::AttachmentType {
                    allowed: limits.media_types.join(", "),
                },
            );
        }
        let hex_ok = self.sha256.len() == 64
            && self
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex_ok {
            errs.push("sha256", Rule::AttachmentMismatch);
        }
        errs.into_result()
    }

    /// Whether `bytes` are exactly the file this records (hash, size and kind).
    pub fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() as u64 == self.size
            && MediaType::sniff(bytes) == Some(self.media_type)
            && hex_lower(&Sha256::digest(bytes)) == self.sha256
    }
}
