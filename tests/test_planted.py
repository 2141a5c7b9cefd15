"""Random planted errors over the real document and its variants: every one is detected."""

from __future__ import annotations

from loaders.planted import KINDS, detection

from .conftest import CORPUS, DOCUMENTS


def test_every_planted_error_is_detected(tmp_path):
    results = detection([CORPUS / name for name in DOCUMENTS], per_kind=5, seed=11, workdir=tmp_path)
    assert len(results) == len(DOCUMENTS) * len(KINDS) * 5
    missed = [(name, kind, description) for name, kind, description, found in results if not found]
    assert missed == []
