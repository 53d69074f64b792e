/**
 * Synthetic names for the demo: given names and surnames from many cultures, combined at random
 * (and sometimes across cultures, hyphenated or with two surnames, as families are). No list of
 * real people is used; any resemblance of a combination to a real person is chance.
 */
import type { Rng } from './prng';

export type Gender = 'f' | 'm';

interface Culture {
  key: string;
  /** How common in the synthetic school. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Household languages as BCP 47 tags, with weights; 'en' included. */
  languages: readonly (readonly [string, number])[];
}

const CULTURES: readonly Culture[] = [
  {
    key: 'us',
    weight: 30,
    female: [
      'Emma',
      'Olivia',
      'Harper',
      'Avery',
      'Madison',
      'Hazel',
      'Nora',
      'Brooklyn',
      'Quinn',
      'Riley',
      'Savannah',
      'Delaney',
      'Willa',
      'Josie',
      'Maeve',
      'Sadie',
    ],
    male: [
      'Liam',
      'Noah',
      'Ethan',
      'Mason',
      'Wyatt',
      'Caleb',
      'Hunter',
      'Owen',
      'Eli',
      'Rowan',
      'Beckett',
      'Grady',
      'Tucker',
      'Silas',
      'Declan',
      'Brody',
    ],
    surnames: [
      "O'Connor",
      'McAllister',
      'Whitaker',
      'Fitzgerald',
      'Harrington',
      'Caldwell',
      'Prescott',
      'Sullivan',
      'Brennan',
      'Lockhart',
      'Thornbury',
      'MacLeod',
      'Abernathy',
      'Hollis',
      'Kowalczyk',
      'Van Buskirk',
      'DeLuca',
    ],
    languages: [['en', 1]],
  },
  {
    key: 'african_american',
    weight: 12,
    female: ['Aaliyah', 'Imani', 'Nia', 'Zuri', 'Amara', 'Tiana', 'Ayanna', 'Kiara', 'Jada', 'Nyla', 'Destiny', 'Makayla'],
    male: ['Jaylen', 'Malik', 'DeShawn', 'Jamal', 'Kendrick', 'Darnell', 'Marcus', 'Terrence', 'Isaiah', 'Xavier', 'Dante', 'Tyrese'],
    surnames: [
      'Washington',
      'Banks',
      'Robinson',
      'Freeman',
      'Coleman',
      'Dorsey',
      'Whitfield',
      'Ellison',
      'Booker',
      'Merriweather',
      'Hollingsworth',
      'Battle',
    ],
    languages: [['en', 1]],
  },
  {
    key: 'hispanic',
    weight: 25,
    female: [
      'María',
      'Sofía',
      'Valentina',
      'Camila',
      'Ximena',
      'Lucía',
      'Guadalupe',
      'Renata',
      'Itzel',
      'Daniela',
      'Marisol',
      'Yaretzi',
      'Araceli',
      'Paloma',
    ],
    male: [
      'José',
      'Mateo',
      'Santiago',
      'Diego',
      'Joaquín',
      'Andrés',
      'Ángel',
      'Emiliano',
      'Julián',
      'Alejandro',
      'Iñaki',
      'Héctor',
      'Rubén',
      'Tomás',
    ],
    surnames: [
      'Núñez',
      'García',
      'Hernández',
      'Martínez',
      'López',
      'Rodríguez',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Gutiérrez',
      'Peña',
      'Ordóñez',
      'Muñoz',
      'Vázquez',
      'Ibáñez',
      'Castillo',
      'Jiménez',
      'Álvarez',
      'Quiñones',
      'De la Cruz',
    ],
    languages: [
      ['es', 62],
      ['en', 38],
    ],
  },
  {
    key: 'vietnamese',
    weight: 4,
    female: ['Mai', 'Linh', 'Thảo', 'Phương', 'Ngọc', 'Trang', 'Hạnh', 'Vy'],
    male: ['Minh', 'Khoa', 'Bảo', 'Quân', 'Huy', 'Tuấn', 'Đức', 'Long'],
    surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'],
    languages: [
      ['vi', 50],
      ['en', 50],
    ],
  },
  {
    key: 'chinese',
    weight: 4,
    female: ['Zihan', 'Xinyi', 'Ruoxi', 'Wenjing', 'Yutong', 'Meiling', 'Jiayi', 'Shuyi'],
    male: ['Yuxuan', 'Haoran', 'Mingyu', 'Jiahao', 'Yichen', 'Zhiwei', 'Junjie', 'Bowen'],
    surnames: ['Chen', 'Wang', 'Zhang', 'Liu', 'Huang', 'Zhou', 'Xu', 'Lin', 'Guo', 'Tang'],
    languages: [
      ['zh', 40],
      ['en', 60],
    ],
  },
  {
    key: 'korean',
    weight: 2,
    female: ['Seo-yeon', 'Ha-eun', 'Soo-ah', 'Ji-woo', 'Min-seo', 'Yoon-ah'],
    male: ['Min-jun', 'Ji-ho', 'Do-yun', 'Seung-woo', 'Hyun-woo', 'Jae-won'],
    surnames: ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Shin'],
    languages: [
      ['ko', 35],
      ['en', 65],
    ],
  },
  {
    key: 'south_asian',
    weight: 4,
    female: ['Priya', 'Ananya', 'Diya', 'Saanvi', 'Meera', 'Ishita', 'Kavya', 'Navpreet'],
    male: ['Aarav', 'Arjun', 'Ishaan', 'Rohan', 'Vihaan', 'Karthik', 'Harjot', 'Dev'],
    surnames: ['Patel', 'Sharma', 'Reddy', 'Iyer', 'Chowdhury', 'Krishnamurthy', 'Banerjee', 'Gill', 'Venkataraman', 'Desai'],
    languages: [
      ['en', 75],
      ['hi', 10],
      ['gu', 8],
      ['pa', 7],
    ],
  },
  {
    key: 'arabic',
    weight: 3,
    female: ['Layla', 'Noor', 'Amira', 'Huda', 'Rania', 'Yasmin', 'Salma', 'Mariam'],
    male: ['Omar', 'Yusuf', 'Karim', 'Zayd', 'Samir', 'Tariq', 'Khalil', 'Hamza'],
    surnames: ['Haddad', 'Al-Masri', 'Khalil', 'Nasser', 'El-Amin', 'Saleh', 'Abdelrahman', 'Farouk', 'Al-Sayed', 'Mansour'],
    languages: [
      ['ar', 45],
      ['en', 55],
    ],
  },
  {
    key: 'somali',
    weight: 2,
    female: ['Hodan', 'Ayaan', 'Hamdi', 'Sagal', 'Ifrah', 'Najma'],
    male: ['Abdi', 'Farah', 'Liban', 'Mahad', 'Guled', 'Bashir'],
    surnames: ['Warsame', 'Abdullahi', 'Osman', 'Mohamud', 'Jama', 'Egal'],
    languages: [
      ['so', 50],
      ['en', 50],
    ],
  },
  {
    key: 'west_african',
    weight: 2,
    female: ['Chiamaka', 'Adaeze', 'Ngozi', 'Abena', 'Folasade', 'Efua'],
    male: ['Oluwaseun', 'Kwame', 'Kofi', 'Emeka', 'Tobi', 'Chinedu'],
    surnames: ['Okafor', 'Adeyemi', 'Mensah', 'Nwosu', 'Boateng', 'Okonkwo', 'Asante', 'Oyelaran'],
    languages: [
      ['en', 85],
      ['yo', 8],
      ['ig', 7],
    ],
  },
  {
    key: 'european',
    weight: 3,
    female: ['Ingrid', 'Åsa', 'Freja', 'Linnéa', 'Zoë', 'Chloé', 'Anaïs', 'Zofia', 'Małgorzata', 'Eleni'],
    male: ['Søren', 'Bjørn', 'Mikael', 'Jörg', 'Mathéo', 'François', 'Łukasz', 'Dušan', 'Dimitris', 'Tomasz'],
    surnames: [
      'Ødegaard',
      'Lindqvist',
      'Åberg',
      'Müller',
      'Schröder',
      'Dubois',
      'Lefèvre',
      'Kowalski',
      'Wiśniewski',
      'Dvořák',
      'van der Berg',
      'Papadopoulos',
    ],
    languages: [
      ['en', 80],
      ['pl', 7],
      ['fr', 7],
      ['de', 6],
    ],
  },
  {
    key: 'ukrainian',
    weight: 2,
    female: ['Sofiia', 'Kateryna', 'Yulia', 'Oksana', 'Anastasiia', 'Daryna'],
    male: ['Oleksandr', 'Mykola', 'Artem', 'Dmytro', 'Bohdan', 'Taras'],
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Kravets'],
    languages: [
      ['uk', 40],
      ['ru', 15],
      ['en', 45],
    ],
  },
  {
    key: 'haitian',
    weight: 2,
    female: ['Widlene', 'Fabiola', 'Nadège', 'Stéphanie', 'Mirlande', 'Rose-Carmel'],
    male: ['Jean-Pierre', 'Ricardo', 'Wilner', 'Jean-Baptiste', 'Fritzner', 'Reginald'],
    surnames: ['Joseph', 'Pierre', 'Jean-Louis', 'Desrosiers', 'Charles', 'Baptiste', 'Étienne', 'Dorvil'],
    languages: [
      ['ht', 50],
      ['fr', 10],
      ['en', 40],
    ],
  },
  {
    key: 'filipino',
    weight: 2,
    female: ['Maricel', 'Kristine', 'Jasmine', 'Rhea', 'Angelica', 'Liza'],
    male: ['Angelo', 'Jericho', 'Paolo', 'Rommel', 'Carlo', 'Jomar'],
    surnames: ['Santos', 'Reyes', 'Dela Cruz', 'Bautista', 'Villanueva', 'Mendoza', 'Macaraeg', 'Dimaculangan'],
    languages: [
      ['en', 80],
      ['tl', 20],
    ],
  },
  {
    key: 'portuguese',
    weight: 2,
    female: ['Beatriz', 'Letícia', 'Inês', 'Luana', 'Graça', 'Thaís'],
    male: ['João', 'Thiago', 'Gonçalo', 'Caio', 'Otávio', 'Rafael'],
    surnames: ['Conceição', 'Gonçalves', 'Araújo', 'Magalhães', 'Simões', 'Brandão'],
    languages: [
      ['pt', 50],
      ['en', 50],
    ],
  },
  {
    key: 'japanese',
    weight: 1,
    female: ['Yui', 'Aoi', 'Hina', 'Sakura', 'Mio'],
    male: ['Haruto', 'Sōta', 'Ren', 'Kaito', 'Yūki'],
    surnames: ['Satō', 'Suzuki', 'Takahashi', 'Watanabe', 'Itō', 'Nakamura'],
    languages: [
      ['ja', 30],
      ['en', 70],
    ],
  },
  {
    key: 'pacific',
    weight: 1,
    female: ['Leilani', 'Mele', 'Losa', 'Kalena'],
    male: ['Kalani', 'Sione', 'Tevita', 'Makoa'],
    surnames: ['Fifita', 'Tupou', 'Kahananui', 'Taufa', 'Fonoti'],
    languages: [
      ['en', 80],
      ['to', 20],
    ],
  },
];

