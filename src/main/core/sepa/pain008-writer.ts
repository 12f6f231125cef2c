import { account, agent, amount, esc, type Party } from './sepa-xml';

/**
 * Writes a SEPA direct-debit initiation, pain.008.001.02 (ISO 2009) or .08 (ISO 2019). The
 * caller hands over text already in the EPC character set and cut to length; this writer
 * only lays it out, with the fields the EPC and Dutch guides require beyond the XSD
 * (SvcLvl SEPA, LclInstrm CORE, SeqTp, ChrgBr SLEV, CdtrSchmeId, MndtId + DtOfSgntr,
 * BtchBookg written explicitly). Built as one array of strings: 100,000 debits in well
 * under a second.
 */
export type SequenceType = 'FRST' | 'RCUR' | 'OOFF';

export interface DebitAmendment {
  /** The mandate reference before it changed. */
  originalReference: string | null;
  /** The Incassant-ID before it changed. */
  originalCreditorId: string | null;
  /** The old IBAN (same bank), or 'SMNDA' when the debtor moved to another bank. */
  originalAccount: string | null;
}

export interface Debit {
  endToEndId: string;
  amountCents: number;
  mandateReference: string;
  signedOn: string;
  amendment: DebitAmendment | null;
  debtor: Party;
  remittance: string;
}

export interface DebitGroup {
  pmtInfId: string;
  date: string;
  sequenceType: SequenceType;
  debits: Debit[];
}

export interface DebitMessage {
  version: '02' | '08';
  msgId: string;
  /** Local date-time, 'YYYY-MM-DDTHH:MM:SS'. */
  createdAt: string;
  creditor: Party & { creditorId: string };
  groups: DebitGroup[];
  batchBooking: boolean;
}

function schemeId(id: string): string {
  return `<Id><PrvtId><Othr><Id>${esc(id)}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>`;
}

function amendmentXml(a: DebitAmendment): string {
  const parts = ['<AmdmntInd>true</AmdmntInd><AmdmntInfDtls>'];
  if (a.originalReference) parts.push(`<OrgnlMndtId>${esc(a.originalReference)}</OrgnlMndtId>`);
  if (a.originalCreditorId) parts.push(`<OrgnlCdtrSchmeId>${schemeId(a.originalCreditorId)}</OrgnlCdtrSchmeId>`);
  if (a.originalAccount === 'SMNDA') parts.push('<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>');
  else if (a.originalAccount) parts.push(`<OrgnlDbtrAcct>${account(a.originalAccount)}</OrgnlDbtrAcct>`);
  parts.push('</AmdmntInfDtls>');
  return parts.join('');
}

export function sumCents(debits: { amountCents: number }[]): number {
  let s = 0;
  for (const d of debits) s += d.amountCents;
  return s;
}

export function writePain008(m: DebitMessage): string {
  const ns = `urn:iso:std:iso:20022:tech:xsd:pain.008.001.${m.version}`;
  const bicTag = m.version === '02' ? 'BIC' : 'BICFI';
  const all = m.groups.flatMap((g) => g.debits);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<Document xmlns="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<CstmrDrctDbtInitn>\n`,
    `<GrpHdr><MsgId>${esc(m.msgId)}</MsgId><CreDtTm>${m.createdAt}</CreDtTm><NbOfTxs>${all.length}</NbOfTxs><CtrlSum>${amount(sumCents(all))}</CtrlSum>`,
    `<InitgPty><Nm>${esc(m.creditor.name)}</Nm></InitgPty></GrpHdr>\n`,
  ];
  const creditorId = schemeId(m.creditor.creditorId);
  for (const g of m.groups) {
    out.push(
      `<PmtInf><PmtInfId>${esc(g.pmtInfId)}</PmtInfId><PmtMtd>DD</PmtMtd><BtchBookg>${m.batchBooking}</BtchBookg>`,
      `<NbOfTxs>${g.debits.length}</NbOfTxs><CtrlSum>${amount(sumCents(g.debits))}</CtrlSum>`,
      `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>${g.sequenceType}</SeqTp></PmtTpInf>`,
      `<ReqdColltnDt>${g.date}</ReqdColltnDt><Cdtr><Nm>${esc(m.creditor.name)}</Nm></Cdtr><CdtrAcct>${account(m.creditor.iban)}</CdtrAcct>`,
      `<CdtrAgt>${agent(m.creditor.bic, bicTag)}</CdtrAgt><ChrgBr>SLEV</ChrgBr><CdtrSchmeId>${creditorId}</CdtrSchmeId>\n`,
    );
    for (const d of g.debits) {
      out.push(
        `<DrctDbtTxInf><PmtId><EndToEndId>${esc(d.endToEndId)}</EndToEndId></PmtId><InstdAmt Ccy="EUR">${amount(d.amountCents)}</InstdAmt>`,
        `<DrctDbtTx><MndtRltdInf><MndtId>${esc(d.mandateReference)}</MndtId><DtOfSgntr>${d.signedOn}</DtOfSgntr>`,
        d.amendment ? amendmentXml(d.amendment) : '',
        `</MndtRltdInf></DrctDbtTx><DbtrAgt>${agent(d.debtor.bic, bicTag)}</DbtrAgt><Dbtr><Nm>${esc(d.debtor.name)}</Nm></Dbtr>`,
        `<DbtrAcct>${account(d.debtor.iban)}</DbtrAcct><RmtInf><Ustrd>${esc(d.remittance)}</Ustrd></RmtInf></DrctDbtTxInf>\n`,
      );
    }
    out.push('</PmtInf>\n');
  }
  out.push('</CstmrDrctDbtInitn>\n</Document>\n');
  return out.join('');
}
