"""Layouts the corpus does not show, made from the real document: the numbers must not change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders.document import parse_document
from loaders.pipeline import interpret

from .conftest import CORPUS, REAL, truth

LINES = (CORPUS / REAL).read_text(encoding="utf-8").splitlines()
TRUTH = truth(REAL)


def table_block(caption: str) -> tuple[int, int]:
    """(first, end) line indexes of the grid that follows ``caption``."""
    start = LINES.index(caption)
    first = next(i for i in range(start, len(LINES)) if "\t" in LINES[i])
    end = next(i for i in range(first, len(LINES)) if "\t" not in LINES[i])
    return first, end


def leaves(text: str) -> dict[str, dict[str, Decimal]]:
    parsed = interpret(parse_document("layout.md", text.encode("utf-8")))
    out: dict[str, dict[str, Decimal]] = {}
    for r in parsed.subjects["03"]:
        if r.is_leaf:
            out[r.code] = {k: v[0] for k, v in r.amounts.items() if k in ("total", "basic", "project")}
    return out


def expected_leaves() -> dict[str, dict[str, Decimal]]:
    return {c: {k: Decimal(str(v)) for k, v in parts.items()} for c, parts in TRUTH["expense_leaf_all_funds"].items()}


def continued_table03() -> list[str]:
    """Table 03 broken by a page: 续表 caption, header rows repeated, one name wrapped onto the next row."""
    first, end = table_block("2024 年度支出决算表")
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    header = LINES[first : first + 3]
    wrapped = []
    for line in LINES[split:end]:
        cells = line.split("\t")
        if cells[1] == "机关事业单位基本养老保险缴":
            cells[1] = "机关事业单位基本养老"
            wrapped += ["\t".join(cells), "\t保险缴\t\t\t\t\t\t\t\t"]
        else:
            wrapped.append(line)
    return [*LINES[:split], "", "续表", "", *header, *wrapped, *LINES[end:]]


def dashes_for_blanks() -> list[str]:
    first, end = table_block("2024 年度支出决算表")
    body = []
    for i, line in enumerate(LINES):
        if first + 3 < i < end:
            cells = line.split("\t")
            line = "\t".join(c if c or k < 4 or k > 8 else ("-" if k % 2 else "0.00") for k, c in enumerate(cells))
        body.append(line)
    return body


def numbered_captions() -> list[str]:
    """Title lines dropped: tables captioned only '附表N' (number, no name)."""
    out = []
    for line in LINES:
        if line.startswith("公开 0") and line.endswith(" 表"):
            line = "附表" + str(int(line.split()[1]))
        elif line.startswith("2024 年度") and line.endswith("表") and len(line) < 40:
            continue
        out.append(line)
    return out


def page_break_in_table03(between: list[str]) -> list[str]:
    """Table 03 broken by a page with ``between`` (a page number, the caption printed again) and its header
    rows repeated, without a 续表 marker."""
    first, end = table_block("2024 年度支出决算表")
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    return [*LINES[:split], "", *between, "", *LINES[first : first + 3], *LINES[split:]]


def page_number() -> list[str]:
    return page_break_in_table03(["- 5 -"])


def page_footer() -> list[str]:
    return page_break_in_table03(["第 5 页，共 20 页"])


def caption_printed_again() -> list[str]:
    return page_break_in_table03(["2024 年度支出决算表（续）", "", "公开 03 表"])


def no_column_numbers() -> list[str]:
    """Subject tables printed without their 类/款/项/栏次 1…n row (the amount columns named by header words only)."""
    return [line for line in LINES if not line.startswith("类\t款\t项\t栏次")]


@pytest.mark.parametrize(
    "layout",
    [
        continued_table03,
        dashes_for_blanks,
        numbered_captions,
        page_number,
        page_footer,
        caption_printed_again,
        no_column_numbers,
    ],
)
def test_layout_keeps_numbers(layout):
    assert leaves("\n".join(layout())) == expected_leaves()


def test_continuation_rows_and_wrapped_name():
    parsed = interpret(parse_document("layout.md", "\n".join(continued_table03()).encode("utf-8")))
    rows = parsed.subjects["03"]
    names = {r.code: r.name_raw for r in rows}
    assert names["2080505"] == "机关事业单位基本养老保险缴"
    assert len(rows) == 24  # the repeated header rows were not read as data


def test_numbered_captions_find_every_table():
    doc = parse_document("layout.md", "\n".join(numbered_captions()).encode("utf-8"))
    assert sorted(t.code for t in doc.tables if t.code) == ["01", "02", "03", "04", "05", "06", "08", "09"]


def test_subject_tables_without_column_numbers_keep_every_amount():
    def amounts(lines: list[str]) -> dict:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return {
            (code, r.printed_code, r.name_raw, key): value[0]
            for code, rows in parsed.subjects.items()
            for r in rows
            for key, value in r.amounts.items()
            if value[0]
        }

    without = amounts(no_column_numbers())
    assert len(no_column_numbers()) < len(LINES)
    assert without == amounts(LINES) and {code for code, *_ in without} == {"02", "03", "05"}
