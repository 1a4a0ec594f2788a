//! The campaign's election record (`docs/verifiable-voting.md` §12), the files `sailau verify`
//! checks, written one file after another into a [`RecordSink`]: a directory ([`DirSink`]) or a
//! zip archive written front to back into any writer ([`ZipSink`]); [`App::record_zip`] streams
//! the archive chunk by chunk ([`RecordZip`], what the web sends as `record.zip` while it is
//! written).
//!
//! The small files (manifest, parameters, the trustees' files, `election.json`, tally, shares,
//! results) are written whole; the big ones (`credentials.jsonl`, `ballots.jsonl`,
//! `challenged.jsonl`: 700,000 lines each at the 2020 primaries' scale, ~3 KB a ballot) line by
//! line from the database, `RECORD_PAGE` (1,000) rows at a time. The database is read on the async
//! side; the sink writes (and the zip compresses) on a blocking thread, fed through a queue of
//! `QUEUE` (2) pieces, so memory stays bounded by a few pages whatever the record's size. A
//! streamed archive leaves the writer's thread through a second queue of `QUEUE` chunks of at
//! most about `CHUNK` (32 KiB) bytes, what each piece compressed to pushed out with it: a reader
//! that does not read stops the writer, which stops the reads.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::Poll;

use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::online::SubmissionKind;
use sailau_record::format::{
    BoardEntry, ChallengedEntry, Complaints, CredentialLine, DealtShares, Finalized, TallyRecord,
};
use sailau_storage::primaries::online::BoardRow;
use sailau_vote::{BallotOpening, EncryptedBallot, TrackingCode};
use serde::Serialize;
use tokio::sync::mpsc;

use super::corrupt;
use crate::{App, AppError};

/// Rows read from the database at a time for the record's line files (credentials, ballots,
/// challenged ballots). A page of ballots is ~3 MB of JSON.
const RECORD_PAGE: u64 = 1_000;

/// Pieces (a file's start, a page's bytes) queued between the database reads and the sink.
const QUEUE: usize = 2;

/// Where the record's files go. The writer calls [`RecordSink::start_file`] for each file in
/// the record's order, then [`RecordSink::write`] any number of times with its bytes (a whole
/// small file, or a page of lines), and [`RecordSink::finish`] once after the last file. It calls
/// them on a blocking thread (`tokio::task::spawn_blocking`), so they may block.
///
/// When the record cannot be written to its end (the database failed, the campaign's ballot is
/// not fixed, the reader of a stream went away), `finish` is never called and the sink is
/// dropped: a half-written directory stays as far as it got, a zip gets no central directory.
pub trait RecordSink: Send + 'static {
    /// What a finished record gives (the number of files for a directory, the archive for a
    /// zip).
    type Output: Send + 'static;

    /// Ends the file being written, if any, and starts the file at `name`: a path relative to
    /// the record's root, `/`-separated (`manifest.json`, `trustees/dealt-1.json`,
    /// `ballots.jsonl`), each name once.
    ///
    /// # Errors
    /// The file could not be created (or the previous one finished).
    fn start_file(&mut self, name: &str) -> io::Result<()>;

    /// Appends `bytes` to the file started last.
    ///
    /// # Errors
    /// The bytes could not be written; no file was started ([`io::ErrorKind::InvalidInput`]).
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;

    /// Ends the last file and the record.
    ///
    /// # Errors
    /// The last file or the record could not be finished.
    fn finish(self) -> io::Result<Self::Output>;
}

fn no_file() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "the record's writer wrote before it started a file",
    )
}

/// The record as a directory, what `sailau verify DIR` reads: each file through a buffered
/// writer of its own, directories made as names need them; `trustees/` and `shares/` made at the
/// end even when empty. The directory should not hold a record already (files of the same
/// names are replaced, others are left as they are).
#[derive(Debug)]
pub struct DirSink {
    dir: PathBuf,
    file: Option<BufWriter<File>>,
    files: usize,
}

impl DirSink {
    /// A sink that writes the record into `dir` (made if missing).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            file: None,
            files: 0,
        }
    }

    fn close(&mut self) -> io::Result<()> {
        if let Some(f) = self.file.take() {
            f.into_inner().map_err(io::IntoInnerError::into_error)?;
        }
        Ok(())
    }
}

impl RecordSink for DirSink {
    /// The number of files written.
    type Output = usize;

