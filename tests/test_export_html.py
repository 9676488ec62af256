"""Tests for timeline.export.html: one self-contained page, inert whatever the store holds, with a time
axis that shows its gaps, events of a day grouped, doubtful dates said so, and filters for the script.

No browser here (tests/test_browser.py opens the page in one): the page is read with the standard
library's HTML parser, which splits script and style content the way a browser does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import time
from dataclasses import replace
from datetime import date, timedelta
from html import escape
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.dates import Resolution
from timeline.export import Options, render
from timeline.export.common import date_words, safe_url
from timeline.model import Citation, Event, Source

D = date.fromisoformat

SOURCES = {
    s.id: s
    for s in (
        Source("enab-2021-11-27", "Enab Baladi", "Settlement in Deir Ezzor",
               "https://english.enabbaladi.net/archives/2021/11/settlement", D("2021-11-27")),
        Source("newarab-2024-12-09", "The New Arab", "HTS-led coalition announces amnesty",
               "https://www.newarab.com/news/hts-amnesty?a=1&b=2", D("2024-12-09")),
        Source("field-notes", "Field notes"),
        Source("ftp-mirror", "A mirror", url="ftp://mirror.example/report.txt"),
    )
}

EVENTS = (
    Event("settlement-centre-opens", Resolution.span(D("2021-11-22"), D("2021-11-26"), approximate=True),
          "Settlement centre opens & queues form", place="Deir ez-Zor", actors=("Syrian government",),
          tags=("settlement", "deir-ez-zor"),
          citations=(Citation("enab-2021-11-27", "On November 22", "The centre opened.\nHundreds queued."),)),
    Event("convoy-clash", Resolution.day(D("2022-04-19"), uncertain=True), "Villagers clash with a convoy",
          place="Musheirfa", tags=("us-forces",), citations=(Citation("ftp-mirror"),)),
    Event("settlement-month", Resolution.month(2021, 10, approximate=True, uncertain=True),
          "Settlement office opens", place="Deir ez-Zor", tags=("settlement",),
          citations=(Citation("field-notes", "", "six months now"),), notes="Rounded by the article."),
    Event("sdf-takes-deir-ez-zor", Resolution.day(D("2024-12-06")), "SDF takes control of Deir ez-Zor",
          place="Deir ez-Zor", actors=("SDF",), tags=("sdf", "deir-ez-zor"),
          citations=(Citation("newarab-2024-12-09", "last Friday", "The SDF took control"),)),
    Event("amnesty-announced", Resolution.day(D("2024-12-09")), "HTS-led coalition announces general amnesty",
          place="Damascus", actors=("HTS",), tags=("amnesty",), status="candidate",
          citations=(Citation("newarab-2024-12-09", "", "A general amnesty for conscripts"),)),
    Event("protest-shooting", Resolution.day(D("2024-12-09")), "SDF members fire on protesters",
          place="Deir ez-Zor", tags=("sdf",), citations=(Citation("newarab-2024-12-09"),)),
)


class Page(HTMLParser):
    """The page as a browser would split it: elements with their attributes, scripts, text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if attrs.get("id")}

    def data(self) -> dict:
        (text,) = [t for a, t in self.scripts if a.get("type") == "application/json"]
        return json.loads(text)

    def records(self) -> list[dict]:
        """The script's event records, with the indexes into its tables read back as values."""
        data = self.data()
        return [
            {"group": g, "section": m, "year": y, "bin": b, "place": data["places"][p] if p >= 0 else "",
             "tags": [data["tags"][t] for t in tags], "sources": [data["sources"][s] for s in sources],
             "status": data["statuses"][status]}
            for g, m, y, b, p, tags, sources, status in data["events"]
        ]

    def script(self) -> str:
        (text,) = [t for a, t in self.scripts if a.get("type") is None]
        return text


def page(events=EVENTS, sources=SOURCES, **options) -> str:
    return render("html", events, sources, Options(**options))


def event_html(text: str, event_id: str) -> str:
    """The markup of one event's list entry."""
    start = text.index(f'<li class="ev" id="e-{event_id}"')
    return text[start:text.index("</article></li>", start)]


