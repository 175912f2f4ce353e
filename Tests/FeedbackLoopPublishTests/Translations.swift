import FeedbackLoop
import FeedbackLoopPublish

/// Welsh and Urdu for the sample's texts and the phrases its update and letter use: fixtures for the
/// golden files, written for these tests (a team's own translators write the real ones).
enum Translations {
    static let welsh = LanguageVersion(
        catalogue: MessageCatalogue(language: try! LanguageTag(parsing: "cy"), phrases: welshPhrases),
        translations: texts(welshTexts), bilingual: true)

    static let urdu = LanguageVersion(
        catalogue: MessageCatalogue(language: try! LanguageTag(parsing: "ur"), phrases: urduPhrases),
        translations: texts(urduTexts))

    /// Each text of the sample with its translation, against the sample's current source.
    static func texts(_ translated: [String: String]) -> [StoredTranslation] {
        UpdateContent(Sample.snapshot()).translatableTexts.compactMap { text in
            translated[text.key].map { StoredTranslation(key: text.key, source: text.source, text: $0) }
        }
    }

    static let welshTexts = [
        "organisation": "Partneriaeth Iechyd Coventry",
        "title": "Cael apwyntiad gyda meddyg teulu",
        "service": "Gofal sylfaenol",
        "purpose":
            "Gofynnon ni beth sy'n gwneud trefnu apwyntiad gyda meddyg teulu yn anodd, er mwyn i ni allu trwsio'r rhannau rydyn ni'n eu rheoli",
        "can-influence": "Sut mae'r llinell ffôn archebu a'r archebu ar-lein yn gweithio",
        "could-not-change": "Mae oriau agor meddygfeydd yn cael eu pennu'n genedlaethol, felly ni allen ni eu newid",
        "theme:online-booking:you-said": "Anaml y mae archebu ar-lein yn gweithio",
        "decision:online-slots:text": "Rydyn ni'n rhyddhau chwarter yr apwyntiadau ar-lein bob bore",
        "decision:online-slots:impact": "Dyblodd yr archebion ar-lein",
        "theme:online-booking:because": "Ni allwn newid Ap cenedlaethol y GIG",
        "theme:online-booking:because-easy-read":
            "Mae Ap y GIG yn cael ei redeg gan y GIG yn Lloegr. Ni allwn ei newid.",
        "theme:parking:you-said": "Mae'n anodd dod o hyd i le parcio",
        "theme:parking:because": "Y cyngor sy'n berchen ar y meysydd parcio, nid y meddygfeydd",
        "theme:phone-queue:you-said": "Mae'n anodd iawn cael drwodd ar y ffôn am 8am",
        "theme:phone-queue:easy-read": "Mae'n anodd cael drwodd ar y ffôn.",
        "decision:callback:text": "Byddwn yn ychwanegu dewis galw'n ôl at y llinell archebu",
        "decision:callback:easy-read": "Byddwn yn eich ffonio'n ôl. Ni fydd rhaid i chi aros ar y ffôn.",
        "theme:waiting-room:you-said": "Mae'r ystafell aros yn rhy oer",
        "questions": "engagement@example.nhs.uk neu 024 7622 0381",
        "quote:3": "Rwy'n gofalu am fy mam ac ni allaf ffonio am 8am",
    ]

    static let urduTexts = [
        "organisation": "کوونٹری ہیلتھ پارٹنرشپ",
        "title": "جی پی سے ملاقات کا وقت لینا",
        "service": "بنیادی نگہداشت",
        "purpose": "ہم نے پوچھا کہ جی پی سے ملاقات کا وقت لینا کیوں مشکل ہے، تاکہ ہم اپنے اختیار والے حصے ٹھیک کر سکیں",
        "can-influence": "بکنگ فون لائن اور آن لائن بکنگ کیسے کام کرتی ہیں",
        "could-not-change": "جی پی کے کھلنے کے اوقات قومی سطح پر طے ہوتے ہیں، اس لیے ہم انہیں نہیں بدل سکے",
        "theme:online-booking:you-said": "آن لائن بکنگ شاذ و نادر ہی کام کرتی ہے",
        "decision:online-slots:text": "ہم ہر صبح ایک چوتھائی ملاقاتیں آن لائن جاری کرتے ہیں",
        "decision:online-slots:impact": "آن لائن بکنگ دوگنی ہو گئی",
        "theme:online-booking:because": "ہم قومی این ایچ ایس ایپ کو نہیں بدل سکتے",
        "theme:online-booking:because-easy-read":
            "این ایچ ایس ایپ انگلینڈ میں این ایچ ایس چلاتی ہے۔ ہم اسے نہیں بدل سکتے۔",
        "theme:parking:you-said": "پارکنگ کی جگہ ملنا مشکل ہے",
        "theme:parking:because": "کار پارک کونسل کے ہیں، کلینکس کے نہیں",
        "theme:phone-queue:you-said": "صبح 8 بجے فون پر رابطہ کرنا بہت مشکل ہے",
        "theme:phone-queue:easy-read": "فون پر رابطہ کرنا مشکل ہے۔",
        "decision:callback:text": "ہم بکنگ لائن میں واپس کال کا آپشن شامل کریں گے",
        "decision:callback:easy-read": "ہم آپ کو واپس فون کریں گے۔ آپ کو فون پر انتظار نہیں کرنا پڑے گا۔",
        "theme:waiting-room:you-said": "انتظار گاہ بہت ٹھنڈی ہے",
        "questions": "engagement@example.nhs.uk یا 024 7622 0381",
        "quote:3": "میں اپنی ماں کی دیکھ بھال کرتا ہوں اور صبح 8 بجے فون نہیں کر سکتا",
    ]

