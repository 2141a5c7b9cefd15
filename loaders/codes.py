"""Code recovery: 7-digit function codes for rows printed with their 款 code, and levels/leaves.

Each resolved code records its method: ``printed``, ``other_table`` (the same 款 and name printed
with a full code in another table of the document), ``name_in_parent`` (the reference list, or the
项 suffix convention, under the printed parent) or ``from_name`` (a class name without code).
"""

from __future__ import annotations

from .interpret.subjects import LEVELS, SubjectRow
from .reference import RefCode, function_subjects, label, match_name, suffix_code


def _printed_index(tables: dict[str, list[SubjectRow]]) -> dict[str, list[RefCode]]:
    index: dict[str, list[RefCode]] = {}
    for rows in tables.values():
        for r in rows:
            if r.printed_code and len(r.printed_code) == 7:
                index.setdefault(r.printed_code[:5], []).append(
                    RefCode(r.printed_code, r.name_raw, "项", r.printed_code[:5])
                )
    return index


def _unique_code(name: str, candidates: list[RefCode]) -> str | None:
    hits = {c.code for c in candidates if match_name(label(name), [c])}
    return hits.pop() if len(hits) == 1 else None


def _recover(row: SubjectRow, kuan: str, printed: dict[str, list[RefCode]]) -> tuple[str | None, str]:
    code = _unique_code(row.name_raw, printed.get(kuan, []))
    if code:
        return code, "other_table"
    ref = function_subjects().match(row.name_raw, kuan)
    if ref:
        return ref.code, "name_in_parent"
    code = suffix_code(row.name_raw, kuan)
    return (code, "name_in_parent") if code else (None, "unresolved")


def resolve_subjects(tables: dict[str, list[SubjectRow]]) -> None:
    """Fill code, method, level, parent and leaf flags of every subject-table row in place."""
    printed = _printed_index(tables)
    for rows in tables.values():
        kuan_seen: set[str] = set()
        for r in rows:
            if r.is_total:
                continue
            pc = r.printed_code
            if pc is None:
                ref = function_subjects().match(r.name_raw, "")
                r.code, r.method = (ref.code, "from_name") if ref else (None, "unresolved")
                r.level = "类"
            elif len(pc) == 5 and pc in kuan_seen:
                r.code, r.method = _recover(r, pc, printed)
                r.level, r.parent_code = "项", pc
            else:
                r.code, r.method, r.level = pc, "printed", LEVELS.get(len(pc))
                if len(pc) == 5:
                    kuan_seen.add(pc)
            if r.code and r.parent_code is None and len(r.code) > 3:
                r.parent_code = r.code[: len(r.code) - 2]
        parents = {r.parent_code for r in rows if r.parent_code}
        for r in rows:
            r.is_leaf = not r.is_total and (r.code is None or r.code not in parents)
