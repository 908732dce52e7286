//! The companies of `align gaps`: each company's perception index,
//! alignment index and outcome composite, scored like `score` (a hidden
//! company has none), and the company list, most overconfident first.

use super::perception::{reaches, CompanyFigures};
use super::{GapsCompany, GapsOptions};
use crate::accumulate::Accumulator;
use crate::analysis::outcomes::Outcomes;
use crate::analysis::score::{company_group_means, Hidden, Scale};
use crate::analysis::{finite, larger_first, mean_all};
use crate::disclosure::Disclosure;
use crate::instrument::Instrument;

/// Each company's figures, in accumulator order; none for a hidden company.
pub(super) fn figures(
    inst: &Instrument,
    acc: &Accumulator,
    vis: &Disclosure,
    outcomes: Option<&Outcomes>,
    opts: GapsOptions,
) -> Vec<CompanyFigures> {
    let plan = &acc.plan;
    let scale = Scale::new(inst);
    acc.companies
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if !vis.shown(i) {
                return CompanyFigures {
                    perception: None,
                    alignment: None,
                    composite: None,
                };
            }
            let means = company_group_means(plan, c, opts.weighting, opts.anonymity);
            let dims: Vec<Option<f64>> = means[..plan.n_dims]
                .iter()
                .map(|m| m.and_then(|m| scale.index(m)))
                .collect();
            CompanyFigures {
                perception: plan
                    .perception_group()
                    .and_then(|g| means[g])
                    .and_then(|m| scale.index(m)),
                alignment: mean_all(&dims),
                composite: outcomes.and_then(|o| o.companies.get(i).and_then(|c| c.composite)),
            }
        })
        .collect()
}

/// The company list: most overconfident first, hidden companies last by
/// id (with their respondent count only); and the count of hidden
/// companies. `tied` are the figures with near-equal values made equal,
/// on which the median split is made.
pub(super) fn list(
    acc: &Accumulator,
    vis: &Disclosure,
    figures: &[CompanyFigures],
    tied: &[CompanyFigures],
    median: Option<f64>,
    opts: GapsOptions,
) -> (Vec<GapsCompany>, Hidden) {
    let threshold = opts.perceived_threshold;
    let mut hidden = Hidden {
        threshold: opts.anonymity,
        companies: 0,
        roles: 0,
    };
    let mut companies: Vec<GapsCompany> = Vec::new();
    for (i, ((id, c), f)) in acc.ids.iter().zip(&acc.companies).zip(figures).enumerate() {
        let n = c.n();
        let suppressed = !vis.shown(i);
        if suppressed {
            hidden.companies += 1;
            companies.push(GapsCompany {
                company_id: id.to_string(),
                n,
                suppressed,
                perception_index: None,
                alignment_index: None,
                overconfidence: None,
                perceived_aligned: None,
                measured_aligned: None,
                composite: None,
                above_median: None,
            });
            continue;
        }
        companies.push(GapsCompany {
            company_id: id.to_string(),
            n,
            suppressed,
            perception_index: f.perception,
            alignment_index: f.alignment,
            overconfidence: f
                .perception
                .zip(f.alignment)
                .and_then(|(p, a)| finite(p - a)),
            perceived_aligned: f.perception.map(|p| reaches(p, threshold)),
            measured_aligned: f.alignment.map(|a| reaches(a, threshold)),
            composite: f.composite,
            // The median split of the quadrants, on the tied values.
            above_median: tied[i].composite.zip(median).map(|(c, m)| c > m),
        });
    }
    companies.sort_by(|a, b| {
        a.suppressed
            .cmp(&b.suppressed)
            .then_with(|| larger_first(a.overconfidence, b.overconfidence))
            .then_with(|| a.company_id.cmp(&b.company_id))
    });
    (companies, hidden)
}
