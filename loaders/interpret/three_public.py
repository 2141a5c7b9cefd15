"""Table 09: 财政拨款“三公”经费 budget (预算数) and actual (决算数) by item."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..document import DocumentError, Table
from ..text import norm, parse_amount
from .layout import compile_vocab, split_layout

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
    """Map each numbered column to (预算/决算, item) from the header, then read the data rows."""
    layout = split_layout(table.rows)
    if layout is None:
        raise DocumentError(f"table 09 (line {table.first_line}): no column-number row found")
    group_of: dict[int, str] = {}
    for row in layout.header:
        current = None
        for k, c in enumerate(row):
            current = _match(norm(c.text), GROUPS) or current
            if current:
                group_of.setdefault(k, current)
    out: list[ThreePublicCell] = []
    for r in layout.data:
        row_group = next((g for c in r if (g := _match(norm(c.text), GROUPS))), None)
        for col, number in sorted(layout.numbers.items()):
            words = layout.words(col)
            item = next((i for w in reversed(words) if (i := _match(w, ITEMS))), None)
            measure = row_group or group_of.get(col)
            if item is None or measure is None or col >= len(r):
                continue
            raw = r[col].text.strip()
            out.append(ThreePublicCell(measure, item, number, "/".join(words), r[col].line, raw, parse_amount(raw)))
    return out
