-- Roles follow positions (server/position-roles.ts): what they are read from moves the kernel's
-- role_inputs counter, so kept roles are worked out again after any change.
CREATE TRIGGER org_user_people_role_inputs AFTER INSERT OR UPDATE OR DELETE ON org_user_people
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
CREATE TRIGGER org_assignments_role_inputs AFTER INSERT OR UPDATE OR DELETE ON org_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
CREATE TRIGGER org_position_versions_role_inputs AFTER INSERT OR UPDATE OR DELETE ON org_position_versions
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
CREATE TRIGGER org_unit_versions_role_inputs AFTER INSERT OR UPDATE OR DELETE ON org_unit_versions
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
