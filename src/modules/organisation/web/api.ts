import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../web/data/client';
import type { AnalyticsResponse, Baseline, BaselineCreateBody, BaselineUpdateBody } from '../analytics.schemas';
import type { ChartLine, ChartLines, OrganisationTree } from '../organisation.schemas';

export type { ChartLine };
import type {
  AssignPersonBody,
  ChangeUnitBody,
  CloseBody,
  CreatePersonBody,
  PersonDetail,
  PositionDetail,
  SearchResult,
  UnitDetail,
  WriteResult,
} from '../records.schemas';
import type {
  CreateLevelExceptionBody,
  EndLevelExceptionBody,
  LevelException,
  LevelExceptions,
  RuleSetting,
  RuleSettings,
  RulesReport,
  UpdateRuleSettingBody,
} from '../rules.schemas';
import type {
  AddChangeBody,
  AppliedScenario,
  Scenario,
  ScenarioComparison,
  ScenarioCreateBody,
  ScenarioList,
  ScenarioRevisionBody,
  ScenarioRulesReport,
  ScenarioUpdateBody,
} from '../scenarios.schemas';

// The server's schema types (type-only imports: nothing of the server reaches the bundle), so a
// change to the API contract shows up here as a type error.

const base = '/api/organisation';
const root = ['organisation'] as const;

const withDate = (path: string, date: string) => `${path}${path.includes('?') ? '&' : '?'}date=${encodeURIComponent(date)}`;

