"""Views: what each page shows, as frozen data (one class per page kind and per piece).

A template prints a view's attributes and nothing else, so two equal views render the
same HTML: the live preview re-renders a page only when its view changed, and a piece
shared by many pages (an event's card) is rendered once a build per view and depth.
Nothing here imports MkDocs.
"""
