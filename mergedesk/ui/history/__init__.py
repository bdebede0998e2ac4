"""The merge history dialog: search the journal, see one merge field by field (each
record before, the choice, the survivor after) and export an audit file."""
