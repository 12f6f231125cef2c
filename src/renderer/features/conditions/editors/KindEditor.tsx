import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from './editor-props';

export function KindEditor({ value, onChange }: EditorProps<'kind'>) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="sm"
      value={value.kind}
      onChange={(v) => onChange({ ...value, kind: v === 'organisation' ? 'organisation' : 'person' })}
      data={[
        { value: 'person', label: t('relations.kind.person') },
        { value: 'organisation', label: t('relations.kind.organisation') },
      ]}
      aria-label={t('conditions.choice.kind')}
    />
  );
}
