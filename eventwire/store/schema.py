"""The one place that knows the store's SQL: DDL, the schema version and every statement the store runs.

Tables (DuckDB):

    meta       key → value; holds ``schema_version``
    documents  one row per stored story (doc_id PK); ``outlet`` is the URL host, the unit of num_sources
    mentions   one row per event read in one sentence of one document (mention_id = Event.event_id);
               ``event_key`` points at the deduplicated event (a logical FK, see below)
    events     one row per deduplicated event, aggregated from its mentions (see store/dedup.py)
    actors     one row per actor code seen in any mention, with first/last publication dates
    quotes     one row per quotation, with speaker text and code

``mentions.event_key`` is not a declared FOREIGN KEY on purpose: DuckDB checks foreign keys eagerly,
so re-keying a mention and rebuilding its event row in one transaction would fail. The store keeps the
link consistent itself: every write rebuilds the events rows of every key it touched.
"""

from __future__ import annotations

#: Bump on any change to the DDL below; Store refuses files written under another version.
SCHEMA_VERSION = "2"  # 2: mentions.role (headline | lead | body | caption)

TABLES = ("documents", "mentions", "events", "actors", "quotes", "meta")

DDL = (
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        title VARCHAR,
        published DATE,
        published_source VARCHAR,
        source VARCHAR,
        url VARCHAR,
        outlet VARCHAR NOT NULL,
        model VARCHAR,
        coder_version VARCHAR,
        ingested_at TIMESTAMP NOT NULL,
        num_events INTEGER NOT NULL,
        text VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        mention_id VARCHAR PRIMARY KEY,
        event_key VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL REFERENCES documents (doc_id),
        sent INTEGER NOT NULL,
        sentence VARCHAR NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER,
        trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        part VARCHAR NOT NULL,
        role VARCHAR,
        source VARCHAR NOT NULL, source_text VARCHAR, source_start INTEGER, source_end INTEGER,
        target VARCHAR, target_text VARCHAR, target_start INTEGER, target_end INTEGER,
        speaker VARCHAR, speaker_text VARCHAR,
        cameo VARCHAR NOT NULL, cameo_name VARCHAR, root VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
        goldstein DOUBLE,
        plover VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
        modality VARCHAR NOT NULL,
        date_text VARCHAR, date_value VARCHAR, date_begin DATE, date_until DATE,
        date_granularity VARCHAR, date_method VARCHAR,
        anchor VARCHAR NOT NULL, anchor_begin DATE, anchor_until DATE, anchor_granularity VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        negated BOOLEAN NOT NULL, future BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL,
        from_caption BOOLEAN NOT NULL,
        place VARCHAR,
        rule VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_key VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL, target VARCHAR,
        cameo VARCHAR NOT NULL, cameo_name VARCHAR, root VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL, goldstein DOUBLE,
        plover VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
        modality VARCHAR NOT NULL,
        date_value VARCHAR, date_begin DATE, date_until DATE, date_granularity VARCHAR,
        first_seen TIMESTAMP NOT NULL, first_published DATE,
        num_mentions INTEGER NOT NULL, num_documents INTEGER NOT NULL, num_sources INTEGER NOT NULL,
        confidence DOUBLE NOT NULL,
        place VARCHAR, is_root BOOLEAN NOT NULL,
        source_text VARCHAR, target_text VARCHAR, sentence VARCHAR, trigger VARCHAR,
        doc_id VARCHAR, url VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS actors (
        code VARCHAR PRIMARY KEY,
        name VARCHAR, country VARCHAR, sector VARCHAR,
        first_seen DATE, last_seen DATE,
        num_mentions INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        quote_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL REFERENCES documents (doc_id),
        sent INTEGER, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
        text VARCHAR NOT NULL, direct BOOLEAN NOT NULL,
        speaker_text VARCHAR, speaker_code VARCHAR, speaker_name VARCHAR,
        cue VARCHAR, part VARCHAR, event_ids VARCHAR[])""",
    # The mention-level view every filter runs against (query.EventFilter): mention + its document.
    """CREATE OR REPLACE VIEW event_mentions AS
        SELECT m.*, d.published, d.url, d.outlet, d.title
        FROM mentions m JOIN documents d USING (doc_id)""",
)

# Columns written by bulk inserts, in table order (the row builders in store/rows.py produce these keys).
DOCUMENT_COLUMNS = ("doc_id", "title", "published", "published_source", "source", "url", "outlet", "model",
                    "coder_version", "ingested_at", "num_events", "text")
MENTION_COLUMNS = (
    "mention_id", "event_key", "doc_id", "sent", "sentence", "sentence_start", "sentence_end",
    "trigger", "trigger_start", "trigger_end", "part", "role",
    "source", "source_text", "source_start", "source_end",
    "target", "target_text", "target_start", "target_end",
    "speaker", "speaker_text", "cameo", "cameo_name", "root", "quad_class", "goldstein",
    "plover", "plover_mode", "plover_context", "modality",
    "date_text", "date_value", "date_begin", "date_until", "date_granularity", "date_method",
    "anchor", "anchor_begin", "anchor_until", "anchor_granularity",
    "confidence", "negated", "future", "hypothetical", "from_caption", "place", "rule",
)
QUOTE_COLUMNS = ("quote_id", "doc_id", "sent", "start_offset", "end_offset", "text", "direct",
                 "speaker_text", "speaker_code", "speaker_name", "cue", "part", "event_ids")
ACTOR_COLUMNS = ("code", "name", "country", "sector", "first_seen", "last_seen", "num_mentions")

# DuckDB types of columns whose Python values (ISO strings, None-only lists) need an explicit cast.
_CASTS = {"published": "DATE", "ingested_at": "TIMESTAMP", "date_begin": "DATE", "date_until": "DATE",
          "anchor_begin": "DATE", "anchor_until": "DATE", "first_seen": "DATE", "last_seen": "DATE",
          "event_ids": "VARCHAR[]"}


def bulk_insert(table: str, columns: tuple[str, ...], on_conflict: str = "") -> str:
    """INSERT of many rows at once: one list parameter per column, zipped by ``unnest``.

    Row-by-row ``executemany`` is ~150x slower in DuckDB; this binds each column as one list.
    """
    selects = ", ".join(f"CAST(unnest(${c}) AS {_CASTS[c]}) AS {c}" if c in _CASTS else f"unnest(${c}) AS {c}"
                        for c in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) SELECT {selects} {on_conflict}"


INSERT_DOCUMENTS = bulk_insert("documents", DOCUMENT_COLUMNS)
INSERT_MENTIONS = bulk_insert("mentions", MENTION_COLUMNS)
INSERT_QUOTES = bulk_insert("quotes", QUOTE_COLUMNS)
# Actor rows accumulate: earliest first_seen, latest last_seen, first known name/country/sector.
UPSERT_ACTORS = bulk_insert("actors", ACTOR_COLUMNS, """ON CONFLICT (code) DO UPDATE SET
    name = coalesce(actors.name, excluded.name),
    country = coalesce(actors.country, excluded.country),
    sector = coalesce(actors.sector, excluded.sector),
    first_seen = least(actors.first_seen, excluded.first_seen),
    last_seen = greatest(actors.last_seen, excluded.last_seen),
    num_mentions = actors.num_mentions + excluded.num_mentions""")

READ_VERSION = "SELECT value FROM meta WHERE key = 'schema_version'"
WRITE_META = "INSERT OR REPLACE INTO meta VALUES (?, ?)"
LIST_TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
HAS_DOCUMENT = "SELECT 1 FROM documents WHERE doc_id = ?"
EXISTING_DOCUMENTS = "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest($ids))"

# Every mention of the touched (source, target, cameo, modality) groups: the input of dedup.assign_anchors.
GROUP_MENTIONS = """
    SELECT m.mention_id, m.doc_id, m.source, coalesce(m.target, ''), m.cameo, m.modality,
           m.date_value, m.date_begin, m.date_until, m.date_granularity, m.date_method, m.event_key
    FROM mentions m
    JOIN (SELECT unnest($s) AS s, unnest($t) AS t, unnest($c) AS c, unnest($mo) AS mo) g
      ON m.source = g.s AND coalesce(m.target, '') = g.t AND m.cameo = g.c AND m.modality = g.mo
    ORDER BY m.mention_id"""

REKEY_MENTIONS = """
    UPDATE mentions SET event_key = u.event_key, anchor = u.anchor, anchor_begin = u.anchor_begin,
                        anchor_until = u.anchor_until, anchor_granularity = u.anchor_granularity
    FROM (SELECT unnest($mention_id) AS mention_id, unnest($event_key) AS event_key,
                 unnest($anchor) AS anchor,
                 CAST(unnest($anchor_begin) AS DATE) AS anchor_begin,
                 CAST(unnest($anchor_until) AS DATE) AS anchor_until,
                 unnest($anchor_granularity) AS anchor_granularity) u
    WHERE mentions.mention_id = u.mention_id"""

DELETE_EVENTS = "DELETE FROM events WHERE event_key IN (SELECT unnest($keys))"

# One events row per key, rebuilt from all of its mentions: counts are derived, never incremented,
# so re-keying and re-adding cannot drift. Ties are broken by mention_id/doc_id for determinism.
REBUILD_EVENTS = """
    INSERT INTO events
    SELECT m.event_key,
           first(m.source ORDER BY m.mention_id), first(m.target ORDER BY m.mention_id),
           first(m.cameo ORDER BY m.mention_id), first(m.cameo_name ORDER BY m.mention_id),
           first(m.root ORDER BY m.mention_id), first(m.quad_class ORDER BY m.mention_id),
           first(m.goldstein ORDER BY m.mention_id), first(m.plover ORDER BY m.mention_id),
           first(m.plover_mode ORDER BY m.mention_id), first(m.plover_context ORDER BY m.mention_id),
           first(m.modality ORDER BY m.mention_id),
           first(m.anchor ORDER BY m.mention_id), first(m.anchor_begin ORDER BY m.mention_id),
           first(m.anchor_until ORDER BY m.mention_id), first(m.anchor_granularity ORDER BY m.mention_id),
           min(d.ingested_at), min(d.published),
           count(*), count(DISTINCT m.doc_id), count(DISTINCT d.outlet),
           avg(m.confidence),
           min(m.place),
           bool_or(m.role IN ('headline', 'lead')),  -- GDELT's IsRootEvent: read in the headline or lead
           first(m.source_text ORDER BY m.confidence DESC, m.mention_id),
           first(m.target_text ORDER BY m.confidence DESC, m.mention_id),
           first(m.sentence ORDER BY m.confidence DESC, m.mention_id),
           first(m.trigger ORDER BY m.confidence DESC, m.mention_id),
           first(m.doc_id ORDER BY d.published NULLS LAST, d.ingested_at, m.doc_id),
           first(coalesce(d.url, d.source) ORDER BY d.published NULLS LAST, d.ingested_at, m.doc_id)
    FROM mentions m JOIN documents d USING (doc_id)
    WHERE m.event_key IN (SELECT unnest($keys))
    GROUP BY m.event_key"""

# Event rows for readers and exporters: the events table plus actor names/countries/sectors.
EVENT_SELECT = """
    SELECT e.event_key, e.date_value AS date, e.date_begin, e.date_until, e.date_granularity,
           e.source, sa.name AS source_name, sa.country AS source_country, sa.sector AS source_sector,
           e.source_text, e.cameo, e.cameo_name,
           e.target, ta.name AS target_name, ta.country AS target_country, ta.sector AS target_sector,
           e.target_text, e.root, e.quad_class, e.goldstein, e.plover, e.plover_mode, e.plover_context,
           e.modality, e.confidence, e.num_mentions, e.num_documents, e.num_sources,
           e.first_seen, e.first_published, e.place, e.is_root, e.sentence, e.trigger, e.doc_id, e.url
    FROM events e
    LEFT JOIN actors sa ON sa.code = e.source
    LEFT JOIN actors ta ON ta.code = e.target"""


def select_events(where: str) -> str:
    """Events having at least one mention that satisfies ``where`` (a fragment over event_mentions m)."""
    return (f"{EVENT_SELECT} WHERE e.event_key IN (SELECT m.event_key FROM event_mentions m WHERE {where})"
            " ORDER BY e.date_begin NULLS LAST, e.event_key LIMIT ? OFFSET ?")


def select_mentions(where: str) -> str:
    """Mention rows (one per sentence reading) satisfying ``where``, oldest first."""
    return (f"SELECT m.* FROM event_mentions m WHERE {where}"
            " ORDER BY m.anchor_begin NULLS LAST, m.doc_id, m.sent, m.mention_id LIMIT ? OFFSET ?")


def select_quotes(where: str) -> str:
    """Quotes with their document's date and URL matching ``where`` (over quotes q, documents d)."""
    return (f"SELECT q.*, d.published, d.url FROM quotes q JOIN documents d USING (doc_id) WHERE {where}"
            " ORDER BY d.published NULLS LAST, q.doc_id, q.start_offset LIMIT ? OFFSET ?")


SELECT_DOCUMENTS = """
    SELECT doc_id, title, published, published_source, source, url, outlet, model, coder_version,
           ingested_at, num_events
    FROM documents ORDER BY published NULLS LAST, doc_id LIMIT ? OFFSET ?"""


def count_rows(table: str) -> str:
    """Row count of one of TABLES (the caller checks the name: table names cannot be parameters)."""
    if table not in TABLES:
        raise ValueError(table)
    return f"SELECT count(*) FROM {table}"


STATS_BY_DAY = """
    SELECT date_begin AS day, count(*) AS events, sum(num_mentions) AS mentions
    FROM events WHERE date_granularity = 'day' GROUP BY date_begin ORDER BY date_begin"""
STATS_BY_ROOT = """
    SELECT root, count(*) AS events, sum(num_mentions) AS mentions FROM events GROUP BY root ORDER BY root"""
STATS_BY_DYAD = """
    SELECT source, target, count(*) AS events, sum(num_mentions) AS mentions, avg(goldstein) AS goldstein
    FROM events WHERE target IS NOT NULL
    GROUP BY source, target ORDER BY events DESC, source, target LIMIT ?"""


def dyad_timeline(where: str, freq: str) -> str:
    """Events per period and quad class plus mean Goldstein, for events matching ``where`` (over events e)."""
    unit = {"day": "day", "week": "week", "month": "month"}[freq]
    return f"""
        SELECT CAST(date_trunc('{unit}', e.date_begin) AS DATE) AS period,
               count(*) AS events,
               count(*) FILTER (WHERE e.quad_class = 1) AS q1, count(*) FILTER (WHERE e.quad_class = 2) AS q2,
               count(*) FILTER (WHERE e.quad_class = 3) AS q3, count(*) FILTER (WHERE e.quad_class = 4) AS q4,
               avg(e.goldstein) AS goldstein, sum(e.num_mentions) AS mentions
        FROM events e WHERE e.date_begin IS NOT NULL AND {where}
        GROUP BY period ORDER BY period"""


def actor_network(where: str) -> str:
    """Directed edges source → target with event counts and mean Goldstein (over events e).

    Unresolved sides (---: "a suicide bomber", "18 people") are no actor a network can join, so are left out.
    """
    return f"""
        SELECT e.source, e.target, count(*) AS count, avg(e.goldstein) AS goldstein,
               sum(e.num_mentions) AS mentions
        FROM events e WHERE e.target IS NOT NULL AND e.source <> '---' AND e.target <> '---' AND {where}
        GROUP BY e.source, e.target HAVING count(*) >= ? ORDER BY count DESC, e.source, e.target"""
