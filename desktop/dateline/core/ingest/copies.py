"""Copies among documents: the same article imported twice is one report, never corroboration.

The .txt and .html copies of one article, or a wire story republished by another outlet under another
headline and byline, are imported as documents of their own (the analyst may want both), but linked:
``documents.copy_of`` names the stored original (schema m012), and ``corroboration`` counts a document
and its copies once.

Finding the original stays fast on a large project: each document's fingerprint (``readers.fingerprint``)
is stored with the ``KEYS`` smallest hashes of its sketch indexed (``fingerprint_keys``). A copy shares
many of them with its original (the sketches are samples of the same word runs), so a new article is
compared only with the ``CANDIDATES`` stored documents sharing the most keys, never with every document;
and a key counts only for the ``POSTINGS`` most recent documents holding it, so a stock phrase held by
thousands of documents costs no more than a rare one.
An original is never a copy itself: a copy of a copy links to the first one.

A copy's reports join the original's events that quote the same sentence with the same date words
(``quoted_events``), whatever their status: a report the analyst already judged is not proposed again.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..readers.fingerprint import Fingerprint, normalized_words, similarity

if TYPE_CHECKING:
    from ..model import ProposedEvent
    from ..store import Store
    from ..store.tx import Tx

KEYS = 32  # smallest sketch hashes indexed per document
CANDIDATES = 8  # stored documents sharing the most keys that are compared in full
POSTINGS = 64  # documents per key, the most recent, that a key counts for
MIN_SHARED = 2  # keys a candidate must share (one, for a text too short to have eight)
MIN_WORDS = 25  # shorter texts are copies only when their words are exactly the same
BACKFILL_BATCH = 200  # documents fingerprinted per transaction when a project predates m012

_SIGN = 1 << 63


@dataclass(frozen=True)
class Original:
    """The stored document a new one copies."""

    document_id: int
    path: str
    resemblance: float
    containment: float

    def describe(self) -> str:
        return f"copy of document {self.document_id} ({self.path or 'no file'})"


def _key(h: int) -> int:
    """A 64-bit sketch hash as SQLite's signed INTEGER."""
    return h - (1 << 64) if h >= _SIGN else h


def keys_of(fp: Fingerprint) -> list[int]:
    return [_key(h) for h in fp.sketch[:KEYS]]  # the sketch is sorted: its smallest hashes


def find_original(
    conn: sqlite3.Connection, fp: Fingerprint, *, before: int | None = None
) -> Original | None:
    """The stored original ``fp``'s text copies, if any (only documents with ids below ``before``)."""
    keys = keys_of(fp)
    if not keys or fp.words == 0:
        return None
    limit = "AND document_id < ?" if before is not None else ""
    # A copy shares many keys; one shared key is often a stock phrase ("in the first half of").
    shared = MIN_SHARED if len(keys) >= 4 * MIN_SHARED else 1
    # Each key counts for its ``POSTINGS`` most recent documents only: a key that hundreds of stored
    # documents hold is a stock phrase (a wire service's sign-off, a house style's lead), and counting
    # every one of them made each new article's look-up grow with the project.
    one = f"SELECT * FROM (SELECT document_id FROM fingerprint_keys WHERE key = ? {limit} "
    one += f"ORDER BY document_id DESC LIMIT {POSTINGS})"
    rows = conn.execute(
        f"SELECT document_id, count(*) AS n FROM ({' UNION ALL '.join([one] * len(keys))}) "
        f"GROUP BY document_id HAVING n >= {shared} ORDER BY n DESC, document_id "
        f"LIMIT {CANDIDATES}",
        [v for k in keys for v in (k, *([before] if before is not None else []))],
    ).fetchall()
    if not rows:
        return None
    ids = [r[0] for r in rows]
    best: tuple[tuple[float, float, int], int, float, float] | None = None
    for did, blob in conn.execute(
        f"SELECT document_id, fingerprint FROM document_fingerprints "
        f"WHERE document_id IN ({','.join('?' * len(ids))})",
        ids,
    ):
        other = Fingerprint.from_bytes(blob)
        sim = similarity(fp, other)
        if not sim.duplicate or (not sim.exact and min(fp.words, other.words) < MIN_WORDS):
            continue
        rank = (sim.resemblance, sim.containment, -did)
        if best is None or rank > best[0]:
            best = (rank, did, sim.resemblance, sim.containment)
    if best is None:
        return None
    _, did, resemblance, containment = best
    root, path = conn.execute(
        "SELECT coalesce(o.id, d.id), coalesce(o.path, d.path) FROM documents d "
        "LEFT JOIN documents o ON o.id = d.copy_of WHERE d.id = ?",
        (did,),
    ).fetchone()
    return Original(int(root), str(path), resemblance, containment)


