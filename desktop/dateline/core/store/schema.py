"""The project database schema as named migrations, one transaction each.

Migrations are append-only: never edit one that has shipped; add a new step. ``SCHEMA_STEPS`` lists them
in order so the store can name the backup it takes before migrating (``<file>.bak-<last step>``).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .first_schema import CORE_TABLES
from .script import run as _run

migrations = Migrations("dateline")

# Events by length in days (latest - earliest): a day, a week, a month, a season/quarter, a half, a
# year, longer. SPAN_LIMITS[k] is the most days an event of class k can span beyond its first day.
SPAN_LIMITS: tuple[int, ...] = (0, 7, 31, 92, 184, 366)
SPAN_CLASS = (
    "(CASE WHEN latest IS NULL THEN -1 "
    + " ".join(
        f"WHEN julianday(latest) - julianday(earliest) <= {n} THEN {k}"
        for k, n in enumerate(SPAN_LIMITS)
    )
    + f" ELSE {len(SPAN_LIMITS)} END)"
)


@migrations(name="m001_core_tables")
def m001_core_tables(db: Database) -> None:
    _run(db, CORE_TABLES)


_EVENT_FTS_ROW = """
    INSERT INTO events_fts(rowid, title, description, notes, quotes)
    SELECT e.id, e.title, e.description, e.notes,
           coalesce((SELECT group_concat(s.quote, ' ') FROM sources s WHERE s.event_id = e.id), '')
    FROM events e WHERE e.id = {ref};
