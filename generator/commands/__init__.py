"""Commands that are never part of a build: `python -m generator <command>`.

`cli` (the table of commands and the one problem printer), `new` (the scaffold),
`check`, `integrity` (the source-integrity report), `source_links` (the source-link
checker), `verify` (rebuild a published site and compare) and `importing/`.
"""
