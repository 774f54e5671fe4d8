"""Entry point of the frozen Newsdesk program (PyInstaller runs this file, nothing else does).

Owns: calling ``multiprocessing.freeze_support()`` before anything else, so the
importer's spawn-based worker processes start as workers of the frozen program instead
of opening a second app, then handing the command line to ``desktop.cli.main``.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.cli import main

    main(prog_name="newsdesk")
