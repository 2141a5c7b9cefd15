"""Readers: turn converted document text into paragraphs and cell grids (syntax only).

Three table syntaxes are recognised: tab-separated lines, markdown pipe tables and HTML
``<table>`` elements. Every cell keeps the 1-based source line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from itertools import repeat, zip_longest
from operator import itemgetter

from .text import is_printed_amount


class Cell(tuple):
    """(text, line). A plain tuple subclass: built in C as ``Cell((text, line))``, thousands per document."""

    __slots__ = ()
    text = property(itemgetter(0))
    line = property(itemgetter(1))


@dataclass(slots=True)
class Paragraph:
    line: int
    text: str


@dataclass(slots=True)
class Grid:
    line: int
    rows: list[list[Cell]] = field(default_factory=list)
    loose: list[int] = field(default_factory=list)  # lines of a row whose cells could not be placed (not read)

    @property
    def last_line(self) -> int:
        return max((row[-1].line for row in self.rows if row), default=self.line)


_TAG = re.compile(r"<[^>]+>")
# Tags of inline elements, which print no space (Word splits a cell's text over <span> runs: <span>3,79</span><span>
# 7.75</span> prints 3,797.75); other tags (<br>, <p>, <div>, <sup>, <sub>) break the text.
_INLINE = re.compile(r"</?(?:span|font|b|strong|em|i|u|s|a|o:p)\b[^>]*>", re.I)
# A footnote's mark raised after a figure (3,797.75<sup>1</sup>, 合计<sup>注</sup>): no part of the cell's text.
_NOTE_MARK = re.compile(r"(?<![A-Za-z])<sup\b[^>]*>\s*(?:\d{1,2}|[①-⑳*※]|注\d{0,2})\s*</sup\s*>", re.I)
# A line break between two Chinese characters (a long name a cell wraps, 其他技术与研<br>究与开发支出) joins them
# without a space, as CSS joins a segment break between East Asian characters.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\s*(?:<br\s*/?>|\n)\s*(?=[{_CJK}])", re.I)
_CHECKED = re.compile(r"<input[^>]*\bchecked\b[^>]*>", re.I)
_UNCHECKED = re.compile(r"<input[^>]*>", re.I)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption\s*>", re.I | re.S)
_BREAK = re.compile(r"(<br\s*/?>|\n)", re.I)
_PIPE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^[-*+]\s+")
_MD_DECOR = re.compile(r"^#{1,6}\s*|\*\*|__")
# A block quote's marks (> > …), not a comparison's (> 90%, >= 95%, > 0.5)
_QUOTE_MARKS = re.compile(r"^(?:>[ \t]?)+(?![=\s]*\d+(?:\.\d+)?\s*(?:[%％]|$))(?![=<>])")
# The pieces of an inline tag a row break cut (<b>本年支出合计</b written over two rows): its opening at a cell's end
# (</b, <b, <span style="…, </), its rest at a cell's start (b>, /b>, span style="…">) — not a comparison (Q<A的比例,
# 满意度>90%, p>0.05, s>=95%, i > 0).
_INLINE_TAG = r"(?:b|strong|em|i|u|s|span|font|sup|sub|p|div|br)"
_CUT_OPENING = rf"</?(?:{_INLINE_TAG}(?:\s[^<>]*)?)?$"
_TAG_PIECES = re.compile(rf"{_CUT_OPENING}|^\s*/?{_INLINE_TAG}(?:\s+[\w-]+=[^<>]*)?>(?![\d=])")


def clean_cell(text: str) -> str:
    """Strip HTML tags and the pieces of one a row break cut (keeping checkbox state as ☑/☐), decode entities
    (&nbsp; &amp; &#160; …), drop markdown bold marks and strip surrounding space."""
    if "\n" in text or "<b" in text or "<B" in text:  # a <br> or a new line
        text = _CJK_BREAK.sub("", text)
    if "<" in text:
        if "up" in text or "UP" in text or "Up" in text:  # a <sup>
            text = _NOTE_MARK.sub("", text)
        if "nput" in text or "NPUT" in text:  # an <input> (a checkbox)
            text = _CHECKED.sub("☑", text)
            text = _UNCHECKED.sub("☐", text)
        text = _TAG.sub(" ", _INLINE.sub("", text))
    if "<" in text or ">" in text:
        text = _TAG_PIECES.sub("", text)
    if "&" in text:
        text = unescape(text).replace("\xa0", " ")  # &nbsp; as a plain space
    if "**" in text:  # markdown bold inside a cell: **合计**
        text = text.replace("**", "")
    return text.strip()


HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.I | re.S)
HTML_CELL = re.compile(r"<t[dh]\b([^>]*)>(.*?)</t[dh]\s*>", re.I | re.S)
_SPAN = re.compile(r"\b(colspan|rowspan)\s*=\s*[\"']?(\d+)", re.I)
_WS = re.compile(r"\s+")
# Case-insensitive by character classes: a literal first character keeps the search fast.
_TABLE_OPEN = re.compile(r"<[tT][aA][bB][lL][eE]")
_TABLE_END = re.compile(r"</[tT][aA][bB][lL][eE]>|<[tT][aA][bB][lL][eE]")  # its </table>, or the next table


