import { sortByNorwegian } from '../../../kernel/index.js';
import type { ReportFinding, UniversalRole } from '../places.schemas.js';
import type { ReportInput } from './places.queries.js';
import { joinNumbers } from './service-names.js';

// The documents' principles of proximity (002 s. 10, 14–16, 46, 51) as rules over one date.

/** What every hub should offer (002 s. 12, 16, 46, 51): a meeting place, a library or service desk, Åpent hus. */
const universalOffers: { roles: UniversalRole[]; nb: string; en: string }[] = [
  { roles: ['meeting_place'], nb: 'møteplass', en: 'meeting place' },
  { roles: ['library', 'service_desk'], nb: 'bibliotek eller servicetorg', en: 'library or service desk' },
  { roles: ['apent_hus'], nb: 'tilbud fra Åpent hus', en: 'Åpent hus offers' },
];

/** Applies the proximity rules; findings in a fixed order (rule, then district or name). */
export function proximityFindings(input: ReportInput): ReportFinding[] {
  const findings: ReportFinding[] = [];
  const numberOf = new Map(input.districts.map((d) => [d.id, d.number]));
  const allNumbers = input.districts.map((d) => d.number);
  const covered = new Map<string, Set<number>>();
  for (const row of input.coverage) {
    const number = numberOf.get(row.districtId);
    if (number === undefined) continue;
    covered.set(row.serviceId, (covered.get(row.serviceId) ?? new Set()).add(number));
  }
  const byName = sortByNorwegian(input.services, (s) => s.name);

  for (const service of byName.filter((s) => s.proximityClass === 'every_district')) {
    const missing = allNumbers.filter((n) => !covered.get(service.id)?.has(n));
    if (missing.length === 0) continue;
    findings.push({
      rule: 'every_district_missing',
      message: {
        nb: `«${service.name}» skal finnes i alle kommunedeler, men mangler i kommunedel ${joinNumbers(missing)}.`,
        en: `"${service.name}" is to be in every district but is missing in district ${missing.join(', ')}.`,
      },
      districtNumbers: missing,
      serviceId: service.id,
      hubId: null,
      missing: [],
    });
  }

  const hubByDistrict = new Map(input.hubs.map((h) => [h.districtId, h]));
  for (const district of input.districts) {
    if (hubByDistrict.has(district.id)) continue;
    findings.push({
      rule: 'district_without_hub',
      message: {
        nb: `Kommunedel ${district.number} (${district.name}) har ikke noe lokalt knutepunkt.`,
        en: `District ${district.number} (${district.name}) has no local hub.`,
      },
      districtNumbers: [district.number],
      serviceId: null,
      hubId: null,
      missing: [],
    });
  }

  const rolesInDistrict = new Map<string, Set<string>>();
  const serviceById = new Map(input.services.map((s) => [s.id, s]));
  for (const row of input.coverage) {
    const role = serviceById.get(row.serviceId)?.universalRole;
    if (role) rolesInDistrict.set(row.districtId, (rolesInDistrict.get(row.districtId) ?? new Set()).add(role));
  }
  const hubsByDistrictNumber = [...input.hubs].sort((a, b) => (numberOf.get(a.districtId) ?? 0) - (numberOf.get(b.districtId) ?? 0));
  for (const hub of hubsByDistrictNumber) {
    // The hub's own functions count: a hub that is a meeting place or has a service desk offers it.
    const present = new Set([...(rolesInDistrict.get(hub.districtId) ?? []), ...hub.functions]);
    const lacking = universalOffers.filter((offer) => !offer.roles.some((role) => present.has(role)));
    if (lacking.length === 0) continue;
    const number = numberOf.get(hub.districtId) ?? 0;
    findings.push({
      rule: 'hub_missing_universal',
      message: {
        nb: `Knutepunktet «${hub.name}» (kommunedel ${number}) mangler ${lacking.map((l) => l.nb).join(', ')}.`,
        en: `The hub "${hub.name}" (district ${number}) lacks ${lacking.map((l) => l.en).join(', ')}.`,
      },
      districtNumbers: [number],
      serviceId: null,
      hubId: hub.id,
      missing: lacking.map((l) => l.roles.join('|')),
    });
  }

  for (const service of byName.filter((s) => s.proximityClass === 'shared_districts')) {
    const missing = allNumbers.filter((n) => !covered.get(service.id)?.has(n));
    if (missing.length === 0) continue;
    findings.push({
      rule: 'shared_not_covering',
      message: {
        nb: `«${service.name}» deles mellom kommunedeler, men dekker ikke kommunedel ${joinNumbers(missing)}.`,
        en: `"${service.name}" is shared between districts but does not cover district ${missing.join(', ')}.`,
      },
      districtNumbers: missing,
      serviceId: service.id,
      hubId: null,
      missing: [],
    });
  }

  const linkedPilots = new Set(input.hubs.map((h) => h.pilotUnitId).filter(Boolean));
  for (const unit of input.pilotUnits.filter((u) => !linkedPilots.has(u.id))) {
    findings.push({
      rule: 'pilot_unit_without_hub',
      message: {
        nb: `Enheten «${unit.name}» er organisert som pilot for lokalt knutepunkt, men er ikke knyttet til noe knutepunkt.`,
        en: `The unit "${unit.name}" is organised as a pilot hub but is linked to no hub.`,
      },
      districtNumbers: [],
      serviceId: null,
      hubId: null,
      missing: [],
    });
  }
  return findings;
}
