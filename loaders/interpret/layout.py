"""Header analysis shared by the table interpreters: amount columns (of a table without a 栏次 row too), row numbers,
header words; the beginnings of names a reference list knows. The 栏次 row itself: ``loaders.grid``."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

from ..grid import MAX_HEADER_ROWS, Layout
from ..readers import Cell
from ..reference import CodeList, label
from ..text import cn_number, code_digits, is_printed_amount, norm

_ROW_NUMBER = re.compile(r"[1-9]\d*|(?=.)(?:[二三四五六七八九]?十)?[一二三四五六七八九]?")
# Column spans (start, end) of the sides of a two-sided table, from its header rows and width.
Sides = Callable[[list[list[Cell]], int], list[tuple[int, int]]]


@lru_cache(maxsize=1 << 16)
def row_number(text: str) -> int | None:
    """The number of a row as a 序号 column prints it: 12 or 十二 (01 is a code's part)."""
    t = norm(text)
    return cn_number(t) if _ROW_NUMBER.fullmatch(t) else None


def row_number_columns(rows: list[list[Cell]], skip: Container[int]) -> set[int]:
    """Columns (outside ``skip``, the amount columns) whose row numbers count 1, 2, … n down the rows (a 合计 label
    or a blank between them): row numbers whatever their header says (序号, 编号, No. or none), never codes."""
    counts: dict[int, list[int]] = {}
    for row in rows:
        for k, c in enumerate(row):
            if k not in skip and (n := row_number(c.text)):
                counts.setdefault(k, []).append(n)
    return {k for k, nums in counts.items() if len(nums) > 1 and nums == list(range(1, len(nums) + 1))}


def holds_amounts(rows: list[list[Cell]]) -> bool:
    """Whether any cell holds a printed decimal amount."""
    return any(is_printed_amount(c.text) for row in rows for c in row)


def _code_columns(rows: list[list[Cell]]) -> set[int]:
    """Columns of codes some of which read as amounts (201 | 201.03 | 201.03.50): a code that is no amount, and no
    amount that is no code."""
    kinds: dict[int, set[bool]] = {}
    for row in rows:
        for k, c in enumerate(row):
            code = code_digits(c.text) is not None
            if code != is_printed_amount(c.text):
                kinds.setdefault(k, set()).add(code)
    return {k for k, seen in kinds.items() if seen == {True}}


def _first_item(rows: list[list[Cell]], first_amount: int) -> int:
    """Where the data begins among the ``rows`` above a table's first amount: at a row naming something under a label
    header word (项目 | 预算数 | 决算数 over 因公出国（境）费 | |, its amounts blank), its cells left of the amounts."""
    labels: set[int] = set()  # columns under a label header word
    for i, row in enumerate(rows):
        cells = {k: norm(c.text) for k, c in enumerate(row) if c.text.strip()}
        if max(cells, default=first_amount) < first_amount and any(
            k in labels and not _LABEL.fullmatch(t) for k, t in cells.items()
        ):
            return i
        labels |= {k for k, t in cells.items() if _LABEL.fullmatch(t)}
    return len(rows)


def unnumbered_layout(rows: list[list[Cell]], sides: Sides | None = None) -> Layout | None:
    """A table printed without its 栏次 row: the header ends above the first row holding a printed decimal
    amount, or above a row naming an item there (_first_item). The amount columns of each side (``sides(header,
    width)`` gives the column spans of a two-sided table; one span by default) run from the leftmost column holding
    one to the end of the side, a row-number column aside, numbered 1..n from the left as a 栏次 row would number
    them. None when no such row starts the data."""

    codes = _code_columns(rows)

    def amount_columns(row: list[Cell]) -> list[int]:
        return [k for k, c in enumerate(row) if k not in codes and is_printed_amount(c.text)]

    start = next((i for i, row in enumerate(rows[: MAX_HEADER_ROWS + 1]) if amount_columns(row)), 0)
    if start == 0:
        return None
    start = _first_item(rows[:start], min(amount_columns(rows[start])))
    header, data = rows[:start], rows[start:]
    width = max(len(row) for row in header)
    found = [k for row in data for k in amount_columns(row)]
    serial = row_number_columns(data, set(found))  # the next side's 序号 column ends this side
    numbers: dict[int, int] = {}
    for lo, hi in (sides(header, width) if sides else []) or [(0, width)]:  # one span: no sides found
        first = min((k for k in found if lo <= k < hi), default=hi)
        for col in range(first, hi):
            if col not in serial:
                numbers[col] = len(numbers) + 1
    return Layout(header, data, numbers)


def begins(ref: CodeList, name: str, code: str) -> bool:
    """Whether ``name`` begins the name or an old name (an alias: 行政事业单位离退休) of ``code`` or of a code under it
    in ``ref``: a name cut short, the rest of it on a row of its own."""
    text = label(name)
    return any(label(c.name).startswith(text) for c in ref.by_code.values() if c.code.startswith(code)) or any(
        alias.startswith(text) for alias, of in ref.aliases.items() if of.startswith(code)
    )


Vocab = list[tuple[str, re.Pattern]]


def compile_vocab(pairs: list[tuple[str, str]]) -> Vocab:
    """(key, regex) pairs, compiled; the first matching pattern names the word."""
    return [(key, re.compile(pattern)) for key, pattern in pairs]


# Words under a group heading that only say "the amount": the column is the group's (基本支出 / 金额).
_GENERIC = re.compile(r"^(?:金额|决算数?|数额|决算金额|本年决算数?|[（(]?万?元[）)]?)$")
# Keys that name a column by its place in a group (小计, 合计, 决算数), not by what it holds.
SUBTOTAL_KEYS = {"total", "amount"}
# A column under a 预算 heading (年初预算数 over 小计 | 基本支出 …) holds budget figures, and one under a prior year's
# heading (上年决算数, or 2023年决算数 beside 2024年决算数) last year's: never this year's 决算 figures.
BUDGET = "budget"
# Its header words; also a rate or change against the budget or the prior year (完成率, 增减率, 比上年增减, %).
BUDGET_WORDS = (BUDGET, r"年初预算|全年预算|调整预算|预算数|完成率|增减|比上年|[%％]")
_PRIOR = re.compile(r"上年度?(?:决算|实际|数|同期)|上期")
YEAR = re.compile(r"(20\d\d)年")
# A group word (预算数 / 决算数) that may head a cell: 预算数合计, 2024年决算数小计, 上年决算数合计, 上年数小计.
GROUP_FIRST = re.compile(r"(?:20\d\d年度?|上年度?|本年度?|年初|全年)*(?:预算|决算|实际)数?|(?:上年|本年)度?数")
# Header words of the label columns (name, code, line number, a side's heading), never over an amount column.
_LABEL = re.compile(
    r"(?:功能分类|经济分类)?(?:收入|支出)?(?:项目|科目)?(?:名称|编码|代码)?(?:（[^）]*）)?|[类款项行]|行次|收入|支出"
)


def _sub_column(word: str, vocab: Vocab) -> bool:
    """A column's own word that names nothing known and is neither a generic amount word (金额) nor the short end
    of a word wrapped from the row above (收 / 入)."""
    return len(word) > 3 and not _GENERIC.search(word) and not any(p.search(word) for _, p in vocab)


def classify(words: list[str], vocab: Vocab) -> str | None:
    """The key of the lowest header word of a column that names one; a 小计 under a group heading takes the
    group's key (基本支出 over 小计 | 人员经费 | 公用经费 is the basic column), a sub-column the group does not
    name takes none."""
    found = [key for word in reversed(words) for key, pattern in vocab if pattern.search(word)]
    if not found and len(words) > 1:  # a word wrapped onto the next header row: 对附属单位补 / 助支出
        joined = "".join(words)
        found = [key for key, pattern in vocab if pattern.search(joined)]
    elif words and _sub_column(words[-1], vocab):
        return None  # a part of the group above (基本支出 over 人员经费 | 公用经费), not the group itself
    if found and found[0] in SUBTOTAL_KEYS:
        return next((key for key in found[1:] if key not in SUBTOTAL_KEYS), found[0])
    return found[0] if found else None


def column_keys(layout: Layout, vocab: Vocab, cols: list[int] | None = None) -> dict[int, str | None]:
    """Meaning of each amount column from header words; BUDGET for one under a budget or a prior year's heading.

    Converters often shift header words against the 栏次 numbers; when the header holds as many recognised words
    as there are numbered columns, or as many columns with a heading (recognised or not), they are paired in order,
    else by position, at the offset that puts the most headings and no label word (科目名称) over numbered
    columns.
    """
    cols = sorted(layout.numbers) if cols is None else cols
    lo, hi = (min(cols), max(cols)) if cols else (0, -1)
    width = max((len(r) for r in layout.header), default=0)
    under = _not_final(layout.header, next((pattern for key, pattern in vocab if key == BUDGET), None))
    # one column either side (header words shifted against the numbers), past columns with no header word
    while lo > 1 and not layout.words(lo - 1):
        lo -= 1
    while hi < width - 2 and not layout.words(hi + 1):
        hi += 1
    named = []
    for c in range(max(lo - 1, 0), min(hi + 2, width)):
        words = layout.words(c)
        named.append((c, BUDGET if c in under and words else classify(words, vocab), words))
    worded = [(c, key) for c, key, _ in named if key]
    # a column whose own word is a label's (科目名称 under a group heading) heads no amount column
    labels = {c for c, key, words in named if not key and words and _LABEL.fullmatch(words[-1])}
    headed = [(c, key) for c, key, words in named if key or (words and c not in labels)]
    if paired := next((found for found in (worded, headed) if len(found) == len(cols)), None):
        keys = {c: key for c, (_, key) in zip(cols, paired, strict=True)}
    else:  # by position, at the offset (-1, 0 or +1) that puts the most headings and no label over numbered columns
        numbered = set(cols)
        shift = max(
            (0, 1, -1),
            key=lambda d: (
                sum(1 if c + d in numbered else -1 for c, _ in headed) - sum(c + d in numbered for c in labels)
            ),
        )
        by_col = {c + shift: key for c, key in worded}
        keys = {c: by_col.get(c) for c in cols}
    seen: set[str] = set()
    for c, key in keys.items():
        if key is None and c in under:  # a column with no word of its own under a budget group's heading
            keys[c] = key = BUDGET
        if key in seen and key != BUDGET:  # a key named twice keeps its first column; the other is read unnamed
            keys[c] = None
        seen.add(key)
    return keys


def prior_year(text: str, latest: str | None) -> bool:
    """Whether a heading names a prior year's figures: 上年决算数, 上年数, or a year before ``latest``."""
    years = YEAR.findall(text)
    return bool(_PRIOR.search(text)) or bool(years and latest and max(years) < latest)


def latest_year(texts: list[str]) -> str | None:
    return max((y for t in texts for y in YEAR.findall(t)), default=None)


def _not_final(header: list[list[Cell]], budget: re.Pattern | None) -> set[int]:
    """Header columns under a budget or a prior year's heading; a group heading printed in the first cell of its span
    covers the empty cells to its right (年初预算数 | | | 决算数 | | over 小计 | 基本支出 | 项目支出 twice)."""
    latest = latest_year([norm(c.text) for row in header for c in row])
    under: set[int] = set()
    for row in header:
        group, flat = "", False
        for c, cell in enumerate(row):
            text = norm(cell.text)
            if text and (not flat or _LABEL.fullmatch(text) or GROUP_FIRST.match(text)):
                # a header flattened into one row prints the group word before its first column's own (年初预算数小计
                # | 一般公共预算 | … | 决算数小计 | …): it covers the columns up to the next group word or label
                group, flat = text, bool((m := GROUP_FIRST.match(text)) and m.end() < len(text))
            if (budget and budget.search(group)) or prior_year(group, latest):
                under.add(c)
    return under
