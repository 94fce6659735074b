import { Alert, Button, Heading, Label, Link, Paragraph, Select, Tag, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { GoalLevel, GoalTree } from '../goals.schemas';
import { createGoal, goalsQuery, unitSearch, type UnitOption } from './indicators-api';
import { useSteeringI18n } from './i18n';
import { StatusLabel } from './status-label';
import { SteeringNav } from './ui';
import './indicators.css';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

type GoalRow = GoalTree['goals'][number];

/** /styring/mal: the goal hierarchy with owners, strategies and linked indicators; analysts add goals. */
export function GoalsPage() {
  const { t } = useSteeringI18n();
  const { data: session } = useSession();
  const goals = useQuery(goalsQuery);
  const mayWrite = hasPermission(session, 'steering:write');
  return (
    <Page title={t('indicators.goals.title')}>
      <SteeringNav />
      <Paragraph>{t('indicators.goals.lead')}</Paragraph>
      {goals.isPending ? (
        <Loading />
      ) : goals.isError ? (
        <ErrorAlert error={goals.error} onRetry={() => void goals.refetch()} />
      ) : (
        <>
          {goals.data.goals.length === 0 ? <EmptyState>{t('indicators.goals.none')}</EmptyState> : <GoalList goals={goals.data.goals} />}
          {mayWrite && <GoalForm goals={goals.data.goals} />}
        </>
      )}
    </Page>
  );
}

function GoalList({ goals }: { goals: GoalRow[] }) {
  const { t } = useSteeringI18n();
  return (
    <ul className="kp-st-goal-list" style={{ listStyle: 'none', padding: 0 }}>
      {goals.map((goal) => (
        <li key={goal.id} className={`kp-st-goal kp-st-goal--${goal.level}`}>
          <Heading level={Math.min(2 + goal.depth, 4) as 2 | 3 | 4} data-size="xs">
            {goal.title}
          </Heading>
          <Paragraph data-size="sm">
            <Tag data-size="sm">{t(`indicators.level.${goal.level}`)}</Tag> {goal.area ? `${goal.area.code} ${goal.area.name} · ` : ''}
            {t('indicators.goals.owners')}: {goal.owners.map((o) => o.name).join(', ')}
          </Paragraph>
          {goal.description && <Paragraph data-size="sm">{goal.description}</Paragraph>}
          {goal.strategies.length > 0 && (
            <>
              <Paragraph data-size="sm">
                <strong>{t('indicators.goals.strategies')}</strong>
              </Paragraph>
              <ul>
                {goal.strategies.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          )}
          {goal.indicators.length > 0 && (
            <>
              <Paragraph data-size="sm">
                <strong>{t('indicators.goals.indicators')}</strong>
              </Paragraph>
              <ul>
                {goal.indicators.map((i) => (
                  <li key={i.key}>
                    <Link asChild>
                      <RouterLink to="/styring/indikatorer/$key" params={{ key: i.key }}>
                        {i.name}
                      </RouterLink>
                    </Link>{' '}
                    <StatusLabel status={i.status} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {goal.source && (
            <Paragraph data-size="xs">
              {t('indicators.detail.source')}: {goal.source}
            </Paragraph>
          )}
        </li>
      ))}
    </ul>
  );
}

const parentLevel: Record<GoalLevel, GoalLevel | null> = { community: null, area: 'community', unit: 'area' };

function GoalForm({ goals }: { goals: GoalRow[] }) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const client = useQueryClient();
  const [level, setLevel] = useState<GoalLevel>('community');
  const [parentId, setParentId] = useState('');
  const [title, setTitle] = useState('');
  const [strategies, setStrategies] = useState('');
  const [areaCode, setAreaCode] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<UnitOption[]>([]);
  const [owners, setOwners] = useState<UnitOption[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      createGoal({
        level,
        parentId: parentId || null,
        title,
        strategies: strategies
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        areaCode: areaCode.trim() || null,
        ownerUnitIds: owners.map((o) => o.id),
      }),
  });
  const parents = goals.filter((g) => g.level === parentLevel[level]);
  const search = () => void unitSearch(query).then((r) => setFound(r.units.slice(0, 10)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!title.trim() || owners.length === 0) {
      setProblem(t('indicators.goals.formInvalid'));
      return;
    }
    setProblem(null);
    void mutation.mutateAsync().then(() => {
      setTitle('');
      setStrategies('');
      setSaved(true);
      return client.invalidateQueries({ queryKey: ['steering'] });
    });
  };
  return (
    <form className="kp-st-form" onSubmit={submit} aria-labelledby={`${ids}-h`} noValidate>
      <SectionHeading id={`${ids}-h`}>{t('indicators.goals.add')}</SectionHeading>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      {saved && (
        <Alert data-color="success" role="status">
          {t('indicators.goals.saved')}
        </Alert>
      )}
      <div>
        <Label htmlFor={`${ids}-level`}>{t('indicators.goals.level')}</Label>
        <Select
          id={`${ids}-level`}
          value={level}
          onChange={(e) => {
            setLevel(e.target.value as GoalLevel);
            setParentId('');
          }}
        >
          {(['community', 'area', 'unit'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`indicators.level.${l}`)}
            </option>
          ))}
        </Select>
      </div>
      {parentLevel[level] && (
        <div>
          <Label htmlFor={`${ids}-parent`}>{t('indicators.goals.parent')}</Label>
          <Select id={`${ids}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('indicators.goals.noParent')}</option>
            {parents.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </Select>
        </div>
      )}
      <Textfield id={`${ids}-title`} label={t('indicators.goals.goalTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
      <Label htmlFor={`${ids}-strategies`}>{t('indicators.goals.strategiesHelp')}</Label>
      <Textarea id={`${ids}-strategies`} value={strategies} onChange={(e) => setStrategies(e.target.value)} rows={3} />
      <Textfield
        id={`${ids}-area`}
        label={t('indicators.goals.areaCode')}
        value={areaCode}
        onChange={(e) => setAreaCode(e.target.value)}
        size={6}
      />
      <div>
        <Textfield id={`${ids}-unitq`} label={t('indicators.goals.ownerSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <Button type="button" variant="secondary" onClick={search}>
          {t('indicators.goals.searchUnits')}
        </Button>
        {found.length > 0 && (
          <ul>
            {found.map((u) => (
              <li key={u.id}>
                {u.name}{' '}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  disabled={owners.some((o) => o.id === u.id)}
                  onClick={() => setOwners((prev) => [...prev, u])}
                  aria-label={t('indicators.goals.addOwnerNamed', { name: u.name })}
                >
                  {t('indicators.goals.addOwner')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Paragraph data-size="sm" aria-live="polite">
          {t('indicators.goals.chosenOwners')}: {owners.length ? owners.map((o) => o.name).join(', ') : '–'}
        </Paragraph>
      </div>
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {t('indicators.goals.save')}
        </Button>
      </div>
    </form>
  );
}
