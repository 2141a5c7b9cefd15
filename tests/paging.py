"""Page breaks and line wraps over a rendered document, as a PDF-to-text converter leaves them.

A converter reads a PDF page by page. Where a page ends it leaves the page's footer (a page number: 5, - 5 -,
第 5 页 共 20 页) and the next page's running title; a paragraph the page broke becomes two, and a table two grids,
the second maybe under a 续表 / (续) caption, the running 单位 line and its header rows again, and maybe starting
with the rest of a name cell the page broke (or, where the table began at a page's foot, with the rest of its header
rows). A tall cell (a long name on two or three lines) a converter may write a row per line, the row's one-line cells
(code, amounts) beside its first, middle or last line; a long table title wraps over two lines. A text layer wraps
the narrative's lines at a fixed width; the converter keeps the line ends or joins the lines with a space. Word wraps
no line inside a run of digits (3,797.75 stays whole, 万元 may start the next line) and none before closing
punctuation (，。%), so neither does ``paginate``.
A document is paragraphs apart by blank lines; a grid is a paragraph of tab-separated rows (tests/synth.py).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

MARKS = ["{n}", "- {n} -", "第 {n} 页 共 {pages} 页", "第{n}页", "· {n} ·", "{n}/{pages}"]
CONTINUED = ["", "续表", "{caption}（续）", "{caption}（续）\n\n{number}"]
_RUN = re.compile(r"[0-9A-Za-z.,%]")  # a run Word never wraps inside
_NO_START = "，。、；：）)%”！？"  # closing punctuation: never the first character of a line
_TITLE = re.compile(r"20\d\d 年度\S+表")  # a table's title (its number line apart)
_NUMBER_LINE = re.compile(r"公开 \d\d 表")
_AMOUNT = re.compile(r"-?[\d,]+\.\d\d")
# Findings (each flag on: the option the finding keeps off in the tests):
# 23: 评价表: a one-line piece of an indicator's name or target between two rows that a top and a bottom placement
# both explain is left out with a warning (the rest is read; off: no tall cells there). Open: ``_tall`` cuts a name
# at any place a line may end, so 培训 | 人次 above 新增接入单位 reads as well as 培训 above 人次新增接入单位; only
# words (a vocabulary of indicator names) would tell them apart. ``_tall`` may also leave a blank middle line in a
# cell with a space (≤6 | | 小时), which no placement explains: the table's runs are all left out with a warning.
FINDING_23_TALL_EVALUATION_CELL = False
# 28: table 01/04: a line's label on rows of their own: its rest read as a line of its own, an amount beside the last
# line under another line item (一、一般公共预算 / 财政拨款收入 30.00: fiscal_grant 30, gpb 0) (off: none there)
FINDING_28_TALL_TOTALS_LABEL = False
_NAMED = {"02": 2, "03": 1, "05": 1, "07": 1, "08": 1}  # subject tables: the cell a long name wraps in


@dataclass
class Paging:
    """How a converter broke and wrapped a document (the defaults: as rendered)."""

    breaks: int = 0  # page breaks, at random places
    mark: str = MARKS[1]  # the page number's form
    running: bool = False  # the running title at the top of each page
    width: int = 37  # the text layer's lines: a page breaks a sentence at one's end
    joiner: str | None = None  # how the converter keeps a line end: "\n", a space, or not at all (None)
    cell_width: int | None = None  # a grid's text cells wrapped at this width, their lines joined by a space
    in_header: bool = False  # a page may break a table inside its header rows
    caption_width: int = 0  # a table's title longer than this wrapped over lines (0: never)
    tall: float = 0.0  # the share of rows whose long name a converter writes as a row per line (tall cells)


def running_title(unit: str, year: int, kind: str) -> str:
    """The running title at the top of a page of a unit's document of ``year``: half the units (by their name) print
    their name alone (finding 46: it had cut what a page broke)."""
    return unit if sum(map(ord, unit)) % 2 else f"{unit} {year} 年度{kind}"


def draw_paging(rng: random.Random) -> Paging:
    return Paging(
        breaks=rng.randint(5, 30),
        mark=rng.choice(MARKS),
        running=rng.random() < 0.5,
        width=rng.choice([28, 37, 45]),
        joiner=rng.choice([None, "\n", " "]),
        cell_width=rng.choice([None, 4, 5, 7]),
        in_header=rng.random() < 0.5,
        caption_width=rng.choice([0, 24, 30]),
        tall=rng.choice([0.0, 0.3, 0.6]),
    )


def _halves(text: str, k: int) -> tuple[str, str]:
    return text[:k].rstrip(), text[k:].lstrip()


def _cuts(text: str) -> list[int]:
    """Where a line of ``text`` may end (a space there dropped): not inside a run of digits or letters or an HTML
    tag's span (<b>总计</b>), not before closing punctuation or a markdown heading mark."""
    out = []
    for k in range(2, len(text) - 1):
        left, right = _halves(text, k)
        in_run = left == text[:k] and right == text[k:] and _RUN.match(left[-1]) and _RUN.match(right[0])
        in_markup = "<" in text[:k] and ">" in text[k:]
        if left and right and right[0] not in _NO_START + "#" and not in_run and not in_markup:
            out.append(k)
    return out


