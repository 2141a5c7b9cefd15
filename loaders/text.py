"""Text normalisation and amount parsing shared by the document model and interpreters."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

# Half-width punctuation and curly quotes as the comparable form writes them.
_PUNCTUATION = (
    ("(", "（"),
    (")", "）"),
    (":", "："),
    (",", "，"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2018", "'"),
    ("\u2019", "'"),
)
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十百]+[）)、.．]\s*|^[（(]?\d{1,2}[）)、.．]\s*(?!\d)")

# A code printed with a separator between its parts, the same throughout: 201.03.50, 201-03-50, 201．03．50.
_SEPARATED = r"\d{3}(?P<sep>[.．\-－])\d{2}(?:(?P=sep)\d{2})?"
# A classification code printed in the same cell as its name: 2010350 事业运行, 201 03 50 事业运行, 201.03.50 事业运行,
# 30101 基本工资, [2010350]事业运行.
_CODE_AND_NAME = re.compile(
    rf"^\s*[\[【]?\s*(?P<code>{_SEPARATED}|\d{{2,3}}(?:\s?\d{{2}}){{0,2}})\s*[\]】]?\s*(?=[^\d\s.．、，,%％\]】])"
)
CODE_BRACKETS = "[]【】"
# A code alone in its cell (whitespace and brackets dropped): 2010350, 201.03.50, or one part of a code printed in
# 类 | 款 | 项 cells, bare (201 | 03 | 50) or with its separator kept beside it (201. | 03. | 50, .03 | .50).
_CODE_ALONE = re.compile(rf"^(?:\d{{2,7}}|{_SEPARATED}|[.．\-－]\d{{2,3}}|\d{{2,3}}[.．\-－])$")
_NOT_DIGIT = re.compile(r"\D")

ZERO = Decimal(0)
_ZERO_MARKS = {"", "-", "--", "—", "——", "－", "/", "0", "0.0", "0.00", "0.000", "0.0000"}
# Minus signs a PDF text layer holds instead of ASCII '-': minus sign, en dash, figure dash, small hyphen-minus.
_MINUS = str.maketrans(dict.fromkeys("\u2212\u2013\u2012\ufe63", "-"))
# Footnote marks printed after an amount (12.50①, 8.10², 1,000.00※): NFKC would make ① and ² digits.
_FOOTNOTE_MARKS = "".join(chr(c) for c in range(0x2460, 0x2474)) + "¹²³⁰⁴⁵⁶⁷⁸⁹※＊*"
_WIDE_DIGITS = "０１２３４５６７８９"
_TO_ASCII_DIGITS = str.maketrans(_WIDE_DIGITS, "0123456789")
_WIDE_GROUPING = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")  # 3，797.75
_WIDE_POINT = re.compile(r"(?<=\d)．(?=\d)")  # 453．98
# Format characters (Unicode category Cf: zero-width space, a byte-order mark inside the text, soft hyphen, word
# joiner …) PDF text layers leave inside words: they print as nothing. Those outside the BMP (Brahmi, Egyptian,
# musical and tag controls) do not come from a Chinese document.
_FORMAT_CHARS = "".join(c for c in map(chr, range(0x10000)) if unicodedata.category(c) == "Cf")
_DROP_FORMAT = dict.fromkeys(map(ord, _FORMAT_CHARS))
# An amount: 1,234.56 or 1234.56, negative as -1,234.56 or (1,234.56) (both brackets, no sign inside them).
_NUMBER = re.compile(r"^(?P<open>\()?(?P<minus>-)?(?P<value>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?P<close>\))?$")
# Whitespace between digits (1 234.56, with a thin or no-break space) groups thousands, as a comma would: 12 34.56 and
# 5 1,234.56 (two cells run together) are then no number.
_DIGIT_SPACE = re.compile(r"(?<=\d)\s+(?=\d)")


def no_space(text: str) -> str:
    """``text`` with every whitespace character removed."""
    return "".join(text.split())


def flatten(text: str) -> str:
    """Comparable form of a text: no whitespace, full-width brackets, plain quotes."""
    text = no_space(text)
    for half, full in _PUNCTUATION:
        if half in text:  # str.replace is far faster than str.translate on CJK text
            text = text.replace(half, full)
    return text


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """flatten() for labels, cached: labels repeat across rows and documents."""
    return flatten(text)


def split_code(text: str, first_digits: str) -> tuple[str, str] | None:
    """(code, name) of a cell holding a code whose first digit is one of ``first_digits`` and then a name."""
    head = text.lstrip().lstrip(CODE_BRACKETS)[:1]
    if not head or head not in first_digits:
        return None
    m = _CODE_AND_NAME.match(text)
    return (_NOT_DIGIT.sub("", m.group("code")), text[m.end() :].strip()) if m else None


@lru_cache(maxsize=1 << 16)
def code_digits(text: str) -> str | None:
    """The digits of a cell holding a code alone (see _CODE_ALONE), else None."""
    t = no_space(text).strip(CODE_BRACKETS)
    return _NOT_DIGIT.sub("", t) if _CODE_ALONE.match(t) else None


def strip_numbering(text: str) -> str:
    """Drop a leading list number such as 一、 (二) 3. from a normalised label."""
    return _NUMBERING.sub("", text)


@lru_cache(maxsize=1 << 16)
def parse_amount(text: str) -> Decimal | None:
    """Printed amount → Decimal; blanks, dashes and 0.00 are zero; None if not an amount."""
    t = no_space(_DIGIT_SPACE.sub(",", text))
    if t[-1:] in _FOOTNOTE_MARKS:  # not a digit, though NFKC would make ① and ² digits
        t = t.rstrip(_FOOTNOTE_MARKS)
    if not t.isascii():  # full-width marks (（１２．００）) and other minus signs (−12.00) as their ASCII forms
        t = unicodedata.normalize("NFKC", t).translate(_MINUS)
    if t in _ZERO_MARKS:
        return ZERO
    m = _NUMBER.match(t)
    if not m or bool(m["open"]) != bool(m["close"]) or (m["open"] and m["minus"]):
        return None  # (12.00 or 12.00) cut off, (-12.00) negative twice: not read as either sign
    value = Decimal(m["value"].replace(",", ""))
    return -value if m["open"] or m["minus"] else value


def visible(text: str) -> str:
    """``text`` without format characters (category Cf), which print as nothing; line numbers stay."""
    if any(c in text for c in _FORMAT_CHARS):  # a substring search per character: far faster than a scan
        text = text.translate(_DROP_FORMAT)
    return text


def ascii_digits(text: str) -> str:
    """Numbers printed with full-width characters (２０１０３５０, ３，７９７．７５, ４５３．９８, １２％, ２０２４年)
    in ASCII: codes, amounts, percentages and years then read as any other. Nothing else changes (a ，between
    words stays), so line numbers and every other character stay."""
    if any(d in text for d in _WIDE_DIGITS):
        text = text.translate(_TO_ASCII_DIGITS)
        if "，" in text:
            text = _WIDE_GROUPING.sub(",", text)
    if "．" in text:
        text = _WIDE_POINT.sub(".", text)
    return text.replace("％", "%") if "％" in text else text


def to_wan(value: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in ``unit`` (万元, 元 or 亿元) to 万元 without rounding; the printed precision stays
    in the exponent (1,300,000 元 → 130.0000 万元)."""
    return value.scaleb(-4) if unit == "元" else value.scaleb(4) if unit == "亿元" else value


_CN_DIGIT_VALUES = str.maketrans("〇零一二三四五六七八九", "00123456789")


def cn_number(text: str) -> int:
    """A number in digits or Chinese numerals: 2025, 二〇二五 (digit by digit), 九, 十二, 二十九."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int(text.translate(_CN_DIGIT_VALUES))
    tens, _, units = text.rpartition("十")
    return int(tens.translate(_CN_DIGIT_VALUES) or 1) * 10 + int(units.translate(_CN_DIGIT_VALUES) or 0)


# A printed amount: decimals (codes and 行次 have none), or whole 元 grouped in thousands (37,977,500).
_PRINTED_AMOUNT = re.compile(r"^-?(?:[\d,]*\d\.\d+|\d{1,3}(?:,\d{3})+)$")


def is_printed_amount(text: str) -> bool:
    """Whether a cell holds an amount as tables print them (not a code, a row number or a year)."""
    return ("." in text or "," in text) and _PRINTED_AMOUNT.match(no_space(text)) is not None
