"""The changes a person makes to a timeline: add, review, merge, edit, and the date audit of `check`.

Each function takes a Dataset and returns a new one (or findings); nothing here touches the disk, so the
command line can run any of them inside one locked read-modify-write of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from .dates import Resolution, parse_edtf
from .errors import InputError, NotFound, UnresolvedDate
from .model import ID_PATTERN, STATUSES, Citation, Dataset, Event, Place, Source, after_cycle


def event_or_fail(dataset: Dataset, event_id: str) -> Event:
    """The event with this id, or the one event whose id starts with it (ids are long to type)."""
    event = dataset.event(event_id)
    if event is not None:
        return event
    matches = [e for e in dataset.events if e.id.startswith(event_id)] if event_id else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(e.id for e in matches[:5]) + (", ..." if len(matches) > 5 else "")
        raise InputError(f"'{event_id}' is the start of {len(matches)} event ids ({shown}); give more of it")
    raise NotFound(f"no event with id '{event_id}'")


def source_or_fail(dataset: Dataset, source_id: str) -> Source:
    source = dataset.source(source_id)
    if source is None:
        ids = [s.id for s in dataset.sources]
        known = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more; `timeline sources` lists them" if len(ids) > 5 else "")
        raise NotFound(f"no source with id '{source_id}' (known: {known or 'none yet'})")
    return source


@dataclass(frozen=True)
class DateRequest:
    """A date as a user gives it to `add`: EDTF, or an expression with what anchors it."""

    expression: str
    anchor: date | None = None
    source: str | None = None
    after: str | None = None
    context: str | None = None


def date_for(dataset: Dataset, request: DateRequest) -> tuple[Resolution, str]:
    """The event date and the `said` text to store: EDTF is taken as written (said stays empty),
    anything else goes through the resolver anchored on --anchor, the source's publication date, or
    the date of the --after event."""
    reference = event_or_fail(dataset, request.after).when if request.after else None
    anchor = request.anchor
    if anchor is None and request.source:
        anchor = source_or_fail(dataset, request.source).published
    if anchor is None and reference is not None:
        anchor = reference.earliest
    needs_resolver = reference is not None
    if not needs_resolver:
        try:
            return parse_edtf(request.expression), ""
        except ValueError:
            needs_resolver = True
    if anchor is None:
        raise InputError(
            f"'{request.expression}' is not an EDTF date; give --anchor, --source (with a published "
            "date) or --after so it can be resolved"
        )
    from .resolve import resolve

    return resolve(request.expression, anchor, request.context, after=reference), request.expression.strip()


def _require_new_id(kind: str, ident: str, taken: bool) -> None:
    if not ID_PATTERN.fullmatch(ident):
        raise InputError(f"bad {kind} id '{ident}': use lower-case letters, digits and single hyphens")
    if taken:
        raise InputError(f"a {kind} with id '{ident}' already exists")


def add_event(dataset: Dataset, event: Event) -> Dataset:
    """`event` added; its id made unique from the title when empty, its references checked."""
    if not event.id:
        event = replace(event, id=dataset.new_id(event.title))
    _require_new_id("event", event.id, dataset.event(event.id) is not None)
    if not event.title.strip():
        raise InputError("an event needs a title")
    for citation in event.citations:
        source_or_fail(dataset, citation.source)
    if event.after:
        event = replace(event, after=event_or_fail(dataset, event.after).id)
    return replace(dataset, events=(*dataset.events, event))


def add_source(dataset: Dataset, source: Source) -> Dataset:
    """`source` added to the store's sources; its id must be new and well-formed."""
    _require_new_id("source", source.id, dataset.source(source.id) is not None)
    if not source.outlet.strip():
        raise InputError("a source needs an outlet")
    return replace(dataset, sources=(*dataset.sources, source))


def add_place(dataset: Dataset, name: str, aliases: Iterable[str] = ()) -> Dataset:
    """The gazetteer with `name` and its other spellings; an existing place gains the new aliases."""
    name = name.strip()
    if not name:
        raise InputError("a place needs a name")
    existing = next((p for p in dataset.places if p.name == name), None)
    merged = Place(name, _union(existing.aliases if existing else (), tuple(a.strip() for a in aliases if a.strip())))
    places = tuple(merged if p.name == name else p for p in dataset.places)
    return replace(dataset, places=places if existing else (*places, merged))


def unplaced_mentions(dataset: Dataset, name: str) -> list[str]:
    """The candidates without a place whose reports name the place `name` (by any of its spellings)."""
    from .gazetteer import Gazetteer

    places = tuple(p for p in dataset.places if p.name == name)
    found = Gazetteer.of(places, default=False)
    return [e.id for e in dataset.events if e.status == "candidate" and not e.place
            and any(found.place(c.quote) == name for c in e.citations)]