    static let welshPhrases = [
        "Translation: “{{translation}}”": "Cyfieithiad: “{{translation}}”",
        "(by {{due}})": "(erbyn {{due}})", "1 person": "1 person", "{{count}} people": "{{count}} o bobl",
        "1 view": "1 farn", "{{count}} views": "{{count}} o farnau",
        "Ask us: {{questions}}": "Gofynnwch i ni: {{questions}}",
        "Dear {{name}},": "Annwyl {{name}},", "Dear participant,": "Annwyl gyfranogwr,",
        "If you have questions, contact {{questions}}.": "Os oes gennych gwestiynau, cysylltwch â {{questions}}.",
        "It took place on {{date}}.": "Cynhaliwyd ar {{date}}.",
        "Letter: what happened to your views on {{titleInSentence}}":
            "Llythyr: beth ddigwyddodd i'ch barn am {{titleInSentence}}",
        "Published {{published}}": "Cyhoeddwyd {{published}}", "Questions": "Cwestiynau",
        "Reason: {{reason}}": "Rheswm: {{reason}}", "Reference {{reference}}": "Cyfeirnod {{reference}}",
        "Reference {{ref}}": "Cyfeirnod {{ref}}", "Reference: {{reference}}": "Cyfeirnod: {{reference}}",
        "Status: {{status}}": "Statws: {{status}}", "Still to do:": "I'w wneud o hyd:",
        "The difference it made:": "Y gwahaniaeth a wnaeth:",
        "We have not decided what to do about this yet.": "Nid ydym wedi penderfynu beth i'w wneud am hyn eto.",
        "We have not yet answered:": "Nid ydym wedi ateb eto:",
        "We heard {{views}}, from at least {{people}}.": "Clywsom {{views}}, gan o leiaf {{people}}.",
        "We heard {{views}}.": "Clywsom {{views}}.",
        "We will tell you by {{date}}.": "Byddwn yn rhoi gwybod i chi erbyn {{date}}.",
        "We said we would tell you by {{date}}. We are late, and we will tell you as soon as we can.":
            "Dywedon ni y bydden ni'n rhoi gwybod i chi erbyn {{date}}. Rydyn ni'n hwyr, a byddwn yn rhoi gwybod i chi cyn gynted ag y gallwn.",
        "What could not change, and why": "Beth na allai newid, a pham",
        "What happened to your views on {{titleInSentence}}": "Beth ddigwyddodd i'ch barn am {{titleInSentence}}",
        "What happened to your views on {{title}}": "Beth ddigwyddodd i'ch barn am {{title}}",
        "What happens next": "Beth sy'n digwydd nesaf", "What we asked, and why": "Beth wnaethon ni ei ofyn, a pham",
        "What we did": "Beth wnaethon ni", "What we did not do, and why": "Beth na wnaethon ni, a pham",
        "What we will do": "Beth fyddwn ni'n ei wneud",
        "What you said, and what we did": "Beth ddywedoch chi, a beth wnaethon ni",
        "What your views could change:": "Beth allai eich barn ei newid:", "Who took part": "Pwy gymerodd ran",
        "Why we did not do this": "Pam na wnaethon ni hyn", "Why:": "Pam:",
        "You can ask for this letter in large print, in easy read or in another format.":
            "Gallwch ofyn am y llythyr hwn mewn print bras, mewn fersiwn hawdd ei ddeall neu mewn fformat arall.",
        "You said": "Dywedoch chi", "You said, we did": "Dywedoch chi, gwnaethon ni",
        "You said, we did: {{title}}": "Dywedoch chi, gwnaethon ni: {{title}}", "You told us": "Dywedoch wrthym",
        "You took part in this and asked to hear what happened to your views. This letter tells you.":
            "Fe wnaethoch gymryd rhan yn hyn a gofyn i glywed beth ddigwyddodd i'ch barn. Mae'r llythyr hwn yn dweud wrthych.",
        "Yours sincerely,": "Yn gywir,", "Yours faithfully,": "Yn gywir,", "drop-in sessions": "sesiynau galw heibio",
        "{{views}}, from at least {{people}}": "{{views}}, gan o leiaf {{people}}",
        "{{views}}, from {{people}}": "{{views}}, gan {{people}}", "in progress": "ar y gweill",
        "done": "wedi'i wneud", "planned": "wedi'i gynllunio", "outside our control": "y tu hwnt i'n rheolaeth",
        "January": "Ionawr", "February": "Chwefror", "March": "Mawrth", "April": "Ebrill", "May": "Mai",
        "June": "Mehefin", "July": "Gorffennaf", "August": "Awst", "September": "Medi", "October": "Hydref",
        "November": "Tachwedd", "December": "Rhagfyr", "The engagement team": "Y tîm ymgysylltu",
    ]

