/** One nginx `location` block, as far as choosing it goes (regex locations are not modelled). */
export interface NginxLocation {
  /** The location's name: `/api/users/` for `location /api/users/`. */
  readonly path: string;
  /** `location = /path`: only this exact path. */
  readonly exact: boolean;
  /**
   * The block passes requests on (`proxy_pass`, `fastcgi_pass`, …). nginx then answers a path that
   * lacks only the name's trailing `/` with a 301 to the name.
   */
  readonly proxies: boolean;
}

export type NginxLocationMatch<L extends NginxLocation = NginxLocation> =
  | { readonly kind: 'location'; readonly location: L }
  | { readonly kind: 'redirect'; readonly status: 301; readonly location: L; readonly to: string }
  | { readonly kind: 'none' };

/**
 * The location nginx picks for a normalised path (see normaliseNginxPath; no query string):
 * an `=` location equal to the path first, then the longest prefix location, comparing bytes
 * case-sensitively (nginx on Linux). A path that is a proxying location's name minus its trailing
 * `/` (`/api/users` for `location /api/users/ { proxy_pass … }`) gets a 301 to that name, unless a
 * location is named exactly like the path. `args` is only used for the 301's `Location`.
 */
export function matchNginxLocation<L extends NginxLocation>(
  locations: readonly L[],
  path: string,
  args: string | null = null,
): NginxLocationMatch<L> {
  const exact = locations.find((l) => l.exact && l.path === path);
  if (exact !== undefined) return { kind: 'location', location: exact };
  const sameName = locations.find((l) => !l.exact && l.path === path);
  if (sameName === undefined) {
    const redirect = locations.find(
      (l) => l.proxies && l.path.endsWith('/') && l.path === `${path}/`,
    );
    if (redirect !== undefined) {
      const to = args === null || args === '' ? redirect.path : `${redirect.path}?${args}`;
      return { kind: 'redirect', status: 301, location: redirect, to };
    }
  }
  let longest: L | undefined;
  for (const location of locations) {
    if (location.exact || !path.startsWith(location.path)) continue;
    if (longest === undefined || location.path.length > longest.path.length) longest = location;
  }
  return longest === undefined ? { kind: 'none' } : { kind: 'location', location: longest };
}
