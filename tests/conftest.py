"""Test-wide settings: the store cache goes to a folder of the test run's own, never the user's."""

import os
import tempfile

# Set at import, before any test or child process runs, so every `timeline` the tests start inherits it.
os.environ["TIMELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="timeline-test-cache-")
