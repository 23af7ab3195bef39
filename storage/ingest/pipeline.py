"""Ingest source files into the database: each file in short batches, all of it or, after a crash, resumed.

Inputs are files and directories (walked recursively, in name order):

- ``.txt``: the OCR text of one newspaper page, parsed by `storage.ingest.ocr_page.parse_page`;
- ``.jsonl``: JSON Lines, one article per line (`storage.ingest.jsonl`).

Page metadata (source, year, publication date) comes from the ``manifest.json`` next to the file
(`storage.ingest.manifest`); the ``year``/``source`` arguments win over it. Within a directory other files are
skipped and reported; a file named explicitly with another extension is an error.

A file is read and parsed completely before anything is written: a file that cannot be read or parsed
changes nothing, and the files after it still go in. Its articles are then stored and indexed in batches
of `BATCH_SIZE` (`POSTGRES_BATCH_SIZE` on PostgreSQL), each batch one short write transaction, so other writers (the bot's chat commands, the
inbox, the digest ledger) never wait more than one batch for the write lock:

1. **prepare** (no lock held): the index documents of the batch's articles that are not stored yet
   (`storage.database.index.prepare_document`, the costly part: segmentation, summaries);
2. **write** (one ``BEGIN IMMEDIATE`` transaction): store the articles (`upsert_articles`), write their
   index rows, and record the batch in the file's import record (`storage.records.imports`).

All or nothing per file is kept by the import record, which is committed with every batch: a run that
stops in the middle of a file (kill -9, power loss, a database error) leaves the database sound, with the
file's first batches stored and the record saying how many. **The next ingest of the same file resumes**
after them, so the file ends fully imported; its report counts the whole file. `unfinished_imports` lists
the files still waiting for that rerun. The report lists every file's outcome.

A JSON Lines file with malformed lines fails whole (its error names the first bad line and lists the
others) unless `skip_bad_lines` is set: then its good records go in and each skipped line is reported.
An OCR page reports how many of its stories have an inferred title (no printed headline was found).

Caps (`storage.ingest.limits`): an article longer than `MAX_ARTICLE_CHARS` (a JSONL record, or a story an
OCR page was cut into) is refused and reported with its line and size, the file's other articles going in;
an OCR page longer than `MAX_PAGE_CHARS`, or with a line longer than `MAX_LINE_CHARS`, fails whole (a file
too large for such a page is refused from its size, before it is read).

Large imports prepare documents in worker processes (`storage.ingest.prepare.Preparer`): all of a file's
batches are handed to the workers at once, and each batch is written as soon as its documents are ready,
while the workers prepare the next ones.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils

from storage.database.access import Database, as_database
from storage.database.index import (
    IndexedDoc,
    index_articles,
    index_segments,
    merge_index_step,
    merge_term_counts,
    needs_full_merge,
    prepare_document,
    stored_columns,
    write_index,
)
from storage.database.postgres import is_postgres
from storage.database.postings import MERGE_WIDTH
from storage.database.writing import is_busy
from storage.driver import sqlite3
from storage.errors import InputError
from storage.ingest.decode import DecodedText, not_a_regular_file, read_text
from storage.ingest.jsonl import jq_command, read_jsonl, strict_error
from storage.ingest.limits import article_over_cap, page_file_over_cap, page_over_cap
from storage.ingest.manifest import MANIFEST_NAME, Manifest, load_manifest, unmatched_names
from storage.ingest.ocr_page import parse_page
from storage.ingest.prepare import Preparer, default_workers, ready_docs
from storage.models import ParsedArticle
from storage.records import imports
from storage.records.articles import fingerprint, stored_fingerprints, upsert_articles

log = logging.getLogger(__name__)

OCR_SUFFIX = ".txt"
JSONL_SUFFIX = ".jsonl"
SUPPORTED = (OCR_SUFFIX, JSONL_SUFFIX)
# Articles per write transaction: large enough to keep ingest fast, small enough that the write lock is
# held for milliseconds (the costly preparation happens before the transaction). On PostgreSQL a batch
# also writes its term frequencies (`storage.database.postings`), one row per lexeme of the batch, most of
# them held by one article: four times the articles write about half the rows per article, and a batch
# holds the lock for a few tenths of a second (3,000 articles: 31.9 and 23.6 s at 25, 18.3 and 18.7 s at 100).
BATCH_SIZE = 25
POSTGRES_BATCH_SIZE = 100


def default_batch_size(db: object) -> int:
    """Articles per write transaction on `db`'s backend."""
    return POSTGRES_BATCH_SIZE if is_postgres(db) else BATCH_SIZE


