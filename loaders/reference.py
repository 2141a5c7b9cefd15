"""Classification reference lists (the project's seeds) and name matching within a parent."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import norm, strip_numbering

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# 项 suffix convention within a 款 (DOMAIN: 01 行政运行 … 50 事业运行, 99 其他…支出).
SUFFIX_BY_NAME = {"行政运行": "01", "一般行政管理事务": "02", "机关服务": "03", "事业运行": "50"}


@dataclass(frozen=True, slots=True)
class RefCode:
    code: str
    name: str
    level: str
    parent_code: str


@lru_cache(maxsize=1 << 16)
def label(text: str) -> str:
    """Comparable label: normalised, list numbering removed."""
    return strip_numbering(norm(text))


class CodeList:
    """One classification (function subjects or economic classes) indexed by parent."""

    def __init__(self, rows: list[RefCode], aliases: dict[str, str]):
        self.by_code = {r.code: r for r in rows}
        self.children: dict[str, list[RefCode]] = {}
        for r in rows:
            self.children.setdefault(r.parent_code, []).append(r)
        self.aliases = aliases

    @lru_cache(maxsize=1 << 16)  # noqa: B019 - the lists live for the whole process; names repeat across documents
    def match(self, name: str, parent: str, prefix: str = "") -> RefCode | None:
        """Code under ``parent`` (``""`` for top level) whose name matches, allowing truncation; a name going on past
        a reference name is not that name (事业单位离退休行政单位离退休: the rest of a name above joined to it)."""
        return match_name(label(name), self.children.get(parent, []), prefix, self.aliases, self.by_code, cut=True)


def match_name(name, candidates, prefix="", aliases=None, by_code=None, cut=False):
    """Exact name first, then a unique truncation match (one name a prefix of the other, or the name the beginning
    of a candidate's alias: 医疗卫生与计划生育支 cut from an old name of 210); with ``cut`` only the name may be cut
    (the candidates' names are whole)."""
    if not name:
        return None
    pool = [c for c in candidates if c.code.startswith(prefix)]
    if aliases and name in aliases and by_code and aliases[name] in by_code:
        hit = by_code[aliases[name]]
        if hit in pool:
            return hit
    exact = [c for c in pool if label(c.name) == name]
    if len(exact) == 1:
        return exact[0]
    if len(name) < 2:
        return None
    cut_alias = {code for alias, code in (aliases or {}).items() if alias.startswith(name)}
    partial = [
        c
        for c in pool
        if label(c.name).startswith(name) or (not cut and name.startswith(label(c.name))) or c.code in cut_alias
    ]
    return partial[0] if len(partial) == 1 else None


def _load(path: Path, system: str) -> CodeList:
    with path.open(encoding="utf-8") as fh:
        rows = [RefCode(r["code"], r["name"], r["level"], r["parent_code"]) for r in csv.DictReader(fh)]
    with (SEEDS / "ref_name_aliases.csv").open(encoding="utf-8") as fh:
        aliases = {label(r["alias"]): r["code"] for r in csv.DictReader(fh) if r["system"] == system}
    return CodeList(rows, aliases)


@lru_cache(maxsize=1)
def function_subjects() -> CodeList:
    return _load(SEEDS / "ref_function_subjects.csv", "function")


@lru_cache(maxsize=1)
def econ_classes() -> CodeList:
    return _load(SEEDS / "ref_econ_classes.csv", "econ")


def suffix_code(name: str, kuan: str) -> str | None:
    """项 code from the suffix convention: 行政运行 01 … 事业运行 50, 其他…支出 99."""
    n = label(name)
    if n in SUFFIX_BY_NAME:
        return kuan + SUFFIX_BY_NAME[n]
    if n.startswith("其他"):
        return kuan + "99"
    return None
