"""The span labels as the UI shows them: colour, border, key and names.

Owns: reading ``resources/labels.json`` once into ``LabelStyle`` records so
highlights, the legend, the span list and the label keys agree, and the other
colours drawn over the article text: the text selection (a neutral dark grey
with white text, unlike any label's pale fill, ORG's blue included) and the
frame around search hits (red, a colour no label uses, drawn as a frame so the
span colours under it stay visible).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from desktop.resources import load_json

SELECTION_BACKGROUND = QColor("#4a4a4a")
SELECTION_TEXT = QColor("#ffffff")
SEARCH_HIT = QColor("#e03131")  # frame around every search hit
SEARCH_HIT_CURRENT_FILL = QColor(224, 49, 49, 60)  # the hit F3 went to, lightly filled too
MACHINE_FILL_STRENGTH = 0.5  # a machine span's fill: its label colour halfway to white


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


def lighter_fill(color: QColor, strength: float = MACHINE_FILL_STRENGTH) -> QColor:
    """``color`` moved towards white: the fill of a span not yet checked by an editor."""
    return QColor(
        round(255 - (255 - color.red()) * strength),
        round(255 - (255 - color.green()) * strength),
        round(255 - (255 - color.blue()) * strength),
    )


def interface_language() -> str:
    """The interface language in use ("zh_CN" or "en"), as the translator set the default locale."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def label_text(label: str) -> str:
    """A label's name in the interface language ("地名" / "Place"); the code for an unknown label."""
    return style_for(label).display_name(interface_language())