def _html_text(text: str) -> str:
    if "<" in text or "\n" in text or "&" in text or "**" in text:
        text = _WS.sub(" ", clean_cell(text))
    return text.strip()


def _cells(texts: list[str], line: int, clean=str.strip) -> list[Cell]:
    """Cells of one row, all on ``line`` (built in C: thousands per document)."""
    return list(map(Cell, zip(map(clean, texts), repeat(line))))


def _has_markup(body: str, cell_count: int) -> bool:
    """Whether an HTML row holds tags, entities or markdown bold marks (<td>**合计**</td>, as some converters
    write emphasis) beyond its cells' own <td> and </td>."""
    return "&" in body or "**" in body or body.count("<") > 2 * cell_count


def _html_row(body: str, line: int) -> list[Cell]:
    """Cells of one ``<tr>`` written on one line without merged cells."""
    texts = [text for _, text in HTML_CELL.findall(body)]
    return _cells(texts, line, _html_text if _has_markup(body, len(texts)) else str.strip)


_STRUCTURE = re.compile(r"</?t(?:[dhr]|able)\b", re.I)


def _plain_rows(chunk: str, line: int) -> list[list[Cell]] | None:
    """Rows of a table written on one line with bare <table>, <tr> and <td> tags, split without a regex
    per cell (inline markup inside cells is cleaned); None for any other shape."""
    if not (chunk.startswith("<table><tr>") and chunk.endswith("</tr></table>")):
        return None
    rows = []
    for piece in chunk[len("<table><tr>") : -len("</tr></table>")].split("</tr><tr>"):
        if piece and not (piece.startswith("<td>") and piece.endswith("</td>")):
            return None
        texts = piece[len("<td>") : -len("</td>")].split("</td><td>") if piece else []
        marked = _has_markup(piece, len(texts))
        if marked and any(_STRUCTURE.search(t) for t in texts):
            return None
        rows.append(_cells(texts, line, _html_text if marked else str.strip))
    return rows


_EMPTY_CELL = re.compile(r"<(t[dh])\b([^>]*?)\s*/>", re.I)  # <td/>, <td colspan="2"/> (XML serialisers)
_TABLE_TAG = re.compile(r"<(/?)(t[dhr]|thead|tbody|tfoot|table)\b[^>]*>", re.I)


def _closed(low: str) -> bool:
    """Whether a lower-cased table closes as many cells and rows as it opens (counted in C: <th without <thead)."""
    opened = low.count("<td") + low.count("<th") - low.count("<thead")
    closed = low.count("</td") + low.count("</th") - low.count("</thead")
    return opened == closed and low.count("<tr") == low.count("</tr")


