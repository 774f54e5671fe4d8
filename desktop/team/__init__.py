"""Team work on one dataset: work packages handed out and merged back (``packages``), and the
agreement between editors (``desktop.agreement``).  No Qt, no SQL: through ``desktop.store``."""
