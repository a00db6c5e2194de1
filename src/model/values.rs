//! Small value types with their own rules: money in pence, hours in tenths, trimmed names.
//!
//! Parsing here is what every table editor, import and the command line use, so a value is
//! checked the same way wherever it is typed.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::choice::OrgIdScheme;

/// Why a typed value was not accepted. The message is shown to the user as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub String);

fn invalid(message: impl Into<String>) -> InvalidValue {
    InvalidValue(message.into())
}

/// An amount of money in whole pence. Never a float.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money {
    /// Whole pence; negative for a refund or credit.
    pub pence: i64,
}

impl Money {
    /// Zero pounds.
    pub const ZERO: Self = Self { pence: 0 };

    /// Builds an amount from whole pounds.
    pub fn from_pounds(pounds: i64) -> Self {
        Self {
            pence: pounds.saturating_mul(100),
        }
    }

    /// Reads "£1,234.56", "1234.5", "£530,000" or "-£20". At most two decimal places.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(invalid("Enter an amount, for example £1,250.00"));
        }
        let (negative, rest) = match trimmed.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, trimmed),
        };
        let rest = rest.strip_prefix('£').unwrap_or(rest).trim();
        let (whole, fraction) = match rest.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (rest, ""),
        };
        let whole_digits: String = whole.chars().filter(|c| *c != ',').collect();
        let well_formed = !whole_digits.is_empty()
            && whole_digits.chars().all(|c| c.is_ascii_digit())
            && fraction.chars().all(|c| c.is_ascii_digit())
            && thousands_separators_ok(whole);
        if !well_formed {
            return Err(invalid(format!(
                "\"{trimmed}\" is not an amount of money: use digits, for example £1,250.00"
            )));
        }
        if fraction.len() > 2 {
            return Err(invalid(format!(
                "\"{trimmed}\" has more than two decimal places: money is recorded to the penny"
            )));
        }
        let pounds: i64 = whole_digits
            .parse()
            .map_err(|_| invalid(format!("\"{trimmed}\" is too large an amount")))?;
        let pence_part: i64 = match fraction.len() {
            0 => 0,
            1 => i64::from(fraction.as_bytes()[0] - b'0') * 10,
            _ => fraction
                .parse()
                .map_err(|_| invalid(format!("\"{trimmed}\" is not an amount of money")))?,
        };
        let pence = pounds
            .checked_mul(100)
            .and_then(|p| p.checked_add(pence_part))
            .ok_or_else(|| invalid(format!("\"{trimmed}\" is too large an amount")))?;
        Ok(Self {
            pence: if negative { -pence } else { pence },
        })
    }

    /// Always with pence: "£1,234.56", "£530,000.00" (as `Display`).
    pub fn format_with_pence(self) -> String {
        let (sign, pounds, pence) = self.parts();
        format!("{sign}£{pounds}.{pence:02}")
    }

    /// Whole pounds without their pence ("£530,000"), others with them ("£1,234.56"): for
    /// tables and reports, where most sums are whole.
    pub fn format_whole_pounds(self) -> String {
        match self.parts() {
            (sign, pounds, 0) => format!("{sign}£{pounds}"),
            _ => self.format_with_pence(),
        }
    }

    /// The sign ("-" or ""), the pounds with thousands grouped, and the pence.
    fn parts(self) -> (&'static str, String, u64) {
        let sign = if self.pence < 0 { "-" } else { "" };
        let abs = self.pence.unsigned_abs();
        (sign, group_thousands(abs / 100), abs % 100)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_with_pence())
    }
}

impl std::ops::Add for Money {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            pence: self.pence.saturating_add(other.pence),
        }
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, |a, b| a + b)
    }
}

