-- Initiatives part: indexes for the overview's filters (initiatives following a political decision,
-- by digital agent) and the events carried over by merges.
CREATE INDEX pf_initiative_decisions_decision_idx ON pf_initiative_decisions (decision_id);
CREATE INDEX pf_initiatives_agent_idx ON pf_initiatives (digital_agent_id) WHERE digital_agent_id IS NOT NULL;
CREATE INDEX pf_initiatives_merged_into_idx ON pf_initiatives (merged_into_id) WHERE merged_into_id IS NOT NULL;
