"""Web pages as articles: a saved page or a URL read for its main text, headline, site and publication date.

The only module importing httpx, trafilatura and htmldate (and lxml, which comes with them), each inside
the function that needs it, so `import timeline.web` costs nothing until a page is read or fetched.

- `read_page(html, url)` gives a `Page`: trafilatura's main text (boilerplate left out) and metadata,
  and the ORIGINAL publication date with where it came from: the page's own publication markup, else a
  full date in the URL's path, else a wire-service dateline opening the text. Never an "updated" date,
  never a date from a sidebar or the body, never today: a page with none has `published=None`.
- `fetch(url, cache)` downloads a page once, keeps the copy (and the final URL after redirects) in
  `cache`, and reads the copy on every later call without touching the network, so ingesting a URL
  again is offline and gives the same result. Failures are one-line `InputError`s naming the URL.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .errors import InputError

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15.0
HTML_TYPES = ("text/html", "application/xhtml+xml")

# htmldate caps dates at "today" unless told otherwise; a fixed bound keeps results independent of the
# day they are computed (DESIGN.md: nothing reads the clock).
_MAX_DATE = "2100-12-31"
_HTMLDATE = {"extensive_search": False, "original_date": True, "max_date": _MAX_DATE}


@dataclass(frozen=True)
class Page:
    """What an article page says about itself; `published_from` is "page", "url", "dateline" or ""."""

    text: str
    title: str
    site: str
    url: str
    language: str
    published: date | None
    published_from: str


@dataclass(frozen=True)
class Fetched:
    """A downloaded page: its HTML, the URL it was finally served from, and the cached copy read."""

    html: str
    url: str
    copy: Path


def is_url(name: str) -> bool:
    """Whether `name` is a web address (http:// or https://, any case) rather than a file."""
    return re.match(r"(?i)https?://[^\s/?#]", name) is not None


def is_page(name: str) -> bool:
    """Whether `name` is the path of a saved web page (.html or .htm, any case); URLs are not paths."""
    return not is_url(name) and name.lower().endswith((".html", ".htm"))


# ---------------------------------------------------------------------------------------------- pages

def read_page(html: str, url: str | None = None) -> Page:
    """The article in `html`: main text one paragraph a line, headline, site, canonical URL, language
    and original publication date. `url` is where the page was read from, if known; it is used for
    relative links and as the last source of a date."""
    import trafilatura

    # load_html refuses what is not a document (an empty string, bare text): then nothing is known
    # but what `url` says.
    tree = trafilatura.load_html(html) if html.strip() else None
    document = None
    if tree is not None:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, favor_precision=True, include_comments=False,
            include_images=False, include_links=False, date_extraction_params=dict(_HTMLDATE),
        )
        if document is None:  # no main text found; the metadata still names the page
            document = trafilatura.extract_metadata(trafilatura.load_html(html), default_url=url,
                                                    date_config=dict(_HTMLDATE))
    title = _one_line(getattr(document, "title", None) or "")
    page_url = _page_url(tree, url)
    text = _paragraphs(getattr(document, "text", None) or "", title)
    if tree is not None:
        text = "\n".join(part for part in (text, *_captions(tree, text)) if part)
    language = _language(getattr(document, "language", None), tree)
    site = _one_line(getattr(document, "sitename", None) or "")

    published, published_from = None, ""
    urls = [u for u in (page_url, url) if u]
    if tree is not None and (found := _markup_date(tree)) is not None:
        published, published_from = found, "page"
    elif (found := _first(_url_date, urls)) is not None:
        published, published_from = found, "url"
    elif (found := _dateline_date(text, _first(_url_year, urls))) is not None:
        published, published_from = found, "dateline"
    return Page(text=text, title=title, site=site, url=page_url, language=language,
                published=published, published_from=published_from)


