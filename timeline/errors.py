"""The errors a user can meet: a small hierarchy whose docstrings are the messages.

Every error here is a `TimelineError`; the command line turns any of them into one line on stderr
starting `error:` and exit code 1. The detail given when raising (a file and line, a value) is the
message; the docstring is the fallback when there is none.
"""


class TimelineError(Exception):
    """Something went wrong."""

    def __str__(self) -> str:
        if self.args and self.args[0]:
            return str(self.args[0])
        return (self.__doc__ or "").strip()


class StoreError(TimelineError):
    """The store file is not a valid timeline store."""


class StoreNotFound(StoreError):
    """The store file does not exist; start one with `timeline add`."""


class StoreLocked(StoreError):
    """Another process holds the store's lock and did not let go in time."""


class UnresolvedDate(TimelineError, ValueError):
    """The date expression cannot be resolved to calendar dates."""


class InputError(TimelineError):
    """The input given is not valid."""


class NotFound(InputError):
    """No such event or source in the store."""
