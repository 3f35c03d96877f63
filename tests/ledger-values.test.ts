import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * sales.values: a column's labels read as ids (issue 24 item 5). tests/fixtures/ledger has the dimensions
 * channel [direct, partner] and region [americas, emea], the offerings sensors and service, and reads DD/MM/YYYY.
 */
const COLUMNS = '  columns: { date: Invoice date, account: Account ID, revenue: Amount, region: Region, product: Product line }\n';
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8').replace(/^ {2}columns: .*\n/m, COLUMNS);
const F = 'plans/sales/2026.csv';
const W = 'plans/workspace.yaml';
const HEADER = 'Invoice date,Account ID,Amount,Region,Product line';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

/** The ledger fixture with `sales` lines added to its sales: block, and its ledger replaced by `csv`. */
function read(sales: string, csv: string) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write({ 'workspace.yaml': WORKSPACE + sales, 'sales/2026.csv': csv });
  const { workspace, said, ledger } = readLedgerSandbox(s);
  const client = (id: string) => ledger?.clients.get(id);
  return { workspace, said, client };
}

const VALUES = '  values:\n    region: { "DACH": emea, "UK & Ireland": emea, "North America": americas }\n    product: { "Sensor kit": sensors }\n';

describe('sales.values reads labels as ids', () => {
  it('maps region and product labels, trimmed, and reads a cell that already is an id as it is', () => {
    const csv = [HEADER, '01/03/2026,hooli,100,DACH,Sensor kit', '02/03/2026,pied,7, UK & Ireland ,service', '03/03/2026,raviga,9,North America,', '04/03/2026,aviato,3,americas,sensors', ''].join('\n');
    const { said, client } = read(VALUES, csv);
    expect(said).toEqual([]);
    expect(client('hooli')?.dimensions).toEqual({ region: 'emea' });
    expect([...client('hooli')!.byYearProduct.get('FY2027')!.keys()]).toEqual(['sensors']);
    expect(client('pied')?.dimensions).toEqual({ region: 'emea' });
    expect(client('raviga')?.dimensions).toEqual({ region: 'americas' });
    expect(client('aviato')?.dimensions).toEqual({ region: 'americas' });
  });

  it('an unmapped label stays the error it is without the setting, with its suggestion', () => {
    const csv = [HEADER, '01/03/2026,hooli,100,Benelux,', '02/03/2026,hooli,100,dach,', '03/03/2026,hooli,5,,Sensor kits', ''].join('\n');
    const { workspace, said } = read(VALUES, csv);
    expect(workspace?.ledger).toBeUndefined();
    expect(said).toEqual([
      `${F}:2:22 error ledger-unknown-dimension-value Region: "Benelux" is not a region in workspace.yaml. Write one of: americas, emea.`,
      // Labels are matched as written: the case counts.
      `${F}:3:22 error ledger-unknown-dimension-value Region: "dach" is not a region in workspace.yaml. Write one of: americas, emea.`,
      `${F}:4:21 error ledger-unknown-product Product line: "Sensor kits" is not an offering in workspace.yaml. Write one of: sensors, service. Add it under offerings, or correct the row.`,
    ]);
  });

  it('without sales.values a label is read as an id, as before', () => {
    const { said } = read('', [HEADER, '01/03/2026,hooli,100,DACH,', ''].join('\n'));
    expect(said).toEqual([`${F}:2:22 error ledger-unknown-dimension-value Region: "DACH" is not a region in workspace.yaml. Write one of: americas, emea.`]);
  });
});

