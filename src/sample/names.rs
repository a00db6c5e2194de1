//! Invented English place names and people's names for synthetic registers, never repeated
//! within one register.

use std::collections::HashSet;

use super::SampleRng;
use rand::Rng;

const PLACE_STARTS: &[&str] = &[
    "Ash", "Brack", "Kest", "Holl", "Marl", "Thrap", "Wend", "Osb", "Fern", "Gled", "Hart", "Lang",
    "Mel", "Nether", "Oak", "Pens", "Quen", "Rad", "Sher", "Stan", "Tad", "Ul", "Wark", "Whit",
    "Yar", "Bram", "Chel", "Dun", "Elm", "Fal", "Glen", "Hep", "Ivy", "Kir", "Lid", "Mor", "Nor",
    "Ply", "Rook", "Sal", "Thorn", "Wil", "Bex", "Cor", "Dray", "Hazel", "Lox", "Wold",
];

const PLACE_ENDS: &[&str] = &[
    "mere", "leigh", "bury", "combe", "ford", "ham", "ton", "wick", "field", "worth", "by", "stow",
    "well", "thorpe", "den", "hurst", "ley", "borough", "cott", "brook", "minster", "stead",
    "wood", "marsh", "haven", "bridge", "dale", "holme", "ing", "ridge",
];

const QUALIFIERS: &[&str] = &[
    "Great", "Little", "North", "South", "East", "West", "Upper", "Lower", "Long", "Kings",
    "Market", "Old",
];

const TAILS: &[&str] = &[
    "Heath",
    "Green",
    "Cross",
    "End",
    "Magna",
    "Parva",
    "Common",
    "St Mary",
    "St Peter",
    "on the Hill",
    "Fen",
    "Moor",
];

const COUNTY_ENDS: &[&str] = &["ford", "ton", "ham", "ley", "den", "le", "ing", "wick"];

const RIVER_ENDS: &[&str] = &["e", "le", "en", "er", "ey", "an"];

const DISTRICT_ENDS: &[&str] = &[
    "Vale", "Valley", "Heath", "Downs", "Forest", "Wolds", "Fields",
];

const FIRST_NAMES: &[&str] = &[
    "Aisha", "Alan", "Alice", "Amara", "Andrew", "Angela", "Anil", "Ben", "Beth", "Bilal", "Carol",
    "Chris", "Claire", "Colin", "Daniel", "Deborah", "Dev", "Diane", "Eleanor", "Emma", "Farah",
    "Fiona", "Gareth", "Gemma", "Grace", "Hamza", "Hannah", "Harry", "Helen", "Ian", "Imran",
    "Isla", "Jack", "James", "Jane", "Jasmine", "Joanne", "John", "Josh", "Julie", "Karen", "Kate",
    "Keith", "Kwame", "Laura", "Leah", "Liam", "Lucy", "Mark", "Martin", "Mary", "Megan",
    "Michael", "Mohammed", "Naomi", "Neil", "Nicola", "Oliver", "Paul", "Peter", "Priya", "Rachel",
    "Rajesh", "Rebecca", "Richard", "Rosa", "Ruth", "Sam", "Sarah", "Simon", "Sophie", "Stephen",
    "Susan", "Tariq", "Tom", "Tracey", "Trevor", "Victoria", "Wendy", "Yusuf", "Zoe", "Adrian",
    "Bridget", "Callum", "Dawn", "Eilidh", "Frank", "Gillian", "Hugh", "Ifeoma", "Jonathan",
    "Kirsty", "Lewis", "Maureen", "Niall", "Olu", "Pauline", "Rhys", "Shona", "Tanya",
];

const SURNAMES: &[&str] = &[
    "Adams",
    "Ahmed",
    "Ainsworth",
    "Allen",
    "Ashworth",
    "Bailey",
    "Baker",
    "Banks",
    "Barker",
    "Beck",
    "Bennett",
    "Bhatt",
    "Bird",
    "Booth",
    "Bright",
    "Brooks",
    "Burton",
    "Carr",
    "Castell",
    "Chapman",
    "Clarke",
    "Cole",
    "Cooper",
    "Cox",
    "Dale",
    "Dawes",
    "Dixon",
    "Dunmore",
    "Ellery",
    "Evans",
    "Farrant",
    "Fenwick",
    "Fisher",
    "Ford",
    "Foster",
    "Fox",
    "Gill",
    "Grant",
    "Gray",
    "Green",
    "Hall",
    "Hargreaves",
    "Harris",
    "Hart",
    "Holloway",
    "Hughes",
    "Hussain",
    "Iqbal",
    "Jackson",
    "James",
    "Kaur",
    "Kaye",
    "Khan",
    "King",
    "Lang",
    "Lawson",
    "Lowe",
    "Marlow",
    "Marsden",
    "Marsh",
    "Mason",
    "Mills",
    "Moss",
    "Nair",
    "Noble",
    "Okafor",
    "Okonjo",
    "Osei",
    "Palmer",
    "Parr",
    "Patel",
    "Pearce",
    "Price",
    "Pryce",
    "Redfern",
    "Reeve",
    "Reid",
    "Roberts",
    "Royce",
    "Shah",
    "Sharp",
    "Shaw",
    "Singh",
    "Stroud",
    "Tait",
    "Taylor",
    "Thornton",
    "Tully",
    "Turner",
    "Walsh",
    "Ward",
    "Webb",
    "Whitby",
    "Whitcombe",
    "Whitlock",
    "Wilson",
    "Wood",
    "Wright",
    "Young",
    "Adeyemi",
    "Begum",
    "Brennan",
    "Campbell",
    "Doyle",
    "Egan",
    "Fraser",
    "Hale",
    "Jones",
    "Kowalski",
    "Lloyd",
    "Morgan",
    "Nolan",
    "O'Brien",
    "Quinn",
    "Rahman",
    "Stewart",
    "Vaughan",
    "Yates",
];

