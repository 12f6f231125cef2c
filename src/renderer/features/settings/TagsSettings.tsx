import { useState } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NameModal } from '../../components/NameModal';
import { useTags } from '../classification/useClassification';
import { buildTagTree, type TagNode } from '../classification/tag-tree';
import { TagSettingsNode } from './TagSettingsNode';
import { useTagMutations } from './useSettingsMutations';

type Dialog = { kind: 'create'; parent: TagNode | null } | { kind: 'rename'; node: TagNode } | null;

export function TagsSettings() {
  const { t } = useTranslation();
  const tags = useTags();
  const m = useTagMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const tree = buildTagTree(tags.data?.rows ?? []);
  const done = (ok: boolean) => {
    if (!ok) return;
    setDialog(null);
    tags.reload();
  };

  return (
    <Stack gap="sm" data-testid="settings-tags">
      <Title order={3}>{t('settings.tags.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('settings.tags.explain')}
      </Text>
      <ErrorAlert error={m.remove.error} />
      {tree.map((node) => (
        <TagSettingsNode
          key={node.tag.id}
          node={node}
          onAddChild={(parent) => setDialog({ kind: 'create', parent })}
          onRename={(n) => setDialog({ kind: 'rename', node: n })}
          onDelete={(n) => void m.remove.run({ id: n.tag.id }).then((x) => x.ok && tags.reload())}
        />
      ))}
      <Button variant="light" w="fit-content" onClick={() => setDialog({ kind: 'create', parent: null })} data-testid="create-tag">
        {t('settings.tags.addRoot')}
      </Button>
      {dialog?.kind === 'create' && (
        <NameModal
          title={dialog.parent ? t('settings.tags.childTitle', { parent: dialog.parent.tag.name }) : t('settings.tags.rootTitle')}
          label={t('settings.common.name')}
          busy={m.create.busy}
          error={m.create.error}
          onClose={() => setDialog(null)}
          onSave={(name) => void m.create.run({ name, parentId: dialog.parent?.tag.id ?? null }).then((x) => done(x.ok))}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameModal
          title={t('settings.tags.renameTitle')}
          label={t('settings.common.name')}
          initial={dialog.node.tag.name}
          busy={m.update.busy}
          error={m.update.error}
          onClose={() => setDialog(null)}
          onSave={(name) => void m.update.run({ id: dialog.node.tag.id, name, parentId: dialog.node.tag.parentId }).then((x) => done(x.ok))}
        />
      )}
    </Stack>
  );
}
