"""The span labels as the UI shows them: colour, border, key and names.

Owns: reading ``resources/labels.json`` once into ``LabelStyle`` records so
highlights, the legend, the span list and the label keys agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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
