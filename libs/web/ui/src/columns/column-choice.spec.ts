import { ColumnChoice, ColumnOption } from './column-choice';

type Key = 'name' | 'dob' | 'class' | 'phone';
const options: ColumnOption<Key>[] = [
  { key: 'name', labelKey: 'name', fixed: true },
  { key: 'dob', labelKey: 'dob' },
  { key: 'class', labelKey: 'class' },
  { key: 'phone', labelKey: 'phone' },
];

/** The browser's localStorage (Node has none): a map, or a storage that refuses every call as a locked-down browser does. */
function installStorage(kind: 'memory' | 'disabled'): Map<string, string> {
  const items = new Map<string, string>();
  const refuse = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const storage = {
    getItem: kind === 'memory' ? (k: string) => items.get(k) ?? null : refuse,
    setItem: kind === 'memory' ? (k: string, v: string) => void items.set(k, v) : refuse,
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return items;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('the columns a list shows', () => {
  it('starts from the list’s default hidden columns', () => {
    installStorage('memory');
    const choice = new ColumnChoice<Key>('students.columns', options, ['phone']);
    expect([...choice.visible()]).toEqual(['name', 'dob', 'class']);
    expect(choice.shows('phone')).toBe(false);
  });

  it('shows exactly the chosen columns, never hides a fixed one, and remembers the choice for the next visit', () => {
    const items = installStorage('memory');
    const choice = new ColumnChoice<Key>('students.columns', options, ['phone']);
    choice.show(['phone']);
    expect([...choice.visible()]).toEqual(['name', 'phone']);
    expect(JSON.parse(items.get('students.columns')!)).toEqual(['dob', 'class']);
    const again = new ColumnChoice<Key>('students.columns', options, ['phone']);
    expect([...again.visible()]).toEqual(['name', 'phone']);
  });

  it('ignores stored keys of columns that no longer exist, and a stored value that is no list', () => {
    const items = installStorage('memory');
    items.set('students.columns', JSON.stringify(['dob', 'renamed', 7]));
    expect([...new ColumnChoice<Key>('students.columns', options).visible()]).toEqual(['name', 'class', 'phone']);
    items.set('students.columns', '{"dob":true}');
    expect([...new ColumnChoice<Key>('students.columns', options, ['class']).visible()]).toEqual([
      'name',
      'dob',
      'phone',
    ]);
    items.set('students.columns', 'not json');
    expect([...new ColumnChoice<Key>('students.columns', options, ['class']).visible()]).toEqual([
      'name',
      'dob',
      'phone',
    ]);
  });

  it('still works, until reload, when the browser refuses storage', () => {
    installStorage('disabled');
    const choice = new ColumnChoice<Key>('students.columns', options, ['phone']);
    expect(choice.shows('phone')).toBe(false);
    choice.show(['dob', 'class', 'phone']);
    expect(choice.shows('phone')).toBe(true);
  });
});
