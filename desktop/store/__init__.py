"""The project store: one SQLite file per project, reached only through ``Store``
(desktop/store/store.py).  This package is the only place in Newsdesk that runs SQL."""
