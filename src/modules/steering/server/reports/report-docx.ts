import type { Paragraph as DocxParagraph, Table as DocxTable } from 'docx';
import type { ReportArea, ReportDetail } from '../../reports.schemas.js';

// The report as a Word document (DOCX): the title and as-of date, then per programme area the units'
// texts, the indicator status counts with the red indicators, the budget and the decisions. Headings use
// Word's heading styles (Heading 1–3) and the tables are real tables with a repeated header row, so the
// document can be navigated with a screen reader. The `docx` library is loaded on first use only.

type Locale = 'nb' | 'en';
type Docx = typeof import('docx');
type Block = DocxParagraph | DocxTable;

const texts = {
  nb: {
    asOf: 'Per',
    status: { draft: 'Utkast', in_review: 'Til gjennomgang', published: 'Publisert' },
    reportStatus: 'Status for rapporten',
    frozen: 'Innholdet er slik det var da rapporten ble publisert.',
    texts: 'Enhetenes vurdering',
    statusText: 'Status',
    assessment: 'Vurdering',
    conclusion: 'Konklusjon',
    empty: 'Ikke skrevet ennå.',
    indicators: 'Indikatorer',
    summary: (s: { total: number; green: number; yellow: number; red: number; none: number }) =>
      `${s.total} indikatorer: ${s.green} grønne, ${s.yellow} gule, ${s.red} røde og ${s.none} uten status.`,
    noIndicators: 'Programområdet har ingen indikatorer.',
    redCaption: 'Røde indikatorer',
    indicator: 'Indikator',
    period: 'Periode',
    value: 'Verdi',
    target: 'Mål',
    budget: 'Økonomisk status',
    budgetCaption: (year: number, month: number) => `Budsjett og prognose ${year}, regnskap til og med måned ${month}`,
    budgetCols: ['Budsjett', 'Regnskap hittil i år', 'Prognose', 'Avvik (kr)', 'Avvik (%)'],
    noBudget: 'Ingen budsjett eller prognose er registrert for året.',
    deviation: (d: number, amount: string, date: string) =>
      d > 0
        ? `Programområdet viser per ${date} et merforbruk på ${amount} kr.`
        : d < 0
          ? `Programområdet viser per ${date} et mindreforbruk på ${amount} kr.`
          : `Programområdet er i balanse per ${date}.`,
    adjustmentsCaption: 'Foreslåtte tiltak',
    adjustmentCols: ['Tiltak', 'Beløp', 'Status', 'Vedtak'],
    adjustment: { proposed: 'Foreslått', adopted: 'Vedtatt', rejected: 'Avvist' },
    caseRef: (n: string, d: string | null) => `sak ${n}${d ? `, ${d}` : ''}`,
    decisions: 'Politiske vedtak',
    decisionsCaption: 'Status for politiske vedtak',
    noDecisions: 'Ingen vedtak å rapportere.',
    decisionCols: ['Saksnr.', 'Møtedato', 'Tittel', 'Ansvarlig enhet', 'Frist', 'Status'],
    decision: {
      not_started: 'Ikke startet',
      in_progress: 'Under arbeid',
      completed: 'Fullført',
      delayed: 'Forsinket',
      cannot_be_done: 'Kan ikke gjennomføres',
    },
    overdue: 'forfalt',
  },
  en: {
    asOf: 'As of',
    status: { draft: 'Draft', in_review: 'In review', published: 'Published' },
    reportStatus: 'Report status',
    frozen: 'The content is as it was when the report was published.',
    texts: "The units' assessment",
    statusText: 'Status',
    assessment: 'Assessment',
    conclusion: 'Conclusion',
    empty: 'Not written yet.',
    indicators: 'Indicators',
    summary: (s: { total: number; green: number; yellow: number; red: number; none: number }) =>
      `${s.total} indicators: ${s.green} green, ${s.yellow} yellow, ${s.red} red and ${s.none} without status.`,
    noIndicators: 'The programme area has no indicators.',
    redCaption: 'Red indicators',
    indicator: 'Indicator',
    period: 'Period',
    value: 'Value',
    target: 'Target',
    budget: 'Financial status',
    budgetCaption: (year: number, month: number) => `Budget and forecast ${year}, accounts up to and including month ${month}`,
    budgetCols: ['Budget', 'Actual year to date', 'Forecast', 'Deviation (NOK)', 'Deviation (%)'],
    noBudget: 'No budget or forecast is registered for the year.',
    deviation: (d: number, amount: string, date: string) =>
      d > 0
        ? `As of ${date} the programme area shows an overspend of NOK ${amount}.`
        : d < 0
          ? `As of ${date} the programme area shows an underspend of NOK ${amount}.`
          : `The programme area is in balance as of ${date}.`,
    adjustmentsCaption: 'Proposed measures',
    adjustmentCols: ['Measure', 'Amount', 'Status', 'Decision'],
    adjustment: { proposed: 'Proposed', adopted: 'Adopted', rejected: 'Rejected' },
    caseRef: (n: string, d: string | null) => `case ${n}${d ? `, ${d}` : ''}`,
    decisions: 'Political decisions',
    decisionsCaption: 'Status of political decisions',
    noDecisions: 'No decisions to report.',
    decisionCols: ['Case no.', 'Meeting date', 'Title', 'Responsible unit', 'Deadline', 'Status'],
    decision: {
      not_started: 'Not started',
      in_progress: 'In progress',
      completed: 'Completed',
      delayed: 'Delayed',
      cannot_be_done: 'Cannot be done',
    },
    overdue: 'overdue',
  },
} as const;

