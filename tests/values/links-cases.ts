import { acmeWith, workspaceWith, type Changes } from './edit.ts';

export const website = (url: string) => acmeWith(`profile: { website: ${JSON.stringify(url)} }`);
const crm = (url: string) => acmeWith(`crm: { id: "0042", url: ${JSON.stringify(url)} }`);
export const editUrl = (url: string) => workspaceWith(`repository: { edit_url: ${JSON.stringify(url)} }`);

const SCHEME = 'is not valid: write a web address that starts with https:// (or http://), such as https://www.example.com.';
const SPACES = 'a web address has no spaces or control characters. Write it on one line, with spaces as %20.';

export interface Case {
  name: string;
  changes: Changes;
  expected: string[];
}

/** Every link field (profile.website, crm.url, repository.edit_url) takes http(s) only; the rest is refused at the field. */
export const REFUSED: Case[] = [
  { name: 'website: javascript: (the issue\'s example)', changes: website('javascript:alert(1)'), expected: [`minimal/accounts/acme.yaml:2:21 error profile.website: "javascript:alert(1)" ${SCHEME}`] },
  { name: 'crm.url: javascript: in upper case', changes: crm('JAVASCRIPT:alert(1)'), expected: [`minimal/accounts/acme.yaml:2:25 error crm.url: "JAVASCRIPT:alert(1)" ${SCHEME}`] },
  { name: 'edit_url: a tab inside the scheme, which browsers remove', changes: editUrl('java\tscript:alert(1)//'), expected: [`minimal/workspace.yaml:12:25 error repository.edit_url: "java\\tscript:alert(1)//" ${SCHEME}`] },
  { name: 'website: a line break inside the scheme', changes: website('jav\nascript:alert(1)'), expected: [`minimal/accounts/acme.yaml:2:21 error profile.website: "jav\\nascript:alert(1)" ${SCHEME}`] },
  { name: 'website: leading spaces before javascript:', changes: website('   javascript:alert(1)'), expected: [`minimal/accounts/acme.yaml:2:21 error profile.website: "   javascript:alert(1)" ${SCHEME}`] },
  { name: 'crm.url: a data: URL', changes: crm('data:text/html,<script>alert(1)</script>'), expected: [`minimal/accounts/acme.yaml:2:25 error crm.url: "data:text/html,<script>alert(1)</script>" ${SCHEME}`] },
  { name: 'edit_url: vbscript:', changes: editUrl('vbscript:msgbox(1)'), expected: [`minimal/workspace.yaml:12:25 error repository.edit_url: "vbscript:msgbox(1)" ${SCHEME}`] },
  { name: 'website: protocol-relative //host', changes: website('//evil.example/x'), expected: [`minimal/accounts/acme.yaml:2:21 error profile.website: "//evil.example/x" ${SCHEME}`] },
  { name: 'crm.url: https: without the two slashes', changes: crm('https:evil.example'), expected: [`minimal/accounts/acme.yaml:2:25 error crm.url: "https:evil.example" ${SCHEME}`] },
  { name: 'edit_url: file: reads the build machine', changes: editUrl('file:///etc/passwd'), expected: [`minimal/workspace.yaml:12:25 error repository.edit_url: "file:///etc/passwd" ${SCHEME}`] },
  { name: 'website: a space inside the address', changes: website('https://www.example.com/a b'), expected: [`minimal/accounts/acme.yaml:2:21 error profile.website: ${SPACES}`] },
  { name: 'crm.url: a control character inside the address', changes: crm('https://crm.example.com/\u0001x'), expected: [`minimal/accounts/acme.yaml:2:25 error crm.url: ${SPACES}`] },
  {
    name: 'crm.url: a user name before @ hides where the link goes',
    changes: crm('https://crm.example.com@evil.example/'),
    expected: ['minimal/accounts/acme.yaml:2:25 error crm.url: a web address here may not carry a user name or password before "@". Write the address without them.'],
  },
];

/** What is accepted, and the value the site then renders. */
export const ACCEPTED = [
  { name: 'https in upper case is still https', url: 'HTTPS://WWW.EXAMPLE.COM/', rendered: 'HTTPS://WWW.EXAMPLE.COM/' },
  { name: 'spaces around the address are trimmed', url: '  https://www.example.com/acme  ', rendered: 'https://www.example.com/acme' },
  { name: 'plain http is allowed', url: 'http://intranet.example/crm?id=42', rendered: 'http://intranet.example/crm?id=42' },
];

