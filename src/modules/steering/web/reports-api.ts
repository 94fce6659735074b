import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type { CreateReportBody, ReportDetail, ReportList, SaveSectionBody } from '../reports.schemas';

// The reports pages' reads and writes (type-only imports of the shared contract).

const base = '/api/steering/reports';

export const reportsQuery = () => queryOptions({ queryKey: ['steering', 'reports'], queryFn: () => apiRequest<ReportList>('GET', base) });

export const reportQuery = (id: string) =>
  queryOptions({ queryKey: ['steering', 'reports', id], queryFn: () => apiRequest<ReportDetail>('GET', `${base}/${id}`) });

export const createReport = (body: CreateReportBody) => apiRequest<ReportDetail>('POST', base, body);

export const saveSection = (id: string, areaId: string, body: SaveSectionBody) =>
  apiRequest<ReportDetail>('PUT', `${base}/${id}/sections/${areaId}`, body);

export const sectionAction = (
  id: string,
  areaId: string,
  action: 'submit' | 'approve' | 'return',
  body: { revision: number; comment?: string },
) => apiRequest<ReportDetail>('POST', `${base}/${id}/sections/${areaId}/${action}`, body);

export const publishReport = (id: string, revision: number) => apiRequest<ReportDetail>('POST', `${base}/${id}/publish`, { revision });

/** A plain link: the browser downloads the file with the session cookie. */
export const reportExportUrl = (id: string, format: 'csv' | 'xlsx' | 'docx', table?: 'indicators' | 'budget' | 'decisions') =>
  `${base}/${id}/export?format=${format}${table ? `&table=${table}` : ''}`;