def _close_tags(chunk: str) -> str:
    """The table with the </td>, </th> and </tr> tags HTML lets a writer leave out written in, as browsers read
    them: a cell ends where another cell, a row, a row group (<thead>, <tbody>) or the table begins or ends, a row
    where another row or a row group begins or ends; a closing tag with nothing open is dropped."""
    out, at, cell, row = [], 0, "", False
    for m in _TABLE_TAG.finditer(chunk):
        closing, name = m.group(1), m.group(2).lower()
        out.append(chunk[at : m.start()])
        at = m.end()
        if closing and name in ("td", "th"):
            if cell:
                out.append(m.group(0))
            cell = ""
            continue
        if cell:  # any other tag ends the open cell
            out.append(f"</{cell}>")
            cell = ""
        if name in ("td", "th"):
            if not row:  # a cell outside a row starts one
                out.append("<tr>")
            cell, row = name, True
            out.append(m.group(0))
            continue
        if row:  # a row, a row group or the table, opening or closing, ends the open row
            out.append("</tr>")
        row = name == "tr" and not closing
        if not (closing and name == "tr"):  # </tr> written above, or dropped with no row open
            out.append(m.group(0))
    out.append(chunk[at:])
    return "".join(out)


def read_html_table(chunk: str, first_line: int) -> list[list[Cell]]:
    """Rows of one HTML table (converters write flat tables: a regex suffices), spans expanded."""
    if "/>" in chunk:
        chunk = _EMPTY_CELL.sub(r"<\1\2></\1>", chunk)
    if "\n" not in chunk and (plain := _plain_rows(chunk, first_line)) is not None:
        return plain
    if not _closed(chunk.lower()):  # the split above refuses a cell holding a structural tag
        chunk = _close_tags(chunk)
    spans = "=" in chunk and _SPAN.search(chunk) is not None
    if not spans and "\n" not in chunk:  # the common case: the whole table on one line
        return [_html_row(body, first_line) for body in HTML_ROW.findall(chunk)]
    rows: list[list[Cell]] = []
    pending: dict[tuple[int, int], Cell] = {}
    row_line, counted = first_line, 0
    for rm in HTML_ROW.finditer(chunk):
        body = rm.group(1)
        row_line += chunk.count("\n", counted, rm.start(1))
        counted = rm.start(1)
        if not spans and "\n" not in body:
            rows.append(_html_row(body, row_line))
            continue
        row: list[Cell] = []
        for cm in HTML_CELL.finditer(body):
            attrs = cm.group(1)
            line = row_line + body.count("\n", 0, cm.start()) if "\n" in body else row_line
            cell = Cell((_html_text(cm.group(2)), line))
            while pending and (len(rows), len(row)) in pending:
                row.append(pending.pop((len(rows), len(row))))
            span = {k.lower(): max(1, int(v)) for k, v in _SPAN.findall(attrs)} if attrs else {}
            for k in range(span.get("colspan", 1)):
                for dr in range(1, span.get("rowspan", 1)):
                    pending[(len(rows) + dr, len(row))] = Cell(("", line))
                row.append(cell if k == 0 else Cell(("", line)))
        while pending and (len(rows), len(row)) in pending:
            row.append(pending.pop((len(rows), len(row))))
        rows.append(row)
    return rows


_PIPE = re.compile(r"(?<!\\)\|")
# Markdown's backslash escapes (CommonMark): a backslash before ASCII punctuation is that character (1\. \( \* \|, as
# pandoc writes them), one ending a line a hard break (pandoc's line break); before anything else it is text.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~]|$)")


