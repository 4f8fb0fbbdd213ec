"""Import: chronologies kept elsewhere, as content files an editor can go on with.

A reader per format turns a file into `Draft`s (one per event or actor) and the
problems it met, record by record (`sheet`: TimelineJS's spreadsheet template as CSV or
XLSX; `timelinejs`: TimelineJS3 JSON; `acled`: ACLED's CSV exports); `files` compares
the drafts with the content folder (new, updated, unchanged, and conflicts: files an
editor changed since they were imported), writes them when asked, and checks that the
result builds.  The site build never imports anything: it reads only content/.
"""