const CULTURE_WEIGHTS = CULTURES.map((culture) => [culture, culture.weight] as const);

const VIETNAMESE_MIDDLE: Record<Gender, readonly string[]> = { f: ['Thị', 'Ngọc', 'Thu'], m: ['Văn', 'Đức', 'Quang'] };
const HISPANIC_COMPOUND: Record<Gender, readonly string[]> = {
  f: ['María José', 'Ana Lucía', 'María Fernanda', 'Luz Elena'],
  m: ['Juan Pablo', 'José Luis', 'Luis Ángel', 'Juan Carlos'],
};

/** Short names students go by. */
const NICKNAMES: Readonly<Record<string, string>> = {
  Alejandro: 'Alex',
  Santiago: 'Santi',
  Guadalupe: 'Lupe',
  Oluwaseun: 'Seun',
  Kateryna: 'Katya',
  Mykola: 'Nick',
  Dmytro: 'Dima',
  Anastasiia: 'Nastia',
  Oleksandr: 'Sasha',
  'Juan Pablo': 'JP',
  'María José': 'Majo',
  Chiamaka: 'Chi',
  Jericho: 'Echo',
  Emiliano: 'Emi',
  Valentina: 'Vale',
  Ishaan: 'Ish',
  Madison: 'Maddie',
  Beckett: 'Beck',
  'Jean-Baptiste': 'JB',
};

