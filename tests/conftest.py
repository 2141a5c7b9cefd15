"""Shared fixtures: warehouses built by the real pipeline (loaders + dbt) from the test corpus."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from loaders import cli

CORPUS = Path(__file__).parent / "data" / "corpus"
DOCUMENTS = sorted(p.name for p in CORPUS.glob("*.md"))
REAL = "wuhan-info-center-2024.md"


def truth(name: str) -> dict:
    return json.loads((CORPUS / name.replace(".md", ".truth.json")).read_text(encoding="utf-8"))


def build_warehouse(db: Path, *files: Path) -> Path:
    """Load ``files`` into ``db`` and run dbt build, as ``fiscal run`` does."""
    assert cli.load([str(f) for f in files], db, jobs=1, quiet=True) == 0
    assert cli.build(db) == 0
    return db


@pytest.fixture(scope="session")
def warehouses(tmp_path_factory) -> dict[str, Path]:
    """One warehouse per corpus document (the variants share the real document's unit and year)."""
    root = tmp_path_factory.mktemp("warehouses")
    return {name: build_warehouse(root / f"{name}.duckdb", CORPUS / name) for name in DOCUMENTS}


@pytest.fixture(scope="session")
def real_db(warehouses) -> Path:
    return warehouses[REAL]


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()
