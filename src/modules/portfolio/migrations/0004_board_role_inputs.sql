-- The board's role follows the seats (server/board/board-members.ts).
CREATE TRIGGER pf_board_members_role_inputs AFTER INSERT OR UPDATE OR DELETE ON pf_board_members
  FOR EACH STATEMENT EXECUTE FUNCTION role_inputs_changed();
