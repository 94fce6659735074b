import { PlannedModulePage } from '../../../web/components/planned-module-page';

// Not built yet: the page says so honestly and describes what the module will hold.
export function PlacesPage() {
  return <PlannedModulePage moduleKey="places" />;
}
