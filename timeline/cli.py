"""The `timeline` command line: parse options, make one library call, render the result.

This is the only module that prints or exits. Every `TimelineError` (and an unreadable file) becomes one
line on stderr starting `error:` and exit code 1, in `_Group.invoke`; typer's usage errors exit 2.
"""

from __future__ import annotations

import gc
import io
import json
import shutil
import sys
from datetime import date
from enum import Enum, IntEnum
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from . import curate, query
from .dates import parse_edtf
from .errors import InputError, TimelineError
from .model import NOT_IN_A_LINE, Citation, Dataset, Event, Source


class Exit(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2


class _Argument(TyperArgument):
    """An argument shown by its metavar alone, as click shows one: `TITLE`, `[ID...]`, not `{title} <str>`."""

    def display_type_rich(self, ctx):
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]" if not name.startswith("[") else name


class _Option(TyperOption):
    """A flag shows no value in help (typer would show `<bool>`); an option shows its metavar."""

    def display_type_rich(self, ctx):
        return None if self.is_flag else super().display_type_rich(ctx)


class _Command(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            param.__class__ = {TyperArgument: _Argument, TyperOption: _Option}.get(type(param), type(param))


class _Group(TyperGroup):
    """Turns the library's errors, and the command line's own, into one `error:` line and an exit code,
    in this one place."""

    def list_commands(self, ctx):
        return list(self.commands)  # the order they are defined in, not alphabetical

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = sys.argv[1:] if args is None else list(args)
        # A command is one short process whose data (a store of up to 100,000 events) holds no cycle: the
        # cyclic collector would only walk it again and again. Ingest, which may read thousands of web
        # pages, keeps it.
        collecting = gc.isenabled()
        if args[:1] != ["ingest"]:
            gc.disable()
        try:
            return self._main(args, prog_name, complete_var, standalone_mode, **extra)
        finally:
            if collecting:
                gc.enable()

    def _main(self, args, prog_name, complete_var, standalone_mode, **extra):
        # An argument that is not UTF-8 reaches Python as lone surrogates: refused before any command
        # could store or print it.
        bad = next((a for a in args if _not_utf8(a)), None)
        try:
            if bad is not None:
                raise InputError(f"an argument is not UTF-8 text: {_printable(bad)}")
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
        except InputError as exc:
            _error(str(exc))
            code = Exit.ERROR
        except typer.TyperException as exc:  # click's errors: a usage error exits 2, with a pointer to help
            context = getattr(exc, "ctx", None)
            hint = f" (see `{context.command_path} --help`)" if context and exc.exit_code == Exit.USAGE else ""
            _error(f"{_sentence(exc.format_message())}{hint}")
            code = exc.exit_code
        except typer.Abort:
            code = 130
        code = code if isinstance(code, int) else Exit.OK
        if code == 130:  # Ctrl-C: the shell's convention, which typer returns without a word
            _error("interrupted")
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            _error(str(exc))
            raise typer.Exit(Exit.ERROR) from None
        except OSError as exc:
            where = f"{exc.filename!r}: " if exc.filename == "" else f"{exc.filename}: " if exc.filename else ""
            _error(f"{where}{exc.strerror or exc}")
            raise typer.Exit(Exit.ERROR) from None


def _printable(text: str) -> str:
    """`text` with what would break a line or drive a terminal written as an escape (`\\n`, `\\x1b`)."""
    return NOT_IN_A_LINE.sub(lambda m: repr(m.group())[1:-1] if not _not_utf8(m.group())
                            else f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def _not_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _error(message: str) -> None:
    """The one line every error is: `error: ...` on stderr, whatever the message quotes."""
    if sys.stderr is not None:
        typer.echo(f"error: {_printable(message)}", err=True)


def _sentence(message: str) -> str:
    """click's messages in our style: "No such option: --x." reads "no such option: --x"."""
    message = " ".join(message.split()).rstrip(".")
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"timeline {version('timeline')}")
        except PackageNotFoundError:
            typer.echo("timeline (not installed)")
        raise typer.Exit()


app = typer.Typer(
    cls=_Group,
    help="Ordered, sourced timelines from news reports.",
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(ctx: typer.Context, version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                                           help="Print the version and exit.")):
    """Ordered, sourced timelines from news reports."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def command(*args, **kwargs):
    """`app.command` with this module's help conventions (metavars, flags without a type)."""
    return app.command(*args, cls=_Command, **kwargs)


FileOption = typer.Option(
    "events.yaml", "--file", "-f", metavar="FILE", envvar="TIMELINE_FILE", show_envvar=True,
    help="The store: --file, else $TIMELINE_FILE, else ./events.yaml; - reads it from stdin "
         "(commands that do not write).",
)
StoreOption = typer.Option(
    "events.yaml", "--file", "-f", metavar="FILE", envvar="TIMELINE_FILE", show_envvar=True,
    help="The store: --file, else $TIMELINE_FILE, else ./events.yaml.",
)
# store.DEFAULT_WAIT, written out so that `--help` does not load the store (and yaml); a test keeps them equal.
DEFAULT_WAIT = 10.0
WaitOption = typer.Option(DEFAULT_WAIT, "--wait", metavar="SECONDS", min=0, show_default=f"{DEFAULT_WAIT:g}",
                          help="How long to wait while another process holds the store's lock.")


def _store():
    """The store module, imported when a command needs it: `--help` and `resolve` never load yaml."""
    from . import store

    return store


def _load(file: Path) -> Dataset:
    """The store at `file`, or the one given on stdin for `--file -`."""
    if str(file) == "-":
        return _store().loads(_stdin(), "<stdin>")
    return _store().load(file)


def _modify(file: Path, change, wait: float, create: bool = False) -> Dataset:
    """`store.modify`, saying so on stderr when it waits for another writer."""
    if str(file) == "-":
        raise InputError("--file -: a store read from stdin cannot be written; give its file")

    def waiting(holder: str) -> None:
        typer.echo(f"waiting for {file}: {holder} holds its lock (giving up after {wait:g} s)", err=True)

    return _store().modify(file, change, create=create, wait=wait, on_wait=waiting)


def _stdin() -> str:
    if sys.stdin is None or sys.stdin.closed:
        raise InputError("- reads standard input, which is closed")
    try:
        # Bytes, decoded here: the locale's decoding may let bad bytes through as lone surrogates.
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"standard input: not UTF-8 text (byte {exc.start})") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"standard input cannot be read: {exc}") from None


