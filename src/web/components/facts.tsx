import type { ReactNode } from 'react';

export type Fact = { term: string; value: ReactNode };

/**
 * A facts list: term and value pairs in a grid that wraps on a phone.
 *
 * @example <Facts items={[{ term: t('unit.level'), value: unit.level }, { term: t('unit.leader'), value: <Holders … /> }]} />
 */
export function Facts({ items, className }: { items: Fact[]; className?: string }) {
  return (
    <dl className={className ? `kp-facts ${className}` : 'kp-facts'}>
      {items.map((item) => (
        <div key={item.term} className="kp-facts__item">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
