// Who may run what: the one access rule every Apps Script action is checked against (src/gas/actions.ts
// declares each action's access; the wrapper there asks this module). Roles come from the settings tab
// (admins, executives) and the divisions tab (each division's editors).

/** A role a person holds in this tracker. */
export type Role = 'admin' | 'executive' | 'divisionEditor';

/** Who may run an action: anyone who can open the file, or holders of one of these roles. */
export type Access = 'anyone' | readonly Role[];

/** What the rule reads: the settings' lists and each division's editors. */
export interface People {
  admins: readonly string[];
  executives: readonly string[];
  divisions: readonly { editors: readonly string[] }[];
}

/** An address as it is compared: spaces around it and letter case ignored. */
const addressKey = (email: string): string => email.trim().toLowerCase();

const listed = (list: readonly string[], email: string): boolean =>
  email !== '' && list.some((e) => addressKey(e) === email);

/**
 * The roles of one account. An empty admin list makes everyone an admin: whoever runs setup owns a
 * fresh sheet until the settings name its admins. An unknown account ('') holds no listed role.
 */
export function rolesOf(people: People, email: string): Role[] {
  const me = addressKey(email);
  const roles: Role[] = [];
  if (people.admins.every((a) => addressKey(a) === '') || listed(people.admins, me)) roles.push('admin');
  if (listed(people.executives, me)) roles.push('executive');
  if (people.divisions.some((d) => listed(d.editors, me))) roles.push('divisionEditor');
  return roles;
}

/** True when the account may run an action with this access. */
export function mayRun(access: Access, people: People, email: string): boolean {
  if (access === 'anyone') return true;
  const roles = rolesOf(people, email);
  return access.some((r) => roles.includes(r));
}

/** Whether the rule needs the divisions tab (only a division-editor access does). */
export const needsDivisions = (access: Access): boolean => access !== 'anyone' && access.includes('divisionEditor');
