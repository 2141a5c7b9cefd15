"""Document model: title metadata, paragraphs, and recognised tables with their captions."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import dropwhile, takewhile
from typing import NamedTuple

from .grid import split_layout
from .readers import Cell, Grid, Paragraph, clean_paragraph, read_blocks
from .text import ascii_digits, cn_number, is_printed_amount, no_space, norm, parse_amount, visible


class DocumentError(ValueError):
    """A document that cannot be loaded; the message says why in one line."""


# Standard table codes with the caption words that identify them, most specific first; OTHER for the titles of tables
# beyond the nine whose names end in one of theirs: a word naming a kind of money right before 收入/支出决算表
# (机关运行经费支出决算表, 专项资金…, 项目支出决算表, 财政专户管理资金收入支出决算表), a fund's own 三公 table.
OTHER = "other"
TABLE_TITLES: list[tuple[str, re.Pattern]] = [
    (code, re.compile(pattern))
    for code, pattern in [
        (OTHER, r"(?:政府性基金|国有资本经营).*三公"),
        ("06", r"基本支出决算"),
        ("09", r"三公"),
        (
            OTHER,
            r"(?:经费|资金|项目|(?<!政府性)基金|采购|资产|补助|支付|服务|人员|非税)(?:收入?)?(?:支出?)?决算(?:明细|总)?表",
        ),
        ("07", r"政府性基金(?:预算)?(?:财政拨款|(?:收入)?支出决算)"),
        ("08", r"国有资本经营预算(?:财政拨款|支出决算)"),
        ("05", r"(?:^|[^一般])公共财政拨款支出决算(?:明细)?表"),  # its name before 2015
        ("04", r"财政拨款收入?支出?决算总表|财政拨款收入?支出?决算表"),  # 总 left out by some offices
        ("05", r"一般公共预算(?:财政拨款)?支出决算(?:明细)?表"),
        ("01", r"收入?支出?决算总表|收入?支出?决算表"),
        ("02", r"收入决算(?:明细)?表"),
        ("03", r"支出决算(?:明细)?表"),  # 项目支出决算表 is OTHER
    ]
]
TABLE_NAMES = {
    "01": "收入支出决算总表",
    "02": "收入决算表",
    "03": "支出决算表",
    "04": "财政拨款收入支出决算总表",
    "05": "一般公共预算财政拨款支出决算表",
    "06": "一般公共预算财政拨款基本支出决算表",
    "07": "政府性基金预算财政拨款收入支出决算表",
    "08": "国有资本经营预算财政拨款支出决算表",
    "09": "财政拨款“三公”经费支出决算表",
}
# Header words that identify a table whose caption is missing.
_HEADER_HINTS: list[tuple[str, tuple[str, ...]]] = [
    ("06", ("人员经费", "公用经费")),
    ("09", ("因公出国", "公务接待")),
]
# Header words of each table's own columns (01 and 04: their two sides, 04 its funds too): of two tables whose captions
# name the same table, the one whose header has them is read (住房改革支出决算表 | 科目编码 | 科目名称 | 金额 is not
# table 03). 05, 07 and 08 print the same columns: their headers tell them from other tables, not from each other.
_HEADER_FIT = {
    code: re.compile(pattern)
    for code, pattern in [
        ("01", r"收入.*支出|支出.*收入"),
        ("02", r"财政拨款|上级补助|事业收入|经营收入|附属单位|其他收入"),
        ("03", r"基本支出|项目支出|上[缴解]上级|经营性?支出|附属单位补助"),
        ("04", r"(?:收入.*支出|支出.*收入).*(?:一般公共预算|政府性基金|国有资本经营)"),
        ("05", r"基本支出|项目支出"),
        ("06", r"人员经费|公用经费"),
        ("07", r"基本支出|项目支出|本年收入"),
        ("08", r"基本支出|项目支出"),
        ("09", r"因公出国|公务接待"),
    ]
}
# Table numbers of the central departments' template (公开08表 政府性基金, 09 国有资本经营; 07 is 三公) as codes here.
CENTRAL_ORDER = {"08": "07", "09": "08"}
_CENTRAL_CODES = {"07": "09", **CENTRAL_ORDER}
_TABLE_END = re.compile(r"表(?:[（(][^）)]*[）)])?$")  # a line ending in a table's name (…表, …表（续）)
_OTHER_TABLE = re.compile(r"[\u4e00-\u9fff]{4,}表$")  # a caption naming another table in words (…绩效自评表)
_NAME_VARIANTS = re.compile(r"[“”‘’\"']|明细|收入")
_CONTINUED = re.compile(r"续(?:上|前)?表|接上表|（续）")
_NUMBERED = re.compile(r"(?:公开|附表|表)\s*(\d{1,2})\s*(?:表)?")
# 金额单位：万元, 单位：元, 单位：（元）, 单位：人民币万元, 单位 元, and a bracketed (万元) or （单位：元） alone.
_AMOUNT_UNIT = re.compile(
    r"单位\s*[:：]?\s*[（(]?\s*(?:人民币)?\s*(万元|元)(?![\u4e00-\u9fff])|[（(]\s*(?:人民币)?(万元|元)\s*[）)]"
)
# 以下表格金额单位均为万元, 本部分报表金额单位：元: a sentence on the tables' amount unit (not 填表单位：元氏县…)
_TABLES_UNIT = re.compile(
    r"表格?[^。；]{0,12}?金额单位\s*(?:均|统一|全部|一律)?\s*(?:为|是|[:：])\s*[（(]?\s*(?:人民币)?(万元|元)"
    r"(?![\u4e00-\u9fff])"
)
_UNIT_WORDS = re.compile(rf"[（(]?\s*(?:金额)?(?:{_AMOUNT_UNIT.pattern})\s*[）)]?")  # the words stating it, to blank
# 单位：…, 单位名称：…, 部门：…, 编制部门：…, 部门名称：…, 部门（单位）：… (not 金额单位)
_UNIT_LINE = re.compile(
    r"(?<!金额)(?:编制)?(?:部门|单位)(?:[（(]单位[）)])?(?:名称)?\s*[:：]\s*(.+?)(?:\s{2,}|\s+\d{4}\s*年|\s*填报日期|$)"
)
_YEAR = re.compile(r"(\d{4})\s*年度?")
_UNIT_ALONE = re.compile(r"[（(](?:人民币)?(?:万元|元)[）)]")
_YEAR_ALONE = re.compile(r"[（(]?\d{4}年度?[）)]?")
# 2025年9月29日, 公开日期：2025年9月29日, 二〇二五年九月二十九日, and without its day 2025年9月 (normalised: no spaces)
_PUB_DATE = re.compile(
    r"^(?:(?:公开|发布|公布)(?:日期|时间)：)?(\d{4}|[〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月"
    r"(?:([\d一二三四五六七八九十]{1,3})日)?$"
)
_TITLE_SUFFIX = re.compile(r"(?:的)?(?:部门|单位)?(?:（(?:部门|单位)）)?决算.*$")  # 部门（单位）决算公开
# Colons, a bracket the year stood inside (XX决算（2024年度）) and a 关于 before the year (XX关于2024年度…).
_DANGLING = re.compile(r"^[）:：]+|(?:[（:：]|关于)+$")
_TITLE_PREFIX = re.compile(r"^关于|^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?")  # a date before the unit
_CONTENTS_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
_SENTENCE_ENDS = ("。", "；", "：")
_PREAMBLE_ENDS = ("通知", *_SENTENCE_ENDS)  # a notice the disclosure is attached to, a sentence before the title
_NAME_LINE = re.compile(r"[\u4e00-\u9fff（）]{2,40}")  # a unit's name on a line of its own
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})(?=年)")
# XX（YY）: YY is another name of the unit, unless it says which part the document covers (本级, 机关, 含所属单位).
_SCOPES = "本级|机关|本部|本部门|汇总|本级机关|含[^（）]+"
_ALIAS = re.compile(rf"^(.+?)（(?!(?:{_SCOPES})）)(.+)）$")
_SCOPE_AFTER = re.compile(rf"决算.*?(（(?:{_SCOPES})）)")  # 部门决算（本级）: the part of the unit the document covers
_REGION = re.compile(
    r"^([\u4e00-\u9fff]{2,3}?省|[\u4e00-\u9fff]{2,8}?自治区)?([\u4e00-\u9fff]{2,4}?市|[\u4e00-\u9fff]{2,8}?自治州)?"
    r"([\u4e00-\u9fff]{1,4}?(?:区|县|旗))?"
)
# What a converter leaves at a page break: a page number or footer (5, - 5 -, · 5 ·, 第 5 页 共 20 页, 第5页/共30页,
# 共 30 页, 5/20, Page 5 of 20), marker's {5}-----, a --- rule, an image alone on a line (the page's picture).
_PAGE_MARK = re.compile(
    r"^[-—–－·•・\s]*\d{1,4}[-—–－·•・\s]*$|^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$|^共\s*\d{1,4}\s*页$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$|^[Pp]age\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^\{\d{1,4}\}-*$|^[-—–─=_]{3,}$"
    r"|^!\[[^\]]*\]\([^)]*\)$"
)
_MARK_START = frozenset("0123456789-—–－·•・第共Pp{─=_!")
MAX_CAPTION_LINES = 8
_CELL_TEXT = Cell.text.fget  # map(_CELL_TEXT, row): the texts of a row, built in C
REPEATED_HEADER_ROWS = 6  # the rows of a table a continuation may print again
MAX_CAPTION_LEN = 60


@dataclass(slots=True)
class Table:
    """One recognised table: code ('01'..'09', or None for appendix/other tables) and grid."""

    code: str | None
    caption: str
    caption_line: int
    amount_unit: str | None
    rows: list[list[Cell]]
    first_line: int
    last_line: int
    unit_label: str | None = None
    notes: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    source_file: str
    content_sha256: str
    title: str
    unit_name: str
    unit_alias: str | None
    fiscal_year: int
    doc_kind: str
    publication_date: str | None
    paragraphs: list[Paragraph]
    tables: list[Table]
    warnings: list[str] = field(default_factory=list)

    @property
    def region(self) -> tuple[str | None, str | None, str | None]:
        """(province, city, district) where the unit name starts with them."""
        m = _REGION.match(self.unit_name)
        return (m.group(1), m.group(2), m.group(3)) if m else (None, None, None)

    def table(self, code: str) -> Table | None:
        return next((t for t in self.tables if t.code == code), None)


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes → (text, warning): UTF-8, UTF-16 with its byte-order mark, else GB18030 (GBK), the encoding of
    many Chinese office files (with a warning naming it). Empty and binary files are rejected with a reason."""
    if not data.strip():
        raise DocumentError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError as exc:
                raise DocumentError(f"not {encoding} text (byte {exc.start}) after its byte-order mark") from exc
    if b"\x00" in data[:65536]:
        raise DocumentError("binary file (NUL bytes), not a converted text document")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        try:
            return data.decode("gb18030"), "decoded as GB18030 (GBK): the file is not UTF-8"
        except UnicodeDecodeError:
            reason = f"neither UTF-8 nor GB18030 text (byte {exc.start}): binary or another encoding"
            raise DocumentError(reason) from exc


