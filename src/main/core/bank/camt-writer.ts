/**
 * Writes a CAMT.053 (camt.053.001.02) statement the way a Dutch bank does, for the demo and
 * the benchmark: the app never sends statements, but it needs realistic ones to show and to
 * measure. Amounts are cents; a negative amount is a debit.
 */
export interface CamtTx {
  amountCents: number;
  endToEndId?: string | null;
  name?: string | null;
  iban?: string | null;
  text?: string | null;
  /** A betalingskenmerk or RF reference (SCOR). */
  reference?: string | null;
  returnCode?: string | null;
  mandateRef?: string | null;
}

export interface CamtEntry extends CamtTx {
  bankRef: string;
  date: string;
  /** A batch credit: its PmtInfId and, with details, its transactions. */
  batch?: { pmtInfId: string; count: number; details?: CamtTx[] } | undefined;
}

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const amt = (cents: number) => (Math.abs(cents) / 100).toFixed(2);

function txXml(t: CamtTx, credit: boolean): string {
  const role = credit || t.returnCode ? 'Dbtr' : 'Cdtr';
  const refs = `<Refs><EndToEndId>${esc(t.endToEndId ?? 'NOTPROVIDED')}</EndToEndId>${t.mandateRef ? `<MndtId>${esc(t.mandateRef)}</MndtId>` : ''}</Refs>`;
  const parties = t.name || t.iban ? `<RltdPties>${t.name ? `<${role}><Nm>${esc(t.name)}</Nm></${role}>` : ''}${t.iban ? `<${role}Acct><Id><IBAN>${t.iban}</IBAN></Id></${role}Acct>` : ''}</RltdPties>` : '';
  const strd = t.reference
    ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>${t.reference.startsWith('RF') ? 'ISO' : 'CUR'}</Issr></Tp><Ref>${esc(t.reference)}</Ref></CdtrRefInf></Strd>`
    : '';
  const rmt = t.text || strd ? `<RmtInf>${t.text ? `<Ustrd>${esc(t.text)}</Ustrd>` : ''}${strd}</RmtInf>` : '';
  const rtr = t.returnCode ? `<RtrInf><Rsn><Cd>${esc(t.returnCode)}</Cd></Rsn></RtrInf>` : '';
  return `<TxDtls>${refs}<AmtDtls><TxAmt><Amt Ccy="EUR">${amt(t.amountCents)}</Amt></TxAmt></AmtDtls>${parties}${rmt}${rtr}</TxDtls>`;
}

export function writeCamt053(s: { account: string; id: string; from: string; to: string; openingCents: number; entries: CamtEntry[] }): string {
  const closing = s.entries.reduce((sum, e) => sum + e.amountCents, s.openingCents);
  const bal = (code: string, cents: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amt(cents)}</Amt><CdtDbtInd>${cents < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  const entries = s.entries.map((e) => {
    const credit = e.amountCents >= 0;
    const family = e.returnCode ? 'IDDT</Cd><SubFmlyCd>UPDD' : e.batch ? 'IDDT</Cd><SubFmlyCd>ESDD' : credit ? 'RCDT</Cd><SubFmlyCd>ESCT' : 'ICDT</Cd><SubFmlyCd>ESCT';
    const btch = e.batch ? `<Btch><PmtInfId>${esc(e.batch.pmtInfId)}</PmtInfId><NbOfTxs>${e.batch.count}</NbOfTxs><TtlAmt Ccy="EUR">${amt(e.amountCents)}</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>` : '';
    const details = e.batch ? (e.batch.details ?? []).map((t) => txXml(t, true)).join('') : txXml(e, credit);
    return `<Ntry><Amt Ccy="EUR">${amt(e.amountCents)}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>${e.returnCode ? '<RvslInd>true</RvslInd>' : ''}<Sts>BOOK</Sts><BookgDt><Dt>${e.date}</Dt></BookgDt><ValDt><Dt>${e.date}</Dt></ValDt><AcctSvcrRef>${esc(e.bankRef)}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${family}</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls>${btch}${details}</NtryDtls>${e.batch ? `<AddtlNtryInf>Incasso ${esc(e.batch.pmtInfId)}</AddtlNtryInf>` : ''}</Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>${esc(s.id)}</MsgId><CreDtTm>${s.to}T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${esc(s.id)}</Id><CreDtTm>${s.to}T06:00:00</CreDtTm><FrToDt><FrDtTm>${s.from}T00:00:00</FrDtTm><ToDtTm>${s.to}T23:59:59</ToDtTm></FrToDt>
<Acct><Id><IBAN>${s.account}</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', s.openingCents, s.from)}${bal('CLBD', closing, s.to)}
${entries.join('\n')}
</Stmt></BkToCstmrStmt></Document>
`;
}

