"""Tests for timeline.web: saved pages read for text, headline, site, language and original date; fetching
with a cache, through httpx's MockTransport only (no test touches the network)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import httpx
import pytest

from timeline import web
from timeline.errors import InputError
from timeline.web import Fetched, Page, fetch, is_page, is_url, read_page

PAGES = Path(__file__).parent / "data" / "pages"
REPO_ROOT = Path(__file__).resolve().parent.parent


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# The seed articles as their sites wrap them: each states its date in a different shape of markup.
SEEDS = {
    "newarab-2024-12-09.html": dict(
        published=date(2024, 12, 9),  # JSON-LD datePublished; dateModified 2024-12-11 comes first
        title="HTS-led coalition announces general amnesty for Assad soldiers",
        site="The New Arab",
        url="https://www.newarab.com/news/hts-led-coalition-announces-general-amnesty-assad-soldiers",
        paragraphs=13,  # the twelve of the article and the caption of its picture
        sentences=[
            "Syrians celebrate the collapse of 61 years of Baath Party rule after armed opposition groups "
            "took control in Damascus, Syria on December 9, 2024",
            "The Military Operations Administration of the Syrian opposition forces – led by Hayat Tahrir "
            "Al-Sham (HTS) – granted amnesty to all military personnel conscripted into service in the Syrian "
            "armed forces under the Assad regime on Monday.",
            "Two killed in Deir az-Zour",
            "The SDF took control of Deir az-Zour last Friday, as well as parts of its western countryside, "
            "after regime forces withdrew, leaving a power vacuum.",
            "amidst ongoing advances toward the city of Deir az-Zour in eastern Syria by opposition forces.",
        ],
        boilerplate=["Opposition fighters raise their flag over the Aleppo citadel", "Dec 3, 2024",
                     "Regime reinforcements rushed north", "What next for the SDF", "Subscribe to our newsletter",
                     "Privacy policy", "Tags:"],
    ),
    "sohr-2021-11-27.html": dict(
        published=date(2021, 11, 27),  # article:published_time; article:modified_time 2021-11-29 comes first
        title="West Euphrates region | New reconciliation deals with ISIS former fighters",
        site="The Syrian Observatory For Human Rights",
        url="https://www.syriahr.com/en/233145/",
        paragraphs=10,
        sentences=[
            "Deir Ezzor province: The Syrian Observatory for Human Rights have monitored new details",
            "On November 22, SOHR activists reported that only few civilians have participated in "
            "reconciliation deals, in Deir Ezzor province’s sports center,",
            "On November 14, Syrian Observatory for Human Rights, reported that the regimes almost complete "
            "failure to strike settlements under Russian blessings in Deir Ezzor city.",
            "all the way to the northern countryside",
        ],
        boilerplate=["Regime shelling kills two children", "Nov 25, 2021", "Gunmen assassinate",
                     "Related Posts", "Tribal dignitaries meet SDF officials", "Monthly Death Toll",
                     "UK-based monitoring group", "Got it!"],
    ),
    "pressenza-2022-04-19.html": dict(
        published=date(2022, 4, 19),  # only <time itemprop="datePublished"> in the byline
        title="Reconciliation, pardons and amnesties in several Syrian provinces",
        site="Pressenza",
        url="https://www.pressenza.com/2022/04/reconciliation-pardons-and-amnesties-in-several-syrian-provinces/",
        paragraphs=9,  # the eight of the article and the translator's note closing it
        sentences=[
            "The invasion of Syria has gone out of fashion.",
            "“A convoy of five armoured vehicles of the occupying US troops accompanied by a van of the SDF "
            "militia tried to enter the village of Musheirfa towards the village of Salhia Harb,” local "
            "activists told SANA’s correspondent.",
            "In Al Aamel, the office in Deir Ezzor has been operating for six months now,",
            "open to amnestied combatants with a military formation.",
        ],
        boilerplate=["Nonviolence trainers gather online", "Apr 12, 2022", "nuclear ban treaty",
                     "Peace caravan reaches Beirut", "More in Middle East", "Support Pressenza",
                     "Sign up for our weekly newsletter", "Creative Commons", "also available in"],
    ),
}
# On every page: the cookie banner, the sidebar's heading and the footer's copyright line.
COMMON_BOILERPLATE = ["cookie", "Most read", "All rights reserved", "©", "Accept"]


# ------------------------------------------------------------------------------------------ read_page

@pytest.mark.parametrize("name", SEEDS)
def test_seed_pages_are_dated_by_their_own_markup(name):
    """Each seed page gives its publication date from sources.yaml, found in the page's markup
    (JSON-LD datePublished, article:published_time, <time itemprop=datePublished>)."""
    found = read_page(page(name))
    assert (found.published, found.published_from) == (SEEDS[name]["published"], "page")


@pytest.mark.parametrize("name", SEEDS)
def test_seed_pages_give_headline_site_and_canonical_url(name):
    """The headline is the article's (not the <title> with the site appended), the site is the outlet's
    name, and the URL is the canonical one the page names, even when it was read from another."""
    found = read_page(page(name), "https://mirror.example/saved/copy-of-article")
    assert found.title == SEEDS[name]["title"]
    assert found.site == SEEDS[name]["site"]
    assert found.url == SEEDS[name]["url"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_page_text_is_the_article_one_paragraph_a_line(name):
    """The text holds the article's sentences, first to last, one paragraph a line with no blank lines."""
    text = read_page(page(name)).text
    lines = text.split("\n")
    assert len(lines) == SEEDS[name]["paragraphs"]
    assert all(line and line == line.strip() for line in lines)
    for sentence in SEEDS[name]["sentences"]:
        assert sentence in text