@lru_cache(maxsize=1 << 12)
def _title_name(text: str) -> str | None:
    """The table a normalised line names by its title words: its code (收入决算表), OTHER (机关运行经费支出决算表) or
    None."""
    return next((code for code, pattern in TABLE_TITLES if pattern.search(text)), None)


@lru_cache(maxsize=1 << 12)
def title_code(text: str) -> str | None:
    """The one of the nine tables a normalised line names by its title words (收入决算表); none where they name another
    table (OTHER) or the line numbers its table beyond the nine (表10  离退休人员支出决算表)."""
    code = _title_name(text)
    return None if code == OTHER or (code and _beyond_nine(text)) else code


def _number_code(text: str) -> str | None:
    """The table a short normalised caption line names by its number only (公开02表, 附表2, 表2)."""
    m = _NUMBERED.search(text) if len(text) <= 12 else None
    return f"{int(m.group(1)):02d}" if m and 1 <= int(m.group(1)) <= 9 else None


def _beyond_nine(text: str) -> bool:
    """Whether a normalised caption line numbers a table beyond the nine: a short line (公开10表, 附表12) or a title
    starting with its number (表10  机关运行经费支出决算表)."""
    m = _NUMBERED.search(text) if len(text) <= 12 else _NUMBERED.match(text)
    return m is not None and int(m.group(1)) > 9


class _Naming(NamedTuple):
    """A caption line naming a table."""

    para: Paragraph
    code: str | None  # None: a table beyond the nine (OTHER, 公开10表)
    title: bool  # by its title words, else by its number alone
    apart: bool  # a line of text (no caption's) stands between it and the line naming a table nearer the grid


def _one_caption(near: _Naming, far: _Naming) -> bool:
    """Whether two lines naming a table are one table's caption: a title and a number naming the same table (in the
    central template's numbers too: 公开07表 三公, 08 政府性基金, 09 国有资本经营; or both a table beyond the nine), no
    line of text between them."""
    title, number = (near, far) if near.title else (far, near)
    return (
        near.title != far.title
        and not far.apart
        and (number.code == title.code or _CENTRAL_CODES.get(number.code) == title.code)
    )


