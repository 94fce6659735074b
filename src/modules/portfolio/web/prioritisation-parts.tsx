// Parts of the initiative page owned by the prioritisation part (stubs: the owner replaces them).
// Each takes the initiative's id, fetches its own data, and invalidates ['portfolio'] after a write.

export function InitiativeScores(_props: { initiativeId: string }) {
  return null;
}

export function InitiativeResources(_props: { initiativeId: string }) {
  return null;
}
