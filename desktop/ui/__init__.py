"""The Newsdesk desktop application: every line of Qt code lives under this package.

Owns nothing itself; see ``app`` (startup), ``main_window`` (composition) and
``context`` (the state every pane shares).
"""
