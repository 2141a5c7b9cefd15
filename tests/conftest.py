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


PG_BIN_DIRS = [Path("/usr/lib/postgresql/15/bin"), *sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster on loopback (initdb as an unprivileged user, in a temp dir).

    `.ci/run` installs Debian's postgresql when its binaries are missing; without them this fails, not skips.
    """
    import os
    import pwd
    import shutil
    import socket
    import subprocess
    import tempfile

    bin_dir = next((d for d in PG_BIN_DIRS if (d / "initdb").exists()), None)
    if bin_dir is None:
        pytest.fail("PostgreSQL server binaries not found (apt-get install postgresql); .ci/run installs them")
    root = Path(tempfile.mkdtemp(prefix="fiscal-pg-", dir="/tmp"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        user = pwd.getpwnam("nobody")
        os.chown(root, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "nobody", "--"]
    root.chmod(0o700)
    password = root / "pw"
    password.write_text("admin-secret\n")
    if run_as:
        os.chown(password, user.pw_uid, user.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(root / "data"),
            "-U",
            "fiscal_admin",
            "--pwfile",
            str(password),
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {root}"
    subprocess.run(
        [
            *run_as,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(root / "data"),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://fiscal_admin:admin-secret@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*run_as, str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-m", "fast", "stop"], capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)
