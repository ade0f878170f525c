import { useEffect, useRef, useState } from 'react';
import { useUi } from '../app/stores/ui.ts';

/**
 * An editor's "throw the changes away?" question. While the editor is `dirty`, leaving it
 * another way (another screen, another candidate, the panel closed: see the ui store's
 * leave guard) asks the same question, and goes there only on yes.
 */
export function useDiscardQuestion(dirty: boolean) {
  const [asking, setAsking] = useState(false);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  /** Where the recruiter was going when asked, if anywhere outside the editor. */
  const leaveAfterDiscard = useRef<(() => void) | null>(null);
  const setLeaveGuard = useUi((s) => s.setLeaveGuard);

  useEffect(() => {
    if (asking) keepEditingRef.current?.focus();
  }, [asking]);

  useEffect(() => {
    if (!dirty) return;
    setLeaveGuard((leave) => {
      leaveAfterDiscard.current = leave;
      setAsking(true);
      // Already asking (Cancel was pressed first): the question takes the focus again.
      keepEditingRef.current?.focus();
    });
    return () => setLeaveGuard(null);
  }, [dirty, setLeaveGuard]);

  return {
    asking,
    /** On the question's "keep editing" button, which takes the focus when it is asked. */
    keepEditingRef,
    ask: () => setAsking(true),
    keepEditing: () => {
      leaveAfterDiscard.current = null;
      setAsking(false);
    },
    /** Yes: the editor closes itself (`close`), then the recruiter goes where they were going. */
    discard: (close: () => void) => {
      const next = leaveAfterDiscard.current;
      leaveAfterDiscard.current = null;
      close();
      next?.();
    },
    /** The editor's own way out (saved, cancelled unchanged): nothing to ask. */
    release: () => setLeaveGuard(null),
  };
}
