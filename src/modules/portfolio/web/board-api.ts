import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type {
  AddAgendaItemBody,
  AddBoardMemberBody,
  BoardMemberList,
  EndBoardMemberBody,
  Checklists,
  CreateMeetingBody,
  CreateStatusReportBody,
  DecisionBody,
  DecisionList,
  DecisionResult,
  DueReports,
  Meeting,
  MeetingList,
  PutChecklistBody,
  StatusReport,
  StatusReportList,
  UpdateMeetingBody,
  UpdateStatusReportBody,
} from '../board.schemas';

// The board's reads and writes (type-only imports of the shared schemas). Every key starts with
// 'portfolio', so invalidating ['portfolio'] after a write refreshes every portfolio page.

const base = '/api/portfolio';
const root = ['portfolio', 'board'] as const;

export const decisionsQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: [...root, 'decisions', initiativeId],
    queryFn: () => apiRequest<DecisionList>('GET', `${base}/initiatives/${encodeURIComponent(initiativeId)}/decisions`),
  });

export const statusReportsQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: [...root, 'status-reports', initiativeId],
    queryFn: () => apiRequest<StatusReportList>('GET', `${base}/initiatives/${encodeURIComponent(initiativeId)}/status-reports`),
  });

export const checklistsQuery = queryOptions({
  queryKey: [...root, 'checklists'],
  queryFn: () => apiRequest<Checklists>('GET', `${base}/checklists`),
});

export const dueReportsQuery = queryOptions({
  queryKey: [...root, 'due'],
  queryFn: () => apiRequest<DueReports>('GET', `${base}/status-reports/due`),
});

export const meetingsQuery = queryOptions({
  queryKey: [...root, 'meetings'],
  queryFn: () => apiRequest<MeetingList>('GET', `${base}/meetings`),
});

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: [...root, 'meeting', id],
    queryFn: () => apiRequest<Meeting>('GET', `${base}/meetings/${encodeURIComponent(id)}`),
  });

export const decisionsExportUrl = (format: 'csv' | 'xlsx') => `${base}/decisions/export?format=${format}`;

export const recordDecision = (initiativeId: string, body: DecisionBody) =>
  apiRequest<DecisionResult>('POST', `${base}/initiatives/${encodeURIComponent(initiativeId)}/decisions`, body);
export const createStatusReport = (initiativeId: string, body: CreateStatusReportBody) =>
  apiRequest<StatusReport>('POST', `${base}/initiatives/${encodeURIComponent(initiativeId)}/status-reports`, body);
export const updateStatusReport = (initiativeId: string, id: string, body: UpdateStatusReportBody) =>
  apiRequest<StatusReport>('PUT', `${base}/initiatives/${encodeURIComponent(initiativeId)}/status-reports/${id}`, body);
export const putChecklist = (point: string, body: PutChecklistBody) =>
  apiRequest<Checklists['points'][number]>('PUT', `${base}/checklists/${point}`, body);
export const boardMembersQuery = queryOptions({
  queryKey: [...root, 'members'],
  queryFn: () => apiRequest<BoardMemberList>('GET', `${base}/board/members`),
});
export const addBoardMember = (body: AddBoardMemberBody) => apiRequest<{ id: string }>('POST', `${base}/board/members`, body);
export const endBoardMember = (id: string, body: EndBoardMemberBody) =>
  apiRequest<{ id: string }>('POST', `${base}/board/members/${encodeURIComponent(id)}/end`, body);
export const createMeeting = (body: CreateMeetingBody) => apiRequest<{ id: string; revision: number }>('POST', `${base}/meetings`, body);
export const updateMeeting = (id: string, body: UpdateMeetingBody) =>
  apiRequest<{ id: string; revision: number }>('PUT', `${base}/meetings/${encodeURIComponent(id)}`, body);
export const addAgendaItem = (id: string, body: AddAgendaItemBody) =>
  apiRequest<void>('POST', `${base}/meetings/${encodeURIComponent(id)}/agenda`, body);
export const removeAgendaItem = (id: string, initiativeId: string) =>
  apiRequest<void>('DELETE', `${base}/meetings/${encodeURIComponent(id)}/agenda/${encodeURIComponent(initiativeId)}`);

/** After any board write: every portfolio view may show what changed. */
export const invalidatePortfolio = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['portfolio'] });

// Today's date in Norway, YYYY-MM-DD (the default for decision dates): the kit's.
export { todayInNorway } from '../../../web/components/format';

/** The field an API error's details point at (`[{ path }]`), if any. */
export function errorPath(error: unknown): string | null {
  const details = (error as { details?: unknown } | null)?.details;
  if (Array.isArray(details) && details.length > 0 && typeof details[0]?.path === 'string') return details[0].path.replace(/^\//, '');
  return null;
}
