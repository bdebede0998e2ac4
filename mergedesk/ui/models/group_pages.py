"""GroupPages: the rows of one group query by position, read from the store a page at a
time and kept in a small LRU. No Qt: GroupListModel asks it for what the view paints.

Two ways to a row: an indexed query (score or size order, status filter) is paged with
LIMIT/OFFSET from the first paint on; once its ordering (every row id in list order) is
known, any position is one primary-key lookup away, however deep the scroll."""

from __future__ import annotations

from array import array
from collections import OrderedDict

from mergedesk.store.group_query import GroupListing, GroupQuery, GroupReader

PAGE = 64  # rows per read: a screenful or two, one short SQL statement
CACHED_PAGES = 48  # about 3,000 rows: scrolling back and forth never re-reads


class GroupPages:
    def __init__(self, reader: GroupReader | None = None, conn: str = "",
                 query: GroupQuery | None = None, count: int = 0,
                 order: array | None = None):
        self.reader = reader
        self.conn = conn
        self.query = query or GroupQuery()
        self.count = len(order) if order is not None else count
        self._order = order
        self._pages: OrderedDict[int, list[GroupListing | None]] = OrderedDict()

    @property
    def ordered(self) -> bool:
        """Every position maps to a row id (random access is cheap)."""
        return self._order is not None

    def listing(self, position: int) -> GroupListing | None:
        if not 0 <= position < self.count or self.reader is None:
            return None
        number, offset = divmod(position, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._read(number)
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def cached(self, position: int) -> GroupListing | None:
        """The row if it was read already (never touches the store)."""
        number, offset = divmod(position, PAGE)
        page = self._pages.get(number)
        return page[offset] if page is not None and offset < len(page) else None

    def position_of(self, group_id: str) -> int:
        """Where the group is in this list, or -1. Cheap when ordered; otherwise only rows
        read already are searched."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row is not None and row.id == group_id:
                    return number * PAGE + offset
        if self._order is None or self.reader is None:
            return -1
        rowid = self.reader.rowid_of(self.conn, group_id)
        if rowid is None:
            return -1
        # numpy compares a million ids in a millisecond or two (array.index: 80 ms).
        # Imported here, not with the module: it costs a quarter of a second before
        # the window could show (tests/benchmarks/bench_startup.py).
        import numpy as np

        found = np.flatnonzero(np.frombuffer(self._order, dtype=np.int64) == rowid)
        return int(found[0]) if found.size else -1

    def forget(self) -> None:
        """Drop the cached pages (titles or records changed in the store)."""
        self._pages.clear()

    def _read(self, number: int) -> list[GroupListing | None]:
        assert self.reader is not None
        start = number * PAGE
        if self._order is not None:
            ids = self._order[start : start + PAGE].tolist()
            # A row deleted since the ordering was made (a split) stays a gap until the
            # list is refreshed: positions must not shift under the view.
            found = {row.rowid: row for row in self.reader.rows(ids)}
            return [found.get(r) for r in ids]
        return list(self.reader.page(self.conn, self.query, start, PAGE))