def many_events(n: int = 3000, seed: int = 7) -> tuple[list[Event], dict[str, Source]]:
    """`n` events over two busy stretches with a gap between, of every kind of date, from 60 outlets."""
    rng = random.Random(seed)
    sources = {f"src-{i}": Source(f"src-{i}", f"Outlet {i}", f"Report {i}", f"https://news{i}.example/a/{i}")
               for i in range(60)}
    places = [f"Town {i}" for i in range(40)]
    tags = [f"topic-{i}" for i in range(25)]
    events = []
    for i in range(n):
        start = (D("2016-01-01") if i % 3 else D("2021-03-01")) + timedelta(days=rng.randrange(900))
        kind = rng.random()
        doubt = {"approximate": rng.random() < 0.1, "uncertain": rng.random() < 0.05}
        if kind < 0.8:
            when = Resolution.day(start, **doubt)
        elif kind < 0.9:
            when = Resolution.span(start, start + timedelta(days=rng.randrange(1, 12)), **doubt)
        elif kind < 0.97:
            when = Resolution.month(start.year, start.month, **doubt)
        else:
            when = Resolution.year(start.year, **doubt)
        place, what = rng.choice(places), rng.choice(("clashes", "shelling", "protests", "arrests", "talks"))
        events.append(Event(
            f"event-{i:04d}", when, f"Event {i}: officials report {what} near {place}", place=place,
            actors=(f"Group {rng.randrange(12)}",), tags=tuple(rng.sample(tags, 2)),
            status="candidate" if rng.random() < 0.2 else "accepted",
            citations=(Citation(rng.choice(list(sources)), "on Monday",
                                f"Residents said fighting broke out near {place} on Monday and went on "
                                "into the night, according to local sources."),),
        ))
    return events, sources


# -- one self-contained document ------------------------------------------------------------------


def test_page_is_one_document_with_its_style_and_script_inline():
    """The page is one HTML document: style and script inline, no stylesheet link, import, frame or image."""
    text = page()
    parsed = Page(text)
    assert text.startswith("<!DOCTYPE html>\n") and text.endswith("</html>\n")
    assert [len(parsed.tags(name)) for name in ("html", "head", "body", "style")] == [1, 1, 1, 1]
    for name in ("link", "base", "iframe", "frame", "object", "embed", "img", "image", "video", "audio",
                 "source", "use", "foreignobject", "meta-refresh"):
        assert not parsed.tags(name), name
    assert not [m for m in parsed.tags("meta") if (m.get("http-equiv") or "").lower() == "refresh"]
    assert len(parsed.scripts) == 2 and all("src" not in attrs for attrs, _ in parsed.scripts)
    assert "@import" not in text
    assert re.findall(r"url\(\s*['\"]?(?!data:)", text) == []
    assert "@font-face" not in text


def test_page_links_only_to_http_sources_and_its_own_anchors():
    """Every href is an http(s) source address or a #fragment naming an element of the page; nothing has src."""
    text = page()
    parsed = Page(text)
    ids = parsed.ids()
    addresses = {s.url for s in SOURCES.values() if s.url.startswith(("http://", "https://"))}
    hrefs = []
    for tag, attrs in parsed.elements:
        for name, value in attrs.items():
            assert name not in ("src", "srcset", "action", "formaction", "poster", "data", "cite", "background",
                                "xlink:href", "ping"), (tag, name, value)
            if name == "href":
                hrefs.append(value)
    assert hrefs
    for href in hrefs:
        assert href in addresses or (href.startswith("#") and href[1:] in ids), href
    assert addresses <= set(hrefs)
    assert not [h for h in hrefs if h.startswith("ftp:")]


