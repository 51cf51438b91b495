"""Phrases that mean suicidal crisis or an acute overdose, as people write them.

Patterns match text after `normalize.fold` (lowercase ascii: ø→o, å→a, æ→ae,
"aa"→"a", "oe"→"o", words separated by single spaces), so write them in that
form: "dø" is "do", "døy" is "doy", "blå" is "bla", "pustar" stays "pustar".
A false alarm costs a user one unneeded list of emergency numbers; a miss can
cost a life, so these lean wide. Everyday hyperbole ("døde av latter",
"dette dreper meg") is deliberately absent.
"""

import re

# Frequent spellings, shared by the patterns below.
_NOT = r"(?:ikke|ikkje|ikk|ik|ike|itj|inte|ikje|kke|ikek|ikkee|ikkj)"
_I = r"(?:jeg|jei|eg|e|ae|jg|je|i)"
_SELF = r"(?:selv|sjol|sjolv|sjael|sel|self)"
_WANT = r"(?:vil|ville|vi|har lyst til a|har lyst a|lyst til a|onsker a|onske a|vil bare|vil berre|tenker pa a|tenkt pa a|planlegger a)"
_LIFE = r"(?:livet|live|liv)"

CRISIS_PATTERNS = [
    rf"\b(?:ta|tar|tok|tatt|taa|ta av)\s+(?:mitt\s+)?(?:eget\s+|eige\s+)?{_LIFE}\b(?:\s+(?:mitt|mit|av meg|av\s+\w+\s*{_SELF}))?",
    r"\btar livet av\b",
    r"\bta mitt (?:eget|eige) liv\b",
    r"\b(?:selv|sjol|sjolv|sel)\s?mord",
    r"\bselvmor\b|\bselmord|\bselvmor[dt]",
    r"\bsuicid",
    rf"\b{_NOT}\s+(?:lenger\s+|lengre\s+|meir\s+|mer\s+)?(?:lyst\s+(?:til\s+)?(?:a\s+)?|orke\s+a\s+|vil\s+)?(?:leve|leva|lev|lefe|lebe|lve)\b",
    rf"\b(?:orker|orkar|orke|klarer|klarar)\s+{_NOT}\s+(?:a\s+)?(?:leve|leva|livet|mer av livet|meir av livet)\b",
    rf"\b{_WANT}\s+(?:a\s+)?(?:do|doy|dod|daue|dau|doe)\b",
    rf"\b{_I}\s+(?:vil|ville)\s+(?:bare\s+|berre\s+)?(?:do|doy|daue|vaere dod|vere dod)\b",
    r"\b(?:vil|ville|skulle|onsker a|onske a|lyst til a|bedre om|betre om)\s+(?:jeg\s+|eg\s+|e\s+)?(?:bare\s+|berre\s+)?(?:vaere|vere|var|vore|va)\s+dod\b",
    rf"\b(?:onske|onsker|onskar|onskje)\s+{_I}\s+(?:var dod|va dod|ikke fantes|ikkje fanst|aldri var fodt|aldri var fodd|aldri hadde blitt fodt)\b",
    r"\bville (?:vaert|vore) dod\b|\bvaert dod\b",
    r"\b(?:betre|bedre)\s+(?:uten|utan|om|hvis|viss|dersom)\s+(?:meg|mae|mg|eg|jeg|e)\b",
    r"\b(?:alle|dei|de|familien|ingen)\b.{0,30}\b(?:bedre|betre)\s+(?:uten|utan)\s+(?:meg|mae|mg)\b",
    r"\b(?:avslutte|avslutta|avslutter|ende|gjore slutt pa|gjere slutt pa|gjor slutt pa|gjore det slutt)\s+(?:med\s+)?(?:livet|alt|det hele|det heile|meg|mitt liv)\b",
    r"\b(?:kutte|kutter|kuttar|kutta|skjaere|skjaerer|skjerer|risse|risser|risper|skade|skader|skadar|skada)\s+(?:meg|mae|mg)\b",
    r"\b(?:selv|sjol|sjolv)\s?skad",
    r"\b(?:henge|hengje)\s+(?:meg|mae)\b",
    r"\bhoppe\s+(?:fra|fra en|fra ei|ned fra|ut fra|ut av|ut|foran|framfor|fremfor|av)\s+(?:brua|broa|brua|bro|bru|taket|vinduet|blokka|toget|tog|t banen|bilen|fjellet|stupet|balkongen|\w+)",
    r"\b(?:avskjedsbrev|farvelbrev|avskjedsbrevet|avskilsbrev|selvmordsbrev)\b",
    r"\b(?:skrevet|skrive|skriver|skrive)\s+(?:et\s+|eit\s+)?(?:brev|avskjed)\s+(?:til\s+)?.{0,30}(?:farvel|hadet|adjo)",
    r"\bsove\s+(?:for\s+)?(?:alltid|evig)\b|\baldri\s+(?:mer\s+|meir\s+)?(?:vakne|vakna|vaakne|vakner)\b",
    r"\bforsvinne\s+for\s+(?:godt|alltid)\b",
    rf"\b{_NOT}\s+(?:vaere|vere|vaera|vera)\s+(?:her|til)\s+(?:lenger|lengre|meir|mer)\b",
    r"\b(?:ingen|inga|ikke noen|ikkje noko)\s+(?:grunn|vits|mening|meining)\s+(?:a|med a|i a)\s+(?:leve|leva|fortsette|halde fram)\b",
    r"\bmeningslost a leve\b|\blivet (?:er )?(?:ikke|ikkje) verdt\b",
    r"\b(?:samlet|samla|samler|spart|sparer)\s+(?:pa\s+)?(?:piller|pillar|tabletter|tablettar|medisiner|medisinar)\b",
    r"\boverdose\s+(?:med vilje|for a do|for a doy|sa jeg dor|sa eg dor)\b",
    r"\b(?:grunn|vits|vitsen|mening|meining|meininga)\s+(?:til\s+|med\s+|i\s+)?(?:a\s+)?(?:leve|leva|fortsette|halde fram|leva vidare|leve videre)\b",
    r"\b(?:hva|ka|kva|ke)\s+(?:er|e)\s+vitsen\b",
    r"\bnar\s+(?:jeg|eg|ae|e)\s+(?:er|e)\s+borte\b|\b(?:vil|ville|bare|berre|om jeg var|om eg var|om ae va)\s+(?:bare\s+|berre\s+)?(?:bli|vaere|vere|va|var)\s+borte\b",
    r"\b(?:savne|sakna|savna|sakne)\s+(?:meg|mae)\b",
    r"\bbyrde for\b",
    rf"\b(?:vil|ville|onske|onsker|onskje|hape|haper|haaper)\b.{{0,25}}\b{_NOT}\s+(?:vakne|vaknet|vakna|vaknar|vakner)\b",
    rf"\b(?:jeg|eg|ae)\s+{_NOT}\s+(?:vakner|vaknar)\s+(?:igjen|att|i morgen)\b",
    r"\b(?:vil|haper|hape|onsker|onske)\b.{0,30}\bslutte[r]?\s+a\s+puste\b",
    r"\b(?:samlet|samla|samler|spart opp|sparer opp|spart pa|samlet opp|samla opp|samlet pa)\s+(?:pa\s+)?(?:\w+\s+)?(?:piller|pillene|pillar|pillane|tabletter|tablettene|benzo|medisiner|medisinene|sovepiller)\b",
    r"\b(?:tenker|tenkjer|tenkt|tenke|lyst|vurderer|skal)\s+(?:pa\s+)?(?:a\s+)?hoppe\b",
    r"\bkjopt (?:et\s+|eit\s+)?tau\b",
    r"\b(?:skadet|skada|skadd|rispet|risset|kuttet|kutta|skar|skjar)\s+(?:meg|mae)\b",
    r"\b(?:brenner|brenn|brent)\s+(?:meg|mae)\s+(?:med|pa)\b",
    r"\b(?:vil|ville)\s+(?:jeg|eg|e|ae|je)\s+(?:bare\s+|berre\s+)?(?:do|doy|daue)\b",
    r"\b(?:a|aa|og)\s+(?:do|doy)\b(?!\s+(?:av latter|av kjedsomhet))",
    r"\bingen (?:annen )?(?:vei ut|utvei)\b",
    r"\balt\s+(?:skal\s+)?ta\s+slutt\b",
    r"\b(?:finne pa|gjore noe dumt|gjor noe dumt|gjere noko dumt)\b.{0,25}\b(?:meg selv|meg sjol|meg sjolv)\b",
    rf"\b{_NOT}\s+(?:vil\s+|til\s+a\s+)?(?:vaere|vere|va)\s+her\s+(?:i morgen|lenger|lengre|meir|mer)\b",
    r"\bdet siste (?:jeg|eg) skriver\b|\bsagt farvel til\b|\bfor (?:jeg|eg|ae) gjor det\b|\bgitt bort (?:tingene|alt)\b",
    r"\bhater livet\b|\bgi opp livet\b|\blever eller dor\b|\bbedre for alle\b|\bbetre for alle\b",
    r"\b(?:drepe|drep|drepa|drept)\s+(?:meg|mae)\s+(?:selv|sjol|sjolv)\b|\bunalive\b",
    r"\b(?:ferdig|done|lei|drit lei|dritlei)\s+(?:med|av)\s+livet\b|\bende (?:det|livet)\b",
    rf"\b{_NOT}\s+(?:a\s+)?(?:finnes|finnast|eksistere|eksistera)\b",
    r"\bkjore\s+(?:bilen\s+)?(?:av veien|rett i|i en fjellvegg|inn i en|utfor)\b",
    r"\bga ut i (?:sjoen|havet|vannet|elva)\b",
    r"\bburde (?:do|doy)\b|\bbort for godt\b|\bpillene ligger klare\b|\bha det overstatt\b|\bog blir borte\b",
    r"\b(?:ingenting|ingen|ikke noe|ikkje noko)\s+(?:igjen\s+)?a leve for\b",
    r"\b(?:klart seg|klare seg|hatt det)\s+(?:fint\s+|bedre\s+|betre\s+|godt\s+)?(?:uten|utan)\s+(?:meg|mae)\b",
    r"\b(?:vil|onsker|onske)\b.{0,20}\balt\s+skal\s+ta\s+slutt\b",
    r"\b(?:skrevet|skrive|skrivi|lagt igjen|lagt att)\s+(?:et\s+|eit\s+)?brev til (?:alle|barna|familien|mamma|mora|kona|mannen|foreldrene|foreldra)\b",
    # "det er best for familien om jeg ikke er her", "lettere for alle hvis jeg ikke fantes"
    rf"\b(?:best|bedre|betre|lettere|lettare|enklere|enklare)\b.{{0,30}}\b(?:om|hvis|viss|dersom)\s+{_I}\s+{_NOT}\s+(?:(?:er|e|var|va)\s+(?:her|til)|fantes|fanst|finnes|fanns)\b",
    r"\bbestemt (?:meg|mae)\b(?!\s+for\s+a\s+(?:slutte|kutte|begynne|soke|sake|fa|be|ta|prove|ringe|snakke|legge|ga til|trappe))",
    r"\b(?:har|hev)\s+(?:en|ein|ei)\s+plan\b(?!\s+for\s+a\s+(?:slutte|kutte|trappe|bli|fa))|\btenkt ut hvordan\b",
    r"\b(?:i kveld|i natt|i dag|i morgen)\s+(?:er|blir)\s+(?:den\s+)?siste\b|\bblir (?:den|det) siste\b",
    r"\blei av a (?:leve|leva)\b(?!\s+(?:med|sann|slik|pa den))|\bslutte a eksistere\b|\bvil ut av livet\b",
    r"\b(?:ser|sjaa|ser ikke|ser itj|ser ikkje)\s+(?:noen\s+|ingen\s+|nokon\s+|inga\s+)?vits\b(?!\s+(?:i a|med a)\s+(?:slutte|kutte|prove|ga))",
    rf"\b(?:orker|orkar|orke)\s+{_NOT}\b.{{0,20}}\blivet\b",
    r"\bforsvinn\w*\s+for\s+(?:godt|alltid)\b|\bom\s+(?:jeg|eg|ae|e)\s+(?:var|va|ble|vart)\s+borte\b",
    r"\b(?:vil|skal|kommer til a|tenker pa a|lyst til a)\s+(?:a\s+)?(?:drepe|drep|draepe|drepa)\s+(?:meg|mae)\b",
    r"\b(?:grunn|vits|vitsen|mening|meining|poenget)\b.{0,25}\b(?:a|a halde fram a)\s+(?:leve|leva)\b",
    r"\bbrevet ligger\b|\bordnet med alt\b|\bkanten av (?:taket|brua|broa|stupet)\b|\bstar pa (?:brua|broa|taket|kanten)\b",
    r"\b(?:kill|killing)\s+my\s?self\b|\bwant(?:\s+to|na)\s+die\b|\bkms\b|\bend (?:it all|my life)\b",
    # Where and with what, now: on a bridge or a roof, a gun in the hand.
    r"\b(?:sitter|sit|star|stend|staar)\s+(?:pa|ved|ytterst pa)\s+(?:brua|broa|brukanten|taket|kanten|stupet|perrongen|skinnene|togskinnene)\b",
    r"\b(?:pistolen|pistol|geevaret|gevaeret|gevaer|vapenet|vapnet|hagla)\b.{0,30}\b(?:i handa|i handen|mot hodet|mot hovudet|ladd|ladet)\b",
]

