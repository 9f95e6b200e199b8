/** One labelled text input or textarea, NHS style, with an optional hint. */
export type FieldSpec = {
  readonly key: string;
  readonly label: string;
  readonly hint?: string;
  /** A textarea rather than one line. */
  readonly long?: boolean;
  readonly max: number;
};

type Props = {
  spec: FieldSpec;
  id: string;
  value: string;
  onInput: (value: string) => void;
  /** Shown but not editable, with the element that says why. */
  readOnly?: { readonly describedBy: string };
};

export function TextField({ spec, id, value, onInput, readOnly }: Props) {
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, readOnly?.describedBy].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.key,
    value,
    maxLength: spec.max,
    readOnly: readOnly !== undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="form-group">
      <label class="label" for={id}>
        {spec.label}
      </label>
      {spec.hint && (
        <div class="hint" id={hintId}>
          {spec.hint}
        </div>
      )}
      {spec.long ? (
        <textarea class="textarea" rows={3} {...common} />
      ) : (
        <input class="input" type="text" {...common} />
      )}
    </div>
  );
}