def _unescape(text: str) -> str:
    """Markdown text (a paragraph's line, a pipe or tab cell's; not an HTML table's raw text) with its backslash
    escapes resolved and its hard break dropped."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _split_pipe(body: str, lead: bool = True, trail: bool = True) -> list[str]:
    """Cell texts of a stripped pipe-table row, its outer pipes dropped where the table writes them (``lead``,
    ``trail``)."""
    if lead and body.startswith("|"):
        body = body[1:]
    if trail and body.endswith("|"):
        body = body[:-1]
    if "\\" not in body:
        return body.split("|")
    return [_unescape(part.strip()) for part in _PIPE.split(body)]


def _pipe_style(rule: str) -> tuple[bool, bool, int | None]:
    """A pipe table's outer pipes, leading and trailing, as its delimiter row writes them (GFM lets a table leave
    them out: ---|---), and its number of cells; a table without a delimiter row writes both (and no count)."""
    if not _is_rule(rule):
        return True, True, None
    lead, trail = rule.startswith("|"), rule.endswith("|")
    return lead, trail, len(_split_pipe(rule, lead, trail))


def _pipe_cells(row: str, lead: bool, trail: bool, width: int | None) -> list[str] | None:
    """Cell texts of a pipe row in a table of that style. In a table without outer pipes a row beginning or ending
    with an empty cell begins or ends with a pipe: one written with the outer pipes its table leaves out fits its
    cells only without them; a row with neither and fewer cells has its last ones left out (GFM pads it); None for a
    row fitting no way (its cells cannot be placed)."""
    texts = _split_pipe(row, lead, trail)
    if width is None or (lead and trail) or len(texts) == width:
        return texts
    if not (lead or trail or row.startswith("|") or row.endswith("|")) and len(texts) < width:
        return texts + [""] * (width - len(texts))  # its empty last cells left out, as GFM allows: padded
    texts = _split_pipe(row)
    return texts if len(texts) == width else None


_GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+$")


def _grid_table(lines: list[str], i: int) -> tuple[Grid, int]:
    """A grid table from its first +---+ line: the | lines between two rule lines are one row, each cell's
    lines joined (a cell may hold several). Returns the grid and the index after it."""
    grid, texts, first = Grid(i + 1), [], 0
    while i < len(lines) and (row := lines[i].strip()) and row[0] in "+|":
        if row[0] == "+":
            if texts:
                grid.rows.append(_cells(texts, first, _cleaner(" ".join(texts))))
            texts = []
        else:
            parts = [part.strip() for part in _split_pipe(row)]
            if not texts:
                first = i + 1
            texts += [""] * (len(parts) - len(texts))
            for k, part in enumerate(parts):
                texts[k] += part
        i += 1
    if texts:
        grid.rows.append(_cells(texts, first, _cleaner(" ".join(texts))))
    return grid, i


# A cell the row break left inside a tag's markup (<b>本年支出合计</ · <b), its rest (…>) starting the cell below; or
# after an opening tag not closed in it (<b> · <b>本年), any text below being inside the element.
_IN_TAG = re.compile(_CUT_OPENING)
_TAG_REST = re.compile(r"[^<]*>")
_IN_ELEMENT = re.compile(r"<(?!br\b|input\b|img\b)[A-Za-z][^<>]*>[^<]*$", re.I)


def _add_row(grid: Grid, texts: list[str], line: int, row: str, above: list[str] | None) -> list[str] | None:
    """Append the cells ``texts`` of ``row`` to ``grid``, or join them to the row above (its texts as read: ``above``)
    where they are only text inside tags that row left open in the same cells, or that row's only cells are such
    tags, closed below (a tall cell a converter wrote a row per line, a tag cut by the row break: <b> over 本年支出合计
    </b; its pieces had read as the label of a row of their own). The texts the next row may join, None where they
    hold no tag."""
    if above:
        filled = [k for k, text in enumerate(texts) if text.strip()]
        inside = {
            k
            for k in filled
            if k < len(above)
            and (_IN_ELEMENT.search(above[k]) or (_IN_TAG.search(above[k]) and _TAG_REST.match(texts[k])))
        }
        closed = {k for k in inside if "</" in texts[k] or _TAG_REST.match(texts[k])}
        alone = bool(inside) and inside.issuperset(filled)
        if alone or (closed and closed.issuperset(k for k, text in enumerate(above) if text.strip())):
            joined = [a + b for a, b in zip_longest(above, texts, fillvalue="")]
            grid.rows[-1] = _cells(joined, grid.rows[-1][0].line if alone else line, clean_cell)
            return joined
    grid.rows.append(_cells(texts, line, _cleaner(row)))
    return texts if "<" in row else None


def _is_rule(row: str) -> bool:
    """A markdown table's delimiter row: | --- | :---: | (never a lone --- rule)."""
    return "-" in row and "|" in row and _PIPE_RULE.match(row) is not None


