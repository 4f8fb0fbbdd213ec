"""The only module that talks to MkDocs: runs the pipeline and hands MkDocs its pages.

Events, in the order MkDocs calls them:
- on_config: add the Markdown extension that makes the footnotes a list of sources; date the
  build from the last commit (SOURCE_DATE_EPOCH), never from the clock.
- on_startup: note whether this is `mkdocs serve` (which keeps parsed files between
  rebuilds) and whether it reloads dirty (which re-renders only the pages that changed,
  and makes the garbage collector's full passes rarer).
- on_pre_build: load, validate and link the content.  This runs before MkDocs cleans
  `site_dir`, so a chronology with errors stops the build with the previous site intact;
  under `mkdocs serve` the preview shows the problems instead, and recovers when fixed.
- on_files: replace the editors' source files with the generated pages (in memory),
  and add the open data (JSON, CSV), the Atom feed and the frontmatter schemas.
- on_serve: watch the theme folder too.
- on_page_markdown: give each generated page its title and template.
- on_page_content: sanitise the rendered body and its table of contents.
- on_page_context: hand each template the objects it shows.
- on_post_page, on_post_template: mend Material's markup where it fails HTML and
  accessibility checks (`render/material_fixes.py`).
- on_env: the Jinja filters our templates use, and autoescaping for our templates; the
  garbage collector stops walking what lives until the build ends (on_post_build, or
  on_build_error, lets it walk those objects again).
"""

from __future__ import annotations

import gc
import logging
import os
import subprocess
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from generator.config import TimelineConfig
from generator.content import FOLDERS
from generator.pipeline import PipelineCache, build_chronology
from generator.render import material_fixes
from generator.render.dates import date_label, date_segments
from generator.render.exports import Links, actors_json, atom_feed, events_json, timeline_csv
from generator.render.fragments import FragmentCache, nav_fragment_key, render_every_time, site_link
from generator.render.page_spec import PageSpec
from generator.render.pages import plan_pages, problem_pages
from generator.render.sanitize import clean_body, clean_text
from generator.render.source_list import SourceListExtension
from generator.schema import SCHEMA_FILES, schema_text

log = logging.getLogger("mkdocs.plugins.timeline")


