"""The HTML export in a real browser: Debian's Chromium and chromedriver, driven by Selenium.

The page is opened from a file, as a reader would open it from a USB stick: the shipped store's page shows
every event with no console error and its filters narrow the list; a hostile store's page runs nothing
it holds; 3,000 events load and filter without hanging. CI installs the browser (.ci/run); without it
these tests fail, so a missing browser is never mistaken for a passing page.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

import chromium

from timeline import query, store
from timeline.export import render
from timeline.model import Event, Source

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_STORE = """\
version: 2
sources:
  - id: evil
    outlet: "<img src=x onerror=\\"window.__pwned=1;alert(1)\\">"
    title: "\\"><script>window.__pwned=2</script>"
    url: "https://example.org/\\"><script>window.__pwned=3;alert(3)</script>"
  - id: evil-data
    outlet: Data outlet
    url: "http://example.org/?q=</script><script>window.__pwned=4</script>"
events:
  - id: script-title
    when: 2024-12-06
    title: "<script>window.__pwned=5;alert(5)</script>"
    place: "</script><script>window.__pwned=6;alert(6)</script>"
    tags: ["</script><script>alert(7)</script>", "\\" onmouseover=\\"window.__pwned=8"]
    status: accepted
    origin: curated
    citations:
      - source: evil
        said: "<b onmouseover=window.__pwned=9>x</b>"
        quote: "<img src=x onerror=\\"window.__pwned=10;alert(10)\\">"
  - id: separators
    when: 2024-12-06~
    title: "ends </script> here <svg onload=window.__pwned=11>"
    place: "x' autofocus onfocus='window.__pwned=12"
    tags: ["<!--"]
    status: candidate
    origin: parsed
    citations:
      - source: evil-data
    notes: "<iframe src=javascript:window.__pwned=13></iframe> \\u2028 and \\u2029"
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module (tests/chromium.py)."""
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"), "the browser test")
    yield driver
    driver.quit()


def export(store_file: Path, out: Path, *args: str) -> Path:
    """`timeline export --format html -o out` on `store_file`, as a user would run it."""
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_FILE"}
    subprocess.run([sys.executable, "-m", "timeline", "export", "--format", "html", "-o", str(out),
                    "--file", str(store_file), *args], check=True, capture_output=True, text=True, env=env,
                   cwd=out.parent)
    return out


def open_page(driver, path: Path) -> float:
    """Load the page from its file and wait for its script to show the filters; the seconds it took."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop what an earlier page logged
    began = time.perf_counter()
    driver.get(path.as_uri())
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "var f = document.getElementById('filters'); return document.readyState === 'complete' && f && !f.hidden;"))
    return time.perf_counter() - began


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def shown_titles(driver) -> list[str]:
    """The titles of the events the page shows (rendered, not hidden), without their status mark."""
    return driver.execute_script("""
        return Array.prototype.filter.call(document.querySelectorAll('li.ev'), function (li) {
            return li.getClientRects().length > 0;
        }).map(function (li) {
            var h = li.querySelector('h5').cloneNode(true), mark = h.querySelector('.st');
            if (mark) { mark.remove(); }
            return h.textContent.trim();
        });""")


def count_text(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "count").text


def expect_count(driver, expected: str, prefix: bool = False) -> None:
    """The count line reads `expected` (or starts with it) within a few seconds."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    def reads(d) -> bool:
        text = count_text(d)
        return text.startswith(expected) if prefix else text == expected

    try:
        WebDriverWait(driver, 5).until(reads)
    except TimeoutException:
        raise AssertionError(f"the count reads {count_text(driver)!r}, not {expected!r}") from None


def choose(driver, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, f"f-{name}")).select_by_value(value)


def search(driver, words: str) -> None:
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "f-q")
    box.clear()
    box.send_keys(words)


def clear(driver) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "f-clear").click()


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def mentions(event: Event, sources: dict[str, Source], word: str) -> bool:
    """What the page's search box finds: the words of the event's entry."""
    outlets = [sources[c.source].outlet if c.source in sources else c.source for c in event.citations]
    text = " ".join([event.title, event.place, *event.actors, *event.tags, event.status, event.notes,
                     *(c.quote for c in event.citations), *(c.said for c in event.citations), *outlets])
    return fold(word) in fold(text)


def assert_no_alert(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check


# -- the shipped store ----------------------------------------------------------------------------


def test_shipped_store_page_shows_every_event_and_filters(browser, tmp_path):
    """The shipped timeline's page loads with no console error, shows each event of the store in order,
    and its tag, place and search filters narrow the list (and the count) and clear again."""
    dataset = store.load(ROOT / "events.yaml")
    events = query.select(dataset)  # what `timeline export` exports by default
    sources = {s.id: s for s in dataset.sources}
    page = export(ROOT / "events.yaml", tmp_path / "timeline.html", "--title", "Deir ez-Zor & Syria, 2021-2024")
    open_page(browser, page)
    assert console_errors(browser) == []
    assert browser.title == "Deir ez-Zor & Syria, 2021-2024"

    total = len(events)
    assert total >= 20
    assert shown_titles(browser) == [e.title for e in events]
    from selenium.webdriver.common.by import By
    entries = browser.find_elements(By.CSS_SELECTOR, "li.ev")
    assert len(entries) == total and all(entry.is_displayed() for entry in entries)
    expect_count(browser, f"{total} events")

    tag = max(sorted({t for e in events for t in e.tags}), key=lambda t: sum(t in e.tags for e in events))
    tagged = [e.title for e in events if tag in e.tags]
    choose(browser, "tag", tag)
    assert shown_titles(browser) == tagged and 0 < len(tagged) < total
    expect_count(browser, f"{len(tagged)} of {total} events shown (tag: {tag})")
    visible_days = browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('li.day'), function (d) {"
        " return !d.hidden; }).length;")
    assert len(browser.find_elements(By.CSS_SELECTOR, "a.mk:not(.off)")) == visible_days

    search(browser, "amnesty")
    both = [e.title for e in events if tag in e.tags and mentions(e, sources, "amnesty")]
    assert shown_titles(browser) == both
    expect_count(browser, f"{len(both)} of {total} events shown (tag: {tag}; search:", prefix=True)

    clear(browser)
    assert shown_titles(browser) == [e.title for e in events]
    expect_count(browser, f"{total} events")

    place = events[0].place
    choose(browser, "place", place)
    assert shown_titles(browser) == [e.title for e in events if e.place == place]
    clear(browser)
    search(browser, "amnesty")
    assert shown_titles(browser) == [e.title for e in events if mentions(e, sources, "amnesty")]
    clear(browser)
    assert console_errors(browser) == []


def test_shipped_store_page_prints_without_filters_black_on_white(browser, tmp_path):
    """In print media the filters are hidden, the text is black on white and every event still shows."""
    page = export(ROOT / "events.yaml", tmp_path / "timeline.html")
    open_page(browser, page)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        state = browser.execute_script("""
            var s = getComputedStyle;
            return [s(document.getElementById('filters')).display, s(document.body).color,
                    s(document.body).backgroundColor,
                    Array.prototype.every.call(document.querySelectorAll('li.ev'),
                        function (li) { return li.getClientRects().length > 0; })];""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert state == ["none", "rgb(0, 0, 0)", "rgb(255, 255, 255)", True]
    assert browser.print_page()  # a PDF comes out
    assert console_errors(browser) == []


