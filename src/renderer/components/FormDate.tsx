import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../lib/useForm';
import { fieldLabel, issueMessage } from '../lib/issues';
import { parseDateText, showDate } from '../lib/dates';

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

interface Props<V extends object> extends Omit<TextInputProps, 'form' | 'value' | 'onChange' | 'name'> {
  form: FormState<V>;
  name: StringKeys<V>;
  label?: string;
}

/**
 * A date typed the Dutch way ('3-7-1961', '3 juli 1961', '030761'); on blur it is checked
 * and rewritten as d-m-yyyy so the user sees how it was understood.
 */
export function FormDate<V extends object>({ form, name, label, ...rest }: Props<V>) {
  const { t } = useTranslation();
  const issue = form.issues[name];
  const value = form.values[name] as string;
  return (
    <TextInput
      label={label ?? fieldLabel(t, name)}
      placeholder={t('common.datePlaceholder')}
      value={value}
      onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      onBlur={() => {
        const r = parseDateText(value);
        if (r.ok && r.value && showDate(r.value) !== value) form.set(name, showDate(r.value) as V[typeof name]);
        form.checkField(name);
      }}
      error={issue ? issueMessage(t, issue) : undefined}
      data-field={name}
      {...rest}
    />
  );
}