def _captions(tree, text: str) -> list[str]:
    """The captions of the article's own pictures, which trafilatura leaves out though they often tell
    what happened and when ("Syrians celebrate ... in Damascus on December 9, 2024"). Only a figure
    inside the element that holds the article's first paragraph counts, so a sidebar's never does."""
    first = text.split("\n", 1)[0][:40]
    if not first:
        return []
    holder = next((p.getparent() for p in tree.iter("p") if first in _one_line(p.text_content())), None)
    while holder is not None and holder.tag not in ("article", "main", "body") and not holder.findall(".//figure"):
        holder = holder.getparent()
    if holder is None or holder.tag == "body":
        return []
    captions = (_one_line(c.text_content()) for c in holder.iter("figcaption"))
    return [c for c in captions if c and c not in text]


def _first(read, urls):
    """The first thing `read` finds in the URLs, in order, or None."""
    return next((found for u in urls if (found := read(u)) is not None), None)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str, title: str) -> str:
    """One paragraph a line, without a repeat of the headline on top (trafilatura keeps an <h1> that
    sits inside the article's container, which would hide a dateline opening the text)."""
    lines = [_one_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    while lines and title and lines[0].casefold() == title.casefold():
        lines.pop(0)
    return "\n".join(lines)


def _page_url(tree, given: str | None) -> str:
    """The URL the page names for itself: <link rel=canonical> (made absolute against `given`; a
    relative one trafilatura would drop), else og:url; else `given`; else ""."""
    declared = []
    if tree is not None:
        declared += [link.get("href") for link in tree.iter("link")
                     if "canonical" in (link.get("rel") or "").lower().split()]
        declared += [meta.get("content") for meta in tree.iter("meta")
                     if (meta.get("property") or meta.get("name") or "").lower() == "og:url"]
    for href in declared:
        absolute = urljoin(given or "", (href or "").strip())
        if is_url(absolute):
            return absolute
    return given or ""


def _language(found: str | None, tree) -> str:
    """The page's declared language as an ISO 639-1 code: trafilatura's, else <html lang>, else the
    Content-Language or og:locale meta; "" when none is a two-letter code."""
    candidates = [found]
    if tree is not None:
        root = tree.getroottree().getroot()
        candidates.append(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
        for meta in root.iter("meta"):
            key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
            if key in ("content-language", "og:locale", "language", "dc.language"):
                candidates.append(meta.get("content"))
    for candidate in candidates:
        code = re.split(r"[-_,;\s]", (candidate or "").strip(), maxsplit=1)[0].lower()
        if re.fullmatch(r"[a-z]{2}", code):
            return code
    return ""


# ---------------------------------------------------------------------------- the page's own markup

# Of the <meta> tags, only those naming a date of publication reach htmldate: in original_date mode it
# still falls back on a modified date, og:url's date or the copyright year when nothing better is there.
_DATED_META = re.compile(r"date|time|publi|creat|issued")
_NOT_ORIGINAL = re.compile(r"modif|updat|revis|edit|expir|last|^utime$")
_JSON_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
_ORIGINAL_ITEMPROPS = {"datepublished", "datecreated"}


def _markup_date(tree) -> date | None:
    """The original publication date the page's markup states: publication <meta> tags, JSON-LD
    `datePublished`, elements with itemprop=datePublished or <time pubdate>, read by htmldate.

    htmldate is handed only those statements, rewritten as <meta> tags, not the page: even with
    extensive_search off it reads dates from elements classed "date" or from <time> anywhere, so a
    "Most read" sidebar's dates would be taken for the article's, and it would scan the JSON-LD for
    any timestamp (dateModified among them) when datePublished is missing."""
    import htmldate
    from lxml import html as lxml_html

    statements: list[str] = []
    for meta in tree.iter("meta"):
        keys = [(meta.get(k) or "").lower() for k in ("name", "property", "itemprop", "http-equiv")]
        if any(_DATED_META.search(k) for k in keys) and not any(_NOT_ORIGINAL.search(k) for k in keys):
            statements.append(lxml_html.tostring(meta, encoding="unicode", with_tail=False))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            statements += [_meta(value) for value in _JSON_PUBLISHED.findall(script.text or "")]
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag == "meta":
            continue
        if (element.get("itemprop") or "").lower() in _ORIGINAL_ITEMPROPS or element.get("pubdate") is not None:
            value = element.get("datetime") or element.get("content") or element.text_content()
            if value and value.strip():
                statements.append(_meta(_one_line(value)))
    if not statements:
        return None
    document = "<html><head>" + "".join(statements) + "</head><body></body></html>"
    # url="" keeps htmldate from reading a date out of a URL: that is the "url" step, told apart.
    found = htmldate.find_date(document, url="", **_HTMLDATE)
    return date.fromisoformat(found) if found else None


def _meta(value: str) -> str:
    from html import escape

    return f'<meta itemprop="datePublished" content="{escape(value)}">'


# ---------------------------------------------------------------------------------------- the URL

_URL_DAY = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/_.-])(?P<m>\d\d?)(?P=sep)(?P<d>\d\d?)"
    r"|(?P<m8>0[1-9]|1[0-2])(?P<d8>0[1-9]|[12]\d|3[01]))(?!\d)")


