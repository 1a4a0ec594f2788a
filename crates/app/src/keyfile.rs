//! The ledger signing key on disk: a hex seed in a file readable by its owner only.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sailau_ledger::LedgerSigningKey;

#[derive(Debug, thiserror::Error)]
/// Why the ledger signing key could not be loaded or created.
pub enum KeyFileError {
    #[error("cannot read the ledger key {path}: {source}")]
    /// The key file exists but cannot be read.
    Read {
        /// The key file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    #[error("cannot write the ledger key {path}: {source}")]
    /// A new key file cannot be written.
    Write {
        /// The key file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    #[error("the ledger key {path} is not a 64-digit hex Ed25519 seed: {reason}")]
    /// The file does not hold a key.
    Malformed {
        /// The key file.
        path: PathBuf,
        /// What is wrong with its content.
        reason: String,
    },
}

/// Loads the key at `path`, or creates a new random one there (mode 0600) if there is none.
pub fn load_or_create_key(path: &Path) -> Result<LedgerSigningKey, KeyFileError> {
    match fs::read_to_string(path) {
        Ok(text) => {
            LedgerSigningKey::from_seed_hex(text.trim()).map_err(|e| KeyFileError::Malformed {
                path: path.to_owned(),
                reason: e.to_string(),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = LedgerSigningKey::generate(&mut rand::rng());
            write_key(path, &key)?;
            tracing::info!(path = %path.display(), key_id = %key.key_id(), "created a new ledger signing key");
            Ok(key)
        }
        Err(source) => Err(KeyFileError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// The public key of the key file at `path`.
pub fn read_public_key(path: &Path) -> Result<ed25519_dalek::VerifyingKey, KeyFileError> {
    Ok(read_key(path)?.verifying_key())
}

/// Reads an existing ledger key; unlike [`load_or_create_key`], never creates one (for commands
/// that only read).
pub fn read_key(path: &Path) -> Result<LedgerSigningKey, KeyFileError> {
    let text = fs::read_to_string(path).map_err(|source| KeyFileError::Read {
        path: path.to_owned(),
        source,
    })?;
    LedgerSigningKey::from_seed_hex(text.trim()).map_err(|e| KeyFileError::Malformed {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

fn write_key(path: &Path, key: &LedgerSigningKey) -> Result<(), KeyFileError> {
    let err = |source| KeyFileError::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(err)?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(err)?;
    file.write_all(key.to_seed_hex().as_bytes()).map_err(err)?;
    file.write_all(b"\n").map_err(err)?;
    file.sync_all().map_err(err)?;
    Ok(())
}
