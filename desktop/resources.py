"""Where Newsdesk's data files are: the only module that knows the layout.

Owns: the ``resources/`` folder (label colours, tag vocabulary, styles, icons,
translations, the gazetteer data in ``resources/gazetteer``), and the bundled
seed pages.  Works from a checkout, from a wheel
installed with ``pip install .`` (data mapped to ``desktop._resources`` and
``desktop._seeds``) and from a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("Newsdesk data folder not found; tried: " + ", ".join(map(str, candidates)))


def _frozen_root() -> Path | None:
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


@cache
def resources_dir() -> Path:
    """The folder holding labels.json, tags.json, styles/, icons/, i18n/."""
    frozen = _frozen_root()
    return _first_existing(
        *([frozen / "resources"] if frozen else []),
        _PACKAGE_DIR.parent / "resources",  # checkout / editable install
        _PACKAGE_DIR / "_resources",  # wheel install
    )


@cache
def seeds_dir() -> Path:
    """The folder of bundled sample pages."""
    frozen = _frozen_root()
    return _first_existing(
        *([frozen / "seeds"] if frozen else []),
        _PACKAGE_DIR.parent / "seeds",
        _PACKAGE_DIR / "_seeds",
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json(*parts: str) -> Any:
    with open(resource_path(*parts), encoding="utf-8") as f:
        return json.load(f)


@cache
def gazetteer_zip() -> Path:
    """china_location.zip: the administrative-division tree with codes, shipped in
    resources/gazetteer/ (data of the jionlp project, Apache-2.0; see the README there)."""
    return resource_path("gazetteer", "china_location.zip")
