"""Qt item models that adapt core data for views. No I/O, no widgets."""
