"""Tests for timeline.curate: adding, reviewing, merging and editing events, and the date audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from timeline.curate import (DateRequest, Edit, add_event, add_place, add_source, audit, date_for,
                             edit, event_or_fail, fill_place, fix, merge, rename, set_status, unplaced_mentions)
from timeline.dates import Resolution
from timeline.errors import InputError, NotFound
from timeline.model import Citation, Dataset, Event, Place, Source

D = date.fromisoformat
SOURCE = Source("newarab-2024-12-09", "The New Arab", published=D("2024-12-09"))


def day(text: str) -> Resolution:
    return Resolution.day(D(text))


def sample() -> Dataset:
    return Dataset(
        sources=(SOURCE,),
        events=(
            Event("assad-flees", day("2024-12-08"), "Assad flees", place="Damascus", tags=("collapse",)),
            Event("amnesty", day("2024-12-09"), "Amnesty", after="assad-flees", origin="parsed",
                  citations=(Citation(SOURCE.id, "a day after", "issued a day after the toppling"),)),
            Event("sdf-deir", day("2024-12-06"), "SDF takes Deir ez-Zor", origin="parsed", actors=("SDF",),
                  citations=(Citation(SOURCE.id, "last Friday", "The SDF took control last Friday"),)),
        ),
    )


@pytest.mark.parametrize(
    "request_, edtf, said",
    [
        (DateRequest("2024-12-05"), "2024-12-05", ""),
        (DateRequest("2024-11-29/2024-11-30"), "2024-11-29/2024-11-30", ""),
        (DateRequest("last Friday", anchor=D("2024-12-09")), "2024-12-06", "last Friday"),
        (DateRequest("on Monday", source=SOURCE.id), "2024-12-09", "on Monday"),
        (DateRequest("a day after", after="assad-flees"), "2024-12-09", "a day after"),
    ],
)
def test_date_for(request_, edtf, said):
    """EDTF is taken as written; an expression is resolved on --anchor, the source's date or the --after event."""
    when, kept = date_for(sample(), request_)
    assert (when.edtf, kept) == (edtf, said)


def test_date_for_relative_without_anchor():
    """A relative expression with nothing to anchor it is an InputError that says what to give."""
    with pytest.raises(InputError, match="--anchor"):
        date_for(sample(), DateRequest("last Friday"))


def test_add_event_checks_references():
    """add_event makes a free id from the title and refuses unknown sources, unknown events and taken ids."""
    data = add_event(sample(), Event("", day("2024-12-10"), "Assad flees"))
    assert data.events[-1].id == "assad-flees-2"
    with pytest.raises(NotFound):
        add_event(sample(), Event("x", day("2024-12-10"), "X", citations=(Citation("nope"),)))
    with pytest.raises(NotFound):
        add_event(sample(), Event("x", day("2024-12-10"), "X", after="nope"))
    with pytest.raises(InputError):
        add_event(sample(), Event("amnesty", day("2024-12-10"), "X"))
    with pytest.raises(InputError):
        add_event(sample(), Event("Bad Id", day("2024-12-10"), "X"))


def test_set_status_all_or_nothing():
    """set_status changes every named event, and nothing at all when one id is unknown."""
    data = set_status(sample(), ["amnesty", "sdf-deir"], "rejected")
    assert [e.status for e in data.events] == ["accepted", "rejected", "rejected"]
    with pytest.raises(NotFound, match="nope"):
        set_status(sample(), ["amnesty", "nope"], "rejected")
    with pytest.raises(InputError):
        set_status(sample(), ["amnesty"], "maybe")


def test_merge_joins_and_repoints():
    """merge joins citations, actors and tags into the kept event, removes the other and repoints `after`
    to the kept event."""
    data = add_event(sample(), Event("damascus-falls", day("2024-12-08"), "Damascus falls", actors=("HTS",)))
    data = merge(data, "damascus-falls", "assad-flees")
    kept = data.event("damascus-falls")
    assert data.event("assad-flees") is None
    assert kept.tags == ("collapse",) and kept.actors == ("HTS",) and kept.place == "Damascus"
    assert data.event("amnesty").after == "damascus-falls"
    assert audit(data) == []
    with pytest.raises(InputError):
        merge(sample(), "amnesty", "amnesty")


