"""Rebuild the interface translations from the source code.

Owns: ``resources/i18n/newsdesk_zh_CN.ts`` (updated from every ``tr()`` /
``QCoreApplication.translate()`` / ``QT_TRANSLATE_NOOP`` string under
``desktop/ui`` by ``pyside6-lupdate``; existing translations are kept, new
strings arrive marked unfinished) and ``newsdesk_zh_CN.qm`` (compiled by
``pyside6-lrelease``).  Commit both together.  English is the source language
and ships no file.

Run: ``python packaging/update_translations.py`` (``--check`` fails when a
string is untranslated, without writing the .qm).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "ui"
I18N = ROOT / "resources" / "i18n"
LOCALES = ("zh_CN",)


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def main(argv: list[str]) -> int:
    check = "--check" in argv
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    status = 0
    for locale in LOCALES:
        ts = I18N / f"newsdesk_{locale}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT,
            check=True,
        )
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        if unfinished:
            print(f"{ts.name}: {unfinished} strings still need a translation", file=sys.stderr)
            status = 1
        if not check:
            subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
