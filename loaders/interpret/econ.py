"""Table 06: economic-class panels (人员经费 / 公用经费) with 类 and 款 rows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..document import DocumentError, Table
from ..grid import split_layout
from ..reference import RefCode, econ_classes, label, match_name
from ..text import code_digits, norm, parse_amount, split_code
from .layout import begins, latest_year, prior_year

# The name column's header: 科目名称, 项目名称, 经济科目名称, 经济分类科目名称, 名称, 项目, 支出项目, 科目.
_NAME = re.compile(r"(?:经济)?(?:分类)?(?:科目|项目)?名称|(?:支出)?项目|科目")
_CODE_HEAD = re.compile(r"分类|编码|代码")
_AMOUNT_HEAD = re.compile(r"决算|金额|合计|数|支出")
_TOTAL_LABELS = [("personnel_total", "人员经费"), ("public_use_total", "公用经费")]
_GROUP_TOTAL = {word: key for key, word in _TOTAL_LABELS}  # a group's column -> its total's key


@dataclass(slots=True)
class EconRow:
    panel: int
    cost_group_printed: str | None
    line: int
    printed_code: str | None
    name_raw: str
    raw_text: str
    amount: Decimal | None
    code: str | None = None
    method: str = "unresolved"
    level: str | None = None
    parent_code: str | None = None
    is_leaf: bool = False
    total_key: str | None = None


def _prior_columns(header_row) -> set[int]:
    """Columns headed as a prior year's figures (上年决算数, or 2023年决算数 beside 2024年决算数): never read."""
    texts = [norm(c.text) for c in header_row]
    latest = latest_year(texts)
    return {k for k, t in enumerate(texts) if prior_year(t, latest)}


def _beside(texts: list[str], cols: range, skip: set[int] | None = None) -> int | None:
    """The first column of ``cols`` with a header word, past empty columns (a converter's phantom column) and
    ``skip``."""
    return next((j for j in cols if texts[j] and j not in (skip or ())), None)


def _panels(rows) -> tuple[int, list[tuple[int | None, int, int | None]], dict[int, str]]:
    """The header row, each panel's (code, name, amount) columns (amount None: no 决算数 beside the name) and the
    group words above."""
    for i, row in enumerate(rows[:6]):
        texts = [norm(c.text) for c in row]
        name_cols = [k for k, t in enumerate(texts) if t and _NAME.fullmatch(t)]
        if not name_cols:
            continue
        prior = _prior_columns(row)
        panels = []
        for k in name_cols:
            code_col = _beside(texts, range(k - 1, -1, -1))
            code_col = code_col if code_col is not None and _CODE_HEAD.search(texts[code_col]) else None
            # the amount beside the name, after any prior year's (上年决算数 | 决算数)
            amount_col = _beside(texts, range(k + 1, len(texts)), prior)
            if amount_col is not None and not (_AMOUNT_HEAD.search(texts[amount_col]) and amount_col not in name_cols):
                amount_col = None
            panels.append((code_col, k, amount_col))
        groups: dict[int, str] = {}
        for above in rows[:i]:
            current = None
            for k, c in enumerate(above):
                current = norm(c.text) or current
                if current in ("人员经费", "公用经费"):
                    groups[k] = current
        return i, panels, groups
    raise DocumentError("table 06: no 科目名称 header row found")


def _is_sum(text: str) -> bool:
    """A 合计 / 小计 / 总计 label: 人员经费合计, 公用经费小计, 人员经费总计, 合计."""
    return "合计" in text or "小计" in text or "总计" in text


def _is_total(text: str) -> bool:
    """A total label, or the group row of a list (人员经费 | 120.00)."""
    return _is_sum(text) or text in ("人员经费", "公用经费")


def _total_row(row, prior: set[int], amount_cols: set[int]) -> list[EconRow]:
    """Each total label's amount: printed after it and before the next label, under a panel's 决算数 column when one
    holds it (not a row number beside). A group over two panels may print 0.00 or - under one; two different amounts
    after one label refuse the table."""
    out = []
    labels = [k for k, c in enumerate(row) if _is_total(norm(c.text))]
    for k, end in zip(labels, [*labels[1:], len(row)], strict=True):
        label = row[k].text.strip()
        found = [
            (j, raw)
            for j in range(k + 1, end)
            if j not in prior
            and (raw := row[j].text.strip())
            and (parse_amount(raw) is not None or any(map(str.isdigit, raw)))
        ]  # amounts, or misprints
        printed = [raw for j, raw in found if j in amount_cols] or [raw for _, raw in found]
        figures = [raw for raw in printed if parse_amount(raw) != 0]
        if len({parse_amount(raw) or raw for raw in figures}) > 1:
            raise DocumentError(
                f"table 06 (line {row[k].line}): '{label}' is followed by amounts {' and '.join(figures)}"
            )
        raw = figures[0] if figures else printed[0] if printed else ""
        key = next((key for key, word in _TOTAL_LABELS if word in norm(label)), "total")
        out.append(EconRow(-1, None, row[k].line, None, label, raw, parse_amount(raw), total_key=key))
    return out


