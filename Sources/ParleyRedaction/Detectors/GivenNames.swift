/// Common given names across the origins customers write in: English, Irish,
/// Scottish and Welsh; German, Dutch and Scandinavian; French, Spanish,
/// Portuguese and Italian; Polish, Czech and Russian; Greek and Turkish; Arabic
/// and Persian; South Asian; West, East and Southern African; Chinese, Japanese,
/// Korean and Vietnamese. Lowercase; matching folds ASCII case only, so an
/// accented letter must be written as customers type it (both `zoë` and `zoe`).
///
/// The list is evidence, not a gate: a name after a strong cue ("my name is")
/// needs no entry here. An entry lets weaker evidence count ("cheers, Anna",
/// "Anna Kowalski here", "Anna Kowalski" on its own).
enum GivenNames {
    /// Names that are not also ordinary English words.
    static let common: [String] = english + celtic + germanic + romance + slavic + greekTurkish + arabicPersian
        + southAsian + african + eastAsian

    /// Names that are also months, verbs, nouns or places ("Will", "May",
    /// "Grant", "Bill", "Victoria"). They count only next to a cue or a surname.
    static let ambiguous: [String] = [
        "will", "may", "june", "april", "august", "grant", "bill", "mark", "rose", "pat", "sue", "don", "art",
        "rob", "guy", "max", "frank", "dean", "lane", "chase", "hunter", "faith", "hope", "joy", "grace", "summer",
        "dawn", "eve", "ivy", "jade", "holly", "lily", "violet", "daisy", "ruby", "amber", "crystal", "penny",
        "sky", "river", "ray", "earl", "jack", "gene", "bob", "miles", "wade", "drew", "reed", "carol", "iris",
        "pearl", "victoria", "georgia", "virginia", "florence", "austin", "jordan", "sydney", "paris", "kent",
        "lincoln", "chelsea", "heather", "mason", "rich", "sunny", "angel", "page", "stone", "bay", "autumn",
        "sage", "robin", "ginger", "candy", "sandy", "misty", "patience", "charity", "honey", "an",
        "li", "ma", "kim", "lee", "sung", "young", "hung", "long", "bin", "hana", "said", "jan", "jun", "zara",
        "milan", "christian", "hazel", "kerry", "jasmine", "madison", "randy", "blessing", "precious", "nana",
        "yaw", "ping", "lan", "dung", "thu",
    ]

    /// Names whose first letter is not ASCII, matched exactly as written.
    static let nonASCIIInitial: [String] = [
        "Łukasz", "Łucja", "Émile", "Émilie", "Éric", "Élodie", "Étienne", "Élise", "Ömer", "Özge", "Özlem",
        "Ángel", "Álvaro", "Ágnes", "Íñigo", "Óscar", "Ólafur", "Örjan", "Šárka", "Žofie", "Ülkü",
    ]

