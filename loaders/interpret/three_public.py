"""Table 09: 财政拨款“三公”经费 budget (预算数) and actual (决算数) by item."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..document import DocumentError, Table
from ..grid import Layout, split_layout
from ..readers import Cell
from ..text import norm, parse_amount, strip_numbering
from .layout import (
    GROUP_FIRST,
    YEAR,
    compile_vocab,
    latest_year,
    row_number_columns,
    unnumbered_layout,
)

ITEMS = compile_vocab(
    [
        # 合计, 总计, 共计, 支出合计, 全部合计, 预算合计, 决算数合计, 收入合计, “三公”经费合计
        ("total", r"^(?:本年|全部|全年|预算|决算|收入|支出)?数?(?:合计|总计|共计)|三公.*合计"),
        ("subtotal", r"^小计"),  # the item of the heading above it (公务用车…费 or 公务接待费)
        ("vehicle_subtotal", r"购置.{0,2}[及和与].{0,2}运[行维]"),  # 购置及运行 / 购置费及运行费 / 购置和运维
        ("abroad", r"出国"),
        ("vehicle_purchase", r"购置"),
        ("vehicle_operation", r"运行"),
        ("reception_part", r"国内.*接待|外事接待|外宾接待"),  # below 公务接待费 | 小计: not an item of its own
        ("reception", r"接待"),
    ]
)
GROUPS = compile_vocab([("prior", r"上年"), ("budget", r"预算"), ("actual", r"决算|实际")])


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


def _item(words: list[str]) -> str | None:
    """The item of a column or row from its words, the lowest naming one first; 小计 takes the item of the
    heading above it (公务用车购置及运行维护费 → vehicle_subtotal, 公务接待费 → reception; none: the total)."""
    found = [item for w in reversed(words) if (item := _match(w, ITEMS))]
    if not found or found[0] != "subtotal":
        return found[0] if found else None
    parent = next((item for item in found[1:] if item != "subtotal"), None)
    if parent is None:
        return "total"  # 小计 heading a 预算数 / 决算数 group's first column: the group's total
    return parent if parent in ("reception", "total") else "vehicle_subtotal"


def _column_words(header: list[list[Cell]], width: int) -> list[list[str]]:
    """Each column's header words, top to bottom; a merged cell's word (left blank under its span by the
    converter) is carried right, within the span of the heading above it."""
    out: list[list[str]] = [[] for _ in range(width)]
    start = [0] * width  # where each column's heading above starts
    for row in header:
        nearest: list[int | None] = []  # the last cell with a word at or left of each cell
        for k, c in enumerate(row):
            nearest.append(k if c.text.strip() else nearest[-1] if k else None)
        for col in range(width):
            p = nearest[min(col, len(row) - 1)] if row else None
            if p is not None and p >= start[col]:
                out[col].append(norm(row[p].text))
                start[col] = p
    return out


def _carry_groups(words: list[list[str]]) -> None:
    """A header flattened into one row prints its group word only in the group's first column, before that
    column's item (预算数合计 | 因公出国（境）费 | … | 决算数合计 | …): split it off and carry it right to the next
    column naming a group."""
    group = None
    for col_words in words:
        if any(_match(w, GROUPS) for w in col_words):
            m = GROUP_FIRST.match(col_words[-1]) if col_words else None
            group, item = (m.group(), col_words[-1][m.end() :]) if m else (None, "")
            if group and _match(item, ITEMS):
                col_words[-1:] = [group, item]
            else:
                group = None
        elif group:
            col_words.insert(0, group)


def _measure(words: list[str], latest: str | None) -> str | None:
    """budget (预算数), actual (决算数) or prior (上年决算数, or an earlier year than the table's latest)."""
    measure = next((m for w in words if (m := _match(w, GROUPS))), None)
    years = [y for w in words for y in YEAR.findall(w)]
    return "prior" if measure and latest and years and max(years) < latest else measure


def read_three_public(table: Table) -> list[ThreePublicCell]:
    """Map each numbered column to (预算/决算, item) from the header, then read the data rows; a table printed
    with one row per item (项目 | 预算数 | 决算数) is read row by row. A prior year's columns are left out."""
    layout = split_layout(table.rows) or unnumbered_layout(table.rows)
    if layout is None:
        raise DocumentError(f"table 09 (line {table.first_line}): no column-number row and no printed amount found")
    width = max(map(len, table.rows))
    words = _column_words(layout.header, width)
    _carry_groups(words)
    latest = latest_year([w for ws in words for w in ws])
    group_of = {col: m for col in range(width) if (m := _measure(words[col], latest))}
    items = {col: item for col in layout.numbers if (item := _item(words[col])) not in (None, "reception_part")}
    group_of.update(dict.fromkeys(_final_by_default(layout, group_of, items), "actual"))
    if items:
        _check_named(table, layout, words, group_of, items)
    out: list[ThreePublicCell] = []
    named = [(col, number, "/".join(words[col])) for col, number in sorted(layout.numbers.items()) if col in items]
    for r in layout.data:
        row_group = next((g for c in r if (g := _match(norm(c.text), GROUPS))), None)
        for col, number, header in named:
            measure = row_group or group_of.get(col)
            if measure not in (None, "prior") and col < len(r):
                out.append(_cell(r, col, number, header, measure, items[col]))
    if out:
        return out
    _check_measured(table, layout, words, group_of)
    return _by_row(layout, group_of, words)


def _check_named(
    table: Table, layout: Layout, words: list[list[str]], group_of: dict[int, str], items: dict[int, str]
) -> None:
    """Refuse the table when a numbered 预算数 / 决算数 column holding amounts names no item: its figures (a total
    worded otherwise) would be left out unseen."""
    for col, number in sorted(layout.numbers.items()):
        unnamed = col not in items and _item(words[col]) != "reception_part"
        if (
            unnamed
            and group_of.get(col) in ("budget", "actual")
            and any(col < len(r) and r[col].text.strip() for r in layout.data)
        ):
            header = "/".join(words[col]) or "no header word"
            raise DocumentError(
                f"table 09 (line {table.first_line}): amount column 栏次 {number} ({header}) names no item"
            )


def _check_measured(table: Table, layout: Layout, words: list[list[str]], group_of: dict[int, str]) -> None:
    """Refuse an item-a-row table with a numbered column holding amounts that is neither 预算数 nor 决算数 (金额 beside
    预算数, 增减): its figures would be left out unseen."""
    for col, number in sorted(layout.numbers.items()):
        if col not in group_of and any(col < len(r) and parse_amount(r[col].text) for r in layout.data):
            header = "/".join(words[col]) or "no header word"
            where = f"table 09 (line {table.first_line}): amount column 栏次 {number} ({header})"
            raise DocumentError(f"{where} is neither 预算数 nor 决算数")


def _final_by_default(layout: Layout, group_of: dict[int, str], items: dict[int, str]) -> list[int]:
    """The numbered columns a 决算表 prints its year's figures in when no header word names 预算数 or 决算数: one
    column naming no item (an item a row: 项目 | 金额, 项目 | 上年数 | 本年数), or a column per item over one row of
    figures; none when the figures could be of more than one kind."""
    if {"budget", "actual"} & set(group_of.values()):
        return []
    unnamed = [col for col in layout.numbers if col not in group_of]
    if len(unnamed) == 1 and unnamed[0] not in items:
        return unnamed
    named = [items.get(col) for col in unnamed]
    rows = [r for r in layout.data if any(col < len(r) and r[col].text.strip() for col in unnamed)]
    return unnamed if len(rows) == 1 and None not in named and len(set(named)) == len(named) else []


def _cell(row: list[Cell], col: int, number: int, header: str, measure: str, item: str) -> ThreePublicCell:
    raw = row[col].text.strip()
    return ThreePublicCell(measure, item, number, header, row[col].line, raw, parse_amount(raw))


def _by_row(layout: Layout, group_of: dict[int, str], words: list[list[str]]) -> list[ThreePublicCell]:
    """Items as rows (the first row naming each item), 预算数 / 决算数 as columns."""
    out: list[ThreePublicCell] = []
    seen: set[str] = set()
    serial = row_number_columns(layout.data, layout.numbers)
    for r in layout.data:
        label = "".join(norm(c.text) for k, c in enumerate(r) if k not in layout.numbers and k not in serial)
        item = _item([strip_numbering(label)])  # 1 | 合计 (a 序号 column), 1.合计
        if item in (None, "reception_part") or item in seen:
            continue
        seen.add(item)
        for col, number in sorted(layout.numbers.items()):
            if (measure := group_of.get(col)) not in (None, "prior") and col < len(r):
                out.append(_cell(r, col, number, "/".join(words[col]), measure, item))
    return out