def test_only_the_articles_own_picture_captions_are_kept():
    """The caption of the article's picture is kept as a last paragraph; a sidebar's picture is not."""
    html = page("newarab-2024-12-09.html").replace(
        '<h3>Most read</h3>', '<h3>Most read</h3><figure><figcaption>Sidebar picture caption</figcaption></figure>')
    text = read_page(html).text
    assert text.split("\n")[-1].startswith("Syrians celebrate the collapse of 61 years")
    assert "Sidebar picture caption" not in text


@pytest.mark.parametrize("name", SEEDS)
def test_boilerplate_never_reaches_the_text(name):
    """Navigation, the cookie banner, the "Most read" sidebar with its dated headlines, related links,
    tags, share buttons and the footer are left out of the text."""
    text = read_page(page(name)).text
    for string in SEEDS[name]["boilerplate"] + COMMON_BOILERPLATE:
        assert string not in text


def test_the_headline_is_not_repeated_atop_the_text():
    """A headline inside the article's container is not the text's first line, so a dateline opens it."""
    found = read_page(page("dateline.html"))
    assert found.title == "Syria's new authorities pledge safety for army conscripts"
    assert found.text.startswith("DAMASCUS, Dec. 9, 2024 (Reuters) - The armed groups")


@pytest.mark.parametrize(("name", "published_statement"), [
    ("newarab-2024-12-09.html", r'\s*"datePublished": "[^"]*",'),
    ("sohr-2021-11-27.html", r'\s*<meta property="article:published_time"[^>]*>'),
])
def test_a_modified_date_is_never_taken_for_the_publication_date(name, published_statement):
    """A page whose only date in its markup is when it was modified (dateModified, article:modified_time)
    has no publication date: the modified date is not a stand-in, even as a last resort."""
    html, removed = re.subn(published_statement, "", page(name))
    assert removed == 1
    assert "2024-12-11" in html or "2021-11-29" in html
    found = read_page(html)
    assert (found.published, found.published_from) == (None, "")