# How long one batch waits for the write lock before the file is reported as not (fully) stored.
BATCH_WAIT = 60.0
# Inputs at least this large (bytes, all files) are prepared in worker processes by default.
PARALLEL_MIN_BYTES = 2_000_000


@dataclass
class FileResult:
    path: str
    status: str  # "ok", "empty", "skipped" or "error"
    kind: str | None = None  # "ocr" or "jsonl"
    encoding: str | None = None
    new: int = 0
    known: int = 0
    updated: int = 0
    error: str | None = None  # why the file failed or was skipped
    note: str | None = None  # something worth telling that is not an error
    database_failed: bool = False  # failed because of the database (busy, full, ...), not the file
    busy: bool = False  # the database stayed busy: trying again later will do
    resumed: bool = False  # an interrupted import of this file was finished
    skipped_lines: list[str] = field(default_factory=list)  # "line N: reason" of JSONL lines left out
    refused: list[str] = field(default_factory=list)  # "line N: why" of articles over the cap left out
    uncertain: int = 0  # stories whose title was inferred, not a printed headline

    @property
    def articles(self) -> int:
        return self.new + self.known + self.updated


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the inputs as a whole (a manifest's names)

    def _count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def new(self) -> int:
        return sum(f.new for f in self.files)

    @property
    def known(self) -> int:
        return sum(f.known for f in self.files)

    @property
    def updated(self) -> int:
        return sum(f.updated for f in self.files)

    @property
    def ingested(self) -> int:
        """Files read successfully (with or without articles)."""
        return self._count("ok") + self._count("empty")

    @property
    def skipped_lines(self) -> int:
        return sum(len(f.skipped_lines) for f in self.files)

    @property
    def refused(self) -> int:
        return sum(len(f.refused) for f in self.files)

    @property
    def uncertain(self) -> int:
        return sum(f.uncertain for f in self.files)

    @property
    def failed(self) -> int:
        return self._count("error")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def errors(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "error"]

    @property
    def ok(self) -> bool:
        return self.failed == 0


Progress = Callable[[FileResult, int, int], None]  # (the file's result, files done, files in all)
BatchProgress = Callable[[int, int], None]  # (articles of the current file stored, articles in it)


@dataclass(frozen=True)
class InputFile:
    path: Path
    explicit: bool  # named on the command line rather than found in a directory


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[FileResult]]:
    """The files to ingest, in order, and results for paths that are missing or skipped (pure-ish: reads
    directory listings and what each file is, never a file's content: a FIFO, a symbolic link loop or a
    link to nothing is reported here, not read)."""
    files: list[InputFile] = []
    problems: list[FileResult] = []
    seen: set[Path] = set()

    def add(path: Path, explicit: bool) -> None:
        if path.suffix.lower() in SUPPORTED and (problem := not_a_regular_file(path)):
            # A FIFO would make the read wait for a writer forever; a link loop or a dangling link
            # has nothing to read.
            special = problem.startswith("not a regular file")
            problems.append(FileResult(_display(path), "skipped" if special else "error", error=problem))
            return
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop (Python 3.11 raises RuntimeError)
            key = path.absolute()
        if key in seen:
            return
        seen.add(key)
        if path.suffix.lower() in SUPPORTED:
            files.append(InputFile(path, explicit))
        elif explicit:
            problems.append(
                FileResult(
                    _display(path),
                    "error",
                    error=_unsupported(path),
                )
            )
        elif path.name != MANIFEST_NAME and not path.name.startswith("."):
            problems.append(
                FileResult(
                    _display(path), "skipped", error=f"unsupported file type {path.suffix or '(none)'}"
                )
            )

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    add(Path(root) / name, explicit=False)
        elif path.is_file():
            add(path, explicit=True)
        else:
            problem = not_a_regular_file(path) or "not a regular file or directory"
            if problem.startswith("not a regular file ("):
                problem = "not a regular file or directory " + problem.removeprefix("not a regular file ")
            problems.append(FileResult(_display(path), "error", error=problem))
    return files, problems