    fn start_file(&mut self, name: &str) -> io::Result<()> {
        self.close()?;
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        self.file = Some(BufWriter::with_capacity(1 << 16, File::create(&path)?));
        self.files += 1;
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.as_mut().ok_or_else(no_file)?.write_all(bytes)
    }

    fn finish(mut self) -> io::Result<usize> {
        self.close()?;
        std::fs::create_dir_all(self.dir.join("trustees"))?;
        std::fs::create_dir_all(self.dir.join("shares"))?;
        Ok(self.files)
    }
}

/// Bytes of the archive handed to [`RecordZip`]'s reader at a time, at most about (a chunk ends
/// at the first write that reaches it, or with the piece the record's writer handed over, see
/// [`ZipSink`]'s `write`): a 2 GB record is ~65,000 chunks.
const CHUNK: usize = 32 * 1024;

fn zip_error(e: zip::result::ZipError) -> io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        e => io::Error::other(e),
    }
}

fn zip_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

/// The record as a zip archive written front to back into `W`, never seeking back (the zip
/// crate's streaming writer, `ZipWriter::new_stream`): the entries `record/trustees/` and
/// `record/shares/` (directories) first, then each file as `record/<name>`, deflated, in the
/// writer's order. Each file's sizes and CRC-32 follow its data in a data descriptor (APPNOTE
/// 4.3.9) and are repeated in the central directory at the end, which is what readers use. The
/// line files (`*.jsonl`) are zip64 entries (8-byte sizes in the local header's extra field and
/// in the data descriptor), so that a board beyond 4 GiB still fits; an archive whose central
/// directory starts beyond 4 GiB gets the zip64 end records.
///
/// Dropped before [`RecordSink::finish`] (the record failed, or the reader went away), it writes
/// nothing more into `W`: the zip crate would finish the archive on drop, and a cut record must
/// not end like a whole one.
pub struct ZipSink<W: Write> {
    /// `None` once finished.
    zip: Option<zip::ZipWriter<zip::write::StreamWriter<Gate<W>>>>,
    /// Shared with the [`Gate`]: cleared when the sink is dropped unfinished.
    open: Arc<AtomicBool>,
}

impl<W: Write> std::fmt::Debug for ZipSink<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZipSink")
            .field("finished", &self.zip.is_none())
            .finish_non_exhaustive()
    }
}

impl<W: Write> ZipSink<W> {
    /// A sink writing an archive into `out`, starting with its two directory entries.
    ///
    /// # Errors
    /// `out` failed while the directory entries were written.
    pub fn new(out: W) -> io::Result<Self> {
        let open = Arc::new(AtomicBool::new(true));
        let mut zip = zip::ZipWriter::new_stream(Gate {
            out,
            open: open.clone(),
        });
        zip.add_directory("record/trustees/", zip_options())
            .map_err(zip_error)?;
        zip.add_directory("record/shares/", zip_options())
            .map_err(zip_error)?;
        Ok(Self {
            zip: Some(zip),
            open,
        })
    }

    fn zip(&mut self) -> io::Result<&mut zip::ZipWriter<zip::write::StreamWriter<Gate<W>>>> {
        self.zip.as_mut().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "the record's archive is finished",
            )
        })
    }
}

impl<W: Write> Drop for ZipSink<W> {
    fn drop(&mut self) {
        // Before the zip writer (a field, dropped after this) writes its central directory.
        self.open.store(false, Ordering::Release);
    }
}

impl<W: Write + Send + 'static> RecordSink for ZipSink<W> {
    /// The writer, the archive's last bytes written and flushed into it.
    type Output = W;

    fn start_file(&mut self, name: &str) -> io::Result<()> {
        let options = zip_options().large_file(name.ends_with(".jsonl"));
        self.zip()?
            .start_file(format!("record/{name}"), options)
            .map_err(zip_error)
    }

    /// Compresses `bytes` into the file, then flushes what they compressed to into `W` (a
    /// deflate sync flush, an empty stored block of 5 bytes): each piece the record's writer
    /// hands over (a small file, a page of lines) reaches `W` whole, however well it compresses,
    /// so that a reader of the archive gets its bytes as the pages are read.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let zip = self.zip()?;
        if !zip.is_writing_file() {
            return Err(no_file());
        }
        zip.write_all(bytes)?;
        zip.flush()
    }

    fn finish(mut self) -> io::Result<W> {
        let zip = self.zip.take().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "the record's archive is finished",
            )
        })?;
        let mut out = zip.finish().map_err(zip_error)?.into_inner().out;
        out.flush()?;
        Ok(out)
    }
}