def test_the_published_date_wins_over_a_later_modified_date_in_either_order():
    """With both dates stated, the original wins whichever comes first in the markup."""
    html = page("sohr-2021-11-27.html")
    modified = '  <meta property="article:modified_time" content="2021-11-29T13:48:51+00:00">\n'
    swapped = html.replace(modified, "").replace("</head>", modified + "</head>")
    assert swapped != html
    assert read_page(html).published == read_page(swapped).published == date(2021, 11, 27)


BYLINE = '<p class="byline">By Levant Ledger correspondents</p>'


@pytest.mark.parametrize(("markup", "expected"), [
    ('<time datetime="2024-12-09T08:00:00+02:00" itemprop="datePublished">Monday</time>', date(2024, 12, 9)),
    ('<span itemprop="datePublished">December 9, 2024</span>', date(2024, 12, 9)),
    ('<span itemprop="datePublished">9 December 2024</span>', date(2024, 12, 9)),
    ("<time pubdate>2024-12-09</time>", date(2024, 12, 9)),
    ('<meta itemprop="datePublished" content="2024-12-09">', date(2024, 12, 9)),
    ('<time itemprop="dateModified" datetime="2024-12-10">Updated</time>', None),
    ('<time class="updated" datetime="2024-12-10">Updated Dec 10</time>', None),
])
def test_publication_markup_in_the_byline(markup, expected):
    """A byline's publication markup (itemprop=datePublished with a datetime or readable text, <time
    pubdate>) dates the page; an "updated" time there does not."""
    html = page("undated.html").replace(BYLINE, BYLINE.replace("</p>", f" {markup}</p>"))
    found = read_page(html)
    assert (found.published, found.published_from) == (expected, "page" if expected else "")


def test_the_date_is_the_one_the_page_prints_not_converted_to_utc():
    """A timestamp late in the evening west of Greenwich is still the day the publisher wrote."""
    html = page("sohr-2021-11-27.html").replace("2021-11-27T10:12:40+00:00", "2021-11-27T23:30:00-05:00")
    assert read_page(html).published == date(2021, 11, 27)


def test_an_undated_page_has_no_date():
    """A page with no date of its own gives None, though its sidebar lists dated headlines (as
    <time datetime> and elements classed "date") and its footer a copyright year: those are not its date,
    and neither is today."""
    found = read_page(page("undated.html"), "https://levantledger.example/features/settlement-centres/")
    assert (found.published, found.published_from) == (None, "")
    assert found.title == "Inside the settlement centres of Deir ez-Zor"
    assert found.text.startswith("The queue outside the settlement centre")


def test_a_date_in_the_body_text_is_not_the_publication_date():
    """A full date written in a paragraph is an event's date, not the page's."""
    html = page("undated.html").replace("The queue outside the settlement centre forms",
                                        "On December 9, 2024 (2024-12-09), the queue outside the centre formed")
    found = read_page(html)
    assert "2024-12-09" in found.text
    assert found.published is None


@pytest.mark.parametrize("url", [
    "https://levantledger.example/2024/12/09/settlement-centres/",
    "https://levantledger.example/features/2024-12-09-settlement-centres",
    "https://levantledger.example/features/settlement-centres-20241209.html",
    "https://levantledger.example/2024/12/9/settlement-centres",
])
def test_a_full_date_in_the_url_path_dates_the_page(url):
    """Without a date in the markup, a year, month and day in the URL's path give the date."""
    found = read_page(page("undated.html"), url)
    assert (found.published, found.published_from) == (date(2024, 12, 9), "url")


@pytest.mark.parametrize("url", [
    "https://levantledger.example/2024/settlement-centres/",
    "https://levantledger.example/2024/12/settlement-centres/",
    "https://levantledger.example/features/settlement-centres?date=2024-12-09",
    "https://levantledger.example/id/2024120955",
    "https://levantledger.example/2024/13/45/settlement-centres/",
])
def test_a_year_or_month_or_a_date_outside_the_path_does_not_date_the_page(url):
    """A year or month alone, a date in the query string, a longer number or an impossible date in the
    URL gives no date."""
    assert read_page(page("undated.html"), url).published is None


