-- The provider's groups give roles through the mapping (server/group-roles.ts).
CREATE TRIGGER group_role_mappings_role_inputs AFTER INSERT OR UPDATE OR DELETE ON group_role_mappings
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
CREATE TRIGGER scim_groups_role_inputs AFTER UPDATE OR DELETE ON scim_groups
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
CREATE TRIGGER scim_group_members_role_inputs AFTER INSERT OR UPDATE OR DELETE ON scim_group_members
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
