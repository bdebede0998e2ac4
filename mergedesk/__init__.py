"""MergeDesk: merge duplicate CRM records by hand, safely."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mergedesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
