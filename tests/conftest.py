"""Test-wide settings: the store cache goes to a folder of the test run's own, never the user's, and the
folder goes when the run ends."""

import atexit
import os
import shutil
import tempfile

# Set at import, before any test or child process runs, so every `timeline` the tests start inherits it.
os.environ["TIMELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="timeline-test-cache-")
atexit.register(shutil.rmtree, os.environ["TIMELINE_CACHE_DIR"], ignore_errors=True)
