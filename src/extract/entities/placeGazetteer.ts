/**
 * A compact hand-written gazetteer of countries and regions with the other words that name them:
 * abbreviations, adjectives (demonyms) and plural nationality nouns. It maps a surface form to the
 * place's canonical name, so that "Russians", "Russian" and "Russia" are one PLACE entity.
 *
 * Each line: canonical name | other forms (comma-separated). Forms marked with a trailing "?" are
 * ambiguous (a country that is also a first name or a common word) and are only trusted when the
 * NER stage already tagged them as a location.
 */
const DATA = `
Afghanistan|Afghan,Afghans
Albania|Albanian,Albanians
Algeria|Algerian,Algerians
Argentina|Argentine,Argentinian,Argentinians,Argentines
Armenia|Armenian,Armenians
Australia|Australian,Australians
Austria|Austrian,Austrians
Azerbaijan|Azerbaijani,Azerbaijanis
Bangladesh|Bangladeshi,Bangladeshis
Belarus|Belarusian,Belarusians
Belgium|Belgian,Belgians
Bolivia|Bolivian,Bolivians
Bosnia|Bosnian,Bosnians
Brazil|Brazilian,Brazilians
Bulgaria|Bulgarian,Bulgarians
Burma|Burmese
Cambodia|Cambodian,Cambodians
Canada|Canadian,Canadians
Chile|Chilean,Chileans
China|Chinese,PRC
Colombia|Colombian,Colombians
Croatia|Croatian,Croatians,Croat,Croats
Cuba|Cuban,Cubans
Cyprus|Cypriot,Cypriots
Czech Republic|Czech,Czechs
Denmark|Danish,Danes
Egypt|Egyptian,Egyptians
England|English
Estonia|Estonian,Estonians
Ethiopia|Ethiopian,Ethiopians
Finland|Finnish,Finns
France|French
Georgia|Georgian?,Georgians?
Germany|German,Germans
Ghana|Ghanaian,Ghanaians
Greece|Greek,Greeks
Hungary|Hungarian,Hungarians
Iceland|Icelandic,Icelanders
India|Indian?,Indians?
Indonesia|Indonesian,Indonesians
Iran|Iranian,Iranians
Iraq|Iraqi,Iraqis
Ireland|Irish,Republic of Ireland
Israel|Israeli,Israelis
Italy|Italian,Italians
Japan|Japanese
Jordan?|Jordanian,Jordanians
Kazakhstan|Kazakh,Kazakhs
Kenya|Kenyan,Kenyans
Kuwait|Kuwaiti,Kuwaitis
Latvia|Latvian,Latvians
Lebanon|Lebanese
Libya|Libyan,Libyans
Lithuania|Lithuanian,Lithuanians
Malaysia|Malaysian,Malaysians
Mexico|Mexican,Mexicans
Moldova|Moldovan,Moldovans
Morocco|Moroccan,Moroccans
Netherlands|Dutch,Holland
New Zealand|New Zealander,New Zealanders
Nigeria|Nigerian,Nigerians
North Korea|North Korean,North Koreans
Northern Ireland|
Norway|Norwegian,Norwegians
Pakistan|Pakistani,Pakistanis
Palestine|Palestinian,Palestinians
Peru|Peruvian,Peruvians
Philippines|Filipino,Filipinos,Philippine
Poland|Polish,Poles
Portugal|Portuguese
Qatar|Qatari,Qataris
Romania|Romanian,Romanians
Russia|Russian,Russians,Russian Federation
Saudi Arabia|Saudi,Saudis
Scotland|Scottish,Scots
Serbia|Serbian,Serbians,Serb,Serbs
Singapore|Singaporean,Singaporeans
Slovakia|Slovak,Slovaks
Slovenia|Slovenian,Slovenians
South Africa|South African,South Africans
South Korea|South Korean,South Koreans
Spain|Spanish,Spaniards
Sri Lanka|Sri Lankan,Sri Lankans
Sudan|Sudanese
Sweden|Swedish,Swedes
Switzerland|Swiss
Syria|Syrian,Syrians
Taiwan|Taiwanese
Thailand|Thai,Thais
Tunisia|Tunisian,Tunisians
Turkey?|Turkish,Turks
Ukraine|Ukrainian,Ukrainians
United Arab Emirates|UAE,Emirati,Emiratis
United Kingdom|UK,U.K.,Britain,Great Britain,British,Britons
United States|US,U.S.,USA,U.S.A.,America,American,Americans,United States of America
Uzbekistan|Uzbek,Uzbeks
Venezuela|Venezuelan,Venezuelans
Vietnam|Vietnamese
Wales|Welsh
Yemen|Yemeni,Yemenis
Zimbabwe|Zimbabwean,Zimbabweans
Africa|African,Africans
Asia|Asian,Asians
Europe|European,Europeans
Latin America|Latin American,Latin Americans
Middle East|Middle Eastern
Scandinavia|Scandinavian,Scandinavians
Caribbean|
Balkans|Balkan
Gulf|
Crimea|Crimean
Kosovo|Kosovar,Kosovars
Chechnya|Chechen,Chechens
Tibet|Tibetan,Tibetans
Kashmir|Kashmiri,Kashmiris
`;

export interface PlaceForm {
  /** Canonical place name ("United States"). */
  place: string;
  /** Only trusted when NER already tagged the words as a location. */
  ambiguous: boolean;
  /** True for nationality words ("European", "Ukrainians"), false for names ("UK", "Britain"). */
  demonym: boolean;
}

/** Other names of a place (not nationality words), recognised by being acronyms or listed here. */
const ALTERNATIVE_NAMES = new Set(['Britain', 'Great Britain', 'Holland', 'America', 'Republic of Ireland', 'Russian Federation', 'United States of America']);

/** Surface form → place; exact case, since "US" and "us" must differ. */
const FORMS = new Map<string, PlaceForm>();

for (const line of DATA.split('\n')) {
  if (!line.trim()) continue;
  const [head = '', rest = ''] = line.split('|');
  const place = head.replace(/\?$/, '');
  FORMS.set(place, { place, ambiguous: head.endsWith('?'), demonym: false });
  for (const raw of rest.split(',')) {
    const form = raw.replace(/\?$/, '').trim();
    if (!form) continue;
    const demonym = !ALTERNATIVE_NAMES.has(form) && !/^[A-Z.]+$/.test(form);
    FORMS.set(form, { place, ambiguous: raw.endsWith('?'), demonym });
  }
}

/** First words of multi-word forms ("United", "South"), so scanners try longer spans only after them. */
const MULTI_WORD_STARTS = new Set<string>();
for (const form of FORMS.keys()) if (form.includes(' ')) MULTI_WORD_STARTS.add(form.slice(0, form.indexOf(' ')));

/** True if some multi-word gazetteer form starts with this word. */
export function startsMultiWordPlace(word: string): boolean {
  return MULTI_WORD_STARTS.has(word);
}

/** The place a surface form names ("Ukrainians" → Ukraine), or undefined. */
export function lookupPlace(form: string): PlaceForm | undefined {
  return FORMS.get(form);
}
