import { describe, expect, it } from 'vitest';
import { SecretStoreError, toSecretStoreError } from '../../../../src/node/secrets/keychain';

// The messages are the ones @napi-rs/keyring 2.1 gives on Linux in each situation.
describe('keychain error messages', () => {
  const cases: [string, SecretStoreError['code'], RegExp][] = [
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'unavailable', /gnome-keyring/],
    ['Platform failure: DBus error: Failed to connect to socket /run/user/1000/bus: No such file or directory', 'unavailable', /Secret Service provider/],
    ["Couldn't access platform storage: Secret Service: no result found", 'no-keyring', /default keyring/],
    ["Couldn't access platform storage: Secret Service: the collection is locked", 'locked', /Unlock it/],
    ["Couldn't access platform storage: AccessDenied", 'denied', /Allow Pult/],
    ['Entry is matched by 2 credentials: Ambiguous', 'invalid', /duplicate/],
    ['something else entirely', 'failed', /Retry/],
  ];

  it.each(cases)('%s -> %s', (message, code, advice) => {
    const error = toSecretStoreError(new Error(message), 'read', 'oauth:refresh');
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(advice);
    expect(error.message).toContain('"oauth:refresh"');
    expect(error.message).toContain(message);
  });

  it('keeps a SecretStoreError as it is', () => {
    const original = new SecretStoreError('invalid', 'x');
    expect(toSecretStoreError(original, 'read', 'k')).toBe(original);
  });
});