def _named_code(text: str) -> str | None:
    """The table a normalised caption line names by its title or its number."""
    return title_code(text) or _number_code(text)


def _title_wrap(above: str, text: str) -> bool:
    """Whether two normalised caption lines are a title a converter wrapped (a long unit's name in it:
    …一般公共预算财政拨款 / 支出决算表, …“三公”经费 / 支出决算表): a line with no 表 that ends no sentence and holds
    no 决算 but at its end (…决算情况说明 is a heading) over a title line not starting with the year (a title's start),
    together naming a table the lower line alone does not name, whose name ends in the lower line's words
    (``_ends_name``: a heading with 三公 over 财政拨款收入支出决算总表 is no start of table 09's title)."""
    return (
        "表" in text
        and "表" not in above
        and not _YEAR.match(text)
        and not above.endswith(_SENTENCE_ENDS)
        and "决算" not in above.removesuffix("决算")
        and not _number_code(text)
        and (joined := _title_name(above + text)) not in (None, _title_name(text))
        and (joined == OTHER or _ends_name(joined, text))
    )


def _ends_name(code: str, text: str) -> bool:
    """Whether the words of a normalised line up to its first 表 end the name of table ``code``, printed with or
    without 收入, 明细 or quotes (also from inside one of them: 入支出决算表), and with 总 only where the line has it
    (财政拨款收入支出决算总表 ends table 04's name, not table 07's)."""
    name, piece = (
        TABLE_NAMES[code] if "总" in text else TABLE_NAMES[code].replace("总", ""),
        text[: text.find("表") + 1],
    )
    # as printed too: a line starting inside a word the variants leave out (收 | 入支出决算表)
    return _NAME_VARIANTS.sub("", name).endswith(_NAME_VARIANTS.sub("", piece)) or name.endswith(piece)


def _titles_joined(lines: list[Paragraph]) -> list[tuple[Paragraph, str]]:
    """Caption lines with their normalised texts, a wrapped title's two lines joined (``_title_wrap``)."""
    out: list[tuple[Paragraph, str]] = []
    for para in lines:
        text = norm(para.text)
        if out and _title_wrap(above := out[-1][1], text):
            first = out.pop()[0]
            para, text = Paragraph(first.line, first.text + para.text), above + text
        out.append((para, text))
    return out


def caption_code(lines: list[Paragraph]) -> tuple[str | None, Paragraph | None, bool, Paragraph | None]:
    """Find the table code in caption lines (a wrapped title joined, ``_titles_joined``), the closest caption deciding
    (below any caption that names another table, …自评表): its title where the number beside it names the same table,
    else the nearest line naming a table (公开08表 under an empty table's title and number, or under its title and
    note); also report a 续表 / (续) marker. A table beyond the nine (its title OTHER, its number 10 or more) has no
    code, its title the caption line. A title and a number beside each other naming two tables, neither with a partner
    of its own, leave the code in doubt: None, and the farther line."""
    continued = apart = False
    named: list[_Naming] = []  # nearest first
    for para, text in reversed(_titles_joined(lines)):
        if ("续" in text or "接上" in text) and _CONTINUED.search(text):
            continued = True
        if "表" not in text:
            apart = apart or not _unit_or_year(text)
            continue
        title, other = _title_name(text), _OTHER_TABLE.search(text) is not None
        if title == OTHER or _beyond_nine(text):  # not one of the nine: nothing beyond its title counts
            named.append(_Naming(para, None, title is not None or other, apart))
            if named[-1].title:
                break
        elif title:
            named.append(_Naming(para, title, True, apart))
        elif not continued and other:
            if named and named[-1].code is None and not _CONTENTS_HEADING.match(text):  # the title over 公开10表
                named.append(_Naming(para, None, True, apart))
            break
        elif code := _number_code(text):
            named.append(_Naming(para, code, False, apart))
        apart = False
    if not named:
        return None, None, continued, None
    near, *farther = named
    far = farther[0] if farther else None
    # alone: nothing beyond, a line of the same kind or after text, or one with a partner of its own (another caption)
    if far is None or far.title == near.title or far.apart or (len(farther) > 1 and _one_caption(far, farther[1])):
        return near.code, near.para, continued, None
    if _one_caption(near, far):
        title = near if near.title else far
        return title.code, title.para, continued, None
    return None, near.para, continued, far.para


def _header_hint(rows: list[list[Cell]]) -> str | None:
    head = "".join(norm(c.text) for row in rows[:3] for c in row)
    for code, words in _HEADER_HINTS:
        if all(w in head for w in words):
            return code
    return None


def _header_fits(code: str, rows: list[list[Cell]]) -> bool:
    """Whether a grid's header rows (those before its first row of amounts) name columns of table ``code``."""
    header = takewhile(lambda row: not _data_row(row), rows[:REPEATED_HEADER_ROWS])
    return _HEADER_FIT[code].search("".join(norm(c.text) for row in header for c in row)) is not None


def _unit_line(text: str) -> re.Match | None:
    return _UNIT_LINE.search(text) if "单位" in text or "部门" in text else None


def amount_unit(text: str) -> str | None:
    """万元 or 元 where a line or cell states the amount unit."""
    if "元" not in text or not ("单位" in text or "元）" in text or "元)" in text):
        return None
    m = _AMOUNT_UNIT.search(text)
    return m.group(m.lastindex) if m else None


def tables_unit(text: str) -> str | None:
    """The amount unit a line states for the document's tables: a unit line (金额单位：元, a heading ending in
    （金额单位：元）) or a sentence on the tables (以下表格金额单位均为万元)."""
    if "单位" not in text:
        return None
    if m := _TABLES_UNIT.search(text):
        return m.group(1)
    return amount_unit(text) if _unit_or_year(norm(text)) and len(text) <= MAX_CAPTION_LEN else None


def _caption_area(pending: list[Paragraph]) -> list[Paragraph]:
    """The caption lines over a grid: the paragraphs before it up to a long line (text), notes (注：…, of any length:
    a template may print the table's explanation under its title) left out."""
    area: list[Paragraph] = []
    for para in reversed(pending):
        if para.text.startswith("注"):  # paragraph texts are stripped
            continue
        if len(area) >= MAX_CAPTION_LINES or (
            len(para.text) > MAX_CAPTION_LEN
            and len(no_space(para.text)) > MAX_CAPTION_LEN
            and not amount_unit(para.text)
        ):
            break
        area.append(para)
    return list(reversed(area))


