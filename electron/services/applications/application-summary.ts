import {
  APPLICATION_FORM_LABEL,
  APPLICATION_KIND_LABEL,
  COST_CATEGORY_LABEL,
  IMPLEMENTATION_KIND_LABEL,
  OTHER_FINANCIER_LABEL,
  OtherFinancier,
  budgetFlags,
  budgetTotals,
  lineSum,
  remainingBudget,
  type Application,
  type Financier,
  type RemainingYear,
  type YearAmounts,
} from '../../../shared/domain/applications';
import { formatAmount, formatDate, formatTime, formatDnr } from '../../../shared/domain/format';
import { COLORS, baseDocument, headingsKeepWithNext, quietTableLayout, titleBlock } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Content, DocDefinition } from '../pdf/types';

/**
 * "Sammanställning av ansökan": one ansökan om medel on paper, for board
 * members who prefer to read that way. The structured fields in the order the
 * application reads, the budget per year and cost line with its sums and
 * flags, what granting it would leave of the förbund's insats budget, and the
 * attachments by name. A confidential attachment is named with its OSL
 * provision only: the summary never carries the content of any attachment.
 */

export const SUMMARY_TITLE = 'Sammanställning av ansökan';

export interface ApplicationSummaryInput {
  application: Application;
  /** Member organisations by id → name (parties, owner, co-financiers). */
  organisationNames: Record<string, string>;
  /** The förbund's name, in the running header. */
  organisation?: string;
  /** The förbund's budget for insatser per year. */
  insatsBudget: YearAmounts;
  /**
   * What granting would leave of the insats budget, per year, as the domain's
   * applicationLedger computes it for the screen (one computation for both).
   * Without it, nothing counts as granted yet.
   */
  ledger?: RemainingYear[];
  generatedAt: Date;
}

const kr = formatAmount;
const dash = (s: string | null | undefined): string => (s && s.trim() !== '' ? s : 'Inte angivet');

function fileNameFor(app: Application): string {
  // Only the diarienummer's safe characters: it becomes part of a file name.
  const dnr = app.registrationNumber.replace(/[^0-9A-Za-zÅÄÖåäö-]+/g, '-').replace(/^-+|-+$/g, '') || 'ansokan';
  return `sammanstallning-${dnr}-v${app.version}`;
}

export function summaryFileName(app: Application, at: Date): string {
  return `${fileNameFor(app)}-${formatDate(at)}.pdf`;
}

function financierName(f: Financier, names: Record<string, string>): string {
  const other = OtherFinancier.safeParse(f);
  return other.success ? OTHER_FINANCIER_LABEL[other.data] : (names[f] ?? 'okänd organisation');
}

function heading(text: string): Content {
  return { text, style: 'heading', headlineLevel: 1 };
}

function prose(text: string): Content {
  return text.trim() === '' ? { text: 'Inget angivet.', style: 'body', color: COLORS.muted } : { text, style: 'body' };
}

