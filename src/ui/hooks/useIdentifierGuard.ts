/**
 * The identifier guard as a form's state: `check` saves at once when nothing
 * looks like a patient identifier, otherwise it holds the matches so the form
 * shows the warning, whose buttons call `remove` or `keep`.
 */
import { useState } from 'preact/hooks';
import type { IdentifierMatch } from '../../domain/identifiers.ts';
import {
  identifiersIn,
  withoutIdentifiers,
  type GuardFields,
} from '../components/identifierGuard.ts';

export function useIdentifierGuard<T extends GuardFields>(save: (fields: T) => void) {
  const [warning, setWarning] = useState<IdentifierMatch[] | null>(null);
  return {
    warning,
    clear: () => setWarning(null),
    check: (fields: T) => {
      const found = identifiersIn(fields);
      if (found.length > 0) setWarning(found);
      else save(fields);
    },
    remove: (fields: T) => {
      setWarning(null);
      save(withoutIdentifiers(fields));
    },
    keep: (fields: T) => {
      setWarning(null);
      save(fields);
    },
  };
}