def ingest_paths(
    db: sqlite_utils.Database | Database,
    paths: Sequence[str | Path],
    *,
    year: int | None = None,
    source: str | None = None,
    progress: Progress | None = None,
    on_batch: BatchProgress | None = None,
    skip_bad_lines: bool = False,
    batch_size: int | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files and directories; `progress(result, done, total)` is called after each file, and
    `on_batch(stored, articles)` after each batch a file's import commits (a large file's progress).

    `workers`: processes preparing documents while this one writes (default: one per CPU core when the
    inputs hold `PARALLEL_MIN_BYTES` or more, else none; 0: none).
    """
    database = as_database(db)
    files, problems = collect_inputs(paths)
    report = IngestReport(files=list(problems))
    manifests: dict[Path, Manifest] = {}
    total = len(files)
    if workers is None:
        workers = default_workers() if _input_bytes(files) >= PARALLEL_MIN_BYTES else 0
    with Preparer(workers) as preparer:
        for done, item in enumerate(files, start=1):
            result = ingest_file(
                database,
                item.path,
                year=year,
                source=source,
                manifests=manifests,
                batch_size=batch_size,
                skip_bad_lines=skip_bad_lines,
                preparer=preparer,
                on_batch=on_batch,
            )
            report.files.append(result)
            if progress is not None:
                progress(result, done, total)
    report.notes = manifest_notes(manifests)
    if any(r.new or r.updated for r in report.files):
        merge_index(database)
    return report


def manifest_notes(manifests: dict[Path, Manifest]) -> list[str]:
    """A line for each file a manifest read by this import names that its folder does not hold (a typo,
    a renamed file): that entry's metadata went unused."""
    notes = []
    for directory, manifest in manifests.items():
        try:
            present = {p.name for p in directory.iterdir() if p.is_file()}
        except OSError:
            continue
        for name, meant in unmatched_names(manifest, present):
            guess = f" (did you mean {meant}?)" if meant else ""
            notes.append(
                f"{_display(directory / MANIFEST_NAME)}: names {name}, which is not in its folder: "
                f"its metadata was not used{guess}"
            )
    return notes


def merge_index(database: Database) -> None:
    """Merge the segments an import left in the search index (`storage.database.index`: like sizes
    together, or everything into one once the newer segments reach a share of the largest), in short
    write transactions that give way to other writers. On PostgreSQL, the segments of the term
    frequencies stored apart (`storage.database.postings`), under a lock of their own that no writer
    waits for. A failure is logged, not raised: the articles are stored and searchable either way."""
    try:
        if is_postgres(database):
            with database.own_connection() as conn:
                merge_term_counts(conn)
            return
        sizes = database.read(index_segments)
        if len(sizes) <= 1:
            return
        full = needs_full_merge(sizes)
        more = True
        while more:
            with database.writer(wait=BATCH_WAIT, bulk=True) as writer:
                more = merge_index_step(writer, full=full)
    except sqlite3.Error as exc:
        log.warning("could not merge the search index", extra={"error": str(exc)})


def _input_bytes(files: Sequence[InputFile]) -> int:
    total = 0
    for item in files:
        try:
            total += item.path.stat().st_size
        except OSError:
            continue
    return total


