import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUPE_WEIGHTS, type DedupeField } from '../../../shared/contract/dedupe';
import { parseVoorvoegsels } from '../../../shared/dutch/names';
import { editDistance, nameKey, nameLikeness, soundKey } from './name-keys';
import { sameRoepnaamFamily, initialsFor } from './roepnamen';
import { blockingKeys, organisationKey, prepare, scorePair, type DedupeRecord } from './scorer';

const infixes = parseVoorvoegsels(fs.readFileSync('resources/data/voorvoegsels-rvig-tabel36.csv', 'utf8'));
let n = 0;
function person(p: Partial<DedupeRecord>): DedupeRecord {
  n++;
  return { id: `p${n}`, number: n, kind: 'person', displayName: `p${n}`, emails: [], phones: [], addresses: [], ...p };
}
function org(p: Partial<DedupeRecord>): DedupeRecord {
  return person({ kind: 'organisation', ...p });
}
const score = (a: DedupeRecord, b: DedupeRecord) => scorePair(prepare(a, infixes), prepare(b, infixes), DEFAULT_DEDUPE_WEIGHTS);
const reason = (r: ReturnType<typeof score>, f: DedupeField) => {
  const s = r.fields.find((x) => x.field === f);
  return `${s?.outcome}:${s?.reason}`;
};

describe('name keys', () => {
  it('folds accents, case, ij/y and punctuation', () => {
    expect(nameKey('Müller')).toBe(nameKey('muller'));
    expect(nameKey('Dijkstra')).toBe(nameKey('Dykstra'));
    expect(nameKey("d'Ancona")).toBe('dancona');
  });
  it('sound keys join V/F and Z/S spellings but keep Schouten and Scholten apart', () => {
    expect(soundKey(nameKey('Vries'))).toBe(soundKey(nameKey('Fries')));
    expect(soundKey(nameKey('Jansen'))).toBe(soundKey(nameKey('Janssen')));
    expect(soundKey(nameKey('Schouten'))).not.toBe(soundKey(nameKey('Scholten')));
  });
  it('classifies a slip of the fingers apart from a different letter', () => {
    expect(editDistance('hendriks', 'hednriks')).toBe(1);
    expect(nameLikeness('hendriks', 'hednriks')).toBe('typo'); // swapped letters
    expect(nameLikeness('bakker', 'bakekr')).toBe('sounds-alike');
    expect(nameLikeness('visser', 'viser')).toBe('sounds-alike');
    expect(nameLikeness('smit', 'smid')).toBe('sounds-alike');
    expect(nameLikeness('hendriks', 'hendrils')).toBe('typo'); // k and l are neighbours
    expect(nameLikeness('schouten', 'scholten')).toBe('looks-alike');
    expect(nameLikeness('bakker', 'visser')).toBe('different');
  });
  it('knows common roepnamen and the initial of the official name', () => {
    for (const [a, b] of [['jan', 'johannes'], ['kees', 'cornelis'], ['piet', 'petrus'], ['bep', 'elisabeth'], ['wim', 'wilhelmus'], ['truus', 'geertruida'], ['bert', 'lambertus'], ['bert', 'albertus']]) {
      expect(sameRoepnaamFamily(a as string, b as string), `${a}/${b}`).toBe(true);
    }
    expect(sameRoepnaamFamily('jan', 'jacobus')).toBe(false);
    expect(sameRoepnaamFamily('albertus', 'lambertus')).toBe(false);
    expect(initialsFor('kees').has('c')).toBe(true);
    expect(initialsFor('jan').has('c')).toBe(false);
  });
  it('strips legal forms from organisation names', () => {
    expect(organisationKey('Stichting De Hoop')).toBe(organisationKey('De Hoop B.V.'));
    expect(organisationKey('Vereniging Oranje')).toBe(organisationKey('oranje'));
    expect(organisationKey('Bakkerij Brood BV')).not.toBe(organisationKey('Bakkerij Boter BV'));
  });
});

