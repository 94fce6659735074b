import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { PostFigures } from '../../posts.schemas';
import { usePostsI18n } from './posts-i18n';

/** What the figures rest on: positions whose size no source states, and a missing budget. */
export function SourceNotes({ figures }: { figures: PostFigures }) {
  const { t } = usePostsI18n();
  const notes: string[] = [];
  if (figures.positions > 0 && figures.positionsWithoutFte === figures.positions) notes.push(t('allWithoutFte'));
  else if (figures.positionsWithoutFte > 0) notes.push(t('noFteSource', { count: figures.positionsWithoutFte }));
  if (figures.budgetedFte === null) notes.push(t('noBudget'));
  else if (figures.unitsWithBudget < figures.units) notes.push(t('budgetPartly', { units: figures.unitsWithBudget, all: figures.units }));
  if (notes.length === 0) return null;
  return (
    <Alert data-color="info">
      {notes.map((note) => (
        <Paragraph key={note}>{note}</Paragraph>
      ))}
    </Alert>
  );
}