def _url_date(url: str) -> date | None:
    """A full date in the URL's path: /2024/12/09/, 2024-12-09, 20241209. A year or month alone is not."""
    for match in _URL_DAY.finditer(urlsplit(url).path):
        month, day = (match["m"], match["d"]) if match["m"] else (match["m8"], match["d8"])
        with contextlib.suppress(ValueError):
            return date(int(match["y"]), int(month), int(day))
    return None


def _url_year(url: str) -> int | None:
    """A year standing as a segment of the URL's path (/2024/ or /2024/12/), as news sites file."""
    for segment in urlsplit(url).path.split("/"):
        if re.fullmatch(r"(?:19|20)\d\d", segment):
            return int(segment)
    return None


# ---------------------------------------------------------------------------------------- datelines

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][\w .'’/-]{0,40}?(?:,\s*[^\W\d_][\w .'’-]{0,30}?)?),\s+" + _WEEKDAY
    + rf"(?:(?P<month>{_MONTH})\s+(?P<day>{_DAY})|(?P<day2>{_DAY})\s+(?P<month2>{_MONTH}))"
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    + r"\s*(?:\((?P<agency>[^()\n]{1,40})\)\s*)?(?:[-–—:]|$)",
    re.IGNORECASE)


def _dateline_date(text: str, url_year: int | None) -> date | None:
    """The date of a wire-style dateline opening the text ("DAMASCUS, Dec 9 (Reuters) -", "Beirut,
    9 December 2024:"). Without a year it needs the year from the URL; it never borrows today's."""
    first = text.split("\n", 1)[0]
    match = _DATELINE.match(first)
    if match is None or not match["place"][0].isupper():
        return None
    month = _MONTHS[(match["month"] or match["month2"])[:3].lower()]
    day = int(re.match(r"\d+", match["day"] or match["day2"])[0])
    year = int(match["year"]) if match["year"] else url_year
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------ fetching

def fetch(url: str, cache: Path, *, client=None) -> Fetched:
    """The page at `url`, from the copy in `cache` when there is one (no network), else downloaded,
    kept there and returned. `client` is an httpx.Client to use instead of a fresh one (tests pass
    one with a MockTransport). Raises InputError, one line naming the URL, when it cannot be had."""
    if not is_url(url):
        raise InputError(f"cannot fetch {url}: not an http:// or https:// address")
    cache = Path(cache)
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    copy, sidecar = cache / f"{key}.html", cache / f"{key}.json"
    kept = _kept(url, copy, sidecar)
    if kept is not None:
        return kept
    body, final_url, content_type = _download(url, client)
    about = {"url": url, "final_url": final_url, "content_type": content_type}
    try:
        cache.mkdir(parents=True, exist_ok=True)
        # The sidecar goes first: a copy is only trusted with its sidecar beside it.
        _write_atomically(sidecar, (json.dumps(about, indent=2) + "\n").encode("utf-8"))
        _write_atomically(copy, body)
    except OSError as error:
        raise InputError(f"cannot keep a copy of {url} in {cache}: {error.strerror or error}") from None
    return Fetched(html=_decode(body, content_type), url=final_url, copy=copy)