STATUSES_ALL = ("accepted", "candidate", "rejected")


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} '{text}' is not a date (YYYY-MM-DD)") from None


def _statuses(text: str) -> tuple[str, ...]:
    if text == "all":
        return STATUSES_ALL
    wanted = tuple(s.strip() for s in text.split(",") if s.strip())
    for status in wanted:
        if status not in STATUSES_ALL:
            raise InputError(f"unknown status '{status}' (use accepted, candidate, rejected or all)")
    return wanted


def _filter(since, until, place, actor, tag, source, status, grep) -> query.Filter:
    first = query.parse_bound(since, end=False) if since else None
    last = query.parse_bound(until, end=True) if until else None
    if first and last and first > last:
        raise InputError(f"--from {since} is after --to {until}: no event can be in both")
    return query.Filter(since=first, until=last, place=place, actor=actor, tag=tag, source=source,
                        status=_statuses(status), grep=grep)


def _render(dataset: Dataset, flt: query.Filter, fmt: str, options=None) -> str:
    from . import export

    events = query.select(dataset, flt)
    return export.render(fmt, events, {s.id: s for s in dataset.sources}, options)


def _options(file: Path, title: Optional[str] = None, group: Optional[str] = None, wide: bool = False,
             terminal: bool = False):
    from .export import Options

    on_terminal = terminal and sys.stdout is not None and sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if on_terminal else None
    name = "timeline" if str(file) == "-" else file.name
    return Options(title=title or "Timeline", store=name, group=group, wide=wide, width=width)


class ShowFormat(str, Enum):
    table = "table"
    md = "md"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    md = "md"
    csv = "csv"
    json = "json"
    ics = "ics"
    timelinejs = "timelinejs"
    mermaid = "mermaid"
    timesketch = "timesketch"
    html = "html"
    svg = "svg"
    table = "table"


class Group(str, Enum):
    place = "place"


