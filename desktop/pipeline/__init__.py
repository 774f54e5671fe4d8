"""Page text -> articles -> fields and entity spans.  Pure: no Qt, no SQL."""
