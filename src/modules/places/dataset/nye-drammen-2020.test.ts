import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlacesDataset } from '../server/places.dataset.js';

const places = readPlacesDataset();
const organisation = JSON.parse(fs.readFileSync(new URL('../../organisation/dataset/nye-drammen-2020.json', import.meta.url), 'utf8')) as {
  units: { key: string }[];
  positions: { key: string }[];
};

describe('the built-in places dataset', () => {
  it('has the ten districts, one hub each, with dated names that do not overlap', () => {
    expect(places.districts.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(places.hubs.map((h) => h.districtNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const district of places.districts) {
      for (const [i, name] of district.names.entries()) {
        const next = district.names[i + 1];
        if (next) expect(name.to, `district ${district.number}`).toBe(next.from);
        else expect(name.to, `district ${district.number}`).toBeNull();
      }
    }
  });

  it('gives a source for every entry', () => {
    const entries = [
      ...places.districts,
      ...places.districts.flatMap((d) => d.names),
      ...places.hubs,
      ...places.sites,
      ...places.locations,
      ...places.services,
      ...places.coverage,
    ];
    for (const entry of entries) expect((entry as { source?: string }).source, JSON.stringify(entry).slice(0, 80)).toMatch(/\S/);
  });

  it('refers only to units and positions the organisation dataset has, and to its own keys', () => {
    const units = new Set(organisation.units.map((u) => u.key));
    const positions = new Set(organisation.positions.map((p) => p.key));
    for (const service of places.services) expect(units.has(service.unitKey), service.key).toBe(true);
    for (const location of places.locations) expect(units.has(location.unitKey), location.siteKey).toBe(true);
    for (const district of places.districts)
      expect(positions.has(district.localCoordinatorPositionKey!), String(district.number)).toBe(true);
    const services = new Set(places.services.map((s) => s.key));
    const sites = new Set(places.sites.map((s) => s.key));
    const hubs = new Set(places.hubs.map((h) => h.key));
    expect(services.size).toBe(places.services.length);
    for (const row of places.coverage) {
      expect(services.has(row.serviceKey), row.serviceKey).toBe(true);
      if (row.siteKey) expect(sites.has(row.siteKey), row.siteKey).toBe(true);
    }
    for (const site of places.sites) if (site.hubKey) expect(hubs.has(site.hubKey), site.key).toBe(true);
  });

  it('invents no addresses or opening hours: only the Mjøndalen innbyggertorg has them, from the reference facts', () => {
    const withAddress = places.sites.filter((s) => s.address !== null || s.openingHours !== null || s.openingHoursText !== null);
    expect(withAddress.map((s) => s.key)).toEqual(['radhuset-i-mjondalen']);
    expect(withAddress[0]!.source).toMatch(/reference-facts/);
  });

  it('does not write shared-service names by hand: no stored name says «for kommunedel»', () => {
    for (const service of places.services) expect(service.name, service.key).not.toMatch(/for kommunedel/i);
  });
});