/// What [`ZipSink`] writes through: `out` while the sink is open, nothing (the bytes dropped)
/// once it was dropped unfinished.
struct Gate<W> {
    out: W,
    open: Arc<AtomicBool>,
}

impl<W: Write> Write for Gate<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.open.load(Ordering::Acquire) {
            self.out.write(buf)
        } else {
            Ok(buf.len())
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.open.load(Ordering::Acquire) {
            self.out.flush()
        } else {
            Ok(())
        }
    }
}

/// One chunk of a streamed archive, or why it stopped.
type Chunk = Result<Vec<u8>, AppError>;

/// The archive's bytes, as [`ZipSink`] writes them on its blocking thread, cut into chunks of
/// at most about [`CHUNK`] bytes and sent to [`RecordZip`]: a send waits while [`QUEUE`] chunks wait to
/// be read (back-pressure). Fails with [`io::ErrorKind::BrokenPipe`] once the reader is gone.
struct Chunks {
    to: mpsc::Sender<Chunk>,
    buf: Vec<u8>,
    /// Counts this stream in [`App::record_streams`] until the writer's thread drops it.
    _streaming: Arc<Streaming>,
}

impl Chunks {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.to
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the record's reader went away"))
    }
}

impl Write for Chunks {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(buf.len())
    }

    /// Sends what is buffered ([`ZipSink`] flushes after each piece and after the archive's last
    /// byte).
    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// A record stream in progress, counted in [`App::record_streams`] while it lives.
#[derive(Debug)]
struct Streaming(Arc<AtomicUsize>);

impl Streaming {
    fn start(count: &Arc<AtomicUsize>) -> Arc<Self> {
        count.fetch_add(1, Ordering::AcqRel);
        Arc::new(Self(count.clone()))
    }
}

impl Drop for Streaming {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The campaign's election record as a zip archive ([`ZipSink`]'s layout) coming while it is
/// written: read it chunk by chunk with [`RecordZip::next_chunk`] (or
/// [`RecordZip::poll_chunk`]). The database reads and the writer's thread wait while the reader
/// does not read (at most [`QUEUE`] chunks wait for it), and end when it is dropped.
///
/// The chunks end with `None` after the archive's last byte, or with one `Err` when the record
/// could not be written to its end (the database failed midway): the bytes before it are a cut
/// archive, without its central directory, never a whole one.
#[derive(Debug)]
pub struct RecordZip {
    /// The first chunk, read before [`App::record_zip`] answered.
    first: Option<Vec<u8>>,
    rest: mpsc::Receiver<Chunk>,
}

impl RecordZip {
    /// The next chunk: `Ready(None)` after the last, `Ready(Some(Err))` when the record failed
    /// (nothing follows it). Registers `cx`'s waker while the writer has none ready.
    pub fn poll_chunk(&mut self, cx: &mut std::task::Context<'_>) -> Poll<Option<Chunk>> {
        if let Some(first) = self.first.take() {
            return Poll::Ready(Some(Ok(first)));
        }
        self.rest.poll_recv(cx)
    }

    /// The next chunk, as [`RecordZip::poll_chunk`] gives it.
    pub async fn next_chunk(&mut self) -> Option<Chunk> {
        std::future::poll_fn(|cx| self.poll_chunk(cx)).await
    }
}

/// What the database side hands the sink's thread.
enum Piece {
    /// Start the file of this name.
    Start(String),
    /// Append to it.
    Bytes(Vec<u8>),
    /// The record is complete: finish the sink.
    End,
}

/// Why the database side stopped early.
enum Stop {
    /// Its own error (database, a corrupt row, no fixed ballot).
    App(AppError),
    /// The sink's thread stopped taking pieces: its error is the one to report.
    SinkGone,
}

impl From<AppError> for Stop {
    fn from(e: AppError) -> Self {
        Stop::App(e)
    }
}

impl From<sailau_storage::StorageError> for Stop {
    fn from(e: sailau_storage::StorageError) -> Self {
        Stop::App(e.into())
    }
}

