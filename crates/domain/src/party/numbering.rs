//! How a conference's number is written: a Roman numeral and an ordinal in Russian or Kazakh,
//! as the party writes it («внеочередная L (50-я) конференция», «L (50-ші) кезектен тыс
//! конференциясы»; seed 000).

/// The largest number Roman numerals (without overlines) can write.
pub const MAX_ORDINAL: u32 = 3999;

/// `n` in Roman numerals (`50` → `L`, `44` → `XLIV`), or `None` outside 1..=3999.
///
/// Seed 000 writes Beineu's 44th conference as «ХХХХIV» (four tens, with Cyrillic Х); sailau
/// writes the standard subtractive form `XLIV` in Latin letters.
pub fn roman(n: u32) -> Option<String> {
    if n == 0 || n > MAX_ORDINAL {
        return None;
    }
    const PARTS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, letters) in PARTS {
        while rest >= value {
            out.push_str(letters);
            rest -= value;
        }
    }
    Some(out)
}

/// The Russian ordinal of a feminine noun (конференция) in digits: `50` → `50-я`.
pub fn ordinal_ru(n: u32) -> String {
    format!("{n}-я")
}

/// The Kazakh ordinal in digits: `50` → `50-ші`, `44` → `44-ші`, `42` → `42-ші`, `40` → `40-шы`.
///
/// The suffix follows the vowel harmony of the last number word spoken: back vowels (алты 6,
/// тоғыз 9, он 10, жиырма 20, отыз 30, қырық 40, алпыс 60, тоқсан 90, мың 1000) take `-шы`;
/// front vowels (бір, екі, үш, төрт, бес, жеті, сегіз, елу 50, жетпіс 70, сексен 80, жүз 100)
/// take `-ші`.
pub fn ordinal_kk(n: u32) -> String {
    format!("{n}-{}", kk_suffix(n))
}

fn kk_suffix(n: u32) -> &'static str {
    const BACK: &str = "шы";
    const FRONT: &str = "ші";
    if n == 0 {
        // нөл: front vowel
        return FRONT;
    }
    let units = n % 10;
    let tens = (n / 10) % 10;
    let hundreds = (n / 100) % 10;
    if units != 0 {
        return match units {
            6 | 9 => BACK,
            _ => FRONT,
        };
    }
    if tens != 0 {
        return match tens {
            5 | 7 | 8 => FRONT,
            _ => BACK,
        };
    }
    if hundreds != 0 {
        // жүз
        return FRONT;
    }
    // мың (thousands) and beyond
    BACK
}

/// The conference's number as shown: `L (50-я)` in Russian, `L (50-ші)` in Kazakh, `L (50th)`
/// in English (`lang` is `ru`, `kk` or `en`; anything else reads as Russian).
pub fn conference_number(n: u32, lang: &str) -> String {
    let roman = roman(n).unwrap_or_else(|| n.to_string());
    let ordinal = match lang {
        "kk" => ordinal_kk(n),
        "en" => ordinal_en(n),
        _ => ordinal_ru(n),
    };
    format!("{roman} ({ordinal})")
}

/// The English ordinal in digits: `1st`, `2nd`, `3rd`, `11th`, `44th`, `50th`.
pub fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_numbers() {
        assert_eq!(conference_number(50, "ru"), "L (50-я)");
        assert_eq!(conference_number(50, "kk"), "L (50-ші)");
        assert_eq!(conference_number(44, "ru"), "XLIV (44-я)");
        assert_eq!(conference_number(44, "kk"), "XLIV (44-ші)");
        assert_eq!(conference_number(42, "kk"), "XLII (42-ші)");
        assert_eq!(conference_number(44, "en"), "XLIV (44th)");
        assert_eq!(roman(3999).as_deref(), Some("MMMCMXCIX"));
        assert_eq!(roman(0), None);
        assert_eq!(roman(4000), None);
        assert_eq!(ordinal_kk(40), "40-шы");
        assert_eq!(ordinal_kk(6), "6-шы");
        assert_eq!(ordinal_kk(100), "100-ші");
        assert_eq!(ordinal_kk(1000), "1000-шы");
        assert_eq!(ordinal_en(11), "11th");
        assert_eq!(ordinal_en(21), "21st");
    }
}
