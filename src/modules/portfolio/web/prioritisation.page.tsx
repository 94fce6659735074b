import { Alert, Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { hasPermission, useSession } from '../../../web/data/session';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { Criterion, PrioritisationResponse, RankedInitiative, WhatIfResponse } from '../prioritisation.schemas';
import { usePortfolioI18n, type PortfolioI18n, type PortfolioKey } from './i18n';
import {
  fetchCriteria,
  fetchPrioritisation,
  fetchSettings,
  prioritisationKeys,
  saveCriteria,
  saveSettings,
  whatIf,
} from './prioritisation-api';
import { PortfolioNav } from './ui';
import { ScatterChart } from '../../../web/components/charts/scatter-chart';
import './prioritisation.css';
import { SectionHeading } from '../../../web/components/section-heading';
import { isStale } from '../../../web/components/write-error';

const firstRows = 60;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export const categoryKey = (category: string) => `prioritisation.category.${category}` as PortfolioKey;

/** /portefolje/prioritering: the ranked list with the capacity line, the bubble chart and what-if. */
export function PrioritisationPage() {
  const i18n = usePortfolioI18n();
  const { t } = i18n;
  const { data: session } = useSession();
  const canDecide = hasPermission(session, 'portfolio:decide');
  const queryClient = useQueryClient();
  const ranking = useQuery({ queryKey: prioritisationKeys.ranking, queryFn: fetchPrioritisation });
  const criteria = useQuery({ queryKey: prioritisationKeys.criteria, queryFn: fetchCriteria });
  const settings = useQuery({ queryKey: prioritisationKeys.settings, queryFn: fetchSettings });

  const [weights, setWeights] = useState<Record<string, number> | null>(null);
  const [line, setLine] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);

  const savedWeights = useMemo(() => Object.fromEntries((criteria.data?.criteria ?? []).map((c) => [c.key, c.weight])), [criteria.data]);
  const draftWeights = weights ?? savedWeights;
  const draftLine = line ?? settings.data?.capacityLine ?? 0;
  const changed =
    (weights !== null && Object.entries(weights).some(([key, w]) => savedWeights[key] !== w)) ||
    (line !== null && settings.data !== undefined && line !== settings.data.capacityLine);
  const proposal = useDebounced(changed ? { weights: draftWeights, capacityLine: draftLine } : null, 300);
  const allZero = Object.values(draftWeights).every((w) => w <= 0);
  const whatIfQuery = useQuery({
    queryKey: ['portfolio', 'what-if', proposal],
    queryFn: () => whatIf(proposal!),
    enabled: proposal !== null && !allZero,
    placeholderData: (previous) => previous,
  });

  const reset = () => {
    setWeights(null);
    setLine(null);
  };
  const save = useMutation({
    mutationFn: async () => {
      if (weights !== null && criteria.data)
        await saveCriteria({
          revision: criteria.data.revision,
          criteria: Object.entries(weights).map(([key, weight]) => ({ key, weight })),
        });
      if (line !== null && settings.data) await saveSettings({ capacityLine: line, revision: settings.data.revision });
    },
  });
  const onSave = () => {
    setMessage(null);
    save
      .mutateAsync()
      .then(() => {
        reset();
        setMessage({ kind: 'success', text: t('prioritisation.whatIf.saved') });
      })
      .catch((error: unknown) => {
        if (isStale(error)) {
          reset();
          setMessage({ kind: 'warning', text: t('prioritisation.whatIf.stale') });
        } else setMessage({ kind: 'warning', text: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => queryClient.invalidateQueries({ queryKey: ['portfolio'] }));
  };

  const showing: PrioritisationResponse | undefined = changed && whatIfQuery.data && proposal ? whatIfQuery.data.proposed : ranking.data;

  return (
    <Page title={t('prioritisation.title')}>
      <PortfolioNav />
      <Paragraph>{t('prioritisation.intro')}</Paragraph>
      {criteria.data && <Paragraph data-size="sm">{t('prioritisation.defaults', { source: criteria.data.source })}</Paragraph>}
      {(ranking.isPending || criteria.isPending || settings.isPending) && <Loading />}
      {ranking.error && <ErrorAlert error={ranking.error} onRetry={() => ranking.refetch()} />}
      {message && (
        <Alert data-color={message.kind} role="status">
          {message.text}
        </Alert>
      )}
      {criteria.data && settings.data && (
        <section className={`kp-pf-whatif ${changed ? 'kp-pf-unsaved' : ''}`} aria-labelledby="kp-pf-whatif-title">
          <SectionHeading id="kp-pf-whatif-title">
            {t('prioritisation.whatIf.title')} {changed && <Tag data-color="warning">{t('prioritisation.whatIf.unsaved')}</Tag>}
          </SectionHeading>
          <Paragraph data-size="sm">{t('prioritisation.whatIf.intro')}</Paragraph>
          {criteria.data.criteria.map((c) => (
            <WeightField
              key={c.key}
              criterion={c}
              value={draftWeights[c.key] ?? 0}
              i18n={i18n}
              onChange={(w) => setWeights({ ...draftWeights, [c.key]: w })}
            />
          ))}
          <Textfield
            label={t('prioritisation.whatIf.line')}
            type="number"
            min={0}
            step={100000}
            value={String(draftLine)}
            onChange={(e) => setLine(Math.max(0, Number(e.target.value) || 0))}
          />
          {changed && <WhatIfResult data={whatIfQuery.data} pending={whatIfQuery.isFetching} i18n={i18n} />}
          <div className="kp-pf-actions">
            {canDecide ? (
              <Button onClick={onSave} disabled={!changed || allZero || save.isPending}>
                {t('prioritisation.whatIf.save')}
              </Button>
            ) : (
              <Paragraph data-size="sm">{t('prioritisation.whatIf.readOnly')}</Paragraph>
            )}
            <Button variant="secondary" onClick={reset} disabled={!changed}>
              {t('prioritisation.whatIf.reset')}
            </Button>
          </div>
        </section>
      )}
      {showing && <Ranking data={showing} unsaved={changed} i18n={i18n} />}
      {showing && <BubbleChart data={showing} i18n={i18n} />}
      <Paragraph className="kp-pf-noprint">
        {t('prioritisation.export')} <Link href="/api/portfolio/prioritisation/export?format=csv">CSV</Link> ·{' '}
        <Link href="/api/portfolio/prioritisation/export?format=xlsx">XLSX</Link> ·{' '}
        <Button variant="tertiary" data-size="sm" onClick={() => window.print()}>
          {t('prioritisation.print')}
        </Button>
      </Paragraph>
    </Page>
  );
}

function WeightField({
  criterion,
  value,
  onChange,
  i18n,
}: {
  criterion: Criterion;
  value: number;
  onChange: (w: number) => void;
  i18n: PortfolioI18n;
}) {
  const { t, pick } = i18n;
  const label = pick({ nb: criterion.labelNb, en: criterion.labelEn });
  const id = `kp-pf-weight-${criterion.key}`;
  const clamp = (n: number) => Math.min(100, Math.max(0, Number.isFinite(n) ? n : 0));
  return (
    <div className="kp-pf-weight">
      <label htmlFor={id}>
        {t('prioritisation.whatIf.weight', { label })} {!criterion.higherIsBetter && t('prioritisation.whatIf.worse')}
      </label>
      <input id={id} type="range" min={0} max={100} step={1} value={value} onChange={(e) => onChange(clamp(Number(e.target.value)))} />
      <input
        type="number"
        min={0}
        max={100}
        aria-label={t('prioritisation.whatIf.weight', { label })}
        value={value}
        onChange={(e) => onChange(clamp(Number(e.target.value)))}
      />
    </div>
  );
}

function WhatIfResult({ data, pending, i18n }: { data: WhatIfResponse | undefined; pending: boolean; i18n: PortfolioI18n }) {
  const { t } = i18n;
  return (
    <div aria-live="polite">
      {pending && !data && <Paragraph data-size="sm">{t('prioritisation.whatIf.computing')}</Paragraph>}
      {data && data.fallsIn.length === 0 && data.fallsOut.length === 0 && (
        <Paragraph data-size="sm">{t('prioritisation.whatIf.none')}</Paragraph>
      )}
      {data && data.fallsOut.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t('prioritisation.whatIf.fallsOut', { n: data.fallsOut.length })} – {t('prioritisation.whatIf.unsaved')}
          </Heading>
          <ul>
            {data.fallsOut.slice(0, 50).map((m) => (
              <li key={m.id}>
                {t('prioritisation.whatIf.moved', { number: m.number, title: m.title, from: m.savedRank, to: m.proposedRank })}
              </li>
            ))}
          </ul>
        </>
      )}
      {data && data.fallsIn.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t('prioritisation.whatIf.fallsIn', { n: data.fallsIn.length })} – {t('prioritisation.whatIf.unsaved')}
          </Heading>
          <ul>
            {data.fallsIn.slice(0, 50).map((m) => (
              <li key={m.id}>
                {t('prioritisation.whatIf.moved', { number: m.number, title: m.title, from: m.savedRank, to: m.proposedRank })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Ranking({ data, unsaved, i18n }: { data: PrioritisationResponse; unsaved: boolean; i18n: PortfolioI18n }) {
  const { t, kroner, number } = i18n;
  const [all, setAll] = useState(false);
  const rows = all ? data.items : data.items.slice(0, firstRows);
  const lastFit = data.items.reduce((last, item, index) => (item.fits ? index : last), -1);
  const anySynthetic = data.items.some((i) => i.synthetic);
  return (
    <section aria-labelledby="kp-pf-ranking-title">
      <SectionHeading id="kp-pf-ranking-title">
        {t('prioritisation.table.caption')} {unsaved && <Tag data-color="warning">{t('prioritisation.whatIf.unsaved')}</Tag>}
      </SectionHeading>
      <Paragraph>
        {t('prioritisation.capacity', {
          line: kroner(data.capacityLine),
          total: kroner(data.totalDemand),
          fits: data.fitsCount,
          count: data.items.length,
        })}
      </Paragraph>
      {data.mandatedOverLine > 0 && (
        <Alert data-color="warning">{t('prioritisation.mandatedOver', { over: kroner(data.mandatedOverLine) })}</Alert>
      )}
      {anySynthetic && <Paragraph data-size="sm">{t('prioritisation.synthetic')}</Paragraph>}
      <div className="kp-table-scroll" tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption className="kp-pf-visually-hidden">
            {t('prioritisation.table.caption')}
            {unsaved ? ` – ${t('prioritisation.whatIf.unsaved')}` : ''}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell className="kp-pf-num">{t('prioritisation.col.rank')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.col.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.col.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.col.category')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-pf-num">{t('prioritisation.col.score')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-pf-num">{t('prioritisation.col.demand')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-pf-num">{t('prioritisation.col.cumulative')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.col.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((item, index) => (
              <RankRow
                key={item.id}
                item={item}
                criteriaCount={data.criteriaCount}
                i18n={i18n}
                lineAfter={index === lastFit}
                line={kroner(data.capacityLine)}
              />
            ))}
            {lastFit === -1 && (
              <Table.Row className="kp-pf-line-row">
                <Table.Cell colSpan={8}>{t('prioritisation.lineRow', { line: kroner(data.capacityLine) })}</Table.Cell>
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      </div>
      {data.items.length > firstRows && !all && (
        <Paragraph>
          {t('prioritisation.showFirst', { n: number(firstRows) })}{' '}
          <Button variant="secondary" data-size="sm" onClick={() => setAll(true)}>
            {t('prioritisation.showAll', { n: number(data.items.length) })}
          </Button>
        </Paragraph>
      )}
    </section>
  );
}

function RankRow({
  item,
  criteriaCount,
  i18n,
  lineAfter,
  line,
}: {
  item: RankedInitiative;
  criteriaCount: number;
  i18n: PortfolioI18n;
  lineAfter: boolean;
  line: string;
}) {
  const { t, kroner, number } = i18n;
  return (
    <>
      <Table.Row className={item.fits ? undefined : 'kp-pf-out'} data-initiative={item.number}>
        <Table.Cell className="kp-pf-num">{item.rank}</Table.Cell>
        <Table.Cell>
          <Link href={`/portefolje/initiativ/${item.number}`}>INI-{item.number}</Link>
        </Table.Cell>
        <Table.Cell>{item.title}</Table.Cell>
        <Table.Cell>
          {item.mandated ? (
            <Tag data-color="danger" title={t('prioritisation.mandatedPin')}>
              📌 {t('prioritisation.mandated')}
            </Tag>
          ) : (
            t(categoryKey(item.category))
          )}
        </Table.Cell>
        <Table.Cell className="kp-pf-num">
          {item.score === null ? t('prioritisation.notScored') : number(item.score)}
          {item.score !== null && item.scoredCount < criteriaCount && (
            <span className="kp-pf-visually-hidden">{t('prioritisation.partlyScored', { n: item.scoredCount, total: criteriaCount })}</span>
          )}
          {item.score !== null && item.scoredCount < criteriaCount && ' *'}
        </Table.Cell>
        <Table.Cell className="kp-pf-num">{kroner(item.demand)}</Table.Cell>
        <Table.Cell className="kp-pf-num">{kroner(item.cumulative)}</Table.Cell>
        <Table.Cell>{item.fits ? t('prioritisation.fits') : t('prioritisation.out')}</Table.Cell>
      </Table.Row>
      {lineAfter && (
        <Table.Row className="kp-pf-line-row">
          <Table.Cell colSpan={8}>{t('prioritisation.lineRow', { line })}</Table.Cell>
        </Table.Row>
      )}
    </>
  );
}

function BubbleChart({ data, i18n }: { data: PrioritisationResponse; i18n: PortfolioI18n }) {
  const { t, kroner, number } = i18n;
  const scored = data.items.filter((i) => i.score !== null);
  const radius = (size: string) => (size === 'large' ? 9 : size === 'medium' ? 6 : 4);
  return (
    <section aria-labelledby="kp-pf-bubble-title">
      <SectionHeading id="kp-pf-bubble-title">{t('prioritisation.bubble.title')}</SectionHeading>
      <Paragraph data-size="sm">{t('prioritisation.bubble.desc')}</Paragraph>
      {/* The ranking above is the table; the heading is the caption. */}
      <ScatterChart
        title={t('prioritisation.bubble.title')}
        description={t('prioritisation.bubble.desc')}
        caption={false}
        xLabel={t('prioritisation.bubble.x')}
        yLabel={t('prioritisation.bubble.y')}
        formatX={kroner}
        formatY={number}
        yInclude={[100]}
        groups={[t('prioritisation.fits'), t('prioritisation.out'), t('prioritisation.mandated')]}
        points={scored.map((i) => ({
          key: i.id,
          x: i.demand,
          y: i.score!,
          group: i.mandated ? 2 : i.fits ? 0 : 1,
          size: radius(i.size),
          title: `INI-${i.number} ${i.title}: ${i.score}, ${kroner(i.demand)}`,
        }))}
      />
      {scored.length < data.items.length && (
        <Paragraph data-size="sm">{t('prioritisation.bubble.unscored', { n: data.items.length - scored.length })}</Paragraph>
      )}
    </section>
  );
}