def test_csp_allows_no_fetch_and_only_the_inline_script_by_its_hash():
    """The Content-Security-Policy denies every fetch by default and names the one inline script's hash."""
    parsed = Page(page())
    (meta,) = [m for m in parsed.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = {d.split()[0]: d.split()[1:] for d in meta["content"].split(";") if d.strip()}
    digest = base64.b64encode(hashlib.sha256(parsed.script().encode("utf-8")).digest()).decode()
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [f"'sha256-{digest}'"]
    assert policy["style-src"] == ["'unsafe-inline'"]
    assert policy["img-src"] == ["data:"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    first_meta = parsed.elements.index(("meta", meta))
    assert all(tag != "script" and tag != "style" for tag, _ in parsed.elements[:first_meta])


def test_the_script_builds_no_markup():
    """The script sets text, attributes and `hidden`; it never writes HTML or evaluates strings."""
    script = Page(page()).script()
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                  "setTimeout(\"", "fetch(", "XMLHttpRequest", "import("):
        assert risky not in script


def test_every_event_title_appears_escaped_with_its_place_actors_tags_and_quotes():
    """Each event's title, place, actors, tags and quotes are in its entry, escaped."""
    text = page()
    for event in EVENTS:
        entry = event_html(text, event.id)
        assert f"{escape(event.title)}</h5>" in entry
        assert escape(event.place) in entry
        assert all(escape(a) in entry for a in event.actors)
        assert all(f"<li>{escape(t)}</li>" in entry for t in event.tags)
        assert all(escape(c.quote) in entry for c in event.citations if c.quote)
    assert "Settlement centre opens &amp; queues form" in text


def test_sources_are_linked_by_outlet_only_when_http():
    """The outlet links to an http(s) address (escaped); a source without one, or with another scheme, is text."""
    text = page()
    assert ('<a href="https://www.newarab.com/news/hts-amnesty?a=1&amp;b=2" '
            'title="HTS-led coalition announces amnesty">The New Arab</a>') in text
    assert "Source: A mirror</p>" in event_html(text, "convoy-clash")
    assert "Source: Field notes</p>" in event_html(text, "settlement-month")
    assert "ftp://" not in text


def test_an_unknown_source_is_named_by_its_id():
    """A citation of a source the store does not list shows the id as text."""
    lonely = replace(EVENTS[3], citations=(Citation("gone-source", "", "words"),))
    assert "Source: gone-source</p>" in page([lonely])


def test_candidates_are_marked_as_such():
    """A candidate's title carries a visible "candidate" mark; an accepted event says "accepted"."""
    text = page()
    assert '<h5><span class="st st-candidate">candidate</span> HTS-led' in event_html(text, "amnesty-announced")
    assert "Deir ez-Zor</span> · accepted</p>" in event_html(text, "sdf-takes-deir-ez-zor")


# -- hostile content ------------------------------------------------------------------------------

HOSTILE_SOURCES = {
    "evil": Source("evil", "<img src=x onerror=alert(1)>", '"><script>alert(2)</script>', "javascript:alert(1)"),
    "evil-data": Source("evil-data", "Data outlet", url="data:text/html,<script>alert(3)</script>"),
    "evil-space": Source("evil-space", "Spaced", url=" JavaScript:alert(4)"),
}
HOSTILE = (
    Event("script-title", Resolution.day(D("2024-01-02")), "<script>alert(1)</script>",
          place="</script><script>alert(5)</script>", tags=("</script>", "a\u2028b"),
          citations=(Citation("evil", "<b>said</b>", "<img src=x onerror=alert(1)>"),)),
    Event("img-title", Resolution.day(D("2024-01-02")), "<img src=x onerror=alert(1)>",
          place='" onmouseover="alert(6)', actors=("<svg onload=alert(7)>",),
          citations=(Citation("evil-data"), Citation("evil-space")), notes="<iframe src=javascript:alert(8)>"),
    Event("separator-title", Resolution.day(D("2024-01-03")), "ends </script> here\u2028and\u2029there",
          place="x' onfocus='alert(9)", tags=("<!--",), citations=(Citation("evil"),)),
)


def test_hostile_store_content_stays_inert():
    """Markup, event handlers, script ends, line separators and javascript: or data: addresses in the store
    come out as text: no element, attribute or link is made of them."""
    text = page(HOSTILE, HOSTILE_SOURCES, title="<script>alert(10)</script>")
    parsed = Page(text)
    for raw in ("<script>alert(", "<img src=x", "<svg onload", "<iframe", "<b>said</b>", "<!--", "\u2028", "\u2029"):
        assert raw not in text, raw
    markup = text[:text.index('<script type="application/json"')]  # the JSON block is no markup
    assert '" onmouseover="' not in markup and "' onfocus='" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert text.count("</script>") == 2
    assert len(parsed.scripts) == 2
    assert not parsed.tags("img") and not parsed.tags("iframe") and not parsed.tags("b")
    for tag, attrs in parsed.elements:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), (tag, href)
    assert "javascript:alert(1)" not in "".join(str(a.get("href")) for a in parsed.tags("a"))
    titles = [t for t in parsed.text if "alert(1)" in t or "ends </script>" in t]
    assert "<script>alert(1)</script>" in titles and "ends </script> here\u2028and\u2029there" in titles
    assert "<script>alert(10)</script>" in parsed.text


