import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../lib/useForm';
import { fieldLabel, issueMessage } from '../lib/issues';

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

interface Props<V extends object> extends Omit<TextInputProps, 'form' | 'value' | 'onChange' | 'name'> {
  form: FormState<V>;
  name: StringKeys<V>;
  /** Overrides the standard label of `fields.label.<name>`. */
  label?: string;
  /** Extra work after the field's own check on blur (e.g. a lookup). */
  onBlurExtra?: (value: string) => void;
}

/** A text input bound to a form field: standard Dutch label, instant check on blur, message on the field. */
export function FormText<V extends object>({ form, name, label, onBlurExtra, ...rest }: Props<V>) {
  const { t } = useTranslation();
  const issue = form.issues[name];
  const value = form.values[name] as string;
  return (
    <TextInput
      label={label ?? fieldLabel(t, name)}
      value={value}
      onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      onBlur={() => {
        form.checkField(name);
        onBlurExtra?.(value);
      }}
      error={issue ? issueMessage(t, issue) : undefined}
      data-field={name}
      {...rest}
    />
  );
}
