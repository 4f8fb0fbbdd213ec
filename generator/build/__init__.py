"""The build: the only package that talks to MkDocs.

`plugin` (the MkDocs plugin: runs the pipeline and the views, hands MkDocs its pages)
and its options (`config`); what a build does besides rendering: the publish step
(`publish`), the search index (`search_index`), provenance (`provenance`), the build's
date (`build_date`), the garbage collector's settings (`collector`), Material's
sidebars shared between pages (`navigation`), mended markup (`material_fixes`) and
minified pages (`minify`).
"""
