import jsYaml from 'js-yaml';
import { SHARED_FILE_ANY_CASE } from '../shared/paths.ts';

/**
 * How big a plans file may be. Parsing is the cost to design around, and a file far larger than any plan
 * is either a mistake or an attempt to stall CI, so the size is checked on the bytes before anything is parsed.
 */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** The most workspace.yaml may allow; the schema refuses more (schemas/workspace.ts). */
export const MAX_FILE_BYTES_SETTING = 64 * 1024 * 1024;

/**
 * workspace.yaml, team.yaml, goals.yaml, icp.yaml and comp.yaml have a fixed cap: workspace.yaml cannot be governed by the
 * limit it sets itself, and the shared files grow with the organisation rather than with one plan.
 */
export const SHARED_FILE_CAP = 4 * 1024 * 1024;


/** The byte limit for one file of the plans folder, given the limit workspace.yaml sets. */
export function sizeCapFor(rel: string, limit: number): number {
  return SHARED_FILE_ANY_CASE.test(rel) ? SHARED_FILE_CAP : limit;
}

/**
 * The `max_file_bytes` that workspace.yaml sets, read before the other files so that none of them is read whole
 * when it is too large. An invalid value gives the default here; validating workspace.yaml reports it.
 */
export function fileSizeLimit(workspaceBytes: Uint8Array): number {
  if (workspaceBytes.length > SHARED_FILE_CAP) return DEFAULT_MAX_FILE_BYTES;
  try {
    const data = jsYaml.load(new TextDecoder().decode(workspaceBytes), { schema: jsYaml.CORE_SCHEMA }) as unknown;
    if (data === null || typeof data !== 'object' || !Object.hasOwn(data, 'max_file_bytes')) return DEFAULT_MAX_FILE_BYTES;
    const value = (data as Record<string, unknown>)['max_file_bytes'];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_FILE_BYTES_SETTING ? value : DEFAULT_MAX_FILE_BYTES;
  } catch {
    return DEFAULT_MAX_FILE_BYTES;
  }
}

