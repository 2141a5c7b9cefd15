"""Parse one document file into everything the staging writer needs (no database access)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .codes import resolve_subjects
from .document import TABLE_NAMES, Document, DocumentError, Table, parse_document
from .interpret.econ import EconRow, read_econ_rows
from .interpret.subjects import SubjectRow, read_subject_rows
from .interpret.three_public import ThreePublicCell, read_three_public
from .interpret.totals import TotalsLine, read_totals
from .text import norm

REQUIRED = ("01", "02", "03", "04", "05", "06", "09")
OPTIONAL = ("07", "08")
SUBJECT_TABLES = ("02", "03", "05", "07", "08")
# Narrative words that declare an optional table has nothing to report.
_EMPTY_WORDS = {"07": "政府性基金", "08": "国有资本经营"}


@dataclass(slots=True)
class TableStatus:
    table_code: str
    status: str  # present / empty / absent
    caption: str
    caption_line: int | None
    first_line: int | None
    last_line: int | None
    amount_unit: str | None
    note: str | None
    note_line: int | None


@dataclass(slots=True)
class ParsedDocument:
    document: Document
    document_id: str
    unit_id: str
    amount_unit: str
    statuses: list[TableStatus] = field(default_factory=list)
    subjects: dict[str, list[SubjectRow]] = field(default_factory=dict)
    econ: list[EconRow] = field(default_factory=list)
    totals: dict[str, list[TotalsLine]] = field(default_factory=dict)
    three_public: list[ThreePublicCell] = field(default_factory=list)


def stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _check_complete(table: Table) -> None:
    """A table whose last row is shorter than its widest row was cut off mid-row."""
    widths = [len(r) for r in table.rows]
    if len(widths) > 1 and widths[-1] < max(widths) and len([c for c in table.rows[-1] if c.text.strip()]) > 0:
        raise DocumentError(
            f"table {table.code} {TABLE_NAMES[table.code]} is cut off at line {table.last_line} "
            f"({widths[-1]} of {max(widths)} cells)"
        )


def _declared_empty(doc: Document, table: Table | None, code: str) -> tuple[str | None, int | None]:
    candidates = (table.notes if table else []) + doc.paragraphs
    for para in candidates:
        text = norm(para.text)
        if _EMPTY_WORDS[code] in text and ("没有" in text or "无" in text) and len(text) < 200:
            return para.text, para.line
    return None, None


def interpret(doc: Document) -> ParsedDocument:
    units = {t.amount_unit for t in doc.tables if t.code and t.amount_unit}
    amount_unit = "元" if units == {"元"} else "万元"
    parsed = ParsedDocument(
        doc, stable_id(doc.unit_name, doc.fiscal_year, doc.doc_kind), stable_id(doc.unit_name), amount_unit
    )
    for code in REQUIRED + OPTIONAL:
        table = doc.table(code)
        if table is None and code in REQUIRED:
            raise DocumentError(f"table {code} {TABLE_NAMES[code]} not found")
        if table is not None:
            _check_complete(table)
            if table.amount_unit is None:
                doc.warnings.append(f"table {code}: no 金额单位 found, assuming 万元")
        note, note_line = _declared_empty(doc, table, code) if code in OPTIONAL else (None, None)
        parsed.statuses.append(
            TableStatus(
                code,
                "absent" if table is None else "present",
                table.caption if table else "",
                table.caption_line if table else None,
                table.first_line if table else None,
                table.last_line if table else None,
                table.amount_unit if table else None,
                note,
                note_line,
            )
        )
        if table is None:
            continue
        if code in SUBJECT_TABLES:
            parsed.subjects[code] = read_subject_rows(table)
        elif code == "06":
            parsed.econ = read_econ_rows(table)
        elif code in ("01", "04"):
            parsed.totals[code] = read_totals(table)
        elif code == "09":
            parsed.three_public = read_three_public(table)
    resolve_subjects(parsed.subjects)
    for status in parsed.statuses:
        rows = parsed.subjects.get(status.table_code)
        if rows is not None and not any(a[0] for r in rows for a in r.amounts.values()):
            status.status = "empty"
    return parsed


def parse_file(path: str | Path) -> ParsedDocument:
    """Read and interpret one file; raises DocumentError with a one-line reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read file: {exc.strerror}") from exc
    return interpret(parse_document(str(path), data))
