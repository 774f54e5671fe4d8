"""Fixtures for the export tests; the sample records live in export_samples.py."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

# Hugging Face datasets must never reach the network in tests; set before it is imported.
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import pytest  # noqa: E402

from export_samples import record_1, record_2  # noqa: E402


@pytest.fixture
def records() -> list[dict[str, Any]]:
    return [record_1(), record_2()]


@pytest.fixture
def many_records() -> Callable[[int, int], list[dict[str, Any]]]:
    """``n`` records spread over ``pages`` pages (several articles per page)."""
    def build(n: int, pages: int) -> list[dict[str, Any]]:
        out = []
        for i in range(n):
            rec = record_1() if i % 2 else record_2()
            rec["id"] = 1000 + i
            rec["page"] = f"第{i % pages:03d}版.txt"
            rec["position"] = i // pages
            out.append(rec)
        return out
    return build
