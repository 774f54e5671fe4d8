"""Newsdesk: review and correct what a machine extracted from Chinese newspaper pages."""

__version__ = "0.1.0"
