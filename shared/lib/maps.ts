/** The value of a map at a key, made from the key and kept there the first time it is asked for. */
export function valueAt<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make(key);
  map.set(key, made);
  return made;
}