def _kept(url: str, copy: Path, sidecar: Path) -> Fetched | None:
    """The cached copy of `url`, or None when there is none usable (a damaged one is fetched again)."""
    try:
        about = json.loads(sidecar.read_text(encoding="utf-8"))
        body = copy.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(about, dict) or about.get("url") != url or not isinstance(about.get("final_url"), str):
        return None
    return Fetched(html=_decode(body, str(about.get("content_type") or "")), url=about["final_url"], copy=copy)


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("timeline")
    except PackageNotFoundError:
        release = "dev"
    return f"timeline/{release} (news timelines from web pages; one request per article)"


def _download(url: str, client) -> tuple[bytes, str, str]:
    """(body, final URL, content type) of the page at `url`, following at most MAX_REDIRECTS
    redirects and reading at most MAX_BYTES; every failure is an InputError naming `url`.

    Redirects are followed here, not by httpx, so the limit holds for a client passed in too."""
    import httpx

    own = client is None
    if own:
        client = httpx.Client(timeout=httpx.Timeout(TIMEOUT_SECONDS))
    headers = {"User-Agent": _user_agent(), "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
    current = url

    def failed(why: str) -> InputError:
        where = url if current == url else f"{url} (redirected to {current})"
        return InputError(_one_line(f"cannot fetch {where}: {why}"))

    try:
        for _ in range(MAX_REDIRECTS + 1):
            response = client.send(client.build_request("GET", current, headers=headers), stream=True,
                                    follow_redirects=False)
            try:
                if response.is_redirect:
                    current = str(response.url.join(response.headers["location"]))
                    if not is_url(current):
                        raise failed("redirected to an address that is not http:// or https://")
                    continue
                return _body(response, failed), current, response.headers.get("content-type", "")
            finally:
                response.close()
        raise failed(f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise failed("unreachable: timed out") from None
    except httpx.ConnectError as error:
        raise failed(f"unreachable: {error}" if str(error) else "unreachable: the connection failed") from None
    except httpx.UnsupportedProtocol:
        raise failed("not an http:// or https:// address") from None
    except httpx.InvalidURL as error:
        raise failed(f"not a valid address ({error})") from None
    except httpx.HTTPError as error:
        raise failed(f"{type(error).__name__}: {error}" if str(error) else type(error).__name__) from None
    finally:
        if own:
            client.close()


def _body(response, failed) -> bytes:
    """The body of a final (non-redirect) response, refused unless it is a successful HTML page of
    at most MAX_BYTES; an oversized body stops being read at the limit."""
    status = response.status_code
    if not 200 <= status < 300:
        raise failed(f"the server answered HTTP {status} {response.reason_phrase}".rstrip())
    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and mime not in HTML_TYPES:
        raise failed(f"not a web page (content type {mime})")
    too_large = f"the page is larger than {MAX_BYTES // (1024 * 1024)} MB"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise failed(too_large)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise failed(too_large)
        chunks.append(chunk)
    body = b"".join(chunks)
    # A server that names no type is believed only when the body opens like an HTML document.
    if not mime and not re.match(rb"(?i)\s*(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head)[\s>]", body):
        raise failed("not a web page (no content type, and the body is not HTML)")
    return body


def _decode(body: bytes, content_type: str) -> str:
    """The text of an HTML body: a byte-order mark decides, then the charset of the Content-Type,
    then a <meta> charset in the first bytes, then UTF-8; undecodable bytes are replaced."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, codec in boms:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    declared = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    in_page = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", body[:4096], re.IGNORECASE)
    for name in (declared and declared[1], in_page and in_page[1].decode("ascii")):
        if name:
            with contextlib.suppress(LookupError):
                return body.decode(codecs.lookup(name).name, errors="replace")
    return body.decode("utf-8", errors="replace")


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over: never a partial file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
