"""Reading the warehouse for many documents at once: a filter on document_id scans the whole table, so
pages and workbooks read their rows for a batch of documents per query, not one document at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

import duckdb

BATCH_SIZE = 500  # documents whose rows are read by one query


def batches(items: Sequence) -> Iterator[Sequence]:
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


def by_document(
    con: duckdb.DuckDBPyConnection, sql: str, document_ids: list[str], key_columns: int = 1
) -> defaultdict[object, list[tuple]]:
    """Rows of ``sql`` for these documents, grouped by their first ``key_columns`` columns (document_id
    first; the key is the bare value for one column, a tuple for several). ``sql`` marks where the filter
    goes with ``{batch}``."""
    grouped: defaultdict[object, list[tuple]] = defaultdict(list)
    for row in con.execute(sql.format(batch="document_id in (select unnest(?))"), [document_ids]).fetchall():
        key = row[0] if key_columns == 1 else row[:key_columns]
        grouped[key].append(row[key_columns:])
    return grouped
