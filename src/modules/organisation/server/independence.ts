/**
 * The independence rule, once, for the command that adds a line and for the rules report. A
 * professionally independent position (the municipal lawyer: "personalmessig rapportere til
 * direktør …, men gis for øvrig en faglig selvstendig stilling og uavhengig rolle", 002 p. 64)
 * reports on personnel matters only. A line runs from the one who reports to the one reported to,
 * so what breaks the independence is a professional line *from* it: someone directing its
 * professional work. A professional line *to* it (others using it as their professional home)
 * leaves its independence intact.
 */
export function breaksIndependence(
  lineType: 'personnel' | 'professional' | 'coordination',
  from: { professionallyIndependent: boolean },
): boolean {
  return lineType === 'professional' && from.professionallyIndependent;
}
