import { createCore } from '../../index.ts';

/**
 * A child process for the crash test: unlocks the vault and types interview notes
 * through the core at a steady pace, autosaving the way the form does (a save at
 * most `MAX_WAIT_MS` after the first unsaved keystroke). It prints each keystroke
 * with its time, and is killed with SIGKILL in the middle of typing.
 */
const [vaultDir, interviewId, passphrase, text] = process.argv.slice(2) as [string, string, string, string];
const KEY_MS = 12;
const MAX_WAIT_MS = 400;

const core = createCore({ vaultDir, retention: { firstDelayMs: 1e13 } });
const unlocked = await core.dispatch('vault.unlock', { passphrase });
if (!unlocked.ok) throw new Error(unlocked.error.message);

let typed = 0;
let revision = 1;
let firstUnsavedAt: number | null = null;
let saving = false;

const save = async () => {
  saving = true;
  const notes = text.slice(0, typed);
  const result = await core.dispatch('activity.interviews.save', { id: interviewId, revision: revision++, answers: {}, notes });
  if (!result.ok) throw new Error(result.error.message);
  saving = false;
};

setInterval(() => {
  if (typed >= text.length) return;
  typed++;
  firstUnsavedAt ??= Date.now();
  process.stdout.write(`typed ${typed} ${Date.now()}\n`);
  if (!saving && Date.now() - firstUnsavedAt >= MAX_WAIT_MS) {
    firstUnsavedAt = null;
    void save();
  }
}, KEY_MS);
