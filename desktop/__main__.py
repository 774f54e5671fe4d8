"""``python -m desktop`` runs the ``newsdesk`` command."""

from desktop.cli import main

if __name__ == "__main__":
    main()
