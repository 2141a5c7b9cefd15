"""`fiscal export`: every mart as Parquet (partitioned by fiscal year), and one Excel workbook per unit and
year with the nine tables laid out as in the disclosure (amounts as numbers, in 万元)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

from .batches import batches, by_document
from .document import TABLE_NAMES
from .labels import EXPENSE_COLUMNS, INCOME_SOURCES, THREE_PUBLIC_ITEMS, TOTALS_COLUMNS

COLUMN_HEADERS = {
    "02": {"total": "本年收入合计", **INCOME_SOURCES},
    "expense": EXPENSE_COLUMNS,
    "totals": TOTALS_COLUMNS,
}


def export_parquet(db: Path, out: Path) -> list[Path]:
    """Each mart as Parquet: <out>/<mart>/fiscal_year=<year>/*.parquet, or <out>/<mart>.parquet without a year."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute(
            """select table_name, bool_or(column_name = 'fiscal_year') from information_schema.columns
               where table_schema = 'marts' group by table_name order by table_name"""
        ).fetchall()
        for table, has_year in tables:
            target = out / table if has_year else out / f"{table}.parquet"
            options = (
                "FORMAT parquet, PARTITION_BY (fiscal_year), OVERWRITE_OR_IGNORE" if has_year else "FORMAT parquet"
            )
            con.execute(f"COPY (SELECT * FROM marts.{table}) TO '{target}' ({options})")
            written.append(target)
    return written


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)


# The staging lines the workbooks are laid out from, read for a batch of documents at once (one scan per
# batch, not one per document and table). The first two columns are document_id and table_code.
TABLE_LINES = {
    "subjects": """select document_id, table_code, row_index, coalesce(subject_code, printed_code, ''),
                          subject_name_raw, column_key, amount_wan
                   from staging.stg_raw__subject_lines where {batch}
                   order by document_id, table_code, row_index, column_no""",
    "totals": """select document_id, table_code, side, line_no, line_name_raw, column_key, amount_wan
                 from staging.stg_raw__totals_lines where {batch}
                 order by document_id, table_code, side desc, try_cast(line_no as integer), column_no""",
    "econ": """select document_id, '06', coalesce(econ_code, printed_code, ''), econ_name_raw, amount_wan,
                      coalesce(cost_group_printed, '')
               from staging.stg_raw__econ_lines where {batch}
               order by document_id, total_key nulls first, panel, source_line""",
    "three_public": """select document_id, '09', measure, item, amount_wan from staging.stg_raw__three_public_lines
                       where {batch} order by document_id, column_no""",
}


def export_xlsx(db: Path, out: Path) -> list[Path]:
    """One workbook per document (unit and year): a sheet per standard table, rows as printed. Workbooks are
    written by one process per core (openpyxl takes tens of milliseconds a workbook)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(db), read_only=True) as con, ProcessPoolExecutor(os.cpu_count()) as pool:
        documents = con.execute(
            "select document_id, unit_name, fiscal_year, doc_kind from marts.dim_document order by 2, 3"
        ).fetchall()
        for batch in batches(documents):
            ids = [d[0] for d in batch]
            lines: dict[object, list[tuple]] = {}
            for sql in TABLE_LINES.values():
                lines.update(by_document(con, sql, ids, key_columns=2))  # keys (document_id, table_code)
            paths = [out / f"{_safe(unit)}_{year}_{kind}.xlsx" for _, unit, year, kind in batch]
            years = [year for _, _, year, _ in batch]
            tables = [{code: lines.get((d, code), []) for code in TABLE_NAMES} for d, *_ in batch]
            written += pool.map(_workbook, paths, years, tables, chunksize=20)
    return written


def _workbook(path: Path, year: int, lines: dict[str, list[tuple]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for code, table_lines in lines.items():
        rows = _table_rows(code, table_lines)
        if not rows:
            continue
        name = TABLE_NAMES[code]
        sheet = book.create_sheet(f"{code} {name}"[:31])
        sheet.append([f"{year} 年度{name}", None, None, "金额单位：万元"])
        sheet["A1"].font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.column_dimensions["B"].width = 36
    book.save(path)
    return path


def _table_rows(code: str, lines: list[tuple]) -> list[list]:
    if not lines:
        return []
    if code in ("02", "03", "05", "07", "08"):
        return _subject_rows(lines, code)
    if code in ("01", "04"):
        return _two_sided_rows(lines)
    if code == "06":
        return [["经济分类", "科目名称", "决算数", "经费类别"], *map(list, lines)]
    return _three_public_rows(lines)


def _subject_rows(lines: list[tuple], code: str) -> list[list]:
    headers = COLUMN_HEADERS["02" if code == "02" else "expense"]
    keys = list(dict.fromkeys(key for *_, key, _ in lines))
    rows: dict[int, list] = {}
    for row_index, subject, name, key, amount in lines:
        rows.setdefault(row_index, [subject, name] + [None] * len(keys))[2 + keys.index(key)] = amount
    return [["科目编码", "科目名称", *(headers.get(k, k) for k in keys)], *rows.values()]


def _two_sided_rows(lines: list[tuple]) -> list[list]:
    sides: dict[str, dict[str, list]] = {"income": {}, "expense": {}}
    keys: dict[str, list[str]] = defaultdict(list)
    for side, line_no, name, key, amount in lines:
        if key not in keys[side]:
            keys[side].append(key)
        number = int(line_no) if line_no and line_no.isdigit() else line_no
        sides[side].setdefault(line_no, [name, number]).append(amount)
    headers = COLUMN_HEADERS["totals"]
    header = [
        "收入项目",
        "行次",
        *(headers.get(k, k) for k in keys["income"]),
        "支出项目",
        "行次",
        *(headers.get(k, k) for k in keys["expense"]),
    ]
    left, right = list(sides["income"].values()), list(sides["expense"].values())
    width_left = 2 + len(keys["income"])
    rows = [header]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else [None] * width_left
        b = right[i] if i < len(right) else []
        rows.append(a + b)
    return rows


def _three_public_rows(lines: list[tuple]) -> list[list]:
    items = list(dict.fromkeys(item for _, item, _ in lines))
    table = {m: [label] + [None] * len(items) for m, label in (("budget", "预算数"), ("actual", "决算数"))}
    for measure, item, amount in lines:
        table[measure][1 + items.index(item)] = amount
    return [["", *(THREE_PUBLIC_ITEMS.get(i, i) for i in items)], table["budget"], table["actual"]]
