"""Seeding an empty database, and the one-line ingest reports that seeding and `newsbot ingest` print.

Commands that read (`chat`, `serve`, `search`) call `ensure_seeded` so a new install has something to
search; the service layer calls it too, so it lives here rather than in the CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sqlite_utils

from bot.settings import Settings
from storage.ingest.pipeline import FileResult, IngestReport, ingest_paths
from storage.records.articles import count_articles


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def ensure_seeded(settings: Settings, db: sqlite_utils.Database) -> IngestReport | None:
    """If the database has no articles, ingest the seeds directory; report on stderr.

    Returns the ingest report, or None when nothing had to be done (or there are no seeds).
    """
    if count_articles(db) > 0:
        return None
    if not settings.seeds.is_dir():
        what = "不是文件夹 (not a folder)" if settings.seeds.exists() else "不存在 (does not exist)"
        _say(f"提示：数据库是空的，种子目录 {settings.seeds} {what}（NEWSBOT_SEEDS）。")
        return None
    report = ingest_paths(db, [settings.seeds])
    for line in format_file_problems(report):
        _say(line)
    if report.ingested or report.failed or report.skipped:
        _say(f"数据库是空的，已导入种子数据：{format_ingest_summary(report)}")
    # else: an empty seeds directory, the documented way to start with no articles: nothing to report
    return report


def format_ingest_summary(report: IngestReport) -> str:
    """One line: articles new / known / updated, then files read / failed / skipped."""
    line = f"{report.new} 篇新文章，{report.known} 篇已存在"
    if report.updated:
        line += f"，{report.updated} 篇已更新"
    if report.uncertain:
        line += f"，{report.uncertain} 篇标题不确定"
    if report.skipped_lines:
        line += f"，{report.skipped_lines} 行坏记录已跳过"
    if report.refused:
        line += f"，{report.refused} 篇超长文章被拒"
    line += f"（{report.ingested} 个文件"
    if report.failed:
        line += f"，{report.failed} 个失败"
    if report.skipped:
        line += f"，{report.skipped} 个跳过"
    return line + "）"


def format_file_result(result: FileResult) -> list[str]:
    """Lines for a file worth mentioning (failed, skipped, empty, no articles, JSONL lines left out,
    articles refused as over the cap, stories with inferred titles, control characters removed); none for a plain success."""
    if result.status == "error":
        return [f"错误 error: {result.path}: {result.error}"]
    if result.status == "skipped":
        return [f"跳过 skipped: {result.path}: {result.error}"]
    if result.status == "empty":
        return [f"提示 note: {result.path}: 空文件，没有文章 (empty file)"]
    lines = [f"跳过 skipped: {result.path}: {detail}" for detail in result.skipped_lines]
    lines += [f"拒绝 refused: {result.path}: {detail}" for detail in result.refused]
    if result.note and result.articles and not result.resumed:
        lines.append(f"提示 note: {result.path}: {result.note}")
    if result.articles == 0:
        lines.append(f"提示 note: {result.path}: 没有找到文章 (no articles found)")
    elif result.uncertain and Path(result.path).suffix.lower() == ".txt":
        lines.append(
            f"提示 note: {result.path}: {result.articles} 篇中 {result.uncertain} 篇没有找到印刷标题，"
            f"标题取自导语 ({result.uncertain} of {result.articles} stories: no printed headline found, "
            "title inferred; see newsbot ingest --explain)"
        )
    elif result.uncertain:  # records that say so themselves (a JSONL export): --explain reads pages only
        lines.append(
            f"提示 note: {result.path}: {result.articles} 篇中 {result.uncertain} 篇的标题是推断的 "
            f"({result.uncertain} of {result.articles} records have an inferred title (title_source: inferred))"
        )
    if result.resumed:
        lines.append(f"提示 note: {result.path}: 接着上次中断的导入补全 ({result.note})")
    return lines


def format_file_problems(report: IngestReport) -> list[str]:
    """The lines of `format_file_result` for each file, then the report's notes."""
    lines = [line for result in report.files for line in format_file_result(result)]
    return lines + [f"提示 note: {note}" for note in report.notes]