def test_the_canonical_url_is_searched_for_a_date():
    """The URL the page names as canonical is read for a date as the one it was read from is."""
    html = page("undated.html").replace(
        "</head>", '<link rel="canonical" href="/2024/12/09/settlement-centres/"></head>')
    found = read_page(html, "https://levantledger.example/amp/settlement-centres")
    assert found.url == "https://levantledger.example/2024/12/09/settlement-centres/"
    assert (found.published, found.published_from) == (date(2024, 12, 9), "url")


def test_the_markup_wins_over_a_date_in_the_url():
    """The page's own statement comes before the URL's date."""
    html = page("sohr-2021-11-27.html").replace('<link rel="canonical" href="https://www.syriahr.com/en/233145/">', "")
    found = read_page(html, "https://www.syriahr.com/en/2021/11/30/233145/")
    assert (found.published, found.published_from) == (date(2021, 11, 27), "page")


def test_a_wire_dateline_dates_the_page():
    """A wire story whose only date is its dateline ("DAMASCUS, Dec. 9, 2024 (Reuters) -") is dated by it,
    not by the "Most read" dates beside it."""
    found = read_page(page("dateline.html"))
    assert (found.published, found.published_from) == (date(2024, 12, 9), "dateline")


DATELINE = "DAMASCUS, Dec. 9, 2024 (Reuters) -"


@pytest.mark.parametrize("dateline", [
    "DAMASCUS, Dec 9, 2024 (Reuters) -",
    "BEIRUT, December 9, 2024 (AFP) —",
    "Damascus, 9 December 2024:",
    "DEIR EZ-ZOR, Syria, Monday, Dec. 9, 2024 (AP) —",
    "DAMASCUS, Dec 9th 2024 -",
])
def test_datelines_with_a_year(dateline):
    """The shapes wire services write datelines in, with a year, give that day wherever the page is."""
    html = page("dateline.html").replace(DATELINE, dateline)
    assert read_page(html).published == date(2024, 12, 9)
    assert read_page(html, "https://wiredesk.example/world/syria-conscripts").published == date(2024, 12, 9)


@pytest.mark.parametrize("dateline", [
    "DAMASCUS, Dec 9 (Reuters) -", "BEIRUT, December 9 (AFP) —", "Damascus, 9 December:",
])
def test_a_dateline_without_a_year_takes_the_year_from_the_url(dateline):
    """A yearless dateline gives its day in the year the URL's path is filed under, and no date when
    the URL names no year: the year is never guessed from today."""
    html = page("dateline.html").replace(DATELINE, dateline)
    found = read_page(html, "https://wiredesk.example/world/2024/syria-conscripts/")
    assert (found.published, found.published_from) == (date(2024, 12, 9), "dateline")
    assert read_page(html, "https://wiredesk.example/world/syria-conscripts/").published is None
    assert read_page(html).published is None


@pytest.mark.parametrize("opening", [
    "Damascus, December 9, 2024 was the first day of the new order -",  # a sentence, not a dateline
    "the armed groups, Dec 9, 2024 (Reuters) -",                          # no place names itself in lower case
    "DAMASCUS, Feb 30, 2024 (Reuters) -",                                 # no such day
    "DAMASCUS (Reuters) -",                                               # a dateline without a date
])
def test_what_is_not_a_dated_dateline_gives_no_date(opening):
    """A date that is not a place's dateline, or a day that does not exist, does not date the page."""
    html = page("dateline.html").replace(DATELINE, opening)
    assert read_page(html).published is None


def test_only_a_dateline_opening_the_text_counts():
    """A dateline-like line further down (a quoted wire report) is not the page's dateline."""
    html = page("dateline.html").replace(DATELINE, "Syria's new rulers spoke on Monday -").replace(
        "<p>The statement, read out", "<p>DAMASCUS, Dec. 9, 2024 (Reuters) - The statement, read out")
    assert read_page(html).published is None


