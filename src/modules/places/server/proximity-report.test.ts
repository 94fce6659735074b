import { describe, expect, it } from 'vitest';
import type { ReportInput } from './places.queries.js';
import { proximityFindings } from './proximity-report.js';

const districts = [1, 2, 3].map((number) => ({ id: `d${number}`, number, name: `Kommunedel ${number}` }));

function input(overrides: Partial<ReportInput>): ReportInput {
  return { districts, hubs: [], services: [], coverage: [], pilotUnits: [], ...overrides };
}

describe('the proximity rules', () => {
  it('flags a district without a hub', () => {
    const findings = proximityFindings(
      input({ hubs: [{ id: 'h1', name: 'K1', districtId: 'd1', functions: ['meeting_place', 'service_desk'], pilotUnitId: null }] }),
    );
    expect(findings.filter((f) => f.rule === 'district_without_hub').map((f) => f.districtNumbers)).toEqual([[2], [3]]);
  });

  it('flags an every-district service missing somewhere, and a shared service that leaves districts out', () => {
    const findings = proximityFindings(
      input({
        services: [
          { id: 's1', name: 'Servicetorg', proximityClass: 'every_district', universalRole: null },
          { id: 's2', name: 'Helsestasjon', proximityClass: 'shared_districts', universalRole: null },
          { id: 's3', name: 'Legevakt', proximityClass: 'central', universalRole: null },
        ],
        coverage: [
          { serviceId: 's1', districtId: 'd1' },
          { serviceId: 's1', districtId: 'd3' },
          { serviceId: 's2', districtId: 'd1' },
          { serviceId: 's2', districtId: 'd2' },
        ],
      }),
    );
    expect(findings.find((f) => f.rule === 'every_district_missing')).toMatchObject({ serviceId: 's1', districtNumbers: [2] });
    expect(findings.find((f) => f.rule === 'shared_not_covering')).toMatchObject({ serviceId: 's2', districtNumbers: [3] });
    expect(findings.some((f) => f.serviceId === 's3')).toBe(false);
  });

  it('flags a hub lacking the universal offers, counting its own functions and the district’s coverage', () => {
    const hubs = [
      { id: 'h1', name: 'K1', districtId: 'd1', functions: ['meeting_place'], pilotUnitId: null },
      { id: 'h2', name: 'K2', districtId: 'd2', functions: [], pilotUnitId: null },
      { id: 'h3', name: 'K3', districtId: 'd3', functions: ['meeting_place', 'service_desk'], pilotUnitId: 'u1' },
    ];
    const services = [
      { id: 'lib', name: 'Bibliotek', proximityClass: 'central' as const, universalRole: 'library' as const },
      { id: 'ah', name: 'Åpent hus', proximityClass: 'central' as const, universalRole: 'apent_hus' as const },
    ];
    const coverage = [
      { serviceId: 'lib', districtId: 'd1' },
      { serviceId: 'ah', districtId: 'd1' },
      { serviceId: 'ah', districtId: 'd3' },
    ];
    const findings = proximityFindings(
      input({
        hubs,
        services,
        coverage,
        pilotUnits: [
          { id: 'u1', name: 'Pilot' },
          { id: 'u2', name: 'Pilot 2' },
        ],
      }),
    );
    const missing = findings.filter((f) => f.rule === 'hub_missing_universal').map((f) => [f.hubId, f.missing]);
    expect(missing).toEqual([['h2', ['meeting_place', 'library|service_desk', 'apent_hus']]]);
    expect(findings.filter((f) => f.rule === 'pilot_unit_without_hub').map((f) => f.message.nb)).toEqual([
      'Enheten «Pilot 2» er organisert som pilot for lokalt knutepunkt, men er ikke knyttet til noe knutepunkt.',
    ]);
  });
});
