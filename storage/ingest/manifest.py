"""Page metadata kept next to the source files: ``manifest.json`` in the same directory.

An OCR page often lacks what the reader needs to date and credit it (the masthead, the year), so the
manifest supplies it per file::

    {
      "defaults": {"source": "...", "year": 2023},
      "files": {
        "000_6b662c5ca2a0e3a9.txt": {"source": "郑州市二七区区报", "year": 2023, "date": null,
                                     "note": "why these values"}
      }
    }

Known keys: ``source`` (str), ``year`` (int), ``date`` (ISO ``YYYY-MM-DD`` or null: the publication
date), ``url`` (str), ``note`` (free text for humans). Values given on the command line win.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from storage.errors import InputError
from storage.ingest.decode import not_a_regular_file

MANIFEST_NAME = "manifest.json"
MIN_YEAR, MAX_YEAR = 1800, 2200


class ManifestError(InputError):
    """A manifest.json that is not valid JSON or has values of the wrong kind."""


@dataclass(frozen=True)
class PageMeta:
    source: str | None = None
    year: int | None = None
    date: str | None = None  # publication date of the page, ISO
    url: str | None = None
    note: str | None = None

    def override(self, *, year: int | None = None, source: str | None = None) -> PageMeta:
        """Command-line values win over the manifest."""
        meta = self
        if year is not None:
            meta = replace(meta, year=year)
        if source is not None:
            meta = replace(meta, source=source)
        return meta

    @property
    def page_year(self) -> int | None:
        """The year stories are dated in: the given year, else the publication date's."""
        if self.year is not None:
            return self.year
        return int(self.date[:4]) if self.date else None


@dataclass(frozen=True)
class Manifest:
    defaults: PageMeta = PageMeta()
    files: dict[str, PageMeta] | None = None

    def meta_for(self, filename: str) -> PageMeta:
        entry = (self.files or {}).get(filename)
        if entry is None:
            return self.defaults
        merged = {
            key: getattr(entry, key) if getattr(entry, key) is not None else getattr(self.defaults, key)
            for key in ("source", "year", "date", "url", "note")
        }
        return PageMeta(**merged)


def unmatched_names(manifest: Manifest, present: Collection[str]) -> list[tuple[str, str | None]]:
    """The names the manifest's ``files`` lists that are not among `present` (the files of its folder),
    each with the present name it most likely meant: the same name in other letter case, else the
    closest one `difflib` finds, else None."""
    by_case = {name.casefold(): name for name in present}
    unmatched = []
    for name in manifest.files or {}:
        if name in present:
            continue
        close = difflib.get_close_matches(name, sorted(present), n=1, cutoff=0.8)
        unmatched.append((name, by_case.get(name.casefold()) or (close[0] if close else None)))
    return unmatched


def parse_manifest(text: str, *, name: str | Path | None = None) -> Manifest:
    """Parse and validate a manifest's JSON text (pure)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(name, f"invalid JSON: {exc.msg}", line=exc.lineno) from exc
    except RecursionError:
        raise ManifestError(name, "invalid JSON: nested too deeply") from None
    except ValueError as exc:  # a number longer than Python's integer limit
        raise ManifestError(name, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ManifestError(name, "expected a JSON object")
    unknown = set(data) - {"defaults", "files", "note"}
    if unknown:
        raise ManifestError(name, f"unknown keys {sorted(unknown)}; expected 'defaults' and 'files'")
    defaults = _meta(data.get("defaults", {}), name=name, where="defaults")
    files_raw = data.get("files", {})
    if not isinstance(files_raw, dict):
        raise ManifestError(name, '"files" must be an object mapping file names to metadata')
    files = {str(key): _meta(value, name=name, where=f"files.{key}") for key, value in files_raw.items()}
    return Manifest(defaults=defaults, files=files)


def load_manifest(directory: str | Path) -> Manifest:
    """The manifest of a directory, or an empty one when the directory has none."""
    path = Path(directory) / MANIFEST_NAME
    try:
        if (problem := not_a_regular_file(path)) and problem.startswith("not a regular file"):
            raise ManifestError(path, problem)  # a FIFO would make the read wait for a writer forever
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Manifest()
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(path, f"cannot read: {exc}") from exc
    return parse_manifest(text, name=path)


def _meta(raw: Any, *, name: str | Path | None, where: str) -> PageMeta:
    if not isinstance(raw, dict):
        raise ManifestError(name, f"{where} must be an object")
    unknown = set(raw) - {"source", "year", "date", "url", "note"}
    if unknown:
        raise ManifestError(name, f"{where}: unknown keys {sorted(unknown)}")
    for key in ("source", "url", "note"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ManifestError(name, f"{where}.{key} must be a string")
    year = raw.get("year")
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR
    ):
        raise ManifestError(
            name, f"{where}.year must be a year between {MIN_YEAR} and {MAX_YEAR}, got {year!r}"
        )
    page_date = raw.get("date")
    if page_date is not None:
        try:
            if not isinstance(page_date, str) or len(page_date) != 10:
                raise ValueError("expected YYYY-MM-DD")
            page_date = date.fromisoformat(page_date).isoformat()
        except ValueError as exc:
            raise ManifestError(
                name, f"{where}.date must be an ISO date YYYY-MM-DD or null, got {page_date!r}"
            ) from exc
        if year is not None and int(page_date[:4]) != year:
            raise ManifestError(name, f"{where}: date {page_date} is not in year {year}")
    return PageMeta(
        source=raw.get("source") or None,
        year=year,
        date=page_date,
        url=raw.get("url") or None,
        note=raw.get("note") or None,
    )
