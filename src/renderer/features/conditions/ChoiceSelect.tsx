import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { allowedChoices, CHOICE_SECTIONS, type AtomChoice } from './condition-model';
import { useBuilder } from './builder-context';

/** "Wat wordt getest": the atoms in plain Dutch, by section, without the excluded ones. */
export function ChoiceSelect({ value, onChange }: { value: AtomChoice; onChange: (choice: AtomChoice) => void }) {
  const { t } = useTranslation();
  const { exclude } = useBuilder();
  const allowed = new Set(allowedChoices(exclude));
  const data = CHOICE_SECTIONS.map((s) => ({
    group: t(`conditions.section.${s.key}`),
    items: s.choices.filter((c) => allowed.has(c)).map((c) => ({ value: c, label: t(`conditions.choice.${c}`) })),
  })).filter((g) => g.items.length > 0);
  return (
    <Select
      size="sm"
      w={290}
      miw={290}
      // Long labels end in an ellipsis in the field; the list shows them in full.
      styles={{ input: { textOverflow: 'ellipsis' } }}
      data={data}
      value={value}
      allowDeselect={false}
      maxDropdownHeight={420}
      comboboxProps={{ width: 340 }}
      onChange={(v) => v && onChange(v as AtomChoice)}
      aria-label={t('conditions.builder.choose')}
      data-testid="condition-choice"
    />
  );
}
