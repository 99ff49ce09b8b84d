"""Errors and notices for the author who must act on them, raised wherever the content is read."""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

# Notices for authors that must not fail a strict build (a page due for review, a figure with a newer
# one in data/). Its own logger, outside "mkdocs.*": strict mode turns every mkdocs warning into a failure.
notices = logging.getLogger("workforce.notices")
notices.propagate = False
notices.setLevel(logging.INFO)
_handler = logging.StreamHandler()
_handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))  # the look of MkDocs' own lines
notices.addHandler(_handler)


class AuthorError(PluginError):
    """A mistake in content or data that an author can fix.

    The message says what was wrong and what is allowed. Where the error is raised inside a
    macro, the build adds the page and line before it is shown. It is a PluginError so that
    MkDocs stops with the message alone, not a Python traceback.
    """


class DataError(AuthorError):
    """A data file under data/ that does not match its schema."""
