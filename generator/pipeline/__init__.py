"""The pipeline stages, in order: content folder -> linked `Chronology`.

`limits` (refuse what would make YAML or Markdown take minutes or gigabytes),
`yaml_text` (frontmatter read with positions), `load` (files -> raw records),
`schema` (the JSON Schemas editors' tools share), `validate` (records -> `Event` and
`Actor`, or problems), `link` (ids resolved, back-links, order), `images` (media scaled
for phones), `history` (first published and last updated, from git), and
`chronology`, which runs load, validate and link.  A stage imports only the core and
the stages before it (tests/unit/test_layers.py); nothing here imports MkDocs.
"""
