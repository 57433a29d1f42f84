using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case020AttestedByPreparerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + source, expected);

    [Fact]
    public Task The_payments_own_preparer_as_attester_is_reported_with_both_values()
        => VerifyAsync("""
            class Flow
            {
                void Run(IPayments payments, Payment p) => {|#0:payments.Attest(p, p.PreparedBy)|};
            }
            """,
            Verify.Diagnostic("CASE020").WithLocation(0).WithArguments("IPayments.Attest", "p.PreparedBy", "p.PreparedBy"));

    [Fact]
    public Task The_same_local_parameter_or_a_copy_is_the_same_person()
        => VerifyAsync("""
            class Flow
            {
                void Same(IPayments payments, string officer) => {|CASE020:payments.AttestPrepared(officer, officer)|};
                void Copy(IPayments payments, Payment p)
                {
                    var preparer = p.PreparedBy;
                    {|CASE020:payments.Attest(p, preparer)|};
                }

                void CopyOfAttester(IPayments payments, Payment p, string me)
                {
                    var who = me;
                    p.PreparedBy = me;
                    payments.AttestPrepared(me, who);
                }
            }
            """.Replace("payments.AttestPrepared(me, who);", "{|CASE020:payments.AttestPrepared(me, who)|};"));

    [Fact]
    public Task A_local_computed_from_anything_is_one_person_when_it_is_read_twice()
        => VerifyAsync("""
            class Flow
            {
                void Queue(IPayments payments, System.Collections.Generic.List<string> onDuty)
                {
                    var officer = onDuty[0];
                    {|CASE020:payments.AttestPrepared(officer, officer)|};
                    var first = onDuty[0];
                    var second = onDuty[0];
                    payments.AttestPrepared(first, second);
                }

                void Reassigned(IPayments payments, System.Collections.Generic.List<string> onDuty)
                {
                    var officer = onDuty[0];
                    officer = onDuty[1];
                    {|CASE020:payments.AttestPrepared(officer, officer)|};
                }
            }
            """);

    [Fact]
    public Task Different_people_or_unknown_values_are_fine()
        => VerifyAsync("""
            class Flow
            {
                void Other(IPayments payments, Payment p, Officer me) => payments.Attest(p, me.Id);
                void OtherPayment(IPayments payments, Payment p, Payment q) => payments.Attest(p, q.PreparedBy);
                void Unknown(IPayments payments, Payment p, Func<string> who) => payments.Attest(p, who());
                void Two(IPayments payments, string a, string b) => payments.AttestPrepared(a, b);
            }
            """);

    [Fact]
    public Task Awkward_shapes_lambdas_async_and_named_arguments()
        => VerifyAsync("""
            class Flow
            {
                async Task Run(IPayments payments, List<Payment> all)
                {
                    await Task.Yield();
                    all.ForEach(p => {|CASE020:payments.Attest(attester: p.PreparedBy, payment: p)|});
                    foreach (var p in all)
                    {
                        var x = p switch { { Amount: > 0 } => p.PreparedBy, _ => "" };
                        payments.Attest(p, x);
                    }
                }
            }
            """);

    [Fact]
    public Task The_preparer_reaches_the_attester_through_deconstruction_and_tuples()
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + """
            class Run
            {
                void Deconstructed(IPayments payments, Payment p)
                {
                    var (preparer, amount) = (p.PreparedBy, p.Amount);
                    {|CASE020:payments.Attest(p, preparer)|};
                }

                void Tuple(IPayments payments, Payment p)
                {
                    var pair = (who: p.PreparedBy, p.Amount);
                    {|CASE020:payments.Attest(p, pair.who)|};
                }

                void Other(IPayments payments, Payment p, string clerk)
                {
                    var (attester, amount) = (clerk, p.Amount);
                    payments.Attest(p, attester);
                    var pair = (who: clerk, p.Amount);
                    payments.Attest(p, pair.who);
                }
            }
            """);

    [Fact]
    public Task The_preparer_reaches_the_attester_through_with_copies_and_fresh_objects()
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + """
            public record Draft([property: PreparedBy] string PreparedBy, decimal Amount, string Note = "");

            public interface IDrafts
            {
                [Attestation] void Attest(Draft draft, [Attester] string attester);
            }

            class Run
            {
                void WithCopy(IDrafts drafts, Draft d)
                {
                    var reviewed = d with { Note = "checked" };
                    {|CASE020:drafts.Attest(reviewed, d.PreparedBy)|};
                }

                void CopyOfCopy(IDrafts drafts, Draft d)
                {
                    var reviewed = d with { Note = "checked" };
                    {|CASE020:drafts.Attest(d, reviewed.PreparedBy)|};
                }

                void Fresh(IDrafts drafts, string clerk)
                {
                    var draft = new Draft(clerk, 100m);
                    {|CASE020:drafts.Attest(draft, clerk)|};
                }

                void ReassignedInTheCopy(IDrafts drafts, Draft d, string colleague)
                {
                    var handedOver = d with { PreparedBy = colleague };
                    drafts.Attest(handedOver, d.PreparedBy); // the copy's preparer is the colleague: not provably the same
                }

                void FreshForAnother(IDrafts drafts, string clerk, string colleague)
                {
                    drafts.Attest(new Draft(colleague, 100m), clerk);
                }
            }
            """);
}