fn thousands_separators_ok(whole: &str) -> bool {
    if !whole.contains(',') {
        return true;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    first_ok && groups[1..].iter().all(|group| group.len() == 3)
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A number of hours, to one decimal place, never negative.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Hours {
    /// Tenths of an hour.
    pub tenths: u32,
}

impl Hours {
    /// No hours.
    pub const ZERO: Self = Self { tenths: 0 };

    /// Whole hours.
    pub fn whole(hours: u32) -> Self {
        Self {
            tenths: hours.saturating_mul(10),
        }
    }

    /// Reads "12", "12.5" or "0.5". Refuses negative numbers and more than one decimal place.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(invalid("Enter a number of hours, for example 4 or 2.5"));
        }
        if trimmed.starts_with('-') {
            return Err(invalid("Hours cannot be negative"));
        }
        let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty() || !digits_only(whole) || !digits_only(fraction)
        {
            return Err(invalid(format!(
                "\"{trimmed}\" is not a number of hours, for example 4 or 2.5"
            )));
        }
        if fraction.len() > 1 {
            return Err(invalid(format!(
                "\"{trimmed}\" has more than one decimal place: hours are recorded to a tenth"
            )));
        }
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole
                .parse()
                .map_err(|_| invalid(format!("\"{trimmed}\" is too many hours")))?
        };
        let tenth = fraction.parse::<u32>().unwrap_or(0);
        let tenths = whole
            .checked_mul(10)
            .and_then(|t| t.checked_add(tenth))
            .ok_or_else(|| invalid(format!("\"{trimmed}\" is too many hours")))?;
        Ok(Self { tenths })
    }

    /// The hours as a float, for charts and costing.
    pub fn as_f64(self) -> f64 {
        f64::from(self.tenths) / 10.0
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, tenth) = (self.tenths / 10, self.tenths % 10);
        if tenth == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{tenth}")
        }
    }
}

impl std::ops::Add for Hours {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            tenths: self.tenths.saturating_add(other.tenths),
        }
    }
}

impl std::iter::Sum for Hours {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, |a, b| a + b)
    }
}

/// Trims a name and refuses an empty one. `what` names the field in the message.
pub fn parse_name(text: &str, what: &str) -> Result<String, InvalidValue> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        Err(invalid(format!("{what} cannot be empty")))
    } else if collapsed.chars().count() > 300 {
        Err(invalid(format!(
            "{what} is longer than 300 characters: put the detail in the notes"
        )))
    } else {
        Ok(collapsed)
    }
}

/// The form of a name used to spot duplicates: trimmed, single-spaced, lower case.
pub fn normalised_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads an ISO date ("2026-03-22"), or the UK form "22/03/2026".
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, InvalidValue> {
    let trimmed = text.trim();
    chrono::NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(trimmed, "%d/%m/%Y"))
        .map_err(|_| {
            invalid(format!(
                "\"{trimmed}\" is not a date: use 2026-03-22 or 22/03/2026"
            ))
        })
}

