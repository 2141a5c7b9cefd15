"""Text normalisation and amount parsing shared by the document model and interpreters."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
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

# A classification code printed in the same cell as its name: 2010350 事业运行, 201 03 50 事业运行, 30101 基本工资,
# [2010350]事业运行.
_CODE_AND_NAME = re.compile(r"^\s*[\[【]?\s*(\d{2,3}(?:\s?\d{2}){0,2})\s*[\]】]?\s*(?=[^\d\s.．、，,%％\]】])")
CODE_BRACKETS = "[]【】"

ZERO = Decimal(0)
WAN = Decimal(10000)
_ZERO_MARKS = {"", "-", "--", "—", "——", "－", "/", "0", "0.0", "0.00", "0.000", "0.0000"}
_NUMBER = re.compile(r"^[（(]?-?\d{1,3}(?:,\d{3})*(?:\.\d+)?[）)]?$|^[（(]?-?\d+(?:\.\d+)?[）)]?$")


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
    return (no_space(m.group(1)), text[m.end() :].strip()) if m else None


def strip_numbering(text: str) -> str:
    """Drop a leading list number such as 一、 (二) 3. from a normalised label."""
    return _NUMBERING.sub("", text)


@lru_cache(maxsize=1 << 16)
def parse_amount(text: str) -> Decimal | None:
    """Printed amount → Decimal; blanks, dashes and 0.00 are zero; None if not an amount."""
    t = no_space(text)
    if not t.isascii():  # full-width digits and marks (３，７９７．７５, （１２．００）) as their ASCII forms
        t = unicodedata.normalize("NFKC", t)
    if t in _ZERO_MARKS:
        return ZERO
    if not _NUMBER.match(t):
        return None
    negative = t.startswith(("(", "（")) or t.startswith("-")
    digits = t.strip("()（）-").replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return -value if negative else value


def to_wan(value: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in ``unit`` (万元 or 元) to 万元 without rounding."""
    return value / WAN if unit == "元" else value