def _unit_or_year(text: str) -> bool:
    """A normalised line of a page's running header: 单位：…, 部门：…, 金额单位：…, （万元） alone, or the year
    alone."""
    if "单位" in text or "部门" in text:
        return amount_unit(text) is not None or _unit_line(text) is not None
    return _YEAR_ALONE.fullmatch(text) is not None or _UNIT_ALONE.fullmatch(text) is not None


def _caption_like(text: str) -> bool:
    """A normalised caption line: table title or number, 续表, or a unit or year line."""
    return len(text) <= MAX_CAPTION_LEN if "表" in text else _unit_or_year(text)


def _caption_rows(grid: Grid) -> list[Paragraph]:
    """Remove the grid's leading rows that hold only caption lines; return them as paragraphs (the texts of
    one row joined as a converter writes a caption line: 单位：…      2024 年度      金额单位：万元)."""
    taken: list[Paragraph] = []
    for row in grid.rows[:MAX_CAPTION_LINES]:
        texts = [c.text for c in row if c.text]
        # a caption line holds title, unit, year: at most three texts (a header row holds more)
        if not 0 < len(texts) <= 3 or not all(_caption_like(norm(text)) for text in texts):
            break
        taken.append(_row_paragraph(row))
    del grid.rows[: len(taken)]
    return taken


def _row_paragraph(row: list[Cell]) -> Paragraph:
    """A grid row as the line a converter writes: its texts joined (单位：…      2024 年度      金额单位：万元)."""
    return Paragraph(row[0].line, clean_paragraph("      ".join(c.text for c in row if c.text)))


def _contents(grid: Grid) -> bool:
    """A contents list printed as a grid: its rows (after a header row) name two or more of the nine tables
    (公开01表 | 收入支出决算总表, 公开02表 | 收入决算表 …)."""
    codes = set()
    for k, row in enumerate(grid.rows):
        named = [norm(text) for text in map(_CELL_TEXT, row) if "表" in text]
        if k and not named:
            return False
        codes.update(filter(None, map(_named_code, named)))
        if len(codes) > 1:
            return True
    return False


def _header_unit(grid: Grid) -> str | None:
    """金额单位 printed in a cell of the grid's first rows beside header words (收入 … 金额单位：万元), or after a
    column's header word in its cell (其他收入 金额单位：万元): its words blanked so that they do not name a column;
    else the one unit its header cells print (合计（元）, 金额（元）)."""
    for row in grid.rows[:3]:
        for k, cell in enumerate(row):
            if "单位" in cell.text and (unit := amount_unit(cell.text)):
                row[k] = Cell((_UNIT_WORDS.sub("", cell.text).strip(), cell.line))
                return unit
    header = takewhile(lambda row: not _data_row(row), grid.rows[:REPEATED_HEADER_ROWS])
    units = set(filter(None, (amount_unit(text) for row in header for text in map(_CELL_TEXT, row))))
    return units.pop() if len(units) == 1 else None


def _width(rows: list[list[Cell]]) -> int:
    return max(map(len, rows), default=0)


def _running_header(pending: list[Paragraph], unit: str | None, prev: Table, block: Grid, title_unit: str) -> bool:
    """Only the unit lines (单位 / 金额单位 / year) printed again above a grid as wide as the table before, in the
    same amount unit, and over rows with no header of their own the document's running title (naming the unit
    ``title_unit`` its title names): a page's running header, the table continues."""
    running = title_unit if _body_row(block.rows[0]) else None
    return (
        unit in (None, prev.amount_unit)
        and abs(_width(block.rows) - _width(prev.rows)) <= 1  # a converter's trailing empty column
        and all(
            "表" not in p.text and (_unit_or_year(norm(p.text)) or (running and _named_unit(p) == running))
            for p in pending
        )
    )


def _reworded(row: list[Cell], header: list[list[Cell]]) -> bool:
    """A row of header words only (no digit) sharing a word in one column with a row of ``header``: a header row
    printed again, worded otherwise (经济分类 | 科目名称 | 决算数 as 科目编码 | 科目名称 | 金额)."""
    if any(char.isdigit() for text in map(_CELL_TEXT, row) for char in text):
        return False
    return any(k < len(h) and c.text and norm(c.text) == norm(h[k].text) for h in header for k, c in enumerate(row))


def _continuing_rows(prev: Table, block: Grid) -> list[list[Cell]]:
    """The rows of a grid that continues ``prev``, without the table's header rows (its rows before its first data
    row) printed again at its top (word for word, or worded otherwise); a data row like one of the table's is kept."""
    header = list(takewhile(lambda h: not _data_row(h), prev.rows[:REPEATED_HEADER_ROWS]))
    keys = [_row_key(h) for h in header]
    return list(dropwhile(lambda row: _row_key(row) in keys or _reworded(row, header), block.rows))


def _header_again(pending: list[Paragraph], prev: Table, block: Grid) -> bool:
    """The table's header rows printed again under short lines that name no table: a sub-heading of a part of
    it (（二）公用经费) or a page's running lines (the document's title, the unit lines)."""
    return all(len(p.text) <= MAX_CAPTION_LEN and "表" not in p.text for p in pending) and _repeats_header(prev, block)


def _repeats_header(prev: Table, block: Grid) -> bool:
    """The grid starts with a row of the table's header printed again."""
    return (
        bool(block.rows)
        and bool(first := _row_key(block.rows[0]))
        and first in [_row_key(h) for h in prev.rows[:REPEATED_HEADER_ROWS]]
    )


def _groups(rows: list[list[Cell]], caption: str) -> set[str]:
    """The 经费 groups (人员经费, 公用经费) a part of table 06 names in its caption or cells."""
    text = caption + "".join(c.text for row in rows for c in row)
    return {group for group in ("人员经费", "公用经费") if group in text}


def _other_group(prev: Table, cap: Paragraph, block: Grid) -> bool:
    """Table 06 printed as two tables, one for each 经费 group: the grid names only the group the table does not."""
    if prev.code != "06":
        return False
    before, after = _groups(prev.rows, prev.caption), _groups(block.rows, cap.text)
    return bool(before) and bool(after) and not before & after


def _group_heading(pending: list[Paragraph], prev: Table) -> bool:
    """Table 06 printed as a grid for each 经费 group under one caption: short lines naming no table over a grid, one
    of them naming the group the table does not (二、公用经费 after the 人员经费 grid)."""
    if prev.code != "06" or not all(len(p.text) <= MAX_CAPTION_LEN and "表" not in p.text for p in pending):
        return False
    named = _groups([], "".join(p.text for p in pending))
    return len(named) == 1 and not named & _groups(prev.rows, prev.caption)


