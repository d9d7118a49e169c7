/**
 * The assignment suggestion for a request not created yet, from the host: who of the chosen
 * Тип's department has the most plan left today (time logged today included).
 */
import { useEffect, useState } from 'react';
import type { AssignmentSuggestionView } from '../../shared/api';
import { pult } from '../bridge';

export function useNewRequestSuggestion(type: string): AssignmentSuggestionView | null {
  const [suggestion, setSuggestion] = useState<AssignmentSuggestionView | null>(null);
  useEffect(() => {
    let live = true;
    if (!type) {
      queueMicrotask(() => live && setSuggestion(null));
      return () => {
        live = false;
      };
    }
    pult
      .suggestAssignee({ typeValue: type })
      .then((value) => live && setSuggestion(value))
      .catch(() => live && setSuggestion(null));
    return () => {
      live = false;
    };
  }, [type]);
  return suggestion;
}
