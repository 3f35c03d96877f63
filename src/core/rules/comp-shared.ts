import type { CompPerson } from '../comp/comp.ts';
import type { Workspace } from '../model.ts';
import type { Draft, Said } from './finding.ts';
import { at } from './context.ts';

/** A step-8 finding about a person, at the field of comp.yaml that puts them in their plan (`people` entry or `role`). */
export function onCompPerson(ws: Workspace, c: CompPerson, said: Said, path = c.path): Draft[] {
  const where = ws.sources.comp;
  return where ? [at(where, path, said, { person: c.person })] : [];
}

/** A person's name from team.yaml for messages (their id if linking let an unknown one through). */
export function personName(ws: Workspace, id: string): string {
  return ws.personById.get(id)?.name ?? id;
}
