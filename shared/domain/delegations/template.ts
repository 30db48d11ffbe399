import type { DelegationPoint } from './model';

/**
 * Söderåsens samordningsförbund's delegationsordning, adopted 2015-01-27
 * (DOMAIN.md 3.2, [S-47]): the starting point the form offers, for the user
 * to edit. "Basbelopp" there means the prisbasbelopp (model.ts).
 */
const director = { kind: 'role', role: 'director' } as const;

export const SODERASEN_POINTS: readonly DelegationPoint[] = [
  {
    number: 1,
    category: 'initiatives',
    matter: 'Verkställa eller avsluta uppdrag och insatser till uppdragstagare enligt förbundets direktiv',
    legalGround: '10 § lagen om finansiell samordning',
    delegate: director,
    standIn: null,
    limit: null,
    mustReport: false,
    comment: '',
  },
  {
    number: 2,
    category: 'procurement',
    matter: 'Avrop av varor och tjänster inom de samverkande myndigheternas ramavtal',
    legalGround: 'Lagen (2016:1145) om offentlig upphandling',
    delegate: director,
    standIn: null,
    limit: { amount: 3, unit: 'baseAmount' },
    mustReport: true,
    comment: '',
  },
  {
    number: 3,
    category: 'procurement',
    matter: 'Upphandling av varor och tjänster utanför ramavtal',
    legalGround: 'Lagen (2016:1145) om offentlig upphandling',
    delegate: director,
    standIn: null,
    limit: { amount: 1, unit: 'baseAmount' },
    mustReport: true,
    comment: '',
  },
  {
    number: 4,
    category: 'procurement',
    matter: 'Upphandling av konsulttjänster utanför ramavtal',
    legalGround: 'Lagen (2016:1145) om offentlig upphandling',
    delegate: director,
    standIn: null,
    limit: { amount: 1, unit: 'baseAmount' },
    mustReport: true,
    comment: '',
  },
  {
    number: 5,
    category: 'admin',
    matter: 'Framställningar till statliga och kommunala myndigheter',
    legalGround: '10 § lagen om finansiell samordning',
    delegate: director,
    standIn: null,
    limit: null,
    mustReport: false,
    comment: 'Gäller inte framställningar till myndigheternas styrelser eller ägare; de beslutas av styrelsen.',
  },
  {
    number: 6,
    category: 'admin',
    matter: 'Remittera ärenden och besvara remisser, dock inte yttranden till förbundsmedlemmarnas styrelser eller ägare',
    legalGround: '10 § lagen om finansiell samordning',
    delegate: director,
    standIn: null,
    limit: null,
    mustReport: true,
    comment: 'Anmäls när svaret är ett yttrande.',
  },
  {
    number: 7,
    category: 'publicDocuments',
    matter: 'Beslut att avslå begäran om utlämnande av allmän handling',
    legalGround: 'OSL 6 kap. 1–3 och 7 §§, 21 kap. 1–2 §§',
    delegate: director,
    standIn: null,
    limit: null,
    mustReport: true,
    comment: '',
  },
];
