import { describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../../../src/node/secrets/errors';
import { MemorySecretStore } from '../../../../src/node/secrets/memory';

describe('MemorySecretStore', () => {
  it('sets, overwrites, gets, deletes, and answers null for a missing key', async () => {
    const store = new MemorySecretStore({ seeded: 'x' });
    expect(await store.get('missing')).toBeNull();
    await store.set('token', 'a');
    await store.set('token', 'б🙂');
    expect(await store.get('token')).toBe('б🙂');
    await store.delete('token');
    await store.delete('token');
    expect(await store.get('token')).toBeNull();
    expect(store.snapshot()).toEqual({ seeded: 'x' });
  });

  it('fails every call the way a locked keychain does until told otherwise', async () => {
    const store = new MemorySecretStore();
    const locked = new SecretStoreError('locked', 'locked');
    store.failWith(locked);
    await expect(store.get('a')).rejects.toBe(locked);
    await expect(store.set('a', 'b')).rejects.toBe(locked);
    await expect(store.delete('a')).rejects.toBe(locked);
    store.failWith(null);
    await store.set('a', 'b');
    expect(await store.get('a')).toBe('b');
  });

  it('refuses an empty key like the keychain adapter', async () => {
    await expect(new MemorySecretStore().set('', 'v')).rejects.toMatchObject({ name: 'SecretStoreError', code: 'invalid' });
  });
});
