-- Reorganisation scenarios: a named, dated list of changes drafted against the organisation as it
-- stood, compared and checked in memory, and applied through the dated edit commands.

-- One counter that every row written to the organisation tables moves on, by trigger, so that no
-- writer can forget it. A scenario remembers the value it was drafted on; a different value when
-- it is applied means someone edited the organisation in between. The counter row stays locked
-- until the writing transaction ends, so writes to the organisation take turns: fine for a
-- register a few people edit, and what lets an apply check its base and write in one go.
CREATE TABLE org_change_counter (
  id smallint PRIMARY KEY CHECK (id = 1),
  revision bigint NOT NULL
);
INSERT INTO org_change_counter (id, revision) VALUES (1, 0);

CREATE FUNCTION org_count_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_change_counter SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER org_units_counted AFTER INSERT OR UPDATE OR DELETE ON org_units FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_unit_versions_counted AFTER INSERT OR UPDATE OR DELETE ON org_unit_versions FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_positions_counted AFTER INSERT OR UPDATE OR DELETE ON org_positions FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_position_versions_counted AFTER INSERT OR UPDATE OR DELETE ON org_position_versions FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_people_counted AFTER INSERT OR UPDATE OR DELETE ON org_people FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_assignments_counted AFTER INSERT OR UPDATE OR DELETE ON org_assignments FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_reporting_lines_counted AFTER INSERT OR UPDATE OR DELETE ON org_reporting_lines FOR EACH ROW EXECUTE FUNCTION org_count_change();
CREATE TRIGGER org_level_exceptions_counted AFTER INSERT OR UPDATE OR DELETE ON org_level_exceptions FOR EACH ROW EXECUTE FUNCTION org_count_change();

CREATE TABLE org_scenarios (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  description text NOT NULL DEFAULT '',
  effective_date date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'applied', 'discarded')),
  -- org_change_counter.revision when drafted (or last rebased).
  base_revision bigint NOT NULL,
  -- The last audit entry then: what was audited after it explains a changed base.
  base_audit_id bigint NOT NULL DEFAULT 0,
  -- The ordered changes, each {id, type, …}; their shapes are checked in scenarios.schemas.ts.
  changes jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(changes) = 'array'),
  revision integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  applied_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX org_scenarios_status_idx ON org_scenarios (status, updated_at DESC);