describe('real doubles are found, with their reasons', () => {
  it('an e-mail differing only in case', () => {
    const r = score(
      person({ firstName: 'Sanne', lastName: 'Bakker', emails: ['Sanne.Bakker@Gmail.com'] }),
      person({ firstName: 'Sanne', lastName: 'Bakker', emails: ['sanne.bakker@gmail.com'] }),
    );
    expect(r.suspect).toBe(true);
    expect(reason(r, 'email')).toBe('agree:EQUAL_IGNORING_CASE');
    expect(reason(r, 'lastName')).toBe('agree:EQUAL');
  });
  it('accents dropped by an old export', () => {
    const r = score(
      person({ firstName: 'Zoë', lastName: 'Müller', birthDate: '1990-04-02' }),
      person({ firstName: 'Zoe', lastName: 'Muller', birthDate: '1990-04-02' }),
    );
    expect(r.suspect).toBe(true);
    expect(reason(r, 'lastName')).toBe('agree:EQUAL_FOLDED');
    expect(reason(r, 'firstName')).toBe('agree:EQUAL_FOLDED');
    expect(reason(r, 'birthDate')).toBe('agree:EQUAL');
  });
  it('a typo in the last name with the same birth date', () => {
    const r = score(
      person({ firstName: 'Pieter', lastName: 'Hendriks', birthDate: '1971-09-30' }),
      person({ firstName: 'Pieter', lastName: 'Hednriks', birthDate: '1971-09-30' }),
    );
    expect(r.suspect).toBe(true);
    expect(reason(r, 'lastName')).toBe('similar:TYPO');
  });
  it('the tussenvoegsel in the last-name column', () => {
    for (const typed of ['de Vries', 'Vries, de', 'Vries de']) {
      const r = score(
        person({ firstName: 'Anna', infix: 'de', lastName: 'Vries', addresses: ['3511AB|12||'] }),
        person({ firstName: 'Anna', lastName: typed, addresses: ['3511AB|12||'] }),
      );
      expect(r.suspect, typed).toBe(true);
      expect(reason(r, 'lastName')).toBe('agree:INFIX_IN_LAST_NAME');
    }
  });
  it('a roepnaam against the official name, and initials against a first name', () => {
    const r = score(
      person({ firstName: 'Kees', lastName: 'Dijkstra', phones: ['06-12345678'] }),
      person({ firstName: 'Cornelis', lastName: 'Dykstra', phones: ['+31 6 1234 5678'] }),
    );
    expect(r.suspect).toBe(true);
    expect(reason(r, 'firstName')).toBe('agree:ROEPNAAM');
    expect(reason(r, 'lastName')).toBe('agree:EQUAL_FOLDED');
    expect(reason(r, 'phone')).toBe('agree:EQUAL');
    const i = score(
      person({ initials: 'C.J.', lastName: 'Dijkstra', birthDate: '1960-01-01' }),
      person({ firstName: 'Kees', lastName: 'Dijkstra', birthDate: '1960-01-01' }),
    );
    expect(reason(i, 'firstName')).toBe('similar:INITIALS_FIT');
    expect(i.suspect).toBe(true);
  });
  it('the same organisation with and without its legal form, by KvK number', () => {
    const r = score(org({ name: 'Stichting De Hoop', kvkNumber: '41234567' }), org({ name: 'De Hoop', kvkNumber: '41234567' }));
    expect(r.suspect).toBe(true);
    expect(reason(r, 'orgName')).toBe('agree:LEGAL_FORM_IGNORED');
    expect(reason(r, 'kvk')).toBe('agree:EQUAL');
  });
});