    private static let english: [String] = [
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "andrew", "joshua", "kevin", "brian", "george", "edward",
        "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
        "steven", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "patrick",
        "dennis", "jerry", "tyler", "aaron", "henry", "adam", "douglas", "nathan", "peter", "zachary", "kyle",
        "noah", "ethan", "jeremy", "walter", "christian", "keith", "roger", "terry", "gerald", "carl", "harold",
        "dylan", "arthur", "lawrence", "jesse", "bryan", "billy", "bruce", "gabriel", "joe", "logan", "alan",
        "albert", "willie", "elijah", "wayne", "randy", "vincent", "liam", "oliver", "harry", "charlie", "oscar",
        "leo", "alfie", "freddie", "archie", "theo", "lucas", "neil", "graham", "simon", "stuart", "colin",
        "martin", "paul", "philip", "phil", "tony", "steve", "mike", "dave", "chris", "tom", "ben", "sam", "dan",
        "matt", "nick", "alex", "andy", "jim", "jimmy", "tim", "jamie", "jake", "luke", "josh", "ashley", "barry",
        "derek", "trevor", "nigel", "clive", "malcolm", "howard", "russell", "gordon", "kenneth", "raymond", "frederick",
        "harvey", "isaac", "joel", "marcus", "nathaniel", "sebastian", "toby", "zach", "mary", "patricia",
        "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy", "betty",
        "margaret", "sandra", "kimberly", "emily", "donna", "michelle", "amanda", "dorothy", "melissa", "deborah",
        "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna",
        "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel",
        "carolyn", "janet", "catherine", "maria", "diane", "ruth", "julie", "olivia", "joyce", "kelly", "lauren",
        "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha",
        "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice",
        "julia", "judy", "sophia", "denise", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa",
        "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "amelia", "isla", "ava", "mia",
        "ella", "sophie", "chloe", "chloé", "zoe", "zoë", "ellie", "lucy", "freya", "evie", "millie", "phoebe",
        "molly", "katie", "kate", "claire", "clare", "fiona", "gemma", "joanne", "louise", "nicola", "lesley",
        "lorraine", "tracey", "tracy", "wendy", "jane", "emily", "harriet", "imogen", "jasmine", "jenny", "jo",
        "kerry", "lydia", "natasha", "paula", "rosie", "sally", "valerie", "vanessa", "yvonne", "abby", "beth",
        "bethany", "caroline", "eleanor", "elaine", "gillian", "hazel", "irene", "jill", "maureen", "pauline",
        "sheila", "stella", "susie", "tina",
    ]

    private static let celtic: [String] = [
        "siobhan", "siobhán", "aoife", "niamh", "ciara", "saoirse", "orla", "roisin", "róisín", "sinead", "sinéad",
        "caoimhe", "eimear", "grainne", "gráinne", "aisling", "deirdre", "maeve", "bronwen", "cerys", "sian",
        "siân", "carys", "rhiannon", "eilidh", "morag", "mhairi", "catriona", "callum", "connor", "conor",
        "declan", "rory", "kieran", "aidan", "niall", "ciaran", "ciarán", "eoin", "cian", "oisin", "oisín",
        "seamus", "séamus", "padraig", "pádraig", "fergus", "hamish", "angus", "fraser", "alistair", "euan",
        "gareth", "rhys", "dafydd", "owen", "gethin", "ifan", "dewi", "iwan", "bryn", "emrys", "tadhg", "darragh",
    ]

    private static let germanic: [String] = [
        "hans", "klaus", "jürgen", "juergen", "stefan", "wolfgang", "andreas", "uwe", "dieter", "günter",
        "guenter", "horst", "helmut", "werner", "matthias", "tobias", "lukas", "jonas", "leon", "finn",
        "maximilian", "felix", "moritz", "niklas", "julian", "florian", "markus", "jan", "björn", "bjorn", "kai",
        "sven", "dirk", "jörg", "joerg", "ursula", "petra", "sabine", "monika", "gabriele", "claudia", "susanne",
        "birgit", "heike", "karin", "renate", "ingrid", "brigitte", "katrin", "lena", "lea", "anja", "nina",
        "lina", "frieda", "greta", "helga", "ilse", "gisela", "pieter", "johannes", "hendrik", "joost", "daan",
        "bram", "thijs", "ruben", "lars", "erik", "anders", "johan", "nils", "magnus", "henrik", "mikkel", "søren",
        "soren", "rasmus", "jens", "ole", "astrid", "sigrid", "freja", "maja", "elin", "linnea", "ebba", "sanne",
        "femke", "lotte", "anouk", "fleur", "eva", "annika", "ulrike", "jutta", "katja", "britta", "dagmar",
        "kerstin", "silke", "svenja", "anke", "bernd", "jochen", "rainer", "ralf", "volker", "torsten", "henning",
        "knut", "olaf", "gunnar", "torben", "kristian", "mads", "solveig", "liv", "ingeborg", "hanne", "mette",
    ]