# -- a hostile store ------------------------------------------------------------------------------


def test_hostile_store_page_runs_nothing_it_holds(browser, tmp_path):
    """Script, event handlers, script ends, line separators and addresses holding markup in the store show
    as text: no alert, no `window.__pwned`, no console error, each link exactly its source's address; filters
    still work. (A javascript: or data: address never enters a store; the export's own tests cover them.)"""
    (tmp_path / "events.yaml").write_text(HOSTILE_STORE, encoding="utf-8")
    dataset = store.load(tmp_path / "events.yaml")
    page = export(tmp_path / "events.yaml", tmp_path / "hostile.html")
    open_page(browser, page)
    from selenium.webdriver.common.by import By

    assert_no_alert(browser)
    assert browser.execute_script("return window.__pwned;") is None
    assert console_errors(browser) == []
    assert sorted(shown_titles(browser)) == sorted(e.title for e in dataset.events)
    assert browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript'], a[href^='data'], a[href^='JAVASCRIPT']") == []
    links = set(browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('li.ev a'), a => a.getAttribute('href'));"))
    assert links == {s.url for s in dataset.sources}
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main iframe, main b, li.ev svg") == []
    assert browser.execute_script("return document.scripts.length;") == 2
    assert "<img src=x onerror=" in browser.find_element(By.CSS_SELECTOR, "li.ev blockquote").text

    for element in browser.find_elements(By.CSS_SELECTOR, "li.ev span, li.ev li, cite"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));", element)
    choose(browser, "tag", "</script><script>alert(7)</script>")
    assert shown_titles(browser) == ["<script>window.__pwned=5;alert(5)</script>"]
    choose(browser, "place", "x' autofocus onfocus='window.__pwned=12")
    assert shown_titles(browser) == []
    clear(browser)
    search(browser, "</script>")
    assert len(shown_titles(browser)) == 2
    clear(browser)

    assert_no_alert(browser)
    assert browser.execute_script("return window.__pwned;") is None
    assert console_errors(browser) == []


# -- many events ----------------------------------------------------------------------------------


def test_three_thousand_events_load_and_filter_without_hanging(browser, tmp_path):
    """A page of 3,000 events loads in seconds, lists every one, and a search narrows it at once."""
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        from test_export_html import many_events
    finally:
        sys.path.pop(0)
    events, sources = many_events()
    page = tmp_path / "many.html"
    page.write_text(render("html", events, sources), encoding="utf-8")
    loaded = open_page(browser, page)
    assert loaded < 20
    assert console_errors(browser) == []
    expect_count(browser, "3,000 events")
    assert browser.execute_script("return document.querySelectorAll('li.ev').length;") == 3000

    began = time.perf_counter()
    search(browser, "shelling")
    expected = [e for e in events if mentions(e, sources, "shelling")]
    expect_count(browser, f"{len(expected):,} of 3,000 events shown (search: \u201cshelling\u201d)")
    assert len(shown_titles(browser)) == len(expected)
    choose(browser, "status", "candidate")
    both = [e for e in expected if e.status == "candidate"]
    expect_count(browser, f"{len(both)} of 3,000 events shown (status: candidate; search:", prefix=True)
    assert sorted(shown_titles(browser)) == sorted(e.title for e in both)
    clear(browser)
    expect_count(browser, "3,000 events")
    assert time.perf_counter() - began < 20
    assert console_errors(browser) == []
