"""Widgets of the main window: article view, fields panel, filter bar and their helpers."""
