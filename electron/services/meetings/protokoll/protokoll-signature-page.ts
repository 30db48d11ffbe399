import { COLORS, quietTableLayout } from '../../pdf/layout';
import { groupedFingerprint, stockholmDateTime, type AttestationCheck } from './protokoll-attestations';
import type { ProtokollVariant } from './protokoll-content';
import type { Content, ContentNode, TableLayout } from '../../pdf/types';

/**
 * The last page of a signed protokoll: who attested, when, with which key,
 * the protokoll's SHA-256 and how anyone can check the file. Derived from the
 * embedded files only, so `verify` can rebuild it and compare.
 */


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
  /** SHA-256 of the förbund CA's certificate, or null on an export without one. */
  caFingerprint: string | null;
}

export function signaturePage(input: SignaturePageInput): Content[] {
  const exported = stockholmDateTime(input.exportedAt);
  const intro =
    input.variant === 'signed'
      ? 'Protokollet är justerat elektroniskt. Varje signatur nedan är gjord med den justerandes egen nyckel och gäller exakt det protokoll som har kontrollsumman här nedanför. En ändring i protokollet, hur liten som helst, gör att signaturerna inte längre håller.'
      : 'Signaturerna nedan gjordes på originalprotokollet, som har kontrollsumman här nedanför. Den här offentliga kopian innehåller inte originalet och kan därför inte kontrolleras mot signaturerna.';
  const ca = input.caFingerprint ? groupedFingerprint(input.caFingerprint, 8) : 'saknas';
  const how: Content[] =
    input.variant === 'signed'
      ? [
          {
            text: '1. I en PDF-läsare: öppna signaturpanelen (i Adobe Acrobat Reader ”Signaturpanel”). Signaturen ska vara giltig och dokumentet oförändrat sedan det signerades. Certifikatet är utfärdat av förbundets egen certifikatutfärdare (CA); en läsare som inte känner den säger att utfärdaren är okänd, och då jämför du fingeravtrycket nedan.',
            style: 'body',
            margin: [0, 0, 0, 4],
          },
          { text: '2. Jämför fingeravtrycket för förbundets CA med det förbundet publicerar på sin webbplats eller lämnar per telefon:', style: 'body', margin: [0, 0, 0, 2] },
          { text: ca, style: 'code', fontSize: 9, color: COLORS.text, margin: [12, 2, 0, 6] },
          {
            text: '3. I Styrelsebordet: välj Arkiv › Kontrollera ett protokoll och välj filen. Programmet kontrollerar PDF-signaturen mot förbundets CA, justeringarna och att sidornas text och de bifogade filerna (protokoll.json, signaturer.jsonl, nycklar.json, export.json) är de signerade.',
            style: 'body',
          },
        ]
      : [
          {
            text: 'Begär originalprotokollet från förbundet och kontrollera det i en PDF-läsares signaturpanel eller i Styrelsebordet (Arkiv › Kontrollera ett protokoll). Originalets kontrollsumma ska vara densamma som ovan. Förbundets CA har fingeravtrycket',
            style: 'body',
            margin: [0, 0, 0, 2],
          },
          { text: ca, style: 'code', fontSize: 9, color: COLORS.text, margin: [12, 2, 0, 6] },
        ];
  return [
    { text: input.variant === 'signed' ? 'Signaturer' : 'Signaturer på originalet', style: 'title', pageBreak: 'before' },
    { text: intro, style: 'body', margin: [0, 4, 0, 14] },
    ...(input.checks.length > 0 ? input.checks.map(signerBox) : [{ text: 'Protokollet har inga signaturer.', style: 'body' }]),
    { text: 'Protokollets kontrollsumma (SHA-256)', style: 'section' },
    { text: groupedFingerprint(input.hash, 8), style: 'code', fontSize: 9, margin: [0, 0, 0, 4] },
    { text: 'Så kontrollerar du protokollet', style: 'section' },
    ...how,
    { text: `Exporterad ${exported.date} kl. ${exported.time} (svensk tid) med Styrelsebordet.`, style: 'small', margin: [0, 12, 0, 0] },
  ];
}
