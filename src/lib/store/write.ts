// Every write goes through here: failures become Problems, a dropped connection is reopened and retried once.
import { fail, ok, type Result } from '../result';
import { reopenDataDb } from './db';
import { classify, toProblem } from './errors';
import { storeHealth } from './health.svelte';
import { vaultProblem } from './vault-errors';

export async function write<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    const value = await work();
    storeHealth.writeSucceeded();
    return ok(value);
  } catch (first) {
    // Locked: the input stays on screen and drafts retry on unlock; not a storage fault for the banner.
    const vault = vaultProblem(first);
    if (vault) return fail(vault);
    if (classify(first) === 'closed') {
      try {
        await reopenDataDb();
        const value = await work();
        storeHealth.writeSucceeded();
        return ok(value);
      } catch (second) {
        const problem = toProblem(second);
        storeHealth.writeFailed(problem);
        return fail(problem);
      }
    }
    const problem = toProblem(first);
    if (classify(first) !== 'conflict') storeHealth.writeFailed(problem);
    return fail(problem);
  }
}
