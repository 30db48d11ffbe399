import { AppError } from '../../../shared/contract';
import type { FederationService } from '../sync/federation';
import type { PackagesService } from '../sync/packages-service';

/** Fills an empty installation with the demonstration förbund (the same data as `cli demo`). */
export async function loadDemoInto(_opts: { dataDir: string; federation: FederationService; packages: PackagesService }): Promise<void> {
  throw new AppError('internal', 'Demoförbundet är inte klart ännu.');
}
