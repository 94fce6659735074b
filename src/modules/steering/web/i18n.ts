import { createModuleI18n } from '../../../web/i18n/module-i18n';
import { commonEn, commonNb } from './common.messages';
import { indicatorsEn, indicatorsNb } from './indicators.messages';
import { importsEn, importsNb } from './imports.messages';
import { decisionsEn, decisionsNb } from './decisions.messages';
import { reportsEn, reportsNb } from './reports.messages';

// The steering module's dictionary: one file per group of pages, merged here. A key missing in one
// language is a type error.

const nb = { ...commonNb, ...indicatorsNb, ...importsNb, ...decisionsNb, ...reportsNb };
export type SteeringKey = keyof typeof nb;
const en: Record<SteeringKey, string> = { ...commonEn, ...indicatorsEn, ...importsEn, ...decisionsEn, ...reportsEn };

export const useSteeringI18n = createModuleI18n<SteeringKey>({ nb, en });
export type SteeringI18n = ReturnType<typeof useSteeringI18n>;
