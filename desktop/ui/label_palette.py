"""The span labels as the UI shows them: colour, border, key and names.

Owns: reading ``resources/labels.json`` once into ``LabelStyle`` records so
highlights, the legend, the span list and the label keys agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from desktop.resources import load_json


@dataclass(frozen=True)
class LabelStyle:
    label: str
    key: str
    color: QColor
    border: QColor
    zh: str
    en: str

    def display_name(self, language: str) -> str:
        return self.zh if language.startswith("zh") else self.en


@cache
def label_styles() -> tuple[LabelStyle, ...]:
    return tuple(
        LabelStyle(e["label"], e["key"], QColor(e["color"]), QColor(e["border"]), e["zh"], e["en"])
        for e in load_json("labels.json")["labels"]
    )


def style_for(label: str) -> LabelStyle:
    for style in label_styles():
        if style.label == label:
            return style
    return LabelStyle(label, "", QColor("#dddddd"), QColor("#777777"), label, label)


def interface_language() -> str:
    """The interface language in use ("zh_CN" or "en"), as the translator set the default locale."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def label_text(label: str) -> str:
    """A label's name in the interface language ("地名" / "Place"); the code for an unknown label."""
    return style_for(label).display_name(interface_language())