@pytest.mark.parametrize(("name", "language"), [
    ("arabic.html", "ar"),                  # <html lang="ar-SY">
    ("newarab-2024-12-09.html", "en"),      # <html lang="en-GB">
    ("sohr-2021-11-27.html", "en"),         # <html lang="en-US">
    ("undated.html", "en"),
])
def test_the_language_is_the_two_letter_code_the_page_declares(name, language):
    """The page's declared language, reduced to its ISO 639-1 code."""
    assert read_page(page(name)).language == language


def test_a_non_english_page_is_read_whole():
    """An Arabic page gives its headline, site, text and date like any other."""
    found = read_page(page("arabic.html"))
    assert found.title == "عفو عام عن المجندين في الجيش السابق"
    assert found.site == "الشام اليوم"
    assert found.text.startswith("أعلنت إدارة العمليات العسكرية يوم الاثنين")
    assert "الأكثر قراءة" not in found.text and "حلب" not in found.text
    assert (found.published, found.published_from) == (date(2024, 12, 9), "page")


def test_without_a_declared_language_the_language_is_empty():
    """A page that declares no language, or one that is not an ISO 639-1 code, gives ""."""
    assert read_page(page("undated.html").replace('<html lang="en">', "<html>")).language == ""
    assert read_page(page("undated.html").replace('<html lang="en">', '<html lang="fil">')).language == ""


def test_without_a_canonical_url_the_url_is_the_one_read_from():
    """A page naming no URL of its own keeps the one it was read from, or "" without one."""
    assert read_page(page("undated.html"), "https://levantledger.example/x").url == "https://levantledger.example/x"
    assert read_page(page("undated.html")).url == ""


@pytest.mark.parametrize("html", ["", "   ", "not a web page at all"])
def test_what_is_not_a_document_gives_an_empty_page(html):
    """Input that is not HTML gives an empty Page rather than an error: the caller refuses it as undated."""
    assert read_page(html) == Page(text="", title="", site="", url="", language="", published=None,
                                   published_from="")


@pytest.mark.parametrize(("name", "expected"), [
    ("https://www.newarab.com/news/x", True), ("HTTP://EXAMPLE.COM", True), ("http://a.b/c.html", True),
    ("ftp://example.com/a.html", False), ("https://", False), ("article.html", False), ("www.example.com", False),
])
def test_is_url(name, expected):
    """Only http:// and https:// addresses, in any case, with a host, are URLs."""
    assert is_url(name) is expected


@pytest.mark.parametrize(("name", "expected"), [
    ("saved/article.html", True), ("ARTICLE.HTM", True), ("page.Html", True),
    ("article.txt", False), ("article.html.txt", False), ("https://example.com/article.html", False),
])
def test_is_page(name, expected):
    """A path ending .html or .htm, in any case, is a saved page; a URL is not a path."""
    assert is_page(name) is expected


def test_importing_timeline_loads_none_of_the_web_libraries():
    """`import timeline` and `import timeline.web` leave trafilatura, htmldate, httpx and lxml unloaded."""
    code = ("import sys, timeline, timeline.web; "
            "print(sorted(m for m in ('trafilatura', 'htmldate', 'httpx', 'lxml') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------------------------------------ fetch

ARTICLE = page("newarab-2024-12-09.html").encode("utf-8")
URL = "https://www.newarab.com/news/hts-led-coalition-announces-general-amnesty-assad-soldiers"


def client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def serve(body: bytes = ARTICLE, content_type: str = "text/html; charset=utf-8", seen: list | None = None):
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(200, headers={"Content-Type": content_type}, content=body)
    return handler


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)


