import { createModuleI18n } from '../../../web/i18n/module-i18n';
import { commonEn, commonNb } from './common.messages';
import { initiativesEn, initiativesNb } from './initiatives.messages';
import { boardEn, boardNb } from './board.messages';
import { prioritisationEn, prioritisationNb } from './prioritisation.messages';
import { benefitsEn, benefitsNb } from './benefits.messages';

// The portfolio module's dictionary: one file per group of pages, merged here. A key missing in one
// language is a type error.

const nb = { ...commonNb, ...initiativesNb, ...boardNb, ...prioritisationNb, ...benefitsNb };
export type PortfolioKey = keyof typeof nb;
const en: Record<PortfolioKey, string> = { ...commonEn, ...initiativesEn, ...boardEn, ...prioritisationEn, ...benefitsEn };

export const usePortfolioI18n = createModuleI18n<PortfolioKey>({ nb, en });
export type PortfolioI18n = ReturnType<typeof usePortfolioI18n>;
