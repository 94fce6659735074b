import { invalid } from './shared.js';

/** Coordinates come in pairs: a latitude without a longitude places nothing. */
export function assertCoordinates(latitude: unknown, longitude: unknown): void {
  if ((latitude === null || latitude === undefined) !== (longitude === null || longitude === undefined)) {
    throw invalid('Oppgi både breddegrad og lengdegrad, eller ingen av dem.', 'Give both latitude and longitude, or neither.', [
      { in: 'body', path: latitude === null || latitude === undefined ? 'latitude' : 'longitude', problem: 'coordinates come in pairs' },
    ]);
  }
}
