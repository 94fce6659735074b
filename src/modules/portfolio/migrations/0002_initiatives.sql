-- Initiatives part: indexes for the overview's filters (initiatives following a political decision,
-- by digital agent) and the events carried over by merges.
CREATE INDEX pf_initiative_decisions_decision_idx ON pf_initiative_decisions (decision_id);
CREATE INDEX pf_initiatives_agent_idx ON pf_initiatives (digital_agent_id) WHERE digital_agent_id IS NOT NULL;
CREATE INDEX pf_initiatives_merged_into_idx ON pf_initiatives (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- The overview's free-text search: one trigram index over the four searched text columns, joined by
-- a unit separator (chr 31) so a match cannot span two columns; the query (initiatives.queries.ts)
-- uses exactly this expression with ILIKE. pg_trgm is created by the places module (which runs first);
-- IF NOT EXISTS keeps this migration self-contained.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX pf_initiatives_search_trgm_idx ON pf_initiatives
  USING gin ((title || E'\x1f' || problem || E'\x1f' || need || E'\x1f' || beneficiaries) gin_trgm_ops);