def record(tx: Tx, document_id: int, fp: Fingerprint) -> None:
    """Store ``document_id``'s fingerprint and index its keys."""
    tx.record_fingerprint(document_id, fp.to_bytes(), keys_of(fp))


def original_of(conn: sqlite3.Connection, document_id: int) -> Original | None:
    """The stored original of a document that is a copy (None for an original)."""
    row = conn.execute(
        "SELECT o.id, o.path FROM documents d JOIN documents o ON o.id = d.copy_of WHERE d.id = ?",
        (document_id,),
    ).fetchone()
    return None if row is None else Original(int(row[0]), str(row[1]), 0.0, 0.0)


def _said(sentence: str, words: str) -> tuple[str, str]:
    return " ".join(normalized_words(sentence)), " ".join(normalized_words(words))


def quoted_events(conn: sqlite3.Connection, original_id: int) -> dict[tuple[str, str], int]:
    """The original's events by what their sources quote: (sentence, date words), normalised."""
    out: dict[tuple[str, str], int] = {}
    for event_id, quote, words in conn.execute(
        "SELECT event_id, quote, timex_text FROM sources WHERE document_id = ? ORDER BY id",
        (original_id,),
    ):
        out.setdefault(_said(quote, words), event_id)
    return out


def copy_target(
    original_id: int, quoted: dict[tuple[str, str], int]
) -> Callable[[ProposedEvent], tuple[int, str] | None]:
    """For ``integrate.fold_in``: the original's event a copy's proposal reports again, if any (the
    one most of its sources quote), and why it joins it."""
    why = f"the same report in document {original_id}, of which this document is a copy"

    def target(p: ProposedEvent) -> tuple[int, str] | None:
        found = Counter(
            quoted[k] for k in (_said(r.sentence, r.text) for r in p.sources) if k in quoted
        )
        if not found:
            return None
        return min(found, key=lambda e: (-found[e], e)), why

    return target


def unindexed(conn: sqlite3.Connection) -> list[int]:
    """Documents without a stored fingerprint (imported before m012), oldest first."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM document_fingerprints f WHERE f.document_id = d.id) ORDER BY id"
        )
    ]


def backfill(
    store: Store,
    ids: Sequence[int],
    fingerprint_of: Callable[[str], Fingerprint],
    step: Callable[[int, int], None] | None = None,
) -> list[tuple[int, Original]]:
    """Fingerprint documents stored before m012 and link the copies among them (each to an older
    document), a batch per transaction; ``step(done, total)`` may raise Cancelled between batches."""
    linked: list[tuple[int, Original]] = []
    for i in range(0, len(ids), BACKFILL_BATCH):
        if step is not None:
            step(i, len(ids))
        batch = list(ids[i : i + BACKFILL_BATCH])
        texts = _texts(store.conn, batch)
        prints = [(did, fingerprint_of(texts[did])) for did in batch if did in texts]
        with store.transaction() as tx:
            for did, fp in prints:
                original = find_original(tx.conn, fp, before=did)
                record(tx, did, fp)
                if original is not None:
                    tx.set_copy_of(did, original.document_id)
                    linked.append((did, original))
                    tx.audit("find-copies", "document", did, {}, {"copy_of": original.document_id})
    return linked


def _texts(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(ids)
    rows = conn.execute(
        f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(wanted))})", wanted
    )
    return {r[0]: r[1] for r in rows}
