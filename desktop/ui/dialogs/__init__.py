"""Dialogs: preferences, article history, keyboard cheat-sheet."""
