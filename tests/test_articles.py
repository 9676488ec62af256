"""Tests for timeline.articles: files, saved pages and URLs as articles, each with its source and the
origin of its publication date. No test touches the network (httpx's MockTransport stands in)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from timeline.articles import read_article
from timeline.errors import InputError

PAGES = Path(__file__).parent / "data" / "pages"
NO_FLAGS: dict = {}


def read(name, flags=NO_FLAGS, tmp_path: Path | None = None, client=None):
    folder = tmp_path or Path(".")
    return read_article(str(name), flags, read_text=lambda n: Path(n).read_text(encoding="utf-8"),
                        pages=folder / "pages", store_folder=folder, client=client)


def test_a_text_file_takes_its_date_and_metadata_from_the_front_matter(tmp_path):
    """Front matter gives the date (recorded as front-matter), the outlet and the id; the body is the text."""
    article = tmp_path / "sohr.txt"
    article.write_text("---\npublished: 2021-11-27\noutlet: SOHR\n---\nOn Thursday, the director arrived.\n")
    found = read(article)
    assert (found.source.id, found.source.outlet, found.source.published, found.source.published_from) == (
        "sohr-2021-11-27", "SOHR", date(2021, 11, 27), "front-matter")
    assert found.text.strip() == "On Thursday, the director arrived."


def test_a_text_file_without_a_date_is_refused_saying_how_to_give_one(tmp_path):
    """No front matter date and no flag: one error naming the file and --published."""
    article = tmp_path / "note.txt"
    article.write_text("Talks resumed on Monday.\n")
    with pytest.raises(InputError, match=r"note\.txt: no publication date found; give it with --published"):
        read(article)


def test_a_saved_page_gives_its_date_headline_outlet_and_address():
    """A saved page is read for its main text and metadata; its date is the page's own."""
    found = read(PAGES / "newarab-2024-12-09.html")
    source = found.source
    assert (source.published, source.published_from, source.outlet) == (date(2024, 12, 9), "page", "The New Arab")
    assert source.title.startswith("HTS-led coalition announces general amnesty")
    assert source.url.startswith("https://www.newarab.com/")
    assert source.id == "newarab-2024-12-09-hts-led-coalition-announces"
    assert "The SDF took control of Deir az-Zour last Friday" in found.text
    assert "cookies" not in found.text.lower() and "Most read" not in found.text


def test_the_users_flags_win_over_the_page(tmp_path):
    """--published, --outlet and --source-id override what the page says; the date is then the user's."""
    flags = {"published": date(2024, 12, 10), "outlet": "TNA", "id": "tna-amnesty"}
    source = read(PAGES / "newarab-2024-12-09.html", flags).source
    assert (source.id, source.outlet, source.published, source.published_from) == (
        "tna-amnesty", "TNA", date(2024, 12, 10), "user")


def test_a_dateline_dates_a_page_that_states_no_date():
    """A wire story whose only date is its dateline is anchored on it, and says so."""
    source = read(PAGES / "dateline.html").source
    assert (source.published, source.published_from) == (date(2024, 12, 9), "dateline")


@pytest.mark.parametrize("page, message", [
    ("undated.html", "no publication date found in the page's metadata, its address or a dateline; give it "
                     "with --published"),
    ("arabic.html", r"the page is in Arabic \(ar\); timeline reads dates in English only"),
])
def test_a_page_that_cannot_be_anchored_is_refused(page, message):
    """An undated page, or one in a language the resolver does not read, is one error naming the file."""
    with pytest.raises(InputError, match=message) as raised:
        read(PAGES / page)
    assert page in str(raised.value) and "\n" not in str(raised.value)


def test_a_url_is_fetched_once_and_its_copy_named_relative_to_the_store(tmp_path):
    """A URL is fetched into the pages folder; the source names that copy relative to the store's folder,
    and a second read works offline from it."""
    html = (PAGES / "sohr-2021-11-27.html").read_bytes()
    url = "https://www.syriahr.com/en/233145/"
    online = httpx.Client(transport=httpx.MockTransport(
        lambda request: httpx.Response(200, content=html, headers={"content-type": "text/html"})))
    first = read(url, tmp_path=tmp_path, client=online)
    assert (first.source.published, first.source.published_from) == (date(2021, 11, 27), "page")
    assert first.source.copy.startswith("pages/") and (tmp_path / first.source.copy).is_file()

    def offline(request):
        raise httpx.ConnectError("no network")

    again = read(url, tmp_path=tmp_path, client=httpx.Client(transport=httpx.MockTransport(offline)))
    assert again == first


def test_an_unreachable_url_is_one_error_line(tmp_path):
    """A URL that cannot be fetched is an InputError naming it, and nothing is kept."""
    def offline(request):
        raise httpx.ConnectError("no network")

    with pytest.raises(InputError, match="https://example.org/x") as raised:
        read("https://example.org/x", tmp_path=tmp_path, client=httpx.Client(transport=httpx.MockTransport(offline)))
    assert "\n" not in str(raised.value)
    assert not any((tmp_path / "pages").glob("*.html"))


def test_a_saved_page_gives_every_dated_statement_its_text_does():
    """Ingesting the page finds each dated statement that ingesting the article's plain text finds."""
    from test_extract import NEW_ARAB, source

    from timeline.extract import propose
    from timeline.model import Dataset

    page = read(PAGES / "newarab-2024-12-09.html")
    from_page = {(e.when.edtf, e.citations[0].said) for e in propose(page.text, page.source, Dataset())}
    from_text = {(e.when.edtf, e.citations[0].said) for e in propose(NEW_ARAB, source(), Dataset())}
    assert from_text <= from_page
