"""Command line: ``fiscal load|build|run``."""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .document import DocumentError
from .pipeline import parse_file
from .publish import publish, working_copy
from .staging import SchemaMismatch, StagedDocument, Writer, connect, stage

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}


def default_db() -> Path:
    return Path(os.environ.get("FISCAL_DB") or PROJECT_ROOT / "warehouse.duckdb").resolve()


def expand(paths: list[str]) -> list[Path]:
    """Files named, and document files found under directories named."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file()))
        else:
            files.append(p)
    return files


def _parse(path: Path) -> tuple[Path, StagedDocument | None, str | None]:
    try:
        return path, stage(parse_file(path)), None
    except DocumentError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a parser bug must not stop the batch
        return path, None, f"internal parser error: {type(exc).__name__}: {exc}"


def worker_start() -> None:
    """Parser processes allocate many short-lived objects and keep none: collect garbage less often,
    and never rescan what was loaded before the fork."""
    gc.freeze()
    gc.set_threshold(20_000, 50, 1_000)


def _parsed(files: list[Path], jobs: int):
    if jobs <= 1 or len(files) < 20:
        yield from map(_parse, files)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=worker_start) as pool:
        yield from pool.map(_parse, files, chunksize=16)


def _changed(files: list[Path], writer: Writer, counts: Counter[str], quiet: bool) -> list[Path]:
    """The files whose content is not loaded yet; the others are logged as unchanged without being parsed
    (re-running a load over a growing folder parses only what is new)."""
    loaded = {sha: document_id for document_id, sha in writer.known.items()}
    changed = []
    for path in files:
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            sha = None  # the parser reports why it cannot be read
        if sha in loaded:
            writer.log(str(path), sha, loaded[sha], "unchanged", None)
            counts["unchanged"] += 1
            if not quiet and len(files) < 50:
                print(f"{'unchanged':9} {path}")
        else:
            changed.append(path)
    return changed


class _Progress:
    """The progress line of a long load, rewritten in place; an error or warning starts a line of its own."""

    every = 200  # documents between updates

    def __init__(self, total: int, shown: bool) -> None:
        self.total, self.shown, self.open = total, shown, False
        self.started = time.perf_counter()

    def message(self, text: str) -> None:
        if self.open:
            print(file=sys.stderr)
            self.open = False
        print(text, file=sys.stderr)

    def update(self, n: int) -> None:
        if self.shown and (n % self.every == 0 or n == self.total):
            rate = n / (time.perf_counter() - self.started)
            self.open = n < self.total
            line = f"\r  {n}/{self.total} documents parsed ({rate:,.0f}/s)"
            print(line, end="" if self.open else "\n", file=sys.stderr)


def load(paths: list[str], db: Path, jobs: int | None = None, quiet: bool = False) -> int:
    """Load documents into raw.*; returns the number of documents that failed. Raises SchemaMismatch for a
    warehouse whose raw tables another version of the loaders created."""
    files = expand(paths)
    if not files:
        print("fiscal: no document files found in " + " ".join(paths), file=sys.stderr)
        return 1
    jobs = jobs or os.cpu_count() or 1
    con = connect(str(working_copy(db)))
    writer = Writer(con)
    counts: Counter[str] = Counter()
    files = _changed(files, writer, counts, quiet)
    progress = _Progress(len(files), shown=len(files) >= 50 and not quiet)

    def report(results) -> None:
        for parsed, status, error in results:
            counts[status] += 1
            if error:
                progress.message(f"ERROR {parsed.source_file}: {error}")
                continue
            for warning in parsed.warnings:
                progress.message(f"WARNING {parsed.source_file}: {warning}")
            if not quiet and not progress.shown:
                print(f"{status:9} {parsed.source_file}  [{parsed.unit_name} {parsed.fiscal_year} {parsed.doc_kind}]")

    for n, (path, parsed, error) in enumerate(_parsed(files, jobs), 1):
        if error:
            counts["failed"] += 1
            progress.message(f"ERROR {path}: {error}")
            sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
            writer.log(str(path), sha, None, "failed", error)
        else:
            report(writer.add(parsed))
        progress.update(n)
    report(writer.close())
    con.close()
    publish(db)
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    print(f"fiscal load: {summary} -> {db}")
    return counts["failed"]


def dbt(*args: str, db: Path) -> int:
    """Run a dbt command on the warehouse in a child process (it holds the file only while it runs)."""
    exe = Path(sys.executable).with_name("dbt")
    command = [
        str(exe) if exe.exists() else "dbt",
        *args,
        "--project-dir",
        str(PROJECT_ROOT),
        "--profiles-dir",
        str(PROJECT_ROOT / "profiles"),
    ]
    return subprocess.run(command, env={**os.environ, "FISCAL_DB": str(db)}, check=False).returncode


def build(db: Path) -> int:
    """``dbt build`` on the working copy (seeds, staging, intermediate, marts and their tests), then publish."""
    result = dbt("build", "--quiet", db=working_copy(db))
    if result == 0:  # a failed build stays in the working copy; readers keep the last good version
        publish(db)
    return result


def run_check(db: Path, docs: Path | None) -> int:
    from .check import check

    return check(db, docs or db.with_name(db.stem + "-data-docs"))


def run_report(db: Path, out: Path | None) -> Path:
    from .report import build_report

    return build_report(db, out or db.with_name(db.stem + "-report"))


FIRST_QUERY = """select unit_name, fiscal_year, income_total_wan, expense_total_wan, basic_wan, project_wan,
       personnel_wan, public_use_wan, three_public_actual_wan
