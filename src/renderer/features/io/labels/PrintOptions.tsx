import { Checkbox, Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type PrintFont = 'Arial' | 'Calibri' | 'Helvetica' | 'Verdana';

export interface PrintSettings {
  households: boolean;
  fontSizePt: number;
  font: PrintFont;
}

export const DEFAULT_PRINT: PrintSettings = { households: false, fontSizePt: 10, font: 'Arial' };

const FONTS: PrintFont[] = ['Arial', 'Calibri', 'Helvetica', 'Verdana'];

/** What labels and envelopes share: one per household, font and size. */
export function PrintOptions({ value, onChange }: { value: PrintSettings; onChange: (v: PrintSettings) => void }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm">
      <Select label={t('io.print.font')} data={FONTS} value={value.font} onChange={(v) => v && onChange({ ...value, font: v as PrintFont })} allowDeselect={false} w={150} />
      <NumberInput label={t('io.print.fontSize')} min={8} max={14} value={value.fontSizePt} onChange={(v) => onChange({ ...value, fontSizePt: typeof v === 'number' ? v : 10 })} w={120} />
      <Checkbox
        label={t('io.print.households')}
        description={t('io.print.householdsHelp')}
        checked={value.households}
        onChange={(e) => onChange({ ...value, households: e.currentTarget.checked })}
        data-testid="print-households"
      />
    </Group>
  );
}