def _cleaner(row: str):
    """How the cells of a tab or pipe row are cleaned: markup and entities only where the row has some."""
    return clean_cell if "<" in row or ">" in row or "&" in row or "**" in row else str.strip


def read_blocks(text: str) -> list[Paragraph | Grid]:
    """Split document text into paragraphs and table grids, in document order.

    Lines end at \\n (or \\r\\n) only, as grep and editors count them: a form feed left by a PDF
    converter at a page break, or a vertical tab inside a cell, does not shift later line numbers. A text
    without \\n ends its lines at \\r (classic Mac). A line that cleans to nothing (an HTML comment) is no
    paragraph.
    """
    lines = text.replace("\r\n", "\n").split("\n") if "\n" in text else text.split("\r")
    blocks: list[Paragraph | Grid] = []
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        stripped = raw.strip()
        lineno = i + 1
        if "<" in raw and (opening := _TABLE_OPEN.search(raw)):
            j, stop = _html_end(lines, i, opening.end())
            if lines[j][stop:].strip():  # text or another table after it: read it next
                chunk = "\n".join([*lines[i:j], lines[j][:stop]])
                lines[j] = lines[j][stop:]
                j -= 1
            else:
                chunk = "\n".join(lines[i : j + 1])
            start = opening.start()
            if before := clean_paragraph(chunk[:start]):  # text before it (a wrapper's <div> alone is none)
                blocks.append(Paragraph(lineno, before))
            table, table_line = chunk[start:], lineno + chunk.count("\n", 0, start)
            if "aption" in table:
                captions, table = _split_caption(table, table_line)
                blocks.extend(captions)
            blocks.append(Grid(lineno, read_html_table(table, table_line)))
            i = j + 1
            continue
        if stripped.startswith("+") and _GRID_RULE.match(stripped):  # a grid table (pandoc): +----+----+
            grid, i = _grid_table(lines, i)
            blocks.append(grid)
            continue
        if "|" in stripped and (
            (stripped.startswith("|") and stripped.count("|") >= 2) or (i + 1 < n and _is_rule(lines[i + 1].strip()))
        ):  # a pipe table, with outer pipes or (GFM) without them above its delimiter row
            grid, delimiter, above = Grid(lineno), i + 1, None
            lead, trail, width = _pipe_style(lines[delimiter].strip() if delimiter < n else "")
            while i < n and (row := lines[i].strip()) and (row.startswith("|") if lead else "|" in row):
                # the delimiter row after the header row; a rule of --- repeated under a header printed again
                if not (_is_rule(row) and (i == delimiter or "---" in row or ":" in row)):
                    if (texts := _pipe_cells(row, lead, trail, width)) is None:
                        grid.loose.append(i + 1)
                    else:
                        above = _add_row(grid, texts, i + 1, row, above)
                i += 1
            blocks.append(grid)
            continue
        if "\t" in raw:
            grid, above = Grid(lineno), None
            while i < n:
                row = lines[i]
                if "\t" in row:
                    texts = row.split("\t") if "\\" not in row else [_unescape(t.strip()) for t in row.split("\t")]
                elif i + 1 < n and "\t" in lines[i + 1]:  # between two rows: its cells separated by spaces?
                    widths = {len(grid.rows[-1]), lines[i + 1].count("\t") + 1}
                    if (texts := _spaced_cells(row, widths)) is None:
                        break
                    if not texts:
                        grid.loose.append(i + 1)
                        i += 1
                        continue
                elif not (texts := _spaced_cells(row, {len(grid.rows[-1])})):  # the last row, spaced: as wide
                    break
                above = _add_row(grid, texts, i + 1, row, above)
                i += 1
            blocks.append(grid)
            continue
        if stripped and (cleaned := _unescape(clean_paragraph(stripped))):
            blocks.append(Paragraph(lineno, cleaned))
        i += 1
    for block in blocks:
        if isinstance(block, Grid) and block.rows and block.rows[0]:
            _drop_synthetic(block.rows)
    return blocks


