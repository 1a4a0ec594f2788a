//! Streaming JSON files: whole-file documents written atomically, and JSON-lines files read and appended one
//! line at a time, so that a record of millions of ballots never has to fit in memory.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{RecordError, Result};

/// Reads a whole-file JSON document.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let file = File::open(path).map_err(|e| RecordError::io(path, e))?;
    serde_json::from_reader(BufReader::new(file)).map_err(|source| RecordError::Json {
        path: path.to_owned(),
        source,
    })
}

/// Reads a whole-file JSON document, or returns `Missing` with `hint` when the file is absent.
pub fn read_json_required<T: DeserializeOwned>(path: &Path, hint: &str) -> Result<T> {
    if !path.exists() {
        return Err(RecordError::Missing {
            path: path.to_owned(),
            hint: hint.to_owned(),
        });
    }
    read_json(path)
}

/// Writes a whole-file JSON document (pretty-printed, newline-terminated) atomically: into a temporary file
/// beside it, flushed and synced, then renamed over the target.
pub fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<()> {
    let tmp = tmp_path(path);
    let file = File::create(&tmp).map_err(|e| RecordError::io(&tmp, e))?;
    let mut out = BufWriter::new(file);
    serde_json::to_writer_pretty(&mut out, value).map_err(|source| RecordError::Json {
        path: path.to_owned(),
        source,
    })?;
    out.write_all(b"\n").map_err(|e| RecordError::io(&tmp, e))?;
    let file = out
        .into_inner()
        .map_err(|e| RecordError::io(&tmp, e.into_error()))?;
    file.sync_all().map_err(|e| RecordError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| RecordError::io(path, e))
}

/// Writes a secret JSON document atomically, readable only by its owner (mode 0600 on Unix). With `fresh`,
/// refuses to overwrite an existing file.
pub fn write_secret_json<T: Serialize + ?Sized>(path: &Path, value: &T, fresh: bool) -> Result<()> {
    if fresh && path.exists() {
        return Err(RecordError::Exists {
            path: path.to_owned(),
            hint: "a secret file is never overwritten".into(),
        });
    }
    let tmp = tmp_path(path);
    let _ = std::fs::remove_file(&tmp);
    let file = secret_options()
        .open(&tmp)
        .map_err(|e| RecordError::io(&tmp, e))?;
    let mut out = BufWriter::new(file);
    serde_json::to_writer_pretty(&mut out, value).map_err(|source| RecordError::Json {
        path: path.to_owned(),
        source,
    })?;
    out.write_all(b"\n").map_err(|e| RecordError::io(&tmp, e))?;
    let file = out
        .into_inner()
        .map_err(|e| RecordError::io(&tmp, e.into_error()))?;
    file.sync_all().map_err(|e| RecordError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| RecordError::io(path, e))
}

/// Options that create a new file readable only by its owner.
pub fn secret_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Writes a whole-file JSON document that must not exist yet (secrets, trustee data): refuses to overwrite.
pub fn write_json_new<T: Serialize + ?Sized>(path: &Path, value: &T, hint: &str) -> Result<()> {
    if path.exists() {
        return Err(RecordError::Exists {
            path: path.to_owned(),
            hint: hint.to_owned(),
        });
    }
    write_json(path, value)
}

fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".tmp");
    path.with_file_name(name)
}

/// One raw line of a JSON-lines file, with where it came from.
#[derive(Debug, Clone)]
pub struct RawLine {
    /// Line number, counted from 1.
    pub line: u64,
    /// Byte offset of the start of the line in the file.
    pub offset: u64,
    /// The line without its terminating newline.
    pub text: String,
}

impl RawLine {
    /// Parses the line as `T`, naming `path` and the line number on failure.
    pub fn parse<T: DeserializeOwned>(&self, path: &Path) -> Result<T> {
        parse_line(path, self.line, &self.text)
    }
}

/// Parses one line of `path` as `T`.
pub fn parse_line<T: DeserializeOwned>(path: &Path, line: u64, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|source| RecordError::JsonLine {
        path: path.to_owned(),
        line,
        source,
    })
}