def _continues(prev: Table, cap: Paragraph, continued: bool, block: Grid) -> bool:
    """A grid whose caption names the table before continues it: 续表, the same caption printed again (with or
    without its year), a table number alone over a grid as wide, its header rows printed again, rows of amounts
    with no header of their own under a caption worded otherwise (with the unit's name), or the other 经费 group's
    part of table 06 (人员经费 and 公用经费 printed as two tables)."""
    text = norm(cap.text)
    return (
        continued
        or _other_group(prev, cap, block)
        or _YEAR.sub("", text) == _YEAR.sub("", norm(prev.caption))
        or (not title_code(text) and _width(block.rows) == _width(prev.rows))
        or _repeats_header(prev, block)
        or (abs(_width(block.rows) - _width(prev.rows)) <= 1 and _data_row(block.rows[0]))
    )


def _header_words(rows: list[list[Cell]]) -> set[str]:
    """The words of header rows (no 栏次 number, no unit line)."""
    return {t for row in rows for t in _row_key(row) if not t.isdigit() and not amount_unit(t)}


def _other_columns(prev: Table, block: Grid) -> bool:
    """A grid that would continue ``prev`` but holds other columns of it (a wide table printed in parts side by side
    over pages): its 栏次 numbers follow the table's, or its header (over its 栏次 row, or a header row of the table
    printed again) names other columns or is not as wide as the table's."""
    old, new = split_layout(prev.rows), split_layout(block.rows)
    if old and new:
        return min(new.numbers.values()) == max(old.numbers.values()) + 1 and not any(map(_data_row, new.header))
    known = _header_words(
        old.header if old else list(takewhile(lambda r: not _data_row(r), prev.rows[:REPEATED_HEADER_ROWS]))
    )
    words = _header_words(new.header if new else block.rows[:1])
    return (new is not None or (bool(words) and words <= known)) and (
        not words <= known or abs(_width(block.rows) - _width(prev.rows)) > 1
    )


def _join_columns(prev: Table, block: Grid) -> bool:
    """Join the columns ``block`` holds to ``prev``'s rows where its rows line up with them one to one: as many rows,
    the same texts in the columns it repeats on the left (code, name), only amounts in the others' data rows."""
    if len(block.rows) != len(prev.rows):
        return False
    pairs = list(zip(prev.rows, block.rows, strict=True))
    keys = 0
    while all(keys < min(len(a), len(b)) and norm(a[keys].text) == norm(b[keys].text) for a, b in pairs):
        keys += 1
    data = new.data if (new := split_layout(block.rows)) else block.rows
    if any(c.text and not (is_printed_amount(c.text) or parse_amount(c.text) == 0) for r in data for c in r[keys:]):
        return False
    width = _width(prev.rows)
    for a, b in pairs:
        a += [Cell(("", a[-1].line))] * (width - len(a)) + b[keys:]
    return True


def _uncaptioned(prev: Table | None, chained: bool) -> bool:
    """A table with a header but no caption of its own (none, or a part's heading only) that holds amounts (not the
    rest of a table a page broke, which starts with a row of its body), or one refused for the caption under it
    (``chained``)."""
    if prev is None or prev.code is not None:
        return False
    own = prev.caption and not _CONTENTS_HEADING.match(norm(prev.caption))
    return chained or (not own and not _body_row(prev.rows[0]) and any(map(_data_row, prev.rows)))


def _right_under(pending: list[Paragraph], cap: Paragraph, code: str) -> bool:
    """Nothing but lines of the caption naming table ``code`` (its number, unit and year lines) stand between the
    grid before and ``cap``: no other table's caption, no heading or text."""
    return all(
        _caption_like(text := norm(p.text)) and not _CONTENTS_HEADING.match(text) and _named_code(text) in (None, code)
        for p in takewhile(lambda p: p.line < cap.line, pending)
    )


def _data_row(row: list[Cell]) -> bool:
    """A row holding a printed amount (a grid that starts with one has no header of its own)."""
    return any(map(is_printed_amount, map(_CELL_TEXT, row)))


def _body_row(row: list[Cell]) -> bool:
    """A row of a table's body, no header row: amounts, or a number (a row number, a subject code) that is no 栏次
    row's (a row number and a label, its amount cells empty)."""
    return _data_row(row) or (any(map(str.isdigit, map(_CELL_TEXT, row))) and split_layout([row]) is None)


def _page_mark(text: str) -> bool:
    """A paragraph a converter left at a page break (``_PAGE_MARK``): never a caption."""
    return text[:1] in _MARK_START and _PAGE_MARK.match(text) is not None


def _running_title(blocks: list[Paragraph | Grid], k: int, title: Paragraph) -> bool:
    """Whether the paragraph ``blocks[k]`` is a page's running title (``_title_again``) where a page broke: right under
    a page mark (not a number kept as text), right over one after a paragraph (a page's footer: whatever the paragraph
    ends with), or with none (or a page mark under it) between two grids (a table's parts) or between the halves of a
    sentence (under a paragraph of prose that ends no sentence, over a paragraph)."""
    if not _title_again(blocks[k], title):
        return False
    before = blocks[k - 1]
    after = next(dropwhile(lambda b: isinstance(b, Paragraph) and _page_mark(b.text), blocks[k + 1 : k + 3]), None)
    if isinstance(before, Grid):
        return isinstance(after, Grid)
    if _page_mark(before.text):
        return not _is_text(blocks, k - 1, title)
    under = blocks[k + 1] if k + 1 < len(blocks) else None
    if under is not after and not _is_text(blocks, k + 1, title):  # a page mark under it
        return True
    return isinstance(after, Paragraph) and len(before.text) > 20 and not before.text.endswith(_SENTENCE_ENDS)


def _title_again(para: Paragraph, title: Paragraph) -> bool:
    """A title line naming the unit and the year the document's first title line ``title`` names, or that unit's
    name alone (a page header of the unit's name only)."""
    unit = _title_unit(title.text)
    if "决算" not in para.text:
        return bool(unit) and _comparable(para) == unit
    return _named_unit(para) == unit and (
        _title_year(_comparable(para)).group(1) == _title_year(_comparable(title)).group(1)
    )


@lru_cache(maxsize=64)
def _title_unit(text: str) -> str:
    """``_named_unit`` of the document's title line, asked of every paragraph: once a document."""
    return _named_unit(Paragraph(0, text))


