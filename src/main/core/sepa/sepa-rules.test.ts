import { describe, expect, it } from 'vitest';
import { toEpcText, isEpcId } from './epc-charset';
import { addTarget2Days, isTarget2Day, nextTarget2Day } from './target2-calendar';
import { creditorIdCheckDigits, validateCreditorId } from '../../../shared/dutch/creditor-id';
import { writePain008, writePain008Bytes, type Debit, type DebitMessage } from './pain008-writer';

describe('EPC character set', () => {
  it.each([
    ['Zoë Ëlisabeth', 'Zoe Elisabeth'],
    ['Bakker & Zonen', 'Bakker + Zonen'],
    ['Jan ’t Hart', "Jan 't Hart"],
    ['Straße “Süd”', "Strasse 'Sud'"],
    ['Łukasz Øster_gaard #3', 'Lukasz Oster gaard 3'],
    ['  veel    spaties ', 'veel spaties'],
  ])('%s → %s', (input, out) => expect(toEpcText(input, 70)).toBe(out));

  it('cuts at the maximum without a trailing space', () => {
    const name = `${'a'.repeat(69)} bcd${'e'.repeat(20)}`;
    expect(name.length).toBe(93);
    expect(toEpcText(name, 70)).toBe('a'.repeat(69));
    expect(toEpcText('x'.repeat(90), 70)).toHaveLength(70);
  });

  it('accepts identifiers of the EPC set only', () => {
    expect(isEpcId('C2026-00001-R1')).toBe(true);
    expect(isEpcId('/abc')).toBe(false);
    expect(isEpcId('a//b')).toBe(false);
    expect(isEpcId('met spatie')).toBe(false);
    expect(isEpcId('x'.repeat(36))).toBe(false);
  });
});

describe('TARGET2 calendar', () => {
  it('closes on weekends, New Year, Good Friday, Easter Monday, 1 May and Christmas', () => {
    // Easter 2026 is 5 April; 2027 is 28 March.
    for (const d of ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26', '2027-03-26', '2027-03-29', '2026-11-22'])
      expect(isTarget2Day(d), d).toBe(false);
    // King's Day and Ascension are Dutch holidays but TARGET2 days.
    for (const d of ['2026-04-07', '2026-04-27', '2026-05-14', '2026-12-24']) expect(isTarget2Day(d), d).toBe(true);
  });

  it('counts lead time in business days', () => {
    expect(nextTarget2Day('2026-12-25')).toBe('2026-12-28');
    expect(addTarget2Days('2026-12-23', 2)).toBe('2026-12-28');
    expect(addTarget2Days('2026-11-22', 2)).toBe('2026-11-24');
  });
});

describe('Incassant-ID', () => {
  it('computes and checks the MOD 97-10 check digits over the national id', () => {
    expect(creditorIdCheckDigits('NL', '123456780000')).toBe('69');
    expect(validateCreditorId('NL69ZZZ123456780000')).toEqual({ ok: true, value: 'NL69ZZZ123456780000' });
    // The business code is not part of the check.
    expect(validateCreditorId('NL69ABC123456780000')).toEqual({ ok: true, value: 'NL69ABC123456780000' });
    expect(validateCreditorId('NL70ZZZ123456780000')).toMatchObject({ ok: false, code: 'CREDITOR_ID_INVALID_CHECKSUM' });
    expect(validateCreditorId('NL69ZZZ12345678')).toMatchObject({ ok: false, code: 'CREDITOR_ID_INVALID_FORMAT' });
    // A German creditor id (Bundesbank example).
    expect(validateCreditorId('DE98ZZZ09999999999')).toMatchObject({ ok: true });
  });
});

describe('pain.008 writer', () => {
  it('writes the same bytes straight into a buffer as the text encoded, also when the buffer has to grow', () => {
    const debit = (k: number, remittance: string): Debit => ({
      endToEndId: `2027-${k}`, amountCents: 2500 + k, mandateReference: `M${k}-1`, signedOn: '2024-03-01',
      amendment: k === 1 ? { originalReference: 'OUD-1', originalCreditorId: null, originalAccount: 'SMNDA' } : null,
      debtor: { name: `Lid ${k} & zonen <b>`, iban: 'NL91ABNA0417164300', bic: k === 2 ? 'ABNANL2A' : null }, remittance,
    });
    const message = (remittance: string): DebitMessage => ({
      version: '08', msgId: 'INC-20261122-01', createdAt: '2026-11-22T10:00:00', batchBooking: true,
      creditor: { name: 'Vereniging', iban: 'NL91ABNA0417164300', bic: null, creditorId: 'NL69ZZZ123456780000' },
      groups: [
        { pmtInfId: 'INC-20261122-01-1', date: '2026-12-01', sequenceType: 'FRST', debits: [debit(1, 'Factuur 1'), debit(2, 'Factuur 2')] },
        { pmtInfId: 'INC-20261122-01-2', date: '2027-01-15', sequenceType: 'RCUR', debits: [debit(3, remittance)] },
      ],
    });
    for (const remittance of ['Factuur 3', 'é'.repeat(20_000)]) {
      const m = message(remittance);
      expect(writePain008Bytes(m).equals(Buffer.from(writePain008(m), 'utf8'))).toBe(true);
    }
  });
});