/// Hands out names never handed out before (by this pool).
#[derive(Default)]
pub(super) struct NamePool {
    used: HashSet<String>,
}

fn pick<'a>(rng: &mut SampleRng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

impl NamePool {
    /// Marks a name as taken.
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_lowercase());
    }

    /// Whether a name is taken.
    pub fn taken(&self, name: &str) -> bool {
        self.used.contains(&name.to_lowercase())
    }

    /// The first name `make` comes up with that is not taken, trying at most 200 times (then
    /// the last attempt, taken or not). `make` gets the attempt number, so it can widen its
    /// choice as the easy names run out.
    pub fn unique(
        &mut self,
        rng: &mut SampleRng,
        mut make: impl FnMut(&mut SampleRng, u32) -> String,
    ) -> String {
        let mut name = String::new();
        for attempt in 0..200 {
            name = make(rng, attempt);
            if !self.taken(&name) {
                break;
            }
        }
        self.reserve(&name);
        name
    }

    /// A place name ("Kestford", then "Great Kestford", then "Kestford Heath" as names run out).
    pub fn place(&mut self, rng: &mut SampleRng) -> String {
        self.unique(rng, invent_place)
    }

    /// The stem of a county name ("Brackley", for "Brackleyshire").
    pub fn county_stem(&mut self, rng: &mut SampleRng) -> String {
        self.unique(rng, |rng, attempt| {
            let stem = format!("{}{}", pick(rng, PLACE_STARTS), pick(rng, COUNTY_ENDS));
            if attempt < 40 {
                stem
            } else {
                format!("{}{stem}", pick(rng, PLACE_STARTS))
            }
        })
    }

    /// A river's name ("Kesten").
    pub fn river(&mut self, rng: &mut SampleRng) -> String {
        self.unique(rng, |rng, attempt| {
            let river = format!("{}{}", pick(rng, PLACE_STARTS), pick(rng, RIVER_ENDS));
            if attempt < 40 {
                river
            } else {
                format!("{} {river}", pick(rng, QUALIFIERS))
            }
        })
    }

    /// A district named after its town ("Kestford Vale").
    pub fn district(&mut self, rng: &mut SampleRng, town: &str) -> String {
        self.unique(rng, |rng, attempt| {
            if attempt < 100 {
                format!("{town} {}", pick(rng, DISTRICT_ENDS))
            } else {
                format!(
                    "{} {town} {}",
                    pick(rng, QUALIFIERS),
                    pick(rng, DISTRICT_ENDS)
                )
            }
        })
    }

    /// A person's name, with "Cllr " in front for a councillor.
    pub fn person(&mut self, rng: &mut SampleRng, councillor: bool) -> String {
        let title = if councillor { "Cllr " } else { "" };
        self.unique(rng, |rng, attempt| {
            let first = pick(rng, FIRST_NAMES);
            let last = pick(rng, SURNAMES);
            if attempt < 30 {
                format!("{title}{first} {last}")
            } else {
                let initial = char::from(b'A' + rng.random_range(0..26u8));
                format!("{title}{first} {initial}. {last}")
            }
        })
    }
}

/// A place name, not checked against any pool: plainer names for early `attempt`s, longer ones
/// ("Great Kestford", "Upper Kestford Heath") later.
pub(super) fn invent_place(rng: &mut SampleRng, attempt: u32) -> String {
    let word = format!("{}{}", pick(rng, PLACE_STARTS), pick(rng, PLACE_ENDS));
    match attempt {
        0..20 => word,
        20..60 => format!("{} {word}", pick(rng, QUALIFIERS)),
        _ => format!("{} {word} {}", pick(rng, QUALIFIERS), pick(rng, TAILS)),
    }
}

/// A lower-case run of letters for web sites and e-mail ("kestfordvale").
pub(super) fn slug(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn names_do_not_repeat() {
        let mut rng = SampleRng::seed_from_u64(7);
        let mut pool = NamePool::default();
        let names: Vec<String> = (0..3000).map(|_| pool.place(&mut rng)).collect();
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        let people: HashSet<String> = (0..6000).map(|_| pool.person(&mut rng, false)).collect();
        assert_eq!(people.len(), 6000);
        assert_eq!(slug("Great Kestford Vale"), "greatkestfordvale");
    }
}
