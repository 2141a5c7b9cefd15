"""Subject tables (02, 03, 05, 07, 08): function-subject rows × amount columns."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..document import DocumentError, Table
from ..grid import split_layout
from ..readers import Cell
from ..reference import SUFFIX_BY_NAME, function_subjects, label, match_name, suffix_code
from ..text import CODE_BRACKETS, code_digits, norm, parse_amount, split_code
from .layout import (
    BUDGET,
    BUDGET_WORDS,
    begins,
    column_keys,
    compile_vocab,
    row_number,
    row_number_columns,
    unnumbered_layout,
)

# Carried-over money beside the year's figures (年初结转和结余, 上年结转, 上年财政拨款结转, 年末结转和结余): never a
# source of income or a kind of expense, whatever fund it names.
_CARRYOVER = [("carryover_begin", r"(?:年初|上年).*结[转余]"), ("carryover_end", r"年末.*结[转余]")]
# 基本支出 printed as 人员经费 | 公用经费: named where no 基本支出 column is printed (their sum is the row's basic),
# unnamed parts of it under a 基本支出 | 小计 column.
_BASIC_PARTS = [("basic_personnel", r"人员经费"), ("basic_public_use", r"公用经费")]
_EXPENSE = compile_vocab(
    [
        BUDGET_WORDS,
        *_CARRYOVER,
        ("income", r"本年收入"),
        ("total", r"合计|小计"),
        ("basic", r"基本支出"),
        *_BASIC_PARTS,
        ("project", r"项目支出"),
        ("remit_to_superior", r"上[缴解]上级"),
        ("operating", r"经营性?支出"),
        ("subsidy_to_affiliates", r"(?:附属|下级)单位补助"),
    ]
)
VOCAB = {
    "02": compile_vocab(
        [
            BUDGET_WORDS,
            *_CARRYOVER,
            ("total", r"合计|小计"),
            ("fiscal_grant", r"财政拨款|财政补助"),
            ("superior_subsidy", r"上级补助"),
            ("business", r"事业收入"),
            ("operating", r"经营收入"),
            ("affiliate_remittance", r"附属单位(?:上缴|缴款)"),
            ("other", r"其他收入"),
        ]
    ),
    "03": _EXPENSE,
    "05": _EXPENSE,
    "07": _EXPENSE,
    "08": _EXPENSE,
}
_LEI = re.compile(r"^2\d\d$")  # a 类 code (function codes start with 2)
_PART = re.compile(r"^\d\d$")  # a 款 or 项 part
# The total row: 合计, 合 计, 本年支出合计, 收入合计, 全部合计, 总计, 合计：, and 小计 (the table prints no
# other); with a footnote's mark (合计注, 合计*, 合计①).
_TOTAL = re.compile(r"^(?:本年|全部|全年)?(?:收入|支出|收支)?(?:合计|总计|小计)数?(?:：|注\d?|[*※①-⑨])?$")
LEVELS = {3: "类", 5: "款", 7: "项"}


@dataclass(slots=True)
class SubjectRow:
    """One printed row of a subject table, before and after code recovery."""

    row_index: int
    line: int
    printed_code: str | None
    name_raw: str
    amounts: dict[str, tuple[Decimal | None, str, int]]  # column key -> (value, raw text, 栏次)
    is_total: bool = False
    code: str | None = None
    method: str | None = None
    level: str | None = None
    parent_code: str | None = None
    is_leaf: bool = False


def _level_columns(header: list[list[Cell]]) -> dict[int, str]:
    for row in header:
        cols = {i: norm(c.text) for i, c in enumerate(row)}
        if {"类", "款"} <= set(cols.values()):
            return {i: t for i, t in cols.items() if t in ("类", "款", "项")}
    return {}


def _code(cell: Cell) -> str:
    return code_digits(cell.text) or ""


def _level_columns_by_codes(rows: list[list[Cell]], amount_cols: dict[int, str | None]) -> dict[int, str]:
    """类 | 款 | 项 columns without a header naming them: 3-digit codes in one column, 2-digit parts in the next
    two (201 | | , | 03 | , | | 50: each row printing its own level's part, also as 201. | 03. | 50 or .03 | .50)."""
    lei = Counter(k for r in rows for k, c in enumerate(r) if k not in amount_cols and _LEI.match(_code(c)))
    if not lei:
        return {}
    col = lei.most_common(1)[0][0]
    parts = {k for r in rows for k in (col + 1, col + 2) if k < len(r) and _PART.match(_code(r[k]))}
    return {col: "类", col + 1: "款", col + 2: "项"} if parts and not parts & set(amount_cols) else {}


def _join_code(parts: list[tuple[int, str]], levels: dict[int, str], ctx: dict[str, str]) -> str | None:
    """Code from whole or split (类/款/项 cells) printing, carrying 类/款 from earlier rows. A whole code in every
    cell (a merged cell some converters write into each column it spans) is that code once."""
    if parts and len(parts[0][1]) in (3, 5, 7) and all(t == parts[0][1] for _, t in parts):
        return parts[0][1]
    if not parts:
        return None
    if levels and all(i in levels for i, _ in parts):
        pieces = {levels[i]: t for i, t in parts}
    else:
        pieces = dict(
            zip(
                ("类", "款", "项")[3 - len(parts) if len(parts[0][1]) != 3 else 0 :],
                (t for _, t in parts),
                strict=False,
            )
        )
    lei = pieces.get("类") or ctx.get("类")
    kuan = pieces.get("款") or (ctx.get("款", "")[3:] if "项" in pieces else "")
    if not lei or len(lei) != 3 or ("项" in pieces and not kuan):
        return None
    return lei + kuan + pieces.get("项", "")


@lru_cache(maxsize=1 << 14)
def _code_and_name(text: str) -> tuple[str | None, str | None]:
    """The code and the name a cell prints: a code alone (2010350, [2010350], 201.03.50, 2010350., or a part: 201 |
    03 | 50, .03), a code and a name (2010350 事业运行; function codes start with 2) or a name."""
    flat = norm(text).strip(CODE_BRACKETS).rstrip(".．")
    if code := code_digits(flat):
        return code, None
    if split := split_code(text, "2"):
        return split
    return None, text.strip() if flat else None


def read_subject_rows(table: Table) -> list[SubjectRow]:
    """Parse printed rows; codes are kept as printed (recovery happens document-wide)."""
    layout = split_layout(table.rows) or unnumbered_layout(table.rows)
    if layout is None:
        if not any(parse_amount(c.text) for row in table.rows for c in row):
            return []  # printed without 栏次 row and without a single amount: an empty table
        raise DocumentError(f"table {table.code} (line {table.first_line}): no 栏次 row found")
    keys = column_keys(layout, VOCAB[table.code])
    if "basic" in keys.values():
        keys = {col: None if key in dict(_BASIC_PARTS) else key for col, key in keys.items()}
    levels = _level_columns(layout.header) or _level_columns_by_codes(layout.data, keys)
    row_numbers = {i for row in layout.header for i, c in enumerate(row) if norm(c.text) in ("行次", "行号", "序号")}
    row_numbers |= row_number_columns(layout.data, keys)
    # (column, its key in a row's amounts, 栏次): an unnamed or budget column keyed by its 栏次 as well
    columns = [
        (col, f"{key or 'col'}{layout.numbers[col]}" if key in (None, BUDGET) else key, layout.numbers[col])
        for col, key in keys.items()
    ]
    rows: list[SubjectRow] = []
    ctx: dict[str, str] = {}
    wrapped: list[str] = []  # names on rows of their own since the last row
    for r in layout.data:
        codes, names = [], []
        for i, c in enumerate(r):
            if i in keys or not c.text or (i in row_numbers and (norm(c.text).isdigit() or row_number(c.text))):
                continue  # a row number, not a code (合计 printed in its column is the total's label)
            code, cell_name = _code_and_name(c.text)
            if code:
                codes.append((i, code))
            if cell_name and (code or not names or names[-1] != cell_name):  # a merged name cell once
                names.append(cell_name)
        name = " ".join(names)
        amounts = {}
        for col, column, number in columns:
            raw = r[col].text if col < len(r) else ""
            amounts[column] = (parse_amount(raw), raw.strip(), number)
        has_amount = any(raw for _, raw, _ in amounts.values())
        line = r[0].line if r else table.first_line
        is_total = not codes and bool(names) and bool(_TOTAL.match(norm(names[0])))  # 合计 | 含上年结转 (a 备注)
        if not codes and not has_amount and not is_total:
            if name and rows:
                wrapped.append(name)  # a name wrapped onto a row of its own: above or below its row
            continue
        code = _join_code(codes, levels, ctx)
        if code and len(code) not in LEVELS:
            cells = " | ".join(t for _, t in codes)
            raise DocumentError(f"table {table.code} (line {line}): code {code} (printed {cells}) is no 类/款/项 code")
        if wrapped:
            k = _rest_above(wrapped, rows[-1], name, code)
            if not rows[-1].is_total:  # the rest of the row above's name (a total's is whole)
                rows[-1].name_raw += "".join(wrapped[:k])
            name = "".join(wrapped[k:]) + name  # the first part of this row's name, printed above it
            wrapped = []
        if not codes and has_amount and not is_total and name and rows and _without_amounts(rows[-1]):
            rows[-1].name_raw += name  # code and first part of the name above, the rest and the amounts here
            rows[-1].amounts = amounts
            continue
        if code and len(code) == 3:
            ctx = {"类": code}
        elif code and len(code) == 5:
            ctx = {"类": code[:3], "款": code}
        rows.append(SubjectRow(len(rows), line, code, name, amounts, is_total=is_total))
    if wrapped and not rows[-1].is_total:
        rows[-1].name_raw += "".join(wrapped)
    return rows


def _rest_above(wrapped: list[str], above: SubjectRow, name: str, code: str | None) -> int:
    """How many of the names on rows of their own between ``above`` and a row printing ``code`` and ``name`` end the
    name above: the first that does not continue it and from which on they begin the row's name (whole, or cut short
    where the rest follows on rows below it), else all of them."""
    for k in range(len(wrapped)):
        rest = "".join(wrapped[k:]) + name
        if (_names(rest, code) or _begins(rest, code)) and not _begins(
            above.name_raw + "".join(wrapped[: k + 1]), above.printed_code
        ):
            return k
    return len(wrapped)


def _names(name: str, code: str | None) -> bool:
    """Whether ``name`` is the reference name of ``code`` or of one of its children (a 项 row may print its 款
    code), whole or truncated, or a 项 of its 款 by the suffix convention (行政运行, 事业运行, 其他…支出)."""
    if not code:
        return False
    subjects = function_subjects()
    own = subjects.by_code.get(code)
    return (
        (own is not None and match_name(label(name), [own], cut=True) is not None)
        or subjects.match(name, code) is not None
        or _by_suffix(name, code)
    )


def _by_suffix(name: str, code: str) -> bool:
    """Whether ``name``, whole or its beginning (the rest printed on a row below), is a 项 of ``code``'s 款 by the
    suffix convention (行政运行 01 … 事业运行 50, 其他…支出 99)."""
    n = label(name)
    names = [n, *(whole for whole in SUFFIX_BY_NAME if len(n) > 1 and whole.startswith(n))]
    return len(code) > 3 and any((suffix_code(whole, code[:5]) or "").startswith(code) for whole in names)


def _begins(name: str, code: str | None) -> bool:
    """Whether ``name`` begins the name (or an old name) of ``code`` or of a code under it (a name cut short, the rest
    of it on a row of its own)."""
    return code is not None and begins(function_subjects(), name, code)


def _without_amounts(row: SubjectRow) -> bool:
    return row.printed_code is not None and not any(raw for _, raw, _ in row.amounts.values())