/** 'YYYY-MM-DD' as the locale writes dates (31.8.2026 / 31 Aug 2026), without time-zone shifts. */
function formatDate(date: string | null, locale: Locale): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function formatNumber(value: number | null, locale: Locale, digits = 0): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

/** The report as DOCX bytes. */
export async function reportDocx(report: ReportDetail, locale: Locale): Promise<Buffer> {
  const docx: Docx = await import('docx');
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const l = texts[locale];

  const heading = (text: string, level: 1 | 2 | 3) =>
    new Paragraph({
      text,
      heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    });
  /** Each line of a text as its own paragraph (empty text: a note that it is not written yet). */
  const paragraphs = (text: string): DocxParagraph[] =>
    text.trim() === ''
      ? [new Paragraph({ children: [new TextRun({ text: l.empty, italics: true })] })]
      : text.split(/\r?\n/).map((line) => new Paragraph({ text: line }));
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  /** A table with a caption paragraph before it and a header row repeated on each page. */
  const table = (caption: string, headers: readonly string[], rows: string[][]): Block[] => [
    new Paragraph({ children: [new TextRun({ text: caption, bold: true })], keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
        ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
      ],
    }),
  ];

  const area = (a: ReportArea): Block[] => {
    const blocks: Block[] = [heading(`${a.code} ${a.name}`, 2)];
    blocks.push(heading(l.texts, 3));
    for (const [label, text] of [
      [l.statusText, a.section.statusText],
      [l.assessment, a.section.assessment],
      [l.conclusion, a.section.conclusion],
    ] as const)
      blocks.push(new Paragraph({ children: [new TextRun({ text: label, bold: true })], keepNext: true }), ...paragraphs(text));

    blocks.push(heading(l.indicators, 3));
    const s = a.indicators;
    if (s.total === 0) blocks.push(new Paragraph({ text: l.noIndicators }));
    else {
      blocks.push(new Paragraph({ text: l.summary(s) }));
      const red = s.items.filter((i) => i.status === 'red');
      if (red.length > 0)
        blocks.push(
          ...table(
            l.redCaption,
            [l.indicator, l.period, l.value, l.target],
            red.map((i) => [
              i.name,
              i.period ?? '',
              `${formatNumber(i.value, locale, 2)} ${i.unitOfMeasure}`.trim(),
              i.target === null ? '–' : `${formatNumber(i.target, locale, 2)} ${i.unitOfMeasure}`.trim(),
            ]),
          ),
        );
    }

    blocks.push(heading(l.budget, 3));
    const b = a.budget;
    if (b.deviation !== null)
      blocks.push(
        new Paragraph({ text: l.deviation(b.deviation, formatNumber(Math.abs(b.deviation), locale), formatDate(report.asOf, locale)) }),
      );
    if (b.budget === null && b.forecast === null && b.actualYtd === null && b.deviation === null)
      blocks.push(new Paragraph({ text: l.noBudget }));
    else
      blocks.push(
        ...table(l.budgetCaption(b.year, b.asOfMonth), l.budgetCols, [
          [
            formatNumber(b.budget, locale),
            formatNumber(b.actualYtd, locale),
            formatNumber(b.forecast, locale),
            formatNumber(b.deviation, locale),
            formatNumber(b.deviationPercent, locale, 1),
          ],
        ]),
      );
    if (b.forecastComment) blocks.push(new Paragraph({ text: b.forecastComment }));
    if (b.adjustments.length > 0)
      blocks.push(
        ...table(
          l.adjustmentsCaption,
          l.adjustmentCols,
          b.adjustments.map((adj) => [
            adj.title,
            formatNumber(adj.amount, locale),
            l.adjustment[adj.status],
            adj.decisionCaseNumber
              ? l.caseRef(adj.decisionCaseNumber, adj.decisionMeetingDate && formatDate(adj.decisionMeetingDate, locale))
              : (adj.decisionReference ?? ''),
          ]),
        ),
      );

    blocks.push(heading(l.decisions, 3));
    if (a.decisions.length === 0) blocks.push(new Paragraph({ text: l.noDecisions }));
    else
      blocks.push(
        ...table(
          l.decisionsCaption,
          l.decisionCols,
          a.decisions.map((d) => [
            d.caseNumber,
            formatDate(d.meetingDate, locale),
            d.title,
            d.responsibleUnit ?? '',
            d.deadline ? `${formatDate(d.deadline, locale)}${d.overdue ? ` (${l.overdue})` : ''}` : '',
            l.decision[d.status],
          ]),
        ),
      );
    return blocks;
  };

  const title = locale === 'en' ? report.titleEn : report.title;
  const document = new Document({
    title,
    creator: 'Knutepunkt',
    sections: [
      {
        children: [
          heading(title, 1),
          new Paragraph({ text: `${l.asOf} ${formatDate(report.asOf, locale)}` }),
          new Paragraph({ text: `${l.reportStatus}: ${l.status[report.status]}` }),
          ...(report.frozen ? [new Paragraph({ text: l.frozen })] : []),
          ...report.areas.flatMap(area),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