/// The sending end of the queue to the sink's thread.
struct Feed(mpsc::Sender<Piece>);

impl Feed {
    async fn send(&self, piece: Piece) -> Result<(), Stop> {
        self.0.send(piece).await.map_err(|_| Stop::SinkGone)
    }

    async fn start(&self, name: impl Into<String>) -> Result<(), Stop> {
        self.send(Piece::Start(name.into())).await
    }

    async fn bytes(&self, bytes: Vec<u8>) -> Result<(), Stop> {
        self.send(Piece::Bytes(bytes)).await
    }

    /// A small file whole.
    async fn file(&self, name: impl Into<String>, bytes: Vec<u8>) -> Result<(), Stop> {
        self.start(name).await?;
        self.bytes(bytes).await
    }
}

/// The sink's thread: applies the pieces in order; finishes the sink only on [`Piece::End`].
fn drain<S: RecordSink>(
    open: impl FnOnce() -> io::Result<S>,
    mut pieces: mpsc::Receiver<Piece>,
) -> io::Result<S::Output> {
    let mut sink = open()?;
    while let Some(piece) = pieces.blocking_recv() {
        match piece {
            Piece::Start(name) => sink.start_file(&name)?,
            Piece::Bytes(bytes) => sink.write(&bytes)?,
            Piece::End => return sink.finish(),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::Interrupted,
        "the record ended before its last file",
    ))
}

impl App {
    /// Writes the campaign's election record (spec §12) into `dir` (which should not hold one):
    /// what `sailau verify` reads. Gives the number of files written. The big files are written
    /// a page at a time (see [`App::write_record_to`]).
    ///
    /// # Errors
    /// [`AppError::NotFound`] when the ballot is not fixed; [`AppError::Storage`] when the
    /// database fails or holds a row that is no record line; [`AppError::Io`] when a file cannot
    /// be written.
    pub async fn write_record(
        &self,
        campaign: &CampaignId,
        dir: &std::path::Path,
    ) -> Result<usize, AppError> {
        let dir = dir.to_path_buf();
        self.stream_record(campaign, move || Ok(DirSink::new(dir)))
            .await
    }

    /// The campaign's election record as a zip archive ([`ZipSink`]'s layout: entries under
    /// `record/`, `record/trustees/` and `record/shares/` first), streamed while it is written:
    /// the record's files are read from the database and compressed on their own task and
    /// thread, and the archive comes chunk by chunk through the [`RecordZip`], so that its first
    /// bytes can leave long before a 2 GB board is read. Answers once the first chunk is ready
    /// (the directory entries and `manifest.json`, compressed); an error after that ends the
    /// chunks with it (see [`RecordZip`]). Dropping the [`RecordZip`] stops the reads and the
    /// writer (see [`App::record_streams`]).
    ///
    /// # Errors
    /// Before the first chunk, as [`App::write_record`]: [`AppError::NotFound`] when the
    /// campaign's ballot is not fixed, [`AppError::Storage`] when the database fails.
    pub async fn record_zip(&self, campaign: &CampaignId) -> Result<RecordZip, AppError> {
        if self.election_public(campaign).await?.is_none() {
            return Err(AppError::NotFound(
                crate::Thing::FixedBallot,
                campaign.to_string(),
            ));
        }
        let (to, rest) = mpsc::channel(QUEUE);
        let streaming = Streaming::start(&self.record_streams);
        let chunks = Chunks {
            to: to.clone(),
            buf: Vec::with_capacity(CHUNK),
            _streaming: streaming.clone(),
        };
        let (app, campaign) = (self.clone(), *campaign);
        tokio::spawn(async move {
            let _streaming = streaming;
            let written = tokio::select! {
                written = app.stream_record(&campaign, move || ZipSink::new(chunks)) => written,
                // The reader went away: dropping the record's future ends the reads and with
                // them the queue to the writer's thread, which then stops (its sink unfinished).
                () = to.closed() => return,
            };
            if let Err(e) = written {
                // After the writer's last chunk (`stream_record` waited for its thread): the
                // reader sees the record's bytes cut, then why.
                let _ = to.send(Err(e)).await;
            }
        });
        let mut zip = RecordZip { first: None, rest };
        match zip.rest.recv().await {
            Some(Ok(first)) => zip.first = Some(first),
            Some(Err(e)) => return Err(e),
            None => {
                return Err(AppError::Io(io::Error::other(
                    "the record's archive ended before its first byte",
                )));
            }
        }
        Ok(zip)
    }

