import { useState } from 'react';
import { LogTimeline } from '../../contact-log/LogTimeline';
import { Alert, Anchor, Loader, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation, type CardTab } from '../../../shell/navigation';
import { useMutation } from '../../../rpc/useQuery';
import { errorText } from '../../../lib/issues';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { AddressesTab } from '../../addresses/AddressesTab';
import { LinksTab } from '../../links/LinksTab';
import { ClassificationTab } from '../../classification/ClassificationTab';
import { RelationGroupsTab } from '../../groups/RelationGroupsTab';
import { RelationMembershipsTab } from '../../memberships/RelationMembershipsTab';
import { HistoryTab } from '../../audit/HistoryTab';
import { RelationContributionTab } from '../../contributions/relation/RelationContributionTab';
import { RelationHeader } from './RelationHeader';
import { PrivacyActions } from '../../privacy/PrivacyActions';
import { FieldsTab } from './FieldsTab';
import { useRelation } from './useRelation';

export function RelationCardPage({ id, tab }: { id: string; tab?: CardTab | undefined }) {
  const { t } = useTranslation();
  const { back, canGoBack, navigate } = useNavigation();
  const relation = useRelation(id);
  const [active, setActive] = useState<CardTab>(tab ?? 'fields');
  const [confirming, setConfirming] = useState(false);
  const del = useMutation('relations.delete');
  const restore = useMutation('relations.restore');
  const detail = relation.data?.id === id ? relation.data : undefined;

  if (!detail) {
    return relation.error ? <Alert color="red">{errorText(t, relation.error.body)}</Alert> : <Loader m="xl" />;
  }

  return (
    <Stack gap="md" data-testid="relation-card">
      <Anchor component="button" size="sm" onClick={() => (canGoBack ? back() : navigate({ page: 'relations' }))} w="fit-content">
        ← {t('relations.card.back')}
      </Anchor>
      <RelationHeader detail={detail} onDelete={() => setConfirming(true)} onRestore={() => void restore.run({ id })} actions={<PrivacyActions detail={detail} />} />
      <ErrorAlert error={del.error ?? restore.error} />
      <Tabs value={active} onChange={(v) => v && setActive(v as CardTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fields">{t('relations.card.tabFields')}</Tabs.Tab>
          <Tabs.Tab value="addresses">{t('relations.card.tabAddresses', { count: detail.addresses.length })}</Tabs.Tab>
          <Tabs.Tab value="links">{t('relations.card.tabLinks', { count: detail.links.length })}</Tabs.Tab>
          <Tabs.Tab value="classification">{t('relations.card.tabClassification')}</Tabs.Tab>
          <Tabs.Tab value="groups">{t('relations.card.tabGroups')}</Tabs.Tab>
          <Tabs.Tab value="memberships">{t('relations.card.tabMemberships')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('log.page.title')}</Tabs.Tab>
          <Tabs.Tab value="contributions" data-testid="tab-contributions">{t('contributions.page.title')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('relations.card.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fields" pt="md">
          <FieldsTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="addresses" pt="md">
          <AddressesTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <LinksTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="classification" pt="md">
          <ClassificationTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <RelationGroupsTab relationId={detail.id} />
        </Tabs.Panel>
        <Tabs.Panel value="memberships" pt="md">
          <RelationMembershipsTab relationId={detail.id} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <LogTimeline relationId={detail.id} />
        </Tabs.Panel>
        <Tabs.Panel value="contributions" pt="md">
          <RelationContributionTab relationId={detail.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab relationId={detail.id} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={confirming}
        title={t('relations.delete.title')}
        message={t('relations.delete.message', { name: detail.displayName })}
        confirmLabel={t('relations.delete.confirm')}
        danger
        busy={del.busy}
        onClose={() => setConfirming(false)}
        onConfirm={() => void del.run({ id }).then(() => setConfirming(false))}
      />
    </Stack>
  );
}
