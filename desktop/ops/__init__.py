"""Operations: the work the command line and the desktop app both start on a project.

Owns: ``importer`` (pages -> articles in a store), ``annotations_import`` (a dataset
file -> articles and spans), ``reextraction`` (run the extractor again over chosen
articles, keeping what editors made) and ``learning`` (train a project model from the
reviewed articles).  Each runs through ``desktop.store`` (no SQL here) and imports no
Qt; the CLI (``desktop.cli``) and the app (``desktop.ui``) sit above this layer and call
it, passing their own progress and cancellation.  The layer order is an import-linter
``layers`` contract in pyproject.toml.
"""
