"""The store's schema on PostgreSQL: the same versions as database.MIGRATIONS (SQLite),
in PostgreSQL's dialect. A test checks that both lists have the same length, so a new
SQLite version without its PostgreSQL twin fails CI. No Qt.

Differences on purpose: `rowid` is a BIGSERIAL column (SQLite's implicit one: the group
list's positions and the scans' chunked deletes use it); ids are BIGSERIAL; scores are
DOUBLE PRECISION (REAL is four bytes here); group_counts is kept by statement-level
triggers over transition tables for inserts and deletes (one upsert per statement, not
one per row: scans write a million rows) and a row trigger on status changes; instr() is
defined so that the group list's search SQL is the same on both backends."""

from __future__ import annotations

PG_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE records (
        conn TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, scanned_at TEXT NOT NULL,
        rowid BIGSERIAL NOT NULL UNIQUE,
        PRIMARY KEY (conn, id)
    );
    CREATE TABLE groups (
        conn TEXT NOT NULL, id TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
        size INTEGER NOT NULL, records TEXT NOT NULL, evidence TEXT NOT NULL,
        search TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open',
        rowid BIGSERIAL NOT NULL UNIQUE,
        PRIMARY KEY (conn, id)
    );
    CREATE INDEX groups_by_score ON groups (conn, score DESC);
    CREATE TABLE not_duplicates (
        conn TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, decided_at TEXT NOT NULL,
        PRIMARY KEY (conn, a, b)
    );
    CREATE TABLE merges (
        id BIGSERIAL PRIMARY KEY,
        conn TEXT NOT NULL, provider TEXT NOT NULL, base_url TEXT NOT NULL,
        entity TEXT NOT NULL, group_id TEXT NOT NULL, master TEXT NOT NULL,
        others TEXT NOT NULL, plan TEXT NOT NULL, targets TEXT NOT NULL,
        status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, finished_at TEXT
    );
    CREATE INDEX merges_by_group ON merges (conn, group_id);
    CREATE INDEX merges_by_status ON merges (status);
    CREATE TABLE snapshots (
        merge_id BIGINT NOT NULL REFERENCES merges (id),
        record_id TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (merge_id, record_id)
    );
    CREATE TABLE steps (
        merge_id BIGINT NOT NULL REFERENCES merges (id),
        idx INTEGER NOT NULL, kind TEXT NOT NULL, request TEXT NOT NULL,
        state TEXT NOT NULL, idempotency_key TEXT, job_id TEXT,
        response TEXT, error TEXT, updated_at TEXT NOT NULL,
        PRIMARY KEY (merge_id, idx)
    );
    CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT strpos(haystack, needle)';
    """,
    """
    ALTER TABLE merges ADD COLUMN after TEXT;
    CREATE INDEX merges_by_created ON merges (created_at);
    CREATE TABLE restores (
        id BIGSERIAL PRIMARY KEY,
        merge_id BIGINT NOT NULL REFERENCES merges (id),
        status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, finished_at TEXT
    );
    CREATE INDEX restores_by_merge ON restores (merge_id);
    CREATE TABLE restore_actions (
        restore_id BIGINT NOT NULL REFERENCES restores (id),
        idx INTEGER NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,
        request TEXT NOT NULL, state TEXT NOT NULL, new_id TEXT, error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (restore_id, idx)
    );
    """,
    """
    ALTER TABLE groups ADD COLUMN title TEXT NOT NULL DEFAULT '';
    DROP INDEX groups_by_score;
    CREATE INDEX groups_by_score_id ON groups (conn, score DESC, id, status);
    CREATE INDEX groups_by_size ON groups (conn, size DESC, score DESC, id, status);
    CREATE TABLE group_counts (
        conn TEXT NOT NULL, status TEXT NOT NULL, n BIGINT NOT NULL,
        PRIMARY KEY (conn, status)
    );
    INSERT INTO group_counts SELECT conn, status, count(*) FROM groups GROUP BY conn, status;
    CREATE FUNCTION groups_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO group_counts (conn, status, n)
            SELECT conn, status, count(*) FROM new_rows GROUP BY conn, status
            ON CONFLICT (conn, status) DO UPDATE SET n = group_counts.n + excluded.n;
        RETURN NULL;
    END $$;
    CREATE FUNCTION groups_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE group_counts c SET n = c.n - d.n
            FROM (SELECT conn, status, count(*) AS n FROM old_rows GROUP BY conn, status) d
            WHERE c.conn = d.conn AND c.status = d.status;
        RETURN NULL;
    END $$;
    CREATE FUNCTION groups_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO group_counts (conn, status, n)
            SELECT conn, status, sum(k) FROM (
                SELECT conn, status, -1 AS k FROM old_rows
                UNION ALL SELECT conn, status, 1 FROM new_rows) moved
            GROUP BY conn, status HAVING sum(k) <> 0
            ON CONFLICT (conn, status) DO UPDATE SET n = group_counts.n + excluded.n;
        RETURN NULL;
    END $$;
    CREATE TRIGGER groups_counted_insert AFTER INSERT ON groups
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION groups_count_insert();
    CREATE TRIGGER groups_counted_delete AFTER DELETE ON groups
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION groups_count_delete();
    CREATE TRIGGER groups_counted_status AFTER UPDATE ON groups
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION groups_count_update();
    """,
    """
    CREATE INDEX groups_untitled ON groups (conn, rowid) WHERE title = '';
    """,
    """
    ALTER TABLE groups ADD COLUMN seen TEXT NOT NULL DEFAULT '';
    """,
    """
    ALTER TABLE merges ADD COLUMN actor TEXT NOT NULL DEFAULT '';
    ALTER TABLE restores ADD COLUMN actor TEXT NOT NULL DEFAULT '';
    ALTER TABLE not_duplicates ADD COLUMN actor TEXT NOT NULL DEFAULT '';
    ALTER TABLE groups ADD COLUMN claimed_by TEXT;
    ALTER TABLE groups ADD COLUMN lease_until DOUBLE PRECISION;
    CREATE INDEX groups_claimable ON groups (conn, score DESC, id) WHERE status = 'open';
    CREATE TABLE decisions (
        id BIGSERIAL PRIMARY KEY,
        conn TEXT NOT NULL, group_id TEXT NOT NULL, status TEXT NOT NULL,
        actor TEXT NOT NULL, decided_at TEXT NOT NULL
    );
    CREATE INDEX decisions_by_group ON decisions (conn, group_id);
    CREATE TABLE record_claims (
        conn TEXT NOT NULL, record_id TEXT NOT NULL, group_id TEXT NOT NULL,
        reviewer TEXT NOT NULL, lease_until DOUBLE PRECISION,
        merge_id BIGINT REFERENCES merges (id),
        PRIMARY KEY (conn, record_id)
    );
    CREATE INDEX record_claims_by_group ON record_claims (conn, group_id);
    CREATE INDEX record_claims_by_merge ON record_claims (merge_id);
    CREATE TABLE changes (
        conn TEXT NOT NULL, actor TEXT NOT NULL, version BIGINT NOT NULL,
        PRIMARY KEY (conn, actor)
    );
    """,
    # 7: claim_next_group in one round trip (store.claims.TeamReview has the same steps
    # for SQLite): the best open group nobody holds, skipping rows another reviewer is
    # claiming this instant (SKIP LOCKED) and groups whose records someone else holds.
    # A concurrent claim of the same record found only by the upsert raises MD001: the
    # whole call rolls back and the caller retries. Room on each page (fillfactor) lets
    # a claim update its row in place (HOT) instead of touching every index. Counts
    # follow status changes by a row trigger that fires only when status is set (as on
    # SQLite): the statement trigger of version 3 ran for every claim.
    """
    ALTER TABLE groups SET (fillfactor = 85);
    DROP TRIGGER groups_counted_status ON groups;
    CREATE FUNCTION groups_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE group_counts SET n = n - 1 WHERE conn = old.conn AND status = old.status;
        INSERT INTO group_counts AS c (conn, status, n) VALUES (new.conn, new.status, 1)
            ON CONFLICT (conn, status) DO UPDATE SET n = c.n + 1;
        RETURN NULL;
    END $$;
    CREATE TRIGGER groups_counted_status AFTER UPDATE OF status ON groups FOR EACH ROW
        WHEN (old.status IS DISTINCT FROM new.status)
        EXECUTE FUNCTION groups_count_status();
    CREATE FUNCTION claim_next_group(p_conn TEXT, p_reviewer TEXT,
                                     p_lease DOUBLE PRECISION, p_tries INTEGER)
    RETURNS TABLE (group_id TEXT, records TEXT, lease_until DOUBLE PRECISION)
    LANGUAGE plpgsql AS $$
    DECLARE
        now_s DOUBLE PRECISION := extract(epoch FROM statement_timestamp());
        until DOUBLE PRECISION := now_s + p_lease;
        tried TEXT[] := '{}';
        found_id TEXT;
        found_records TEXT;
        ids TEXT[];
        taken INTEGER;
    BEGIN
        FOR attempt IN 1..p_tries LOOP
            SELECT g.id, g.records INTO found_id, found_records FROM groups g
             WHERE g.conn = p_conn AND g.status = 'open'
               AND (g.lease_until IS NULL OR g.lease_until < now_s)
               AND g.id <> ALL (tried)
             ORDER BY g.score DESC, g.id LIMIT 1 FOR UPDATE SKIP LOCKED;
            IF found_id IS NULL THEN
                RETURN;
            END IF;
            ids := ARRAY(SELECT DISTINCT jsonb_array_elements_text(found_records::jsonb));
            IF EXISTS (SELECT 1 FROM record_claims c
                        WHERE c.conn = p_conn AND c.record_id = ANY (ids)
                          AND (c.merge_id IS NOT NULL OR (c.lease_until >= now_s
                               AND NOT (c.group_id = found_id AND c.reviewer = p_reviewer))))
            THEN
                tried := tried || found_id;
                found_id := NULL;
                CONTINUE;
            END IF;
            INSERT INTO record_claims AS c (conn, record_id, group_id, reviewer,
                                            lease_until, merge_id)
                SELECT p_conn, r, found_id, p_reviewer, until, NULL FROM unnest(ids) AS r
                ON CONFLICT (conn, record_id) DO UPDATE SET group_id = excluded.group_id,
                    reviewer = excluded.reviewer, lease_until = excluded.lease_until,
                    merge_id = NULL
                WHERE c.merge_id IS NULL AND ((c.group_id = excluded.group_id
                      AND c.reviewer = excluded.reviewer) OR c.lease_until < now_s);
            GET DIAGNOSTICS taken = ROW_COUNT;
            IF taken < cardinality(ids) THEN
                RAISE EXCEPTION 'records claimed concurrently' USING ERRCODE = 'MD001';
            END IF;
            UPDATE groups g SET claimed_by = p_reviewer, lease_until = until
             WHERE g.conn = p_conn AND g.id = found_id;
            INSERT INTO changes AS ch (conn, actor, version) VALUES (p_conn, p_reviewer, 1)
                ON CONFLICT (conn, actor) DO UPDATE SET version = ch.version + 1;
            group_id := found_id;
            records := found_records;
            lease_until := until;
            RETURN NEXT;
            RETURN;
        END LOOP;
    END $$;
    """,
)
