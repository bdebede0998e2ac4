"""`python -m mergedesk` runs the same entry point as the `mergedesk` command."""

from mergedesk.cli import main

raise SystemExit(main())
