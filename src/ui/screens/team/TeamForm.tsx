/**
 * "Start a team" and "Join a team": one form, two sets of fields. Needs the
 * internet once; a failure is shown in words, against the field at fault, and
 * nothing typed is lost. A team that asks for staff sign-in refuses the code
 * alone (403): the form then offers "Sign in", which comes back to /join/CODE
 * with a ticket this form sends with the join (decision 0020).
 */
import { useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../../domain/records.ts';
import { joinFailureWords, joinTeam, startTeam } from '../../actions/index.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { SignInButton } from './SignInButton.tsx';
import { type en, t } from './team.en.ts';

export type TeamFormKind = 'start' | 'join';
type Name = 'teamName' | 'inviteCode' | 'displayName';
type Key = keyof typeof en;
type Field = { name: Name; id: string; label: Key; hint?: Key; missing: Key; max: number };

const FIELDS: Record<TeamFormKind, readonly Field[]> = {
  start: [
    {
      name: 'teamName',
      id: 'team-name',
      label: 'teamName',
      missing: 'teamNameMissing',
      max: LIMITS.teamName,
    },
    {
      name: 'displayName',
      id: 'start-display-name',
      label: 'yourName',
      hint: 'nameHint',
      missing: 'nameMissing',
      max: LIMITS.displayName,
    },
  ],
  join: [
    {
      name: 'inviteCode',
      id: 'invite-code-input',
      label: 'inviteCode',
      hint: 'codeHint',
      missing: 'codeMissing',
      max: 40,
    },
    {
      name: 'displayName',
      id: 'join-display-name',
      label: 'yourName',
      hint: 'nameHint',
      missing: 'nameMissing',
      max: LIMITS.displayName,
    },
  ],
};
const BUTTON = { start: 'startTeam', join: 'joinTeam' } as const satisfies Record<
  TeamFormKind,
  Key
>;
const NONE: readonly Problem[] = [];

type Props = {
  kind: TeamFormKind;
  title?: string;
  initialCode?: string;
  /** The name the sign-in provider gave, as a starting point. */
  initialName?: string;
  /** A finished sign-in, sent with the join. */
  signInTicket?: string;
  onDone?: () => void;
};

export function TeamForm({
  kind,
  title,
  initialCode = '',
  initialName = '',
  signInTicket,
  onDone,
}: Props) {
  const fields = FIELDS[kind];
  const [values, setValues] = useState<Record<Name, string>>({
    teamName: '',
    inviteCode: initialCode,
    displayName: initialName,
  });
  // The team asks for sign-in: the code to sign in for.
  const [signInFor, setSignInFor] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [problems, setProblems] = useState(NONE);
  const [working, setWorking] = useState(false);
  const busy = useRef(false);

  function fail(list: { name: Name | null; message: string }[]) {
    setErrors(Object.fromEntries(list.filter((p) => p.name).map((p) => [p.name, p.message])));
    setProblems(
      list.map((p) => {
        const id = fields.find((f) => f.name === p.name)?.id;
        return id ? { message: p.message, field: id } : { message: p.message };
      }),
    );
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy.current) return;
    const missing = fields.filter((f) => !values[f.name].trim());
    if (missing.length > 0)
      return fail(missing.map((f) => ({ name: f.name, message: t(f.missing) })));
    busy.current = true;
    setWorking(true);
    const displayName = values.displayName.trim();
    const outcome =
      kind === 'start'
        ? await startTeam({ teamName: values.teamName.trim(), displayName })
        : await joinTeam({
            inviteCode: values.inviteCode,
            displayName,
            ...(signInTicket ? { signInTicket } : {}),
          });
    busy.current = false;
    setWorking(false);
    if (outcome.kind === 'ok') {
      setProblems(NONE);
      onDone?.();
      return;
    }
    // Only a team asking for sign-in refuses a join with 403.
    setSignInFor(kind === 'join' && outcome.kind === 'forbidden' ? values.inviteCode : null);
    // A wrong invite code comes back as 404 with no field: it is the code's fault.
    const field =
      outcome.kind === 'bad-request'
        ? (outcome.field ?? (kind === 'join' ? 'inviteCode' : null))
        : null;
    const name = fields.find((f) => f.name === field)?.name ?? null;
    fail([{ name, message: joinFailureWords(outcome) }]);
  }

  const headingId = `${kind}-team-heading`;
  return (
    <>
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        {...(title ? { 'aria-labelledby': headingId } : { 'aria-label': t(BUTTON[kind]) })}
      >
        {title && <h2 id={headingId}>{title}</h2>}
        <ErrorSummary problems={problems} id={`${kind}-team-errors`} />
        {fields.map((f) => {
          const error = errors[f.name];
          const describedBy = [f.hint ? `${f.id}-hint` : '', error ? `${f.id}-error` : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div key={f.id} class={error ? 'form-group form-group--error' : 'form-group'}>
              <label class="label" for={f.id}>
                {t(f.label)}
              </label>
              {f.hint && (
                <span class="hint" id={`${f.id}-hint`}>
                  {t(f.hint)}
                </span>
              )}
              <FieldError id={`${f.id}-error`} message={error} />
              <input
                id={f.id}
                class={`input${f.name === 'inviteCode' ? ' input--code' : ''}${error ? ' input--error' : ''}`}
                type="text"
                name={f.name}
                maxLength={f.max}
                autoComplete={f.name === 'displayName' ? 'name' : 'off'}
                autoCapitalize={f.name === 'inviteCode' ? 'characters' : 'words'}
                spellcheck={false}
                value={values[f.name]}
                aria-describedby={describedBy || undefined}
                onInput={(e) => {
                  const v = (e.currentTarget as HTMLInputElement).value;
                  setValues((prev) => ({ ...prev, [f.name]: v }));
                  setErrors((prev) => ({ ...prev, [f.name]: undefined }));
                }}
              />
            </div>
          );
        })}
        <button type="submit" class="button" aria-disabled={working ? 'true' : undefined}>
          {t(BUTTON[kind])}
        </button>
        <p class="secondary-text" role="status">
          {working ? (kind === 'start' ? t('starting') : t('joining')) : ''}
        </p>
      </form>
      {signInFor !== null && (
        <div class="callout">
          {title ? (
            <h3 class="callout__heading">{t('signInToJoin')}</h3>
          ) : (
            <h2 class="callout__heading">{t('signInToJoin')}</h2>
          )}
          <p>{t('signInWhy')}</p>
          <SignInButton code={signInFor} />
        </div>
      )}
    </>
  );
}
