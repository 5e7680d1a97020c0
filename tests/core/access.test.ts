// The one access rule (src/core/access.ts): admins, executives, division editors, and a fresh sheet.
import { mayRun, rolesOf } from '../../src/core/access';

const people = {
  admins: ['Admin@Agency.go.th '],
  executives: ['boss@agency.go.th'],
  divisions: [{ editors: ['clerk@agency.go.th'] }, { editors: [] }],
};

test('each role from its list, addresses compared without case or spaces', () => {
  expect(rolesOf(people, 'admin@agency.go.th')).toEqual(['admin']);
  expect(rolesOf(people, ' BOSS@agency.go.th')).toEqual(['executive']);
  expect(rolesOf(people, 'clerk@agency.go.th')).toEqual(['divisionEditor']);
  expect(rolesOf(people, 'stranger@agency.go.th')).toEqual([]);
  expect(rolesOf(people, '')).toEqual([]);
});

test('an action admits the roles it names, and anyone when it says so', () => {
  expect(mayRun(['admin'], people, 'admin@agency.go.th')).toBe(true);
  expect(mayRun(['admin'], people, 'boss@agency.go.th')).toBe(false);
  expect(mayRun(['admin', 'executive'], people, 'boss@agency.go.th')).toBe(true);
  expect(mayRun(['divisionEditor'], people, 'clerk@agency.go.th')).toBe(true);
  expect(mayRun(['admin', 'executive'], people, 'clerk@agency.go.th')).toBe(false);
  expect(mayRun('anyone', people, '')).toBe(true);
});

test('no admin listed yet (a fresh sheet): whoever runs it is an admin, not an executive', () => {
  const fresh = { admins: [' '], executives: [], divisions: [] };
  expect(rolesOf(fresh, 'first@agency.go.th')).toEqual(['admin']);
  expect(mayRun(['executive'], fresh, 'first@agency.go.th')).toBe(false);
});
