"""Benchmark: load N renamed copies of the test corpus into a fresh warehouse and build it.

Prints parsing documents per CPU-second on one core, loading documents/s, dbt build seconds, the seconds of
`fiscal check` (summary and GX suites) and `fiscal report`, and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import cli
from .check import summary, validate
from .document import parse_document
from .pipeline import parse_file
from .report import build_report

CORPUS = cli.PROJECT_ROOT / "tests" / "data" / "corpus"


def make_copies(n: int, out: Path) -> list[Path]:
    """``n`` documents cycling through the corpus, each under its own unit name."""
    sources = sorted(CORPUS.glob("*.md"))
    texts = [(p.read_text(encoding="utf-8"), parse_file(p).document.unit_name) for p in sources]
    files = []
    for i in range(n):
        text, unit = texts[i % len(texts)]
        path = out / f"doc{i:05d}.md"
        path.write_text(text.replace(unit, f"基准测试第{i:05d}中心"), encoding="utf-8")
        files.append(path)
    return files


def parse_rates(files: list[Path], warm: int = 20, sample: int = 200) -> tuple[float, float]:
    """Documents per CPU-second on one core, after ``warm`` documents: the whole parse (reading and
    interpreting, as the loader's workers do) and the document model alone (readers and captions)."""
    for f in files[:warm]:
        parse_file(f)
    chosen = files[warm : warm + sample] or files[:sample]
    t0 = time.process_time()
    for f in chosen:
        parse_file(f)
    parsed = time.process_time() - t0
    t0 = time.process_time()
    for f in chosen:
        parse_document(str(f), f.read_bytes())
    read = time.process_time() - t0
    return len(chosen) / parsed, len(chosen) / read


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run(n: int, jobs: int | None) -> None:
    with tempfile.TemporaryDirectory(prefix="fiscal-bench-") as tmp:
        root = Path(tmp)
        (root / "docs").mkdir()
        files = make_copies(n, root / "docs")
        with ProcessPoolExecutor(max_workers=1, initializer=cli.worker_start) as one_core:  # as the loader's workers
            parse_rate, read_rate = one_core.submit(parse_rates, files).result()
        db = root / "bench.duckdb"
        t0 = time.perf_counter()
        failed = cli.load([str(root / "docs")], db, jobs=jobs, quiet=True)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        built = cli.build(db)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary(db)
        validate(db, root / "data-docs")
        check_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        build_report(db, root / "report")
        report_s = time.perf_counter() - t0
        print(
            f"N={n:>6}: parse {parse_rate:5.0f} docs/s/core (document model alone {read_rate:4.0f}) | "
            f"load {n / load_s:7.0f} docs/s ({load_s:6.1f} s) | "
            f"dbt build {build_s:6.1f} s | total {load_s + build_s:6.1f} s | "
            f"check {check_s:5.1f} s | report {report_s:5.1f} s | peak memory {peak_mb():7.0f} MB | "
            f"db {db.stat().st_size / 2**20:6.0f} MB | failed {failed} | build {'ok' if built == 0 else 'FAILED'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 10_000])
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.jobs)


if __name__ == "__main__":
    main()