/// Reads the raw, non-blank lines of a JSON-lines file one by one (blank lines still count in line numbers).
pub struct LineReader {
    path: PathBuf,
    reader: BufReader<File>,
    line: u64,
    offset: u64,
    buf: String,
}

impl LineReader {
    /// Opens `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|e| RecordError::io(path, e))?;
        Ok(Self {
            path: path.to_owned(),
            reader: BufReader::with_capacity(1 << 20, file),
            line: 0,
            offset: 0,
            buf: String::new(),
        })
    }

    /// Opens `path`, or returns an empty reader when the file does not exist.
    pub fn open_or_empty(path: &Path) -> Result<Option<Self>> {
        if path.exists() {
            Self::open(path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The file being read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The next non-blank line, or `None` at the end of the file.
    pub fn next_line(&mut self) -> Result<Option<RawLine>> {
        loop {
            self.buf.clear();
            let n = self
                .reader
                .read_line(&mut self.buf)
                .map_err(|e| RecordError::io(&self.path, e))?;
            if n == 0 {
                return Ok(None);
            }
            let offset = self.offset;
            self.offset += n as u64;
            self.line += 1;
            let text = self.buf.trim_end_matches(['\n', '\r']);
            if text.trim().is_empty() {
                continue;
            }
            return Ok(Some(RawLine {
                line: self.line,
                offset,
                text: text.to_owned(),
            }));
        }
    }

    /// Up to `max` next non-blank lines (fewer only at the end of the file).
    pub fn next_chunk(&mut self, max: usize) -> Result<Vec<RawLine>> {
        let mut chunk = Vec::with_capacity(max);
        while chunk.len() < max {
            match self.next_line()? {
                Some(line) => chunk.push(line),
                None => break,
            }
        }
        Ok(chunk)
    }
}

/// Iterates the lines of a JSON-lines file parsed as `T`, with their line numbers and offsets.
pub struct JsonLines<T> {
    lines: LineReader,
    _marker: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> JsonLines<T> {
    /// Opens `path`.
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Self {
            lines: LineReader::open(path)?,
            _marker: PhantomData,
        })
    }
}

/// One parsed line of a JSON-lines file.
#[derive(Debug, Clone)]
pub struct Line<T> {
    /// Line number, counted from 1.
    pub line: u64,
    /// Byte offset of the start of the line.
    pub offset: u64,
    /// The parsed value.
    pub value: T,
}

impl<T: DeserializeOwned> Iterator for JsonLines<T> {
    type Item = Result<Line<T>>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.lines.next_line() {
            Ok(Some(raw)) => Some(raw.parse(&self.lines.path).map(|value| Line {
                line: raw.line,
                offset: raw.offset,
                value,
            })),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// Reads all lines of a (small) JSON-lines file into memory; a missing file reads as empty.
pub fn read_all<T: DeserializeOwned>(path: &Path) -> Result<Vec<Line<T>>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    JsonLines::open(path)?.collect()
}

/// Reads the single line that starts at byte `offset` of `path` (an offset recorded by a [`LineReader`]).
pub fn read_line_at<T: DeserializeOwned>(path: &Path, offset: u64, line: u64) -> Result<T> {
    let mut file = File::open(path).map_err(|e| RecordError::io(path, e))?;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| RecordError::io(path, e))?;
    let mut reader = BufReader::new(file);
    let mut text = String::new();
    reader
        .read_line(&mut text)
        .map_err(|e| RecordError::io(path, e))?;
    parse_line(path, line, text.trim_end_matches(['\n', '\r']))
}

/// The last non-blank line of `path` (read from the end, so cheap on large files), or `None` when the file is
/// missing or empty.
pub fn last_line(path: &Path) -> Result<Option<String>> {
    let Ok(mut file) = File::open(path) else {
        return Ok(None);
    };
    let len = file.metadata().map_err(|e| RecordError::io(path, e))?.len();
    let mut window: u64 = 4096;
    loop {
        let start = len.saturating_sub(window);
        file.seek(SeekFrom::Start(start))
            .map_err(|e| RecordError::io(path, e))?;
        let mut bytes = Vec::new();
        (&mut file)
            .take(len - start)
            .read_to_end(&mut bytes)
            .map_err(|e| RecordError::io(path, e))?;
        let trimmed_len = bytes
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |p| p + 1);
        let body = bytes.get(..trimmed_len).unwrap_or_default();
        if let Some(nl) = body.iter().rposition(|&b| b == b'\n') {
            let tail = body.get(nl + 1..).unwrap_or_default();
            return Ok(Some(String::from_utf8_lossy(tail).into_owned()));
        }
        if start == 0 {
            return Ok(if body.is_empty() {
                None
            } else {
                Some(String::from_utf8_lossy(body).into_owned())
            });
        }
        window = window.saturating_mul(4);
    }
}

