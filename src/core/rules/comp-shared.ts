import type { CompPerson } from '../comp/comp.ts';
import type { Workspace } from '../model.ts';
import type { Draft, Said } from './finding.ts';
import { at } from './context.ts';

/** A step-8 finding about a person, at the field of comp.yaml that puts them in their plan (`people` entry or `role`). */
export function onCompPerson(ws: Workspace, c: CompPerson, said: Said, path = c.path): Draft[] {
  const where = ws.sources.comp;
  return where ? [at(where, path, said, { person: c.person })] : [];
}

/** "Priya Raman (priya-raman)" for messages: the name from team.yaml, the id beside it. */
export function personLabel(ws: Workspace, id: string): string {
  const name = ws.personById.get(id)?.name;
  return name === undefined ? id : `${name} (${id})`;
}
