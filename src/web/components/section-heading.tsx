import { Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A section's h2 inside a page, with the space above it that separates sections.
 *
 * @example <SectionHeading id="positions">{t('unit.positions')}</SectionHeading>
 */
export function SectionHeading({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <Heading level={2} data-size="sm" id={id} className={className ? `kp-section__heading ${className}` : 'kp-section__heading'}>
      {children}
    </Heading>
  );
}