"""


@migrations(name="m002_full_text_search")
def m002_full_text_search(db: Database) -> None:
    # events_fts stores its own copy: its "quotes" column gathers rows from another table, which an
    # external-content table cannot express. Triggers keep it in step with events and sources.
    _run(
        db,
        f"""
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');

        CREATE VIRTUAL TABLE events_fts USING fts5(
            title, description, notes, quotes, tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
            {_EVENT_FTS_ROW.format(ref="new.id")}
        END;
        CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
            DELETE FROM events_fts WHERE rowid = old.id;
        END;
        CREATE TRIGGER events_fts_au AFTER UPDATE OF title, description, notes ON events BEGIN
            DELETE FROM events_fts WHERE rowid = old.id;
            {_EVENT_FTS_ROW.format(ref="new.id")}
        END;
        CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources BEGIN
            DELETE FROM events_fts WHERE rowid = new.event_id;
            {_EVENT_FTS_ROW.format(ref="new.event_id")}
        END;
        CREATE TRIGGER sources_fts_ad AFTER DELETE ON sources BEGIN
            DELETE FROM events_fts WHERE rowid = old.event_id;
            {_EVENT_FTS_ROW.format(ref="old.event_id")}
        END;
        CREATE TRIGGER sources_fts_au AFTER UPDATE OF quote, event_id ON sources BEGIN
            DELETE FROM events_fts WHERE rowid IN (old.event_id, new.event_id);
            {_EVENT_FTS_ROW.format(ref="old.event_id")}
            {_EVENT_FTS_ROW.format(ref="new.event_id AND new.event_id != old.event_id")}
        END;
        """,
    )
    db.execute(_EVENT_FTS_ROW.format(ref="e.id"))


@migrations(name="m003_read_indexes")
def m003_read_indexes(db: Database) -> None:
    # The chronological list puts unresolved dates last; ordering by this exact expression lets SQLite
    # walk the index instead of sorting 100,000 rows.
    _run(
        db,
        """
        CREATE INDEX ix_events_date ON events(coalesce(earliest, '~'), latest DESC, id);
        CREATE INDEX ix_events_latest ON events(latest);
        CREATE INDEX ix_events_confidence ON events(confidence);
        CREATE INDEX ix_events_status_date ON events(status, coalesce(earliest, '~'), latest DESC, id);
        """,
    )


@migrations(name="m004_flagged_index")
def m004_flagged_index(db: Database) -> None:
    # Few events are flagged: a partial index in list order answers "flagged" without a table scan.
    db.execute(
        "CREATE INDEX ix_events_flagged ON events(coalesce(earliest, '~'), latest DESC, id) "
        "WHERE flags != '[]'"
    )


@migrations(name="m005_event_span_index")
def m005_event_span_index(db: Database) -> None:
    # Overlap queries ("events around this date") scan, per span class, only the window of start
    # dates an event of that class could have: see queries.overlapping_ids_sql.
    db.execute(f"CREATE INDEX ix_events_span ON events(status, {SPAN_CLASS}, earliest, latest)")


@migrations(name="m006_merge_review")
def m006_merge_review(db: Database) -> None:
    # Dismissed merge suggestions are keyed by the event pair only (no foreign keys): reverting a
    # delete puts an event back under its old id, and its dismissals must still hold then.
    # Sources keep the match terms computed with the article's context (speaker of "he said");
    # timexes keep the engine's explanation and the alternatives it weighed, for provenance review.
    _run(
        db,
        """
        CREATE TABLE merge_dismissals (
            event_a INTEGER NOT NULL,
            event_b INTEGER NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            CHECK (event_a < event_b),
            PRIMARY KEY (event_a, event_b)
        ) WITHOUT ROWID;
        CREATE INDEX ix_merge_dismissals_b ON merge_dismissals(event_b, event_a);
        ALTER TABLE timexes ADD COLUMN explanation TEXT NOT NULL DEFAULT '';
        ALTER TABLE timexes ADD COLUMN alternatives TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE sources ADD COLUMN match_terms TEXT NOT NULL DEFAULT '[]';
        """,
    )


@migrations(name="m007_event_search_after_sources")
def m007_event_search_after_sources(db: Database) -> None:
    # An import inserts an event and then its sources. With the m002 triggers each source deleted and
    # re-wrote the event's search row just after it was written, which makes FTS5 flush a segment
    # every time (its pending data must stay in rowid order): about 1 ms of every imported article.
    # An import now marks new events search_pending and clears the mark once their sources are in,
    # which writes each search row once, in rowid order. Anything else inserts with the default 0 and
    # is indexed at once, as before.
    _run(
        db,
        f"""
        ALTER TABLE events ADD COLUMN search_pending INTEGER NOT NULL DEFAULT 0;
        DROP TRIGGER events_fts_ai;
        CREATE TRIGGER events_fts_ai AFTER INSERT ON events WHEN new.search_pending = 0 BEGIN
            {_EVENT_FTS_ROW.format(ref="new.id")}
        END;
        DROP TRIGGER sources_fts_ai;
        CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources
        WHEN (SELECT search_pending FROM events WHERE id = new.event_id) = 0 BEGIN
            DELETE FROM events_fts WHERE rowid = new.event_id;
            {_EVENT_FTS_ROW.format(ref="new.event_id")}
        END;
        CREATE TRIGGER events_fts_ready AFTER UPDATE OF search_pending ON events
        WHEN old.search_pending != 0 AND new.search_pending = 0 BEGIN
            DELETE FROM events_fts WHERE rowid = new.id;
            {_EVENT_FTS_ROW.format(ref="new.id")}
        END;
        """,
    )


@migrations(name="m008_drop_latest_index")
def m008_drop_latest_index(db: Database) -> None:
    # No query reads events by "latest" alone: date filters scan ix_events_date (or its per-status
    # twin) and overlap searches use ix_events_span. Kept, it cost every inserted event a write to a
    # random page of one more index, about 3% of an import.
    db.execute("DROP INDEX IF EXISTS ix_events_latest")


@migrations(name="m009_drop_unread_event_indexes")
def m009_drop_unread_event_indexes(db: Database) -> None:
    # No query looks events up by machine_key, and every status filter is answered by
    # ix_events_status_date, whose first column is the status. Each index cost every inserted event
    # a write to one more page.
    _run(
        db,
        """
        DROP INDEX IF EXISTS ix_events_machine_key;
        DROP INDEX IF EXISTS ix_events_status;
        """,
    )


EVENT_QUOTES = (
    "coalesce((SELECT group_concat(s.quote, ' ') FROM sources s WHERE s.event_id = {ref}), '')"
)
_FTS_OPTIONS = "tokenize='unicode61 remove_diacritics 2'"


@migrations(name="m010_shared_database")
def m010_shared_database(db: Database) -> None:
    # The database file is handed on as it is (sqlite3, Datasette), so it carries:
    # - a project id: exports derive stable identifiers from it (iCalendar UIDs), and a copy of the
    #   file is the same project while another project never shares it;
    # - full-text indexes Datasette finds by itself: it looks for an FTS table declared with
    #   content=[table], so both become external-content tables over their table. An event's search
    #   row gathers its sources' quotes, so events keep them in a quotes column (triggers on sources
    #   keep it in step) which the index reads; the index no longer keeps a copy of its own;
    # - read-only views of the timeline: one row per event, and one per source with its article.
    # Import still marks new events search_pending and indexes each once its sources are in (m007).
    import uuid

    _run(
        db,
        f"""
        CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO project (key, value) VALUES ('id', '{uuid.uuid4()}');

        DROP TRIGGER documents_fts_ai;
        DROP TRIGGER documents_fts_ad;
        DROP TRIGGER documents_fts_au;
        DROP TABLE documents_fts;
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content=[documents], content_rowid=[id], {_FTS_OPTIONS});
        CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');

        DROP TRIGGER events_fts_ai;
        DROP TRIGGER events_fts_ad;
        DROP TRIGGER events_fts_au;
        DROP TRIGGER events_fts_ready;
        DROP TRIGGER sources_fts_ai;
        DROP TRIGGER sources_fts_ad;
        DROP TRIGGER sources_fts_au;
        DROP TABLE events_fts;
        ALTER TABLE events ADD COLUMN quotes TEXT NOT NULL DEFAULT '';
        UPDATE events SET quotes = {EVENT_QUOTES.format(ref="events.id")};
        CREATE VIRTUAL TABLE events_fts USING fts5(
            title, description, notes, quotes, content=[events], content_rowid=[id],
            {_FTS_OPTIONS});
        CREATE TRIGGER events_fts_ai AFTER INSERT ON events WHEN new.search_pending = 0 BEGIN
            INSERT INTO events_fts(rowid, title, description, notes, quotes)
            VALUES (new.id, new.title, new.description, new.notes, new.quotes);
        END;
        CREATE TRIGGER events_fts_ad AFTER DELETE ON events WHEN old.search_pending = 0 BEGIN
            INSERT INTO events_fts(events_fts, rowid, title, description, notes, quotes)
            VALUES ('delete', old.id, old.title, old.description, old.notes, old.quotes);
        END;
        CREATE TRIGGER events_fts_au
        AFTER UPDATE OF title, description, notes, quotes, search_pending ON events BEGIN
            INSERT INTO events_fts(events_fts, rowid, title, description, notes, quotes)
            SELECT 'delete', old.id, old.title, old.description, old.notes, old.quotes
            WHERE old.search_pending = 0;
            INSERT INTO events_fts(rowid, title, description, notes, quotes)
            SELECT new.id, new.title, new.description, new.notes, new.quotes
            WHERE new.search_pending = 0;
        END;
        CREATE TRIGGER events_quotes_ai AFTER INSERT ON sources BEGIN
            UPDATE events SET quotes = {EVENT_QUOTES.format(ref="new.event_id")}
            WHERE id = new.event_id;
        END;
        CREATE TRIGGER events_quotes_ad AFTER DELETE ON sources BEGIN
            UPDATE events SET quotes = {EVENT_QUOTES.format(ref="old.event_id")}
            WHERE id = old.event_id;
        END;
        CREATE TRIGGER events_quotes_au AFTER UPDATE OF quote, event_id ON sources BEGIN
            UPDATE events SET quotes = {EVENT_QUOTES.format(ref="events.id")}
            WHERE id IN (old.event_id, new.event_id);
        END;
        INSERT INTO events_fts(rowid, title, description, notes, quotes)
        SELECT id, title, description, notes, quotes FROM events WHERE search_pending = 0;

        CREATE VIEW timeline_events AS
        SELECT e.id, e.value, e.end_value AS "end", e.granularity, e.earliest, e.latest,
               e.status, e.title, e.description, e.notes, e.location, e.actors,
               e.reliability, e.credibility, e.confidence,
               (SELECT group_concat(tag, ', ') FROM
                   (SELECT t.tag FROM event_tags t WHERE t.event_id = e.id ORDER BY t.tag)) AS tags,
               (SELECT count(*) FROM sources s WHERE s.event_id = e.id) AS sources,
               (SELECT group_concat(title, ' | ') FROM
                   (SELECT DISTINCT d.title FROM sources s JOIN documents d ON d.id = s.document_id
                    WHERE s.event_id = e.id)) AS documents,
               e.flags, e.created_at, e.updated_at
        FROM events e
        ORDER BY coalesce(e.earliest, '~'), e.latest DESC, e.id;
        CREATE VIEW timeline_sources AS
        SELECT s.event_id, e.value AS event_value, e.status AS event_status,
               e.title AS event_title, s.id AS source_id, s.quote, s.timex_text,
               s.value AS source_value, s.origin, s.document_id, d.title AS document_title,
               d.published, d.source AS publisher, d.url, d.path
        FROM sources s
        JOIN events e ON e.id = s.event_id
        JOIN documents d ON d.id = s.document_id
        ORDER BY coalesce(e.earliest, '~'), e.latest DESC, e.id, s.id;
        """,
    )


def project_id(db: Database) -> str:
    """The project's id (see m010): stable for the life of the file, distinct between projects."""
    row = db.execute("SELECT value FROM project WHERE key = 'id'").fetchone()
    return str(row[0]) if row else ""


