import { useTranslation } from 'react-i18next';
import { NamedPresetBar } from '../common/NamedPresetBar';
import { useColumnSetMutations, useColumnSets } from '../common/useIo';

interface Props {
  columns: string[];
  onLoad: (columns: string[]) => void;
}

/** Column sets by name ("Adreslijst", "Ledenlijst bestuur"): load, save the current columns, delete. */
export function ColumnSetBar({ columns, onLoad }: Props) {
  const { t } = useTranslation();
  const sets = useColumnSets();
  const { save, remove } = useColumnSetMutations();
  return (
    <NamedPresetBar
      presets={sets.data?.rows ?? []}
      reload={sets.reload}
      save={(name) => save.run({ name, columns })}
      remove={(name) => remove.run({ name })}
      busy={{ save: save.busy, remove: remove.busy }}
      error={save.error ?? remove.error}
      canSave={columns.length > 0}
      onLoad={(set) => onLoad(set.columns)}
      texts={{ label: t('io.export.sets'), placeholder: t('io.export.setsPlaceholder'), none: t('io.export.setsNone'), remove: t('io.export.deleteSet'), saveAs: t('io.export.saveSetAs'), save: t('io.export.saveSet') }}
      testIds={{ select: 'column-set', name: 'column-set-name', save: 'column-set-save' }}
      widths={{ select: 240, name: 220 }}
    />
  );
}