def test_merge_refuses_to_leave_another_event_undatable():
    """An event dated "a day after" the other would count from the kept event's different day and no
    longer agree with its citation: the merge is refused, naming it, and nothing changes."""
    with pytest.raises(InputError, match=r"would leave 'amnesty' undatable: 'a day after' .* resolves to "
                                         r"2024-12-07, the event says 2024-12-09"):
        merge(sample(), "sdf-deir", "assad-flees")


def test_merge_refuses_a_circle_of_after_links():
    """Merging an event into the one dated from it would date the kept event after itself through others."""
    data = add_event(sample(), Event("aftermath", day("2024-12-10"), "Aftermath", after="amnesty"))
    with pytest.raises(InputError, match=r"in a circle \((aftermath -> amnesty -> aftermath|amnesty -> aftermath -> amnesty)\)"):
        merge(data, "aftermath", "assad-flees")


def test_edit_refuses_an_after_cycle():
    """`edit A --after B` where B is (through others) dated after A is refused with the circle named."""
    with pytest.raises(InputError, match=r"'assad-flees' cannot be dated after 'amnesty', which is dated from "
                                         r"it: assad-flees -> amnesty -> assad-flees"):
        edit(sample(), "assad-flees", Edit(after="amnesty"))


def test_merge_keeps_the_link_its_citations_need():
    """Merging an event dated "a day after" another into one without a link keeps the link, so check still resolves."""
    data = merge(sample(), "sdf-deir", "amnesty")
    assert data.event("sdf-deir").after == "assad-flees"
    assert merge(sample(), "assad-flees", "amnesty").event("assad-flees").after is None


def test_edit_fields_and_after():
    """edit changes only the fields given; a new `after` re-dates the event from its citation."""
    data = add_event(sample(), Event("ceasefire", day("2024-12-01"), "Ceasefire"))
    data = edit(data, "amnesty", Edit(title="Amnesty declared", after="ceasefire", tags=("amnesty",)))
    event = data.event("amnesty")
    assert (event.title, event.after, event.when.edtf, event.tags) == ("Amnesty declared", "ceasefire", "2024-12-02", ("amnesty",))
    assert edit(data, "amnesty", Edit(after="")).event("amnesty").after is None
    with pytest.raises(InputError):
        edit(data, "amnesty", Edit(after="amnesty"))
    with pytest.raises(InputError):
        edit(data, "amnesty", Edit(when="not a date"))


def test_audit_is_clean_when_dates_agree():
    """audit reports nothing when every said resolves to (or holds, or lies inside) its event's date."""
    data = sample()
    vaguer = replace(data.event("sdf-deir"), when=Resolution.month(2024, 12))
    assert audit(data) == []
    assert audit(replace(data, events=(*data.events[:2], vaguer))) == []


def test_audit_and_fix_follow_a_moved_event():
    """When the event another is dated after moves, audit reports the stale date as an error and fix re-dates it."""
    data = edit(sample(), "assad-flees", Edit(when="2024-12-07"))
    findings = audit(data)
    assert [(f.event, f.severity) for f in findings] == [("amnesty", "error")]
    assert fix(data).event("amnesty").when.edtf == "2024-12-08"
    assert audit(fix(data)) == []


def test_fix_leaves_disagreeing_sources_to_a_person():
    """fix does not re-date an event that one citation still supports while another no longer does."""
    data = sample()
    amnesty = data.event("amnesty")
    both = replace(amnesty, citations=(*amnesty.citations, Citation(SOURCE.id, "Monday", "on Monday")))
    data = edit(replace(data, events=(data.events[0], both, data.events[2])), "assad-flees", Edit(when="2024-12-07"))
    assert [f.event for f in audit(data)] == ["amnesty"]
    assert fix(data).event("amnesty").when.edtf == "2024-12-09"


