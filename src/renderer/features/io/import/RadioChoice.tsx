import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props<V extends string> {
  label: string;
  value: V;
  values: V[];
  onChange: (v: V) => void;
  /** i18n prefix; each value's text is `${prefix}.${value}`. */
  prefix: string;
  testId: string;
}

/** A labelled set of radio buttons over a few fixed values. */
export function RadioChoice<V extends string>({ label, value, values, onChange, prefix, testId }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} value={value} onChange={(v) => onChange(v as V)} data-testid={testId}>
      <Stack gap={6} mt={6}>
        {values.map((v) => {
          const key: string = `${prefix}.${v}`;
          return <Radio key={v} value={v} label={t(key)} />;
        })}
      </Stack>
    </Radio.Group>
  );
}
