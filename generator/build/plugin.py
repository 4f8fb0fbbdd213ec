"""The only module that talks to MkDocs: runs the pipeline and hands MkDocs its pages.

Events, in the order MkDocs calls them:
- on_startup: note whether this is `mkdocs serve` (which keeps parsed files between
  rebuilds) and whether it reloads dirty (which re-renders only the pages that changed).
- on_config: the site's language (its catalogue and CLDR locale); date the build from
  the last commit (SOURCE_DATE_EPOCH), never from the clock.
- on_pre_build: load, validate and link the content, and make every page's view.  This
  runs before MkDocs cleans `site_dir`, so a chronology with errors stops the build with
  the previous site intact; under `mkdocs serve` the preview shows the problems instead,
  and recovers when fixed.  The source list extension is given this build's views.
- on_files: replace the editors' source files with the generated pages (in memory),
  and add the open data (JSON, CSV; by year and compressed past open_data_limit), the
  Atom feed, the frontmatter schemas and the images of content/media/ as written again
  without their metadata.
- on_serve: watch the theme folder too, and content/ again when it is made anew.
- on_page_markdown: give each generated page its title and template.
- on_page_content: sanitise the rendered body and its table of contents.
- on_page_context: hand each template its page's view.
- on_post_page, on_post_template: mend Material's markup where it fails HTML and
  accessibility checks (`build/material_fixes.py`), and minify every page (`build/minify.py`);
  a build hands each page to its search index as it is written.
- on_post_build: finish the search index (in the preview: index the site, in the
  background), write build.json and SHA256SUMS, say the site's size, and publish it in
  one rename.
- on_env: our filters, catalogue and fragment cache (`render/templates.py`), and
  autoescaping for our templates; a build starts its search index (Pagefind runs while
  the pages render).
"""

from __future__ import annotations

import atexit
import logging
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import cast

from jinja2 import Environment
from markdown import Extension
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import CountHandler, get_build_datetime
from mkdocs.utils.templates import TemplateContext

from generator import urls
from generator.build import collector, material_fixes
from generator.build.build_date import last_commit_time
from generator.build.config import TimelineConfig
from generator.build.content_watch import ContentWatch
from generator.build.minify import minified
from generator.build.navigation import NavFragmentKey, nav_fragment_key, nav_without
from generator.build.provenance import build_record, seal, version
from generator.build.publish import StagedSite, exit_on_sigterm, site_size
from generator.build.search_index import PreviewIndexer, RenderedIndex, SearchIndexError
from generator.core.content import FOLDERS, MEDIA
from generator.exports import DataFiles, atom_feed, corrections_feed, open_data
from generator.pipeline.chronology import PipelineCache, build_chronology
from generator.pipeline.history import read_histories
from generator.pipeline.images import ImageCache, Picture, pictures
from generator.pipeline.schema import SCHEMA_FILES, schema_text
from generator.render import templates
from generator.render.sanitize import clean_body, clean_text
from generator.render.source_list import SourceListExtension, SourceListWords
from generator.text import SOURCE_LANGUAGE, UnknownLanguageError, dates_in_another_language, languages, load_text
from generator.urls import SiteAddress
from generator.views.overview import Drawing
from generator.views.pages import CorrectionsIndex, PageView, problem_pages
from generator.views.plan import Titles, default_titles, plan_pages

log = logging.getLogger("mkdocs.plugins.timeline")


