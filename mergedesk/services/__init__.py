"""Use cases as async functions and services, shared by the GUI and the CLI. No Qt."""