from marts.mart_unit_year order by unit_name, fiscal_year limit 10"""


def summary(db: Path) -> None:
    """Where the warehouse is, and a first query with its answer."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute("select count(*), count(distinct unit_id) from marts.dim_document").fetchone()
        result = con.sql(FIRST_QUERY)
        print(f"\nwarehouse: {db}  ({docs[0]} documents, {docs[1]} units; analyst tables in schema 'marts')")
        print(f"open it read-only:  duckdb -readonly {db}\nfirst query:\n{FIRST_QUERY};")
        result.show(max_width=160)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fiscal", description="决算公开 data warehouse")
    parser.add_argument("--db", type=Path, default=None, help="warehouse file (default $FISCAL_DB or warehouse.duckdb)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("load", "parse documents into raw.*"), ("run", "load, then build")):
        p = sub.add_parser(name, help=text)
        p.add_argument("paths", nargs="+", help="document files or directories")
        p.add_argument("--jobs", type=int, default=None, help="parser processes (default: CPU count)")
        p.add_argument("--quiet", action="store_true")
    sub.add_parser("build", help="dbt build: staging, intermediate and marts")
    export = sub.add_parser("export", help="marts as Parquet, or one Excel workbook per unit and year")
    export.add_argument("format", choices=["parquet", "xlsx"])
    export.add_argument("out", type=Path, help="output folder")
    pg = sub.add_parser("publish", help="copy the marts and cn schemas into PostgreSQL in one transaction")
    pg.add_argument("--postgres", required=True, metavar="URL", help="postgresql://user:password@host:port/db")
    pg.add_argument("--reader", metavar="NAME:PASSWORD", help="create or update a login role that can only read")
    report = sub.add_parser("report", help="static HTML report with charts (offline)")
    report.add_argument("--out", type=Path, default=None, help="output folder (default: <db>-report)")
    check = sub.add_parser("check", help="reconciliation summary per document, Great Expectations suites, Data Docs")
    check.add_argument("--docs", type=Path, default=None, help="Data Docs folder (default: <db>-data-docs)")
    args = parser.parse_args(argv)
    db = (args.db or default_db()).resolve()
    if args.command == "build":
        return build(db)
    if args.command == "check":
        return run_check(db, args.docs)
    if args.command == "report":
        print(f"report: {run_report(db, args.out)}")
        return 0
    if args.command == "export":
        from .export import export_parquet, export_xlsx

        written = (export_parquet if args.format == "parquet" else export_xlsx)(db, args.out)
        print(f"fiscal export: {len(written)} {args.format} outputs in {args.out}")
        return 0
    if args.command == "publish":
        from .postgres import publish_postgres

        print(publish_postgres(db, args.postgres, args.reader))
        return 0
    try:
        failed = load(args.paths, db, args.jobs, args.quiet)
    except SchemaMismatch as exc:  # nothing loaded, nothing to build
        print(f"fiscal: {exc}", file=sys.stderr)
        return 1
    if args.command == "run":
        built = build(db)
        if built:
            return built
        run_check(db, None)
        summary(db)
        print(f"report: {run_report(db, None)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
