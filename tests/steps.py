"""The steps that made the corpus variants from the real document, as text → text functions.

Each variant's truth file lists its steps (``"steps": ["split_codes", "to_pipe"]``); ``apply`` replays such a list.
The steps work on the tab-separated form of the real document: the content steps (split_codes, to_yuan, retitle,
rename, same_year) first, then at most one syntax step (to_html or to_pipe).
"""

from __future__ import annotations

import re
from decimal import Decimal

from loaders.document import TABLE_NAMES  # the standard names a retitled caption prints (表N  name)

_TABLE_NUMBER = re.compile(r"公开 (0\d) 表")
_AMOUNT = re.compile(r"-?\d{1,3}(?:,\d{3})*\.\d+")
_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")
_YEAR = re.compile(r"20\d\d(?=\s*年)")
# The real document's unit (with or without 市, with its alias in full- or half-width brackets).
_UNIT = re.compile(r"武汉市?信息中心(?:[（(][^）)]*[）)])?")


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of every run of tab-separated lines."""
    out, i = [], 0
    while i < len(lines):
        if "\t" in lines[i]:
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _rows(lines: list[str], first: int, end: int) -> list[list[str]]:
    return [line.split("\t") for line in lines[first:end]]


def _grid_after(lines: list[str], start: int) -> tuple[int, int] | None:
    """The first grid after line ``start``."""
    return next(((a, b) for a, b in _blocks(lines) if a > start), None)


def split_codes(text: str) -> str:
    """Function codes printed in three cells 类 | 款 | 项 (201 | 03 | 50), the name in the fourth, in the tables that
    print full 7-digit codes (02, 05; table 03 prints the 款 code on 项 rows and is left as it is)."""
    lines = text.split("\n")
    for first, end in _blocks(lines):
        rows = _rows(lines, first, end)
        if not any(len(r[0]) == 7 and _CODE.fullmatch(r[0]) for r in rows):
            continue
        for k, cells in enumerate(rows):
            if _CODE.fullmatch(code := cells[0]):
                name = next((c for c in cells[1:4] if c), "")
                lines[first + k] = "\t".join([code[:3], code[3:5], code[5:7], name, *cells[4:]])
    return "\n".join(lines)


def to_yuan(text: str) -> str:
    """Amounts of the standard tables in 元 (×10,000, grouped, 2 decimals); 金额单位 says 元. The narrative and the
    performance tables keep 万元."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "金额单位" in line and "万元" in line:
            lines[i] = re.sub(r"(金额单位[:：]\s*)万元", r"\1元", line)
            first, end = _grid_after(lines, i)
            for k in range(first, end):
                lines[k] = "\t".join(
                    f"{Decimal(c.replace(',', '')) * 10000:,.2f}" if _AMOUNT.fullmatch(c) else c
                    for c in lines[k].split("\t")
                )
    return "\n".join(lines)


def retitle(text: str) -> str:
    """Captions '表N  standard name' in place of the '公开 0N 表' line; the title line above it left blank."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if m := _TABLE_NUMBER.fullmatch(line.strip()):
            code = m.group(1)
            title = max(j for j in range(i) if lines[j].strip())
            lines[title] = ""
            lines[i] = f"表{int(code)}  {TABLE_NAMES[code]}"
    return "\n".join(lines)


def rename(text: str, name: str, year: int) -> str:
    """Another unit of another place and year: the unit (and its alias) → ``name``, 武汉 → ``name``'s place, every
    year printed before 年 shifted by ``year`` − the document's fiscal year."""
    fiscal = int(_YEAR.search(text).group())
    place = re.match(r"(.+?)[省市州县区]", name)
    text = _UNIT.sub(name, text).replace("武汉", place.group(1) if place else "武汉")
    return _YEAR.sub(lambda m: str(int(m.group()) + year - fiscal), text)


def same_year(text: str, year: int) -> str:
    """Every year printed before 年 the same ``year`` (title, dates, the prior year): how yuan-retitled.md prints its
    years after its rename to 2023 (2021 throughout)."""
    return _YEAR.sub(str(year), text)


def _syntax(text: str, render) -> str:
    lines = text.split("\n")
    for first, end in reversed(_blocks(lines)):
        lines[first:end] = render(_rows(lines, first, end))
    return "\n".join(lines)


def to_html(text: str) -> str:
    """Every grid as one-line HTML: <table><tr><td>…</td></tr>…</table> (cell text as it is)."""

    def render(rows: list[list[str]]) -> list[str]:
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        return [f"<table>{body}</table>"]

    return _syntax(text, render)


def to_pipe(text: str) -> str:
    """Every grid as a markdown pipe table, its first row the header."""

    def render(rows: list[list[str]]) -> list[str]:
        width = max(len(r) for r in rows)
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        return [lines[0], "|" + "---|" * width, *lines[1:]]

    return _syntax(text, render)


STEPS = {
    "split_codes": split_codes,
    "to_yuan": to_yuan,
    "retitle": retitle,
    "rename": rename,
    "same_year": same_year,
    "to_html": to_html,
    "to_pipe": to_pipe,
}


def apply(text: str, steps: list) -> str:
    """Replay a truth file's step list (a step is a name or [name, *arguments])."""
    for step in steps:
        name, *args = [step] if isinstance(step, str) else step
        text = STEPS[name](text, *args)
    return text
