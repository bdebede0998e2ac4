"""Pure domain logic: models, matching, merge planning and preview. No Qt, no I/O."""