def _header_words(row) -> bool:
    """A second header row (合计 | 人员经费 | 公用经费 over the amount columns): words, not one amount."""
    texts = [t for c in row if (t := c.text.strip())]
    return all(parse_amount(t) is None for t in texts) and not all(_is_sum(norm(t)) for t in texts)


def _body(rows, start: int) -> list:
    """The rows under the header row ``start``, less a 栏次 row among them (栏次 | | 1 | 栏次 | | 2 …: the columns'
    numbers, header as in the subject tables)."""
    layout = split_layout(rows)
    if layout is None or len(layout.header) <= start:
        return rows[start + 1 :]
    return rows[start + 1 : len(layout.header)] + layout.data


def _text(row, col: int | None) -> str:
    return row[col].text.strip() if col is not None and col < len(row) else ""


def _code(row, col: int | None) -> str:
    """The code printed in a code cell, its digits when printed with separators (301.01, 301-01)."""
    text = _text(row, col)
    return code_digits(text) or norm(text)


def read_econ_rows(table: Table) -> list[EconRow]:
    """Rows of every panel plus the 人员经费合计 / 公用经费合计 (or 小计) total rows, codes resolved."""
    start, panels, groups = _panels(table.rows)
    header = table.rows[start]
    prior = _prior_columns(header)
    columns = _group_columns(table.rows[start : start + 2])
    read = [p for p in panels if p[2] is not None]
    if len(set(columns.values())) == 2 and (len(panels) == 1 or not read or any(p[2] in columns for p in read)):
        total_col = read[0][2] if len(panels) == 1 and read and read[0][2] not in columns else None
        return _group_list(table, start, columns, total_col)
    if len(read) < len(panels):
        name = next(header[k] for _, k, amount in panels if amount is None)
        raise DocumentError(f"table 06 (line {name.line}): no 决算数 column beside '{name.text.strip()}'")
    # columns with no header word inside a panel (经济分类 | 科目名称 | | 决算数): empty, or the table is misread
    blank = sorted(
        {
            j
            for code, k, amount in panels
            for j in range(k if code is None else code, amount)
            if not header[j].text.strip()
        }
    )
    # each panel's group: the word above its name column or the nearest one left of it
    above = sorted(groups.items(), reverse=True)
    panel_groups = [next((g for k, g in above if k <= name), None) for _, name, _ in panels]
    out: list[EconRow] = []
    last: dict[int, EconRow] = {}  # each panel's row above
    alone: dict[int, list[EconRow]] = {}  # each panel's names on rows of their own below it

    def end_names() -> None:  # names alone at a panel's end: the rest of the row above's, or rows of their own
        for p, lines in alone.items():
            out.extend(_join_lines(last.get(p), lines, None))
        alone.clear()

    for row in _body(table.rows, start):
        if any(_is_total(norm(c.text)) for c in row):
            end_names()
            last.clear()
            if not _header_words(row):
                out.extend(_total_row(row, prior, {p[2] for p in panels}))
            continue
        if cell := next((row[j] for j in blank if _text(row, j)), None):
            raise DocumentError(f"table 06 (line {cell.line}): '{cell.text.strip()}' under no header word")
        for p, (code_col, name_col, amount_col) in enumerate(panels):
            code, name, raw = _code(row, code_col), _text(row, name_col), _text(row, amount_col)
            if not (code or name or raw):
                continue
            if not code and (split := split_code(name, "35")):  # code and name in one cell: 30101 基本工资
                code, name = split
            line = row[name_col].line if name_col < len(row) else row[0].line
            econ = EconRow(p, panel_groups[p], line, code or None, name, raw, parse_amount(raw))
            if not (code or raw):
                alone.setdefault(p, []).append(econ)
                continue
            out.extend(_join_lines(last.get(p), alone.pop(p, []), econ))
            out.append(econ)
            last[p] = econ
    end_names()
    _resolve(out)
    return out