def lines(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, each ending at the last place it may."""
    out = []
    while len(text) > width and (k := max((k for k in _cuts(text) if k <= width), default=None)):
        line, text = _halves(text, k)
        out.append(line)
    return [*out, text]


def _spaced(grid: str, width: int) -> str:
    """A grid whose text cells (no digit, no markup) longer than ``width`` print a space at each of their line ends
    (市政 务网, 本年收入合 计)."""

    def cell(text: str) -> str:
        if len(text) <= width or re.search(r"[\d<]", text):
            return text
        return " ".join(text[k : k + width] for k in range(0, len(text), width))

    return "\n".join("\t".join(map(cell, row.split("\t"))) for row in grid.split("\n"))


def _sentence(paragraph: str) -> bool:
    return "\t" not in paragraph and not paragraph.startswith(("#", "- ")) and ("，" in paragraph or "。" in paragraph)


def _caption(paragraphs: list[str], i: int) -> tuple[str | None, str | None, str | None]:
    """The title, 公开 NN 表 and 单位 lines above grid ``i`` (None where it has none: a 评价表, a list)."""
    above = paragraphs[max(0, i - 3) : i]
    if len(above) < 3 or not _NUMBER_LINE.fullmatch(above[1]):
        return None, None, None
    return above[0], above[1], above[2]


def _split_header(rng: random.Random, rows: list[str], page: list[str]) -> list[str] | None:
    """A grid broken by a page inside its header rows (after the first): [first part, page, the rest]."""
    first = next((k for k, r in enumerate(rows) if _AMOUNT.search(r) or r.startswith("项目名称")), 0)
    if first < 2:
        return None
    cut = rng.randint(1, first - 1)
    return ["\n".join(rows[:cut]), *page, "\n".join(rows[cut:])]


def _split_grid(rng: random.Random, paragraphs: list[str], i: int, page: list[str]) -> list[str] | None:
    """Grid ``i`` broken by a page after one of its body rows: [first part, page, continuation …], or None when
    it has no two body rows."""
    rows = paragraphs[i].split("\n")
    first = next((k for k, r in enumerate(rows) if _AMOUNT.search(r) or r.startswith("项目名称")), len(rows))
    cuts = list(range(first + 1, len(rows)))
    if not cuts:
        return None
    title, number, unit = _caption(paragraphs, i)
    cell = _NAMED.get(number.split()[1]) if title else None
    named = [  # rows whose name a page may break: its rest on the next page
        k for k in cuts if cell is not None and len(rows[k - 1].split("\t")[cell]) >= 4
    ]
    broken = bool(named) and rng.random() < 0.5
    cut = rng.choice(named if broken else cuts)
    head, tail = rows[:cut], rows[cut:]
    if broken:
        cells = head[-1].split("\t")
        j = rng.randint(2, len(cells[cell]) - 2)
        rest = [""] * len(cells)
        cells[cell], rest[cell] = cells[cell][:j], cells[cell][j:]
        head[-1] = "\t".join(cells)
        tail.insert(0, "\t".join(rest))
    again = []
    if title:
        continued = rng.choice(CONTINUED).format(caption=title, number=number)
        again = [continued] * bool(continued) + [unit] * (rng.random() < 0.4)
        if rng.random() < 0.6:  # the header rows again
            tail[:0] = rows[: next(k for k, r in enumerate(rows) if _AMOUNT.search(r))]
    return ["\n".join(head), *page, *again, "\n".join(tail)]


# Where a converter puts a tall row's one-line cells (code, amounts), for a row of n lines: on the first, on the last,
# in the middle (of 2: the second, or the first).
PLACES = [lambda n: 0, lambda n: n - 1, lambda n: n // 2, lambda n: (n - 1) // 2]
_TALL = {"02": (2,), "03": (1,), "05": (1,), "07": (1,), "08": (1,), "06": (1, 4, 7), "01": (0, 3), "04": (0, 3)}


def _tall_cells(number: str | None, row: list[str]) -> list[int]:
    """The cells of ``row`` of table ``number`` (None: a 评价表 or a list) a long text may wrap in: a subject table's
    name, table 06's panels' names, table 01's and 04's line labels; a 评价表's project name, an indicator's names and
    target."""
    totals = FINDING_28_TALL_TOTALS_LABEL
    if not {"01": totals, "04": totals, None: FINDING_23_TALL_EVALUATION_CELL}.get(number, True):
        return []
    if number is not None:
        cells = _TALL.get(number, ()) if _AMOUNT.search("\t".join(row)) else ()
    elif row[0] == "项目名称":
        cells = (1 + (row[1] == ""),)  # the value beside the label, a blank cell between or not
    else:  # an indicator row ends with its weight and score
        cells = range(2, 6) if len(row) == 9 and _AMOUNT.fullmatch(row[-2]) else ()
    return [k for k in cells if k < len(row) and _cuts(row[k])]


def _tall(rng: random.Random, grid: str, number: str | None, share: float) -> str:
    """``grid`` with some rows' long text cells written a row per line (2 or 3 lines, at places a line may end), the
    row's one-line cells on one of those rows, the same for every row of the grid (a converter reading lines of a
    PDF table)."""
    place = rng.choice(PLACES)
    out = []
    for row in grid.split("\n"):
        cells = row.split("\t")
        tall = [k for k in _tall_cells(number, cells) if rng.random() < share]
        n = min(rng.choice([2, 2, 3]), *(len(_cuts(cells[k])) + 1 for k in tall)) if tall else 1
        rows = [[c if i == place(n) else "" for c in cells] for i in range(n)]
        for k in tall:
            ends = [0, *sorted(rng.sample(_cuts(cells[k]), n - 1)), len(cells[k])]
            for i in range(n):
                rows[i][k] = cells[k][ends[i] : ends[i + 1]].strip()
        out += ["\t".join(r) for r in rows]
    return "\n".join(out)


def paginate(text: str, paging: Paging, rng: random.Random, running: str) -> str:
    """``text`` broken into pages at ``paging.breaks`` random paragraphs (inside a grid between its body rows or its
    header rows, inside a sentence where a line may end, else after the paragraph), each break leaving the page number
    and maybe the ``running`` title; tall cells written a row per line, titles and sentences wrapped as ``paging``
    says."""
    paragraphs = text.rstrip("\n").split("\n\n")
    for i, paragraph in enumerate(paragraphs):
        if paging.tall and "\t" in paragraph:
            number = _caption(paragraphs, i)[1]
            paragraphs[i] = _tall(rng, paragraph, number and number.split()[1], paging.tall)
    at = set(rng.sample(range(2, len(paragraphs) - 1), min(paging.breaks, len(paragraphs) - 3)))
    pages = len(at) + 1
    out: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i not in at:
            out.append(paragraph)
            continue
        n = 1 + sum(k < i for k in at)
        page = [paging.mark.format(n=n, pages=pages)] + [running] * paging.running
        parts = None
        if "\t" in paragraph and paging.in_header and rng.random() < 0.5:
            parts = _split_header(rng, paragraph.split("\n"), page)
        if "\t" in paragraph and parts is None:
            parts = _split_grid(rng, paragraphs, i, page)
        if parts is None and _sentence(paragraph) and len(wrapped := lines(paragraph, paging.width)) > 1:
            k = rng.randint(1, len(wrapped) - 1)
            parts = ["".join(wrapped[:k]), *page, "".join(wrapped[k:])]
        out += parts or [paragraph, *page]
    if paging.caption_width:
        out = [
            rng.choice(["\n", "\n\n"]).join(lines(p, paging.caption_width)) if _TITLE.fullmatch(p) else p for p in out
        ]
    if paging.cell_width:
        out = [_spaced(p, paging.cell_width) if "\t" in p else p for p in out]
    if paging.joiner is not None:
        out = [paging.joiner.join(lines(p, paging.width)) if _sentence(p) else p for p in out]
    return "\n\n".join(out) + "\n"
