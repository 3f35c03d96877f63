/**
 * Adds `value` to the list under `key`, creating it on first use. Grouping with a fresh array per item
 * (`[...(map.get(k) ?? []), x]`) copies the list each time and is quadratic in the group's size; at
 * 50,000 accounts that was most of the rollup's time.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
