-- Who sits on the portfolio board, dated: a member has the board's role (deciding at the decision
-- points) from the first day to the day the membership ends, like a leader's role follows a position.
CREATE TABLE pf_board_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES org_people (id),
  valid_from date NOT NULL,
  valid_to date,
  note text NOT NULL DEFAULT '',
  source text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX pf_board_members_person_idx ON pf_board_members (person_id, valid_from);