def test_script_data_survives_script_ends_and_line_separators():
    """The JSON block escapes <, >, & and U+2028/2029, and still reads back as the store's values."""
    text = page(HOSTILE, HOSTILE_SOURCES)
    block = text[text.index('<script type="application/json"'):]
    block = block[block.index(">") + 1:block.index("</script>")]
    assert not set("<>&\u2028\u2029") & set(block)
    records = {r["place"]: r for r in Page(text).records()}
    assert set(records) == {e.place for e in HOSTILE}
    assert records["</script><script>alert(5)</script>"]["tags"] == ["</script>", "a\u2028b"]
    assert records["x' onfocus='alert(9)"]["tags"] == ["<!--"]
    assert records["x' onfocus='alert(9)"]["sources"] == ["evil"]


text_strategy = st.text(min_size=1, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_strategy, place=text_strategy, tag=text_strategy, quote=text_strategy, outlet=text_strategy,
       url=text_strategy)
def test_store_text_never_changes_the_page_structure(title, place, tag, quote, outlet, url):
    """Whatever text the store holds, the page has the same elements and attributes as with plain text,
    and the script's data reads back to the same values."""
    def one(title, place, tag, quote, outlet, url):
        sources = {"s": Source("s", outlet, url=url)}
        event = Event("e", Resolution.day(D("2024-12-06")), title, place=place, tags=(tag,),
                      citations=(Citation("s", "", quote),))
        return Page(page([event], sources))

    hostile = one(title, place, tag, quote, outlet, url)
    expected = one("t", "p", "g", "q", "o", "https://example.org/" if safe_url(url) else "")
    assert [tag for tag, _ in hostile.elements] == [tag for tag, _ in expected.elements]
    assert [sorted(a) for _, a in hostile.elements] == [sorted(a) for _, a in expected.elements]
    (record,) = hostile.records()
    assert (record["place"], record["tags"]) == (place, [tag])
    assert title in "".join(hostile.text)


# -- dates, groups and the axis -------------------------------------------------------------------


def test_doubtful_dates_are_marked_and_said_in_words():
    """Approximate and uncertain dates show their ~ and ? and a word, and say the date in words for a
    screen reader; a plain date has neither."""
    text = page()
    cases = {"settlement-centre-opens": "approximate", "convoy-clash": "uncertain",
             "settlement-month": "approximate, uncertain"}
    for event_id, words in cases.items():
        event = next(e for e in EVENTS if e.id == event_id)
        entry = event_html(text, event_id)
        assert date_words(event.when).endswith(words)
        assert f'<span class="sr">{date_words(event.when)}</span>' in entry
        assert all(f'<span class="doubt">{w}</span>' in entry for w in words.split(", "))
    assert ('<time datetime="2021-11-22">2021-11-22</time>..<time datetime="2021-11-26">26</time>~'
            in event_html(text, "settlement-centre-opens"))
    assert '<time datetime="2021-10">2021-10</time>~?' in event_html(text, "settlement-month")
    plain = event_html(text, "sdf-takes-deir-ez-zor")
    assert 'class="sr"' not in plain and "doubt" not in plain
    assert '<time datetime="2024-12-06">2024-12-06</time>' in plain


def test_events_on_the_same_day_are_one_group():
    """Two events of the same day are listed together under one date, which counts them."""
    text = page()
    start = text.index('<li class="day" id="d-2024-12-09">')
    group = text[start:text.index("</ol></li>", start)]
    assert '<time datetime="2024-12-09">2024-12-09</time> <span class="n">2 events</span>' in group
    assert group.count('<li class="ev"') == 2
    assert 'id="e-amnesty-announced"' in group and 'id="e-protest-shooting"' in group
    assert text.count('<li class="day"') == len(EVENTS) - 1
    assert text.count('class="mk') == len(EVENTS) - 1


def test_days_are_points_spans_are_bars_and_doubt_shows_on_the_axis():
    """On the axis a day is a circle, a span a bar; approximate marks are dashed (ap), uncertain ones hollow
    with a ? (un); the same-day group shows its count."""
    text = page()
    found = re.findall(r'<a class="(mk[^"]*)" href="#(d-[^"]+)">(.*?)</a>', text)
    marks = {anchor: (css, body) for css, anchor, body in found}
    css, body = marks["d-2021-11-22-2021-11-26"]
    assert css == "mk ap" and "<rect" in body and "<circle" not in body
    css, body = marks["d-2022-04-19"]
    assert css == "mk un" and "<circle" in body and '>?</text>' in body
    css, body = marks["d-2024-12-09"]
    assert css == "mk" and '<text class="c"' in body and ">2</text>" in body
    assert "2024-12-09: 2 events. [candidate] HTS-led" in body