/// Counts the non-blank lines of a file quickly (for progress totals); 0 when the file is missing.
pub fn count_lines(path: &Path) -> Result<u64> {
    let Ok(file) = File::open(path) else {
        return Ok(0);
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut count = 0u64;
    let mut last_was_newline = true;
    loop {
        let buf = reader.fill_buf().map_err(|e| RecordError::io(path, e))?;
        if buf.is_empty() {
            break;
        }
        let mut n = 0u64;
        let mut prev = last_was_newline;
        for &b in buf {
            if b == b'\n' {
                if !prev {
                    n += 1;
                }
                prev = true;
            } else if !b.is_ascii_whitespace() {
                prev = false;
            }
        }
        last_was_newline = prev;
        count += n;
        let len = buf.len();
        reader.consume(len);
    }
    if !last_was_newline {
        count += 1;
    }
    Ok(count)
}

/// Appends values to a JSON-lines file, one compact JSON document per line.
pub struct JsonLinesWriter {
    path: PathBuf,
    out: BufWriter<File>,
}

impl JsonLinesWriter {
    /// Opens `path` for appending (creating it if needed).
    pub fn append(path: &Path) -> Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| RecordError::io(path, e))?;
        Ok(Self {
            path: path.to_owned(),
            out: BufWriter::with_capacity(1 << 20, file),
        })
    }

    /// Creates (or truncates) `path`.
    pub fn create(path: &Path) -> Result<Self> {
        let file = File::create(path).map_err(|e| RecordError::io(path, e))?;
        Ok(Self {
            path: path.to_owned(),
            out: BufWriter::with_capacity(1 << 20, file),
        })
    }

    /// Creates `path`, refusing to overwrite an existing file.
    pub fn create_new(path: &Path, hint: &str) -> Result<Self> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    RecordError::Exists {
                        path: path.to_owned(),
                        hint: hint.to_owned(),
                    }
                } else {
                    RecordError::io(path, e)
                }
            })?;
        Ok(Self {
            path: path.to_owned(),
            out: BufWriter::with_capacity(1 << 20, file),
        })
    }

    /// Appends one value as one line.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(|source| RecordError::Json {
            path: self.path.clone(),
            source,
        })?;
        self.out
            .write_all(b"\n")
            .map_err(|e| RecordError::io(&self.path, e))
    }

    /// Appends one pre-serialized line (it must not contain a newline).
    pub fn write_raw(&mut self, line: &str) -> Result<()> {
        self.out
            .write_all(line.as_bytes())
            .map_err(|e| RecordError::io(&self.path, e))?;
        self.out
            .write_all(b"\n")
            .map_err(|e| RecordError::io(&self.path, e))
    }

    /// Flushes buffered lines and syncs the file to disk.
    pub fn finish(self) -> Result<()> {
        let path = self.path;
        let file = self
            .out
            .into_inner()
            .map_err(|e| RecordError::io(&path, e.into_error()))?;
        file.sync_all().map_err(|e| RecordError::io(&path, e))
    }
}