def test_audit_warns_for_hand_set_dates():
    """A curated event whose hand-set date disagrees with its citation is a warning, not an error."""
    event = Event("curated", day("2024-12-01"), "Curated", citations=(Citation(SOURCE.id, "last Friday"),))
    findings = audit(replace(sample(), events=(event,)))
    assert [(f.event, f.severity) for f in findings] == [("curated", "warning")]


def test_add_source_and_place():
    """add_source refuses a taken id; add_place adds a place or new spellings to an existing one."""
    data = add_source(Dataset(), Source("sana-1", "SANA"))
    with pytest.raises(InputError):
        add_source(data, Source("sana-1", "SANA"))
    data = add_place(add_place(data, "Raqqa", ["Raqa"]), "Raqqa", ["Raqqah", "Raqa"])
    assert data.places == (Place("Raqqa", ("Raqa", "Raqqah")),)


def test_an_id_is_found_by_its_unique_start():
    """A unique start of an id names the event; an ambiguous start or none is an error naming it."""
    assert event_or_fail(sample(), "sdf").id == "sdf-deir"
    with pytest.raises(InputError, match="start of 2 event ids"):
        event_or_fail(sample(), "a")
    with pytest.raises(NotFound, match="'zz'"):
        event_or_fail(sample(), "zz")


def test_edit_and_merge_take_an_ids_unique_start():
    """edit and merge resolve a unique start to the whole id before changing anything."""
    edited = edit(sample(), "sdf", Edit(title="SDF enters Deir ez-Zor"))
    assert edited.event("sdf-deir").title == "SDF enters Deir ez-Zor"
    merged = merge(sample(), "assad", "sdf")
    assert merged.event("sdf-deir") is None and len(merged.event("assad-flees").citations) == 1


def test_rename_moves_the_id_and_the_events_dated_after_it():
    """rename changes one id, keeps the event's place in the file, and re-points `after` links to it."""
    renamed = rename(sample(), "assad-flees", "2024-12-08-assad-flees")
    assert [e.id for e in renamed.events] == ["2024-12-08-assad-flees", "amnesty", "sdf-deir"]
    assert renamed.event("amnesty").after == "2024-12-08-assad-flees"
    with pytest.raises(InputError, match="already exists"):
        rename(sample(), "amnesty", "sdf-deir")
    with pytest.raises(InputError, match="bad event id"):
        rename(sample(), "amnesty", "Not An Id")


def test_edit_place_by_an_alias_stores_the_canonical_name():
    """edit --place with a spelling the gazetteer lists stores the place's own name; another is kept."""
    dataset = replace(sample(), places=(Place("Deir ez-Zor", ("Deir az-Zour",)),))
    assert edit(dataset, "sdf-deir", Edit(place="deir az-zour")).event("sdf-deir").place == "Deir ez-Zor"
    assert edit(dataset, "sdf-deir", Edit(place="Hasakah")).event("sdf-deir").place == "Hasakah"


def test_a_new_place_fills_the_candidates_that_name_it():
    """Candidates with no place whose quotes name a place are found, and filled; others stay as they are."""
    dataset = replace(sample(), places=(Place("Deir ez-Zor", ("Deir az-Zour",)),), events=(
        *sample().events,
        Event("protest", day("2024-12-09"), "Protest", status="candidate",
              citations=(Citation(SOURCE.id, "today", "Protests in Deir az-Zour today"),)),
        Event("elsewhere", day("2024-12-09"), "Rally", status="candidate",
              citations=(Citation(SOURCE.id, "today", "A rally in Homs today"),)),
    ))
    assert unplaced_mentions(dataset, "Deir ez-Zor") == ["protest"]
    filled = fill_place(dataset, "Deir ez-Zor")
    assert (filled.event("protest").place, filled.event("elsewhere").place) == ("Deir ez-Zor", "")