export const treeQuery = (date: string) =>
  queryOptions({
    queryKey: [...root, 'tree', date],
    queryFn: () => apiRequest<OrganisationTree>('GET', withDate(`${base}/tree`, date)),
    staleTime: 30_000,
    // Changing the date keeps the chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });

/** The reporting lines the chart draws between units (dashed: professional and coordination). */
export const linesQuery = (date: string) =>
  queryOptions({
    queryKey: [...root, 'lines', date],
    queryFn: () => apiRequest<ChartLines>('GET', withDate(`${base}/lines`, date)),
    staleTime: 30_000,
  });

export const unitQuery = (id: string, date: string) =>
  queryOptions({
    queryKey: [...root, 'unit', id, date],
    queryFn: () => apiRequest<UnitDetail>('GET', withDate(`${base}/units/${encodeURIComponent(id)}`, date)),
  });

export const positionQuery = (id: string, date: string) =>
  queryOptions({
    queryKey: [...root, 'position', id, date],
    queryFn: () => apiRequest<PositionDetail>('GET', withDate(`${base}/positions/${encodeURIComponent(id)}`, date)),
  });

export const personQuery = (id: string, date: string) =>
  queryOptions({
    queryKey: [...root, 'person', id, date],
    queryFn: () => apiRequest<PersonDetail>('GET', withDate(`${base}/people/${encodeURIComponent(id)}`, date)),
  });

export const searchQuery = (q: string, date: string) =>
  queryOptions({
    queryKey: [...root, 'search', q, date],
    queryFn: () => apiRequest<SearchResult>('GET', withDate(`${base}/search?q=${encodeURIComponent(q)}`, date)),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export const rulesQuery = (date: string) =>
  queryOptions({
    queryKey: [...root, 'rules', date],
    queryFn: () => apiRequest<RulesReport>('GET', withDate(`${base}/rules`, date)),
  });

/** As of a date, or (with a scenario) as the scenario would make the organisation on its effective date. */
export const analyticsQuery = (date: string, scenario?: string, unit?: string) =>
  queryOptions({
    queryKey: [...root, 'analytics', scenario ? `scenario:${scenario}` : date, unit ?? null],
    queryFn: () => {
      const params = new URLSearchParams();
      if (scenario) params.set('scenario', scenario);
      else params.set('date', date);
      if (unit) params.set('unit', unit);
      return apiRequest<AnalyticsResponse>('GET', `${base}/analytics?${params.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

export const scenariosQuery = () =>
  queryOptions({
    queryKey: [...root, 'scenarios'],
    queryFn: () => apiRequest<ScenarioList>('GET', `${base}/scenarios`),
  });

export const scenarioQuery = (id: string) =>
  queryOptions({
    queryKey: [...root, 'scenario', id],
    queryFn: () => apiRequest<Scenario>('GET', `${base}/scenarios/${encodeURIComponent(id)}`),
  });

export const scenarioRulesQuery = (id: string, revision: number) =>
  queryOptions({
    queryKey: [...root, 'scenario', id, 'rules', revision],
    queryFn: () => apiRequest<ScenarioRulesReport>('GET', `${base}/scenarios/${encodeURIComponent(id)}/rules`),
  });

export const scenarioComparisonQuery = (id: string, revision: number) =>
  queryOptions({
    queryKey: [...root, 'scenario', id, 'compare', revision],
    queryFn: () => apiRequest<ScenarioComparison>('GET', `${base}/scenarios/${encodeURIComponent(id)}/compare`),
  });

// ---------------------------------------------------------------------------------------------
// Writes. Every one refreshes everything the module has read: a dated change can show up on any
// page and any date.

export function useOrganisationMutation<TVariables, TResult>(request: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    // Saved is said at once; what the module shows refreshes behind it (awaiting the refetch of every
    // page's reads would keep «Lagret» waiting for the slowest of them on a busy server).
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: root });
    },
    // A conflict means the organisation is not what this page shows (e.g. a scenario's base
    // changed): read it again. Not on `stale`, which offers its own reload button.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') void queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

export function useChangeUnit(id: string) {
  return useOrganisationMutation((body: ChangeUnitBody) =>
    apiRequest<WriteResult>('PATCH', `${base}/units/${encodeURIComponent(id)}`, body),
  );
}

export function useCloseUnit(id: string) {
  return useOrganisationMutation((body: CloseBody) =>
    apiRequest<WriteResult>('POST', `${base}/units/${encodeURIComponent(id)}/close`, body),
  );
}

export function useAssignPerson() {
  return useOrganisationMutation(
    async ({ newPerson, ...body }: Omit<AssignPersonBody, 'personId'> & { personId?: string; newPerson?: CreatePersonBody }) => {
      // A person not yet recorded is created first; if the assignment is then refused, the person
      // stays recorded, which is harmless (and found by the next search).
      const personId = newPerson ? (await apiRequest<WriteResult>('POST', `${base}/people`, newPerson)).id : body.personId;
      if (!personId) throw new Error('personId');
      return apiRequest<WriteResult>('POST', `${base}/assignments`, { ...body, personId });
    },
  );
}

export function useCreateScenario() {
  return useOrganisationMutation((body: ScenarioCreateBody) => apiRequest<Scenario>('POST', `${base}/scenarios`, body));
}

export function useUpdateScenario(id: string) {
  return useOrganisationMutation((body: ScenarioUpdateBody) =>
    apiRequest<Scenario>('PATCH', `${base}/scenarios/${encodeURIComponent(id)}`, body),
  );
}

export function useAddScenarioChange(id: string) {
  return useOrganisationMutation((body: AddChangeBody) =>
    apiRequest<Scenario>('POST', `${base}/scenarios/${encodeURIComponent(id)}/changes`, body),
  );
}

export function useRemoveScenarioChange(id: string) {
  return useOrganisationMutation(({ changeId, revision }: { changeId: string; revision: number }) =>
    apiRequest<Scenario>(
      'DELETE',
      `${base}/scenarios/${encodeURIComponent(id)}/changes/${encodeURIComponent(changeId)}?revision=${revision}`,
    ),
  );
}

export function useDiscardScenario(id: string) {
  return useOrganisationMutation((body: ScenarioRevisionBody) =>
    apiRequest<Scenario>('POST', `${base}/scenarios/${encodeURIComponent(id)}/discard`, body),
  );
}

export function useApplyScenario(id: string) {
  return useOrganisationMutation((body: ScenarioRevisionBody) =>
    apiRequest<AppliedScenario>('POST', `${base}/scenarios/${encodeURIComponent(id)}/apply`, body),
  );
}

// ---------------------------------------------------------------------------------------------
// Settings: the span-of-control thresholds and level exceptions (rules page), and the
// administration baselines of the former municipalities (analytics page).

export const ruleSettingsQuery = () =>
  queryOptions({
    queryKey: [...root, 'rule-settings'],
    queryFn: () => apiRequest<RuleSettings>('GET', `${base}/rule-settings`),
  });

export const levelExceptionsQuery = (date: string) =>
  queryOptions({
    queryKey: [...root, 'level-exceptions', date],
    queryFn: () => apiRequest<LevelExceptions>('GET', withDate(`${base}/level-exceptions`, date)),
  });

export function useUpdateRuleSetting() {
  return useOrganisationMutation(({ roleType, ...body }: UpdateRuleSettingBody & { roleType: RuleSetting['roleType'] }) =>
    apiRequest<RuleSetting>('PUT', `${base}/rule-settings/${encodeURIComponent(roleType)}`, body),
  );
}

export function useAddLevelException() {
  return useOrganisationMutation((body: CreateLevelExceptionBody) => apiRequest<LevelException>('POST', `${base}/level-exceptions`, body));
}

export function useEndLevelException() {
  return useOrganisationMutation(({ id, ...body }: EndLevelExceptionBody & { id: string }) =>
    apiRequest<LevelException>('POST', `${base}/level-exceptions/${encodeURIComponent(id)}/end`, body),
  );
}

export function useCreateBaseline() {
  return useOrganisationMutation((body: BaselineCreateBody) => apiRequest<Baseline>('POST', `${base}/baselines`, body));
}

export function useUpdateBaseline() {
  return useOrganisationMutation(({ id, ...body }: BaselineUpdateBody & { id: string }) =>
    apiRequest<Baseline>('PATCH', `${base}/baselines/${encodeURIComponent(id)}`, body),
  );
}

export function useDeleteBaseline() {
  return useOrganisationMutation(({ id, revision }: { id: string; revision: number }) =>
    apiRequest<void>('DELETE', `${base}/baselines/${encodeURIComponent(id)}?revision=${revision}`),
  );
}
