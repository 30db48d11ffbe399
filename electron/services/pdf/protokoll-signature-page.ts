import { COLORS, quietTableLayout } from './layout';
import { groupedFingerprint, stockholmDateTime, type AttestationCheck } from './protokoll-attestations';
import type { ProtokollVariant } from './protokoll-content';
import type { Content, ContentNode, TableLayout } from './types';

/**
 * The last page of a signed protokoll: who attested, when, with which key,
 * the protokoll's SHA-256 and how anyone can check the file. Derived from the
 * embedded files only, so `verify` can rebuild it and compare.
 */

export const VERIFY_COMMAND = 'npm run --silent cli -- verify <fil>';

const boxLayout: TableLayout = {
  hLineWidth: () => 0.75,
  vLineWidth: () => 0.75,
  hLineColor: () => COLORS.rule,
  vLineColor: () => COLORS.rule,
  paddingLeft: () => 10,
  paddingRight: () => 10,
  paddingTop: () => 8,
  paddingBottom: () => 8,
};

function partLabel(part: AttestationCheck['part']): string {
  if (part === null) return '';
  return part === 'whole' ? 'hela protokollet' : `§ ${part} (justerad omedelbart)`;
}

function signerBox(check: AttestationCheck): Content {
  const when = check.at ? stockholmDateTime(check.at) : null;
  const fp = check.fingerprint ? groupedFingerprint(check.fingerprint, 8) : 'okänt';
  const status: ContentNode = check.holds
    ? { text: 'Signaturen håller.', style: 'tableCell', bold: true, color: '#1d6b3a' }
    : { text: `Signaturen håller inte. ${check.problems.join(' ')}`, style: 'tableCell', bold: true, color: '#a4262c' };
  const row = (label: string, value: Content): Content[] => [{ text: label, style: 'label', margin: [0, 1.5, 0, 0] }, value];
  return {
    margin: [0, 0, 0, 10],
    unbreakable: true,
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: [{ text: check.name, bold: true, fontSize: 11.5 }, { text: `  ${check.roleLabel}`, color: COLORS.muted }] },
              {
                margin: [0, 6, 0, 0],
                table: {
                  widths: [118, '*'],
                  body: [
                    row('Justerade', { text: when ? `${when.date} kl. ${when.time} (svensk tid), ${partLabel(check.part)}` : 'okänt', style: 'tableCell' }),
                    row('Nyckelns fingeravtryck', { text: fp, style: 'code', fontSize: 8, margin: [0, 1, 0, 0] }),
                    row('Kontroll', status),
                  ],
                },
                layout: { ...quietTableLayout(), hLineWidth: () => 0, fillColor: () => null, paddingLeft: () => 0, paddingTop: () => 2, paddingBottom: () => 2 },
              },
            ],
          },
        ],
      ],
    },
    layout: boxLayout,
  };
}

export interface SignaturePageInput {
  variant: ProtokollVariant;
  checks: AttestationCheck[];
  hash: string;
  exportedAt: string;
}

export function signaturePage(input: SignaturePageInput): Content[] {
  const exported = stockholmDateTime(input.exportedAt);
  const intro =
    input.variant === 'signed'
      ? 'Protokollet är justerat elektroniskt. Varje signatur nedan är gjord med den justerandes egen nyckel och gäller exakt det protokoll som har kontrollsumman här nedanför. En ändring i protokollet, hur liten som helst, gör att signaturerna inte längre håller.'
      : 'Signaturerna nedan gjordes på originalprotokollet, som har kontrollsumman här nedanför. Den här offentliga kopian innehåller inte originalet och kan därför inte kontrolleras mot signaturerna.';
  const how =
    input.variant === 'signed'
      ? [
          'Filen bär det signerade protokollet (protokoll.json), signaturerna (signaturer.jsonl), de justerandes publika nycklar (nycklar.json) och uppgifterna om anslaget (export.json) som bifogade filer. Kontrollera filen med kommandot',
          'Kommandot visar OK och de justerande när varje signatur håller, gäller just det här protokollet och texten på sidorna stämmer med det signerade protokollet; annars säger det vad som inte stämmer.',
        ]
      : [
          'Begär originalprotokollet från förbundet och kontrollera det med kommandot',
          'Originalets kontrollsumma ska vara densamma som ovan.',
        ];
  return [
    { text: input.variant === 'signed' ? 'Signaturer' : 'Signaturer på originalet', style: 'title', pageBreak: 'before' },
    { text: intro, style: 'body', margin: [0, 4, 0, 14] },
    ...(input.checks.length > 0 ? input.checks.map(signerBox) : [{ text: 'Protokollet har inga signaturer.', style: 'body' }]),
    { text: 'Protokollets kontrollsumma (SHA-256)', style: 'section' },
    { text: groupedFingerprint(input.hash, 8), style: 'code', fontSize: 9, margin: [0, 0, 0, 4] },
    { text: 'Så kontrollerar du protokollet', style: 'section' },
    { text: how[0]!, style: 'body', margin: [0, 0, 0, 4] },
    { text: VERIFY_COMMAND, style: 'code', fontSize: 9.5, color: COLORS.text, margin: [12, 2, 0, 6] },
    { text: how[1]!, style: 'body' },
    { text: `Exporterad ${exported.date} kl. ${exported.time} (svensk tid) med Styrelsebordet.`, style: 'small', margin: [0, 12, 0, 0] },
  ];
}