def _is_text(blocks: list[Paragraph | Grid], k: int, title: Paragraph | None) -> bool:
    """Whether the page mark ``blocks[k]`` is text of the document all the same: a bare number is (a year, a
    figure in a list), unless it has at most three digits and stands beside the page's running title (the document's
    ``title`` again) or between two paragraphs, one of them prose, where a page broke a sentence."""
    text = blocks[k].text
    if not text.isdigit():
        return False  # - 5 -, 第 5 页, 5/20 …
    if len(text) > 3 or not 0 < k < len(blocks) - 1:
        return True
    near = (blocks[k - 1], blocks[k + 1])
    if title and any(isinstance(b, Paragraph) and _title_again(b, title) for b in near):
        return False
    between = all(isinstance(b, Paragraph) and not b.text.isdigit() for b in near)
    return not (between and any(len(b.text) > 20 or b.text.endswith("。") for b in near))


def _row_key(row: list[Cell]) -> list[str]:
    return [norm(c.text) for c in row if c.text]


@dataclass(slots=True)
class _Caption:
    """What the caption lines over a grid say of it."""

    code: str | None
    line: Paragraph | None  # the caption line naming its table
    continued: bool  # a 续表 / (续) marker
    kept_apart: bool  # read as no table's: two tables named, or other columns of the table before not lining up
    refused: bool  # right under a table with no caption of its own: perhaps that table's
    unit: str | None
    label: str | None  # the unit's name (单位：…)


def _numbered_code(code: str, block: Grid, central: bool) -> tuple[str, bool]:
    """The table a caption naming it by number alone means: 09 over the 三公 header words (and, where the number is 07,
    the document follows the central departments' order: 07 三公, 08 政府性基金, 09 国有资本), else the number in the
    order the document follows. Also returns whether it follows the central order."""
    if _header_hint(block.rows) == "09":
        return "09", central or code == "07"
    return (CENTRAL_ORDER.get(code, code) if central else code), central


def _read_caption(
    area: list[Paragraph],
    pending: list[Paragraph],
    block: Grid,
    prev: Table | None,
    chained: bool,
    central: bool,
    warnings: list[str],
) -> tuple[_Caption, bool]:
    """The caption lines over a grid (``caption_code``, a number alone read by ``_numbered_code``), left unread where
    they name two tables, refused where the caption stands right under a table with none of its own (or one refused
    so, ``chained``) as it may be that table's; the amount unit the lines state, else the grid's header, and the
    unit's name. Also returns whether the document follows the central order."""
    code, cap, continued, other = caption_code(area)
    if kept_apart := other is not None:
        warnings.append(
            f"table at line {block.line}: its caption {cap.text} (line {cap.line}) and the line {other.text} "
            f"(line {other.line}) name different tables; not read as either"
        )
    if code and not title_code(norm(cap.text)):
        code, central = _numbered_code(code, block, central)
    if refused := (
        code is not None
        and cap.line < block.line  # not caption lines the converter put inside the grid
        and _uncaptioned(prev, chained)
        and _right_under(pending, cap, code)
    ):
        warnings.append(
            f"table at line {block.line}: its caption {cap.text} (line {cap.line}) stands right under the table "
            f"at line {prev.first_line}, which has none: it may be that table's caption printed under it; not "
            f"read as table {code}"
        )
        code = None
    unit = next(filter(None, map(amount_unit, (p.text for p in area))), None)
    if unit is None and code is not None:
        unit = _header_unit(block)
    label = next((m.group(1).strip() for p in area if (m := _unit_line(p.text))), None)
    return _Caption(code, cap, continued, kept_apart, refused, unit, label), central


def _continuation(
    prev: Table | None, caption: _Caption, pending: list[Paragraph], block: Grid, title_unit: str
) -> bool:
    """Whether a grid continues the table before: named by its caption as that table (``_continues``: 续表, the same
    caption again, a number alone …), or, named as no table (none kept apart), under 续表, under no line at all, under
    a page's running header (``title_unit``: the unit the document's title names), over the table's header rows
    printed again or under the heading of table 06's other 经费 group."""
    if prev is None:
        return False
    if caption.code is not None:
        return caption.code == prev.code and _continues(prev, caption.line, caption.continued, block)
    return not caption.kept_apart and (
        caption.continued
        or not pending
        or _running_header(pending, caption.unit, prev, block, title_unit)
        or _header_again(pending, prev, block)
        or _group_heading(pending, prev)
    )


def _header_only(table: Table) -> bool:
    """A table read so far as header rows only (no 栏次 row, no row of a body): a page broke it inside its header."""
    return split_layout(table.rows) is None and not any(map(_body_row, table.rows))


def _append(prev: Table, block: Grid, caption: _Caption, warnings: list[str]) -> bool:
    """Add a continuing grid to the table before: its rows (a header printed again left out; the rest of the header
    where the table has header rows only), or the other columns it holds joined to the table's rows. Where those do
    not line up with the table's rows, neither is read: the grid starts a table of its own under the table's caption,
    both kept apart (a warning), and False is returned."""
    if _header_only(prev) or not _other_columns(prev, block):
        prev.rows += _continuing_rows(prev, block)
    elif not _join_columns(prev, block):  # never more rows: its amounts are under other columns
        warnings.append(
            f"table at line {prev.first_line} ({prev.caption}): other columns of it printed below it at line "
            f"{block.line}, their rows not lining up with its rows; not read"
            + (f" as table {prev.code}" if prev.code else "")
        )
        prev.code = caption.code = None
        caption.line, caption.kept_apart = Paragraph(prev.caption_line, prev.caption), True
        return False
    prev.last_line = block.last_line
    return True


def _new_table(
    block: Grid, caption: _Caption, area: list[Paragraph], tables: list[Table], warnings: list[str]
) -> Table:
    """A grid that starts a table: the table its caption names, else (no line names a table: none kept apart, none
    beyond the nine) the table its header words name, under the caption line nearest it with 表; no caption where the
    one over it was refused, and no code where the caption names a table read already (a warning), unless its header
    names that table's columns and the other's does not (``_header_fits``): the other is kept apart then."""
    code, cap = caption.code, caption.line
    if caption.refused:  # uncaptioned: a caption right under it is not taken for the next grid's either
        cap = None
    elif cap is None:  # no line names a table (none kept apart, none beyond the nine)
        code = _header_hint(block.rows)
        cap = next((p for p in reversed(area) if "表" in p.text), None)
    elif code and (read := next((t for t in tables if t.code == code), None)):
        if _header_fits(code, block.rows) and not _header_fits(code, read.rows):
            warnings.append(
                f"table at line {read.first_line} ({read.caption}): names table {code} as the table at line "
                f"{block.line} does, whose header names table {code}'s columns; kept apart, not read as table {code}"
            )
            read.code = None
        else:
            warnings.append(
                f"table at line {block.line} ({cap.text}): names table {code} again without continuing it; "
                f"kept apart, not read as table {code}"
            )
            code = None
    return Table(
        code=code,
        caption=cap.text if cap else "",
        caption_line=cap.line if cap else block.line,
        amount_unit=caption.unit,
        rows=list(block.rows),
        first_line=block.line,
        last_line=block.last_line,
        unit_label=caption.label,
    )


