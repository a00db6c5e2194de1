//! The built-in default scoring scheme (version 1), as data: never edited once shipped.

use super::*;

/// Risk criteria are rated on the grid's four steps (how much of a concern each one is).
const RISK_POINTS: [&str; 4] = [
    "Low concern",
    "Some concern",
    "Significant concern",
    "Serious concern",
];
/// Value criteria are rated 0-3 (domain.md 4.4).
const VALUE_POINTS: [&str; 4] = ["None", "Weak", "Adequate", "Strong"];
/// Governance areas are rated 1-4 as in Nottingham's annual health check (domain.md 4.2).
const GOVERNANCE_POINTS: [&str; 4] = [
    "Excellent",
    "Good",
    "Some key areas for improvement",
    "Many key weaknesses",
];

fn criterion(code: &str, title: &str, guidance: &str, min: i32, points: &[&str]) -> Criterion {
    Criterion {
        code: code.to_string(),
        title: title.to_string(),
        guidance: guidance.to_string(),
        scale: Scale::from_labels(min, points),
        weight: 1,
    }
}

fn cell(suggested: Recommendation, also: &[Recommendation], advice: &str) -> MatrixCell {
    MatrixCell {
        suggested,
        also_allowed: also.to_vec(),
        advice: advice.to_string(),
    }
}

