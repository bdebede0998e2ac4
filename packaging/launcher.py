"""The frozen app's entry script: the same `mergedesk` command as the console script (the
GUI without a subcommand, `--self-test`, and scan/apply/history/... for batch work)."""

from mergedesk.cli import main

raise SystemExit(main())