def fill_place(dataset: Dataset, name: str) -> Dataset:
    """The candidates without a place whose reports name `name` given that place."""
    ids = unplaced_mentions(dataset, name)
    return _replace_events(dataset, {i: replace(event_or_fail(dataset, i), place=name) for i in ids})


def _replace_events(dataset: Dataset, changed: Mapping[str, Event | None]) -> Dataset:
    """Events swapped in place by id (None removes), keeping the file order people see in diffs."""
    events = tuple(changed.get(e.id, e) for e in dataset.events)
    return replace(dataset, events=tuple(e for e in events if e is not None))


def set_status(dataset: Dataset, ids: Iterable[str], status: str) -> Dataset:
    """The events named set to `status` (accepted, candidate or rejected); all ids must exist."""
    if status not in STATUSES:
        raise InputError(f"unknown status '{status}' (use {', '.join(STATUSES)})")
    events = [event_or_fail(dataset, i) for i in ids]
    return _replace_events(dataset, {e.id: replace(e, status=status) for e in events})


def merge(dataset: Dataset, keep: str, other: str) -> Dataset:
    """`other` folded into `keep`: citations, actors and tags joined, `other` removed, and events dated
    after `other` now dated after `keep`."""
    kept, gone = event_or_fail(dataset, keep), event_or_fail(dataset, other)
    keep, other = kept.id, gone.id
    if keep == other:
        raise InputError("merge needs two different events")
    merged = replace(
        kept,
        citations=_union(kept.citations, gone.citations),
        actors=_union(kept.actors, gone.actors),
        tags=_union(kept.tags, gone.tags),
        place=kept.place or gone.place,
        # The other's link is kept when this one has none: its citations may be dated from it.
        after=next((a for a in (kept.after, gone.after) if a and a not in (keep, other)), None),
        notes="\n".join(n for n in (kept.notes, gone.notes) if n),
    )
    changed: dict[str, Event | None] = {keep: merged, other: None}
    for event in dataset.events:
        if event.after == other and event.id != keep:
            changed[event.id] = replace(event, after=keep)
    result = _replace_events(dataset, changed)
    cycle = after_cycle({e.id: e.after for e in result.events})
    if cycle:
        raise InputError(f"merging '{other}' into '{keep}' would date events from each other in a circle "
                         f"({' -> '.join(cycle)}); `timeline edit ID --after ''` one of them first")
    _refuse_new_disagreements(dataset, result, [i for i in changed if i not in (keep, other)], keep, other)
    return result


def _refuse_new_disagreements(before: Dataset, after: Dataset, ids: list[str], keep: str, other: str) -> None:
    """A merge may not leave an event the user did not name undatable: one dated after the other event
    whose citations agreed with its date, and no longer do counted from the kept event (whose date may
    differ). The merged event's own disagreements are the user's to settle; `check` shows them."""
    for event_id in ids:
        old, new = before.event(event_id), after.event(event_id)
        had = {f.message for f in _disagreements(before, old)}
        fresh = [f for f in _disagreements(after, new) if f.severity == "error" and f.message not in had]
        if fresh:
            raise InputError(f"merging '{other}' into '{keep}' would leave '{event_id}' undatable: "
                             f"{fresh[0].message}; merge the other way, or re-date '{event_id}' first "
                             f"(`timeline edit {event_id} --after ...`)")


def rename(dataset: Dataset, old: str, new: str) -> Dataset:
    """The event `old` (an id or its unique start) given the id `new`; events dated after it follow."""
    event = event_or_fail(dataset, old)
    _require_new_id("event", new, dataset.event(new) is not None)
    changed: dict[str, Event | None] = {event.id: replace(event, id=new)}
    for other in dataset.events:
        if other.after == event.id:
            changed[other.id] = replace(other, after=new)
    return _replace_events(dataset, changed)


def _union(first: tuple, second: tuple) -> tuple:
    return tuple(dict.fromkeys((*first, *second)))


@dataclass(frozen=True)
class Edit:
    """The common fixes after ingest; None leaves a field as it is."""

    title: str | None = None
    place: str | None = None
    when: str | None = None
    after: str | None = None
    actors: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None
    notes: str | None = None
    status: str | None = None