@migrations(name="m011_source_basis")
def m011_source_basis(db: Database) -> None:
    # How a report's date was found when its clause states none ("headline event, dated by the
    # article's publication date"), and why it was joined to its event ("same speaker Rutte; same
    # day Wed 16 Oct 2024"): what the provenance panel says of each source.
    _run(
        db,
        """
        ALTER TABLE sources ADD COLUMN basis TEXT NOT NULL DEFAULT '';
        ALTER TABLE sources ADD COLUMN joined TEXT NOT NULL DEFAULT '';
        """,
    )


@migrations(name="m012_document_copies")
def m012_document_copies(db: Database) -> None:
    # The same article imported twice (saved as .txt and as .html, or a wire story republished by
    # another outlet) is one report, not corroboration: ``documents.copy_of`` names the stored
    # document a document copies (always an original, never a copy), and counts of independent
    # documents count a document and its copies once. Each document keeps its near-duplicate
    # fingerprint (``readers.fingerprint``, at most about 2 KB), and the smallest hashes of its sketch
    # are indexed: a copy shares several of them with its original, so an import compares a new
    # article with the few stored documents that share one, not with every document.
    _run(
        db,
        """
        ALTER TABLE documents ADD COLUMN copy_of INTEGER REFERENCES documents(id);
        CREATE INDEX ix_documents_copy_of ON documents(copy_of) WHERE copy_of IS NOT NULL;
        CREATE TABLE document_fingerprints (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            fingerprint BLOB NOT NULL
        );
        CREATE TABLE fingerprint_keys (
            key INTEGER NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (key, document_id)
        ) WITHOUT ROWID;
        """,
    )


