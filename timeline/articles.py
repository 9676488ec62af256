"""Articles as `ingest` takes them: text or Markdown files with front matter, saved web pages, and URLs.

Each becomes its text and the Source it is cited as, with the publication date that anchors its relative
dates and where that date was found, in this order of trust: the user's flag, the file's front matter,
the page's own metadata, its address, a dateline in its text (see timeline.web). Nothing falls back on
today: an article with no date is refused with a message saying how to give one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from . import web
from .errors import InputError
from .model import ID_PATTERN, Source, as_line, slugify, url_fault

# The resolver reads English dates; a page in another language would get wrong ones.
READABLE_LANGUAGES = ("en",)
_LANGUAGE_NAMES = {
    "ar": "Arabic", "de": "German", "es": "Spanish", "fa": "Persian", "fr": "French", "he": "Hebrew",
    "it": "Italian", "ku": "Kurdish", "nl": "Dutch", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish",
    "uk": "Ukrainian", "zh": "Chinese",
}


@dataclass(frozen=True)
class Article:
    """One article to ingest: its name as given, its text, and the source it is cited as."""

    name: str
    text: str
    source: Source


def read_article(name: str, flags: Mapping[str, object], *, read_text: Callable[[str], str],
                 pages: Path, store_folder: Path, client=None) -> Article:
    """The article `name` (a file, a saved page, a URL or "-" for stdin) with its source.

    `flags` are the user's: `published` (a date), `id`, `outlet`, `title`, `url`; they win over what the
    article says. URLs are fetched into `pages` (or read from there if fetched before); the source names
    that copy relative to `store_folder`.
    """
    from . import store

    given = {key: value for key, value in flags.items() if value}
    if given.get("url") and url_fault(str(given["url"])):
        raise InputError(f"--url '{given['url']}': {url_fault(str(given['url']))}")
    if _on_the_web(name):
        if web.is_url(name):
            fetched = web.fetch(name, pages, client=client)
            page = web.read_page(fetched.html, fetched.url)
            copy = os.path.relpath(fetched.copy, store_folder)
        else:
            page = web.read_page(read_text(name), str(given.get("url") or "") or None)
            copy = ""
        _require_readable_language(name, page.language)
        found = {"title": page.title, "outlet": page.site, "url": page.url, "language": page.language,
                 "published": page.published}
        origin = page.published_from
        text, front = page.text, {}
    else:
        front, text, _ = store.read_front_matter(read_text(name), name)
        found, origin, copy = {}, "front-matter", ""
    metadata = {**found, **front, **given}
    published = metadata.get("published")
    if not isinstance(published, date):
        raise InputError(f"{name}: no publication date found{_where_looked(name)}; give it with "
                         "--published YYYY-MM-DD (or `published:` in front matter)")
    published_from = "user" if "published" in given else "front-matter" if "published" in front else origin
    source = _source(name, metadata, published, published_from)
    return Article(name, text, replace(source, copy=copy))


def _on_the_web(name: str) -> bool:
    return web.is_url(name) or web.is_page(name)


def _where_looked(name: str) -> str:
    if _on_the_web(name):
        return " in the page's metadata, its address or a dateline"
    return ""


def _require_readable_language(name: str, language: str) -> None:
    code = (language or "").lower()[:2]
    if code and code not in READABLE_LANGUAGES:
        spoken = _LANGUAGE_NAMES.get(code, f"the language '{code}'")
        raise InputError(f"{name}: the page is in {spoken} ({code}); timeline reads dates in English only, "
                         "so its dates would be wrong")


def _source(name: str, metadata: Mapping[str, object], published: date, published_from: str) -> Source:
    """The Source: given id, else one made from the outlet (or the site's address) and the date, with
    the first words of the title so that two articles of one outlet on one day stay apart."""
    url = str(metadata.get("url") or "")
    host = urlsplit(url).hostname or ""
    host_name = host.removeprefix("www.").split(".")[0] if host else ""
    fallback = Path(name).stem if name != "-" else "stdin"
    outlet = str(metadata.get("outlet") or host or fallback)
    source_id = str(metadata.get("id") or "")
    if not source_id and _on_the_web(name):
        words = slugify(str(metadata.get("title") or ""), 30) if metadata.get("title") else ""
        source_id = "-".join(p for p in (slugify(host_name or outlet, 30), published.isoformat(), words) if p)
    elif not source_id:
        source_id = f"{slugify(fallback, 40)}-{published.isoformat()}"
    if not ID_PATTERN.fullmatch(source_id):
        raise InputError(f"{name}: bad source id '{source_id}': use lower-case letters, digits and hyphens")
    if url_fault(url):
        url = ""  # a page's own odd address (a `javascript:` canonical link) is no address to keep
    return Source(
        id=source_id, outlet=as_line(outlet), title=as_line(str(metadata.get("title") or "")), url=url,
        published=published, published_from=published_from,
        language=as_line(str(metadata.get("language") or "en")),
    )
