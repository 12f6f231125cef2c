/**
 * Common Dutch roepnamen and the baptismal (doop)names they come from. Dutch registers hold
 * the official first name ("Johannes") while members sign up with the name they go by
 * ("Jan", "Hans"), so a plain string comparison calls them different people.
 * Each line is one family: the first word is the official form, the rest are roepnamen or
 * spelling variants in use. A name may sit in several families ("Bert" is Albert, Lambertus
 * and Gijsbertus); two names match when they share a family.
 */
const FAMILIES = `
johannes jan hans johan joop jo hannes jannes jantje jean john
jacobus jaap koos co sjaak jacob kobus cobus jakob jaco
cornelis kees cor cees niels cornelius
petrus piet peter pieter pier pietje
paulus paul pauw
elisabeth bep betty els elise lies liesbeth lisa ellie elly bets betsie liza elisabet lisette beppie
wilhelmus wim willem pim wil willy wiel
hendrikus hendrik henk hein rik henny henri harry hennie
gerardus gerard gerrit gert geert ger gerhard
adrianus adriaan arie ad janus adri aad
antonius anton toon ton teun antoon tonny toine tony
theodorus theo dorus door
franciscus frans frank cis sjef
josephus jos joop sjef jozef joep joseph
martinus martin tinus maarten
nicolaas klaas niek nico claas nicolas niels
arnoldus arnold arno noud nol
bernardus ben bernard benny bennie bernd
leonardus leo leon leendert leen nard
albertus albert bert appie ab
lambertus bert lambert bertus
gijsbertus gijs gijsbert bert
everhardus evert eef
ludovicus louis lodewijk lou
aloysius louis wies
christianus christiaan chris stijn christian
carolus karel carel charles
theodericus dirk dick dik diederik
marinus rinus marien
abraham bram abe
isaak isaac sjaak
reinier rein
matthijs thijs matthias tijs
bartholomeus bart
laurentius laurens lars lau
augustinus guus gust
gustaaf guus
constantijn stijn
johanna jo hanna joke jannie hanneke janneke jopie hannie jans
jacoba coby co coba jacqueline bep jacomijn
cornelia corrie cor nel nelly cora cootje corry
petronella nel nelleke pietje ella nelly petra nellie
wilhelmina wil willy mien mina mientje wilma helma miep
hendrika riek rika henny hennie rieky
maria marie mies mieke ria marja rie mia marietje miep
geertruida truus trudy truida geertje gertrude
catharina toos tiny ina rina katja trijntje karin kitty cato katrien trees
margaretha greet grietje margriet greta marga margot gretha grete
adriana ada adrie jaantje sjaan janny adrienne
theodora dora doortje thea
anna anneke annie anja an ans anke annet
aleida leida alie
hillegonda hilly gonnie
gerarda gerda gerrie ger
helena leen lenie heleen lena leni
josephina fien josje jos fientje
francisca cisca sjaan
antonia toos toni tonny teuntje
christina stien tineke tina chris christien
martina tineke tiny martine
alida alie lida
susanna suus sanne suze susan
`;

const families = new Map<string, number[]>();
FAMILIES.trim()
  .split('\n')
  .forEach((line, i) => {
    for (const name of line.trim().split(/\s+/)) {
      const list = families.get(name) ?? [];
      if (!list.includes(i)) list.push(i);
      families.set(name, list);
    }
  });

/** The families a normalised first name belongs to (empty when the table does not know it). */
export function roepnaamFamilies(nameKey: string): readonly number[] {
  return families.get(nameKey) ?? [];
}

/** True when two different normalised first names are the same person's names (Jan / Johannes). */
export function sameRoepnaamFamily(a: string, b: string): boolean {
  const fa = families.get(a);
  const fb = families.get(b);
  return !!fa && !!fb && fa.some((f) => fb.includes(f));
}

// The official form (first word of a family) is what a register's initials are taken from.
const officialInitial = FAMILIES.trim()
  .split('\n')
  .map((line) => line.trim().charAt(0));

/**
 * The initials a first name can stand behind: its own first letter and those of its family
 * (Kees is registered as Cornelis, so his initial is "C.").
 */
export function initialsFor(nameKey: string): Set<string> {
  const out = new Set([nameKey.charAt(0)]);
  for (const f of roepnaamFamilies(nameKey)) out.add(officialInitial[f] ?? '');
  return out;
}
