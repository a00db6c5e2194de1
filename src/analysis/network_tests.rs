//! The knowledge network graph on a small register whose lines are known.

use super::knowledge_network::{Flow, FlowNode, knowledge_network};
use super::tests::{Hand, date, today};
use super::*;
use crate::model::*;

#[test]
fn lines_run_from_bodies_through_representatives_to_recipients() {
    let mut hand = Hand::new();
    let ann = hand.person(1, "Ann Hawkins", PersonKind::Officer, "Head of Policy");
    let again = hand.person(2, "ann HAWKINS", PersonKind::Officer, "");
    let bob = hand.person(3, "Cllr Bob Lane", PersonKind::Councillor, "");
    let csp = hand.partnership(1, "Community Safety Partnership", "");
    let hwb = hand.partnership(2, "Health and Wellbeing Board", "");
    let led = hand.partnership(3, "County Waste Partnership", "");
    hand.change_partnership(led, |p| {
        p.no_seat_reason = "Another district leads".to_string();
        p.kept_informed = "Minutes to the Environment portfolio holder".to_string();
    });
    let closed = hand.partnership(4, "Closed Forum", "");
    hand.change_partnership(closed, |p| p.status = PartnershipStatus::Closed);
    let on_time = hand.represent(ann, csp, 4, 4);
    hand.route(on_time, ReportFrequency::Quarterly, Some(date(2026, 3, 1)));
    let late = hand.represent(again, hwb, 4, 4);
    hand.route(late, ReportFrequency::Quarterly, Some(date(2025, 1, 1)));
    hand.represent(bob, hwb, 2, 4);
    hand.represent(bob, closed, 2, 4);

    let network = knowledge_network(&hand.register, &KnowledgeSettings::on(today()));
    let names: Vec<String> = (0..network.nodes.len())
        .map(|i| network.name(&hand.register, i))
        .collect();
    assert_eq!(
        names,
        [
            "Community Safety Partnership",
            "Health and Wellbeing Board",
            "County Waste Partnership",
            "Ann Hawkins",
            "Cllr Bob Lane",
            "Minutes to the Environment portfolio holder",
            "Portfolio Holder for Communities",
        ],
        "the closed body is left out; Ann's two records are one node; the two routes to one \
         recipient meet at one node"
    );
    let line = |from: &str, to: &str| {
        let at = |name: &str| names.iter().position(|n| n == name).expect(name);
        network
            .edges
            .iter()
            .find(|e| e.from == at(from) && e.to == at(to))
            .map(|e| e.flow)
    };
    assert_eq!(
        line("Community Safety Partnership", "Ann Hawkins"),
        Some(Flow::Flowing)
    );
    assert_eq!(
        line("Health and Wellbeing Board", "Ann Hawkins"),
        Some(Flow::Overdue)
    );
    assert_eq!(
        line("Health and Wellbeing Board", "Cllr Bob Lane"),
        Some(Flow::NoRoute)
    );
    assert_eq!(
        line("Ann Hawkins", "Portfolio Holder for Communities"),
        Some(Flow::Overdue),
        "the worst of the two routes along one line"
    );
    assert_eq!(
        line(
            "County Waste Partnership",
            "Minutes to the Environment portfolio holder"
        ),
        Some(Flow::Flowing)
    );
    assert_eq!(network.edges.len(), 5);
    assert!(matches!(
        network.nodes[5],
        FlowNode::Recipient { audience: None, .. }
    ));
}
