"""Where Newsdesk's data files are: the only module that knows the layout.

Owns: the ``resources/`` folder (label colours, tag vocabulary, styles, icons,
translations), the bundled seed pages, and the location of the gazetteer file
shipped in the ``jionlp`` package data.  Works from a checkout, from a wheel
installed with ``pip install .`` (data mapped to ``desktop._resources`` and
``desktop._seeds``) and from a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import importlib.util
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
    """china_location.zip from jionlp's package data (the package is not imported)."""
    frozen = _frozen_root()
    if frozen and (frozen / "jionlp" / "dictionary" / "china_location.zip").is_file():
        return frozen / "jionlp" / "dictionary" / "china_location.zip"
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the jionlp package (gazetteer data) is not installed")
    for loc in spec.submodule_search_locations:
        p = Path(loc) / "dictionary" / "china_location.zip"
        if p.is_file():
            return p
    raise FileNotFoundError("china_location.zip not found in the jionlp package")