    /// How many election records are being streamed now ([`App::record_zip`]): each counts
    /// until its database reads and its writer's thread have both ended, whether its archive
    /// was finished, failed, or its reader went away. For monitoring, and for the tests that
    /// check a download's work ends with it.
    pub fn record_streams(&self) -> usize {
        self.record_streams.load(Ordering::Acquire)
    }

    /// Writes the campaign's election record into `sink`: the files of spec §12.1 in this
    /// order — `manifest.json`, `parameters.json`, `trustees/trustee-<i>.json`,
    /// `trustees/dealt-<i>.json`, `trustees/finalized-<j>.json`, `trustees/complaints-<j>.json`
    /// (an aborted ceremony's), `election.json` (once the key is published),
    /// `credentials.jsonl` (always, maybe empty), `ballots.jsonl` and `challenged.jsonl` (when
    /// they hold a line), `tally.json`, `shares/share-<j>.json`, `results.json` (once they
    /// exist). Pretty JSON with a final newline for whole files, one compact JSON text and a
    /// newline per line. The line files are read 1,000 rows at a time and the sink
    /// runs on a blocking thread.
    ///
    /// The board is read page by page outside one transaction, as it is shown: a ballot taken
    /// while the record is written may be in it (before the tally; after it, nothing changes).
    ///
    /// # Errors
    /// As [`App::write_record`]; the sink's errors as [`AppError::Io`].
    pub async fn write_record_to<S: RecordSink>(
        &self,
        campaign: &CampaignId,
        sink: S,
    ) -> Result<S::Output, AppError> {
        self.stream_record(campaign, move || Ok(sink)).await
    }

    /// Opens the sink on a blocking thread, feeds it the record and finishes it.
    async fn stream_record<S: RecordSink>(
        &self,
        campaign: &CampaignId,
        open: impl FnOnce() -> io::Result<S> + Send + 'static,
    ) -> Result<S::Output, AppError> {
        let (tx, rx) = mpsc::channel(QUEUE);
        let writer = tokio::task::spawn_blocking(move || drain(open, rx));
        let feed = Feed(tx);
        let fed = match self.feed_record(campaign, &feed).await {
            Ok(()) => feed.send(Piece::End).await,
            Err(e) => Err(e),
        };
        drop(feed);
        let written = writer
            .await
            .map_err(|e| AppError::Io(io::Error::other(e)))?;
        match fed {
            Err(Stop::App(e)) => Err(e),
            Ok(()) | Err(Stop::SinkGone) => Ok(written?),
        }
    }

