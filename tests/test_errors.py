"""Tests for timeline.errors: the hierarchy and its messages."""

import pytest

from timeline.errors import InputError, NotFound, StoreError, StoreNotFound, TimelineError, UnresolvedDate


@pytest.mark.parametrize("cls", [StoreError, StoreNotFound, UnresolvedDate, InputError, NotFound])
def test_every_error_is_a_timeline_error(cls):
    """Every error the library raises for users is a TimelineError, so the CLI can catch it in one place."""
    assert issubclass(cls, TimelineError)


def test_unresolved_date_is_a_value_error():
    """UnresolvedDate is also a ValueError, as callers of a parser expect."""
    assert issubclass(UnresolvedDate, ValueError)


def test_message_is_the_detail_or_the_docstring():
    """The detail given when raising is the message; without one, the class docstring is."""
    assert str(StoreError("events.yaml:3: unknown key 'x'")) == "events.yaml:3: unknown key 'x'"
    assert str(StoreNotFound()) == "The store file does not exist; start one with `timeline add`."
