import { Faker, base, nl } from '@faker-js/faker';

/**
 * Realistic Dutch test data: names, valid BSNs, addresses. The tests and the demo gemeente use
 * the same factories, so what the tests prove holds for the demo data too. Deterministic per seed.
 */
export class Factories {
  readonly faker: Faker;
  private readonly usedBsns = new Set<string>();

  constructor(seed = 42) {
    this.faker = new Faker({ locale: [nl, base] });
    this.faker.seed(seed);
  }

  /** BSNs already in use (an existing gemeente): the factory will not hand them out. */
  bezet(bsns: Iterable<string>): void {
    for (const b of bsns) this.usedBsns.add(b);
  }

  /** Forgets the BSNs handed out and taken (the generator, once every resident is drawn): uniqueness holds no longer after it. */
  vergeetBsns(): void {
    this.usedBsns.clear();
  }

  /** A BSN that passes the elfproef and is unique within this factory. */
  bsn(): string {
    for (;;) {
      const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? this.faker.number.int({ min: 1, max: 9 }) : this.faker.number.int({ min: 0, max: 9 })));
      const som = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
      const check = som % 11;
      if (check === 10) continue;
      const bsn = digits.join('') + String(check);
      if (this.usedBsns.has(bsn)) continue;
      this.usedBsns.add(bsn);
      return bsn;
    }
  }

  /** A date between `van` and `tot` ('YYYY-MM-DD'). */
  datum(van: string, tot: string): string {
    return this.faker.date.between({ from: `${van}T12:00:00Z`, to: `${tot}T12:00:00Z` }).toISOString().slice(0, 10);
  }

  persoon(opts: { achternaam?: string; tussenvoegsel?: string | null; geboortedatum?: string } = {}) {
    const tussenvoegsels = [null, null, null, null, 'de', 'van', 'van der', 'van den', 'ter'];
    const tussenvoegsel = opts.tussenvoegsel !== undefined ? opts.tussenvoegsel : this.faker.helpers.arrayElement(tussenvoegsels);
    const achternaamRuw = opts.achternaam ?? this.faker.person.lastName();
    // faker's Dutch last names may start with a prefix ("van Dijk"); keep it in tussenvoegsel.
    const m = /^((?:van der|van den|van de|van|de|den|ter|te)\s)(.+)$/i.exec(achternaamRuw);
    return {
      bsn: this.bsn(),
      voornaam: this.faker.person.firstName(),
      tussenvoegsel: m ? m[1]!.trim() : tussenvoegsel,
      achternaam: m ? m[2]! : achternaamRuw,
      geboortedatum: opts.geboortedatum ?? this.datum('1935-01-01', '2008-12-31'),
    };
  }

  adres(woonplaats: string) {
    const cijfers = this.faker.number.int({ min: 1000, max: 9999 });
    const letters = this.faker.helpers.arrayElement(['AB', 'BC', 'CD', 'EK', 'GH', 'JL', 'KM', 'LN', 'MP', 'PR', 'RT', 'TV', 'VX', 'XZ']);
    return {
      straat: this.faker.location.street(),
      huisnummer: String(this.faker.number.int({ min: 1, max: 180 })),
      postcode: `${cijfers} ${letters}`,
      woonplaats,
    };
  }

  omschrijving(): string {
    return this.faker.helpers.arrayElement([
      'Mevrouw kan sinds haar heupoperatie de trap niet meer op en vraagt om hulp in huis.',
      'Meneer heeft betalingsachterstanden bij de woningcorporatie en weet niet waar te beginnen.',
      'Ouders maken zich zorgen over hun zoon die niet meer naar school gaat.',
      'Mantelzorger is overbelast en zoekt respijtzorg voor haar moeder met dementie.',
      'Inwoner heeft zijn baan verloren en vraagt naar een uitkering en begeleiding naar werk.',
      'Gezin met een laag inkomen vraagt naar de regelingen voor kinderen (sport, school).',
      'Meneer woont alleen, vereenzaamt en heeft moeite met het huishouden.',
      'Jongere van 17 zoekt hulp bij zijn thuissituatie na de scheiding van zijn ouders.',
    ]);
  }
}
