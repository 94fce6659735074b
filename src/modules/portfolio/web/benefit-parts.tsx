// Parts of the initiative page owned by the benefits part (stubs: the owner replaces them).
// Each takes the initiative's id, fetches its own data, and invalidates ['portfolio'] after a write.

export function InitiativeBenefits(_props: { initiativeId: string }) {
  return null;
}
