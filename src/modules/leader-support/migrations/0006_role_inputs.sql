-- The first-line desk's role follows the line-1 groups' units (server/desk-roles.ts).
CREATE TRIGGER ls_groups_role_inputs AFTER INSERT OR UPDATE OR DELETE ON ls_groups
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
