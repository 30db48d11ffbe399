import type { ReactNode } from 'react';
import { AboutScreen } from '../screens/about/AboutScreen';
import { DocumentsScreen } from '../screens/documents/DocumentsScreen';
import type { Section } from '../state/ui-store';

export interface SectionDef {
  id: Section;
  label: string;
  description: string;
  render(): ReactNode;
}

/** The navigation. Only sections that work are here; each later feature adds its own. */
export const SECTIONS: SectionDef[] = [
  { id: 'documents', label: 'Handlingar', description: 'PDF-handlingar på den här datorn', render: () => <DocumentsScreen /> },
  { id: 'about', label: 'Om Styrelsebordet', description: 'Version och datamapp', render: () => <AboutScreen /> },
];
