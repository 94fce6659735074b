import { Heading, Link, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { useMeta } from '../data/meta';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

/** The accessibility statement (tilgjengelighetserklæring) public bodies must publish. */
export function AccessibilityPage() {
  const { t } = useI18n();
  const { data: meta } = useMeta();
  const municipality = meta?.municipality.name ?? t('a11y.municipalityFallback');

  return (
    <Page title={t('a11y.title')}>
      <div className="kp-prose">
        <Paragraph data-size="lg">{t('a11y.intro', { municipality })}</Paragraph>

        <Heading level={2} data-size="sm">
          {t('a11y.requirementHeading')}
        </Heading>
        <Paragraph>{t('a11y.requirementBody')}</Paragraph>

        <Heading level={2} data-size="sm">
          {t('a11y.statusHeading')}
        </Heading>
        <Paragraph>{t('a11y.statusBody')}</Paragraph>

        <Heading level={2} data-size="sm">
          {t('a11y.testingHeading')}
        </Heading>
        <ListUnordered>
          <ListItem>{t('a11y.testingAutomated')}</ListItem>
          <ListItem>{t('a11y.testingKeyboard')}</ListItem>
          <ListItem>{t('a11y.testingDesignSystem')}</ListItem>
        </ListUnordered>
        <Paragraph>{t('a11y.testingLimits')}</Paragraph>

        <Heading level={2} data-size="sm">
          {t('a11y.reportHeading')}
        </Heading>
        <Paragraph>{t('a11y.reportBody', { municipality })}</Paragraph>

        <Heading level={2} data-size="sm">
          {t('a11y.supervisionHeading')}
        </Heading>
        <Paragraph>{t('a11y.supervisionBody')}</Paragraph>
        <Paragraph>
          <Link href="https://www.uutilsynet.no/">{t('a11y.supervisionLink')}</Link>
        </Paragraph>
      </div>
    </Page>
  );
}