def test_fetch_downloads_the_page_and_keeps_a_copy(tmp_path):
    """A fetched page is returned as text and kept in the cache folder (created if missing) as a file
    named by a hash of its URL, with a sidecar naming the final URL; the request names the tool."""
    seen: list[httpx.Request] = []
    cache = tmp_path / "cache" / "pages"
    fetched = fetch(URL, cache, client=client(serve(seen=seen)))
    assert fetched.html == ARTICLE.decode("utf-8")
    assert fetched.url == URL
    assert fetched.copy.parent == cache and re.fullmatch(r"[0-9a-f]{16}\.html", fetched.copy.name)
    assert fetched.copy.read_bytes() == ARTICLE
    assert sorted(p.name for p in cache.iterdir()) == sorted([fetched.copy.name, fetched.copy.stem + ".json"])
    assert len(seen) == 1 and seen[0].headers["user-agent"].startswith("timeline/")


def test_a_kept_copy_is_read_without_the_network(tmp_path):
    """The second fetch of a URL reads the copy: a client that cannot connect still gets the same page."""
    first = fetch(URL, tmp_path, client=client(serve()))
    again = fetch(URL, tmp_path, client=client(unreachable))
    assert again == first


def test_a_fetched_page_reads_like_the_saved_one(tmp_path):
    """The copy read through fetch gives the same article as the file it was served from."""
    fetched = fetch(URL, tmp_path, client=client(serve()))
    assert read_page(fetched.html, fetched.url) == read_page(ARTICLE.decode("utf-8"), URL)


def test_the_url_after_redirects_is_kept_offline_too(tmp_path):
    """A redirected fetch gives the final URL, and so does reading the copy later without the network."""
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/s/amnesty":
            return httpx.Response(301, headers={"Location": "https://www.newarab.com/news/amnesty"})
        if request.url.path == "/news/amnesty":
            return httpx.Response(302, headers={"Location": "/news/amnesty-assad-soldiers"})
        return serve()(request)
    first = fetch("https://tna.example/s/amnesty", tmp_path, client=client(handler))
    assert first.url == "https://www.newarab.com/news/amnesty-assad-soldiers"
    assert fetch("https://tna.example/s/amnesty", tmp_path, client=client(unreachable)).url == first.url


def test_the_charset_is_taken_from_the_header_or_the_page(tmp_path):
    """A page in a legacy encoding decodes by the Content-Type's charset, else by its <meta charset>."""
    arabic = page("arabic.html").replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    body = arabic.encode("windows-1256")
    by_meta = fetch("https://sham.example/a", tmp_path, client=client(serve(body, "text/html")))
    by_header = fetch("https://sham.example/b", tmp_path,
                      client=client(serve(body, "text/html; charset=windows-1256")))
    assert by_meta.html == by_header.html == arabic


def assert_refused(url: str, cache: Path, handler, *words: str) -> str:
    """The fetch fails with one line naming the URL and the words given, and leaves no file behind."""
    with pytest.raises(InputError) as raised:
        fetch(url, cache, client=client(handler))
    message = str(raised.value)
    assert url in message and "\n" not in message
    for word in words:
        assert word in message
    assert not cache.exists() or list(cache.iterdir()) == []
    return message


def test_a_missing_page_is_refused_with_its_status(tmp_path):
    """An HTTP status of 400 or more is an error saying the status."""
    assert_refused(URL, tmp_path / "c", lambda request: httpx.Response(404), "404", "Not Found")
    assert_refused(URL, tmp_path / "c", lambda request: httpx.Response(503), "503")


def test_an_unreachable_host_is_refused(tmp_path):
    """A name that does not resolve, a refused connection or a timeout is an error saying unreachable."""
    assert_refused(URL, tmp_path / "c", unreachable, "unreachable", "Name or service not known")

    def slow(request):
        raise httpx.ReadTimeout("The read operation timed out", request=request)
    assert_refused(URL, tmp_path / "c", slow, "unreachable", "timed out")


