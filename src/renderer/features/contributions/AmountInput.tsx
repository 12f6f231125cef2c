import { useEffect, useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { centsToText, textToCents } from './money';

interface Props extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: number | null;
  onChange: (cents: number | null) => void;
}

/** An amount typed the Dutch way ('12,50', '€ 1.234,-'), bound to integer cents. */
export function AmountInput({ value, onChange, error, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(centsToText(value));
  const [bad, setBad] = useState(false);
  // Follow changes from outside unless they are ours (same reasoning as DateField).
  useEffect(() => {
    if (textToCents(text) !== value) setText(centsToText(value));
  }, [value]);
  return (
    <TextInput
      leftSection="€"
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const cents = textToCents(next);
        if (cents !== undefined) {
          setBad(false);
          if (cents !== value) onChange(cents);
        }
      }}
      onBlur={() => {
        const cents = textToCents(text);
        if (cents === undefined) setBad(true);
        else setText(centsToText(cents));
      }}
      error={bad ? t('contributions.amount.invalid') : error}
      {...rest}
    />
  );
}