    static let urduPhrases = [
        "Translation: “{{translation}}”": "ترجمہ: “{{translation}}”",
        "(by {{due}})": "({{due}} تک)", "1 person": "1 شخص", "{{count}} people": "{{count}} افراد", "1 view": "1 رائے",
        "{{count}} views": "{{count}} آراء", "Ask us: {{questions}}": "ہم سے پوچھیں: {{questions}}",
        "Dear {{name}},": "محترم {{name}}،", "Dear participant,": "محترم شریک،",
        "If you have questions, contact {{questions}}.": "اگر آپ کے کوئی سوالات ہیں تو {{questions}} سے رابطہ کریں۔",
        "It took place on {{date}}.": "یہ {{date}} کو ہوا۔",
        "Letter: what happened to your views on {{titleInSentence}}":
            "خط: {{titleInSentence}} پر آپ کی رائے کا کیا ہوا",
        "Published {{published}}": "شائع شدہ {{published}}", "Questions": "سوالات",
        "Reason: {{reason}}": "وجہ: {{reason}}",
        "Reference {{reference}}": "حوالہ {{reference}}", "Reference {{ref}}": "حوالہ {{ref}}",
        "Reference: {{reference}}": "حوالہ: {{reference}}", "Status: {{status}}": "صورتحال: {{status}}",
        "Still to do:": "ابھی کرنا باقی ہے:", "The difference it made:": "اس سے کیا فرق پڑا:",
        "We have not decided what to do about this yet.": "ہم نے ابھی فیصلہ نہیں کیا کہ اس بارے میں کیا کرنا ہے۔",
        "We have not yet answered:": "ہم نے ابھی جواب نہیں دیا:",
        "We heard {{views}}, from at least {{people}}.": "ہم نے کم از کم {{people}} سے {{views}} سنیں۔",
        "We heard {{views}}.": "ہم نے {{views}} سنیں۔",
        "We will tell you by {{date}}.": "ہم آپ کو {{date}} تک بتائیں گے۔",
        "We said we would tell you by {{date}}. We are late, and we will tell you as soon as we can.":
            "ہم نے کہا تھا کہ ہم آپ کو {{date}} تک بتائیں گے۔ ہمیں دیر ہو گئی ہے، اور ہم جلد از جلد آپ کو بتائیں گے۔",
        "What could not change, and why": "کیا نہیں بدل سکا، اور کیوں",
        "What happened to your views on {{titleInSentence}}": "{{titleInSentence}} پر آپ کی رائے کا کیا ہوا",
        "What happened to your views on {{title}}": "{{title}} پر آپ کی رائے کا کیا ہوا",
        "What happens next": "آگے کیا ہوگا", "What we asked, and why": "ہم نے کیا پوچھا، اور کیوں",
        "What we did": "ہم نے کیا کیا",
        "What we did not do, and why": "ہم نے کیا نہیں کیا، اور کیوں", "What we will do": "ہم کیا کریں گے",
        "What you said, and what we did": "آپ نے کیا کہا، اور ہم نے کیا کیا",
        "What your views could change:": "آپ کی رائے کیا بدل سکتی تھی:", "Who took part": "کس نے حصہ لیا",
        "Why we did not do this": "ہم نے یہ کیوں نہیں کیا", "Why:": "کیوں:",
        "You can ask for this letter in large print, in easy read or in another format.":
            "آپ یہ خط بڑے حروف میں، آسان زبان میں یا کسی اور شکل میں مانگ سکتے ہیں۔",
        "You said": "آپ نے کہا", "You said, we did": "آپ نے کہا، ہم نے کیا",
        "You said, we did: {{title}}": "آپ نے کہا، ہم نے کیا: {{title}}",
        "You told us": "آپ نے ہمیں بتایا",
        "You took part in this and asked to hear what happened to your views. This letter tells you.":
            "آپ نے اس میں حصہ لیا اور یہ جاننا چاہا کہ آپ کی رائے کا کیا ہوا۔ یہ خط آپ کو بتاتا ہے۔",
        "Yours sincerely,": "مخلص،", "Yours faithfully,": "مخلص،", "drop-in sessions": "ڈراپ اِن سیشنز",
        "{{views}}, from at least {{people}}": "کم از کم {{people}} سے {{views}}",
        "{{views}}, from {{people}}": "{{people}} سے {{views}}",
        "in progress": "جاری ہے", "done": "مکمل", "planned": "منصوبہ بند",
        "outside our control": "ہمارے اختیار سے باہر",
        "January": "جنوری", "February": "فروری", "March": "مارچ", "April": "اپریل", "May": "مئی", "June": "جون",
        "July": "جولائی", "August": "اگست", "September": "ستمبر", "October": "اکتوبر", "November": "نومبر",
        "December": "دسمبر", "The engagement team": "ٹیم برائے شمولیت",
    ]
}