def test_what_is_not_html_is_refused_with_its_content_type(tmp_path):
    """A body that is not HTML (a PDF, JSON) is refused, naming its content type; XHTML is accepted."""
    assert_refused(URL, tmp_path / "c", serve(b"%PDF-1.7", "application/pdf"), "application/pdf")
    assert_refused(URL, tmp_path / "c", serve(b"{}", "application/json; charset=utf-8"), "application/json")
    assert_refused(URL, tmp_path / "c", serve(b"%PDF-1.7", ""), "not a web page")
    assert fetch(URL, tmp_path / "x", client=client(serve(content_type="application/xhtml+xml"))).html
    assert fetch("https://a.example/", tmp_path / "y", client=client(serve(content_type=""))).html


def test_a_page_over_the_size_limit_is_refused(tmp_path):
    """A body larger than 5 MB is refused: at once when its length is declared, else reading stops at
    the limit rather than at the end of the body."""
    assert_refused(URL, tmp_path / "c", serve(b"<html>" + b" " * web.MAX_BYTES), "larger than 5 MB")

    sent = []

    def endless(request):
        def chunks():
            for n in range(100):
                sent.append(n)
                yield b" " * (1024 * 1024)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks())
    assert_refused(URL, tmp_path / "c", endless, "larger than 5 MB")
    assert len(sent) <= 6


def test_too_many_redirects_are_refused(tmp_path):
    """More than five redirects is an error saying so; a redirect away from the web is refused too."""
    def hops(request):
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"Location": f"/{n + 1}"})
    message = assert_refused("https://loop.example/", tmp_path / "c", hops, "redirects")
    assert "redirected to https://loop.example/6" in message
    assert_refused(URL, tmp_path / "c", lambda request: httpx.Response(301, headers={"Location": "file:///etc/passwd"}),
                   "not http:// or https://")


def test_five_redirects_are_followed(tmp_path):
    """Up to five redirects are followed to the page."""
    def hops(request):
        n = int(request.url.path.strip("/") or 0)
        if n < 5:
            return httpx.Response(302, headers={"Location": f"/{n + 1}"})
        return serve()(request)
    assert fetch("https://hops.example/", tmp_path, client=client(hops)).url == "https://hops.example/5"


def test_a_failed_fetch_leaves_an_earlier_copy_untouched_and_no_temporary_file(tmp_path):
    """A failure after another page was kept removes nothing and adds nothing to the cache."""
    kept = fetch(URL, tmp_path, client=client(serve()))
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(InputError):
        fetch("https://other.example/", tmp_path, client=client(lambda request: httpx.Response(500)))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert kept.copy.read_bytes() == ARTICLE


def test_a_copy_that_cannot_be_written_leaves_nothing_behind(tmp_path, monkeypatch):
    """When the copy cannot be stored (a full disk, no permission) the error names the URL and the
    cache holds no temporary or half-written file."""
    def refuse(source, target):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(web.os, "replace", refuse)
    with pytest.raises(InputError, match="No space left on device") as raised:
        fetch(URL, tmp_path, client=client(serve()))
    assert URL in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_copy_is_fetched_again(tmp_path):
    """A copy whose sidecar is unreadable is not trusted: the page is downloaded anew and kept."""
    first = fetch(URL, tmp_path, client=client(serve()))
    first.copy.with_suffix(".json").write_text("{not json", encoding="utf-8")
    assert fetch(URL, tmp_path, client=client(serve())) == first
    assert fetch(URL, tmp_path, client=client(unreachable)) == first


def test_only_web_addresses_are_fetched(tmp_path):
    """A name that is not an http(s) URL is refused before any request."""
    with pytest.raises(InputError, match="not an http:// or https:// address"):
        fetch("ftp://example.com/a.html", tmp_path, client=client(unreachable))


def test_fetched_is_a_frozen_value(tmp_path):
    """Fetched and Page are frozen values."""
    fetched = fetch(URL, tmp_path, client=client(serve()))
    assert isinstance(fetched, Fetched)
    with pytest.raises(AttributeError):
        fetched.url = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        read_page("").title = "x"  # type: ignore[misc]