def ingest_file(
    db: sqlite_utils.Database | Database,
    path: Path,
    *,
    year: int | None = None,
    source: str | None = None,
    manifests: dict[Path, Manifest] | None = None,
    skip_bad_lines: bool = False,
    batch_size: int | None = None,
    wait: float = BATCH_WAIT,
    preparer: Preparer | None = None,
    on_batch: BatchProgress | None = None,
) -> FileResult:
    """Read and parse one file, then store and index it in batches (see the module doc); failures come
    back in the result. `on_batch(stored, articles)` is called after each batch commits."""
    name = _display(path)
    kind = "jsonl" if path.suffix.lower() == JSONL_SUFFIX else "ocr"
    result = FileResult(name, "ok", kind=kind)
    try:
        decoded = _read_input(path, name, kind)
        result.encoding = decoded.encoding
        result.note = decoded.control_note
        if not decoded.text.strip():
            result.status = "empty"
            result.note = "empty file, no articles"
            return result
        articles = _parse(
            decoded.text,
            path,
            name,
            kind,
            year=year,
            source=source,
            manifests=manifests,
            skipped=result.skipped_lines if skip_bad_lines else None,
            refused=result.refused,
        )
        result.uncertain = sum(1 for a in articles if a.title_source == "inferred")
    except InputError as exc:
        return _failed(result, exc.detail if exc.path == name else str(exc))
    except OSError as exc:
        return _failed(result, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug on odd input must not stop the other files
        log.warning("parser failed on %s", name, exc_info=True)
        return _failed(result, f"could not be parsed ({type(exc).__name__}: {exc})")
    if not articles:
        result.note = "no articles found"
        return result
    return store_articles(
        as_database(db),
        name,
        articles,
        result,
        batch_size=batch_size,
        wait=wait,
        preparer=preparer,
        on_batch=on_batch,
    )


def batches(items: Sequence[ParsedArticle], size: int) -> list[Sequence[ParsedArticle]]:
    """`items` cut into consecutive batches of at most `size` (pure)."""
    size = max(1, int(size))
    return [items[start : start + size] for start in range(0, len(items), size)]


def prepare_batch(db: Database, batch: Sequence[ParsedArticle], fps: Sequence[str]) -> dict[str, IndexedDoc]:
    """The index documents of the batch's articles not stored yet, by fingerprint (`fps`: each article's;
    reads, no write lock).

    Articles stored meanwhile by someone else only cost a wasted document; ones this misses (none in
    practice) are indexed from the database inside the write."""
    known = db.read(stored_fingerprints, fps)
    docs: dict[str, IndexedDoc] = {}
    for fp, article in zip(fps, batch, strict=True):
        if fp not in known and fp not in docs:
            docs[fp] = prepare_document(article.title, article.body, article.byline, article.paragraphs)
    return docs


def write_batch(
    db: sqlite_utils.Database,
    batch: Sequence[ParsedArticle],
    docs: dict[str, IndexedDoc],
    import_id: int,
    fps: Sequence[str] | None = None,
) -> imports.ImportRecord:
    """Store and index one prepared batch and record it in the file's import; inside one transaction.
    `fps`: each article's fingerprint, when the caller has them. A new article's summary, keywords and
    search forms go in with its row."""
    if fps is None:
        fps = [fingerprint(a.body) for a in batch]
    columns = {fp: stored_columns(doc) for fp, doc in docs.items()}
    stored = upsert_articles(db, batch, fingerprints=fps, columns=columns)
    new = set(stored.new_ids)
    prepared: dict[int, IndexedDoc] = {}
    for fp, article_id in zip(fps, stored.ids, strict=True):
        doc = docs.get(fp)
        if article_id in new and doc is not None:
            prepared[article_id] = doc
    write_index(db, prepared, new=True, columns=False)
    rest = [i for i in stored.changed_ids if i not in prepared]  # updated articles, or unprepared new ones
    if rest:
        index_articles(db, rest)
    return imports.record_batch(
        db,
        import_id,
        stored=len(batch),
        new=len(stored.new_ids),
        known=len(stored.known_ids),
        updated=len(stored.updated_ids),
    )


def store_articles(
    db: Database,
    name: str,
    articles: Sequence[ParsedArticle],
    result: FileResult,
    *,
    batch_size: int | None = None,
    wait: float = BATCH_WAIT,
    preparer: Preparer | None = None,
    on_batch: BatchProgress | None = None,
) -> FileResult:
    """Store a parsed file's articles batch by batch, resuming an interrupted import of the same file
    (the documents prepared by `preparer`'s workers when it has any); `on_batch(stored, articles)` after
    each batch commits."""
    digest = imports.import_digest(articles)
    record = db.read(imports.unfinished_import, digest)
    import_id = record.id if record is not None else None
    done = record.stored if record is not None else 0
    result.resumed = done > 0
    try:
        parts = batches(articles[done:], batch_size or default_batch_size(db))
        pending = [preparer.submit(b) for b in parts] if preparer is not None and preparer.workers else []
        for k, batch in enumerate(parts):
            prepared = ready_docs(db, pending[k]) if pending else None
            if prepared is None:
                fps = [fingerprint(a.body) for a in batch]
                docs = prepare_batch(db, batch, fps)
            else:
                fps, docs = prepared
            with db.writer(wait=wait, bulk=True) as writer:
                if import_id is None:
                    import_id = imports.start_import(writer, name, digest, len(articles))
                record = write_batch(writer, batch, docs, import_id, fps)
            if on_batch is not None:
                on_batch(record.stored, len(articles))
            if (k + 1) % MERGE_WIDTH == 0 and is_postgres(db):
                merge_index(db)  # a long import keeps PostgreSQL's segments few as it goes
    except sqlite3.Error as exc:
        if record is not None:
            result.new, result.known, result.updated = record.new, record.known, record.updated
        else:
            result.new = result.known = result.updated = 0
        result.status = "error"
        result.database_failed = True
        result.busy = is_busy(exc)
        stored = record.stored if record is not None else 0
        if stored:
            result.error = (
                f"database error after storing {stored} of {len(articles)} articles "
                f"(ingest the file again to store the rest): {exc}"
            )
        else:
            result.error = f"database error, nothing from this file was stored: {exc}"
        return result
    assert record is not None
    result.new, result.known, result.updated = record.new, record.known, record.updated
    if result.resumed:
        result.note = f"resumed an interrupted import after {done} of {len(articles)} articles"
    return result


def _parse(
    text: str,
    path: Path,
    name: str,
    kind: str,
    *,
    year: int | None,
    source: str | None,
    manifests: dict[Path, Manifest] | None,
    skipped: list[str] | None = None,
    refused: list[str] | None = None,
) -> list[ParsedArticle]:
    """The file's articles. A JSONL file with bad lines raises, unless `skipped` is given: then the bad
    lines are left out and described there. Articles over `MAX_ARTICLE_CHARS` are left out and described
    in `refused`."""
    if refused is None:
        refused = []
    if manifests is None:
        manifests = {}
    directory = path.parent
    if directory not in manifests:
        manifests[directory] = load_manifest(directory)
    meta = manifests[directory].meta_for(path.name).override(year=year, source=source)
    if kind == "jsonl":
        records = read_jsonl(text, origin_file=name, source=source, default_source=meta.source)
        if records.bad_lines and (skipped is None or not records.articles):
            raise strict_error(records)
        if skipped is not None:
            skipped.extend(error.detail for error in records.bad_lines)
        refused.extend(error.detail for error in records.refused)
        return records.articles
    articles = parse_page(
        text, year=meta.page_year, page_date=meta.date, source=meta.source, origin_file=name
    )
    if meta.url is not None:
        articles = [a if a.url else replace(a, url=meta.url) for a in articles]
    kept = []
    for article in articles:
        if too_long := article_over_cap(len(article.title) + len(article.body)):
            first, last = article.origin_lines or (0, 0)
            refused.append(f"story {(article.origin_position or 0) + 1} (lines {first}-{last}): {too_long}")
        else:
            kept.append(article)
    return kept


def _failed(result: FileResult, message: str) -> FileResult:
    result.status = "error"
    result.error = message
    result.new = result.known = result.updated = result.uncertain = 0
    result.skipped_lines = []
    result.refused = []
    return result


def _read_input(path: Path, name: str, kind: str) -> DecodedText:
    """The file's text; an OCR page over the caps of `storage.ingest.limits` raises `InputError` (a file
    too large for any page under them before it is read)."""
    if kind == "ocr" and (too_large := page_file_over_cap(path.stat().st_size)):
        raise InputError(name, too_large)
    decoded = read_text(path)
    if kind == "ocr" and (too_long := page_over_cap(decoded.text)):
        raise InputError(name, too_long)
    return decoded


def _unsupported(path: Path) -> str:
    """Why a file given by name is not read; a .json file gets the way to turn an array into JSON Lines."""
    if path.suffix.lower() == ".json":
        return (
            "unsupported file type .json; expected .txt (OCR page) or .jsonl (JSON Lines, one object per "
            f"line); a JSON array converts with: {jq_command(_display(path))}"
        )
    return f"unsupported file type {path.suffix or '(none)'}; expected .txt (OCR page) or .jsonl (JSON Lines)"


def _display(path: Path) -> str:
    """The path relative to the working directory when inside it, else absolute; '/' separators. Bytes
    of the name that are not UTF-8 (a name written in GBK or Latin-1) read as U+FFFD: the name is stored
    and printed, and neither the database nor a terminal takes the lone surrogates Python holds them as."""
    absolute = path.absolute()
    try:
        shown = absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = absolute.as_posix()
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def explain_file(path: Path, *, year: int | None = None, source: str | None = None) -> list[str]:
    """How an OCR page is cut into stories (`storage.ingest.ocr_page.explain_page`), as lines of text;
    nothing is stored. Raises `InputError` for a file that cannot be read or is not an OCR page."""
    from storage.ingest.ocr_page import explain_page

    name = _display(path)
    if path.suffix.lower() != OCR_SUFFIX:
        raise InputError(name, "--explain reads OCR pages (.txt) only")
    try:
        decoded = _read_input(path, name, "ocr")
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    meta = load_manifest(path.parent).meta_for(path.name).override(year=year, source=source)
    return [f"== {name}", *explain_page(decoded.text, year=meta.page_year, page_date=meta.date)]
