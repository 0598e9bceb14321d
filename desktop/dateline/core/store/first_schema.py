"""The tables, indexes and views of the first schema (migration ``m001_core_tables``), as it shipped:
never edit it; later steps change the schema (``schema``)."""

from __future__ import annotations

CORE_TABLES = """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            published TEXT,
            published_source TEXT NOT NULL DEFAULT 'unknown',
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            path TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL DEFAULT '',
            extractor_version TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE timexes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            granularity TEXT NOT NULL,
            earliest TEXT,
            latest TEXT,
            anchor TEXT NOT NULL DEFAULT '',
            rule TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 1.0,
            mod TEXT NOT NULL DEFAULT '',
            reviewed_value TEXT,
            extractor_version TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ix_timexes_document ON timexes(document_id, start);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL DEFAULT '',
            end_value TEXT,
            granularity TEXT NOT NULL DEFAULT 'unknown',
            earliest TEXT,
            latest TEXT,
            status TEXT NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'accepted', 'rejected', 'edited')),
            confidence REAL NOT NULL DEFAULT 0.0,
            origin TEXT NOT NULL DEFAULT 'machine',
            description TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            actors TEXT NOT NULL DEFAULT '',
            reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A','B','C','D','E','F')),
            credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
            flags TEXT NOT NULL DEFAULT '[]',
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL DEFAULT '',
            machine_key TEXT,
            extractor_version TEXT NOT NULL DEFAULT '',
            merged_from TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX ix_events_status ON events(status);
        CREATE INDEX ix_events_machine_key ON events(machine_key);
        CREATE TABLE event_tags (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (event_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX ix_event_tags_tag ON event_tags(tag, event_id);
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            timex_start INTEGER,
            timex_end INTEGER,
            quote TEXT NOT NULL DEFAULT '',
            timex_text TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL DEFAULT '',
            rule TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 0.0,
            origin TEXT NOT NULL DEFAULT 'machine',
            extractor_version TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ix_sources_event ON sources(event_id);
        CREATE INDEX ix_sources_document ON sources(document_id, timex_start);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            before TEXT NOT NULL DEFAULT '{}',
            after TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX ix_audit_entity ON audit(entity, entity_id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
