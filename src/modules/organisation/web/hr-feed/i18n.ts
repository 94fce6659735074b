import { createModuleI18n } from '../../../../web/i18n/module-i18n';
import { hrFeedEn, hrFeedNb } from './messages';

export type HrFeedKey = keyof typeof hrFeedNb;
export const useHrFeedI18n = createModuleI18n<HrFeedKey>({ nb: hrFeedNb, en: hrFeedEn });
