using SickPay.Domain;

namespace SickPay.Review;

/// <summary>A specialist (for example in försäkringsmedicin) and the business area they work in.</summary>
public sealed record Specialist(string StaffId, string BusinessArea);

/// <summary>A case officer's proposal to reject sick pay because the work capacity is not judged reduced.</summary>
public sealed record RejectionProposal(SickPayCase Case, string ProposedBy);

/// <summary>
/// The review of rejections for work capacity (Sjukpenning 2021, kap. 3.1.2): two different specialists, from
/// different business areas, review every such proposal. The code carries no annotation: the samples' rules file
/// (samples/casecompliance.json) gives this method its roles, and the custom rule SJP-TVA-SPECIALISTER (CASE100) checks them.
/// </summary>
public sealed class RejectionReview
{
    private readonly List<(RejectionProposal Proposal, Specialist First, Specialist Second)> approved = [];

    public int ApprovedCount => approved.Count;

    public void Approve(RejectionProposal proposal, Specialist first, Specialist second)
    {
        if (first.StaffId == second.StaffId || first.BusinessArea == second.BusinessArea)
        {
            throw new InvalidOperationException("A rejection for work capacity is reviewed by two specialists from different business areas.");
        }

        approved.Add((proposal, first, second));
    }
}

/// <summary>The specialists' review queue.</summary>
public sealed class ReviewQueue(RejectionReview review, IReadOnlyList<Specialist> onDuty)
{
    public int ReviewAll(IEnumerable<RejectionProposal> proposals)
    {
        var reviewed = 0;
        foreach (var proposal in proposals)
        {
            if (onDuty.Count >= 2)
            {
                review.Approve(proposal, onDuty[0], onDuty[1]);
                reviewed++;
            }
        }

        return reviewed;
    }

    /// <summary>The weekend shortcut: with one specialist on duty, the proposal is approved in their name twice.</summary>
    public bool ReviewWithOneOnDuty(RejectionProposal proposal)
    {
        if (onDuty.Count != 1)
        {
            return false;
        }

        var specialist = onDuty[0];
        // CASE100 (SJP-TVA-SPECIALISTER): the same specialist is both reviewers
        review.Approve(proposal, specialist, specialist);
        return true;
    }
}