def _refuse_loose(tables: list[Table], loose: dict[int, int], warnings: list[str]) -> None:
    """Take the code from tables with a row that could not be placed (``loose``: a table's index → the row's first
    line), with a warning: a table read without one of its rows would hold wrong totals."""
    for k, line in loose.items():
        table = tables[k]
        warnings.append(
            f"table at line {table.first_line} ({table.caption}): the row at line {line} has cells that do not fit "
            "the table's columns (separated by spaces, or more or fewer than its delimiter row's); "
            f"not read{f' as table {table.code}' if table.code else ''}"
        )
        table.code = None


def _footer_unit(prev: Table | None, pending: list[Paragraph]) -> Paragraph | None:
    """A 金额单位 line printed right under a table's grid (past its notes, before any other line), where the table's
    caption states none: the table's unit, not the next table's."""
    if prev is None or prev.amount_unit is not None:
        return None
    for para in pending:
        if not para.text.startswith("注"):  # a line stating the unit alone (not the next table's 单位：… line)
            return para if amount_unit(para.text) and not _UNIT_WORDS.sub("", para.text).strip(" 。.") else None
    return None


def _title_run(run: set[str], para: Paragraph) -> set[str]:
    """The tables a run of consecutive lines naming one of the nine by its title names, the line ``para`` added (a
    line naming one of them again starts a run; a table's number alone, 公开01表, leaves it as it is; a line naming
    none ends it). A run naming three is a contents list (一、收入支出决算总表 / 二、收入决算表 / …): none of its lines
    captions a grid below it."""
    text = norm(para.text) if "表" in para.text else ""
    if (code := title_code(text) if text else None) is None:
        return run if text and _number_code(text) else set()
    return {code} if code in run else run | {code}


def build_tables(blocks: list[Paragraph | Grid]) -> tuple[list[Table], list[Paragraph], list[str]]:
    """Attach captions to grids, merge continuations (续表, a repeated caption, uncaptioned follow-ups, also
    across a page number) and notes; leave out page marks (with the running title under one) and contents lists.
    Also returns warnings."""
    tables: list[Table] = []
    paragraphs: list[Paragraph] = []
    pending: list[Paragraph] = []
    warnings: list[str] = []
    loose: dict[int, int] = {}  # a table's index → the first line of a row of it that could not be placed
    central = after_refused = False
    title_unit, title = "", None  # the unit the first title line names (the document's), and that line
    run: set[str] = set()  # the tables the title lines just read name (``_title_run``)
    start = 0  # pending[start:]: the lines after a contents list, where a grid's caption lines are
    for k, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if _page_mark(block.text):  # not a caption: a grid after it may continue the one before
                if _is_text(blocks, k, title):
                    paragraphs.append(block)
                continue
            if title and _running_title(blocks, k, title):  # left out as its page mark: what the page broke joins
                continue
            if not title_unit and (title_unit := _named_unit(block)):
                title = block
            paragraphs.append(block)
            pending.append(block)
            if len(run := _title_run(run, block)) > 2:
                start = len(pending)
            if tables and len(pending) <= 2 and block.text.startswith("注"):
                tables[-1].notes.append(block)
            continue
        if _contents(block):
            paragraphs += [_row_paragraph(row) for row in block.rows if any(c.text for c in row)]
            pending, run, start = [], set(), 0
            continue
        for para in _caption_rows(block):  # caption lines a converter put inside the grid, as its first rows
            paragraphs.append(para)
            pending.append(para)
        if not block.rows:
            continue
        prev = tables[-1] if tables else None
        if footer := _footer_unit(prev, pending[start:]):
            prev.amount_unit = amount_unit(footer.text)
            pending.remove(footer)
        area = _caption_area(pending[start:])
        caption, central = _read_caption(area, pending, block, prev, after_refused, central, warnings)
        if not (_continuation(prev, caption, pending, block, title_unit) and _append(prev, block, caption, warnings)):
            tables.append(_new_table(block, caption, area, tables, warnings))
        if block.loose:
            loose.setdefault(len(tables) - 1, block.loose[0])
        pending, run, start, after_refused = [], set(), 0, caption.refused
    if tables and (footer := _footer_unit(tables[-1], pending)):
        tables[-1].amount_unit = amount_unit(footer.text)
    _refuse_loose(tables, loose, warnings)
    return tables, paragraphs, warnings


def _title(paragraphs: list[Paragraph]) -> tuple[Paragraph, str]:
    """The title paragraph and its comparable text (normalised, the year in digits). A title wrapped onto the
    next lines (2024 年度XX（XX / 中心）决算公开, 2024年度 / XX / 单位决算公开) is joined; a contents heading
    (第三部分 …情况说明) is not a title, nor a notice or sentence before it (…决算的通知, 现将…决算公开如下：)."""
    fallback = None
    for k, para in enumerate(paragraphs[:40]):
        text = _comparable(para)
        if not _title_line(text):
            continue
        found = (para, text) if "决算" in text else _wrapped(paragraphs, k, text)
        if found and not _unit_from_title(found[1]):
            found = _name_above(paragraphs, k, *found)
        if found and not found[1].endswith(_PREAMBLE_ENDS):
            return found
        fallback = fallback or found
    if fallback:
        return fallback
    raise DocumentError("no title with a year and 决算 found in the first 40 lines")


def _names_table(text: str) -> bool:
    """Whether a comparable line names a table (收入决算表, 公开02表, …明细表), not a unit whose name holds 表
    (人大代表联络服务中心)."""
    return "表" in text and (_TABLE_END.search(text) is not None or _named_code(text) is not None)


def _title_line(text: str) -> bool:
    """Whether a comparable line may be (the start of) a title: a year, no table's name, no contents heading."""
    return (
        not (len(text) > 80 or _CONTENTS_HEADING.search(text) or _names_table(text)) and _YEAR.search(text) is not None
    )


def _named_unit(para: Paragraph) -> str:
    """The unit a title line names (a year, 决算, a unit's name; no table's): a document's title or a page's running
    title; '' for any other line."""
    if "决算" not in para.text or not _title_line(text := _comparable(para)):
        return ""
    return _unit_from_title(text)