class _GeneratedPage(File):
    """A generated page that knows whether it changed since the previous build, so that
    `mkdocs serve --dirtyreload` re-renders only the pages an edit touched."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class _PageContext(TemplateContext, total=False):
    """What our templates find in a page's context besides MkDocs' own variables."""

    view: PageView
    toc_toggle: bool
    site_nav_key: NavFragmentKey | None


class _SearchBoxConfig(base.Config):
    enabled = c.Type(bool, default=True)


class SearchBox(BasePlugin[_SearchBoxConfig]):
    """Stands where Material's search plugin would ("material/search"), so that Material's
    header shows its search button and includes partials/search.html, which our theme
    fills with the Pagefind search.  It does nothing else."""


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.views: dict[str, PageView] = {}  # by source URI
        self.nav: list[object] | None = None  # mkdocs.yml's nav, before a build drops what it does not have
        self.shown: dict[str, tuple[object, PageView]] = {}  # source URI -> (theme stamp, view) last built
        self.exports: DataFiles = {}  # open data and feed files, by path in the site
        self.images: dict[str, bytes] = {}  # images as published (cleaned, scaled), by path in the site
        self.image_cache: ImageCache = {}  # kept between the preview's rebuilds
        self.serving = False
        self.dirty = False
        self.preview_indexer = PreviewIndexer(log.info)
        self.cache: PipelineCache | None = None  # the live preview's parsed files
        self.built_once = False  # whether a build has written the open data files
        self.open_data_by_year = False  # whether they were split by year (the pages link their index)
        self.text = load_text(SOURCE_LANGUAGE)
        self.staged: StagedSite | None = None  # where `mkdocs build` writes until it succeeds
        self.bodies: dict[str, bytes] = {}  # rendered page bodies, compressed, until their page is written
        self.search_index: RenderedIndex | None = None  # a build's, fed as its pages are written

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this plugin instance alive across serve rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty
        self.cache = PipelineCache() if self.serving else None
        if self.serving and dirty:
            collector.spare_full_collections()
        if self.serving:
            # Ctrl-C ends the preview through Python's exit, SIGTERM too: Pagefind stops with it.
            atexit.register(self.preview_indexer.stop)
            exit_on_sigterm()

    def on_shutdown(self) -> None:
        self.preview_indexer.stop()

    # Before Material's search plugin, which fails with a traceback on a language
    # Material does not know: the language is checked here first, with a clear message.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if problem := urls.site_url_problem(config.site_url or ""):
            raise PluginError(f"site_url (SITE_URL): {problem}")
        language = str(config.theme.get("language") or SOURCE_LANGUAGE)
        try:
            self.text = load_text(language, self.config.locale)
        except UnknownLanguageError as error:
            raise PluginError(f"theme.language: {error}") from error
        if not self.text.translated:
            log.warning(
                f"theme.language: no catalogue for '{language}'; the timeline's own words stay in English "
                f"(catalogues: {', '.join(languages())}; see generator/text/)"
            )
        mismatch = dates_in_another_language(self.text)
        if mismatch:
            # Without the option dates follow theme.language; set to another language, they
            # would put its month names among the site's words (switching a site to French
            # but not its locale).
            log.warning(
                f"locale: {mismatch}; remove the option (dates then follow theme.language) "
                f"or choose a locale of the site's language"
            )
        # The table of contents' permalinks are titled in English by Python-Markdown.
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("permalink_title", self.text.gettext("Permanent link"))
        if "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"] = str(last_commit_time(Path(config.config_file_path or ".").parent))
        if "material/search" in config.plugins and not isinstance(config.plugins["material/search"], SearchBox):
            raise PluginError(
                "plugins: remove 'search' from mkdocs.yml: the timeline plugin searches with Pagefind, "
                "which readers download only when they search (Material's search loads its whole index on every page)"
            )
        self.nav = config.nav  # as mkdocs.yml lists it; each build drops the indexes it does not have
        box = SearchBox()
        box.load_config({})
        config.plugins["material/search"] = box
        if not self.serving:
            # MkDocs writes into a staging folder; on_post_build puts it in the site's place.
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.begin())
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        docs_dir = Path(config.docs_dir)
        shown_root = os.path.relpath(docs_dir, Path(config.config_file_path or ".").parent)
        chronology, problems = build_chronology(docs_dir, shown_root.replace(os.sep, "/"), self.cache)
        found: dict[str, Picture] = {}
        self.images = {}
        if chronology is not None:
            # Every image of content/media/ written again without its metadata, and scaled for phones.
            found, self.images, unreadable = pictures(
                chronology, docs_dir, shown_root.replace(os.sep, "/"), self.image_cache
            )
            problems = [*problems, *unreadable]
        errors = [problem for problem in problems if not problem.warning]
        # Under --strict a warning stops the build: said as an error where -q hides warnings.
        quiet = config.strict and not log.isEnabledFor(logging.WARNING)
        for problem in problems:
            (log.warning if problem.warning and not quiet else log.error)(str(problem))
        titles = self._titles()
        if self.nav is not None:
            places = chronology is not None and bool(chronology.places)
            config.nav = nav_without(self.nav, frozenset() if places else frozenset({urls.source_uri(urls.PLACES)}))
        if chronology is not None and not (config.strict and problems):
            drawing = Drawing(tuple(self.config.eras), self.config.lanes)
            histories = read_histories(docs_dir)
            views = plan_pages(
                chronology,
                titles,
                self.config.page_limit,
                self.text,
                drawing,
                found,
                histories,
                self.config.history_url,
            )
            self._use(views.values(), config)
            corrections = views[urls.CORRECTIONS]
            assert isinstance(corrections, CorrectionsIndex)
            if self.dirty and self.built_once:
                # Like the rest of a --dirtyreload preview, the open data and feed files stay
                # as they were first built: each is made from the whole chronology, whatever
                # one edit changed.
                self.exports = {}
                log.info(
                    "--dirtyreload: the open data files (events.json, timeline.csv, ...) and feed.xml are not refreshed"
                )
                return
            address, text = SiteAddress(config.site_url), self.text
            self.exports = {
                **open_data(chronology, address, text, config.site_name, drawing.eras, self.config.open_data_limit),
                urls.FEED: atom_feed(
                    chronology, address, text, config.site_name, get_build_datetime(), self.config.feed_size
                ),
                urls.CORRECTIONS_FEED: corrections_feed(
                    corrections.entries, address, text, config.site_name, get_build_datetime()
                ),
            }
            self.open_data_by_year = urls.DATA_INDEX in self.exports
            self.built_once = True
            return
        summary = (
            f"The chronology has {len(errors)} error(s) and {len(problems) - len(errors)} warning(s)"
            f"{' (strict mode refuses warnings)' if not errors else ''}"
        )
        if self.serving:
            # The preview shows the problems in the browser and recovers on the next save.
            log.error(f"{summary}; the preview shows them until they are fixed.")
            self._use(problem_pages(problems, titles.by_key()), config)
            self.exports = {}
            return
        raise PluginError(f"{summary}; nothing was written, the previous site is unchanged.")

    def _titles(self) -> Titles:
        default = default_titles(self.text)
        return Titles(
            self.config.timeline_title or default.timeline,
            self.config.events_title or default.events,
            self.config.actors_title or default.actors,
            self.config.tags_title or default.tags,
            self.config.places_title or default.places,
        )

    def _use(self, views: Iterable[PageView], config: MkDocsConfig) -> None:
        """This build's pages; the source list extension is given them (and only them)."""
        self.views = {view.source_uri: view for view in views}
        by_path = {view.path: view for view in self.views.values()}
        # MkDocs types the option as a list of names, but hands the list to Python-Markdown,
        # which takes Extension instances too: ours carries this build's views.
        configured = cast("list[str | Extension]", config.markdown_extensions)
        extensions = [ext for ext in configured if not isinstance(ext, SourceListExtension)]
        configured[:] = [*extensions, SourceListExtension(by_path, SourceListWords.of(self.text))]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # MkDocs would copy content/ as it is: the editors' files become pages, and no
        # image is published but as `pictures` wrote it again (without its metadata).
        editors_folders = (*(f"{folder}/" for folder in FOLDERS.values()), f"{MEDIA}/")
        for file in list(files):
            if file.src_uri.startswith(editors_folders) or file.src_uri in self.views:
                files.remove(file)
        stamp = _theme_stamp(config) if self.dirty else None
        for uri, view in self.views.items():
            # Event and actor pages are reached through the indexes, never the sidebar.
            inclusion = InclusionLevel.UNDEFINED if view.in_nav else InclusionLevel.NOT_IN_NAV
            # File.generated makes an instance of the class it is called on, but is typed to return a File.
            page = cast(
                _GeneratedPage, _GeneratedPage.generated(config, uri, content=view.markdown, inclusion=inclusion)
            )
            if self.dirty:
                # Equal views print equal pages: the preview re-renders what changed.
                page.changed = self.shown.get(uri) != (stamp, view)
                self.shown[uri] = (stamp, view)
            files.append(page)
        for name in SCHEMA_FILES:
            # Published so that editors' tools can point at the site's copy.
            files.append(File.generated(config, urls.schema(name), content=schema_text(name)))
        for name, content in self.exports.items():
            files.append(File.generated(config, name, content=content))
        for name, data in self.images.items():
            files.append(File.generated(config, name, content=data))
        return files

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., object]
    ) -> LiveReloadServer:
        # MkDocs watches docs_dir (content/) itself, but the theme only with --watch-theme.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        # A watch ends with its folder: content/ deleted and made again (a checkout of
        # another branch, an import into a fresh folder) would no longer be seen.
        ContentWatch(server, Path(config.docs_dir)).start()
        return server

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        view = self.views.get(page.file.src_uri)
        if view is not None:
            # Material prints page.meta.title unescaped (in <title> and the header), so
            # it gets the title as HTML-safe text; our autoescaped templates see Markup
            # and do not escape it twice.
            page.meta["title"] = Markup.escape(view.title)
            page.meta["template"] = view.template
            if view.keywords:
                # Material's search indexes a page's meta tags: actor names, aliases,
                # places and tags shown by the templates become searchable too.
                page.meta["tags"] = [str(Markup.escape(keyword)) for keyword in view.keywords]
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page's body, and its table of contents, keep only the allowed HTML; a
        # heading of the body is an editor's text, which keeps its own direction there too.
        for item in _toc_items(page.toc):
            item.title = f"<bdi>{clean_text(item.title)}</bdi>"
        body = clean_body(html)
        if self.serving:
            return body
        # MkDocs renders every page's body before it writes the first page: held as text
        # until then, the bodies of a large chronology take much of the build's memory
        # (bench/NOTES.md). They wait compressed and each is opened again only for
        # its own page (on_page_context), then let go (on_post_page).
        self.bodies[page.file.src_uri] = zlib.compress(body.encode(), 1)
        return ""

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        waiting = self.bodies.pop(page.file.src_uri, None)
        if waiting is not None:
            page.content = zlib.decompress(waiting).decode()  # the context holds this same page
        view = self.views.get(page.file.src_uri)
        if view is not None:
            # MkDocs' type names only its own variables; plugins add theirs to the same dict.
            ours = cast(_PageContext, context)
            ours["view"] = view
            ours["toc_toggle"] = not view.in_nav
            if not view.in_nav and self.config.reuse_fragments:
                nav_urls = (item.url for item in nav.pages)
                ours["site_nav_key"] = nav_fragment_key(page.url, nav_urls, page.toc, page.meta)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.serving:
            page.content = None  # written: nothing reads a page's body again (on_page_content)
        output = minified(material_fixes.mend(output))
        if self.search_index is not None:
            self.search_index.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # 404.html; sitemap.xml is no HTML.
        return minified(material_fixes.mend(output_content)) if template_name.endswith(".html") else output_content

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if not self.serving:
            # Not in the preview: objects frozen in one rebuild are never collected after
            # it, so `mkdocs serve` would grow with every rebuild.
            collector.freeze_survivors()
            # The pages are rendered next: Pagefind indexes them meanwhile, on the idle core.
            self.search_index = RenderedIndex()
        templates.install(
            env,
            text=self.text,
            address=SiteAddress(config.site_url),
            generator=f"timeline-generator {version()}",
            reuse_fragments=self.config.reuse_fragments,
            search_bodies=self.config.search == "full",
            open_data_by_year=self.open_data_by_year,
            places=urls.source_uri(urls.PLACES) in self.views,
        )
        # Material's templates are written for MkDocs' unescaped environment; ours show
        # editor text, so every template in our theme folder is autoescaped.
        ours = _template_names(config.theme.custom_dir)
        material_default = env.autoescape
        env.autoescape = lambda name: (
            name in ours or (material_default(name) if callable(material_default) else material_default)
        )
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        collector.thaw_survivors()
        if config.strict and _strict_warnings():
            return  # MkDocs aborts now for the warnings; on_build_error removes the staging folder
        if self.serving:
            # The preview reloads at once; its search index follows in the background.
            self.preview_indexer.request(Path(config.site_dir))
            return
        try:
            if self.search_index is not None:
                self.search_index.finish(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(f"{error}; nothing was published, the previous site is unchanged") from error
        # Last: build.json and the checksums of every file, for anyone to check the site.
        project = Path(config.config_file_path or ".").parent
        try:
            outputs = (Path(config.site_dir), *((self.staged.target,) if self.staged else ()))
            record = build_record(project, int(os.environ.get("SOURCE_DATE_EPOCH", "0")), outputs)
            seal(Path(config.site_dir), record)
        except ValueError as error:
            raise PluginError(f"{error}; nothing was published, the previous site is unchanged") from error
        files, size = site_size(Path(config.site_dir))
        log.info(f"The site: {files:,} files, {size:,} bytes ({size / files if files else 0:,.0f} a file)")
        if size > self.config.size_limit:
            message = (
                f"the site is {size:,} bytes, more than size_limit ({self.config.size_limit:,}; GitHub Pages "
                "documents 1 GB for a published site); see the README's Scale section for what makes a site smaller"
            )
            if config.strict:
                raise PluginError(f"{message}; nothing was published, the previous site is unchanged")
            log.warning(message)
        if self.staged is not None:
            self.staged.publish()
            log.info(f"Published the site to {self.staged.target}")

    def on_build_error(self, *, error: Exception) -> None:
        collector.thaw_survivors()
        if self.search_index is not None:
            self.search_index.abandon()
        if self.staged is not None:
            self.staged.abandon()
            if isinstance(error, OSError):
                # MkDocs re-raises what is not one of its own errors, and Click prints it with a
                # traceback; a full disk or an unwritable folder is said in one line instead.
                log.error(f"could not write the site ({error}); nothing was published, the previous site is unchanged")
                raise SystemExit(1)


def _strict_warnings() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning (it aborts after on_post_build)."""
    return any(
        isinstance(handler, CountHandler) and handler.get_counts() for handler in logging.getLogger("mkdocs").handlers
    )


def _theme_stamp(config: MkDocsConfig) -> tuple[tuple[str, int], ...]:
    """Changes whenever a template, stylesheet or mkdocs.yml does: every page re-renders then."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += [path for path in Path(config.theme.custom_dir).rglob("*") if path.is_file()]
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for path in paths))


def _toc_items(items: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _toc_items(item.children)


def _template_names(folder: str | None) -> frozenset[str]:
    if not folder:
        return frozenset()
    root = Path(folder)
    return frozenset(path.relative_to(root).as_posix() for path in root.rglob("*.html"))