/** East Asian families often use an English given name at school. */
const SCHOOL_NAMES: Record<Gender, readonly string[]> = {
  f: ['Grace', 'Emily', 'Vivian', 'Cindy', 'Amy', 'Jenny'],
  m: ['Kevin', 'Eric', 'Brian', 'Jason', 'Daniel', 'Andy'],
};

export interface SyntheticName {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  gender: Gender;
  culture: string;
}

export interface Household {
  culture: Culture;
  lastName: string;
}

export function pickCulture(rng: Rng): Culture {
  return rng.weighted(CULTURE_WEIGHTS);
}

function givenName(rng: Rng, culture: Culture, gender: Gender): string {
  const base = rng.pick(gender === 'f' ? culture.female : culture.male);
  if (culture.key === 'vietnamese' && rng.chance(0.35)) return `${rng.pick(VIETNAMESE_MIDDLE[gender])} ${base}`;
  if (culture.key === 'hispanic' && rng.chance(0.15)) return rng.pick(HISPANIC_COMPOUND[gender]);
  return base;
}

/** A family name: usually the culture's own, sometimes two surnames, hyphenated, or from another culture. */
export function familyName(rng: Rng, culture: Culture): string {
  const own = rng.pick(culture.surnames);
  if (culture.key === 'hispanic' && rng.chance(0.3)) return `${own} ${rng.pick(culture.surnames.filter((name) => name !== own))}`;
  const roll = rng.next();
  if (roll < 0.06) return `${own}-${rng.pick(pickCulture(rng).surnames.filter((name) => name !== own))}`;
  if (roll < 0.18) return rng.pick(pickCulture(rng).surnames);
  return own;
}

