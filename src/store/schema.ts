/**
 * The PostgreSQL schema (idempotent). Every row belongs to a corpus, named by its key (the same
 * key as the file cache: the corpus files' fingerprint with the code and format versions), so
 * one database holds many corpora and many versions. `json` rather than `jsonb` for articles and
 * facts: they are read whole, and `json` keeps them byte for byte, key order included, so that
 * answers come out exactly as from memory.
 *
 * Passages are searchable in the database itself: a tsvector over text and title ('simple'
 * configuration: no language's stemming, the corpus mixes English and Arabic) under a GIN index,
 * and a trigram GIN index (pg_trgm) for words typed wrong.
 */
/** Part of every corpus's key: bump when the tables change, and every corpus is indexed anew. */
export const SCHEMA_VERSION = 1

export const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS corpora (
  key           text PRIMARY KEY,
  corpus_path   text NOT NULL,
  state         text NOT NULL CHECK (state IN ('indexing', 'ready')),
  articles      integer NOT NULL,
  passages      integer NOT NULL,
  merged        json,
  skipped       json,
  files         json,
  passage_index bytea,
  indexed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS corpora_path ON corpora (corpus_path);

CREATE TABLE IF NOT EXISTS articles (
  corpus text NOT NULL REFERENCES corpora (key) ON DELETE CASCADE,
  id     text NOT NULL,
  ord    integer NOT NULL,
  title  text NOT NULL,
  data   json NOT NULL,
  PRIMARY KEY (corpus, id)
);

CREATE TABLE IF NOT EXISTS passages (
  corpus       text NOT NULL REFERENCES corpora (key) ON DELETE CASCADE,
  id           text NOT NULL,
  article_id   text NOT NULL,
  paragraph    integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  sentences    integer[] NOT NULL,
  title        text NOT NULL,
  text         text NOT NULL,
  tsv          tsvector GENERATED ALWAYS AS (
                 setweight(to_tsvector('simple', text), 'A') || setweight(to_tsvector('simple', title), 'B')
               ) STORED,
  PRIMARY KEY (corpus, id)
);
CREATE INDEX IF NOT EXISTS passages_article ON passages (corpus, article_id, paragraph);
CREATE INDEX IF NOT EXISTS passages_tsv ON passages USING gin (tsv);
CREATE INDEX IF NOT EXISTS passages_trgm ON passages USING gin (text gin_trgm_ops);

CREATE TABLE IF NOT EXISTS facts (
  corpus     text NOT NULL REFERENCES corpora (key) ON DELETE CASCADE,
  article_id text NOT NULL,
  data       json NOT NULL,
  PRIMARY KEY (corpus, article_id)
);
`