# The filters shared by `show` and `export`, declared once.
SinceOpt = typer.Option(None, "--from", metavar="D", help="Events on or after D (2024, 2024-12 or 2024-12-09).")
UntilOpt = typer.Option(None, "--to", metavar="D", help="Events on or before D.")
PlaceOpt = typer.Option(None, "--place", metavar="PLACE", help="Events at this place (any spelling in the gazetteer).")
ActorOpt = typer.Option(None, "--actor", metavar="ACTOR", help="Events with this actor.")
TagOpt = typer.Option(None, "--tag", metavar="TAG", help="Events with this tag.")
SourceOpt = typer.Option(None, "--source", metavar="SOURCE", help="Events cited from this source id.")
StatusOpt = typer.Option("accepted,candidate", "--status", metavar="STATUS", help="accepted, candidate, rejected (comma-separated) or all.")
GrepOpt = typer.Option(None, "--grep", metavar="TEXT", help="Events whose title, place, notes or quotes contain this text.")


@command()
def show(
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, place: Optional[str] = PlaceOpt,
    actor: Optional[str] = ActorOpt, tag: Optional[str] = TagOpt, source: Optional[str] = SourceOpt,
    status: str = StatusOpt, grep: Optional[str] = GrepOpt,
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", metavar="FORMAT",
                                   help="table, md, csv or json (`export` has more)."),
    wide: bool = typer.Option(False, "--wide", help="Keep long titles whole on a terminal (the table cuts them)."),
    file: Path = FileOption,
):
    """Print the timeline in date order."""
    flt = _filter(since, until, place, actor, tag, source, status, grep)
    text = _render(_load(file), flt, fmt.value, _options(file, wide=wide, terminal=True))
    typer.echo(text, nl=not text.endswith("\n"))


@command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.md, "--format", metavar="FORMAT",
                                     help="md, csv, json, ics, timelinejs, mermaid, timesketch, html, svg or table."),
    output: str = typer.Option("-", "--output", "-o", metavar="FILE", help="Write to FILE; - is stdout."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT",
                                        help="The timeline's title (html, svg, md, json, mermaid, timelinejs, ics)."),
    group: Optional[Group] = typer.Option(None, "--group", metavar="place", help="TimelineJS: one row per place."),
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, place: Optional[str] = PlaceOpt,
    actor: Optional[str] = ActorOpt, tag: Optional[str] = TagOpt, source: Optional[str] = SourceOpt,
    status: str = StatusOpt, grep: Optional[str] = GrepOpt,
    file: Path = FileOption,
):
    """Export the timeline: Markdown, CSV, JSON, iCalendar, TimelineJS, Mermaid, Timesketch, HTML, SVG."""
    flt = _filter(since, until, place, actor, tag, source, status, grep)
    options = _options(file, title, group.value if group else None)
    text = _render(_load(file), flt, fmt.value, options)
    if not output:
        raise InputError("-o needs a file name (or - for standard output)")
    if output == "-":
        typer.echo(text, nl=not text.endswith("\n"))
    else:
        # Written with newline="" so CSV and iCalendar line ends arrive exactly as rendered.
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        typer.echo(f"wrote {output}", err=True)


