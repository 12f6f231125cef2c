import { useEffect, useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseDateText, showDate } from '../lib/dates';
import { issueMessage } from '../lib/issues';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** ISO date or null (empty). */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** A problem from elsewhere (e.g. the core); a typing error is shown by the field itself. */
  error?: string | undefined;
}

/**
 * A date typed the Dutch way ('1-3-2024', '1 maart 2024'), bound to an ISO value. While the
 * text does not parse, the last good value stays and the field says so on blur.
 */
export function DateField({ value, onChange, error, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(showDate(value));
  const [bad, setBad] = useState(false);
  // Follow changes from outside (another row took this place, a reset) unless they are ours;
  // `text` is left out of the dependencies on purpose: typing must not resync itself.
  useEffect(() => {
    const r = parseDateText(text);
    if (!r.ok || r.value !== value) {
      setText(showDate(value));
      setBad(false);
    }
  }, [value]);
  return (
    <TextInput
      placeholder={t('common.datePlaceholder')}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const r = parseDateText(next);
        if (r.ok) {
          setBad(false);
          if (r.value !== value) onChange(r.value);
        }
      }}
      onBlur={() => {
        const r = parseDateText(text);
        if (r.ok) setText(showDate(r.value));
        else setBad(true);
      }}
      error={bad ? issueMessage(t, { code: 'DATE_INVALID' }) : error}
      {...rest}
    />
  );
}
