import type { ExportColumn } from '../../../../kernel/index.js';
import type { ReportArea } from '../../reports.schemas.js';

// The report's tables as rows for the kernel's CSV/XLSX export: indicators, budget and decisions,
// one table each, or all three in one file with a column that says which table a row is from.

type Locale = 'nb' | 'en';
export type ExportTable = 'all' | 'indicators' | 'budget' | 'decisions';

interface Row {
  table: 'indicators' | 'budget' | 'decisions';
  areaCode: string;
  areaName: string;
  name: string;
  period: string | null;
  value: number | null;
  target: number | null;
  status: string | null;
  amount: number | null;
  actual: number | null;
  forecast: number | null;
  deviation: number | null;
  deviationPercent: number | null;
  reference: string | null;
  responsible: string | null;
  deadline: string | null;
}

const tableNames = {
  indicators: { nb: 'Indikatorer', en: 'Indicators' },
  budget: { nb: 'Budsjett', en: 'Budget' },
  decisions: { nb: 'Politiske vedtak', en: 'Political decisions' },
};
const indicatorStatusNames = {
  green: { nb: 'Grønn', en: 'Green' },
  yellow: { nb: 'Gul', en: 'Yellow' },
  red: { nb: 'Rød', en: 'Red' },
  none: { nb: 'Uten status', en: 'No status' },
};
const decisionStatusNames = {
  not_started: { nb: 'Ikke startet', en: 'Not started' },
  in_progress: { nb: 'Under arbeid', en: 'In progress' },
  completed: { nb: 'Fullført', en: 'Completed' },
  delayed: { nb: 'Forsinket', en: 'Delayed' },
  cannot_be_done: { nb: 'Kan ikke gjennomføres', en: 'Cannot be done' },
};
const adjustmentStatusNames = {
  proposed: { nb: 'Foreslått', en: 'Proposed' },
  adopted: { nb: 'Vedtatt', en: 'Adopted' },
  rejected: { nb: 'Avvist', en: 'Rejected' },
};

const empty = {
  period: null,
  value: null,
  target: null,
  status: null,
  amount: null,
  actual: null,
  forecast: null,
  deviation: null,
  deviationPercent: null,
  reference: null,
  responsible: null,
  deadline: null,
};

export function reportExportRows(areas: ReportArea[], table: ExportTable, locale: Locale): Row[] {
  const rows: Row[] = [];
  for (const area of areas) {
    const base = { areaCode: area.code, areaName: area.name };
    if (table === 'all' || table === 'indicators')
      for (const item of area.indicators.items)
        rows.push({
          ...empty,
          ...base,
          table: 'indicators',
          name: item.name,
          period: item.period,
          value: item.value,
          target: item.target,
          status: indicatorStatusNames[item.status][locale],
        });
    if (table === 'all' || table === 'budget') {
      const b = area.budget;
      rows.push({
        ...empty,
        ...base,
        table: 'budget',
        name: locale === 'nb' ? `Budsjett ${b.year}` : `Budget ${b.year}`,
        amount: b.budget,
        actual: b.actualYtd,
        forecast: b.forecast,
        deviation: b.deviation,
        deviationPercent: b.deviationPercent,
      });
      for (const adjustment of b.adjustments)
        rows.push({
          ...empty,
          ...base,
          table: 'budget',
          name: adjustment.title,
          amount: adjustment.amount,
          status: adjustmentStatusNames[adjustment.status][locale],
          reference: adjustment.decisionCaseNumber
            ? `${locale === 'nb' ? 'sak' : 'case'} ${adjustment.decisionCaseNumber}${adjustment.decisionMeetingDate ? `, ${adjustment.decisionMeetingDate}` : ''}`
            : adjustment.decisionReference,
        });
    }
    if (table === 'all' || table === 'decisions')
      for (const d of area.decisions)
        rows.push({
          ...empty,
          ...base,
          table: 'decisions',
          name: d.title,
          period: d.meetingDate,
          status: decisionStatusNames[d.status][locale],
          reference: d.caseNumber,
          responsible: d.responsibleUnit,
          deadline: d.deadline,
        });
  }
  return rows;
}

export function reportExportColumns(table: ExportTable, locale: Locale): ExportColumn<Row>[] {
  const nb = locale === 'nb';
  const col = (nbHeader: string, enHeader: string, value: (row: Row) => string | number | null): ExportColumn<Row> => ({
    header: nb ? nbHeader : enHeader,
    value,
  });
  const area = [
    col('Programområde', 'Programme area', (r) => r.areaCode),
    col('Navn på programområde', 'Programme area name', (r) => r.areaName),
  ];
  if (table === 'indicators')
    return [
      ...area,
      col('Indikator', 'Indicator', (r) => r.name),
      col('Periode', 'Period', (r) => r.period),
      col('Verdi', 'Value', (r) => r.value),
      col('Mål', 'Target', (r) => r.target),
      col('Status', 'Status', (r) => r.status),
    ];
  if (table === 'budget')
    return [
      ...area,
      col('Post', 'Item', (r) => r.name),
      col('Beløp (kr)', 'Amount (NOK)', (r) => r.amount),
      col('Regnskap hittil i år (kr)', 'Actual year to date (NOK)', (r) => r.actual),
      col('Prognose (kr)', 'Forecast (NOK)', (r) => r.forecast),
      col('Avvik (kr)', 'Deviation (NOK)', (r) => r.deviation),
      col('Avvik (%)', 'Deviation (%)', (r) => r.deviationPercent),
      col('Status', 'Status', (r) => r.status),
      col('Vedtak', 'Decision', (r) => r.reference),
    ];
  if (table === 'decisions')
    return [
      ...area,
      col('Saksnummer', 'Case number', (r) => r.reference),
      col('Møtedato', 'Meeting date', (r) => r.period),
      col('Tittel', 'Title', (r) => r.name),
      col('Ansvarlig enhet', 'Responsible unit', (r) => r.responsible),
      col('Frist', 'Deadline', (r) => r.deadline),
      col('Status', 'Status', (r) => r.status),
    ];
  return [
    col('Del', 'Section', (r) => tableNames[r.table][locale]),
    ...area,
    col('Navn', 'Name', (r) => r.name),
    col('Periode/dato', 'Period/date', (r) => r.period),
    col('Verdi', 'Value', (r) => r.value),
    col('Mål', 'Target', (r) => r.target),
    col('Status', 'Status', (r) => r.status),
    col('Beløp (kr)', 'Amount (NOK)', (r) => r.amount),
    col('Regnskap hittil i år (kr)', 'Actual year to date (NOK)', (r) => r.actual),
    col('Prognose (kr)', 'Forecast (NOK)', (r) => r.forecast),
    col('Avvik (kr)', 'Deviation (NOK)', (r) => r.deviation),
    col('Avvik (%)', 'Deviation (%)', (r) => r.deviationPercent),
    col('Referanse', 'Reference', (r) => r.reference),
    col('Ansvarlig enhet', 'Responsible unit', (r) => r.responsible),
    col('Frist', 'Deadline', (r) => r.deadline),
  ];
}