export function newHousehold(rng: Rng): Household {
  const culture = pickCulture(rng);
  return { culture, lastName: familyName(rng, culture) };
}

/** A person of `household` (a student and their family share it); a few carry the other parent's surname. */
export function personName(rng: Rng, household: Household, gender: Gender = rng.chance(0.5) ? 'f' : 'm'): SyntheticName {
  const { culture } = household;
  const firstName = givenName(rng, culture, gender);
  const lastName = rng.chance(0.9) ? household.lastName : familyName(rng, culture);
  let preferredName: string | null = null;
  const nickname = NICKNAMES[firstName];
  if (nickname && rng.chance(0.6)) preferredName = nickname;
  else if ((culture.key === 'chinese' || culture.key === 'korean') && rng.chance(0.3)) preferredName = rng.pick(SCHOOL_NAMES[gender]);
  return { firstName, lastName, preferredName, gender, culture: culture.key };
}

/** A grown-up's name (staff, guardians): first and last together. */
export function adultName(rng: Rng, household: Household, gender: Gender): string {
  return `${givenName(rng, household.culture, gender)} ${household.lastName}`;
}

/** The language a household prefers for letters home. */
export function householdLanguage(rng: Rng, household: Household): string {
  return rng.weighted(household.culture.languages);
}

const FOLDED: Readonly<Record<string, string>> = { ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE' };

/** "Núñez-Ødegaard" → "nunezodegaard", for synthetic e-mail addresses. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØłŁđĐßæÆ]/g, (char) => FOLDED[char] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
