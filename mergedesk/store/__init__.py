"""Local SQLite storage: record cache, groups, review decisions and the merge journal. No Qt."""
