//! Streaming JSON files: whole-file documents written atomically, and JSON-lines files read and appended one
//! line at a time, so that a record of millions of ballots never has to fit in memory.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{RecordError, Result};

/// Reads a whole-file JSON document, strictly (spec §12): one JSON text, structs as objects with exactly the
/// fields the spec names, nothing after it but white space.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = std::fs::read_to_string(path).map_err(|e| RecordError::io(path, e))?;
    crate::strict::from_str(&text).map_err(|source| RecordError::Json {
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

/// What is wrong with the framing of a line of a JSON-lines file (spec §12: every line, the last one included,
/// is one JSON object terminated by LF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineDefect {
    /// Empty, or only white space.
    Blank,
    /// The file's last line has no terminating LF (an interrupted write leaves this).
    Unterminated,
    /// The bytes are not UTF-8.
    NotUtf8,
}

impl LineDefect {
    /// What the defect is, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            LineDefect::Blank => "blank line: every line must hold one JSON object",
            LineDefect::Unterminated => {
                "the last line does not end with a newline (LF): an interrupted write?"
            }
            LineDefect::NotUtf8 => "the line is not UTF-8",
        }
    }

    /// Whether the line holds nothing to read (blank or not text); an unterminated line is still read.
    pub fn is_empty(self) -> bool {
        !matches!(self, LineDefect::Unterminated)
    }
}

/// One raw line of a JSON-lines file, with where it came from.
#[derive(Debug, Clone)]
pub struct RawLine {
    /// Line number, counted from 1 (every LF-terminated line counts, blank ones too).
    pub line: u64,
    /// Byte offset of the start of the line in the file.
    pub offset: u64,
    /// The line without its terminating LF (lossily decoded when it is not UTF-8).
    pub text: String,
    /// A framing defect, if any.
    pub defect: Option<LineDefect>,
}

impl RawLine {
    /// Parses the line strictly as `T`, naming `path` and the line number on failure; a line with a framing
    /// defect is an error too.
    pub fn parse<T: DeserializeOwned>(&self, path: &Path) -> Result<T> {
        self.check(path)?;
        parse_line(path, self.line, &self.text)
    }

    /// Like [`RawLine::parse`], but fields that `T` does not name are skipped.
    pub fn parse_partial<T: DeserializeOwned>(&self, path: &Path) -> Result<T> {
        self.check(path)?;
        crate::strict::from_str_partial(&self.text).map_err(|source| RecordError::JsonLine {
            path: path.to_owned(),
            line: self.line,
            source,
        })
    }

    /// An error when the line has a framing defect.
    pub fn check(&self, path: &Path) -> Result<()> {
        match self.defect {
            None => Ok(()),
            Some(defect) => Err(RecordError::Malformed {
                path: path.to_owned(),
                line: self.line,
                message: defect.describe().to_owned(),
            }),
        }
    }
}

/// Parses one line of `path` strictly as `T`.
pub fn parse_line<T: DeserializeOwned>(path: &Path, line: u64, text: &str) -> Result<T> {
    crate::strict::from_str(text).map_err(|source| RecordError::JsonLine {
        path: path.to_owned(),
        line,
        source,
    })
}

/// Reads the raw lines of a JSON-lines file one by one, each with its framing defect if any.
pub struct LineReader {
    path: PathBuf,
    reader: BufReader<File>,
    line: u64,
    offset: u64,
    buf: Vec<u8>,
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
            buf: Vec::new(),
        })
    }

    /// Opens `path`, or returns `None` when the file does not exist.
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

    /// The next line, or `None` at the end of the file.
    pub fn next_line(&mut self) -> Result<Option<RawLine>> {
        self.buf.clear();
        let n = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| RecordError::io(&self.path, e))?;
        if n == 0 {
            return Ok(None);
        }
        let offset = self.offset;
        self.offset += n as u64;
        self.line += 1;
        let terminated = self.buf.last() == Some(&b'\n');
        if terminated {
            self.buf.pop();
        }
        let bytes = std::mem::take(&mut self.buf);
        let (text, utf8) = match String::from_utf8(bytes) {
            Ok(text) => (text, true),
            Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
        };
        let defect = if !utf8 {
            Some(LineDefect::NotUtf8)
        } else if text.trim_matches([' ', '\t', '\r']).is_empty() {
            Some(LineDefect::Blank)
        } else if !terminated {
            Some(LineDefect::Unterminated)
        } else {
            None
        };
        Ok(Some(RawLine {
            line: self.line,
            offset,
            text,
            defect,
        }))
    }

    /// Up to `max` next lines (fewer only at the end of the file).
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

/// Reads the single line that starts at byte `offset` of `path` (an offset recorded by a [`LineReader`]) as `T`,
/// skipping fields `T` does not name (for the fast partial readers).
pub fn read_line_at<T: DeserializeOwned>(path: &Path, offset: u64, line: u64) -> Result<T> {
    let mut file = File::open(path).map_err(|e| RecordError::io(path, e))?;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| RecordError::io(path, e))?;
    let mut reader = BufReader::new(file);
    let mut text = String::new();
    reader
        .read_line(&mut text)
        .map_err(|e| RecordError::io(path, e))?;
    let text = text.strip_suffix('\n').unwrap_or(&text);
    crate::strict::from_str_partial(text).map_err(|source| RecordError::JsonLine {
        path: path.to_owned(),
        line,
        source,
    })
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
