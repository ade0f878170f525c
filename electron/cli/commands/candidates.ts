import { CliExit, callOrExit, printJson, readStdin, type Command } from '../io.ts';
import type { Candidate, CandidateInput } from '../../../shared/contract/index.ts';

/**
 * Accepts what people type in a quick JSON: `email`/`phone`/`city` as single values
 * besides the contract's own `emails`/`phones`/`address`.
 */
export function toCandidateInput(raw: Record<string, unknown>): CandidateInput {
  const { email, phone, city, street, postalCode, country, ...rest } = raw;
  const input = { ...rest } as Record<string, unknown>;
  if (typeof email === 'string') input.emails = [email, ...((rest.emails as string[] | undefined) ?? [])];
  if (typeof phone === 'string') input.phones = [phone, ...((rest.phones as string[] | undefined) ?? [])];
  if (city !== undefined || street !== undefined || postalCode !== undefined || country !== undefined) {
    input.address = {
      ...((rest.address as object | undefined) ?? {}),
      ...(street !== undefined ? { street } : {}),
      ...(postalCode !== undefined ? { postalCode } : {}),
      ...(city !== undefined ? { city } : {}),
      ...(country !== undefined ? { country } : {}),
    };
  }
  return input as CandidateInput;
}

const USAGE = 'usage: kandidat candidates add | list --json | show ID --json';

export const runCandidates: Command = async (args, io, vault) => {
  const [sub, ...rest] = args;
  if (!sub || !['add', 'list', 'show'].includes(sub)) throw new CliExit(64, USAGE);
  const core = await vault.openUnlocked();
  try {
    if (sub === 'add') {
      let raw: unknown;
      try {
        raw = JSON.parse(await readStdin(io.stdin));
      } catch {
        throw new CliExit(1, 'candidates add reads one JSON object on stdin, e.g. {"name": "Kari Nordmann", "phone": "912 34 567"}');
      }
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new CliExit(1, 'Expected one JSON object on stdin');
      printJson(io, await callOrExit<Candidate>(core, 'candidates.create', toCandidateInput(raw as Record<string, unknown>)));
      return 0;
    }
    if (sub === 'list') {
      const all: Candidate[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await callOrExit<{ total: number; items: { id: string }[] }>(core, 'candidates.list', {
          offset,
          limit: 500,
          status: 'all',
        });
        for (const item of page.items) all.push(await callOrExit<Candidate>(core, 'candidates.get', { id: item.id }));
        if (offset + 500 >= page.total) break;
      }
      if (rest.includes('--json')) printJson(io, all);
      else for (const c of all) io.stdout.write(`${c.id}\t${c.name}\t${c.status}\t${c.address.city}\n`);
      return 0;
    }
    const id = rest.find((a) => !a.startsWith('--'));
    if (!id) throw new CliExit(64, USAGE);
    const candidate = await callOrExit<Candidate>(core, 'candidates.get', { id });
    if (rest.includes('--json')) printJson(io, candidate);
    else io.stdout.write(`${candidate.name}\n${candidate.emails.join(', ')}\n${candidate.phones.join(', ')}\n${candidate.address.city}\n`);
    return 0;
  } finally {
    await core.close();
  }
};
