"""Staging writer: schema ``raw`` in DuckDB, one transaction per document, bulk (CSV) inserts.

Parser processes turn each document's rows into CSV text (C-speed ``csv.writer``); the writer joins a
batch's text per table into one file and DuckDB reads it with the table's own column types. In raw, an
empty text is stored as NULL (a blank cell has no text).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from .document import TABLE_NAMES, DocumentError
from .pipeline import ParsedDocument
from .text import to_wan

# Amounts in 万元 to the 0.000001 (a printed 元 amount converts exactly). DECIMAL(18, 6) bulk-reads many
# times faster than wider decimals and holds ±10^12 万元 per printed figure; staging widens it to (22, 6).
AMOUNT = "DECIMAL(18, 6)"
MAX_WAN = Decimal(10) ** 12
DDL = {
    "documents": """document_id VARCHAR, unit_id VARCHAR, unit_name VARCHAR, unit_alias VARCHAR,
        fiscal_year INTEGER, doc_kind VARCHAR, title VARCHAR, publication_date DATE, region_province VARCHAR,
        region_city VARCHAR, region_district VARCHAR, source_file VARCHAR,
        content_sha256 VARCHAR, source_amount_unit VARCHAR, warnings VARCHAR, loaded_at TIMESTAMP""",
    "document_tables": """document_id VARCHAR, table_code VARCHAR, table_name VARCHAR, status VARCHAR,
        caption VARCHAR, caption_line INTEGER, first_line INTEGER, last_line INTEGER, amount_unit VARCHAR,
        unit_label VARCHAR,
        note VARCHAR, note_line INTEGER""",
    "paragraphs": "document_id VARCHAR, source_line INTEGER, text VARCHAR",
    "subject_lines": f"""document_id VARCHAR, table_code VARCHAR, row_index INTEGER, source_line INTEGER,
        printed_code VARCHAR, subject_code VARCHAR, code_method VARCHAR, subject_level VARCHAR,
        parent_code VARCHAR, subject_name_raw VARCHAR, is_total BOOLEAN, is_leaf BOOLEAN,
        column_key VARCHAR, column_no INTEGER, raw_text VARCHAR, amount_wan {AMOUNT}""",
    "econ_lines": f"""document_id VARCHAR, table_code VARCHAR, panel INTEGER, cost_group_printed VARCHAR,
        source_line INTEGER, printed_code VARCHAR, econ_code VARCHAR, code_method VARCHAR, econ_level VARCHAR,
        parent_code VARCHAR, econ_name_raw VARCHAR, is_leaf BOOLEAN, total_key VARCHAR, raw_text VARCHAR,
        amount_wan {AMOUNT}""",
    "totals_lines": f"""document_id VARCHAR, table_code VARCHAR, side VARCHAR, line_no VARCHAR,
        source_line INTEGER, line_name_raw VARCHAR, line_item VARCHAR, fund VARCHAR, subject_code VARCHAR,
        column_key VARCHAR, column_no INTEGER, is_subtotal BOOLEAN, raw_text VARCHAR, amount_wan {AMOUNT}""",
    "three_public_lines": f"""document_id VARCHAR, table_code VARCHAR, measure VARCHAR, item VARCHAR,
        column_no INTEGER, header_text VARCHAR, source_line INTEGER, raw_text VARCHAR, amount_wan {AMOUNT}""",
    "statements": f"""document_id VARCHAR, section VARCHAR, statement_key VARCHAR, amount_wan {AMOUNT},
        amount_decimals INTEGER, percent DECIMAL(9, 2), percent_decimals INTEGER, quantity DECIMAL(18, 2),
        quantity_unit VARCHAR, detail VARCHAR, subject_code VARCHAR,
        source_line INTEGER, quote VARCHAR""",
    "budget_lines": f"""document_id VARCHAR, source_line INTEGER, path_text VARCHAR, class_name VARCHAR,
        kuan_name VARCHAR, xiang_name VARCHAR, subject_code VARCHAR, code_method VARCHAR,
        original_budget_wan {AMOUNT}, original_decimals INTEGER, final_wan {AMOUNT}, final_decimals INTEGER,
        completion_pct DECIMAL(9, 2),
        completion_decimals INTEGER,
        reason VARCHAR,
        quote VARCHAR""",
    "project_lines": f"""document_id VARCHAR, source_line INTEGER, project_name VARCHAR, amount_wan {AMOUNT},
        amount_decimals INTEGER, outcome_text VARCHAR""",
    "evaluations": f"""document_id VARCHAR, evaluation_index INTEGER, source_line INTEGER, caption VARCHAR,
        evaluation_kind VARCHAR,
        project_name VARCHAR, supervising_department VARCHAR, implementing_unit VARCHAR, project_category VARCHAR,
        project_attribute VARCHAR, project_type VARCHAR, budget_wan {AMOUNT}, executed_wan {AMOUNT},
        execution_rate_printed DECIMAL(9, 2), execution_rate_decimals INTEGER, budget_score_weight DECIMAL(9, 2),
        budget_score_reported DECIMAL(9, 2), total_score_printed DECIMAL(9, 2)""",
    "indicators": """document_id VARCHAR, evaluation_index INTEGER, indicator_index INTEGER,
        source_line INTEGER, level1 VARCHAR, level1_points DECIMAL(9, 2), level2 VARCHAR, indicator VARCHAR,
        target_text VARCHAR, target_op VARCHAR,
        target_value DECIMAL(18, 4), target_unit VARCHAR, actual_text VARCHAR, actual_value DECIMAL(18, 4),
        actual_unit VARCHAR, weight DECIMAL(9, 2), score_reported DECIMAL(9, 2), score_recomputed DECIMAL(9, 2),
        score_rule VARCHAR""",
    "load_log": """source_file VARCHAR, content_sha256 VARCHAR, document_id VARCHAR, status VARCHAR,
        message VARCHAR, logged_at TIMESTAMP""",
}
DOCUMENT_TABLES = [t for t in DDL if t != "load_log"]
CHECKPOINT_EVERY = "512MB"  # of write-ahead log


_COLUMN = re.compile(r"(?:^|,)\s*(\w+)\s+(VARCHAR|INTEGER|BOOLEAN|DATE|TIMESTAMP|DECIMAL\(\d+,\s*\d+\))")


def column_types(table: str) -> dict[str, str]:
    """Column names and types of a raw table, in order, from its DDL."""
    return dict(_COLUMN.findall(DDL[table]))


def columns(table: str) -> list[str]:
    """Column names of a raw table, in order, from its DDL."""
    return list(column_types(table))


class SchemaMismatch(RuntimeError):
    """The warehouse's raw tables were created by a different version of the loaders."""


