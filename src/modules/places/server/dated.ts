// The mechanics of effective dating for places: the kernel's (values/period.ts), the same rules as
// the organisation's.

export {
  addDays,
  asPeriod,
  coversPeriod,
  describePeriod,
  holdsOn,
  norwegianDate,
  overlaps,
  todayInNorway,
  type Period,
} from '../../../kernel/index.js';
