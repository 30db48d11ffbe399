import type { FederationState } from '../events/state';
import type { Application } from './model';

/** The version in force of an application. */
export function currentApplication(state: FederationState, applicationId: string): Application | undefined {
  const a = state.applications[applicationId];
  return a?.versions[a.current - 1];
}

/** One version of an application (1 = the first). */
export function applicationVersion(state: FederationState, applicationId: string, version: number): Application | undefined {
  return state.applications[applicationId]?.versions[version - 1];
}

