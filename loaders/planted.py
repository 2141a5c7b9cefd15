"""Planted errors: copies of a document with one deliberate error each, and how many the checks catch.

Kinds: ``digit`` (one digit of a printed table amount changed, by 1 or more: a change inside the rounding
envelope is reported as ``rounding``, not planted here), ``drop_row`` (a 项 row of table 03 deleted),
``move`` (an amount moved to the next column of its row) and ``narrative`` (a digit of an amount stated
in the narrative changed; a change stated without a rate is left alone: only last year's document can
check it). Works on tab-separated, pipe and HTML tables alike.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import duckdb

from . import cli
from .document import parse_document
from .grid import split_layout
from .readers import HTML_CELL, HTML_ROW, clean_cell
from .text import norm, parse_amount

KINDS = ("digit", "drop_row", "move", "narrative")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(slots=True)
class Plant:
    kind: str
    description: str
    text: str


def _rows_in_line(line: str) -> list[tuple[int, int]]:
    """Spans of the table rows a line holds: the whole line, or each HTML <tr>."""
    spans = [(m.start(), m.end()) for m in HTML_ROW.finditer(line)]
    return spans or [(0, len(line))]


def _cells(row: str) -> list[str]:
    if "<t" in row.lower():
        return [m.group(2) for m in HTML_CELL.finditer(row)]
    if row.strip().startswith("|"):
        return row.strip().strip("|").split("|")
    return row.split("\t")


def _join(row: str, cells: list[str]) -> str:
    if "<t" in row.lower():
        out, last = [], 0
        for m, text in zip(HTML_CELL.finditer(row), cells, strict=False):
            out += [row[last : m.start(2)], text]
            last = m.end(2)
        return "".join(out) + row[last:]
    if row.strip().startswith("|"):
        return "|" + "|".join(cells) + "|"
    return "\t".join(cells)


def _row_span(line: str, match: list[str]) -> tuple[int, int]:
    """Span of the row on ``line`` whose cell texts (cleaned, normalised) are ``match``."""
    for start, end in _rows_in_line(line):
        if [norm(clean_cell(c)) for c in _cells(line[start:end])] == match:
            return start, end
    raise ValueError("row not found")


def edit_row(text: str, line_no: int, match: list[str], change) -> str:
    """Apply ``change(cells) -> cells`` to the row on ``line_no`` whose cell texts are ``match``."""
    lines = text.split("\n")
    line = lines[line_no - 1]
    start, end = _row_span(line, match)
    lines[line_no - 1] = line[:start] + _join(line[start:end], change(_cells(line[start:end]))) + line[end:]
    return "\n".join(lines)


def drop_row(text: str, line_no: int, match: list[str]) -> str:
    """Delete the row on ``line_no`` whose cell texts are ``match`` (the whole line for TSV and pipe rows)."""
    lines = text.split("\n")
    line = lines[line_no - 1]
    start, end = _row_span(line, match)
    if (start, end) == (0, len(line)):
        del lines[line_no - 1]
    else:
        lines[line_no - 1] = line[:start] + line[end:]
    return "\n".join(lines)


def bump_digit(number: str, rng: random.Random) -> str:
    """Change one digit of the integer part (so the value moves by 1 or more)."""
    positions = [i for i, ch in enumerate(number.split(".")[0]) if ch.isdigit()]
    i = rng.choice(positions)
    new = str((int(number[i]) + rng.randint(1, 8)) % 10)
    if i == 0 and new == "0" and len(positions) > 1:
        new = "1" if number[i] != "1" else "2"
    return number[:i] + new + number[i + 1 :]


def _standard_rows(doc):
    for table in doc.tables:
        if table.code:
            for row in table.rows:
                yield table, row


def plant(text: str, kind: str, rng: random.Random) -> Plant:
    """One copy of ``text`` with one error of ``kind``."""
    doc = parse_document("plant.md", text.encode("utf-8"))
    if kind == "digit":
        targets = [
            (t, r, k)
            for t, r in _standard_rows(doc)
            for k, c in enumerate(r)
            if parse_amount(c.text) and "." in c.text and parse_amount(c.text) >= 1
        ]
        table, row, k = rng.choice(targets)
        old = row[k].text
        new = bump_digit(old, rng)
        match = [norm(c.text) for c in row]
        done = edit_row(text, row[k].line, match, lambda cells: _replace_cell(cells, k, old, new))
        return Plant(kind, f"T{table.code} line {row[k].line}: {old} → {new}", done)
    if kind == "drop_row":
        table = doc.table("03")
        layout = split_layout(table.rows)
        leaves = [
            r
            for r in layout.data
            if any(parse_amount(c.text) for c in r) and sum(1 for q in layout.data if q[0].text == r[0].text) > 1
        ]
        row = rng.choice(leaves[1:])
        done = drop_row(text, row[0].line, [norm(c.text) for c in row])
        return Plant(kind, f"T03 line {row[0].line}: row {norm(row[1].text)} dropped", done)
    if kind == "move":
        table = doc.table(rng.choice(["03", "05"]))
        layout = split_layout(table.rows)
        cols = sorted(layout.numbers)
        options = [
            (r, a, b)
            for r in layout.data
            for a, b in pairwise(cols[1:])
            if a < len(r) and b < len(r) and parse_amount(r[a].text) and not r[b].text.strip()
        ]
        row, a, b = rng.choice(options)

        def move(cells):
            cells[a], cells[b] = cells[b], cells[a]
            return cells

        done = edit_row(text, row[0].line, [norm(c.text) for c in row], move)
        return Plant(kind, f"T{table.code} line {row[0].line}: {row[a].text} moved one column right", done)
    # narrative: a digit of an amount stated in the 情况说明
    from .pipeline import interpret

    # A change stated without a rate can only be checked against last year's document, not planted here.
    statements = [
        s
        for s in interpret(doc).statements
        if s.amount_wan and s.amount_wan >= 1 and not (s.key.endswith("_change") and s.percent is None)
    ]
    st = rng.choice(statements)
    lines = text.split("\n")
    line = lines[st.line - 1]
    numbers = [m for m in _NUMBER.finditer(line) if parse_amount(m.group(0)) in (st.amount_wan, st.amount_wan * 10000)]
    if not numbers:
        return plant(text, kind, rng)
    m = rng.choice(numbers)
    new = bump_digit(m.group(0), rng)
    lines[st.line - 1] = line[: m.start()] + new + line[m.end() :]
    return Plant(kind, f"narrative line {st.line}: {m.group(0)} → {new}", "\n".join(lines))


def _replace_cell(cells: list[str], k: int, old: str, new: str) -> list[str]:
    cells[k] = cells[k].replace(old, new, 1)
    return cells


def rename_unit(text: str, unit: str, new: str) -> str:
    return text.replace(unit, new)


def detection(files: list[Path], per_kind: int, seed: int, workdir: Path) -> list[tuple[str, str, str, bool]]:
    """Plant ``per_kind`` errors of every kind in each file; returns (file, kind, description, detected)."""
    rng = random.Random(seed)
    docs = workdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    planted: list[tuple[str, str, str, str]] = []  # unit, file, kind, description
    for f in files:
        text = f.read_text(encoding="utf-8")
        unit = parse_document(str(f), text.encode("utf-8")).unit_name
        clean_unit = f"核对基准{len(planted):04d}单位"
        (docs / f"{clean_unit}.md").write_text(rename_unit(text, unit, clean_unit), encoding="utf-8")
        planted.append((clean_unit, f.name, "clean", ""))
        for kind in KINDS:
            for _ in range(per_kind):
                p = plant(text, kind, rng)
                name = f"核对样本{len(planted):04d}单位"
                (docs / f"{name}.md").write_text(rename_unit(p.text, unit, name), encoding="utf-8")
                planted.append((name, f.name, kind, p.description))
    db = workdir / "planted.duckdb"
    cli.load([str(docs)], db, quiet=True)
    cli.build(db)
    with duckdb.connect(str(db), read_only=True) as con:
        fails = con.execute(
            """select d.unit_name, r.rule_id, r.scope from marts.rpt_reconciliation r
               join marts.dim_document d using (document_id) where r.status = 'fail'"""
        ).fetchall()
        loaded = {u for (u,) in con.execute("select unit_name from marts.dim_document").fetchall()}
    by_unit: dict[str, set[tuple[str, str]]] = {}
    for unit, rule, scope in fails:
        by_unit.setdefault(unit, set()).add((rule, scope))
    baseline: dict[str, set] = {}
    out = []
    for unit, name, kind, description in planted:
        if kind == "clean":
            baseline[name] = by_unit.get(unit, set())
            continue
        new_findings = by_unit.get(unit, set()) - baseline[name]
        out.append((name, kind, description, bool(new_findings) or unit not in loaded))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.planted", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--per-kind", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fiscal-planted-") as tmp:
        results = detection(args.files, args.per_kind, args.seed, Path(tmp))
    total, found = Counter(), Counter()
    for _, kind, description, detected in results:
        total[kind] += 1
        found[kind] += detected
        if not detected:
            print(f"MISSED {kind}: {description}")
    for kind in KINDS:
        print(f"{kind:10} detected {found[kind]:4}/{total[kind]:<4} ({100 * found[kind] / max(total[kind], 1):5.1f}%)")
    rate = sum(found.values()) / max(sum(total.values()), 1)
    print(f"{'all':10} detected {sum(found.values()):4}/{sum(total.values()):<4} ({100 * rate:5.1f}%)")
    return 0 if rate == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
