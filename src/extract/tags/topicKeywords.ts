/**
 * Keyword lists of the topics the engine tags articles with. A word counts for a topic when it
 * is listed, in lower case; a listed word ending in "*" is a stem ("elect*" counts "election",
 * "elected", "electoral"). General news vocabulary, not any article's or corpus's words.
 */
export const TOPIC_KEYWORDS: Readonly<Record<string, string>> = {
  Diplomacy: `diplomacy diplomat* negotiat* talks summit treaty treaties envoy* embassy embassies ambassador*
    bilateral sanctions ceasefire accord dialogue de-escalation`,
  Elections: `elect* vote* voter* voting ballot* poll* campaign* candidate* referendum constituency
    constituencies manifesto* turnout hustings`,
  Economy: `econom* inflation gdp growth recession interest unemployment jobless deficit* debt
    budget* spending tax taxes taxation fiscal monetary currency dollar euro sterling consumer*`,
  Business: `compan* firm firms profit* revenue* sales shares shareholder* takeover* merger* acquisition*
    investor* executive ceo retailer* bank banks banking earnings dividend*`,
  Markets: `stock* market markets index indices ftse dow nasdaq trading traders bond bonds yields`,
  Politics: `minister* government parliament* mp mps party parties opposition cabinet politic* labour tory tories
    conservative* commons lords legislation`,
  Security: `military troops army armed defence defense nato war weapon* missile* nuclear security
    invasion soldier* conflict`,
  Terrorism: `terror* bomb* bombing* extremis* militant* hostage* al-qaeda`,
  'Crime and justice': `police crime* criminal* court* judge* trial* prison* jail* convicted lawyer*
    prosecut* arrest* murder* fraud* justice`,
  Health: `health hospital* doctor* nurse* patient* nhs disease* virus* vaccin* medical medicine* cancer
    treatment* flu pandemic`,
  Education: `school* pupil* teacher* universit* student* education* tuition exam* graduate* college* curriculum`,
  Immigration: `immigra* migrant* asylum refugee* visa* deport*`,
  Technology: `technolog* internet online software computer* digital broadband mobile phone* web* gadget* apps
    device* chip* cyber* console* gamer* handset* laptop* download* podcast* blog* spam hacker* e-mail*
    email* processor*`,
  Environment: `environment* climate emission* carbon pollution renewable* warming flood* wildlife`,
  Energy: `energy oil gas electricity fuel* petrol pipeline* opec`,
  Transport: `transport rail* train* airline* airport* flight* motorway* car cars traffic bus buses`,
  Employment: `jobs workers worker* union* strike* wage* pension* employ* redundanc*`,
  Housing: `housing homes mortgage* property rent* landlord* tenant*`,
  Culture: `film* music* album* band* singer* actor* actress* festival* oscar* novel* theatre bafta* grammy*
    emmy* box-office sitcom* episode* concert* gig gigs rapper* comedian* musician* orchestra* opera* ballet*
    gallery* exhibition* artist*`,
  Sport: `football* match* cup league team* player* coach* tournament* championship* olympic* rugby cricket tennis
    goalkeeper* striker* midfielder* winger* squad* stadium* fixture* referee* semi-final* quarter-final*
    premiership athlet* golf* boxing medal* wimbledon sprint* batsm* bowler* wicket* innings`,
};