def connect(path: str) -> duckdb.DuckDBPyConnection:
    """Open the warehouse and create the raw tables; refuse raw tables of another layout."""
    con = duckdb.connect(path)
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for name, cols in DDL.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS raw.{name} ({cols})")
        have = [r[0] for r in con.execute(f"DESCRIBE raw.{name}").fetchall()]
        if have != columns(name):
            con.close()
            raise SchemaMismatch(
                f"{path}: raw.{name} was created by another version of the loaders "
                f"(columns differ); load the documents into a new warehouse file"
            )
    return con


def _wan(value: Decimal | None, unit: str = "万元") -> str | None:
    """An amount printed in ``unit`` as 万元 text for the CSV; refuses figures no budget unit prints."""
    if value is None:
        return None
    wan = to_wan(value, unit)
    if abs(wan) >= MAX_WAN:
        raise DocumentError(f"amount {value} {unit} is beyond 10^12 万元: not a printed budget figure")
    return str(wan)


@dataclass(slots=True)
class StagedDocument:
    """A parsed document reduced to its staging rows (cheap to pass between processes)."""

    document_id: str
    content_sha256: str
    source_file: str
    unit_name: str
    fiscal_year: int
    doc_kind: str
    rows: dict[str, str]  # raw table → CSV text of this document's rows
    warnings: list[str]