impl ScoringScheme {
    /// The built-in default scheme, version 1, from `research/domain.md` section 4.
    ///
    /// - **Risk** (4.3, 4.4): criteria R1-R6, each rated 1-4 for how much of a concern it is.
    ///   Likelihood is their mean (rounded half up) and impact the worst rating, on a 4x4 grid as
    ///   Chichester's committee required; the risk score likelihood x impact (1-16) is Low up to
    ///   4, Medium 5-8, High 9 and over.
    /// - **Value** (4.4): criteria V1-V6 rated 0 None, 1 Weak, 2 Adequate, 3 Strong, equally
    ///   weighted (no public source gave a weighted grid; weights are configurable). The total
    ///   as a whole percentage of the most it could be is High at 67% or more, Low at 33% or
    ///   less, Medium between.
    /// - **Governance health** (2.2, 4.2): the eight Audit Commission checklist areas, each
    ///   rated 1 Excellent, 2 Good, 3 Some key areas for improvement, 4 Many key weaknesses (as
    ///   Nottingham's health check); the rating is their mean, a half rounded towards the worse.
    /// - **Significance** (4.1): Gravesham's "any of" rule: statutory; council resources of
    ///   £10,000 a year or more, counting officer time at the register's hourly rate (Gravesham
    ///   raised its threshold to £50,000 in 2021: set your own); or fundamental to a corporate
    ///   priority (V1 rated 3). Otherwise "key other", or "not significant" when value is Low.
    /// - **Value for money** (4.4): good for high value, fair for medium, poor for low value
    ///   unless it costs the council under £2,000 a year (then fair).
    /// - **Recommendations** (4.4): the value x risk matrix, putting the Audit Commission's
    ///   "scale down" principle into practice.
    /// - **Review**: a year on; six months on when governance is below Good, risk is High, or
    ///   the recommendation is review, reduce or withdraw (Manchester re-assesses anything below
    ///   its top rating after six months). No review after "remove from register".
    pub fn default_scheme() -> Self {
        use Recommendation::*;
        let risk_criteria = vec![
            criterion(
                "R1",
                "Financial exposure and liabilities",
                "How much could the council lose? Grants and contributions at stake, guarantees, \
                 redundancy costs and other liabilities on termination. (East Devon records \
                 liabilities; Cheshire West asks for redundancy costs and potential liabilities.)",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R2",
                "Governance gaps",
                "Is there a current terms of reference or partnership agreement, an exit \
                 strategy and a risk register? (Chichester's audit criticised missing exit \
                 strategies and risk assessments; Nottingham flagged terms of reference not \
                 refreshed in four years.)",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R3",
                "Reputational risk to the council",
                "Could the partnership's failure, conduct or decisions damage the council's \
                 reputation with residents, partners or regulators?",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R4",
                "Service-delivery dependency",
                "How heavily does the council rely on the partners to deliver its services? \
                 (Chorley and South Ribble count heavy reliance on a partner for service \
                 delivery.)",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R5",
                "Performance: targets missed, inactivity",
                "Are its targets being missed? Has it stopped meeting or producing anything?",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R6",
                "Accountability",
                "Is it clear how decisions are made and recorded, who carries them out, who \
                 scrutinises them and whom they are reported to? (Audit Commission checklist, \
                 governance.)",
                1,
                &RISK_POINTS,
            ),
        ];
        let value_criteria = vec![
            criterion(
                "V1",
                "Contribution to corporate priorities and community strategy objectives",
                "How many corporate priorities or Sustainable Community Strategy objectives \
                 does it serve, and how directly? Rate 3 (Strong) when it is fundamental to \
                 delivering one: Gravesham's test for a significant partnership.",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V2",
                "Added value beyond what partners would do alone",
                "What does it achieve that the partners would not achieve on their own? Is it \
                 more efficient or better than acting alone? (Audit Commission checklist, added \
                 value; East Devon's appropriateness tests.)",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V3",
                "Evidence of outcomes: targets met",
                "Which of its targets are met and which missed? Is progress managed and \
                 reported? (Audit Commission checklist, performance management.)",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V4",
                "Benefit to residents, businesses and visitors",
                "Who benefits, and how would they notice if it stopped? (East Devon's \
                 appropriateness tests.)",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V5",
                "Cost-effectiveness",
                "Do the outcomes justify the council's money and officer hours (costed at the \
                 register's hourly rate)? Value for money is equal or better outcomes for less \
                 expenditure, costs including time (Audit Commission); Maldon checked that \
                 officer time was used effectively.",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V6",
                "Statutory or leverage value",
                "Is there a statutory duty to take part? Does it lever in external funding, or \
                 give the council influence on national or regional thinking? (Gravesham 2021; \
                 Cheshire West.)",
                0,
                &VALUE_POINTS,
            ),
        ];
        let governance_areas = vec![
            criterion(
                "G1",
                "Rationale",
                "Why does it exist? What are the agreed aims, and where are they published? Is \
                 there a better way to serve the public?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G2",
                "Added value",
                "How does it add value, and how is that shown to the public? How do you know \
                 the funds are well spent, and how does the public know?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G3",
                "Governance",
                "How do its arrangements link to each partner's own governance? How are \
                 decisions made and recorded, who makes sure they are carried out, who \
                 scrutinises them and whom are they reported to?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G4",
                "Performance management",
                "Which targets are met and which missed? Who manages and reports progress?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G5",
                "Financial management",
                "Who provides the money and who decides how to spend it? Can it be \
                 reallocated? What are the financial reporting arrangements?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G6",
                "Risk management",
                "How do you know when things are going wrong, and who can act? How are \
                 conflicts of interest resolved?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G7",
                "Termination",
                "What happens if the partnership ends or the council withdraws? How are \
                 resources returned to the partners?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G8",
                "Serving the public",
                "How effectively does it engage and serve the public? Is there a joint \
                 complaints procedure?",
                1,
                &GOVERNANCE_POINTS,
            ),
        ];
        let significance_criteria = vec![
            SignificanceCriterion {
                code: "S1".into(),
                title: "Set up to meet a legal or statutory requirement".into(),
                guidance: "Met when the partnership is recorded as statutory (Gravesham 2021)."
                    .into(),
                test: SignificanceTest::Statutory,
                weight: 1,
            },
            SignificanceCriterion {
                code: "S2".into(),
                title: "Council resources of £10,000 a year or more".into(),
                guidance: "Money contributed in the financial year plus officer hours a month x \
                           12 at the register's hourly rate (Gravesham 2012 and 2017; raised to \
                           £50,000 in 2021)."
                    .into(),
                test: SignificanceTest::AnnualInputAtLeast {
                    threshold: Money::from_pounds(10_000),
                },
                weight: 1,
            },
            SignificanceCriterion {
                code: "S3".into(),
                title: "Fundamental to delivering a corporate priority".into(),
                guidance: "Met when V1 is rated 3, Strong (Gravesham).".into(),
                test: SignificanceTest::CriterionAtLeast {
                    criterion: "V1".into(),
                    score: 3,
                },
                weight: 1,
            },
        ];
        Self {
            version: DEFAULT_SCHEME_VERSION,
            name: "Default scheme".into(),
            description: "Built from research/domain.md section 4: risk criteria R1-R6 on \
                          Chichester's 4x4 likelihood x impact grid, value criteria V1-V6 rated \
                          0-3, the eight Audit Commission governance checklist areas rated 1-4 \
                          as in Nottingham's health check, Gravesham's significance rule, and \
                          the value x risk recommendation matrix."
                .into(),
            risk: RiskScheme {
                criteria: risk_criteria,
                grid: RiskGrid {
                    likelihood: ["Unlikely", "Possible", "Likely", "Almost certain"]
                        .map(String::from)
                        .to_vec(),
                    impact: ["Minor", "Moderate", "Major", "Severe"]
                        .map(String::from)
                        .to_vec(),
                    medium_from: 5,
                    high_from: 9,
                },
                derivation: RiskDerivation::MeanAndWorst,
            },
            value: ValueScheme {
                criteria: value_criteria,
                bands: PercentBands {
                    high_from: 67,
                    low_up_to: 33,
                },
            },
            governance: GovernanceScheme {
                areas: governance_areas,
                combine: GovernanceCombine::Mean,
            },
            significance: SignificanceScheme {
                criteria: significance_criteria,
                rule: SignificanceRule::AnyOf,
                not_met: Significance::KeyOther,
                not_met_low_value: Significance::NotSignificant,
            },
            value_for_money: VfmRule {
                low_cost_below: Money::from_pounds(2_000),
                when_low_cost: ByBand {
                    low: ValueForMoney::Fair,
                    medium: ValueForMoney::Fair,
                    high: ValueForMoney::Good,
                },
                otherwise: ByBand {
                    low: ValueForMoney::Poor,
                    medium: ValueForMoney::Fair,
                    high: ValueForMoney::Good,
                },
            },
            recommendations: RecommendationMatrix {
                cells: ByBand {
                    high: ByBand {
                        low: cell(Maintain, &[Increase], "Increase or maintain resources"),
                        medium: cell(Maintain, &[], "Maintain; strengthen governance"),
                        high: cell(Maintain, &[], "Maintain; review governance urgently"),
                    },
                    medium: ByBand {
                        low: cell(Maintain, &[], "Maintain"),
                        medium: cell(Review, &[], "Review"),
                        high: cell(Review, &[Reduce], "Review; consider reducing"),
                    },
                    low: ByBand {
                        low: cell(
                            Reduce,
                            &[RemoveFromRegister],
                            "Reduce resources or remove from register",
                        ),
                        medium: cell(Reduce, &[], "Reduce"),
                        high: cell(Reduce, &[Withdraw], "Reduce or withdraw"),
                    },
                },
            },
            review: ReviewRule {
                usual_months: 12,
                weak_months: 6,
                weak_governance: vec![
                    GovernanceRating::SomeWeaknesses,
                    GovernanceRating::ManyWeaknesses,
                ],
                weak_risk: vec![Band::High],
                weak_recommendations: vec![Review, Reduce, Withdraw],
                no_review_for: vec![RemoveFromRegister],
            },
        }
    }
}
