//! The elections context in the app (issue 11). Helper B's i11-core owns this module; i11-sign
//! adds the signature sheets.

pub mod signature_file;