OVERDOSE_PATTERNS = [
    r"\b(?<!av )(?<!av en )(?:overdose|overdos\b|over dose)",
    rf"\b(?:puster|pustar|puste|pusta|pust|pusten)\s+(?:nesten\s+)?{_NOT}\b",
    r"\b(?:puster|pustar|puste)\s+(?:rart|unormalt|tungt og rart|sa rart|veldig sakte|sakte|snorkende|uregelmessig)\b",
    rf"\b{_NOT}\s+(?:puster|pustar|pust)\b",
    r"\bsnorker rart\b|\bsnorkar rart\b|\bsnorkelyder\b|\bgurglelyd",
    r"\b(?:bevisstlos|bevistlos|bevisslos|bevisstlaus|medvitslaus|medvitslos|ubevisst|besvimt|besvima|svimt av|svima av|daua|dauet)\b",
    rf"\b(?:vakner|vaknar|vekke|vekkje|vekker|vakne|vake)\s+(?:hen|han|ho|henne|honom|ham|hun|kompisen|vennen|venninna|kjaeresten|mora|faren|broren|sosteren)?\s*{_NOT}\b",
    r"\b(?:far|faar)\s+(?:ikke|ikkje|ik)\s+(?:kontakt|liv)\b",
    r"\b(?:datt|falt|fall|detta)\s+ut\b.{0,40}\b(?:ghb|g\b|ecstasy|piller|pillar)|\b(?:ghb|g)\b.{0,40}\b(?:datt|detta)\s+ut\b",
    r"\b(?:bla|blaa|blalig)\s+(?:i\s+)?(?:leppene|lepper|leppane|lepp|munnen|ansiktet|fjeset|trynet)\b|\b(?:leppene|leppane|lepper)\s+(?:er\s+|blir\s+|vart\s+|ble\s+)?(?:bla|blalige|blaa)\b",
    r"\b(?:er|ble|blir|vart|blitt)\s+(?:helt\s+)?(?:bla|blaa|gra)\s*(?:i fjeset|i ansiktet)?$",
    r"\b(?:kramper|krampar|krampe|krampeanfall|rykninger|rykker i hele kroppen)\b",
    r"\b(?:tatt|tok|fatt|fekk|fikk|teke|tek|svelget|svelgde|svelga|kasta i seg|hivd i seg)\s+(?:alt\s+)?(?:for|altfor|alt for)\s+(?:mye|mykje|mykkje|mokje|mange|masse|mkje|mye av)\b",
    r"\b(?:svelget|svelgde|svelga|spist|spiste|et|aat)\s+(?:en\s+|ei\s+|et\s+|mange\s+|masse\s+|flere\s+|fleire\s+|en haug\s+|ei heil\s+)?(?:piller|pillar|tabletter|tablettar|medisiner|medisin|paracet|pillene|tablettene|brett)",
    r"\b(?:tok|tatt|tek|svelget|svelgde|svelga|kastet i meg)\s+(?:alle|hele|heile|ei heil|et helt|eit heilt|mange|masse|en haug med)\s+(?:pillene|piller|pillar|pillane|tablettene|tabletter|tablettane|brettet|brett|glasset|boksen|eska|medisinene|medisinane|sovepillene)",
    r"\b(?:tok|tatt|svelget|svelgde|svelga)\s+(?:over\s+)?\d+\s+(?:piller|pillar|tabletter|tablettar|paracet|ibux|sobril|vival|stesolid|rivotril|oxy|oxycontin|tramadol|mg|g|gram)\b",
    r"\b(?:alkoholforgiftning|forgiftning|forgifta|forgiftet|forgifting|forgifta)\b",
    r"\b(?:kaster|kastar|spyr)\s+opp\b.{0,40}\b(?:bevisst|vakner|vaknar|svarer|svarar|reagerer|ligger)\b",
    r"\b(?:reagerer|reagerar|svarer|svarar)\s+(?:ikke|ikkje|ik|itj)\s+(?:pa noe|pa noko|nar|lenger|lengre|i det hele)",
    r"\b(?:smerter|vondt|smerte)\s+i\s+brystet\b.{0,60}\b(?:kokain|kola|speed|amfetamin|sno|c)\b|\b(?:kokain|kola|speed|amfetamin)\b.{0,60}\b(?:smerter|vondt|smerte)\s+i\s+brystet",
    rf"\b(?:han|hun|ho|hen|kompisen|kameraten|vennen|venninna|venninnen|kjaeresten|broren|sosteren|mora|moren|faren|pappa|mamma)\s+(?:\w+\s+)?(?:svarer|svarar|svare|reagerer|reagerar)\s+{_NOT}\b",
    rf"\b(?:svarer|svarar|reagerer|reagerar)\s+(?:han\s+|hun\s+|ho\s+|hen\s+)?{_NOT}\s+(?:nar|lenger)\b|\buten a svare\b|\b(?:svarer|svarar)\s+(?:han|hun|ho|hen)\s+{_NOT}\b",
    rf"\b(?:han|hun|ho|hen|kompisen|kameraten|vennen|venninna|kjaeresten|broren|sosteren)\b.{{0,30}}\bvil\s+{_NOT}\s+(?:vakne|vakna)\b",
    rf"\b(?:kan|klarer|klarar|far|faar)\s+(?:vi\s+|jeg\s+|eg\s+)?{_NOT}\s+(?:vekke|vekkje|vekket|vekt|vekka)\b",
    rf"\b(?:klarer|klarar)\s+{_NOT}\s+(?:a\s+)?(?:sta|bevege meg|bevege seg)\b|\btrottere og trottere\b|\bfaller (?:han|hun|ho|hen) sammen\b",
    r"\b(?:ligger|ligg)\s+(?:han|hun|ho|hen)\s+(?:pa gulvet|og gurgler|helt stille)\b",
    rf"\b(?:far|faar)\s+{_NOT}\s+(?:vekket|vekt|vekka|vekke|liv i)\b|\b(?:far|faar)\s+{_NOT}\s+(?:ham|han|henne|ho|hen)\s+opp\b|\b{_NOT}\s+far\s+(?:ham|han|henne|ho|hen)\s+opp\b",
    r"\b(?:er|e|ble|vart)\s+(?:helt|heilt)\s+borte\b(?!\s+(?:om|i|pa)\b)|\b(?:helt|heilt)\s+slapp\b",
    r"\bbrystsmert|\b(?:klemmer|smerter|vondt|press|trykk)\s+i\s+brystet\b",
    r"\b(?:ungen|barnet|babyen|\w*aringen|sonnen|datteren|lillebroren|lillesosteren)\b.{0,40}\b(?:spist|drukket|svelget|svelga|fatt i seg|fekk i seg|fikk i seg)\b",
    r"\bfant\b.{0,40}\b(?:pa gulvet|pa badet|bevisstlos|med en sproyte|med sproyte)\b|\b(?:ligger|ligg)\s+(?:pa gulvet|i sin egen spy|helt stille|og gurgler)\b",
    rf"\b(?:puster|pustar|pustet|pusta|puste)\s+(?:han\s+|hun\s+|ho\s+|hen\s+)?(?:nesten\s+)?{_NOT}\b|\b(?:puster|pustar)\s+(?:han\s+|hun\s+|ho\s+|hen\s+)?(?:bare av og til|sa tungt|tungt)\b|\bpusten\b.{{0,20}}\b(?:sakte|rar|feil|stopper|stoppet|stoppa)\b",
    rf"\b(?:far|faar|klarer)\s+{_NOT}\s+(?:a\s+)?puste\b|\b{_NOT}\s+puste\b",
    r"\bskummer\b|\b(?:er|ble|vart|helt)\s+(?:helt\s+)?stiv\b|\bkramp\w*",
    r"\b(?:kollapset|kollapsa|falt om|datt om|faller sammen|falt sammen|segnet)\b|\b(?:svimer|svimte|svima|besvimer)\s+av\b",
    r"\b(?:gra|bla|blek)\s+(?:i ansiktet|i fjeset|rundt munnen|i fingrene|pa leppene)\b|\b(?:er|e|ble)\s+bla\b",
    r"\b(?:datt|detta|falt)\s+(?:helt\s+)?ut\b(?!\s+av)|\bnoe i (?:drinken|glasset)\b|\boynene ruller\b",
    r"\b(?:han|hun|ho|hen|kameraten min|kompisen min|vennen min)\s+dor\b",
    r"\b(?:hoy|kjempehoy)\s+puls\b|\bhjertet\b.{0,15}\bslar\s+(?:sa\s+|alt for\s+|altfor\s+)?fort\b|\bdobbel dose\b|\bsnorking\b|\boveropphet",
    r"\b(?:hjertet|hjarta|hjerte)\b.{0,15}\b(?:raser|hamrer|hamrar|dunker|banker|slar|slaar|hopper over|galopperer)\b",
    r"\b(?:tror|trur|redd)\s+(?:jeg|eg|ae|e)\s+(?:dor|doyr|skal do|kommer til a do)\b",
    r"\b(?:brennhet|glohet|glohete|kokvarm)\b|\bknappenal|\bser dobbelt\b|\bbesvimte\b",
    r"\b(?:puster|pustar)\b.{0,10}\b(?:rart|pauser|sakte|noen fa ganger|nokre fa gonger)\b",
    r"\b(?:helt|heilt|er|e)\s+(?:gra|grabla)\b|\bgrabla\b",
    rf"\b(?:ror|rorer)\s+(?:han\s+|hun\s+|ho\s+|hen\s+)?(?:seg\s+)?{_NOT}\b",
    rf"\b(?:far|faar)\s+{_NOT}\s+(?:nok\s+)?luft\b|\b(?:finner|kjenner)\s+{_NOT}\s+(?:puls|pulsen|pust|pusten)\b",
    rf"(?<!du )(?<!den )(?<!det )\b(?:svarer|svarar|svare)\s+{_NOT}\b(?!\s+pa\s+(?:sporsmalet|spursmalet|det|meldinger|meldingar|telefonen|tlf|sms))",
    r"\w*vondt\s+i\s+brystet\b",
    rf"\b(?:klarer|klarar|greier)\s+(?:{_I}\s+)?(?:nesten\s+)?{_NOT}\s+(?:a\s+)?(?:puste|halde meg vaken|holde meg vaken|holde oynene oppe|halde auga opne)\b",
    r"\b(?:ligger|ligg)\s+(?:helt\s+)?(?:livlos|slapp|urorleg|urorlig|stiv)\b|\blivlos\b",
    r"\b(?:slukt|slukte|sluka|svelget|svelgde|svelga|tok|tatt|teke|spist|spiste)\s+(?:i meg\s+)?(?:alt|alle|hele|heile|resten)\b.{0,30}\b(?:piller|pillene|pillar|pillane|tabletter|tablettene|sovepiller|sovepillene|medisiner|medisinene|medisinar|glasset|brettet|boksen|eska)\b",
    # "helt ute av det" alone can mean tired; after GHB, pills or alcohol it is a sign of poisoning.
    r"\b(?:helt|heilt|totalt|fullstendig)\s+ute\s+av\s+(?:det|seg)\b.{0,50}\b(?:ghb|g|piller|pillar|tabletter|sprit|alkohol|drikking|fyll|heroin|opioider|benzo|fentanyl)\b"
    r"|\b(?:ghb|(?:tok|tatt|fikk|fekk|teke)\s+g|piller|pillar|tabletter|heroin|benzo|fentanyl)\b.{0,50}\b(?:helt|heilt|totalt)\s+ute\s+av\s+(?:det|seg)\b",
]