/** Term and value in two columns, as the review screen shows them. */
function facts(rows: [string, string][]): Content {
  return {
    table: {
      widths: [140, '*'],
      body: rows.map(([term, value]) => [
        { text: term, style: 'tableCell', bold: true },
        { text: value, style: 'tableCell' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

function detailSections(app: Application, names: Record<string, string>): Content[] {
  const org = (id: string | null): string => (id === null ? 'Ingen angiven' : (names[id] ?? 'okänd organisation'));
  const c = app.contact;
  const contact = [c.name, c.role, c.organisationId ? org(c.organisationId) : '', c.email, c.phone].filter((x) => x.trim() !== '').join(', ');
  const t = app.targetGroup;
  const age = t.ageFrom !== null || t.ageTo !== null ? `${t.ageFrom ?? '–'}–${t.ageTo ?? '–'} år` : 'Inte angiven';
  const out: Content[] = [
    heading('Uppgifter om ansökan'),
    facts([
      ['Diarienummer', formatDnr(app.registrationNumber)],
      ['Inkom', app.receivedOn],
      ['Version', String(app.version)],
      ['Sökande parter', app.parties.map(org).join(', ')],
      ['Insatsägare', org(app.ownerId)],
      ['Kontaktperson', dash(contact)],
      ['Typ av insats', APPLICATION_KIND_LABEL[app.kind]],
      ['Form', APPLICATION_FORM_LABEL[app.form]],
      ['Period', `${app.period.from} – ${app.period.to}`],
    ]),
    heading('Bakgrund och problembeskrivning'),
    prose(app.background),
    heading('Syfte och mål'),
    prose(app.purpose),
  ];
  if (app.goals.length > 0) {
    out.push({
      ul: app.goals.map((g) => ({ stack: [{ text: g.text }, ...(g.target ? [{ text: `Mätbart mål: ${g.target}`, color: COLORS.muted }] : [])] })),
      style: 'body',
    });
  }
  out.push(
    heading('Målgrupp'),
    facts([
      ['Ålder', age],
      ['Område', dash(t.area)],
      ['Antal deltagare', t.participants !== null ? String(t.participants) : 'Inte angivet'],
    ]),
  );
  if (t.description.trim() !== '') out.push(prose(t.description));
  out.push(
    heading('Aktiviteter'),
    prose(app.activities),
    heading('Organisation och styrning'),
    prose(app.governance),
    heading('Relation till ordinarie verksamhet'),
    prose(app.relationToOrdinary),
  );
  return out;
}

function budgetTable(app: Application, names: Record<string, string>): Content {
  const totals = budgetTotals(app);
  const head = ['Kostnadsslag', 'Beskrivning', 'Sökt', 'Medfinansiering', 'Summa'].map((text, i): Content => ({ text, style: 'tableHeader', alignment: i >= 2 ? 'right' : 'left' }));
  const money = (n: number, extra: Record<string, unknown> = {}): Content => ({ text: kr(n), style: 'tableCell', alignment: 'right', noWrap: true, ...extra });
  const body: Content[][] = [head];
  for (const y of totals.years) {
    body.push([{ text: y.year, style: 'tableTotal', colSpan: 5, fillColor: COLORS.headerFill }, '', '', '', '']);
    for (const l of app.budget.filter((b) => b.year === y.year)) {
      const s = lineSum(l);
      const description = [l.description, l.fte !== null ? `${String(l.fte).replace('.', ',')} åa` : ''].filter(Boolean).join(' · ');
      const co = l.coFinancing.map((c) => `${financierName(c.financier, names)}: ${kr(c.amount)}${c.inKind ? ' (i annat än pengar)' : ''}`);
      body.push([
        { text: COST_CATEGORY_LABEL[l.category], style: 'tableCell' },
        { stack: [{ text: description }, ...co.map((text) => ({ text, style: 'small' }))], style: 'tableCell' },
        money(s.sought),
        money(s.coFinancing),
        money(s.total),
      ]);
    }
    body.push([
      { text: `Summa ${y.year}`, style: 'tableTotal', colSpan: 2 },
      '',
      money(y.sought, { style: 'tableTotal' }),
      money(y.coFinancing, { style: 'tableTotal' }),
      money(y.total, { style: 'tableTotal' }),
    ]);
  }
  body.push([
    { text: 'Totalt hela perioden', style: 'tableTotal', colSpan: 2 },
    '',
    money(totals.sought, { style: 'tableTotal' }),
    money(totals.coFinancing, { style: 'tableTotal' }),
    money(totals.total, { style: 'tableTotal' }),
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['auto', '*', 'auto', 'auto', 'auto'], body },
    layout: quietTableLayout({ footerRows: 1 }),
    margin: [0, 0, 0, 8],
  };
}

function budgetSection(input: ApplicationSummaryInput): Content[] {
  const app = input.application;
  const out: Content[] = [heading('Budget')];
  if (app.budget.length === 0) out.push(prose(''));
  else out.push(budgetTable(app, input.organisationNames));
  const flags = budgetFlags(app);
  if (flags.length > 0) {
    out.push({ text: 'Budgeten går inte ihop på alla punkter', style: 'body', bold: true, color: '#8a4b00', margin: [0, 4, 0, 2] }, { ul: flags.map((f) => f.message), style: 'body' });
  }
  const remaining = input.ledger ?? remainingBudget(input.insatsBudget, {}, app);
  out.push({ text: 'Förbundets budget för insatser om ansökan beviljas', style: 'body', bold: true, margin: [0, 8, 0, 4] });
  if (Object.keys(input.insatsBudget).length === 0) {
    out.push({ text: 'Förbundschefen har inte fastställt någon budget för insatser ännu.', style: 'body', color: COLORS.muted });
  }
  if (remaining.length > 0) {
    const head = ['År', 'Budget för insatser', 'Redan beviljat', 'Denna ansökan', 'Kvar om beviljad'].map((text, i): Content => ({ text, style: 'tableHeader', alignment: i ? 'right' : 'left' }));
    const cell = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, style: 'tableCell', alignment: 'right', noWrap: true, ...extra });
    out.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['auto', '*', '*', '*', '*'],
        body: [
          head,
          ...remaining.map((r) => [
            { text: r.year, style: 'tableCell' },
            cell(r.budgetMissing ? 'Inte fastställd' : kr(r.budget)),
            cell(kr(r.granted)),
            cell(kr(r.sought)),
            cell(kr(r.remaining), r.remaining < 0 ? { bold: true, color: '#a61b1b' } : {}),
          ]),
        ],
      },
      layout: quietTableLayout(),
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

function closingSections(app: Application): Content[] {
  const out: Content[] = [heading('Uppföljning och utvärdering'), prose(app.followUp.text)];
  if (app.followUp.nationalSystemReference) out.push({ text: `Referens i Uppföljning Finsam: ${app.followUp.nationalSystemReference}`, style: 'body' });
  out.push(heading('Implementeringsplan'));
  if (app.implementation.kind) out.push({ text: IMPLEMENTATION_KIND_LABEL[app.implementation.kind], style: 'body', bold: true });
  out.push(prose(app.implementation.text), heading('Risker'), prose(app.risks), heading('Bilagor'));
  if (app.attachments.length === 0) {
    out.push({ text: 'Ansökan har inga bilagor.', style: 'body', color: COLORS.muted });
  } else {
    const head = ['Nr', 'Bilaga', 'Offentlighet'].map((text) => ({ text, style: 'tableHeader' }));
    out.push({
      table: {
        headerRows: 1,
        widths: ['auto', '*', 'auto'],
        body: [
          head,
          ...app.attachments.map((a, i) => [
            { text: String(i + 1), style: 'tableCell', color: COLORS.muted },
            { stack: [{ text: a.title || a.fileName }, { text: a.fileName, style: 'small' }], style: 'tableCell' },
            { text: a.confidential ? `Sekretess enligt ${a.oslReference ?? 'OSL'}` : 'Allmän handling, offentlig', style: 'tableCell' },
          ]),
        ],
      },
      layout: quietTableLayout(),
    });
    if (app.attachments.some((a) => a.confidential)) {
      out.push({ text: 'Sekretessmarkerade bilagor är bara namngivna här; deras innehåll ingår inte i sammanställningen.', style: 'small', margin: [0, 6, 0, 0] });
    }
  }
  return out;
}

/** The pdfmake definition; pure, so it can be tested without rendering. */
export function applicationSummaryDefinition(input: ApplicationSummaryInput): DocDefinition {
  const app = input.application;
  const created = `${formatDate(input.generatedAt)} kl. ${formatTime(input.generatedAt)}`;
  const content: Content[] = [
    ...titleBlock(app.name, `${SUMMARY_TITLE} · ${formatDnr(app.registrationNumber)} · version ${app.version} · upprättad ${created}`),
    ...detailSections(app, input.organisationNames),
    ...budgetSection(input),
    ...closingSections(app),
  ];
  return {
    ...baseDocument({
      title: SUMMARY_TITLE,
      organisation: input.organisation,
      footerNote: `${formatDnr(app.registrationNumber)} · version ${app.version} · upprättad ${formatDate(input.generatedAt)}`,
      subject: `${SUMMARY_TITLE}: ${app.name}`,
      createdAt: input.generatedAt,
    }),
    // A heading never ends a page alone: it moves to the next page with what follows.
    pageBreakBefore: headingsKeepWithNext,
    content,
  };
}

export async function renderApplicationSummary(input: ApplicationSummaryInput): Promise<Buffer<ArrayBuffer>> {
  return renderPdf(applicationSummaryDefinition(input));
}
