import { apiRequest } from '../../../web/data/client';
import type {
  CriteriaResponse,
  InitiativeScoresResponse,
  PortfolioSettings,
  PrioritisationResponse,
  PutCriteriaBody,
  PutScoresBody,
  PutSettingsBody,
  WhatIfBody,
  WhatIfResponse,
} from '../prioritisation.schemas';

export const prioritisationKeys = {
  ranking: ['portfolio', 'prioritisation'] as const,
  criteria: ['portfolio', 'criteria'] as const,
  settings: ['portfolio', 'settings'] as const,
  scores: (id: string) => ['portfolio', 'scores', id] as const,
};

export const fetchPrioritisation = () => apiRequest<PrioritisationResponse>('GET', '/api/portfolio/prioritisation');
export const fetchCriteria = () => apiRequest<CriteriaResponse>('GET', '/api/portfolio/criteria');
export const fetchSettings = () => apiRequest<PortfolioSettings>('GET', '/api/portfolio/settings');
export const whatIf = (body: WhatIfBody) => apiRequest<WhatIfResponse>('POST', '/api/portfolio/prioritisation/what-if', body);
export const saveCriteria = (body: PutCriteriaBody) => apiRequest<CriteriaResponse>('PUT', '/api/portfolio/criteria', body);
export const saveSettings = (body: PutSettingsBody) => apiRequest<PortfolioSettings>('PUT', '/api/portfolio/settings', body);
export const fetchScores = (ref: string) =>
  apiRequest<InitiativeScoresResponse>('GET', `/api/portfolio/initiatives/${encodeURIComponent(ref)}/scores`);
export const saveScores = (ref: string, body: PutScoresBody) =>
  apiRequest<InitiativeScoresResponse>('PUT', `/api/portfolio/initiatives/${encodeURIComponent(ref)}/scores`, body);
