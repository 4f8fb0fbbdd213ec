"""The shared core: what every stage and command speaks of.

Content folders and ids (`content`), problems reported to editors (`problems`), the
model (`model`), EDTF dates (`dates`) and the suggestions for dates as editors write
them (`date_suggestions`), and the one scanner of Markdown code (`markdown_scan`).
Imports nothing from the rest of the generator.
"""
