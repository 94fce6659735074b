import { Pagination, PaginationButton, PaginationItem, PaginationList, usePagination } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

export function AuditPagination({ page, totalPages, onChange }: { page: number; totalPages: number; onChange: (page: number) => void }) {
  const { t } = useI18n();
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: page,
    totalPages,
    showPages: 7,
    setCurrentPage: onChange,
  });
  if (totalPages <= 1) return null;

  return (
    <Pagination aria-label={t('audit.pagination')} className="kp-pagination">
      <PaginationList>
        <PaginationItem>
          <PaginationButton {...prevButtonProps} variant="tertiary">
            {t('audit.previous')}
          </PaginationButton>
        </PaginationItem>
        {pages.map(({ page: number, itemKey, buttonProps }) => (
          <PaginationItem key={itemKey}>
            {typeof number === 'number' && (
              <PaginationButton {...buttonProps} variant="tertiary" aria-label={t('audit.page', { page: number })}>
                {number}
              </PaginationButton>
            )}
          </PaginationItem>
        ))}
        <PaginationItem>
          <PaginationButton {...nextButtonProps} variant="tertiary">
            {t('audit.next')}
          </PaginationButton>
        </PaginationItem>
      </PaginationList>
    </Pagination>
  );
}
