"""The only module that talks to MkDocs: runs the pipeline and hands MkDocs its pages.

Events, in the order MkDocs calls them:
- on_config: add the Markdown extension that heads the footnotes "Sources".
- on_pre_build: load, validate and link the content.  This runs before MkDocs cleans
  `site_dir`, so a chronology with errors stops the build with the previous site intact.
- on_files: replace the editors' source files with the generated pages (in memory).
- on_page_markdown: give each generated page its title and template.
- on_page_context: hand each template the objects it shows.
- on_env: the Jinja filters our templates use.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.config import TimelineConfig
from generator.load import KINDS
from generator.pipeline import build_chronology
from generator.render.dates import date_label, date_segments
from generator.render.pages import PageSpec, plan_pages
from generator.render.sources_heading import SourcesHeadingExtension

log = logging.getLogger("mkdocs.plugins.timeline")


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, PageSpec] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.markdown_extensions.append(SourcesHeadingExtension())
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        docs_dir = Path(config.docs_dir)
        shown_root = os.path.relpath(docs_dir, Path(config.config_file_path or ".").parent)
        chronology, problems = build_chronology(docs_dir, shown_root.replace(os.sep, "/"))
        errors = [problem for problem in problems if not problem.warning]
        for problem in problems:
            (log.warning if problem.warning else log.error)(str(problem))
        refused = errors or (config.strict and problems)
        if refused or chronology is None:
            warnings = len(problems) - len(errors)
            raise PluginError(
                f"The chronology has {len(errors)} error(s) and {warnings} warning(s)"
                f"{' (strict mode refuses warnings)' if not errors else ''}; "
                "nothing was written, the previous site is unchanged."
            )
        titles = {"timeline": self.config.timeline_title, "events": self.config.events_title,
                  "actors": self.config.actors_title}
        self.pages = plan_pages(chronology, titles)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        editors_folders = tuple(f"{folder}/" for folder in KINDS.values())
        for file in list(files):
            if file.src_uri.startswith(editors_folders) or file.src_uri in self.pages:
                files.remove(file)
        for spec in self.pages.values():
            # Event and actor pages are reached through the indexes, never the sidebar.
            inclusion = InclusionLevel.NOT_IN_NAV if spec.src_uri.startswith(editors_folders) and not spec.src_uri.endswith("/index.md") else InclusionLevel.UNDEFINED
            files.append(File.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            page.meta["title"] = spec.title
            page.meta["template"] = spec.template
        return markdown

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context.update(spec.context)
        return context

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.filters["date_segments"] = date_segments
        env.filters["date_label"] = date_label
        # Material's templates are written for MkDocs' unescaped environment; ours show
        # editor text, so every template in our theme folder is autoescaped.
        ours = _template_names(config.theme.custom_dir)
        material_default = env.autoescape
        env.autoescape = lambda name: name in ours or (
            material_default(name) if callable(material_default) else material_default
        )
        return env


def _template_names(folder: str | None) -> frozenset[str]:
    if not folder:
        return frozenset()
    root = Path(folder)
    return frozenset(path.relative_to(root).as_posix() for path in root.rglob("*.html"))
