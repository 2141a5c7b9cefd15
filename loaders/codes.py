"""Code recovery: 7-digit function codes for rows printed with their 款 code, and levels/leaves.

Each resolved code records its method: ``printed``, ``other_table`` (the same 款 and name printed
with a full code in another table of the document), ``name_in_parent`` (the reference list, or the
项 suffix convention, under the printed parent) or ``from_name`` (a class name without code). A row printed
without a code (names only, or under a merged 款 cell) is named under the row above it.
"""

from __future__ import annotations

from .interpret.subjects import LEVELS, SubjectRow
from .reference import RefCode, function_subjects, label, match_name, suffix_code


def _printed_index(tables: dict[str, list[SubjectRow]]) -> dict[str, list[RefCode]]:
    """Codes printed whole with their names, by parent: 项 under their 款, 款 under their 类 (a 款 code printed
    again on the 项 rows below it names those rows, not the 款)."""
    index: dict[str, list[RefCode]] = {}
    for rows in tables.values():
        kuan_seen: set[str] = set()
        for r in rows:
            code = r.printed_code
            if code and (len(code) == 7 or (len(code) == 5 and code not in kuan_seen)):
                index.setdefault(code[:-2], []).append(RefCode(code, r.name_raw, LEVELS[len(code)], code[:-2]))
                kuan_seen.add(code)
    return index


def _unique_code(name: str, candidates: list[RefCode]) -> str | None:
    hits = {c.code for c in candidates if match_name(label(name), [c])}
    return hits.pop() if len(hits) == 1 else None


def _under(row: SubjectRow, parents: tuple[str, ...], printed: dict[str, list[RefCode]]) -> tuple[str | None, str]:
    """Code of a row under one of ``parents`` (nearest first) by its name: printed in the document, in the reference
    list, then by the 项 suffix convention under a 款."""
    for parent in parents:
        if code := _unique_code(row.name_raw, printed.get(parent, [])):
            return code, "other_table"
    for parent in parents:
        if ref := function_subjects().match(row.name_raw, parent):
            return ref.code, "name_in_parent"
    if (kuan := next((p for p in parents if len(p) == 5), None)) and (code := suffix_code(row.name_raw, kuan)):
        return code, "name_in_parent"
    return None, "unresolved"


def _from_name(row: SubjectRow, above: str, printed: dict[str, list[RefCode]]) -> tuple[str | None, str]:
    """Code of a row printed without one (names only, or a 款 code merged over its 项 rows): a 类 by its exact
    name, else a 项 of the 款 above or a 款 of the 类 above, else a 类 by a truncated name."""
    lei = function_subjects().match(row.name_raw, "")
    if lei and label(lei.name) == label(row.name_raw):
        return lei.code, "from_name"
    found = _under(row, (above[:5], above[:3]) if len(above) >= 5 else (above,) if above else (), printed)
    return found if found[0] else (lei.code, "from_name") if lei else (None, "unresolved")


def resolve_subjects(tables: dict[str, list[SubjectRow]]) -> None:
    """Fill code, method, level, parent and leaf flags of every subject-table row in place."""
    printed = _printed_index(tables)
    for rows in tables.values():
        kuan_seen: set[str] = set()
        above = ""  # code of the last resolved row: a row printed without a code is read under it
        for r in rows:
            if r.is_total:
                continue
            pc = r.printed_code
            if pc is None:
                r.code, r.method = _from_name(r, above, printed)
                r.level = LEVELS.get(len(r.code)) if r.code else "类"
            elif len(pc) == 5 and pc in kuan_seen:
                r.code, r.method = _under(r, (pc,), printed)
                r.level, r.parent_code = "项", pc
            else:
                r.code, r.method, r.level = pc, "printed", LEVELS.get(len(pc))
                if len(pc) == 5:
                    kuan_seen.add(pc)
            if r.code and r.parent_code is None and len(r.code) > 3:
                r.parent_code = r.code[: len(r.code) - 2]
            above = r.code or above
        parents = {r.parent_code for r in rows if r.parent_code}
        for r in rows:
            r.is_leaf = not r.is_total and (r.code is None or r.code not in parents)
