"""Publishing without blocking readers: every write goes to a private working copy of the warehouse,
which is checkpointed and then swapped in for the published file with an atomic rename.

Read-only connections opened on the published file keep reading the version they opened (its inode
stays alive until they close); new connections see the new version. DuckDB allows one writer per file
and a reader blocks a writer, so readers never touch the working copy.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def work_path(db: Path) -> Path:
    """The private working copy beside the published file: warehouse.duckdb → warehouse.work.duckdb."""
    return db.with_name(f"{db.stem}.work{db.suffix or '.duckdb'}")


def working_copy(db: Path) -> Path:
    """Path of the working copy, created from the published file when there is none yet."""
    work = work_path(db)
    if not work.exists() and db.exists():
        shutil.copyfile(db, work)
    return work


def publish(db: Path) -> None:
    """Checkpoint the working copy and atomically replace the published file with a copy of it."""
    work = work_path(db)
    with duckdb.connect(str(work)) as con:
        con.execute("CHECKPOINT")
    staged = db.with_name(f".{db.name}.publishing")
    shutil.copyfile(work, staged)
    os.replace(staged, db)