def _join_lines(above: EconRow | None, lines: list[EconRow], below: EconRow | None) -> list[EconRow]:
    """Names alone on their rows between two rows of a panel: a tall name cell a converter wrote a row per line, the
    code and amount beside one of them. The first of ``lines`` end the name above, the rest begin the name below,
    split where both make the beginning of a known class's name (the most to the row above); no such split: rows of
    their own, as printed (returned)."""
    ref, texts = econ_classes(), [r.name_raw for r in lines]
    for k in range(len(lines), -1, -1):
        up, down = "".join(texts[:k]), "".join(texts[k:])
        if (not up or (above and begins(ref, above.name_raw + up, above.printed_code or ""))) and (
            not down or (below and begins(ref, down + below.name_raw, below.printed_code or ""))
        ):
            if above:
                above.name_raw += up
            if below:
                below.name_raw = down + below.name_raw
            return []
    return lines


def _resolve(rows: list[EconRow]) -> None:
    ref = econ_classes()
    current: dict[int, str] = {}
    for r in rows:
        if r.total_key:
            continue
        pc = r.printed_code or ""
        if len(pc) in (3, 5):
            r.code, r.method = pc, "printed"
        else:
            cls = ref.match(r.name_raw, "", pc)
            if cls and cls.code == current.get(r.panel) and ref.match(r.name_raw, cls.code):
                cls = None  # named as the class it is printed under: the class's namesake 款 (39999 其他支出 under 399)
            if cls:
                r.code, r.method = cls.code, "from_name"
            elif r.panel in current:
                item = ref.match(r.name_raw, current[r.panel])
                r.code, r.method = (item.code, "name_in_parent") if item else (None, "unresolved")
            elif item := _kuan_by_name(r.name_raw, pc):  # no 类 row above it in its panel (款 rows only)
                r.code, r.method = item.code, "from_name"
        if r.code and len(r.code) == 3:
            current[r.panel] = r.code
            r.level = "类"
        elif r.code:
            r.level, r.parent_code = "款", r.code[:3]
    parents = {r.parent_code for r in rows if r.parent_code}
    for r in rows:
        r.is_leaf = r.total_key is None and (r.code is None or r.code not in parents)


def _kuan_by_name(name: str, prefix: str) -> RefCode | None:
    """The 款 of any 类 whose code begins with ``prefix`` that ``name`` names (one only)."""
    ref = econ_classes()
    classes = [lei.code for lei in ref.children.get("", []) if lei.code.startswith(prefix)]
    kuan = [c for code in classes for c in ref.children.get(code, [])]
    return match_name(label(name), kuan, "", ref.aliases, ref.by_code)


def _group_columns(header: list) -> dict[int, str]:
    """Amount columns headed 人员经费 / 公用经费 (a list with one column per group)."""
    return {k: t for row in header for k, c in enumerate(row) if (t := norm(c.text)) in ("人员经费", "公用经费")}


def _group_list(table: Table, start: int, columns: dict[int, str], total_col: int | None) -> list[EconRow]:
    """Table 06 as one list with a 人员经费 and a 公用经费 column, and a 合计 column before them or none: each row's
    amount is in its group's column, its 合计 cell the same or blank (a row with its 合计 cell only is read from it);
    a 合计 row gives both groups' totals (and the total, from its 合计 cell). A row with amounts under both groups, or
    a 合计 and a group amount that differ, is not read."""
    texts = [norm(c.text) for c in table.rows[start]]
    name_col = next(k for k, t in enumerate(texts) if t and _NAME.fullmatch(t))
    code_col = name_col - 1 if name_col > 0 and _CODE_HEAD.search(texts[name_col - 1]) else None
    out: list[EconRow] = []
    for row in _body(table.rows, start):
        label = _text(row, code_col) + _text(row, name_col)
        cells = [(group, raw) for col, group in sorted(columns.items()) if (raw := _text(row, col))]
        line = row[name_col].line if name_col < len(row) else row[0].line
        if not label or (cells and all(raw in columns.values() for _, raw in cells)):
            continue  # a blank row, or the header's group words
        total = _text(row, total_col)
        if _is_total(norm(label)):
            keys = [(_GROUP_TOTAL[group], raw) for group, raw in cells] + ([("total", total)] if total else [])
            out += [EconRow(-1, None, line, None, label, raw, parse_amount(raw), total_key=key) for key, raw in keys]
            continue
        if len(cells) > 1:
            raise DocumentError(f"table 06 (line {line}): amounts under both 人员经费 and 公用经费 in one row")
        group, raw = cells[0] if cells else (None, total)
        if cells and total and parse_amount(total) not in (parse_amount(raw), None):
            raise DocumentError(f"table 06 (line {line}): 合计 {total} is not the row's {group} amount {raw}")
        code, name = _code(row, code_col), _text(row, name_col)
        if not code and (split := split_code(name, "35")):
            code, name = split
        out.append(EconRow(0, group, line, code or None, name, raw, parse_amount(raw)))
    _resolve(out)
    return out
