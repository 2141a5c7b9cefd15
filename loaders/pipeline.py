"""Parse one document file into everything the staging writer needs (no database access)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .codes import resolve_subjects
from .document import TABLE_NAMES, Document, DocumentError, Table, parse_document, tables_unit, title_code
from .interpret.econ import EconRow, read_econ_rows
from .interpret.layout import BUDGET, holds_amounts
from .interpret.narrative import (
    BudgetLine,
    ProjectLine,
    Statement,
    read_budget_lines,
    read_projects,
    read_statements,
    sections,
)
from .interpret.performance import Evaluation, is_evaluation, read_evaluation
from .interpret.subjects import SubjectRow, read_subject_rows
from .interpret.three_public import ThreePublicCell, read_three_public
from .interpret.totals import TotalsLine, read_totals
from .reference import RefCode, function_subjects, label, match_name, suffix_code
from .text import norm

REQUIRED = ("01", "02", "03", "04", "05", "06", "09")
OPTIONAL = ("07", "08")
SUBJECT_TABLES = ("02", "03", "05", "07", "08")
# Narrative words that declare an optional table has nothing to report.
_EMPTY_WORDS = {"07": "政府性基金", "08": "国有资本经营"}
_NOTHING = re.compile(r"没有|无|未发生|为0(?:\.0+)?(?:万元|元)|为零|空表")


@dataclass(slots=True)
class TableStatus:
    table_code: str
    status: str  # present / empty / absent
    caption: str
    caption_line: int | None
    first_line: int | None
    last_line: int | None
    amount_unit: str | None
    unit_label: str | None
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
    statements: list[Statement] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    projects: list[ProjectLine] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)


def stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _check_complete(table: Table, doc: Document) -> None:
    """A document that ends inside a table whose last row is shorter than its widest row was cut off mid-row
    (a row short of its trailing empty cells inside the document is how some converters write it)."""
    if table is not doc.tables[-1] or (doc.paragraphs and doc.paragraphs[-1].line > table.last_line):
        return
    widths = [len(r) for r in table.rows]
    if len(widths) > 1 and widths[-1] < max(widths) and len([c for c in table.rows[-1] if c.text.strip()]) > 0:
        raise DocumentError(
            f"table {table.code} {TABLE_NAMES[table.code]} is cut off at line {table.last_line} "
            f"({widths[-1]} of {max(widths)} cells)"
        )


def _status(code: str, table: Table | None, note: str | None, note_line: int | None) -> TableStatus:
    if table is None:
        return TableStatus(code, "absent", "", None, None, None, None, None, note, note_line)
    return TableStatus(
        code,
        "present",
        table.caption,
        table.caption_line,
        table.first_line,
        table.last_line,
        table.amount_unit,
        table.unit_label,
        note,
        note_line,
    )


def _declared_empty(doc: Document, table: Table | None, code: str) -> tuple[str | None, int | None]:
    """The note or sentence saying an optional table has nothing to report (没有 / 无 / 未发生 / 为 0 / 为零 / 空表)."""
    word = _EMPTY_WORDS[code]
    candidates = (table.notes if table else []) + doc.paragraphs
    for para in candidates:
        if word[-1] not in para.text:  # cheap test before normalising
            continue
        text = norm(para.text)
        if word in text and len(text) < 200 and _NOTHING.search(text):
            return para.text, para.line
    return None, None


def _document_unit(doc: Document) -> tuple[str, int] | None:
    """The amount unit the document states once for its tables, before the first (金额单位：元 under a part's
    heading, 以下表格金额单位均为万元), and the line stating it; None unless its statements agree."""
    first = min((t.caption_line for t in doc.tables if t.code), default=0)
    found = [(unit, p.line) for p in doc.paragraphs if p.line < first and (unit := tables_unit(p.text))]
    return found[0] if len({unit for unit, _ in found}) == 1 else None


def interpret(doc: Document) -> ParsedDocument:
    units = {t.amount_unit for t in doc.tables if t.code and t.amount_unit}
    stated = None if units else _document_unit(doc)
    amount_unit = "元" if (units or {stated and stated[0]}) == {"元"} else "万元"
    parsed = ParsedDocument(
        doc, stable_id(doc.unit_name, doc.fiscal_year, doc.doc_kind), stable_id(doc.unit_name), amount_unit
    )
    unstated = sorted(code for code in REQUIRED + OPTIONAL if (t := doc.table(code)) and t.amount_unit is None)
    if unstated:
        source = " (the unit the other tables state)" if units else ""
        source = f" (the unit the document states for its tables at line {stated[1]})" if stated else source
        tables = f"table{'s' if len(unstated) > 1 else ''} {', '.join(unstated)}"
        doc.warnings.append(f"{tables}: no 金额单位 found, assuming {amount_unit}{source}")
    for code in REQUIRED + OPTIONAL:
        table = doc.table(code)
        if table is None and code in REQUIRED:
            doc.warnings.append(f"table {code} {TABLE_NAMES[code]} not found")
        if table is not None:
            _check_complete(table, doc)
        note, note_line = _declared_empty(doc, table, code) if code in OPTIONAL else (None, None)
        parsed.statuses.append(_status(code, table, note, note_line))
        if table is None:
            continue
        try:
            _read_table(parsed, code, table)
        except DocumentError as exc:  # the rest of the document still loads
            doc.warnings.append(f"{exc}: table {code} {TABLE_NAMES[code]} not read")
    resolve_subjects(parsed.subjects)
    for code, rows in parsed.subjects.items():
        uncoded = [r for r in rows if r.code is None and not r.is_total and any(a[0] for a in r.amounts.values())]
        doc.warnings.extend(_uncoded_warning(code, [(r.name_raw, r.line) for r in uncoded]))
    _read_narrative(parsed)
    for table in doc.tables:
        if table.code is not None:
            continue
        if is_evaluation(table):
            parsed.evaluations.append(evaluation := read_evaluation(table))
            doc.warnings.extend(evaluation.warnings)
        elif holds_amounts(table.rows) and not title_code(norm(table.caption)):  # else reported as kept apart
            named = f" ({table.caption})" if table.caption else ""
            doc.warnings.append(
                f"table at line {table.first_line}{named}: amounts in a table that is neither one of the nine tables "
                f"{'' if named else '(no caption recognised) '}nor a performance evaluation; not read"
            )
    if not parsed.statements and not parsed.budget_lines:
        doc.warnings.append("no narrative (情况说明) figures found")
    if all(doc.table(c) is None for c in REQUIRED) and not parsed.statements:
        raise DocumentError("neither standard tables (公开01-09表) nor narrative figures found")
    for status in parsed.statuses:  # empty: every amount blank, a dash or 0 (none unreadable)
        rows = parsed.subjects.get(status.table_code)
        if rows is not None and all(a[0] == 0 for r in rows for a in r.amounts.values()):
            status.status = "empty"
    return parsed


def _read_table(parsed: ParsedDocument, code: str, table: Table) -> None:
    """Interpret one of the nine tables into ``parsed``; raises DocumentError when its layout is not read."""
    warnings = parsed.document.warnings
    if code in SUBJECT_TABLES:
        rows = read_subject_rows(table)
        warnings.extend(_subject_warnings(code, rows))
        if rows and any(key.startswith(BUDGET) for key in rows[0].amounts):  # every row has the table's columns
            for r in rows:  # 决算 figures only
                r.amounts = {key: a for key, a in r.amounts.items() if not key.startswith(BUDGET)}
        parsed.subjects[code] = rows
        return
    if code == "06":
        parsed.econ = read_econ_rows(table)
        cells = [(r.line, r.raw_text, r.amount) for r in parsed.econ]
        warnings.extend(
            _uncoded_warning(
                code, [(r.name_raw, r.line) for r in parsed.econ if r.amount and not (r.code or r.total_key)]
            )
        )
    elif code in ("01", "04"):
        lines = read_totals(table)
        warnings.extend(_totals_warnings(code, lines))
        parsed.totals[code] = [t for t in lines if t.column_key != BUDGET]  # 决算 figures only
        cells = [(t.source_line, t.raw_text, t.amount) for t in parsed.totals[code]]
    else:
        parsed.three_public = read_three_public(table)
        cells = [(c.source_line, c.raw_text, c.amount) for c in parsed.three_public]
    if not cells:  # a row the converter broke out of the grid, or none printed
        warnings.append(f"table {code} (line {table.first_line}): no row of amounts read")
    warnings.extend(_not_numbers(code, cells))


def _not_numbers(code: str, cells: Iterable[tuple[int, str, Decimal | None]]) -> list[str]:
    """A warning for the amount cells (line, text, value) whose text is not a number (stored as NULL)."""
    bad = [(line, raw) for line, raw, value in cells if value is None and raw]
    if not bad:
        return []
    what = f"{len(bad)} amount cell{'s are' if len(bad) > 1 else ' is'} not a number"
    return [f"table {code}: {what} (first: '{bad[0][1]}' at line {bad[0][0]}); stored as NULL"]


def _totals_warnings(code: str, lines: list[TotalsLine]) -> list[str]:
    """Warnings for a budget column printed beside the 决算 one (left out) and for each line whose label names no
    known item (kept as 'unrecognised')."""
    out = _budget_warning(code, {t.column_no for t in lines if t.column_key == BUDGET})
    return out + [
        f"table {code} line {t.source_line}: '{t.name_raw}' is not a known line item; read as 'unrecognised'"
        for t in lines
        if t.line_item == "unrecognised" and t.amount and t.column_key != BUDGET
    ]


def _budget_warning(code: str, numbers: set[int]) -> list[str]:
    if not numbers:
        return []
    budget = ", ".join(map(str, sorted(numbers)))
    return [f"table {code}: budget or prior-year columns (栏次 {budget}) are not this year's 决算 figures; not read"]


def _subject_warnings(code: str, rows: list[SubjectRow]) -> list[str]:
    """Warnings for a subject table, in one pass over its amounts: budget columns (left out), each amount column
    no header word named (its amounts enter no fact), and amount cells whose text is not a number (stored as NULL)."""
    unnamed: dict[str, int] = {}
    cells: list[tuple[int, str, Decimal | None]] = []
    budget: set[int] = set()
    for r in rows:
        for key, (value, raw, number) in r.amounts.items():
            if key.startswith(BUDGET):
                budget.add(number)
                continue
            cells.append((r.line, raw, value))
            if value and key.startswith("col"):
                unnamed[key] = unnamed.get(key, 0) + 1
    return [
        *_budget_warning(code, budget),
        *(
            f"table {code}: amount column 栏次 {key[3:]} is not named by a known header word; its amounts "
            f"({n} rows) stay in staging and enter no fact"
            for key, n in unnamed.items()
        ),
        *_not_numbers(code, cells),
    ]


def _uncoded_warning(code: str, uncoded: list[tuple[str, int]]) -> list[str]:
    """A warning for the rows (name, line) with amounts whose code is neither printed nor recovered: they enter the
    facts with no code, and may be a total worded otherwise (累计) counted twice."""
    if not uncoded:
        return []
    (name, line), n = uncoded[0], len(uncoded)
    what = f"{n} row{'s' if n > 1 else ''} with amounts and no {'economic class' if code == '06' else 'subject'} code"
    return [
        f"table {code}: {what} (first: '{name}' at line {line}); in the facts without a code — "
        "a total worded otherwise would be counted twice"
    ]


def _leaf_rows(parsed: ParsedDocument) -> list[SubjectRow]:
    """Printed subject rows of the document with a full code, table 05 first (its names are the fullest)."""
    order = ["05", "03", "02", "07", "08"]
    return [r for code in order for r in parsed.subjects.get(code, []) if r.code and not r.is_total]


_PRINTED_XIANG = re.compile(r"(\d{7})(?!\d)")  # a 项's code printed before its name in a budget line's path


def _budget_code(line: BudgetLine, rows: list[SubjectRow]) -> tuple[str | None, str]:
    """项 code of a narrative budget line: the code printed before its name where a row of the document has it
    (2210201住房公积金：…), else by its path's names in the document's own rows first, then the reference list."""
    if (printed := _PRINTED_XIANG.match(line.path_text)) and any(r.code == printed[1] for r in rows):
        return printed[1], "table_name"
    subjects = function_subjects()
    cls = subjects.match(line.class_name, "")
    if cls is None:
        return None, "unresolved"
    kuan = subjects.match(line.kuan_name, cls.code)
    kuan_code = (
        kuan.code
        if kuan
        else next(
            (
                r.code
                for r in rows
                if r.level == "款"
                and r.code.startswith(cls.code)
                and match_name(label(line.kuan_name), [RefCode(r.code, r.name_raw, "款", cls.code)])
            ),
            None,
        )
    )
    parent = kuan_code or cls.code
    leaves = list(
        {
            r.code: RefCode(r.code, r.name_raw, "项", parent)
            for r in reversed(rows)
            if r.level == "项" and r.code.startswith(parent)
        }.values()
    )
    if hit := match_name(label(line.xiang_name), leaves):
        return hit.code, "table_name"
    if kuan_code:
        ref = subjects.match(line.xiang_name, kuan_code)
        code = ref.code if ref else suffix_code(line.xiang_name, kuan_code)
        if code:
            return code, "name_in_parent"
    others = {leaf.code for leaf in leaves if leaf.code.endswith("99")}
    if label(line.xiang_name).startswith("其他") and len(others) == 1:
        return others.pop(), "other_in_class"
    return None, "unresolved"


def _read_narrative(parsed: ParsedDocument) -> None:
    narrative, year = sections(parsed.document.paragraphs), parsed.document.fiscal_year
    parsed.statements = read_statements(narrative, year)
    for st in parsed.statements:
        if st.key == "gpb_expense_by_class" and (ref := function_subjects().match(st.detail or "", "")):
            st.subject_code = ref.code
    rows = _leaf_rows(parsed)
    parsed.budget_lines = read_budget_lines(narrative, year)
    for line in parsed.budget_lines:
        line.subject_code, line.code_method = _budget_code(line, rows)
    parsed.projects = read_projects(narrative)


def parse_file(path: str | Path) -> ParsedDocument:
    """Read and interpret one file; raises DocumentError with a one-line reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read file: {exc.strerror}") from exc
    return interpret(parse_document(str(path), data))
