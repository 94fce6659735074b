// Parts of the initiative page owned by the board part (stubs: the owner replaces them).
// Each takes the initiative's id, fetches its own data, and invalidates ['portfolio'] after a write.

export function InitiativeDecisions(_props: { initiativeId: string }) {
  return null;
}

export function InitiativeStatusReports(_props: { initiativeId: string }) {
  return null;
}
