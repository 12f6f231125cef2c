import { useEffect, useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseDateText, showDate } from '../../lib/dates';
import { issueMessage } from '../../lib/issues';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** ISO date or null (empty). */
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | undefined;
}

/**
 * A date typed the Dutch way ('1-1-2027', '1 januari 2027') bound to an ISO value; shown
 * back as d-m-yyyy on blur so the user sees how it was understood.
 */
export function DateText({ value, onChange, error, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(showDate(value));
  const [bad, setBad] = useState(false);
  // Follow a value set from outside; typing (text) must not resync itself, hence not a dependency.
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
