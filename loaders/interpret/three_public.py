"""Table 09: 财政拨款“三公”经费 budget (预算数) and actual (决算数) by item."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..document import DocumentError, Table
from ..readers import Cell
from ..text import norm, parse_amount
from .layout import Layout, compile_vocab, split_layout, unnumbered_layout

ITEMS = compile_vocab(
    [
        ("total", r"^合计|^总计"),
        ("vehicle_subtotal", r"小计|购置及运行"),
        ("abroad", r"出国"),
        ("vehicle_purchase", r"购置"),
        ("vehicle_operation", r"运行"),
        ("reception", r"接待"),
    ]
)
GROUPS = compile_vocab([("budget", r"预算"), ("actual", r"决算|实际")])


@dataclass(slots=True)
class ThreePublicCell:
    measure: str  # budget / actual
    item: str
    column_no: int
    header_text: str
    source_line: int
    raw_text: str
    amount: Decimal | None


def _match(text: str, vocab) -> str | None:
    return next((key for key, pattern in vocab if pattern.search(text)), None)


def read_three_public(table: Table) -> list[ThreePublicCell]:
    """Map each numbered column to (预算/决算, item) from the header, then read the data rows; a table printed
    with one row per item (项目 | 预算数 | 决算数) is read row by row."""
    layout = split_layout(table.rows) or unnumbered_layout(table.rows)
    if layout is None:
        raise DocumentError(f"table 09 (line {table.first_line}): no column-number row and no printed amount found")
    group_of: dict[int, str] = {}
    width = max(map(len, table.rows))
    for row in layout.header:
        current = None
        for k in range(width):  # to the table's width: a converter may drop a row's trailing empty cells
            if k < len(row) and row[k].text:  # a blank cell continues a merged header cell; a word starts its own
                current = _match(norm(row[k].text), GROUPS)
            if current:
                group_of.setdefault(k, current)
    out: list[ThreePublicCell] = []
    for r in layout.data:
        row_group = next((g for c in r if (g := _match(norm(c.text), GROUPS))), None)
        for col, number in sorted(layout.numbers.items()):
            words = layout.words(col)
            item = next((i for w in reversed(words) if (i := _match(w, ITEMS))), None)
            measure = row_group or group_of.get(col)
            if item is not None and measure is not None and col < len(r):
                out.append(_cell(r, col, number, "/".join(words), measure, item))
    return out or _by_row(layout, group_of)


def _cell(row: list[Cell], col: int, number: int, header: str, measure: str, item: str) -> ThreePublicCell:
    raw = row[col].text.strip()
    return ThreePublicCell(measure, item, number, header, row[col].line, raw, parse_amount(raw))


def _by_row(layout: Layout, group_of: dict[int, str]) -> list[ThreePublicCell]:
    """Items as rows (the first row naming each item), 预算数 / 决算数 as columns."""
    out: list[ThreePublicCell] = []
    seen: set[str] = set()
    for r in layout.data:
        label = "".join(norm(c.text) for k, c in enumerate(r) if k not in layout.numbers)
        item = _match(label, ITEMS)
        if item is None or item in seen:
            continue
        seen.add(item)
        for col, number in sorted(layout.numbers.items()):
            if (measure := group_of.get(col)) is not None and col < len(r):
                out.append(_cell(r, col, number, "/".join(layout.words(col)), measure, item))
    return out