class _GeneratedPage(File):
    """A generated page that knows whether it changed since the previous build, so that
    `mkdocs serve --dirtyreload` re-renders only the pages an edit touched."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, PageSpec] = {}
        self.exports: dict[str, str] = {}  # open data and feed files, by path in the site
        self.serving = False
        self.dirty = False
        self.cache: PipelineCache | None = None  # the live preview's parsed files
        self.fingerprints: dict[str, tuple] = {}  # src_uri -> what the page showed last build
        self.built_once = False  # whether a build has written the open data files
        self.page_sources: dict = {}  # the sources of the page being converted, by id

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this plugin instance alive across serve rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty
        self.cache = PipelineCache() if self.serving else None
        if self.serving and dirty:
            # A --dirtyreload rebuild of a large chronology allocates enough to set off the
            # collector's full pass over everything the preview keeps (all pages, the
            # caches) about twice, each costing as much as the rest of the rebuild.  One
            # full pass per hundred middle-generation passes (instead of ten) leaves about
            # one for every two rebuilds; the rest of the collector runs as usual.
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, 100)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.markdown_extensions.append(SourceListExtension(sources=lambda: self.page_sources))
        # MkDocs dates the sitemap (and its gzip header) from SOURCE_DATE_EPOCH, or else
        # from the clock; the clock would make two builds of one commit differ.
        if "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"] = str(last_commit_time(Path(config.config_file_path or ".").parent))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        docs_dir = Path(config.docs_dir)
        shown_root = os.path.relpath(docs_dir, Path(config.config_file_path or ".").parent)
        chronology, problems = build_chronology(docs_dir, shown_root.replace(os.sep, "/"), self.cache)
        errors = [problem for problem in problems if not problem.warning]
        for problem in problems:
            (log.warning if problem.warning else log.error)(str(problem))
        titles = {
            "timeline": self.config.timeline_title,
            "events": self.config.events_title,
            "actors": self.config.actors_title,
            "tags": self.config.tags_title,
        }
        if chronology is not None and not (config.strict and problems):
            link = Links(config.site_url)
            self.pages = plan_pages(chronology, titles, link, self.config.page_limit)
            if self.dirty and self.built_once:
                # Like the rest of a --dirtyreload preview, the open data and feed files stay
                # as they were first built: writing them again is most of a one-event rebuild.
                self.exports = {}
                log.info("--dirtyreload: events.json, actors.json, timeline.csv and feed.xml are not refreshed")
                return
            self.exports = {
                "events.json": events_json(chronology, link),
                "actors.json": actors_json(chronology, link),
                "timeline.csv": timeline_csv(chronology, link),
                "feed.xml": atom_feed(chronology, link, config.site_name, get_build_datetime(), self.config.feed_size),
            }
            self.built_once = True
            return
        summary = (
            f"The chronology has {len(errors)} error(s) and {len(problems) - len(errors)} warning(s)"
            f"{' (strict mode refuses warnings)' if not errors else ''}"
        )
        if self.serving:
            # The preview shows the problems in the browser and recovers on the next save.
            log.error(f"{summary}; the preview shows them until they are fixed.")
            self.pages = problem_pages(problems, titles)
            self.exports = {}
            return
        raise PluginError(f"{summary}; nothing was written, the previous site is unchanged.")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        editors_folders = tuple(f"{folder}/" for folder in FOLDERS.values())
        for file in list(files):
            if file.src_uri.startswith(editors_folders) or file.src_uri in self.pages:
                files.remove(file)
        stamp = _theme_stamp(config) if self.dirty else None
        for spec in self.pages.values():
            # Event and actor pages are reached through the indexes, never the sidebar.
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            page = _GeneratedPage.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion)
            if self.dirty and spec.fingerprint is not None:
                shown = (stamp, spec.title, spec.template, spec.markdown, spec.fingerprint())
                page.changed = self.fingerprints.get(spec.src_uri) != shown
                self.fingerprints[spec.src_uri] = shown
            files.append(page)
        for name in SCHEMA_FILES:
            # Published so that editors' tools can point at the site's copy.
            files.append(File.generated(config, f"schemas/{name}", content=schema_text(name)))
        for name, content in self.exports.items():
            files.append(File.generated(config, name, content=content))
        return files

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # MkDocs watches docs_dir (content/) itself, but the theme only with --watch-theme.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        self.page_sources = {source.id: source for source in spec.sources} if spec else {}
        if spec is not None:
            # Material prints page.meta.title unescaped (in <title> and the header), so
            # it gets the title as HTML-safe text; our autoescaped templates see Markup
            # and do not escape it twice.
            page.meta["title"] = Markup.escape(spec.title)
            page.meta["template"] = spec.template
            if spec.keywords:
                # Material's search indexes a page's meta tags: actor names, aliases,
                # places and tags shown by the templates become searchable too.
                page.meta["tags"] = [str(Markup.escape(keyword)) for keyword in spec.keywords]
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page's body, and its table of contents, keep only the allowed HTML.
        for item in _toc_items(page.toc):
            item.title = clean_text(item.title)
        return clean_body(html)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context.update(spec.context)
            context["toc_toggle"] = not spec.in_nav
            if not spec.in_nav and self.config.reuse_fragments:
                nav_urls = (item.url for item in nav.pages)
                context["site_nav_key"] = nav_fragment_key(page.url, nav_urls, page.toc, page.meta)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return material_fixes.mend(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return material_fixes.mend(output_content)  # 404.html

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Everything alive now (the chronology, the page specs, MkDocs' pages and their
        # HTML) lives until the build ends.  Frozen, it is not walked again by every full
        # collection while thousands of pages are rendered (at 10,000 events the build
        # spends a fifth less time collecting).
        gc.freeze()
        env.filters["date_segments"] = date_segments
        env.filters["date_label"] = date_label
        env.filters["site_link"] = site_link
        # A new cache each build, so nothing stale survives into the next.
        env.globals["fragment"] = FragmentCache() if self.config.reuse_fragments else render_every_time
        # Material's templates are written for MkDocs' unescaped environment; ours show
        # editor text, so every template in our theme folder is autoescaped.
        ours = _template_names(config.theme.custom_dir)
        material_default = env.autoescape
        env.autoescape = lambda name: (
            name in ours or (material_default(name) if callable(material_default) else material_default)
        )
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()


def _theme_stamp(config: MkDocsConfig) -> tuple:
    """Changes whenever a template, stylesheet or mkdocs.yml does: every page re-renders then."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += [path for path in Path(config.theme.custom_dir).rglob("*") if path.is_file()]
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for path in paths))


def last_commit_time(folder: Path) -> int:
    """Seconds since the epoch of the last commit, or 0 outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True, timeout=30
        )
        return int(result.stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        log.info("not a git checkout and no SOURCE_DATE_EPOCH: dating the build 1970-01-01")
        return 0


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


def _template_names(folder: str | None) -> frozenset[str]:
    if not folder:
        return frozenset()
    root = Path(folder)
    return frozenset(path.relative_to(root).as_posix() for path in root.rglob("*.html"))
