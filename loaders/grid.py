"""A table grid's 栏次 row: where the header ends and the data begins, and the number of each amount column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .readers import Cell
from .text import norm

_INT = re.compile(r"^（?(\d{1,2})）?$")  # 1 or (1) (normalised to full-width brackets)
_CIRCLED = {chr(0x2460 + k): k + 1 for k in range(20)}  # ① … ⑳
_LABELS = {"栏次", "列次", "类", "款", "项", "行次", "行", "编码", "科目编码"}
MAX_HEADER_ROWS = 8


@dataclass(slots=True)
class Layout:
    header: list[list[Cell]]
    data: list[list[Cell]]
    numbers: dict[int, int]  # column index -> 栏次 number

    def words(self, col: int) -> list[str]:
        """Header texts of one column, top to bottom (normalised, non-empty)."""
        return [norm(r[col].text) for r in self.header if col < len(r) and r[col].text.strip()]


def _column_number(text: str) -> int | None:
    """A 栏次 number printed 1, (1) or ①."""
    m = _INT.match(text)
    return int(m.group(1)) if m else _CIRCLED.get(text)


def _numbering_row(row: list[Cell]) -> dict[int, int] | None:
    """The 栏次 numbers of a row of column numbers and labels only (栏次, 类 | 款 | 项 …), by column."""
    nums: dict[int, int] = {}
    labelled = False
    for i, c in enumerate(row):
        if not c.text.strip():
            continue
        t = norm(c.text)
        if n := _column_number(t):
            nums[i] = n
        elif t not in _LABELS:
            return None  # a word: no row of column numbers (most rows end here, at their first cell)
        labelled = labelled or t in ("栏次", "列次")
    if len(nums) < (1 if labelled else 2):
        return None
    values = [nums[i] for i in sorted(nums)]
    if not labelled and values != list(range(values[0], values[0] + len(values))):
        return None
    return nums


def split_layout(rows: list[list[Cell]]) -> Layout | None:
    """Split rows at the 栏次 row (labelled, or a bare 1..n run); None when there is none."""
    for i, row in enumerate(rows[:MAX_HEADER_ROWS]):
        nums = _numbering_row(row)
        if nums:
            return Layout(rows[:i], rows[i + 1 :], nums)
    return None
