/** A whole value (after ":", "-", "[", "{" or ",", up to the end of the line or a "," "]" "}" "#") in one of those forms: the only files worth a closer look. */
const CANDIDATE = /(?:[:[{,]|^[ \t]*-)[ \t]*[-+]?0(?:x[0-9a-f]+|o[0-7]+|b[01]+|\d+(?:\.\d*)?(?:e[-+]?\d+)?)[ \t]*(?:$|[,\]}#])/im;
/** A whole value that is digits, a dot and exactly three digits (250.000): the only money worth a closer look. */
const THREE_DECIMALS = /(?:[:[{,]|^[ \t]*-)[ \t]*\d+\.\d{3}[ \t]*(?:$|[,\]}#])/m;

/**
 * Whether a YAML text may hold a number not written plainly (0x64, 0100) or money written with a dot before three
 * digits (250.000): link-numbers.ts looks closer only at files where these say yes. A function of the text alone, so
 * the parse cache keeps it with each file and a file that is not read again is not scanned again.
 */
export interface NumberHints {
  notPlain: boolean;
  threeDecimals: boolean;
}

export function scanNumbers(text: string): NumberHints {
  return { notPlain: CANDIDATE.test(text), threeDecimals: THREE_DECIMALS.test(text) };
}