def _second_title(paragraphs: list[Paragraph], tables: list[Table]) -> Paragraph | None:
    """The title of a second document in the file: after the first document's first table, a title line (a year,
    决算, a unit's name) followed by its contents (目录) or by its table 01 as the next table."""
    start = next((t.last_line for t in tables if t.code), None)
    for k, para in enumerate(paragraphs):
        if start is None or para.line <= start or not _named_unit(para):
            continue
        following = [norm(p.text) for p in paragraphs[k + 1 : k + 4]]
        table = next((t for t in tables if t.first_line > para.line), None)
        if "目录" in following or (table and _named_code(norm(table.caption)) == "01"):
            return para
    return None


def _comparable(para: Paragraph) -> str:
    """A paragraph's text as titles are compared: normalised, the year in digits."""
    return _arabic_year(norm(para.text))


def _wrapped(paragraphs: list[Paragraph], k: int, text: str) -> tuple[Paragraph, str] | None:
    """A title broken after the year line ``paragraphs[k]``: it and the next lines up to the one with 决算 (none
    of them with a year, a table's name or a contents heading; 80 characters at most), joined."""
    if _PUB_DATE.match(text):
        return None
    for j in range(k + 1, len(paragraphs)):
        following = _comparable(paragraphs[j])
        text += following
        if len(text) > 80 or _YEAR.search(following) or _names_table(following) or _CONTENTS_HEADING.search(following):
            return None
        if "决算" in following:
            return Paragraph(paragraphs[k].line, "".join(p.text for p in paragraphs[k : j + 1])), text
    return None


def _name_above(paragraphs: list[Paragraph], k: int, title: Paragraph, text: str) -> tuple[Paragraph, str]:
    """A title that names no unit (2024 年度单位决算) joined to the name on the line above it (XX / 2024 年度单位决算),
    with a line of it in brackets (XX / （YY） / 2024 年度单位决算公开): lines of words and brackets only."""
    j = k
    while j and _NAME_LINE.fullmatch(above := _comparable(paragraphs[j - 1])) and not above.startswith("附件"):
        j -= 1
        if not above.startswith("（"):
            break
    names = paragraphs[j:k]
    if not names or _comparable(names[0]).startswith("（"):  # no name, or brackets with no name above them
        return title, text
    joined = Paragraph(names[0].line, "".join(p.text for p in names) + title.text)
    return joined, "".join(map(_comparable, names)) + text


def _arabic_year(text: str) -> str:
    """二〇二四年 → 2024年 (a year written in Chinese numerals)."""
    if "年" not in text or ("〇" not in text and "零" not in text):
        return text
    return _CN_YEAR.sub(lambda m: str(cn_number(m.group(1))), text)


def _title_year(text: str) -> re.Match | None:
    """The fiscal year in a title: the one written 年度 where a date's year precedes it (2025年XX2024年度…)."""
    years = list(_YEAR.finditer(text))
    return next((m for m in years if m.group(0).endswith("度")), years[0] if years else None)


def _unit_from_title(text: str) -> str:
    """The unit named after the year (2024年度XX单位决算公开) or, when nothing follows it, before the year
    (XX单位2024年度决算, 关于XX单位2024年度单位决算的公开说明, XX决算公开（2024年度）), with a scope printed after
    决算 (XX2024年度部门决算（本级）) as the form XX（本级）2024年度部门决算 has it; ``text`` as ``_title`` gives it."""
    m = _title_year(text)
    before, after = (text[: m.start()], text[m.end() :]) if m else ("", text)
    scope = s.group(1) if "）" in after and (s := _SCOPE_AFTER.search(after)) else ""
    after = _DANGLING.sub("", _TITLE_SUFFIX.sub("", after))
    return (after or _DANGLING.sub("", _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", before)))) + scope


def _publication_date(paragraphs: list[Paragraph]) -> tuple[str | None, str | None]:
    """YYYY-MM-DD of a date line near the top, or under the signature at the end, and a warning where the only
    date line has no day (2025年8月): no date is stored then (a day would be made up)."""
    no_day = None
    for para in paragraphs[:12] + paragraphs[-3:]:
        if "月" in para.text and (d := _PUB_DATE.match(norm(para.text))):
            if d.group(3) is None:
                no_day = no_day or para
                continue
            year, month, day = (cn_number(g) for g in d.groups())
            return f"{year:04d}-{month:02d}-{day:02d}", None
    if no_day:
        return None, f"publication date at line {no_day.line} ({no_day.text}) has no day: not stored"
    return None, None


def _doc_kind(title: str, paragraphs: list[Paragraph]) -> str:
    t = norm(title)
    for kind in ("部门决算", "单位决算"):
        if kind in t:
            return kind
    body = no_space("".join(p.text for p in paragraphs))  # as norm() has them (its punctuation is no part of the words)
    return "部门决算" if body.count("部门决算") > body.count("单位决算") else "单位决算"


def _year_check(year: int, tables: list[Table]) -> str | None:
    """A warning when the title's year is not the year the standard tables' captions print."""
    printed = {int(m.group(1)) for t in tables if t.code and (m := _YEAR.search(t.caption))}
    if printed and year not in printed:
        return f"the title says {year}, the tables' captions {', '.join(map(str, sorted(printed)))}"
    return None


def parse_document(source_file: str, data: bytes) -> Document:
    """Read one converted document into the document model (no interpretation of amounts)."""
    text, encoding_note = decode(data)
    blocks = read_blocks(ascii_digits(visible(text)))
    tables, paragraphs, table_warnings = build_tables(blocks)
    title, title_text = _title(paragraphs)
    if second := _second_title(paragraphs, tables):
        raise DocumentError(f"two documents in one file: a second title at line {second.line} ({second.text})")
    year = int(_title_year(title_text).group(1))
    unit_full = _unit_from_title(title_text)
    if not unit_full:
        unit_full = next((norm(t.unit_label) for t in tables if t.unit_label), "")
    if not unit_full:
        raise DocumentError("unit name not found in the title or table headers")
    m = _ALIAS.match(unit_full)
    unit_name, alias = (m.group(1), m.group(2)) if m else (unit_full, None)
    pub, pub_note = _publication_date(paragraphs)
    return Document(
        source_file=source_file,
        content_sha256=hashlib.sha256(data).hexdigest(),
        title=norm(title.text),
        unit_name=unit_name,
        unit_alias=alias,
        fiscal_year=year,
        doc_kind=_doc_kind(title.text, paragraphs),
        publication_date=pub,
        paragraphs=paragraphs,
        tables=tables,
        warnings=[w for w in (encoding_note, *table_warnings, _year_check(year, tables), pub_note) if w],
    )
