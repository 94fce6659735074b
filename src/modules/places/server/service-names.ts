// The documents' convention for a service given to several districts from one place:
// «Helsestasjon for kommunedel 1 og 2» (002 s. 10). Generated from coverage, never typed.

/** «1», «1 og 2», «1, 2 og 3». */
export function joinNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b).map(String);
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} og ${sorted.at(-1)}`;
}

/** The name of a service as delivered to `districts` from one site: plain when it serves one district. */
export function sharedServiceName(name: string, districts: readonly number[]): string {
  return new Set(districts).size > 1 ? `${name} for kommunedel ${joinNumbers(districts)}` : name;
}
