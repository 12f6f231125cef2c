import { useTranslation } from 'react-i18next';
import type { ImportOptions, SavedMappingDto } from '../../../../shared/contract/io';
import { NamedPresetBar } from '../common/NamedPresetBar';
import { useMappingMutations, useSavedMappings } from '../common/useIo';
import { savableOptions } from './import-model';

interface Props {
  headers: string[];
  targets: (string | null)[];
  options: ImportOptions;
  onLoad: (saved: SavedMappingDto) => void;
}

/** Load a mapping saved earlier (matched on column headers), or save this one by name. */
export function SavedMappingBar({ headers, targets, options, onLoad }: Props) {
  const { t } = useTranslation();
  const mappings = useSavedMappings();
  const { save, remove } = useMappingMutations();
  return (
    <NamedPresetBar
      presets={mappings.data?.rows ?? []}
      reload={mappings.reload}
      save={(name) => save.run({ name, columns: headers.map((header, i) => ({ header, target: targets[i] ?? null })), options: savableOptions(options) })}
      remove={(name) => remove.run({ name })}
      busy={{ save: save.busy, remove: remove.busy }}
      error={save.error ?? remove.error}
      canSave
      onLoad={onLoad}
      texts={{
        label: t('io.mapping.saved'),
        placeholder: t('io.mapping.savedPlaceholder'),
        none: t('io.mapping.savedNone'),
        remove: t('io.mapping.deleteSaved'),
        saveAs: t('io.mapping.saveAs'),
        saveAsPlaceholder: t('io.mapping.saveAsPlaceholder'),
        save: t('io.mapping.save'),
      }}
      testIds={{ select: 'mapping-saved', name: 'mapping-name', save: 'mapping-save' }}
      widths={{ select: 300, name: 240 }}
    />
  );
}
