import type { PultApi } from '../../src/shared/api';

/** A PultApi whose methods answer only what a test gives; any other call fails the test loudly. */
export function fakeApi(methods: Partial<PultApi>): PultApi {
  return new Proxy(methods as PultApi, {
    get(target, name: string) {
      if (name in target) return target[name as keyof PultApi];
      return async () => {
        throw new Error(`fakeApi: ${name} was called but the test did not provide it`);
      };
    },
  });
}