describe('look-alikes are not suspected', () => {
  it('Schouten and Scholten: a high string similarity alone never decides', () => {
    const r = score(person({ firstName: 'Jan', lastName: 'Schouten' }), person({ firstName: 'Jan', lastName: 'Scholten' }));
    expect(r.suspect).toBe(false);
    expect(reason(r, 'lastName')).toBe('similar:LOOKS_ALIKE');
    // The same name alone (no shared identifier) is no double either, whatever the weights.
    const same = score(person({ firstName: 'Jan', lastName: 'Bakker' }), person({ firstName: 'Jan', lastName: 'Bakker' }));
    expect(same.suspect).toBe(false);
    const loud = scorePair(prepare(person({ firstName: 'Jan', lastName: 'Bakker' }), infixes), prepare(person({ firstName: 'Jan', lastName: 'Bakker' }), infixes), {
      ...DEFAULT_DEDUPE_WEIGHTS,
      threshold: 1,
    });
    expect(loud.suspect).toBe(false);
  });
  it('Schouten and Scholten born the same day stay below the threshold', () => {
    const r = score(
      person({ firstName: 'Jan', lastName: 'Schouten', birthDate: '1980-02-03' }),
      person({ firstName: 'Jan', lastName: 'Scholten', birthDate: '1980-02-03' }),
    );
    expect(r.suspect).toBe(false);
  });
  it('a family at one address sharing an e-mail', () => {
    const r = score(
      person({ firstName: 'Henk', lastName: 'Jansen', birthDate: '1962-05-01', emails: ['fam.jansen@ziggo.nl'], addresses: ['1234AB|5||'] }),
      person({ firstName: 'Marieke', lastName: 'Jansen', birthDate: '1995-08-11', emails: ['fam.jansen@ziggo.nl'], addresses: ['1234AB|5||'] }),
    );
    expect(r.suspect).toBe(false);
    expect(reason(r, 'firstName')).toBe('differ:DIFFERENT');
    expect(reason(r, 'birthDate')).toBe('differ:DIFFERENT');
    expect(reason(r, 'email')).toBe('agree:EQUAL');
  });
  it('partners sharing an e-mail, without birth dates', () => {
    const r = score(
      person({ firstName: 'Ria', lastName: 'Smit', emails: ['smit@home.nl'] }),
      person({ firstName: 'Gerrit', lastName: 'Smit', emails: ['smit@home.nl'] }),
    );
    expect(r.suspect).toBe(false);
  });
  it('namesakes of different ages (father and son at one address)', () => {
    const r = score(
      person({ firstName: 'Jan', infix: 'de', lastName: 'Vries', gender: 'm', birthDate: '1950-03-01', addresses: ['9711AA|1||'] }),
      person({ firstName: 'Jan', infix: 'de', lastName: 'Vries', gender: 'm', birthDate: '1980-03-01', addresses: ['9711AA|1||'] }),
    );
    expect(r.suspect).toBe(false);
    expect(reason(r, 'birthDate')).toBe('differ:DIFFERENT');
  });
  it('two organisations with different KvK numbers in one building', () => {
    const r = score(org({ name: 'Bakkerij Brood BV', kvkNumber: '11111111', addresses: ['1000AA|1||'] }), org({ name: 'Bakkerij Brood', kvkNumber: '22222222', addresses: ['1000AA|1||'] }));
    expect(r.suspect).toBe(false);
    expect(reason(r, 'kvk')).toBe('differ:DIFFERENT');
  });
});

describe('blocking keys', () => {
  it('are exactly the identifying values, per kind', () => {
    const keys = blockingKeys(prepare(person({ emails: ['A@x.nl'], birthDate: '2000-01-01', phones: ['0612345678'], addresses: ['1234AB|1||'], iban: 'NL91 ABNA 0417 1643 00' }), infixes));
    expect(keys.sort()).toEqual(['pa:1234AB|1||', 'pb:2000-01-01', 'pe:a@x.nl', 'pi:NL91ABNA0417164300', 'pt:0612345678']);
    expect(blockingKeys(prepare(org({ kvkNumber: '41234567', emailDomain: 'gmail.com' }), infixes))).toEqual(['ok:41234567']);
  });
});