def test_a_long_gap_is_cut_out_and_named():
    """Years without events become a labelled break on the axis and a note in the list; the stretches on
    either side keep a readable share of the width."""
    text = page()
    assert text.count('<g class="brk">') == 2  # also the winter of 2021-2022, a tenth of the whole
    assert "No events for 2 years and 7 months: 2022-04-20 to 2024-12-05" in text
    assert text.count('<p class="gap" role="note">') == 2
    long_gap = text.index('<p class="gap" role="note"><span aria-hidden="true">⋯ </span>No events for 2 years')
    assert text.index('id="y-2022"') < long_gap < text.index('id="y-2024"')
    mark = r'<a class="mk[^"]*" href="#d-2024[^"]*"><title>[^<]*</title><circle cx="([0-9.]+)"'
    xs = [float(x) for x in re.findall(mark, text)]
    assert xs and min(xs) > 600 and max(xs) - min(xs) > 40


def test_a_short_gap_is_drawn_to_scale():
    """A few weeks without events inside a busy stretch are not cut out."""
    events = [Event(f"e{i}", Resolution.day(D("2024-01-01") + timedelta(days=d)), f"Event {i}")
              for i, d in enumerate((0, 3, 40, 45, 90))]
    text = page(events)
    assert '<g class="brk">' not in text and 'class="gap"' not in text


def test_a_gap_inside_a_year_is_noted_between_its_months():
    """A gap that starts and ends within one year is noted between the months around it."""
    events = [Event("a", Resolution.day(D("2023-01-05")), "Early"),
              Event("b", Resolution.day(D("2023-01-09")), "Early too"),
              Event("c", Resolution.day(D("2023-11-20")), "Late")]
    text = page(events)
    assert text.index('id="m-2023-01"') < text.index('class="gap"') < text.index('id="m-2023-11"')
    assert "No events for 10 months" in text


def test_dates_wider_than_a_month_are_listed_under_their_year():
    """A year or a span of months is listed under its year, before the months, not under January."""
    events = [Event("year", Resolution.year(2023), "Sometime in 2023"),
              Event("jan", Resolution.day(D("2023-01-10")), "In January")]
    text = page(events)
    assert text.index("Dates longer than a month, from 2023") < text.index('id="m-2023-01"')
    assert text.index('id="e-year"') < text.index('id="m-2023-01"')
    assert '<time datetime="2023">2023</time>' in event_html(text, "year")


def test_months_and_years_head_the_list():
    """The list is grouped by year, then month, with anchors the overview links to."""
    text = page()
    for anchor in ("y-2021", "m-2021-10", "m-2021-11", "y-2022", "m-2022-04", "y-2024", "m-2024-12"):
        assert f'id="{anchor}"' in text
    assert '<time datetime="2021-11">November 2021</time>' in text
    assert '<a href="#y-2024">2024</a> <span class="yc">3</span>' in text


def test_a_single_event_is_one_point_on_one_stretch():
    """One event of one day: one group, one point, no break."""
    text = page([EVENTS[3]])
    assert text.count('<li class="day"') == 1 and text.count("<circle") == 1 + 1  # the legend's point
    assert '<g class="brk">' not in text


whens = st.builds(
    lambda start, days, kind, approximate, uncertain: (
        Resolution.day(start, approximate=approximate, uncertain=uncertain) if kind == "day"
        else Resolution.month(start.year, start.month, approximate=approximate) if kind == "month"
        else Resolution.year(start.year, uncertain=uncertain) if kind == "year"
        else Resolution.span(start, start + timedelta(days=days))
    ),
    st.dates(D("0002-01-01"), D("9998-01-01")), st.integers(1, 800),
    st.sampled_from(["day", "month", "year", "span"]), st.booleans(), st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(whens, min_size=1, max_size=40))
