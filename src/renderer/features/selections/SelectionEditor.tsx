import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnsavedChanges } from '../../shell/navigation';
import type { Condition, EvaluationMoment, SelectionDto } from '../../../shared/contract';
import { todayIsoLocal } from '../../lib/dates';
import { ConfirmModal } from '../../components/ConfirmModal';
import { NameModal } from '../../components/NameModal';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { isComplete } from '../conditions/condition-model';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { MomentInput } from '../conditions/MomentInput';
import { SelectionResults } from './SelectionResults';
import { useSelectionMutations } from './useSelections';

interface Props {
  /** null: a new, unsaved selection. */
  selection: SelectionDto | null;
  /** A selection was created (save of a new one, or "opslaan als"): open it. */
  onSaved: (id: string) => void;
  onDeleted: () => void;
}

interface Draft {
  name: string;
  description: string;
  condition: Condition | null;
}

function draftOf(s: SelectionDto | null): Draft {
  return { name: s?.name ?? '', description: s?.description ?? '', condition: s?.condition ?? null };
}

/** Name, description, builder, evaluation date and live results of one selection; save, save as, delete. */
export function SelectionEditor({ selection, onSaved, onDeleted }: Props) {
  const { t } = useTranslation();
  const m = useSelectionMutations();
  const [saved, setSaved] = useState<Draft>(() => draftOf(selection));
  const [draft, setDraft] = useState<Draft>(saved);
  const [moment, setMoment] = useState<EvaluationMoment>({ on: todayIsoLocal() });
  const [dialog, setDialog] = useState<'saveAs' | 'delete' | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const markSaved = useUnsavedChanges(dirty);
  const complete = isComplete(draft.condition);
  const error = m.create.error ?? m.update.error ?? m.remove.error;
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };

  const create = async (name: string) => {
    if (!draft.condition) return;
    const r = await m.create.run({ name, description: draft.description, condition: draft.condition });
    if (r.ok) {
      // Saved: opening the new selection is not leaving unsaved edits behind.
      markSaved();
      onSaved(r.value.id);
    }
    return r.ok;
  };
  const save = async () => {
    if (!draft.condition) return;
    if (!selection) return void create(draft.name);
    const r = await m.update.run({ id: selection.id, selection: { name: draft.name, description: draft.description, condition: draft.condition } });
    if (r.ok) {
      setSaved(draft);
      setJustSaved(true);
    }
  };

  return (
    <Stack gap="md" data-testid="selection-editor">
      <Group align="flex-end" gap="sm">
        <TextInput label={t('selections.editor.name')} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} w={320} data-field="name" />
        <TextInput
          label={t('selections.editor.description')}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          style={{ flex: 1 }}
          data-field="description"
        />
      </Group>
      <Group gap="xs">
        <Button onClick={() => void save()} disabled={!complete || !draft.name.trim() || (selection !== null && !dirty)} loading={m.create.busy || m.update.busy} data-testid="save-selection">
          {t('common.save')}
        </Button>
        {selection && (
          <Button variant="default" onClick={() => setDialog('saveAs')} disabled={!complete} data-testid="save-selection-as">
            {t('selections.editor.saveAs')}
          </Button>
        )}
        {selection && (
          <Button variant="subtle" color="red" onClick={() => setDialog('delete')} data-testid="delete-selection">
            {t('common.remove')}
          </Button>
        )}
        {justSaved && !dirty && (
          <Text size="sm" c="teal" data-testid="selection-saved">
            {t('common.saved')}
          </Text>
        )}
        {!complete && draft.condition && (
          <Text size="sm" c="dimmed">
            {t('selections.editor.incomplete')}
          </Text>
        )}
      </Group>
      <FeatureErrorAlert error={error} />
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Title order={4}>{t('selections.editor.conditions')}</Title>
          <ConditionBuilder value={draft.condition} onChange={(condition) => set({ condition })} selfRef={selection ? { kind: 'selection', id: selection.id } : null} />
        </Stack>
      </Paper>
      <Group justify="space-between" align="flex-start">
        <Title order={4}>{t('selections.editor.results')}</Title>
        <MomentInput value={moment} onChange={setMoment} />
      </Group>
      <SelectionResults condition={draft.condition} moment={moment} />
      {dialog === 'saveAs' && (
        <NameModal
          title={t('selections.editor.saveAsTitle')}
          label={t('selections.editor.name')}
          initial={t('selections.editor.copyName', { name: draft.name })}
          busy={m.create.busy}
          error={m.create.error}
          onClose={() => setDialog(null)}
          onSave={(name) => void create(name)}
        />
      )}
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('selections.delete.title')}
        message={t('selections.delete.message', { name: saved.name })}
        confirmLabel={t('common.remove')}
        danger
        busy={m.remove.busy}
        onClose={() => setDialog(null)}
        onConfirm={() => {
          if (!selection) return;
          void m.remove.run({ id: selection.id }).then((r) => {
            setDialog(null);
            if (r.ok) {
              markSaved();
              onDeleted();
            }
          });
        }}
      />
    </Stack>
  );
}
