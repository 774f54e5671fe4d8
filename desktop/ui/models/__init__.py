"""Qt item models: thin adapters between the Store and Qt's item views."""
