"""What every test folder uses: real sites built with the real `mkdocs build` into
temporary folders, and the chronologies that both the site tests and the browser tests
read, each built once a session (once a worker under pytest-xdist).

    tests/unit/     what needs no build: the generator's functions and commands
    tests/site/     real sites built with the real MkDocs, read as parsed HTML
    tests/browser/  real sites in Debian's chromium, driven by Playwright

Helpers are imported from here (`from tests.conftest import event_file`); fixtures that
only one folder needs are in that folder's conftest.py.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import frontmatter
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.xss_payloads import hostile_actors, hostile_events

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS_DIR = REPO / "test-artifacts"  # screenshots and reports kept by CI for review
SOURCE_BLOCK = """\
sources:
  - id: src
    title: A test source
    publisher: Test Publisher
"""


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together, as an editor sees them
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the page served at ``url_path`` ("" for the home page, "events/x/")."""
        return BeautifulSoup((self.site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")

    def links(self, url_path: str, selector: str) -> list[str]:
        """Where the links matched by ``selector`` on a page lead, as paths from the site
        root ("actors/iran/"), however the page wrote them."""
        return [urljoin(f"/{url_path}", a["href"]).lstrip("/") for a in self.page(url_path).select(selector)]


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment a build runs in: this one, without Material's notice about its successor."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def run_mkdocs(root: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build` of the project in ``root`` (in ``env``, or this environment)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env or mkdocs_env(),
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, root)


def run_generator(*args: str | Path, cwd: Path = REPO, **options) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` (a command that is never part of a build), as an editor runs it."""
    options.setdefault("timeout", 120)
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, capture_output=True, text=True, **options
    )


def write_project(
    root: Path,
    events: dict[str, str],
    actors: dict[str, str],
    places: dict[str, str] | None = None,
    stories: dict[str, str] | None = None,
) -> Path:
    """A project like the repository's, with these files (name -> whole file text); no
    places/ or stories/ folder unless ``places`` or ``stories`` are given."""
    # The repository's own configuration, with paths (docs_dir: content) resolved here.
    config = {"INHERIT": str(REPO / "mkdocs.yml"), "theme": {"custom_dir": str(REPO / "theme")}}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for folder, files in (("events", events), ("actors", actors), ("places", places), ("stories", stories)):
        if files is None:
            continue
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (root / "content" / folder / name).write_text(text, encoding="utf-8")
    return root


def add_config(root: Path, config: str) -> None:
    """More lines for a project's mkdocs.yml."""
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as file:
        file.write(config)


def event_file(title: str, date: str, extra: str = "", body: str = "Something happened.[^src]") -> str:
    """An event file with one source, cited once; ``extra`` is more frontmatter lines."""
    front = f"title: {title}\ndate: '{date}'\n{textwrap.dedent(extra).strip()}\n{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{body}\n"


def actor_file(name: str, kind: str = "group", extra: str = "", body: str = "Described here.[^src]") -> str:
    front = f"name: {name}\nkind: {kind}\n{textwrap.dedent(extra).strip()}\n{SOURCE_BLOCK}"
    return f"---\n{front}---\n\n{body}\n"


def located_place_file(name: str, lat: float, lon: float, precision: str, part_of: str | None = None) -> str:
    """A place file with coordinates and a precision (and the place it lies in), no body."""
    front = {
        "name": name,
        "coordinates": {"latitude": str(lat), "longitude": str(lon), "precision": precision},
        **({"part_of": part_of} if part_of else {}),
    }
    return f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n"


def build_strict(
    root: Path,
    events: dict[str, str],
    actors: dict[str, str],
    config: str = "",
    places: dict[str, str] | None = None,
    stories: dict[str, str] | None = None,
) -> Build:
    """Write a project (with extra mkdocs.yml lines), build it with --strict, insist it builds."""
    write_project(root, events, actors, places, stories)
    if config:
        add_config(root, config)
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    return build


def frontmatter_of(path: Path) -> dict:
    """A file's frontmatter, read independently of the generator (plain PyYAML), so a test checks it."""
    return yaml.load(path.read_text(encoding="utf-8").split("---")[1], Loader=yaml.BaseLoader)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def handler_server(server_class, handler):
    """A server of `server_class` for `handler` on a free local port, answering each
    connection in a thread of its own; yields its base URL (no trailing slash)."""
    server = server_class(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def static_server(folder: Path):
    """A static server for ``folder`` on a free local port; yields its base URL."""
    with handler_server(ThreadingHTTPServer, functools.partial(_QuietHandler, directory=str(folder))) as url:
        yield f"{url}/"


# --- the import command (tests/unit/test_import.py, tests/site/test_import.py) --------------

IMPORT_FIXTURES = REPO / "tests" / "fixtures" / "import"


def run_import(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_generator("import", *args)


def imported(tmp_path: Path, form: str, name: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Import a fixture into an empty project (the repository's mkdocs.yml) and write it."""
    write_project(tmp_path, {}, {})
    content = tmp_path / "content"
    shutil.rmtree(content)
    dry = run_import(form, IMPORT_FIXTURES / name, "--into", content)
    assert not content.exists(), "a dry run writes nothing"
    done = run_import(form, IMPORT_FIXTURES / name, "--into", content, "--write")
    assert dry.stdout.replace(" (dry run: nothing is written; add --write)", "") in done.stdout
    return done, content


def meta(content: Path, relative: str) -> dict:
    """The frontmatter of a file an import wrote."""
    return frontmatter.load(content / relative).metadata


# --- chronologies read by the site tests and the browser tests alike --------------------------


def built_once(tmp_path_factory, name: str, build: Callable[[Path], Build]) -> Build:
    """``build(folder)`` once a test run. Under pytest-xdist the workers share the folder:
    the first to take its lock builds, the others wait and read what it built."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / "built-once"  # the run's, shared by its workers
    shared.mkdir(exist_ok=True)
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = shared / f"{name}.json"
        if record.exists():
            known = json.loads(record.read_text(encoding="utf-8"))
            return Build(known["returncode"], known["output"], Path(known["root"]))
        folder = shared / name
        shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed here left
        folder.mkdir()
        done = build(folder)
        record.write_text(json.dumps({"returncode": done.returncode, "output": done.output, "root": str(done.root)}))
        return done


SAMPLE_PAGES = {  # one of each kind a reader sees, in the sample site
    "timeline": "",
    "event": "events/us-strikes-christmas-night/",
    "actor": "actors/kataib-hezbollah/",
    "events index": "events/",
    "actors index": "actors/",
    "tags index": "tags/",
    "tag": "tags/airstrike/",
    "year": "years/2009/",
    "place": "places/albu-kamal/",
    "places index": "places/",
    "story": "stories/drone-attack-and-us-strikes/",
    "stories index": "stories/",
}


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Build:
    """The repository's own sample chronology, built once with --strict."""

    def build(root: Path) -> Build:
        for name in ("content", "theme"):
            subprocess.run(["cp", "-r", str(REPO / name), str(root / name)], check=True)
        (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
        built = run_mkdocs(root, "--strict")
        assert built.returncode == 0, built.output
        return built

    return built_once(tmp_path_factory, "sample", build)


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> Build:
    """Every field of every file carries payloads from tests/xss_payloads.py."""
    return built_once(tmp_path_factory, "hostile", lambda root: build_strict(root, hostile_events(), hostile_actors()))


# One event of each kind of date the overview picture draws.
KINDS = {
    "day": "2023-03-15",
    "range": "2023-05-01/2023-07-20",
    "approximate": "2023-09~",
    "uncertain": "2023-10-02?",
    "open": "2023-11/..",
    "month": "2023-02",
    "year": "2022",
    "undated": "XXXX-06-01",
}
ERAS = """\
plugins:
  - timeline:
      eras:
        - {name: Spring offensive, date: '2023-03/2023-05'}
        - {name: Before, date: '2001/2002'}
        - {name: Long truce, date: 2023-10-01/..}
"""


def kinds_events() -> dict[str, str]:
    return {f"{name}.md": event_file(name.title(), date) for name, date in KINDS.items()}


@pytest.fixture(scope="session")
def kinds_build(tmp_path_factory) -> Build:
    return built_once(tmp_path_factory, "kinds", lambda root: build_strict(root, kinds_events(), {}))


@pytest.fixture(scope="session")
def eras_build(tmp_path_factory) -> Build:
    """The same events, with eras drawn behind them."""
    return built_once(tmp_path_factory, "eras", lambda root: build_strict(root, kinds_events(), {}, ERAS))


@pytest.fixture(scope="session")
def dense_build(tmp_path_factory) -> Build:
    """Real news data is dense in time: five events on 25 December, three more that month;
    with two events a page, the month and the day have pages of their own."""
    dates = ["2023-12-25"] * 5 + ["2023-12-20", "2023-12-27", "2023-12"] + ["2023-11-02"]
    events = {f"d{i}.md": event_file(f"Dense {i}", date) for i, date in enumerate(dates)}
    config = "plugins:\n  - timeline:\n      page_limit: 2\n"
    return built_once(tmp_path_factory, "dense", lambda root: build_strict(root, events, {}, config))


CORRECTED = """
corrections:
  - date: '2024-05-03'
    text: The toll was 3, not 5, according to the hospital.[^hospital]
  - date: '2024-01'
    text: The place was Erbil, not Kirkuk.
sources:
  - id: hospital
    title: Hospital statement
    publisher: Erbil Hospital
"""


@pytest.fixture(scope="session")
def corrected_build(tmp_path_factory) -> Build:
    """An event corrected twice, one correction citing a source of its own."""
    events = {
        "strike.md": event_file("Strike", "2023-12-25", CORRECTED).replace(
            "sources:\n  - id: src\n    title: A test source\n    publisher: Test Publisher\n",
            "  - id: src\n    title: A test source\n    publisher: Test Publisher\n",
            1,
        ),
        "talk.md": event_file("Talk", "2023-12-26"),
    }
    config = "site_url: https://example.org/\n"
    return built_once(tmp_path_factory, "corrected", lambda root: build_strict(root, events, {}, config))


ARABIC_SOURCE = """\
sources:
  - id: src
    title: مقال عن الغارات
    publisher: وكالة أنباء
    url: https://example.org/ar
    published: 2023-12-26
"""


def arabic_file(front: str, body: str) -> str:
    return f"---\n{textwrap.dedent(front).strip()}\n{ARABIC_SOURCE}---\n\n{body}[^src]\n"


ARABIC_EVENTS = {
    "strike.md": arabic_file(
        """
        title: غارات أمريكية على مواقع الكتائب
        date: 2023-12-25
        summary: ضربت الولايات المتحدة ثلاثة مواقع.
        place: border
        actors:
          - id: usa
            role: مهاجم
          - kataib
        related: [drone]
        tags: [غارة]
        """,
        "شنت الولايات المتحدة غارات ليلة عيد الميلاد.",
    ),
    "drone.md": arabic_file(
        """
        title: هجوم بطائرة مسيرة على أربيل
        date: 2023-12-20/2023-12-22
        actors: [kataib]
        """,
        "أصيب ثلاثة جنود.",
    ),
    "talks.md": arabic_file(
        """
        title: محادثات
        date: XXXX-12
        date_note: «في ديسمبر»؛ لا تذكر المصادر السنة.
        """,
        "جرت محادثات.",
    ),
}
ARABIC_ACTORS = {
    "kataib.md": arabic_file(
        """
        name: كتائب حزب الله
        kind: group
        aliases: [ك ح]
        affiliations:
          - organisation: hashd
            role: عضو
            period: 2014/..
            source: src
        """,
        "جماعة مسلحة في العراق.",
    ),
    "hashd.md": arabic_file("name: الحشد الشعبي\nkind: organisation", "تحالف فصائل."),
    "usa.md": arabic_file("name: الولايات المتحدة\nkind: state", "دولة."),
}
ARABIC_PLACES = {
    "border.md": arabic_file(
        """
        name: الحدود العراقية السورية
        aliases: [الحدود السورية العراقية]
        coordinates: {latitude: '35.2', longitude: '40.6', precision: 300 km}
        """,
        "حدود بين العراق وسوريا.",
    ),
}
ARABIC_STORIES = {
    "raids.md": arabic_file(
        """
        title: من الهجوم على أربيل إلى الغارات
        summary: هجوم بطائرة مسيرة ثم غارات أمريكية.
        steps:
          - event: drone
            text: هاجمت طائرة مسيرة القاعدة.[^src]
          - event: strike
            text: ردت الولايات المتحدة بغارات.[^src]
          - event: talks
            text: ثم جرت محادثات.[^src]
          - actor: kataib
            text: الكتائب جماعة مسلحة.[^src]
        """,
        "قصة الغارات خطوة خطوة.",
    ),
}
# Material's palette toggles are named in mkdocs.yml, like the site's name: the site's own words.
ARABIC_CONFIG = f"""
site_name: تسلسل زمني للغارات
site_description: تسلسل زمني موثق بالمصادر.
theme:
  custom_dir: {REPO / "theme"}
  language: ar
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {{icon: material/weather-night, name: التبديل إلى الوضع الداكن}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {{icon: material/weather-sunny, name: التبديل إلى الوضع الفاتح}}
plugins:
  - timeline
"""


@pytest.fixture(scope="session")
def arabic_build(tmp_path_factory) -> Build:
    """A site in Arabic, read right to left."""
    return built_once(
        tmp_path_factory,
        "arabic",
        lambda root: build_strict(root, ARABIC_EVENTS, ARABIC_ACTORS, ARABIC_CONFIG, ARABIC_PLACES, ARABIC_STORIES),
    )
