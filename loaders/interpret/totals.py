"""Two-sided totals tables (01 收入支出决算总表, 04 财政拨款收入支出决算总表)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..document import DocumentError, Table
from ..grid import Layout, split_layout
from ..readers import Cell
from ..reference import RefCode, function_subjects, label
from ..text import norm, parse_amount, split_code, strip_numbering
from .layout import BUDGET_WORDS, column_keys, compile_vocab, unnumbered_layout

COLUMN_VOCAB = compile_vocab(
    [
        ("total", r"小计|合计"),
        ("general_public_budget", r"一般公共预算|^公共财政(?:拨款|预算)"),  # 公共财政拨款: its name in 2014
        ("government_fund", r"政府性基金"),
        ("state_capital", r"国有资本经营"),
        BUDGET_WORDS,  # a budget column beside the 决算 one (some templates), a rate: not this year's figures
        ("amount", r"金额|决算数|决算"),
    ]
)
# Line items by label (numbering and a 其中： removed), first match wins; totals before the lines they sum.
# The wordings of other templates and years: 一、本年收入 over its fund lines, 上年结转 / 年终结转结余, …
LINE_ITEMS = compile_vocab(
    [
        ("income_this_year_total", r"^(?:本年)?收入(?:本年)?(?:合计|小计)|^本年收入$"),
        ("expense_this_year_total", r"^(?:本年)?支出(?:本年)?(?:合计|小计)|^本年支出$"),
        ("grand_total", r"^(?:收入|支出)?总计"),
        ("this_year_total", r"^(?:本年)?合计$"),  # 合计 alone: the side's this-year total
        ("use_non_grant_balance", r"使用非财政拨款结余|用事业基金弥补收支差额|使用专用结余"),
        ("balance_distribution", r"^结余分配"),
        ("carryover_begin", r"^(?:年初|期初|上年).*结[转余]"),
        ("carryover_end", r"^(?:年末|期末|年终).*结[转余]|^结转下年"),
        ("gpb_grant", r"^(?:一般公共预算|公共财政)(?:财|拨款|收入|$)"),  # truncated as printed: 国有资本经营预算财
        ("gov_fund_grant", r"^政府性基金预算(?:财|拨款|收入|$)"),
        ("state_capital_grant", r"^国有资本经营预算(?:财|拨款|收入|$)"),
        ("fiscal_grant", r"^财政(?:拨款|补助)(?:收入)?$"),  # older templates: one line for every fund
        ("superior_subsidy", r"^上级补助"),
        ("business_income", r"^事业收入"),
        ("operating_income", r"^经营收入"),
        ("affiliate_remittance", r"^附属单位(?:上缴|缴款)"),
        ("other_income", r"^其他收入"),
        # the expense side by kind of expense (older templates), not by function class
        ("basic_expense", r"^基本支出$"),
        ("basic_personnel", r"^人员经费(?:支出)?$"),
        ("basic_public_use", r"^公用经费(?:支出)?$"),
        ("project_expense", r"^项目支出$"),
        ("remit_to_superior", r"^上[缴解]上级支出$"),
        ("operating_expense", r"^经营性?支出$"),
        ("subsidy_to_affiliates", r"^对?(?:附属|下级)单位补助(?:支出)?$"),
    ]
)
FUND_OF_ITEM = {
    "gpb_grant": "general_public_budget",
    "gov_fund_grant": "government_fund",
    "state_capital_grant": "state_capital",
}
# The expense side's lines by kind of expense: where the side prints its classes too (其中：基本支出 / 项目支出
# under them), another breakdown of the same total, kept as subtotals (out of the facts and T01-02's sum).
KIND_ITEMS = {
    "basic_expense",
    "basic_personnel",
    "basic_public_use",
    "project_expense",
    "remit_to_superior",
    "operating_expense",
    "subsidy_to_affiliates",
}
# A line printed over its parts (一、财政拨款收入 over the fund lines, 一、基本支出 over 其中：人员经费 / 公用经费): a
# subtotal once a part follows it.
HEAD_OF_PART = {
    **dict.fromkeys(FUND_OF_ITEM, "fiscal_grant"),
    **dict.fromkeys(("basic_personnel", "basic_public_use"), "basic_expense"),
}
# A side's label column: 项目, 支出项目, 项目（按功能分类）, 收入科目, or the side's name alone (收入 | 行次 | 金额).
_ITEM_HEAD = re.compile(r"(?:收入|支出)?(?:项目|科目)(?:名称)?(?:（[^）]*）)?|收入|支出")
FUND_ORDER = ["general_public_budget", "government_fund", "state_capital"]
TOTAL_ITEMS = {"income_this_year_total", "expense_this_year_total", "grand_total"}


@dataclass(slots=True)
class TotalsLine:
    side: str  # income / expense
    line_no: str
    source_line: int
    name_raw: str
    line_item: str | None
    fund: str | None
    subject_code: str | None
    column_key: str
    column_no: int
    raw_text: str
    amount: Decimal | None
    is_subtotal: bool


def _sides(header: list[list[Cell]], width: int) -> list[tuple[str, int, int]]:
    """(side, first column, end column) of the income and expense sides, from their 项目 header cells;
    empty when the header has fewer than two."""
    for row in header:
        texts = [norm(c.text) for c in row]
        # a merged heading written into every cell it spans (收入 | 收入 | 收入 | 支出 …) starts its side once
        starts = [i for i, t in enumerate(texts) if _ITEM_HEAD.fullmatch(t) and (i == 0 or texts[i - 1] != t)]
        if len(starts) >= 2:
            spans = [(starts[0], starts[1]), (starts[1], width)]
            # the expense side printed first: its header words name 支出, the other's 收入
            swapped = _names(header, spans[0], "支出", "收入") and _names(header, spans[1], "收入", "支出")
            return [(side, lo, hi) for side, (lo, hi) in zip(SIDES[::-1] if swapped else SIDES, spans, strict=True)]
    return []


SIDES = ("income", "expense")


def _names(header: list[list[Cell]], span: tuple[int, int], word: str, other: str) -> bool:
    """Whether the header words over the columns ``span`` name ``word`` and not ``other``."""
    texts = [norm(c.text) for row in header for c in row[span[0] : span[1]]]
    return any(word in t for t in texts) and not any(other in t for t in texts)


def _spans(header: list[list[Cell]], width: int) -> list[tuple[int, int]]:
    return [(lo, hi) for _, lo, hi in _sides(header, width)]


_OF_WHICH = re.compile(r"^其中[:：]")


@lru_cache(maxsize=4096)
def _classify(name: str) -> str | None:
    n = _OF_WHICH.sub("", label(name))
    return next((key for key, pattern in LINE_ITEMS if pattern.search(n)), None)


def read_totals(table: Table) -> list[TotalsLine]:
    """One staging line per (side, printed line, amount column); the sides side by side or stacked."""
    layout = split_layout(table.rows) or unnumbered_layout(table.rows, _spans)
    if layout is None:
        raise DocumentError(f"table {table.code} (line {table.first_line}): no 栏次 row and no printed amount found")
    width = max(len(r) for r in table.rows)
    sides = [(side, lo, hi, layout) for side, lo, hi in _sides(layout.header, width)] or _stacked(table, layout, width)
    if not sides:
        raise DocumentError(f"table {table.code} (line {table.first_line}): no 项目 header over both sides")
    return [line for side, lo, hi, part in sides for line in _read_side(table.code, part, side, lo, hi)]


def _stacked(table: Table, layout: Layout, width: int) -> list[tuple[str, int, int, Layout]]:
    """The sides of a table printed one above the other (one 项目 column): the expense part starts at a
    支出 / 项目 heading row or, without one, after the income side's 总计 (then under the same columns: an
    amount in a column the header does not number is an error). Empty when neither is found."""
    lo = next((i for row in layout.header for i, c in enumerate(row) if _ITEM_HEAD.fullmatch(norm(c.text))), 0)
    labels = [norm(r[lo].text) if lo < len(r) else "" for r in layout.data]
    at = next((i for i, t in enumerate(labels) if _ITEM_HEAD.fullmatch(t) and "收入" not in t), None)
    if at is not None:
        part = layout.data[at:]
        expense = split_layout(part) or unnumbered_layout(part) or Layout([], part[1:], layout.numbers)
    else:
        at = next((i + 1 for i, t in enumerate(labels) if _classify(t) == "grand_total"), len(labels))
        expense = Layout(layout.header, layout.data[at:], layout.numbers)
        if any(
            k > lo + 1 and k not in layout.numbers and parse_amount(c.text)
            for r in expense.data
            for k, c in enumerate(r)
        ):
            raise DocumentError(
                f"table {table.code} (line {table.first_line}): sides stacked, the 支出 part with amount columns "
                "no header over it names"
            )
    if not expense.data:
        return []
    income = Layout(layout.header, layout.data[:at], layout.numbers)
    return [("income", lo, width, income), ("expense", lo, width, expense)]


def _read_side(table_code: str, layout: Layout, side: str, lo: int, hi: int) -> list[TotalsLine]:
    out: list[TotalsLine] = []
    cols = [c for c in sorted(layout.numbers) if lo <= c < hi]
    keys = column_keys(layout, COLUMN_VOCAB, cols)
    # a side of several amount columns: each names a fund or the total (一般公共预算财政拨款 over 小计 | 基本支出 |
    # 项目支出 prints a fund's parts, not funds: read as more of the fund, they had been counted twice)
    if len(cols) > 1 and (col := next((c for c in cols if not keys.get(c) and layout.words(c)), None)) is not None:
        line = next(r[col].line for r in layout.header if col < len(r) and r[col].text.strip())
        raise DocumentError(
            f"table {table_code} (line {line}): {side} amount column 栏次 {layout.numbers[col]} "
            f"({'/'.join(layout.words(col))}) names neither a fund nor the total"
        )
    columns = [(col, keys.get(col) or "amount", layout.numbers[col]) for col in cols]
    between = range(lo + 1, min(cols, default=lo + 1))  # the columns between the label and the amounts
    in_carryover: str | None = None
    # 一、财政拨款收入 or a 结转和结余 line: a subtotal once its parts (fund lines, 其中：…结余) follow
    head: list[TotalsLine] = []
    for name, r in _labelled_rows(table_code, layout.data, lo, between, cols):
        # the 行次 printed between the label and the amounts, past an empty column a converter left
        line_no = next((t for k in between if k < len(r) and (t := r[k].text.strip())), "")
        item = _classify(name) if name else None
        if item == "this_year_total":
            item = f"{side}_this_year_total"
        if side == "expense" and item in FUND_OF_ITEM and not in_carryover:
            item = None  # 二十一、国有资本经营预算 on the expense side is a class (223), not a fund's grant
        fund, code, is_part = FUND_OF_ITEM.get(item), None, False
        if in_carryover and (item in FUND_OF_ITEM or (not name and line_no) or _carryover_part(name, item)):
            item, is_part = in_carryover, True
        elif item in ("carryover_begin", "carryover_end"):
            in_carryover = item
        elif item in TOTAL_ITEMS:
            in_carryover = None
        if item is None and name:
            ref = _class(name)
            code, item = (ref.code, "class_expense") if ref else (None, "unrecognised")
        if item is None:
            continue
        if is_part or (head and HEAD_OF_PART.get(item) == head[0].line_item):
            for line in head:
                line.is_subtotal = True
        elif item not in HEAD_OF_PART:
            head = []
        # In table 04 the 结转和结余 line is the subtotal of the fund lines printed under it.
        is_sub = item in TOTAL_ITEMS or (item == in_carryover and not is_part and table_code == "04")
        first_out = len(out)
        source_line = r[lo].line if lo < len(r) else r[0].line
        for col, key, number in columns:
            raw = r[col].text.strip() if col < len(r) else ""
            out.append(
                TotalsLine(
                    side,
                    line_no,
                    source_line,
                    name,
                    item,
                    key if key in FUND_ORDER else fund,
                    code,
                    key,
                    number,
                    raw,
                    parse_amount(raw),
                    is_sub or key == "total",
                )
            )
        if item in (*HEAD_OF_PART.values(), in_carryover) and not is_part:
            head = out[first_out:]
    if any(line.line_item == "class_expense" for line in out):
        for line in out:
            line.is_subtotal |= line.line_item in KIND_ITEMS
    return out


_CARRIED = re.compile(r"结[转余]")


def _carryover_part(name: str, item: str | None) -> bool:
    """A line under a 结转和结余 line naming a part of it: 财政拨款结转和结余, 非财政拨款结余, 其中：年初…结转."""
    return bool(_CARRIED.search(name)) and (item is None or bool(_OF_WHICH.match(label(name))))


def _item(name: str) -> str | None:
    """The line item a label names, or the class (expense side)."""
    ref = _class(name)
    return _classify(name) or (ref.code if ref else None)


def _class(name: str) -> RefCode | None:
    """The 类 a label names, also after its code (201 一般公共服务支出, [201]一般公共服务支出); a code and a name of
    two different classes name none."""
    subjects = function_subjects()
    code, rest = split_code(name, "2") or (None, name)
    ref = subjects.match(rest, "")
    if code is None:
        return ref
    own = subjects.by_code.get(code) if len(code) == 3 else None
    return own if ref in (None, own) else None


def _numbered(text: str) -> bool:
    return strip_numbering(norm(text)) != norm(text)


def _labelled_rows(
    table_code: str, rows: list[list[Cell]], lo: int, between: range, cols: list[int]
) -> list[tuple[str, list[Cell]]]:
    """Each printed line's label and row. In a side printing 行次, labels on rows without 行次 or amounts are a
    tall label cell a converter wrote a row per line: joined to the line below (whose label they begin, with the
    rest of it below: a known item, another than its label's alone, or the label above with them none) or else to
    the line above (the rest of its label, not a numbered one); neither: the table is refused."""
    numbered = any(k < len(r) and r[k].text.strip() for r in rows for k in between)
    parts: list[tuple[str, list[Cell] | None, int]] = []  # (label, row; None: a label alone, its source line)
    for r in rows:
        name = r[lo].text.strip() if lo < len(r) else ""
        alone = numbered and name and not any(k < len(r) and r[k].text.strip() for k in [*between, *cols])
        if alone and parts and parts[-1][1] is None and not _numbered(name):  # 营收入 / 七、附属单位上缴: two labels
            parts[-1] = (parts[-1][0] + name, None, parts[-1][2])
        else:
            parts.append((name, None if alone else r, r[lo].line if alone else 0))
    out: list[tuple[str, list[Cell]]] = []
    for i, (text, r, line) in enumerate(parts):
        if r is not None:
            out.append((text, r))
            continue
        below = parts[i + 1][0] if i + 1 < len(parts) else ""
        rest = parts[i + 2][0] if i + 2 < len(parts) and parts[i + 2][1] is None else ""
        name = below + ("" if _numbered(rest) else rest)
        above = out[-1][0] if out else ""
        # the rest of a label the line above begins and names no item alone: 本年 | 27 | 2,510.65 over 收入合计, 二十 |
        # 51 | 217.43 over 一、国有资本经营预算支出
        ends_above = bool(above) and _item(above) is None and _item(above + text) is not None
        up = ends_above or (bool(above) and not _numbered(text))
        down = bool(below) and not _numbered(below) and _item(text + name) is not None
        if down and not ends_above and (not up or _item(above + text) is None or _item(text + name) != _item(name)):
            parts[i + 1] = (text + below, parts[i + 1][1], parts[i + 1][2])
        elif up:
            out[-1] = (above + text, out[-1][1])
        else:
            raise DocumentError(
                f"table {table_code} (line {line}): '{text}' on rows of its own is the label of neither the line "
                "above nor the line below"
            )
    return out
