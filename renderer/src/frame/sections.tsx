import type { ReactNode } from 'react';
import { AboutScreen } from '../features/about/AboutScreen';
import { ApplicationsScreen } from '../features/applications/ApplicationsScreen';
import { DelegationsScreen } from '../features/delegations/DelegationsScreen';
import { DocumentsScreen } from '../features/documents/DocumentsScreen';
import { MeetingsScreen } from '../features/meetings/MeetingsScreen';
import { ForbundScreen } from '../features/forbund/ForbundScreen';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { PackagesScreen } from '../features/packages/PackagesScreen';
import { ProtokollScreen } from '../features/meetings/protokoll/ProtokollScreen';
import { VerifyScreen } from '../features/meetings/verify/VerifyScreen';
import type { Section } from '../routes/route';

export interface SectionDef {
  id: Section;
  label: string;
  description: string;
  /** Shown only once this installation belongs to a förbund. */
  needsForbund: boolean;
  render(): ReactNode;
}

/** The navigation. Only sections that work are here; each later feature adds its own. */
export const SECTIONS: SectionDef[] = [
  { id: 'overview', label: 'Översikt', description: 'Vad väntar just nu', needsForbund: true, render: () => <OverviewScreen /> },
  { id: 'meetings', label: 'Sammanträden', description: 'Kallelser, föredragningslistor och förhinder', needsForbund: true, render: () => <MeetingsScreen /> },
  { id: 'applications', label: 'Ansökningar', description: 'Ansökningar om medel att granska', needsForbund: true, render: () => <ApplicationsScreen /> },
  { id: 'protokoll', label: 'Protokoll', description: 'Sammanträdet, justering och arkiv', needsForbund: true, render: () => <ProtokollScreen /> },
  { id: 'delegations', label: 'Delegationer', description: 'Delegationsordning och delegationsbeslut', needsForbund: true, render: () => <DelegationsScreen /> },
  { id: 'forbund', label: 'Förbundet', description: 'Medlemmar, styrelse och personal', needsForbund: true, render: () => <ForbundScreen /> },
  { id: 'packages', label: 'Paket', description: 'Skicka och ta emot ändringar', needsForbund: true, render: () => <PackagesScreen /> },
  { id: 'verify', label: 'Kontrollera protokoll', description: 'Signaturerna på ett protokoll', needsForbund: false, render: () => <VerifyScreen /> },
  { id: 'documents', label: 'Handlingar', description: 'PDF-handlingar på den här datorn', needsForbund: false, render: () => <DocumentsScreen /> },
  { id: 'about', label: 'Om Styrelsebordet', description: 'Version och datamapp', needsForbund: false, render: () => <AboutScreen /> },
];

export const sectionsFor = (hasForbund: boolean): SectionDef[] => SECTIONS.filter((s) => hasForbund || !s.needsForbund);
