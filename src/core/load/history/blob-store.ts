import type { PlansFile } from '../files.ts';
import { SHARED_FILE_CAP, sizeCapFor } from '../limits.ts';
import { problem } from '../../diagnostics/diagnose.ts';
import { blobSizes, readBlobs } from '../../git/ref.ts';
import type { PlansRepo } from '../../git/repo.ts';

/** A file of one commit: its blob and git mode (120000 is a symbolic link). */
export interface Tracked {
  blob: string;
  mode: string;
}

/**
 * Blob bytes by id, read from git in as few processes as possible: `prefetch` reads every blob a walk will parse
 * in one `cat-file --batch-check` and one `cat-file --batch`; anything else is read when asked for. Sizes come
 * first, so a blob over its cap is never loaded.
 */
export class BlobStore {
  private readonly sizes = new Map<string, number>();
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly repo: PlansRepo;

  constructor(repo: PlansRepo) {
    this.repo = repo;
  }

  prefetch(ids: Iterable<string>, cap = SHARED_FILE_CAP): void {
    const unknown = [...new Set(ids)].filter((id) => !this.sizes.has(id));
    for (const [id, size] of blobSizes(this.repo, unknown)) this.sizes.set(id, size);
    const wanted = unknown.filter((id) => (this.sizes.get(id) ?? Infinity) <= cap);
    for (const [id, data] of readBlobs(this.repo, wanted)) this.bytes.set(id, data);
  }

  /** The files as the loader takes them; a link, or a blob over the size cap, comes with its problem and no bytes. */
  files(list: readonly (readonly [string, Tracked])[], limit: number, display: (rel: string) => string): PlansFile[] {
    const blobs = list.filter(([, t]) => t.mode !== '120000').map(([, t]) => t.blob);
    const capOf = (rel: string) => sizeCapFor(rel, limit);
    this.prefetch(blobs, Math.max(...list.map(([rel]) => capOf(rel)), 0));
    return list.map(([rel, t]): PlansFile => {
      const file = { rel, display: display(rel), bytes: new Uint8Array() };
      if (t.mode === '120000') return { ...file, problem: problem('not-a-file', { is: 'link-in-history' }) };
      const size = this.sizes.get(t.blob) ?? 0;
      const cap = capOf(rel);
      if (size > cap) return { ...file, problem: problem('file-too-large', { of: 'plans-file', rel, size, cap }) };
      let data = this.bytes.get(t.blob);
      if (!data) {
        data = readBlobs(this.repo, [t.blob]).get(t.blob) ?? new Uint8Array();
        this.bytes.set(t.blob, data);
      }
      return { ...file, bytes: data };
    });
  }
}