def to_csv(rows: list[tuple]) -> str:
    """CSV text of staging rows; every field quoted, so None and '' both read back as NULL."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def stage(p: ParsedDocument) -> StagedDocument:
    d = p.document
    rows = {name: to_csv(part) for name, part in rows_for(p).items() if part}
    return StagedDocument(
        p.document_id, d.content_sha256, d.source_file, d.unit_name, d.fiscal_year, d.doc_kind, rows, d.warnings
    )


def rows_for(p: ParsedDocument) -> dict[str, list[tuple]]:
    """Every staging row of one parsed document, keyed by raw table name."""
    d, i, u = p.document, p.document_id, p.amount_unit
    unit_of = {s.table_code: s.amount_unit or u for s in p.statuses}
    out: dict[str, list[tuple]] = {name: [] for name in DOCUMENT_TABLES}
    out["documents"].append(
        (
            i,
            p.unit_id,
            d.unit_name,
            d.unit_alias,
            d.fiscal_year,
            d.doc_kind,
            d.title,
            d.publication_date,
            *d.region,
            d.source_file,
            d.content_sha256,
            u,
            "; ".join(d.warnings) or None,
            datetime.now(UTC).replace(tzinfo=None),
        )
    )
    for s in p.statuses:
        out["document_tables"].append(
            (
                i,
                s.table_code,
                TABLE_NAMES[s.table_code],
                s.status,
                s.caption,
                s.caption_line,
                s.first_line,
                s.last_line,
                s.amount_unit,
                s.unit_label,
                s.note,
                s.note_line,
            )
        )
    out["paragraphs"] = [(i, para.line, para.text) for para in d.paragraphs]
    for code, rows in p.subjects.items():
        for r in rows:
            for key, (value, raw, number) in r.amounts.items():
                out["subject_lines"].append(
                    (
                        i,
                        code,
                        r.row_index,
                        r.line,
                        r.printed_code,
                        r.code,
                        r.method,
                        r.level,
                        r.parent_code,
                        r.name_raw,
                        r.is_total,
                        r.is_leaf,
                        key,
                        number,
                        raw,
                        _wan(value, unit_of[code]),
                    )
                )
    for e in p.econ:
        out["econ_lines"].append(
            (
                i,
                "06",
                e.panel,
                e.cost_group_printed,
                e.line,
                e.printed_code,
                e.code,
                e.method,
                e.level,
                e.parent_code,
                e.name_raw,
                e.is_leaf,
                e.total_key,
                e.raw_text,
                _wan(e.amount, unit_of["06"]),
            )
        )
    for code, lines in p.totals.items():
        for t in lines:
            out["totals_lines"].append(
                (
                    i,
                    code,
                    t.side,
                    t.line_no,
                    t.source_line,
                    t.name_raw,
                    t.line_item,
                    t.fund,
                    t.subject_code,
                    t.column_key,
                    t.column_no,
                    t.is_subtotal,
                    t.raw_text,
                    _wan(t.amount, unit_of[code]),
                )
            )
    for c in p.three_public:
        out["three_public_lines"].append(
            (
                i,
                "09",
                c.measure,
                c.item,
                c.column_no,
                c.header_text,
                c.source_line,
                c.raw_text,
                _wan(c.amount, unit_of["09"]),
            )
        )
    _narrative_rows(p, out)
    return out


def _s(value) -> str | None:
    return None if value is None else str(value)


def _places(value: Decimal | None) -> int | None:
    """Decimal places as printed (15.2 → 1, 100 → 0): the precision a stated percent or amount claims."""
    return None if value is None else max(0, -value.as_tuple().exponent)


def _narrative_rows(p: ParsedDocument, out: dict[str, list[tuple]]) -> None:
    """Statements, per-项 budget lines, the project list and the 绩效自评 appendices."""
    i = p.document_id
    for st in p.statements:
        out["statements"].append(
            (
                i,
                st.section,
                st.key,
                _wan(st.amount_wan),
                _places(st.amount_wan),
                _s(st.percent),
                _places(st.percent),
                _s(st.quantity),
                st.quantity_unit,
                st.detail,
                st.subject_code,
                st.line,
                st.quote,
            )
        )
    for b in p.budget_lines:
        out["budget_lines"].append(
            (
                i,
                b.line,
                b.path_text,
                b.class_name,
                b.kuan_name,
                b.xiang_name,
                b.subject_code,
                b.code_method,
                _wan(b.original_budget_wan),
                _places(b.original_budget_wan),
                _wan(b.final_wan),
                _places(b.final_wan),
                _s(b.completion_pct),
                _places(b.completion_pct),
                b.reason,
                b.quote,
            )
        )
    for pr in p.projects:
        out["project_lines"].append(
            (i, pr.line, pr.project_name, _wan(pr.amount_wan), _places(pr.amount_wan), pr.outcome_text)
        )
    for n, ev in enumerate(p.evaluations):
        f = ev.fields
        out["evaluations"].append(
            (
                i,
                n,
                ev.line,
                ev.caption,
                ev.kind,
                f.get("project_name"),
                f.get("supervising_department"),
                f.get("implementing_unit"),
                f.get("project_category"),
                f.get("project_attribute"),
                f.get("project_type"),
                _wan(ev.budget_wan),
                _wan(ev.executed_wan),
                _s(ev.execution_rate_printed),
                _places(ev.execution_rate_printed),
                _s(ev.budget_score_weight),
                _s(ev.budget_score_reported),
                _s(ev.total_score_printed),
            )
        )
        for k, ind in enumerate(ev.indicators):
            out["indicators"].append(
                (
                    i,
                    n,
                    k,
                    ind.line,
                    ind.level1,
                    _s(ind.level1_points),
                    ind.level2,
                    ind.indicator,
                    ind.target_text,
                    ind.target_op,
                    _s(ind.target_value),
                    ind.target_unit,
                    ind.actual_text,
                    _s(ind.actual_value),
                    ind.actual_unit,
                    _s(ind.weight),
                    _s(ind.score_reported),
                    _s(ind.score_recomputed),
                    ind.score_rule,
                )
            )


class Writer:
    """Writes parsed documents: unchanged content is skipped, a new version replaces the old.

    A document's rows are always written in a single transaction, never split across two. For
    speed, up to ``batch_size`` documents share one transaction and one bulk insert per table;
    if that transaction fails it is rolled back and each document is retried in its own.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, batch_size: int = 250):
        self.con = con
        # Checkpoint (compress into the file) every few thousand documents, not every few hundred:
        # each checkpoint rewrites the tables' last row groups, costing time and leaving the file larger.
        con.execute(f"SET wal_autocheckpoint = '{CHECKPOINT_EVERY}'")
        con.execute("SET enable_progress_bar = false")  # the CLI reports progress itself
        self.batch_size = batch_size
        self.types = {name: column_types(name) for name in DDL}
        self.known = dict(con.execute("SELECT document_id, content_sha256 FROM raw.documents").fetchall())
        self.pending: list[StagedDocument] = []
        self.pending_log: list[tuple] = []
        self.spool = tempfile.TemporaryDirectory(prefix="fiscal-staging-")

    def add(self, p: StagedDocument) -> list[tuple[StagedDocument, str, str | None]]:
        """Queue one document; returns (document, status, error) for every document written meanwhile."""
        done = []
        if any(q.document_id == p.document_id for q in self.pending):
            done = self.flush()
        if self.known.get(p.document_id) == p.content_sha256:
            self.log(p.source_file, p.content_sha256, p.document_id, "unchanged", None)
            return [*done, (p, "unchanged", None)]
        self.pending.append(p)
        if len(self.pending) >= self.batch_size:
            done += self.flush()
        return done

    def flush(self) -> list[tuple[StagedDocument, str, str | None]]:
        """Write the queued documents; on failure retry them one by one so only the bad one is lost."""
        batch, self.pending = self.pending, []
        if not batch:
            self._write_log()
            return []
        try:
            results = self._write(batch)
        except Exception:
            results = []
            for p in batch:
                try:
                    results += self._write([p])
                except Exception as exc:  # this document only; the database is unchanged for it
                    results.append((p, "failed", f"could not write to staging: {exc}"))
        for p, status, error in results:
            self.log(p.source_file, p.content_sha256, p.document_id, status, error)
        self._write_log()
        return results

    def close(self) -> list[tuple[StagedDocument, str, str | None]]:
        """Write what is queued and remove the spool folder."""
        results = self.flush()
        self.spool.cleanup()
        return results

    def _write(self, batch: list[StagedDocument]) -> list[tuple[StagedDocument, str, str | None]]:
        replaced = [p.document_id for p in batch if p.document_id in self.known]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if replaced:
                for name in DOCUMENT_TABLES:
                    self.con.execute(f"DELETE FROM raw.{name} WHERE list_contains(?, document_id)", [replaced])
            for name in DOCUMENT_TABLES:
                self._insert(name, "".join(p.rows.get(name, "") for p in batch))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        results = [(p, "replaced" if p.document_id in self.known else "loaded", None) for p in batch]
        self.known.update((p.document_id, p.content_sha256) for p in batch)
        return results

    def _insert(self, name: str, text: str) -> None:
        """Bulk insert CSV ``text`` into ``raw.<name>``, read with the table's own column types."""
        if not text:
            return
        path = Path(self.spool.name) / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        self.con.execute(
            f"INSERT INTO raw.{name} SELECT * FROM read_csv(?, columns = ?, header = false, auto_detect = false, "
            "delim = ',', quote = '\"', escape = '\"', new_line = '\\n')",
            [str(path), self.types[name]],
        )

    def log(self, source_file, sha, document_id, status, message) -> None:
        """Queue one load-log entry; written with the next batch."""
        now = datetime.now(UTC).replace(tzinfo=None)
        self.pending_log.append((source_file, sha, document_id, status, message, now))

    def _write_log(self) -> None:
        self._insert("load_log", to_csv(self.pending_log))
        self.pending_log = []
