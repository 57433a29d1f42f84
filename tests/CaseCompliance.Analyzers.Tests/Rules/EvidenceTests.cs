using Microsoft.CodeAnalysis.Testing;
using Lookup = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.LookupRules>;
using DualControl = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules>;
using Conflict = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ConflictRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

/// <summary>
/// Path findings show why in their additional locations: the branch that leaves the cover out, the helper or cover
/// call on the path that was not enough, and the statement by which an uncovered path leaves.
/// </summary>
public class EvidenceTests
{
    [Fact]
    public Task A_lookup_names_the_branch_that_skips_the_audit_and_the_return_that_leaves_without_it()
        => Lookup.VerifyAnalyzerAsync(LookupModel.Source + """
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Show(Officer o, string id, bool quick)
                {
                    var p = {|#0:registry.Find(id)|};
                    if ({|#1:quick|})
                    {
                        {|#2:return p;|}
                    }

                    audit.Record(o, id, "case");
                    return p;
                }
            }
            """,
            Lookup.Diagnostic("CASE010").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Registry.Find", "Screen.Show", "lookup-audit"));

    [Fact]
    public Task A_helper_that_audits_only_on_some_paths_is_named_as_the_helper_that_was_not_enough()
        => Lookup.VerifyAnalyzerAsync(LookupModel.Source + """
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                bool sampled;
                Person? Show(Officer o, string id)
                {
                    {|#1:RecordIfSampled(o, id)|};
                    return {|#0:registry.Find(id)|};
                }

                void RecordIfSampled(Officer o, string id)
                {
                    if (sampled)
                    {
                        audit.Record(o, id, "sample");
                    }
                }
            }
            """,
            Lookup.Diagnostic("CASE010").WithLocation(0).WithLocation(1).WithArguments("Registry.Find", "Screen.Show", "lookup-audit"));

    [Fact]
    public Task A_payout_names_the_branch_on_which_nobody_attests_and_an_inverted_check()
        => DualControl.VerifyAnalyzerAsync(PaymentModel.Source + """
            class Payout
            {
                void Urgent(IPayments payments, Payment p, string me, bool urgent)
                {
                    if ({|#1:urgent|})
                    {
                        payments.Attest(p, me);
                    }

                    {|#0:payments.Disburse(p)|};
                }

                void Inverted(IPayments payments, Payment p)
                {
                    if ({|#3:p.IsAttested|})
                    {
                        return;
                    }

                    {|#2:payments.Disburse(p)|};
                }
            }
            """,
            DualControl.Diagnostic("CASE022").WithLocation(0).WithLocation(1).WithArguments("IPayments.Disburse", "Payout.Urgent"),
            DualControl.Diagnostic("CASE022").WithLocation(2).WithLocation(3).WithArguments("IPayments.Disburse", "Payout.Inverted"));

    [Fact]
    public Task A_decision_names_the_check_whose_result_is_ignored()
        => Conflict.VerifyAnalyzerAsync(PaymentModel.Source + """
            class Desk
            {
                Decision Decide(IJav jav, Officer me, SickPayCase c)
                {
                    {|#1:jav.IsImpartial(me, c)|};
                    return {|#0:jav.Decide(c, me)|};
                }
            }
            """,
            Conflict.Diagnostic("CASE030").WithLocation(0).WithLocation(1).WithArguments("IJav.Decide", "Desk.Decide"));

    [Fact]
    public Task A_straight_path_without_any_cover_has_no_evidence_to_show()
        => Lookup.VerifyAnalyzerAsync(LookupModel.Source + """
            class Screen
            {
                Registry registry = new();
                Person? Show(string id) => {|#0:registry.Find(id)|};
            }
            """,
            Lookup.Diagnostic("CASE010").WithLocation(0).WithArguments("Registry.Find", "Screen.Show", "lookup-audit"));
}
