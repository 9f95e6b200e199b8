/**
 * The language switch (decision 0022): English or Cymraeg, kept on this
 * phone. Until someone chooses, the browser's language decides. Switching
 * redraws the app in the new language and puts focus back on the choice.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { language, type Lang } from '../../../i18n/index.ts';
import { setLanguage } from '../../../i18n/choose.ts';
import { t } from './settings.en.ts';

/** Set just before the redraw a switch causes, so the new switch takes focus. */
let justSwitched = false;

export function Language() {
  const current = language();
  const chosen = useRef<HTMLInputElement>(null);
  // Before the redrawn page paints, so focus never rests on the page body.
  useLayoutEffect(() => {
    if (!justSwitched) return;
    justSwitched = false;
    chosen.current?.focus();
  }, []);
  const choose = (next: Lang) => {
    justSwitched = true;
    setLanguage(next, true).catch((e: unknown) => {
      justSwitched = false;
      console.error('the language could not change', e);
    });
  };
  return (
    <fieldset class="fieldset form-group" aria-describedby="language-hint">
      <legend class="legend">
        <h2>{t('language')}</h2>
      </legend>
      <div class="hint" id="language-hint">
        {t('languageHint')}
      </div>
      {(['en', 'cy'] as const).map((l) => (
        <div class="checkbox radio" key={l}>
          <input
            id={`language-${l}`}
            type="radio"
            name="language"
            value={l}
            ref={l === current ? chosen : null}
            checked={l === current}
            onChange={() => choose(l)}
          />
          <label for={`language-${l}`} lang={l === 'cy' ? 'cy' : 'en-GB'}>
            {t(l === 'cy' ? 'welsh' : 'english')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