    private static let romance: [String] = [
        "pierre", "jacques", "michel", "philippe", "alain", "nicolas", "françois", "francois", "christophe",
        "sébastien", "sebastien", "julien", "laurent", "olivier", "thierry", "antoine", "guillaume", "mathieu",
        "hugo", "louis", "théo", "jules", "raphaël", "raphael", "nathalie", "isabelle", "sylvie", "françoise",
        "francoise", "céline", "celine", "camille", "manon", "léa", "inès", "ines", "juliette", "amélie",
        "amelie", "aurélie", "aurelie", "elodie", "margaux", "mathilde", "clémence", "clemence", "benoît",
        "benoit", "jérôme", "jerome", "josé", "jose", "juan", "carlos", "luis", "javier", "miguel", "antonio",
        "manuel", "francisco", "pedro", "alejandro", "pablo", "diego", "sergio", "jorge", "alberto", "fernando",
        "raúl", "raul", "rafael", "andrés", "andres", "joão", "joao", "tiago", "rui", "paulo", "marco", "luca",
        "giuseppe", "giovanni", "francesco", "alessandro", "matteo", "lorenzo", "stefano", "roberto", "davide",
        "maría", "carmen", "ana", "lucía", "lucia", "marta", "elena", "isabel", "sofía", "sofia", "beatriz",
        "giulia", "chiara", "francesca", "alessia", "valentina", "federica", "silvia", "elisa", "martina",
        "gonzalo", "ignacio", "enrique", "ricardo", "eduardo", "gustavo", "mateo", "santiago", "valeria",
        "ximena", "guadalupe", "rocío", "rocio", "pilar", "consuelo", "dolores", "mercedes", "gabriela",
        "mariana", "fernanda", "adriana", "daniela", "alessio", "simone", "giorgia", "paolo", "bruno", "leonardo",
    ]

    private static let slavic: [String] = [
        "piotr", "krzysztof", "tomasz", "paweł", "pawel", "michał", "michal", "marcin", "kamil", "jakub",
        "mateusz", "wojciech", "andrzej", "marek", "agnieszka", "katarzyna", "kateřina", "katerina", "małgorzata",
        "malgorzata", "magdalena", "joanna", "ewa", "zofia", "petr", "jiří", "jiri", "pavel", "tereza", "lucie",
        "jana", "ivan", "dmitri", "dmitry", "sergei", "sergey", "alexei", "alexey", "vladimir", "nikolai", "olga",
        "natalia", "tatiana", "svetlana", "irina", "anastasia", "ekaterina", "oksana", "yulia", "bogdan",
        "dariusz", "grzegorz", "janusz", "zbigniew", "aleksandra", "barbara", "dorota", "justyna", "karolina",
        "beata", "milan", "tomáš", "tomas", "ondřej", "ondrej", "lenka", "veronika", "dragan", "goran", "nikola",
        "milica", "ivana", "jelena", "andrei", "andrey", "mikhail", "yuri", "oleg", "boris", "ludmila", "galina",
    ]

    private static let greekTurkish: [String] = [
        "giorgos", "georgios", "yiannis", "ioannis", "dimitris", "nikos", "konstantinos", "kostas", "eleni",
        "despina", "vasiliki", "christos", "panagiotis", "mehmet", "mustafa", "ahmet", "hüseyin", "huseyin",
        "emre", "murat", "burak", "ayşe", "ayse", "fatma", "zeynep", "elif", "emine", "merve", "hakan", "serkan",
        "cem", "deniz", "ebru", "esra", "gül", "gul",
    ]

    private static let arabicPersian: [String] = [
        "mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "ahmed", "ahmad", "omar", "umar", "hassan",
        "hussein", "hussain", "ibrahim", "yusuf", "youssef", "khalid", "abdullah", "abdul", "karim", "tariq",
        "bilal", "hamza", "imran", "rashid", "samir", "nabil", "faisal", "amir", "reza", "mehdi", "hossein",
        "fatima", "fatimah", "aisha", "ayesha", "khadija", "mariam", "maryam", "zainab", "layla", "leila",
        "laila", "noor", "nour", "amina", "aminah", "huda", "yasmin", "yasmine", "salma", "rania", "zahra",
        "farah", "nadia", "samira", "yousef", "walid", "adel", "jamal", "mahmoud", "mansour", "nasser", "osman",
        "rahim", "salim", "saleh", "tarek", "zaid", "ziad", "darius", "dariush", "shirin", "parisa", "soraya",
        "nasrin", "maha", "lina", "reem", "rana", "dalia", "heba", "ghada", "mona",
    ]

