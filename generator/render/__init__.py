"""Render: turn a linked chronology into what readers see (labels, page Markdown, views)."""