def test_any_dates_give_one_entry_each_and_marks_inside_the_axis(dates):
    """Whatever the dates, each event is listed once, each date group has one mark (or none are drawn),
    every density bin is counted, and every coordinate lies inside the drawing."""
    events = [Event(f"e{i}", when, f"Event {i}") for i, when in enumerate(dates)]
    text = page(events)
    parsed = Page(text)
    assert text.count('<li class="ev"') == len(events)
    groups = text.count('<li class="day"')
    assert groups == len({(w.earliest, w.latest) for w in dates})
    assert text.count('<a class="mk') in (0, groups)
    records = parsed.records()
    assert sum(1 for r in records if r["bin"] >= 0) == len(events)
    for tag, attrs in parsed.elements:
        if tag in ("rect", "circle", "text") and ("x" in attrs or "cx" in attrs):
            x = float(attrs.get("x") or attrs.get("cx"))
            assert -1 <= x <= 1001, (tag, attrs)


# -- filters and the script's data ----------------------------------------------------------------


def test_filters_offer_each_place_tag_source_and_status_with_counts_and_labels():
    """Each filter control has a label; the options are the values present, with how many events have each."""
    parsed = Page(page())
    labels = {attrs["for"] for attrs in parsed.tags("label")}
    controls = {attrs["id"] for attrs in parsed.tags("select") + parsed.tags("input")}
    assert controls == {"f-place", "f-tag", "f-source", "f-status", "f-q"} and controls <= labels
    text = page()
    assert '<option value="Deir ez-Zor">Deir ez-Zor (4)</option>' in text
    assert '<option value="sdf">sdf (2)</option>' in text
    assert '<option value="newarab-2024-12-09">The New Arab (newarab-2024-12-09) (3)</option>' in text
    assert '<option value="candidate">candidate (1)</option>' in text
    assert '<p id="count" role="status" aria-live="polite">6 events</p>' in text


def test_script_data_follows_the_page_order():
    """The script's records are the list's events in page order, each pointing at its group, month, year."""
    events, sources = many_events(200, seed=3)
    text = page(events, sources)
    records = Page(text).records()
    ids = re.findall(r'<li class="ev" id="e-([^"]+)"', text)
    by_id = {e.id: e for e in events}
    assert len(records) == len(ids) == len(events)
    for record, event_id in zip(records, ids):
        event = by_id[event_id]
        assert (record["place"], record["tags"], record["status"]) == (event.place, list(event.tags), event.status)
        assert record["sources"] == [c.source for c in event.citations]
    groups = [r["group"] for r in records]
    assert groups == sorted(groups) and groups[-1] + 1 == text.count('<li class="day"')
    assert [r["section"] for r in records] == sorted(r["section"] for r in records)
    assert max(r["bin"] for r in records) + 1 == text.count('class="bon"')


def test_output_is_deterministic_whatever_the_order_given():
    """The same events give the same bytes, in any order given."""
    shuffled = list(EVENTS)
    random.Random(1).shuffle(shuffled)
    assert page() == page() == page(shuffled)


def test_the_title_option_names_the_page():
    """Options.title is the document's title and its heading, escaped."""
    text = page(title="Deir ez-Zor & after")
    assert "<title>Deir ez-Zor &amp; after</title>" in text and "<h1>Deir ez-Zor &amp; after</h1>" in text


def test_no_events_gives_a_page_saying_so():
    """With nothing to show, the page still is one document, saying there are no events."""
    text = page([])
    assert "<p>No events.</p>" in text and text.endswith("</html>\n") and Page(text).records() == []


def test_print_style_hides_the_filters_and_prints_black_on_white():
    """The print stylesheet hides the filters and navigation and sets black text on white."""
    text = page()
    printed = text[text.index("@media print{"):]
    assert "#filters,nav{display:none!important}" in printed
    assert "background:#fff;color:#000" in printed


# -- many events ----------------------------------------------------------------------------------


def test_three_thousand_events_render_quickly_and_stay_small():
    """3,000 events render in a few seconds into a page under 3 MB, each listed, the overview a density strip."""
    events, sources = many_events()
    began = time.perf_counter()
    text = page(events, sources)
    elapsed = time.perf_counter() - began
    assert elapsed < 5
    assert len(text.encode("utf-8")) < 3_000_000
    assert text.count('<li class="ev"') == 3000
    assert 'class="mk' not in text  # too many to draw one by one
    assert "too many to draw one by one" in text
    assert 3 < text.count('class="bon"') < 400
    assert text.count('<g class="brk">') == 1
    assert len(Page(text).records()) == 3000
