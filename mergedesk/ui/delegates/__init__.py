"""Item delegates: how cells are painted. No data logic."""