    /// The record's files in order (see [`App::write_record_to`]).
    async fn feed_record(&self, campaign: &CampaignId, out: &Feed) -> Result<(), Stop> {
        let Some(public) = self.election_public(campaign).await? else {
            return Err(AppError::NotFound(crate::Thing::FixedBallot, campaign.to_string()).into());
        };
        let row = self.store.online_vote(campaign).await?.unwrap_or_default();
        let v = &row.vote;
        out.file("manifest.json", pretty(&public.manifest)?).await?;
        out.file("parameters.json", pretty(&public.parameters)?)
            .await?;
        for a in &v.announcements {
            out.file(format!("trustees/trustee-{}.json", a.index), pretty(a)?)
                .await?;
        }
        for d in &v.dealt {
            let file = DealtShares {
                dealer: d.dealer,
                shares: d.shares.clone(),
            };
            out.file(format!("trustees/dealt-{}.json", d.dealer), pretty(&file)?)
                .await?;
        }
        for (j, y) in &v.finalized {
            let file = Finalized {
                trustee: *j,
                verification_key: *y,
            };
            out.file(format!("trustees/finalized-{j}.json"), pretty(&file)?)
                .await?;
        }
        // An aborted ceremony's complaints, so that `sailau verify` judges them (spec §4.3; such
        // a record is never counted).
        let mut complainants: Vec<u32> =
            v.complaints.iter().map(|c| c.complaint.recipient).collect();
        complainants.dedup();
        for j in complainants {
            let file = Complaints {
                trustee: j,
                complaints: v
                    .complaints
                    .iter()
                    .filter(|c| c.complaint.recipient == j)
                    .map(|c| c.complaint.clone())
                    .collect(),
            };
            out.file(format!("trustees/complaints-{j}.json"), pretty(&file)?)
                .await?;
        }
        if let Some(e) = &public.election {
            out.file("election.json", pretty(e)?).await?;
        }
        out.start("credentials.jsonl").await?;
        let mut after: Option<String> = None;
        loop {
            let page = self
                .store
                .credentials_page(campaign, after.as_deref(), RECORD_PAGE)
                .await?;
            let mut lines = Vec::new();
            for c in &page {
                let line = CredentialLine {
                    credential: sailau_vote::Point::from_hex(c)
                        .map_err(|e| corrupt("credential", e))?,
                };
                serde_json::to_writer(&mut lines, &line).map_err(|e| corrupt("credential", e))?;
                lines.push(b'\n');
            }
            if !lines.is_empty() {
                out.bytes(lines).await?;
            }
            if (page.len() as u64) < RECORD_PAGE {
                break;
            }
            after = page.into_iter().next_back();
        }
        for (kind, name) in [
            (SubmissionKind::Cast, "ballots.jsonl"),
            (SubmissionKind::Challenged, "challenged.jsonl"),
        ] {
            // Absent when empty (spec §12.1).
            let mut started = false;
            let mut from = 1;
            loop {
                let rows = self
                    .store
                    .board_rows(campaign, kind, from, RECORD_PAGE)
                    .await?;
                let Some(last) = rows.last() else { break };
                from = last.seq + 1;
                let mut lines = Vec::new();
                for r in &rows {
                    board_line(r, &mut lines)?;
                    lines.push(b'\n');
                }
                if !started {
                    out.start(name).await?;
                    started = true;
                }
                out.bytes(lines).await?;
            }
        }
        if let Some(t) = &v.tally {
            let file = TallyRecord {
                board: sailau_record::format::BoardState {
                    entries: t.board.entries,
                    head: t.board.head,
                    voters: t.board.voters,
                    superseded: t.board.superseded,
                },
                tally: t.tally.clone(),
            };
            out.file("tally.json", pretty(&file)?).await?;
        }
        for s in &v.shares {
            out.file(format!("shares/share-{}.json", s.trustee), pretty(s)?)
                .await?;
        }
        if let Some(r) = &v.result {
            out.file("results.json", pretty(r)?).await?;
        }
        Ok(())
    }
}

/// A record file as `sailau-record` writes it: pretty JSON and a final LF (spec §12.2).
fn pretty<T: Serialize>(x: &T) -> Result<Vec<u8>, AppError> {
    let mut b = serde_json::to_vec_pretty(x).map_err(|e| corrupt("record", e))?;
    b.push(b'\n');
    Ok(b)
}

/// Appends a board row as its record line (`ballots.jsonl` or `challenged.jsonl`, without the
/// newline) to `out`.
fn board_line(r: &BoardRow, out: &mut Vec<u8>) -> Result<(), AppError> {
    let body = r
        .body
        .as_deref()
        .ok_or_else(|| corrupt("board", "a ballot's content is missing"))?;
    let ballot: EncryptedBallot = serde_json::from_str(body).map_err(|e| corrupt("ballot", e))?;
    let hash =
        sailau_vote::Hash32::from_hex(&r.ballot_hash).map_err(|e| corrupt("ballot hash", e))?;
    match r.kind {
        SubmissionKind::Cast => {
            let code = r
                .tracking_code
                .as_deref()
                .ok_or_else(|| corrupt("board", "a cast ballot without its tracking code"))?;
            let entry = BoardEntry {
                tracking_code: TrackingCode(
                    sailau_vote::Hash32::from_hex(code).map_err(|e| corrupt("tracking code", e))?,
                ),
                ballot_hash: hash,
                ballot,
            };
            serde_json::to_writer(out, &entry).map_err(|e| corrupt("board", e))
        }
        SubmissionKind::Challenged => {
            let opening: BallotOpening = serde_json::from_str(
                r.opening
                    .as_deref()
                    .ok_or_else(|| corrupt("board", "a challenged ballot without its opening"))?,
            )
            .map_err(|e| corrupt("opening", e))?;
            let entry = ChallengedEntry {
                ballot_hash: hash,
                ballot,
                opening,
            };
            serde_json::to_writer(out, &entry).map_err(|e| corrupt("board", e))
        }
    }
}
