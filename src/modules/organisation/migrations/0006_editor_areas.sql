-- An organisation editor may be limited to areas: the units (and everything under them) whose
-- units, positions, assignments and lines they may change. An editor with no rows here may
-- change the whole organisation, as before.
CREATE TABLE org_editor_areas (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (user_id, unit_id)
);