# Saying one *will* take an overdose is a plan: the crisis answer fits, not first
# aid. One already taken on purpose ("har tatt en overdose med vilje") is an overdose.
OVERDOSE_AS_PLAN = re.compile(
    r"\b(?:tenker|tenkjer|vil|skal|planlegger|kommer til|har lyst til)\s+(?:pa\s+)?(?:a\s+)?(?:ta|teke)\s+(?:en\s+|ein\s+)?overdose"
)
CRISIS = [re.compile(p) for p in CRISIS_PATTERNS]
OVERDOSE = [re.compile(p) for p in OVERDOSE_PATTERNS]

# A clause that tells of the past, of someone else's history, or asks about
# the rules: a hit inside it is a mention, not danger now (safety_net.mention_only).
# Recent times ("for en time siden", "i går") are deliberately absent.
MENTION_PATTERNS = [
    r"\bfor\s+(?:\w+\s+){0,3}(?:dager|dagar|uker|uke|veker|veke|maneder|maned|manader|manad|ar)\s+siden\b",
    r"\bi fjor\b|\bi (?:sommer|vinter|var|host|haust)\b|\btidligere\b|\btidlegare\b|\bden gangen\b",
    r"\bda (?:jeg|eg|han|hun|ho) var\b|\bfor lenge siden\b|\bfor mange ar siden\b|\bflere ar\b|\bfleire ar\b",
    r"\b(?:har hatt|hadde|har vaert|var|vart)\s+(?:\w+\s+){0,2}(?:overdose|overdoser|innlagt|bevisstlos)\b",
    r"\b(?:havnet|hamna|endte|enda)\s+(?:opp\s+)?pa\s+(?:sykehus|sjukehus|legevakta?|akutten)\b|\b(?:ble|vart|var)\s+innlagt\b",
    r"\better\s+(?:\w+\s+){0,2}(?:overdose|overdosen|forsoket|selvmordsforsoket|sjolvmordsforsoket)\b",
    r"\boverlevde\b|\bdode av\b|\bdoydde av\b|\bmistet\s+\w+\s+i\s+(?:en\s+)?overdose\b|\b(?:tok|tatt) livet av seg\b",
    r"\b(?:selvmordsforsok|sjolvmordsforsok)\b|\bsom\s+\d{1,2}\s*aring\b",
    # Someone else threatening the writer ("mannen min sier han skal drepe meg", "… skade meg"):
    # violence at home, answered as such (with the safety line), not as a crisis.
    r"\b(?:han|hun|ho|hen|mannen|kona|faren|pappa|mamma|mora|broren|stefaren|stefar|kjaeresten|samboeren|eksen)\b"
    r"(?:\s+\w+){0,4}?\s+(?:skal|skulle|vil|ville|truer med a|truet med a|trua med a)\s+(?:ta livet av|drepe|drep|draepe|skade|skada|skadar)\s+(?:meg|oss|mamma|meg og)\b",
    r"\b(?:hvis|om|dersom|viss)\s+(?:jeg|eg|vi|me|man|du)\s+(?:ringer|ringe|ringjer|ringte)\s+113\b|\bhar (?:ikke|ikkje) skjedd\b",
    r"\b(?:hva|kva)\s+skjer\s+(?:hvis|om|dersom|viss|nar)\b|\bblir\s+(?:man|jeg|en|eg|ein|vi|han|hun|ho)\s+(?:anmeldt|straffet|straffa|meldt|tatt)\b",
    r"\b(?:hvis|om|dersom|viss)\s+(?:noen|man|en venn|nokon|ein venn)\s+(?:tar|far|har tatt|hadde tatt|faar)\b",
    r"\b(?:ringe|ringer|ringte|ring)\s+113\b.{0,50}\b(?:politi\w*|anmeldt|straff\w*|problemer|trobbel)\b",
    r"\b(?:politi\w*|anmeldt|straff\w*)\b.{0,50}\b(?:ringe|ringer|ringte)\s+113\b",
    # An overdose spoken of as a known, earlier event: "den (gamle) overdosen".
    r"\b(?:den|denne|forrige|gamle|tidligere|tidlegare)\s+(?:gamle\s+)?(?:overdosen|overdosene)\b",
    # The last time, or a hard time that has passed: "sist jeg hadde selvmordstanker",
    # "etter en tung periode med …"; "sist jeg sjekket" is deliberately absent.
    r"\bsist\s+(?:gang\s+)?(?:jeg|eg|han|hun|ho)\s+(?:hadde|var|tok|fikk|fekk)\b|\bforrige gang\b",
    r"\bhadde\s+(?:\w+\s+){0,2}(?:selvmordstank\w*|sjolvmordstank\w*|selvmordsplan\w*)",
    r"\better\s+(?:en|ei|ein)\s+(?:\w+\s+){0,2}(?:tid|periode|vinter|host|haust)\s+med\b",
    # Other people in general, heard of or read about ("folk som får kramper når de slutter").
    r"\b(?:har|hadde)\s+(?:hort|lest|sett)\s+(?:om|at)\b|\bfolk som\b",
    # What the records say ("står overdosen i journalen?") is a question about them.
    r"\bjournal\w*",
]
MENTION = re.compile("|".join(MENTION_PATTERNS))
# Where a clause turns to the present ("… og nå vil jeg dø"): split there.
PRESENT_TURN = re.compile(r"\b(?:men|og)?\s*\b(?:na|akkurat na|i dag|i kveld|i natt)\b")
