"""`fiscal publish --postgres URL`: the marts and cn schemas copied into PostgreSQL in one transaction.

Tables keep their column types (DECIMAL amounts become numeric(p, s), never floats); the cn views are
recreated over the copied marts. The data is copied into new schemas beside the published ones, which are
swapped in (dropped, the new ones renamed) at the end of the transaction: a reader sees the old or the new
data, never a mix, and goes on reading the old data while the copy runs (minutes at national scale).
`--reader NAME:PASSWORD` creates or updates a login role that can read the published schemas and nothing
else; roles that could read them before keep that right.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import duckdb

SCHEMAS = ("marts", "cn")
NEW_SUFFIX = "__publishing"  # the new data is copied into marts__publishing / cn__publishing, then swapped in
TYPES = {
    "VARCHAR": "text",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "HUGEINT": "numeric(38, 0)",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "DOUBLE": "double precision",
}
_VIEW_SOURCE = re.compile(r'marts"?\s*\.\s*"?(\w+)', re.I)
CHUNK = 1 << 20  # bytes per write to COPY


def pg_type(duckdb_type: str) -> str:
    if m := re.match(r"DECIMAL\((\d+),\s*(\d+)\)", duckdb_type):
        return f"numeric({m.group(1)}, {m.group(2)})"
    return TYPES[duckdb_type]


def _layout(con) -> tuple[dict[str, list[tuple[str, str]]], dict[str, tuple[str, list[str]]]]:
    """Mart tables with their columns and types; cn views with the mart they rename and their names."""
    columns = con.execute(
        """select table_schema, table_name, column_name, data_type from information_schema.columns
           where table_schema in ('marts', 'cn') order by table_schema, table_name, ordinal_position"""
    ).fetchall()
    tables: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, list[str]] = {}
    for schema, table, column, dtype in columns:
        if schema == "marts":
            tables.setdefault(table, []).append((column, dtype))
        else:
            names.setdefault(table, []).append(column)
    sources = dict(
        (view, _VIEW_SOURCE.search(sql).group(1))
        for view, sql in con.execute("select view_name, sql from duckdb_views() where schema_name = 'cn'").fetchall()
    )
    return tables, {view: (sources[view], cols) for view, cols in names.items()}


def publish_postgres(db: Path, url: str, reader: str | None = None) -> str:
    import psycopg
    from psycopg import sql

    with duckdb.connect(str(db), read_only=True) as con:
        tables, views = _layout(con)
        with psycopg.connect(url) as pg, pg.cursor() as cur:
            readers = _current_readers(cur)
            new = {schema: sql.Identifier(schema + NEW_SUFFIX) for schema in SCHEMAS}
            for schema in SCHEMAS:
                cur.execute(sql.SQL("drop schema if exists {} cascade").format(new[schema]))
                cur.execute(sql.SQL("create schema {}").format(new[schema]))
            rows = 0
            for table, cols in tables.items():
                target = sql.SQL("{}.{}").format(new["marts"], sql.Identifier(table))
                ddl = sql.SQL(", ").join(
                    sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(pg_type(t))) for c, t in cols
                )
                cur.execute(sql.SQL("create table {} ({})").format(target, ddl))
                names = sql.SQL(", ").join(sql.Identifier(c) for c, _ in cols)
                copy_in = sql.SQL("copy {} ({}) from stdin (format csv)").format(target, names)
                rows += _copy_table(con, cur, table, copy_in)
            for view, (source, cn_names) in views.items():
                select = sql.SQL(", ").join(
                    sql.SQL("{} as {}").format(sql.Identifier(c), sql.Identifier(n))
                    for (c, _), n in zip(tables[source], cn_names, strict=True)
                )
                cur.execute(
                    sql.SQL("create view {}.{} as select {} from {}.{}").format(
                        new["cn"], sql.Identifier(view), select, new["marts"], sql.Identifier(source)
                    )
                )
            # The swap: only now are the published schemas locked, for as long as a drop and a rename take.
            for schema in reversed(SCHEMAS):
                cur.execute(sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(schema)))
            for schema in SCHEMAS:
                cur.execute(sql.SQL("alter schema {} rename to {}").format(new[schema], sql.Identifier(schema)))
            if reader:
                name, _, password = reader.partition(":")
                _ensure_reader(cur, name, password)
                readers.add(name)
            for name in readers:
                _grant_read(cur, name)
    return f"published {len(tables)} tables ({rows} rows) and {len(views)} cn views; readers: {sorted(readers)}"


def _copy_table(con, cur, table: str, copy_in) -> int:
    """Rows of one mart through a CSV file DuckDB writes: no Python object per value (millions of rows at
    national scale). DuckDB quotes an empty string and leaves NULL unquoted, as PostgreSQL's CSV COPY reads them."""
    with tempfile.TemporaryDirectory(prefix="fiscal-publish-") as tmp:
        path = Path(tmp) / "table.csv"
        export = f"copy (select * from marts.\"{table}\") to '{path}' (format csv, header false)"
        (rows,) = con.execute(export).fetchone()
        with path.open("rb") as data, cur.copy(copy_in) as copy:
            while chunk := data.read(CHUNK):
                copy.write(chunk)
    return rows


def _current_readers(cur) -> set[str]:
    """Roles (not superusers, not us) that can read the published schema now."""
    cur.execute("select exists (select 1 from pg_namespace where nspname = 'marts')")
    if not cur.fetchone()[0]:
        return set()
    cur.execute(
        """select rolname from pg_roles
           where not rolsuper and rolname <> current_user and rolname not like 'pg\\_%'
             and has_schema_privilege(oid, 'marts', 'USAGE')"""
    )
    return {r for (r,) in cur.fetchall()}


def _ensure_reader(cur, name: str, password: str) -> None:
    from psycopg import sql

    cur.execute("select 1 from pg_roles where rolname = %s", [name])
    verb = "alter" if cur.fetchone() else "create"
    cur.execute(
        sql.SQL(verb + " role {} with login password {} nosuperuser nocreatedb nocreaterole noinherit").format(
            sql.Identifier(name), sql.Literal(password)
        )
    )


def _grant_read(cur, name: str) -> None:
    from psycopg import sql

    role = sql.Identifier(name)
    cur.execute("select current_database()")
    cur.execute(sql.SQL("grant connect on database {} to {}").format(sql.Identifier(cur.fetchone()[0]), role))
    for schema in SCHEMAS:
        cur.execute(sql.SQL("grant usage on schema {} to {}").format(sql.Identifier(schema), role))
        cur.execute(sql.SQL("grant select on all tables in schema {} to {}").format(sql.Identifier(schema), role))
