/**
 * URLs taken from plan files, judged the way a browser will read them. The WHATWG URL parser strips
 * leading and trailing control characters and spaces and removes every tab and newline before it looks
 * for a scheme, and compares schemes case-insensitively: `java&#9;script:` and ` JavaScript:` are both
 * `javascript:` to a browser. So the value is normalised first and the scheme judged after.
 */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** What the browser's URL parser does to a value before reading it. */
export function browserNormalise(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The scheme a browser would see, lower-cased, or undefined for a relative URL. */
export function schemeOf(raw: string): string | undefined {
  return SCHEME.exec(browserNormalise(raw))?.[1]?.toLowerCase();
}

/**
 * A link taken from plan data (profile.website, crm.url, the edit link): returned only when it is an
 * absolute http or https URL once parsed, else undefined and the page shows the text without a link.
 */
export function safeExternalHref(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = browserNormalise(raw);
  if (!SCHEME.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The schemes a narrative link may use; anything without a scheme is relative and allowed. */
export const NARRATIVE_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/**
 * A narrative link as it will be published, or undefined when it is refused: http, https and mailto
 * URLs (parsed and re-serialised), and relative URLs. A relative URL with a colon before any "/", "?"
 * or "#" gets "./" in front, so no reader can mistake its first segment for a scheme.
 */
export function narrativeHref(raw: string): string | undefined {
  const value = browserNormalise(raw);
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const colon = value.indexOf(':');
    const end = value.search(/[/?#]/);
    return colon !== -1 && (end === -1 || colon < end) ? `./${value}` : value;
  }
  if (!NARRATIVE_SCHEMES.includes(scheme)) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}