def edit(dataset: Dataset, event_id: str, change: Edit) -> Dataset:
    """One event changed. A new `after` re-dates the event from its citations' `said` against it."""
    event = event_or_fail(dataset, event_id)
    event_id = event.id
    fields = {k: v for k, v in vars(change).items() if v is not None and k not in ("when", "after")}
    if change.place:
        from .gazetteer import Gazetteer

        # Any spelling in the gazetteer stores the place's own name, so filters and merges find it.
        fields["place"] = Gazetteer.of(dataset.places, default=False).canonical(change.place) or change.place
    if change.status is not None and change.status not in STATUSES:
        raise InputError(f"unknown status '{change.status}' (use {', '.join(STATUSES)})")
    if change.title is not None and not change.title.strip():
        raise InputError("an event needs a title")
    if change.when is not None:
        try:
            fields["when"] = parse_edtf(change.when)
        except ValueError as exc:
            raise InputError(f"bad date '{change.when}': {exc}") from None
    if change.after is not None:
        if change.after == "":
            fields["after"] = None
        else:
            after = event_or_fail(dataset, change.after).id
            if after == event_id:
                raise InputError("an event cannot be dated after itself")
            cycle = after_cycle({**{e.id: e.after for e in dataset.events}, event_id: after})
            if cycle:
                raise InputError(f"'{event_id}' cannot be dated after '{after}', which is dated from it: "
                                 f"{' -> '.join(cycle)}")
            fields["after"] = after
    updated = replace(event, **fields)
    if change.after:
        updated = _redated(dataset, updated)
    return _replace_events(dataset, {event_id: updated})


def _redated(dataset: Dataset, event: Event) -> Event:
    for citation in event.citations:
        if citation.said:
            found = _resolve_citation(dataset, event, citation)
            if isinstance(found, Resolution):
                return replace(event, when=found)
    return event


@dataclass(frozen=True)
class Finding:
    """One thing `check` reports about an event's dates."""

    event: str
    message: str
    severity: str  # "error" or "warning"
    resolved: Resolution | None = None


def _resolve_citation(dataset: Dataset, event: Event, citation: Citation) -> Resolution | str:
    """The citation's `said` resolved as ingest would, or why it cannot be."""
    source = dataset.source(citation.source)
    if source is None or source.published is None:
        return f"source '{citation.source}' has no publication date to anchor '{citation.said}'"
    reference = None
    if event.after:
        after_event = dataset.event(event.after)
        reference = after_event.when if after_event else None
    from .resolve import resolve

    try:
        return resolve(citation.said, source.published, citation.quote or None, after=reference)
    except UnresolvedDate as exc:
        return f"'{citation.said}' does not resolve: {exc}"


def _disagreements(dataset: Dataset, event: Event) -> list[Finding]:
    derived = event.origin == "parsed" or event.after is not None
    severity = "error" if derived else "warning"
    findings = []
    for citation in event.citations:
        if not citation.said:
            continue
        found = _resolve_citation(dataset, event, citation)
        if isinstance(found, str):
            findings.append(Finding(event.id, found, severity))
        elif not (event.when.contains(found) or found.contains(event.when)):
            findings.append(Finding(
                event.id,
                f"'{citation.said}' ({citation.source}) resolves to {found.label}, "
                f"the event says {event.when.label}",
                severity,
                found,
            ))
    return findings


def audit(dataset: Dataset) -> list[Finding]:
    """Every citation whose `said` no longer agrees with its event's date.

    Agreeing means one interval holds the other: a citation may be vaguer than the event ("in
    December" for a known day) or sharper than it (a day inside an uncertain range). A disagreement is
    an error where the date was derived (a parsed event, or one dated after another) and a warning
    where a person set `when` by hand. Rejected events are not checked.
    """
    return [f for e in dataset.events if e.status != "rejected" for f in _disagreements(dataset, e)]


def fix(dataset: Dataset) -> Dataset:
    """Each event that none of its citations agrees with any more, re-dated to what the first resolves to.

    An event that some citation still supports is left alone: its sources now disagree with each
    other, which a person must settle. Events are fixed in date-dependency order, so one dated after
    a fixed event is re-resolved against the new date rather than the stale one.
    """
    for event_id in _dependency_order(dataset):
        event = dataset.event(event_id)
        if event is None or event.status == "rejected":
            continue
        stale = [f.resolved for f in _disagreements(dataset, event) if f.resolved]
        dated = [c for c in event.citations if c.said]
        if stale and len(stale) == len(dated):
            dataset = _replace_events(dataset, {event_id: replace(event, when=stale[0])})
    return dataset


def _dependency_order(dataset: Dataset) -> list[str]:
    def depth(event: Event) -> int:
        seen = set()
        while event.after and event.id not in seen:
            seen.add(event.id)
            event = dataset.event(event.after) or event
        return len(seen)

    return [e.id for e in sorted(dataset.events, key=depth)]
