/**
 * A Map for remembered answers that starts afresh once it holds `limit` entries: a learner or a
 * generator may ask about any number of distinct paths or URLs, and memory must stay bounded,
 * while the few that repeat request after request are soon remembered again.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit = 1024) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
