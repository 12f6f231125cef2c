import { useState } from 'react';
import { Button, Divider, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationKind } from '../../../../shared/contract';
import type { FieldIssue } from '../../../../shared/errors';
import { useForm } from '../../../lib/useForm';
import { fieldKey, fieldLabel } from '../../../lib/issues';
import { parseDateText } from '../../../lib/dates';
import { IssueSummary } from '../../../components/IssueSummary';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { RpcError } from '../../../rpc/client';
import { AddressFields } from '../../addresses/AddressFields';
import { addressChecks, addressInput, checkAddressForm, emptyAddressForm, isAddressEmpty, type AddressFormValues } from '../../addresses/address-form';
import { useRelationTypes } from '../../classification/useClassification';
import { checkRelationForm, emptyRelationForm, fieldsInput, relationChecks, type RelationFormValues } from '../relation-form';
import { PersonFields } from '../card/PersonFields';
import { OrganisationFields } from '../card/OrganisationFields';
import { ContactFields } from '../card/ContactFields';
import { useCreateRelation } from './useCreateRelation';
import { useOrganisationsForEmail, useSimilarRelations } from './useSimilarRelations';
import { SimilarWarning } from './SimilarWarning';
import { OrganisationOffer } from './OrganisationOffer';

interface Props {
  kind: RelationKind;
  onClose: () => void;
  onCreated: (id: string) => void;
  onOpenRelation: (id: string) => void;
}

export function NewRelationModal({ kind, onClose, onCreated, onOpenRelation }: Props) {
  const { t } = useTranslation();
  const form = useForm<RelationFormValues>(emptyRelationForm(), relationChecks);
  const address = useForm<AddressFormValues>(emptyAddressForm(kind === 'person' ? 'home' : 'business'), addressChecks('NL'));
  const [typeCodes, setTypeCodes] = useState<string[]>(kind === 'person' ? ['lid'] : []);
  const [employers, setEmployers] = useState<Set<string>>(new Set());
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<RpcError | null>(null);
  const types = useRelationTypes();
  const { create, busy } = useCreateRelation();
  const v = form.values;
  const birth = parseDateText(v.birthDate);
  const similar = useSimilarRelations(
    kind === 'person'
      ? {
          email: v.email.trim() || undefined,
          firstName: v.firstName.trim() || undefined,
          lastName: v.lastName.trim() || undefined,
          infix: v.infix.trim() || undefined,
          birthDate: birth.ok && birth.value ? birth.value : undefined,
          postcode: address.values.postcode.trim() || undefined,
          houseNumber: /^\d{1,5}$/.test(address.values.houseNumber.trim()) ? Number(address.values.houseNumber.trim()) : undefined,
          phone: v.mobile.trim() || v.phone.trim() || undefined,
        }
      : {
          kind: 'organisation',
          email: v.email.trim() || undefined,
          name: v.name.trim() || undefined,
          kvkNumber: v.kvkNumber.trim() || undefined,
          postcode: address.values.postcode.trim() || undefined,
          houseNumber: /^\d{1,5}$/.test(address.values.houseNumber.trim()) ? Number(address.values.houseNumber.trim()) : undefined,
        },
  );
  const organisations = useOrganisationsForEmail(kind === 'person' ? v.email : '');

  const save = async () => {
    const withAddress = !isAddressEmpty(address.values);
    const rel = checkRelationForm(kind, v);
    const adr = withAddress ? checkAddressForm(address.values) : [];
    form.setIssues(rel);
    address.setIssues(adr);
    setIssues([...rel, ...adr.map((i) => ({ ...i, field: `address.${i.field}` }))]);
    setFailure(null);
    if (rel.length || adr.length) return;
    const r = await create({
      kind,
      fields: fieldsInput(v),
      address: withAddress ? addressInput(address.values) : undefined,
      typeCodes,
      employerIds: [...employers].filter((id) => organisations.some((o) => o.id === id)),
    });
    if (r.ok) {
      onCreated(r.id);
      return;
    }
    const server = r.error.body.issues ?? [];
    form.setIssues(server.filter((i) => !i.field.startsWith('address.')).map((i) => ({ ...i, field: fieldKey(i.field) })));
    address.setIssues(server.filter((i) => i.field.startsWith('address.')), ['address.']);
    setIssues(server.map((i) => ({ ...i, field: i.field.replace(/^fields\./, '') })));
    if (!server.length) setFailure(r.error);
  };

  const typeOptions = (types.data?.rows ?? []).filter((r) => r.appliesTo === 'both' || r.appliesTo === kind);
  return (
    <Modal opened onClose={onClose} title={kind === 'person' ? t('relations.new.personTitle') : t('relations.new.organisationTitle')} size="80rem">
      <Stack gap="sm" data-testid="new-relation-form">
        <IssueSummary issues={issues} labelFor={(p) => fieldLabel(t, p)} />
        <ErrorAlert error={failure} />
        <SimilarWarning rows={similar} onOpen={onOpenRelation} />
        {kind === 'person' ? <PersonFields form={form} /> : <OrganisationFields form={form} />}
        <ContactFields form={form} compact />
        <OrganisationOffer
          rows={organisations}
          chosen={employers}
          onToggle={(id, on) => setEmployers((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)))}
        />
        <Divider label={t('relations.new.addressSection')} labelPosition="left" />
        <AddressFields form={address} withPeriod={false} />
        <MultiSelect
          label={fieldLabel(t, 'typeCodes')}
          data={typeOptions.map((o) => ({ value: o.code, label: o.name }))}
          value={typeCodes}
          onChange={setTypeCodes}
          data-field="typeCodes"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="create-relation">
            {t('relations.new.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
