using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules, CaseCompliance.CodeFixes.Rules.RejectEqualFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case021RejectPreparerFixTests
{
    private static Verify.Test Test(string source, string fixedSource)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = "CASE021.RejectEqual" };
        test.TestState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.FixedState.Sources.Add(("Model.cs", PaymentModel.Source));
        return test;
    }

    [Fact]
    public Task Inserts_a_guard_on_the_member_at_the_start_of_the_method()
    {
        var test = Test("""
            class Ledger
            {
                [Attestation]
                public void {|CASE021:Attest|}(Payment payment, [Attester] string attester)
                {
                    payment.AttestedBy = attester;
                    payment.IsAttested = true;
                }
            }
            """, """
            class Ledger
            {
                [Attestation]
                public void Attest(Payment payment, [Attester] string attester)
                {
                    if (attester == payment.PreparedBy)
                    {
                        throw new InvalidOperationException("The attester prepared this payment: no one alone can attest a payment (EK-SKATT-1).");
                    }

                    payment.AttestedBy = attester;
                    payment.IsAttested = true;
                }
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(
            "Reject an attestation by the preparer (EK-SKATT-1 Etisk kod: ingen ensam kan attestera utbetalningar)", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task Uses_a_prepared_by_parameter_and_equals_for_other_types_and_converts_expression_bodies()
        => Test("""
            record Staff(string Id);
            class Ledger
            {
                [Attestation]
                public bool {|CASE021:Attest|}([PreparedBy] Staff preparer, [Attester] Staff attester) => Record(attester);
                static bool Record(Staff staff) => staff.Id.Length > 0;
            }
            """, """
            record Staff(string Id);
            class Ledger
            {
                [Attestation]
                public bool Attest([PreparedBy] Staff preparer, [Attester] Staff attester)
                {
                    if (object.Equals(attester, preparer))
                    {
                        throw new InvalidOperationException("The attester prepared this payment: no one alone can attest a payment (EK-SKATT-1).");
                    }

                    return Record(attester);
                }
                static bool Record(Staff staff) => staff.Id.Length > 0;
            }
            """).RunAsync();

    [Fact]
    public Task Fix_all_guards_every_attestation_method()
    {
        var test = Test("""
            class Ledger
            {
                [Attestation]
                public void {|CASE021:One|}(Payment payment, [Attester] string attester) { payment.IsAttested = true; }
                [Attestation]
                public void {|CASE021:Two|}(Payment p, [Attester] string who) { p.AttestedBy = who; }
            }
            """, """
            class Ledger
            {
                [Attestation]
                public void One(Payment payment, [Attester] string attester)
                {
                    if (attester == payment.PreparedBy)
                    {
                        throw new InvalidOperationException("The attester prepared this payment: no one alone can attest a payment (EK-SKATT-1).");
                    }

                    payment.IsAttested = true;
                }
                [Attestation]
                public void Two(Payment p, [Attester] string who)
                {
                    if (who == p.PreparedBy)
                    {
                        throw new InvalidOperationException("The attester prepared this payment: no one alone can attest a payment (EK-SKATT-1).");
                    }

                    p.AttestedBy = who;
                }
            }
            """);
        return test.RunAsync();
    }
}