    private static let southAsian: [String] = [
        "priya", "raj", "rahul", "amit", "ankit", "arjun", "vikram", "sanjay", "sunil", "anil", "rajesh",
        "ramesh", "suresh", "mahesh", "ravi", "vijay", "ajay", "deepak", "manoj", "arun", "karan", "rohan",
        "nikhil", "aditya", "vivek", "harpreet", "gurpreet", "manpreet", "jaspreet", "sandeep", "pradeep",
        "anand", "krishna", "ganesh", "aarav", "ishaan", "neha", "pooja", "anjali", "sunita", "anita", "kavita",
        "deepa", "divya", "shreya", "nisha", "meera", "lakshmi", "sita", "geeta", "rekha", "asha", "ritu",
        "sneha", "swati", "shabnam", "nasreen", "tahmina", "farhana", "rubina", "sadia", "tanvir", "rafiq",
        "sanjeev", "rakesh", "naveen", "prakash", "sachin", "varun", "yash", "kiran", "shanti", "usha", "sushma",
        "preeti", "parminder", "baljit", "kuldeep", "harjit", "sunny", "ayaan", "zara", "rizwan", "asif",
        "shahid", "nadeem", "sajid", "waqar", "zubair", "aamir", "sana", "hina", "saima", "nazia",
    ]

    private static let african: [String] = [
        "olamide", "oluwaseun", "seun", "tunde", "babatunde", "adebayo", "ayodele", "folake", "funmilayo",
        "funmi", "yetunde", "bisi", "chidi", "chinedu", "emeka", "nnamdi", "obinna", "ikenna", "chioma", "ngozi",
        "adaeze", "amaka", "nkechi", "uche", "ifeoma", "chiamaka", "musa", "abubakar", "aminu", "hauwa", "kwame",
        "kofi", "kwaku", "yaw", "kojo", "akua", "abena", "efua", "adwoa", "esi", "kwabena", "wanjiru", "wanjiku",
        "kamau", "otieno", "achieng", "njeri", "thabo", "sipho", "themba", "lerato", "nomvula", "thandiwe",
        "zanele", "lindiwe", "tendai", "tatenda", "chipo", "abebe", "tesfaye", "almaz", "selam", "olumide",
        "oluwadamilare", "damilola", "temitope", "tope", "titilayo", "kehinde", "taiwo", "femi", "segun",
        "bukola", "blessing", "precious", "chukwuemeka", "adaora", "obiageli", "ama", "kwesi", "nana", "fiifi",
        "mandla", "bongani", "nandi", "zodwa", "aissatou", "fatou", "mamadou", "moussa", "ousmane", "awa",
    ]

    private static let eastAsian: [String] = [
        "wei", "ming", "jun", "hao", "lei", "jie", "yan", "xin", "ying", "hui", "fang", "jing", "mei", "xiaoming",
        "xiaoli", "yong", "qiang", "hong", "ping", "tao", "bo", "chen", "hiroshi", "takashi", "kenji", "yuki",
        "haruto", "sota", "ren", "daiki", "akira", "kenta", "satoshi", "yuto", "taro", "yumi", "yoko", "keiko",
        "naoko", "sakura", "aiko", "emi", "yui", "haruka", "kaori", "takeshi", "hiroki", "kazuki", "shota",
        "minjun", "min-jun", "seoyeon", "seo-yeon", "jiwoo", "ji-woo", "jihoon", "ji-hoon", "minseo", "min-seo",
        "hyun", "jin", "soo", "jiho", "seojun", "eunji", "yuna", "jisoo", "thanh", "minh", "linh", "anh", "huong",
        "trang", "tuan", "duc", "quang", "phuong", "thu", "hoa", "lan", "nam", "khanh", "dung", "hieu",
    ]
}
