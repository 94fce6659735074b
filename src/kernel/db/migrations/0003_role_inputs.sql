-- A user's roles are worked out from several tables (kernel/auth/role-sources.ts). Every write to any
-- of them moves this one counter, by a statement trigger, so a process may keep the roles it worked
-- out while the counter stands still: read with the session on every request, it costs nothing, and
-- a change is seen by the next request in every process. The counter row stays locked until the
-- writing transaction ends, so role-giving writes take turns (they are rare: the organisation's
-- writes take turns already). Modules add the trigger to their own tables in their migrations.
CREATE TABLE role_inputs (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO role_inputs (id, version) VALUES (1, 0);

CREATE FUNCTION role_inputs_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE role_inputs SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_role_inputs AFTER UPDATE OF roles, groups OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
CREATE TRIGGER role_grants_role_inputs AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
