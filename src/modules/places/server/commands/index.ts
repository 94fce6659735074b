// One write use case per file; each runs in the caller's transaction and writes the audit log.
export { createDistrict } from './create-district.js';
export { changeDistrict } from './change-district.js';
export { createHub } from './create-hub.js';
export { changeHub } from './change-hub.js';
export { createSite } from './create-site.js';
export { changeSite } from './change-site.js';
export { createService } from './create-service.js';
export { changeService } from './change-service.js';
export { addCoverage } from './add-coverage.js';
export { changeCoverage } from './change-coverage.js';
export { addLocation } from './add-location.js';