def _drop_synthetic(rows: list[list[Cell]]) -> None:
    """Leave out what a converter adds to a grid and no document prints: a DataFrame's index (0, 1, 2 … down the
    first column of every row, under an empty header cell), and a first row of column names it made up (Column1 …
    ColumnN as a spreadsheet table's export names them, 0 … n-1 as a DataFrame numbers them). Real 栏次 and 行次
    numbers count from 1."""
    if not rows[0][0].text and len(rows) > 2 and all(row and row[0].text == str(k) for k, row in enumerate(rows[1:])):
        rows[:] = [row[1:] for row in rows]
    names = [c.text for c in rows[0]]
    if len(names) > 1 and names in ([f"Column{k + 1}" for k in range(len(names))], list(map(str, range(len(names))))):
        del rows[0]


def _html_end(lines: list[str], i: int, start: int) -> tuple[int, int]:
    """(line index, offset) where the HTML table opened on ``lines[i]`` before ``start`` ends: after its </table>,
    or, where that was left out, at a blank line (as an HTML block in markdown ends) or before the next table."""
    j, n = i, len(lines)
    while j < n and not (end := _TABLE_END.search(lines[j], start if j == i else 0)):
        j += 1
    if j < n and end.group(0)[1] == "/":
        return j, end.end()
    blank = next((k for k in range(i, min(j, n)) if not lines[k].strip()), n)
    if blank < j or j == n:
        return blank - 1, len(lines[blank - 1])
    return j, end.start()


_SPACE_RUN = re.compile(r" {2,}")


def _spaced_cells(row: str, widths: set[int]) -> list[str] | None:
    """The cells of a line between two tab rows whose cells a converter separated by runs of spaces, not tabs: a
    cell after each run, or, where every run is a multiple of the shortest (a tab written as that many spaces), a
    cell after each multiple (empty cells kept); the one as wide as a row around it. [] when neither or both are (a
    row whose cells cannot be placed); None for a line with no printed amount as a cell (text)."""
    texts = _SPACE_RUN.split(row)
    if len(texts) < 2 or not any(map(is_printed_amount, texts)):
        return None
    runs = [len(run) for run in _SPACE_RUN.findall(row)]
    candidates, tab = [texts], min(runs)
    if not any(run % tab for run in runs):
        tabbed = texts[:1]
        for run, text in zip(runs, texts[1:], strict=True):
            tabbed += [""] * (run // tab - 1) + [text]
        candidates.append(tabbed)
    fits = {tuple(cells) for cells in candidates if len(cells) in widths}
    return list(fits.pop()) if len(fits) == 1 else []


def _split_caption(table: str, first_line: int) -> tuple[list[Paragraph], str]:
    """The lines of a ``<caption>`` (split at <br>) as paragraphs, and the table without it (its line count
    kept)."""
    m = _CAPTION.search(table)
    if m is None:
        return [], table
    captions, line = [], first_line + table.count("\n", 0, m.start(1))
    for part in _BREAK.split(m.group(1)):  # texts and the breaks between them
        if part == "\n":
            line += 1
        elif text := clean_paragraph(part.strip()):  # a <br> cleans to nothing
            captions.append(Paragraph(line, text))
    return captions, table[: m.start()] + "\n" * m.group(0).count("\n") + table[m.end() :]


def clean_paragraph(text: str) -> str:
    """Remove markdown decoration (block quotes, headings, bold, list bullets) and HTML tags."""
    if text[:1] == ">":
        text = _QUOTE_MARKS.sub("", text)
    if "#" in text or "*" in text or "_" in text:
        text = _MD_DECOR.sub("", text)
    if text[:1] in "-*+":
        text = _BULLET.sub("", text)
    return clean_cell(text).strip()
