import { getCollection, type CollectionEntry } from 'astro:content';

/**
 * The compiled MDX narratives by account id, from one getCollection call per build
 * (getEntry would warn for every YAML plan, which has no narrative).
 */
let map: Promise<ReadonlyMap<string, CollectionEntry<'narratives'>>> | undefined;

export function loadNarratives(): Promise<ReadonlyMap<string, CollectionEntry<'narratives'>>> {
  map ??= getCollection('narratives').then((entries) => new Map(entries.map((e) => [e.id, e])));
  return map;
}