/// Checks an organisation identifier against the shape its org-id list uses.
/// Returns the identifier tidied (upper case, no spaces).
pub fn validate_org_id(scheme: OrgIdScheme, id: &str) -> Result<String, InvalidValue> {
    let tidy: String = id
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let all = |pred: fn(char) -> bool| !tidy.is_empty() && tidy.chars().all(pred);
    let (ok, rule) = match scheme {
        OrgIdScheme::CompaniesHouse => (
            tidy.len() == 8 && all(|c| c.is_ascii_alphanumeric()),
            "a Companies House number has 8 characters, for example 09506232 or SC123456",
        ),
        OrgIdScheme::Charity => (
            (5..=8).contains(&tidy.len()) && all(|c| c.is_ascii_digit()),
            "a charity number is 5 to 8 digits, for example 1047501",
        ),
        OrgIdScheme::LocalAuthority => (
            tidy.len() == 3 && all(|c| c.is_ascii_uppercase()),
            "a local authority code is 3 letters, for example HAR",
        ),
        OrgIdScheme::Nhs => (
            (3..=6).contains(&tidy.len()) && all(|c| c.is_ascii_alphanumeric()),
            "an NHS ODS code is 3 to 6 letters and digits, for example RAX or QK1",
        ),
        OrgIdScheme::Education => (
            tidy.len() == 6 && all(|c| c.is_ascii_digit()),
            "a school URN is 6 digits",
        ),
        OrgIdScheme::SocialHousing => (
            (4..=6).contains(&tidy.len()) && all(|c| c.is_ascii_alphanumeric()),
            "a social housing provider code is 4 to 6 letters and digits, for example LH4401",
        ),
        OrgIdScheme::Mutual => (
            (1..=8).contains(&tidy.len()) && all(|c| c.is_ascii_alphanumeric()),
            "a mutuals register number is up to 8 letters and digits",
        ),
        OrgIdScheme::GovernmentOrg => (
            (1..=12).contains(&tidy.len()) && all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "a government organisation code is up to 12 letters and digits",
        ),
    };
    if ok {
        Ok(tidy)
    } else {
        Err(invalid(format!("\"{}\" does not fit: {rule}", id.trim())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_the_forms_officers_type() {
        assert_eq!(Money::parse("£530,000").map(|m| m.pence), Ok(53_000_000));
        assert_eq!(Money::parse("1234.5").map(|m| m.pence), Ok(123_450));
        assert_eq!(Money::parse(" £0.07 ").map(|m| m.pence), Ok(7));
        assert_eq!(Money::parse("-£20").map(|m| m.pence), Ok(-2000));
        assert_eq!(Money::parse("8000").map(|m| m.pence), Ok(800_000));
    }

    #[test]
    fn money_refuses_what_is_not_money() {
        for bad in [
            "", "abc", "£12.345", "1,23", "12,3456", "£", "1.2.3", "£1 000",
        ] {
            assert!(Money::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let message = Money::parse("£12.345")
            .expect_err("three places")
            .to_string();
        assert!(message.contains("two decimal places"), "{message}");
    }

    #[test]
    fn money_formats_with_separators() {
        assert_eq!(Money { pence: 53_800_000 }.to_string(), "£538,000.00");
        assert_eq!(
            Money { pence: 53_800_000 }.format_whole_pounds(),
            "£538,000"
        );
        assert_eq!(Money { pence: -5 }.to_string(), "-£0.05");
        assert_eq!(Money { pence: 99_999 }.to_string(), "£999.99");
    }

    #[test]
    fn hours_have_one_decimal_and_are_never_negative() {
        assert_eq!(Hours::parse("40").map(|h| h.tenths), Ok(400));
        assert_eq!(Hours::parse("2.5").map(|h| h.tenths), Ok(25));
        assert_eq!(Hours::parse(".5").map(|h| h.tenths), Ok(5));
        assert!(Hours::parse("-1").is_err());
        assert!(Hours::parse("1.25").is_err());
        assert!(Hours::parse("four").is_err());
        assert!(Hours::parse(".").is_err());
        assert_eq!(Hours { tenths: 25 }.to_string(), "2.5");
        assert_eq!(Hours { tenths: 1040 }.to_string(), "104");
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(
            parse_name("  Community   Safety Partnership ", "Name"),
            Ok("Community Safety Partnership".to_string())
        );
        assert!(parse_name("   ", "Name").is_err());
        assert_eq!(normalised_name(" NHS  Blackpool"), "nhs blackpool");
    }

    #[test]
    fn dates_read_iso_and_uk_forms() {
        let expected = chrono::NaiveDate::from_ymd_opt(2006, 3, 22);
        assert_eq!(parse_date("2006-03-22").ok(), expected);
        assert_eq!(parse_date("22/03/2006").ok(), expected);
        assert!(parse_date("32/01/2006").is_err());
        assert!(parse_date("March").is_err());
    }

    #[test]
    fn org_ids_follow_their_list_shape() {
        assert_eq!(
            validate_org_id(OrgIdScheme::CompaniesHouse, "0950 6232"),
            Ok("09506232".to_string())
        );
        assert!(validate_org_id(OrgIdScheme::CompaniesHouse, "1234567").is_err());
        assert!(validate_org_id(OrgIdScheme::Charity, "1047501").is_ok());
        assert!(validate_org_id(OrgIdScheme::Charity, "10475O1").is_err());
        assert_eq!(
            validate_org_id(OrgIdScheme::LocalAuthority, "har"),
            Ok("HAR".to_string())
        );
        assert!(validate_org_id(OrgIdScheme::LocalAuthority, "HARB").is_err());
        assert!(validate_org_id(OrgIdScheme::Nhs, "RAX").is_ok());
        assert!(validate_org_id(OrgIdScheme::Education, "12345").is_err());
    }
}