@command()
def add(
    title: str = typer.Argument(..., metavar="TITLE", help="What happened, as a headline."),
    when: str = typer.Option(..., "--date", "-d", metavar="EXPR",
                             help="EDTF (2024-12-06, 2024-12, 2021-11-22/2021-11-26) or an expression "
                                  "('last Friday') resolved against --anchor, --source or --after."),
    anchor: Optional[str] = typer.Option(None, "--anchor", metavar="D", help="Resolve --date against this day."),
    source: Optional[str] = typer.Option(None, "--source", "-s", metavar="SOURCE",
                                         help="Cite this source; its publication date anchors --date."),
    after: Optional[str] = typer.Option(None, "--after", metavar="EVENT", help="Date --date from this event ('a day after')."),
    place: str = typer.Option("", "--place", "-p", metavar="PLACE", help="Where it happened."),
    actors: List[str] = typer.Option([], "--actor", "-a", metavar="ACTOR", help="An actor (repeatable)."),
    tags: List[str] = typer.Option([], "--tag", "-t", metavar="TAG", help="A tag (repeatable)."),
    quote: str = typer.Option("", "--quote", "-q", metavar="TEXT", help="The source's words (with --source)."),
    notes: str = typer.Option("", "--notes", metavar="TEXT", help="Free notes: doubts, disagreements between sources."),
    event_id: str = typer.Option("", "--id", metavar="ID", help="The event's id (default: made from the title)."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Add an event (creating the store if there is none)."""
    if quote and not source:
        raise InputError("--quote needs --source: a quote is the words of a source")
    request = curate.DateRequest(when, _day(anchor, "--anchor") if anchor else None, source, after, quote or None)

    def change(dataset: Dataset) -> Dataset:
        resolved, said = curate.date_for(dataset, request)
        citations = (Citation(source, said, quote),) if source else ()
        event = Event(id=event_id, when=resolved, title=title.strip(), place=place, actors=tuple(actors),
                      tags=tuple(tags), after=after, citations=citations, notes=notes)
        return curate.add_event(dataset, event)

    added = _modify(file, change, wait, create=True).events[-1]  # add_event appends
    typer.echo(f"added {added.id} ({added.when.label}): {added.title}")
    if not source and added.when.rule:
        typer.echo(f"note: without --source, '{when}' is not kept as `said`, so `check` cannot re-date this event",
                   err=True)


@command()
def check(
    fix: bool = typer.Option(False, "--fix", help="Re-date events whose citations no longer agree."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as one JSON object."),
    file: Path = FileOption, wait: float = WaitOption,
):
    """Validate the store and re-resolve every citation's date; exit 1 on errors."""
    dataset = _load(file)
    findings = curate.audit(dataset)
    fixed: list[str] = []
    if fix and any(f.resolved for f in findings):
        before = {e.id: e.when for e in dataset.events}
        dataset = _modify(file, curate.fix, wait)
        fixed = [e.id for e in dataset.events if before.get(e.id) != e.when]
        findings = curate.audit(dataset)
    # A date read off an address or a dateline is worth a second look: say where it came from.
    notes = [(s.id, f"source '{s.id}' is dated {s.published} from {_DATE_ORIGINS[s.published_from]}")
             for s in dataset.sources if s.published_from in ("url", "dateline")]
    leftovers = [] if str(file) == "-" else _store().stale_temporaries(file)
    errors = sum(f.severity == "error" for f in findings)
    citations = sum(len(e.citations) for e in dataset.events)
    if as_json:
        typer.echo(json.dumps({
            "file": str(file), "events": len(dataset.events), "sources": len(dataset.sources),
            "citations": citations, "errors": errors, "warnings": len(findings) - errors, "fixed": fixed,
            "findings": [{"event": f.event, "severity": f.severity, "message": f.message} for f in findings],
            "notes": [{"source": i, "message": m} for i, m in notes], "temporary_files": leftovers,
        }, ensure_ascii=False, indent=2))
    else:
        if fix:
            typer.echo(f"fixed the dates of {len(fixed)} event(s){': ' if fixed else ''}{', '.join(fixed)}")
        for finding in findings:
            typer.echo(f"{finding.severity}: event '{finding.event}': {finding.message}", err=True)
        for _, message in notes:
            typer.echo(f"note: {message}", err=True)
        for leftover in leftovers:
            typer.echo(f"note: {leftover} is left from a save that did not finish; the next change removes it",
                       err=True)
        typer.echo(f"{file}: {len(dataset.events)} events, {len(dataset.sources)} sources, {citations} citations; "
                   f"{errors} error(s), {len(findings) - errors} warning(s)")
    if errors:
        raise typer.Exit(Exit.ERROR)


@command()
def sources(
    as_json: bool = typer.Option(False, "--json", help="Print the sources as a JSON list."),
    file: Path = FileOption,
):
    """List the sources, where each publication date came from, and how many events cite each."""
    dataset = _load(file)
    counts = {s.id: 0 for s in dataset.sources}
    for event in dataset.events:
        for cited in {c.source for c in event.citations}:
            counts[cited] = counts.get(cited, 0) + 1
    if as_json:
        from .export.jsonfmt import source_dict

        typer.echo(json.dumps([{**source_dict(s), "events": counts[s.id]} for s in dataset.sources],
                              ensure_ascii=False, indent=2))
        return
    from .export.table import table

    rows = [(s.id, s.published or "", _DATE_ORIGINS[s.published_from] if s.published else "", s.outlet,
             counts[s.id], s.url) for s in dataset.sources]
    typer.echo(table(["id", "published", "date from", "outlet", "events", "url"], rows))


@command("add-source")
def add_source(
    source_id: str = typer.Argument(..., metavar="ID", help="A new source id: lower-case letters, digits, hyphens."),
    outlet: str = typer.Option(..., "--outlet", metavar="NAME", help="Who published it."),
    title: str = typer.Option("", "--title", metavar="TEXT", help="The report's title."),
    url: str = typer.Option("", "--url", metavar="URL", help="Where it was read (an http or https address)."),
    published: Optional[str] = typer.Option(None, "--published", metavar="D",
                                            help="Publication date: the anchor of its relative dates."),
    language: str = typer.Option("en", "--language", metavar="CODE", help="Language code."),
    notes: str = typer.Option("", "--notes", metavar="TEXT", help="Doubts about the date or the address."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Add a source that events can cite (creating the store if there is none)."""
    day = _day(published, "--published") if published else None
    source = Source(source_id, outlet, title, url, published=day, published_from="user" if day else "",
                    language=language, notes=notes)
    _modify(file, lambda d: curate.add_source(d, source), wait, create=True)
    typer.echo(f"added source {source_id}")


@command("add-place")
def add_place(
    name: str = typer.Argument(..., metavar="NAME", help="The place's canonical name, as events carry it."),
    aliases: List[str] = typer.Option([], "--alias", metavar="NAME", help="Another spelling seen in text (repeatable)."),
    fill: bool = typer.Option(False, "--fill", help="Also place the candidates without a place that name it."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Add a place (or more spellings of one) to the gazetteer; --fill places the candidates that name it."""
    filled: list[str] = []

    def change(dataset: Dataset) -> Dataset:
        dataset = curate.add_place(dataset, name, aliases)
        if fill:
            filled.extend(curate.unplaced_mentions(dataset, name.strip()))
            dataset = curate.fill_place(dataset, name.strip())
        return dataset

    dataset = _modify(file, change, wait, create=True)
    place = next(p for p in dataset.places if p.name == name.strip())
    typer.echo(f"{place.name}: {', '.join(place.aliases) or 'no other spellings'}")
    if fill:
        typer.echo(f"placed {len(filled)} candidate(s) at {place.name}{': ' if filled else ''}{', '.join(filled)}")
    elif waiting := curate.unplaced_mentions(dataset, place.name):
        typer.echo(f"{len(waiting)} candidate(s) with no place mention {place.name}: {', '.join(waiting)}; "
                   f"`timeline add-place \"{place.name}\" --fill` places them")


@command("resolve")
def resolve_command(
    expression: str = typer.Argument(..., metavar="EXPRESSION",
                                     help="The date as written: 'last Friday', 'On November 22'."),
    anchor: str = typer.Option(..., "--anchor", metavar="D", help="The publication date it is relative to."),
    context: Optional[str] = typer.Option(None, "--context", "-c", metavar="SENTENCE",
                                          help="The sentence around it; its tense sets the direction."),
    reference: Optional[str] = typer.Option(
        None, "--reference", metavar="EDTF",
        help="The date of the event an offset ('a day after') counts from (add and edit take that event's id "
             "as --after)."),
    country: Optional[str] = typer.Option(
        None, "--country", metavar="CC",
        help="The story's country (ISO code: QA, IN): whose National Day or Independence Day it is."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
):
    """Resolve one date expression and say how."""
    from .resolve import resolve

    if country is not None and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise InputError(f"--country '{_printable(country)}': a country's two-letter ISO code, such as QA or IN")
    reference_date = None
    if reference:
        try:
            reference_date = parse_edtf(reference)
        except ValueError as exc:
            raise InputError(f"--reference '{reference}': {exc}") from None
    found = resolve(expression, _day(anchor, "--anchor"), context, after=reference_date, country=country)
    if as_json:
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    lines = [("edtf", found.edtf), ("timex", found.timex),
             ("dates", f"{found.earliest}..{found.latest}"), ("precision", found.precision),
             ("mod", found.mod or "-"), ("approximate", "yes" if found.approximate else "no"),
             ("rule", found.rule)]
    typer.echo("\n".join(f"{name:<12}{value}" for name, value in lines))


def _read_text(name: str) -> str:
    if name == "-":
        return _stdin()
    data = Path(name).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None


@command()
def tag(
    article: str = typer.Argument(..., metavar="FILE|-", help="The article text; - reads stdin."),
    published: str = typer.Option(..., "--published", metavar="D", help="The article's publication date."),
    as_json: bool = typer.Option(False, "--json", help="The mentions as a JSON list."),
    mark: bool = typer.Option(False, "--mark", help="Print the article with each mention marked [[text|timex]]."),
):
    """Find every date expression in an article and resolve it."""
    from .export.table import table
    from .extract import tag as find

    _, text, _ = _store().read_front_matter(_read_text(article), article)
    mentions = find(text, _day(published, "--published"))
    if as_json:
        typer.echo(json.dumps([_mention_dict(m) for m in mentions], ensure_ascii=False, indent=2))
    elif mark:
        out, last = [], 0
        for m in mentions:
            value = m.resolution.timex if m.resolution else m.kind
            out += [text[last:m.start], f"[[{m.text}|{value}]]"]
            last = m.end
        typer.echo("".join(out) + text[last:])
    else:
        rows = [(f"{m.start}-{m.end}", m.text, m.kind, *(_dates(m.resolution))) for m in mentions]
        typer.echo(table(["span", "text", "kind", "timex", "dates", "rule"], rows))


def _dates(resolution) -> tuple[str, str, str]:
    if resolution is None:
        return ("-", "-", "not anchored")
    return (resolution.timex, f"{resolution.earliest}..{resolution.latest}", resolution.rule)


def _mention_dict(m) -> dict:
    return {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
            "resolution": m.resolution.to_dict() if m.resolution else None}


@command()
def ingest(
    articles: List[str] = typer.Argument(
        ..., metavar="FILE|URL...",
        help="Articles: text or Markdown files (YAML front matter allowed), saved web pages (.html, .htm), "
             "http(s) URLs; - reads stdin."),
    published: Optional[str] = typer.Option(None, "--published", metavar="D",
                                            help="Publication date (overrides front matter and the page)."),
    source_id: Optional[str] = typer.Option(None, "--source-id", metavar="ID", help="The source id (one article only)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", metavar="NAME", help="The outlet's name."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="The article's title (one article only)."),
    url: Optional[str] = typer.Option(None, "--url", metavar="URL", help="The article's address (one article only)."),
    pages: Optional[Path] = typer.Option(None, "--pages", metavar="DIR",
                                         help="Where fetched pages are kept (default: pages/ beside the store)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print what would land and write nothing."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say why each dated sentence left out was left out."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", metavar="N", min=1,
        help="Processes reading the articles at once (default: the machine's cores); the result is the same "
             "for any N, and 1 reads them in this process."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Find the dated statements in articles and add them as candidate events for review.

    A page's publication date is read from its metadata, its address or a dateline; the source records
    where it came from. A URL is fetched once and kept under --pages, so ingesting it again is offline.
    """
    import os

    from .articles import read_article
    from .extract import ingest_many

    if len(articles) > 1 and (source_id or title or url):
        raise InputError("--source-id, --title and --url describe one article; put them in each file's front matter")
    flags = {"published": _day(published, "--published") if published else None, "id": source_id,
             "outlet": outlet, "title": title, "url": url}
    if str(file) == "-" and not dry_run:
        raise InputError("--file -: a store read from stdin cannot be written; give its file (or --dry-run)")
    if str(file) == "-" and "-" in articles:
        raise InputError("stdin holds either the store (--file -) or an article (-), not both")
    # Fetched pages are kept beside the store; with the store on stdin, beside the working folder's.
    folder = Path.cwd() if str(file) == "-" else file.resolve().parent
    items = [read_article(name, flags, read_text=_read_text, pages=pages or folder / "pages", store_folder=folder)
             for name in articles]
    result = None

    def change(dataset: Dataset) -> Dataset:
        nonlocal result
        show_bar = len(items) > 3 and sys.stderr is not None and sys.stderr.isatty()
        with typer.progressbar(items, label="ingesting", file=sys.stderr or io.StringIO(),
                               hidden=not show_bar) as bar:
            result = ingest_many(dataset, ((a.text, a.source) for a in bar),
                                 jobs=jobs if jobs is not None else os.cpu_count() or 1)
        return result.dataset

    if dry_run:
        change(_load(file) if str(file) == "-" or file.exists() else Dataset())
    else:
        _modify(file, change, wait, create=True)
    dataset, added, cited, unchanged = result.dataset, result.added, result.cited, result.unchanged
    if added:
        from .export import render

        by_id = {e.id: e for e in dataset.events}
        landed = [by_id[i] for i in added]
        typer.echo(render("table", landed, {s.id: s for s in dataset.sources}))
    for article in items:
        source = article.source
        left_out = "; nothing in it landed, so the source is not added" if source.id in result.unused else ""
        stored = dataset.source(source.id)
        if stored is not None and stored.published != source.published:
            # A source already in the store keeps its metadata: its date, not this one, anchored the article.
            typer.echo(f"{source.id}: already in the store, published {stored.published}; that date anchored "
                       f"the article, not {source.published}", err=True)
            continue
        typer.echo(f"{source.id}: published {source.published} (from {_DATE_ORIGINS[source.published_from]})"
                   f"{left_out}", err=True)
    if verbose:
        for skipped in result.skipped:
            typer.echo(f"skipped: {skipped.source}: \"{skipped.said}\" in \"{_shorten(skipped.quote)}\": "
                       f"{skipped.reason}", err=True)
    verb = "would add" if dry_run else "added"
    typer.echo(f"{len(items)} article(s): {verb} {len(added)} candidate(s), "
               f"{len(cited)} citation(s) to existing events, {unchanged} already known"
               + (f", {len(result.skipped) - unchanged} dated sentence(s) left out"
                  + ("" if verbose else " (-v says why)") if len(result.skipped) > unchanged else "")
               + (" (dry run: nothing written)" if dry_run else ""))


# How `sources` and `ingest` say where a publication date came from.
_DATE_ORIGINS = {"user": "--published", "front-matter": "the front matter", "page": "the page's metadata",
                 "url": "the address", "dateline": "the dateline", "": "not recorded"}


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def _candidate_filter(since, until, place, actor, tag, source, grep) -> query.Filter:
    return _filter(since, until, place, actor, tag, source, "candidate", grep)


@command()
def review(
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, place: Optional[str] = PlaceOpt,
    actor: Optional[str] = ActorOpt, tag: Optional[str] = TagOpt, source: Optional[str] = SourceOpt,
    grep: Optional[str] = GrepOpt,
    as_json: bool = typer.Option(False, "--json", help="Print the candidates as a JSON list (the events of "
                                                       "`export --format json`)."),
    file: Path = FileOption,
):
    """List the candidate events with their evidence (the filters of `show` narrow the list)."""
    dataset = _load(file)
    candidates = query.select(dataset, _candidate_filter(since, until, place, actor, tag, source, grep))
    if as_json:
        from .export.jsonfmt import event_dict

        typer.echo(json.dumps([event_dict(e) for e in candidates], ensure_ascii=False, indent=2))
        return
    for event in candidates:
        typer.echo(f"{event.id}  {event.when.label}  {event.title}")
        details = [f"place: {event.place or '-'}"] + ([f"after: {event.after}"] if event.after else [])
        typer.echo("    " + "  ".join(details))
        for c in event.citations:
            typer.echo(f"    {c.source}: said \"{c.said}\"; \"{c.quote}\"")
    typer.echo(f"{len(candidates)} candidate(s); `timeline accept ID...` or `timeline reject ID...`")


def _set_status(ids: List[str], every: bool, flt: query.Filter, status: str, file: Path, wait: float) -> None:
    filtered = every or flt != _candidate_filter(None, None, None, None, None, None, None)
    if ids and filtered:
        raise InputError("give event ids, or --all and filters, not both")
    if not ids and not filtered:
        raise InputError(f"name the events to mark {status}: ids (or their unique starts), or --all with "
                         "filters such as --source")
    changed: list[str] = []

    def change(dataset: Dataset) -> Dataset:
        chosen = [curate.event_or_fail(dataset, i).id for i in ids] or [e.id for e in query.select(dataset, flt)]
        changed.extend(chosen)
        return curate.set_status(dataset, chosen, status)

    _modify(file, change, wait)
    typer.echo(f"{status} {len(changed)} event(s){': ' if changed else ''}{', '.join(changed)}")


IdsArgument = typer.Argument(None, metavar="[ID...]", help="Event ids, or the start of each that is unique.")
AllOpt = typer.Option(False, "--all", help="Every candidate the filters keep (all candidates without filters).")


@command()
def accept(
    ids: Optional[List[str]] = IdsArgument, every: bool = AllOpt,
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, place: Optional[str] = PlaceOpt,
    actor: Optional[str] = ActorOpt, tag: Optional[str] = TagOpt, source: Optional[str] = SourceOpt,
    grep: Optional[str] = GrepOpt, file: Path = StoreOption, wait: float = WaitOption,
):
    """Accept candidate events into the timeline: by id, or every candidate the filters keep."""
    flt = _candidate_filter(since, until, place, actor, tag, source, grep)
    _set_status(ids or [], every, flt, "accepted", file, wait)


@command()
def reject(
    ids: Optional[List[str]] = IdsArgument, every: bool = AllOpt,
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, place: Optional[str] = PlaceOpt,
    actor: Optional[str] = ActorOpt, tag: Optional[str] = TagOpt, source: Optional[str] = SourceOpt,
    grep: Optional[str] = GrepOpt, file: Path = StoreOption, wait: float = WaitOption,
):
    """Reject candidates (by id, or every candidate the filters keep); they stay in the store so a
    re-ingest does not bring them back."""
    flt = _candidate_filter(since, until, place, actor, tag, source, grep)
    _set_status(ids or [], every, flt, "rejected", file, wait)


@command()
def rename(
    old: str = typer.Argument(..., metavar="OLD", help="The event's id, or its unique start."),
    new: str = typer.Argument(..., metavar="NEW", help="The new id: lower-case letters, digits, hyphens."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Give an event a new id; events dated after it follow."""
    renamed = []

    def change(dataset: Dataset) -> Dataset:
        renamed.append(curate.event_or_fail(dataset, old).id)
        return curate.rename(dataset, old, new)

    _modify(file, change, wait)
    typer.echo(f"renamed {renamed[0]} to {new}")


@command()
def merge(
    keep: str = typer.Argument(..., metavar="KEEP", help="The event to keep (its id or the id's unique start)."),
    other: str = typer.Argument(..., metavar="OTHER", help="The event folded into it and removed."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Merge two events: citations joined, the other removed."""
    ids: list[str] = []

    def change(dataset: Dataset) -> Dataset:
        ids.extend(curate.event_or_fail(dataset, given).id for given in (keep, other))
        return curate.merge(dataset, keep, other)

    _modify(file, change, wait)
    typer.echo(f"merged {ids[1]} into {ids[0]}")


@command()
def edit(
    event_id: str = typer.Argument(..., metavar="ID", help="The event to change."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="A new title."),
    place: Optional[str] = typer.Option(None, "--place", metavar="PLACE", help="A new place."),
    when: Optional[str] = typer.Option(None, "--date", metavar="EDTF", help="Set the date by hand (EDTF)."),
    after: Optional[str] = typer.Option(None, "--after", metavar="EVENT",
                                        help="Date this event from EVENT (re-resolves its citations); '' clears."),
    actors: Optional[List[str]] = typer.Option(None, "--actor", metavar="ACTOR", help="Replace the actors (repeatable)."),
    tags: Optional[List[str]] = typer.Option(None, "--tag", metavar="TAG", help="Replace the tags (repeatable)."),
    notes: Optional[str] = typer.Option(None, "--notes", metavar="TEXT", help="Replace the notes."),
    status: Optional[str] = typer.Option(None, "--status", metavar="STATUS", help="accepted, candidate or rejected."),
    file: Path = StoreOption, wait: float = WaitOption,
):
    """Fix an event: title, place, date, the event it is dated after, actors, tags, notes."""
    change = curate.Edit(title=title, place=place, when=when, after=after,
                         actors=tuple(actors) if actors else None, tags=tuple(tags) if tags else None,
                         notes=notes, status=status)
    dataset = _modify(file, lambda d: curate.edit(d, event_id, change), wait)
    event = curate.event_or_fail(dataset, event_id)
    typer.echo(f"{event.id} ({event.when.label}): {event.title}")
