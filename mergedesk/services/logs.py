"""Logging for both entry points: a rotating file in the platform's log folder and
stderr, every line passed through the secret-redacting filter. No Qt."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from mergedesk.providers.redaction import RedactingFilter
from mergedesk.services.workspace import log_dir

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure(*, verbose: bool = False, to_file: bool = True, folder: Path | None = None) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handlers: list[logging.Handler] = [console]
    if to_file:
        target = folder or log_dir()
        target.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(
            target / "mergedesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        ))
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    # httpx logs full URLs at INFO; our transport logs what is needed, redacted.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
