import type { SnapshotPosition, SnapshotUnit } from '../../src/modules/organisation/server/snapshot.js';

// Units and positions of an organisation snapshot for the pure tests of analytics, scenarios and
// synthetic people: what a test does not name takes a plain default.

/** A service unit named by its key, with no districts. */
export const snapshotUnit = (unit: Pick<SnapshotUnit, 'id' | 'key' | 'level' | 'parentId'> & Partial<SnapshotUnit>): SnapshotUnit => ({
  name: unit.key,
  kind: 'unit',
  classification: 'service',
  nameKnown: true,
  districts: [],
  ...unit,
});

/** A position titled by its key, with personnel responsibility unless it is an employee's. */
export const snapshotPosition = (
  position: Pick<SnapshotPosition, 'id' | 'key' | 'unitId' | 'roleType'> & Partial<SnapshotPosition>,
): SnapshotPosition => ({
  title: position.key,
  personnelResponsibility: position.roleType !== 'employee',
  professionallyIndependent: false,
  fte: null,
  ...position,
});
