import { Pagination, PaginationButton, PaginationItem, PaginationList, usePagination } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** Numbered pages with previous and next; `label` names what is paged («Sider i revisjonsloggen»). Nothing for a single page. */
export function PageNavigation({
  label,
  page,
  totalPages,
  onChange,
  className = 'kp-pagination',
}: {
  label: string;
  page: number;
  totalPages: number;
  onChange: (page: number) => void;
  className?: string;
}) {
  const { t } = useI18n();
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: page,
    totalPages,
    showPages: 7,
    setCurrentPage: onChange,
  });
  if (totalPages <= 1) return null;

  return (
    <Pagination aria-label={label} className={className}>
      <PaginationList>
        <PaginationItem>
          <PaginationButton {...prevButtonProps} variant="tertiary">
            {t('pagination.previous')}
          </PaginationButton>
        </PaginationItem>
        {pages.map(({ page: number, itemKey, buttonProps }) => (
          <PaginationItem key={itemKey}>
            {typeof number === 'number' && (
              <PaginationButton {...buttonProps} variant="tertiary" aria-label={t('pagination.page', { page: number })}>
                {number}
              </PaginationButton>
            )}
          </PaginationItem>
        ))}
        <PaginationItem>
          <PaginationButton {...nextButtonProps} variant="tertiary">
            {t('pagination.next')}
          </PaginationButton>
        </PaginationItem>
      </PaginationList>
    </Pagination>
  );
}