@migrations(name="m013_quotes_after_sources")
def m013_quotes_after_sources(db: Database) -> None:
    # An event's ``quotes`` were gathered again after each of its sources was inserted, a rewrite of
    # the event's row per source. An import inserts an event marked search_pending (m007) and then
    # its sources: the sources of such an event now leave ``quotes`` alone, and the import gathers
    # them once, when it clears the mark (``Tx.index_pending_events``).
    _run(
        db,
        f"""
        DROP TRIGGER events_quotes_ai;
        CREATE TRIGGER events_quotes_ai AFTER INSERT ON sources
        WHEN (SELECT search_pending FROM events WHERE id = new.event_id) = 0 BEGIN
            UPDATE events SET quotes = {EVENT_QUOTES.format(ref="new.event_id")}
            WHERE id = new.event_id;
        END;
        """,
    )


@migrations(name="m014_document_search_after_batch")
def m014_document_search_after_batch(db: Database) -> None:
    # FTS5 writes out the rows a transaction gave it as a new segment of its index whenever a later
    # statement begins, so an import batch writing each article's search rows with the article made
    # a segment (and later merges) per article and per index. Documents now have events' pending
    # mark too (m007): a batch inserts both marked and writes their search rows as it commits
    # (``store.pending``). Anything else inserts with the default 0 and is indexed at once.
    _run(
        db,
        """
        ALTER TABLE documents ADD COLUMN search_pending INTEGER NOT NULL DEFAULT 0;
        DROP TRIGGER documents_fts_ai;
        CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents WHEN new.search_pending = 0 BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        DROP TRIGGER documents_fts_ad;
        CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents WHEN old.search_pending = 0 BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        DROP TRIGGER documents_fts_au;
        CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text, search_pending ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            SELECT 'delete', old.id, old.title, old.text WHERE old.search_pending = 0;
            INSERT INTO documents_fts(rowid, title, text)
            SELECT new.id, new.title, new.text WHERE new.search_pending = 0;
        END;
        """,
    )


# Every step in order: all of them are pending on an empty database.
SCHEMA_STEPS: tuple[str, ...] = tuple(m.name for m in migrations.pending(Database(memory=True)))
