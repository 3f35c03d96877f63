/** How crm.id values and a ledger's account cells are compared: as written, or as Salesforce ids (sales.crm_ids). */
export type CrmIdForm = 'salesforce' | undefined;

const SALESFORCE_18 = /^[A-Za-z0-9]{18}$/;
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3-character suffix that makes a 15-character Salesforce id (case-sensitive) an 18-character one: for each
 * block of five characters, a bit per upper-case letter (the first character the lowest bit), as one of 32 characters.
 */
export function salesforceChecksum(id15: string): string {
  let out = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += CHECKSUM_ALPHABET[bits];
  }
  return out;
}

/**
 * The key an id is matched by. With `salesforce`, an 18-character id whose last three characters are the checksum of
 * its first fifteen is the 15-character id it extends, so both forms of one record match; anything else (a plan id,
 * an 18-character value whose checksum does not fit) is matched as written.
 */
export function crmKey(id: string, form: CrmIdForm): string {
  if (form !== 'salesforce' || !SALESFORCE_18.test(id)) return id;
  const id15 = id.slice(0, 15);
  return id.slice(15).toUpperCase() === salesforceChecksum(id15) ? id15 : id;
}