describe('a sales.values setting that cannot be right is an error at its line', () => {
  it('a label mapped to an id the dimension does not have', () => {
    const { workspace, said } = read('  values:\n    region: { "DACH": dach, "UK": emae }\n', [HEADER, '01/03/2026,hooli,100,americas,', ''].join('\n'));
    expect(workspace?.ledger).toBeUndefined();
    expect(said).toEqual([
      `${W}:16:23 error ledger-values-unknown-id sales.values.region: the label "DACH" maps to "dach", which is not a region in workspace.yaml. Write one of its ids: americas, emea.`,
      `${W}:16:35 error ledger-values-unknown-id sales.values.region: the label "UK" maps to "emae", which is not a region in workspace.yaml. Did you mean "emea"?`,
    ]);
  });

  it('a product label mapped to no offering', () => {
    const { said } = read('  values: { product: { "Kit": kit } }\n', [HEADER, '01/03/2026,hooli,100,,', ''].join('\n'));
    expect(said).toEqual([`${W}:15:31 error ledger-values-unknown-id sales.values.product: the label "Kit" maps to "kit", which is not an offering in workspace.yaml. Write one of its ids: sensors, service.`]);
  });

  it('a mapping for a field that has no labels', () => {
    const { said } = read('  values: { regoin: { "DACH": emea }, revenue: { "1k": "1000" } }\n', [HEADER, '01/03/2026,hooli,100,,', ''].join('\n'));
    expect(said).toEqual([
      `${W}:15:13 error unknown-key sales.values: "regoin" is not a field whose labels can be mapped. Did you mean "region"?`,
      `${W}:15:39 error unknown-key sales.values: "revenue" is not a field whose labels can be mapped. Write one of the fields: channel, region, product, owner.`,
    ]);
  });

  it('a mapping for a dimension no file has a column for maps nothing, and the file is read', () => {
    const { said, client } = read('  values: { channel: { "Partner": partner } }\n', [HEADER, '01/03/2026,hooli,100,emea,', ''].join('\n'));
    expect(said).toEqual([]);
    expect(client('hooli')?.dimensions).toEqual({ region: 'emea' });
  });
});

describe('hostile labels', () => {
  it('a label with HTML is only compared: it maps, and nothing of it is kept', () => {
    const { said, client } = read('  values: { region: { "<b>DACH</b> & <script>x</script>": emea } }\n', [HEADER, '01/03/2026,hooli,100,<b>DACH</b> & <script>x</script>,', ''].join('\n'));
    expect(said).toEqual([]);
    expect(client('hooli')?.dimensions).toEqual({ region: 'emea' });
  });

  it('a label with a control character, only spaces, or __proto__ is refused at its line', () => {
    const { workspace, said } = read('  values:\n    region: { "DA\\u0007CH": emea, "   ": emea }\n    product: { "__proto__": sensors }\n', [HEADER, '01/03/2026,hooli,100,,', ''].join('\n'));
    expect(workspace).toBeUndefined();
    expect(said.join('\n')).toMatch(/workspace\.yaml:16:\d+ error .*control character/);
    expect(said.join('\n')).toMatch(/workspace\.yaml:16:\d+ error .*only spaces/);
    expect(said.join('\n')).toMatch(/workspace\.yaml:17:\d+ error .*__proto__/);
  });

  it('a mapping that is a word, or a label mapped to a list, is an error at its line', () => {
    const word = read('  values:\n    region: DACH\n', [HEADER, '01/03/2026,hooli,100,,', ''].join('\n'));
    expect(word.workspace).toBeUndefined();
    expect(word.said).toHaveLength(1);
    expect(word.said[0]).toMatch(/^plans\/workspace\.yaml:16:13 error /);
    const list = read('  values:\n    product: { Kit: [sensors] }\n', [HEADER, '01/03/2026,hooli,100,,', ''].join('\n'));
    expect(list.workspace).toBeUndefined();
    expect(list.said).toHaveLength(1);
    expect(list.said[0]).toMatch(/^plans\/workspace\.yaml:16:21 error /);
  });

  it('a cell holding a control character is the error it was, mapped or not', () => {
    const { said } = read(VALUES, [HEADER, '01/03/2026,hooli,100,DA\u0001CH,', ''].join('\n'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('error ledger-control-character');
  });
});
