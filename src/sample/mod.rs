//! The built-in sample register and synthetic registers of the same shape.
//! (Scaffold: replaced by the full sample council.)

use crate::model::{Partnership, PartnershipId, Register};

/// Partnerships in the built-in sample.
pub const SAMPLE_PARTNERSHIPS: usize = 1;

/// The built-in sample register.
pub fn sample_register() -> Register {
    let mut register = Register::new("Sample District Council");
    register.partnerships.insert(
        PartnershipId(1),
        Partnership {
            id: PartnershipId(1),
            name: "Local Strategic Partnership Board".into(),
            ..Partnership::default()
        },
    );
    register
}

/// A synthetic register of `partnerships` partnerships.
pub fn synthetic_register(partnerships: usize, _seed: u64) -> Register {
    let mut register = Register::new("Synthetic District Council");
    for index in 1..=partnerships {
        let id = PartnershipId(index as i64);
        register.partnerships.insert(
            id,
            Partnership {
                id,
                name: format!("Partnership {index}"),
                ..Partnership::default()
            },
        );
    }
    register
}
