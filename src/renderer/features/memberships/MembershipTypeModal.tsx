import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, MembershipTypeDto } from '../../../shared/contract';
import { codeFromName } from '../../lib/code';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { isComplete } from '../conditions/condition-model';
import { ChangePreviewModal } from './ChangePreviewModal';
import { MembershipsError } from './MembershipsError';
import { RULE_EXCLUDE } from './rule-exclude';
import { usePreviewedChange } from './usePreviewedChange';

/** A membership type (Lid, Donateur…) with its base rule; every save is previewed. */
export function MembershipTypeModal({ type, onClose }: { type?: MembershipTypeDto | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const pv = usePreviewedChange();
  const [name, setName] = useState(type?.name ?? '');
  const [code, setCode] = useState(type?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(false);
  const [base, setBase] = useState<Condition | null>(type?.baseCondition ?? null);
  const ready = name.trim() !== '' && isComplete(base);

  const submit = () => {
    if (!isComplete(base)) return;
    if (type) void pv.preview('membershipTypes.update', { id: type.id, name, baseCondition: base }, onClose);
    else void pv.preview('membershipTypes.create', { code: code || codeFromName(name), name, baseCondition: base }, onClose);
  };

  return (
    <>
      <Modal opened={!pv.pending} onClose={onClose} title={type ? t('units.types.editTitle') : t('units.types.createTitle')} size="60rem" data-testid="type-form">
        <Stack>
          <Group grow align="flex-start">
            <TextInput
              label={t('units.types.name')}
              value={name}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setName(next);
                if (!type && !codeTouched) setCode(codeFromName(next));
              }}
              data-field="name"
              data-autofocus
            />
            <TextInput
              label={t('units.types.code')}
              value={code}
              disabled={Boolean(type)}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setCodeTouched(true);
              }}
              data-field="code"
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('units.types.baseRule')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('units.types.baseRuleHelp')}
            </Text>
            <ConditionBuilder value={base} onChange={setBase} exclude={RULE_EXCLUDE} />
          </Stack>
          <MembershipsError error={pv.pending ? null : pv.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={pv.busy} disabled={!ready} data-testid="type-preview">
              {t('units.form.preview')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pv.pending && <ChangePreviewModal changes={pv.pending} busy={pv.busy} error={pv.error} onSave={() => void pv.save()} onCancel={pv.cancel} />}
    </>
  );
}
