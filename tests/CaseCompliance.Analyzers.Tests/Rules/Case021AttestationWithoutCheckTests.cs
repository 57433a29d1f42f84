using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case021AttestationWithoutCheckTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + source, expected);

    [Fact]
    public Task An_attestation_method_without_a_check_is_reported_on_its_name()
        => VerifyAsync("""
            class Ledger
            {
                [Attestation]
                public void {|#0:Attest|}(Payment payment, [Attester] string attester)
                {
                    {|#1:payment.AttestedBy = attester|};
                    payment.IsAttested = true;
                }
            }
            """,
            Verify.Diagnostic("CASE021").WithLocation(0).WithLocation(1).WithArguments("Ledger.Attest", "attester"));

    [Fact]
    public Task Guard_clauses_that_throw_or_return_on_equality_are_checks()
        => VerifyAsync("""
            class Ledger
            {
                [Attestation]
                public void Throws(Payment payment, [Attester] string attester)
                {
                    if (attester == payment.PreparedBy) throw new InvalidOperationException("two people must take part");
                    payment.IsAttested = true;
                }

                [Attestation]
                public bool Returns(Payment payment, [Attester] string attester)
                {
                    if (string.Equals(payment.PreparedBy, attester, StringComparison.OrdinalIgnoreCase)) return false;
                    payment.IsAttested = true;
                    return true;
                }

                [Attestation]
                public void NotEquals(Payment payment, [Attester] string attester)
                {
                    if (attester != payment.PreparedBy && payment.Amount > 0)
                    {
                        payment.IsAttested = true;
                    }
                }

                [Attestation]
                public void EqualsCall(Payment payment, [Attester] string attester)
                {
                    var preparer = payment.PreparedBy;
                    if (attester.Equals(preparer) || payment.Amount <= 0) return;
                    payment.IsAttested = true;
                }
            }
            """);

    [Fact]
    public Task A_comparison_that_does_not_reject_is_no_check()
        => VerifyAsync("""
            class Ledger
            {
                [Attestation]
                public void {|CASE021:Logs|}(Payment payment, [Attester] string attester, List<string> log)
                {
                    if (attester == payment.PreparedBy) log.Add("same person");
                    payment.IsAttested = true;
                }

                [Attestation]
                public void {|CASE021:OneBranch|}(Payment payment, [Attester] string attester, bool quick)
                {
                    if (!quick && attester == payment.PreparedBy) throw new InvalidOperationException();
                    payment.IsAttested = true;
                }

                [Attestation]
                public void {|CASE021:ComparesWithSomeoneElse|}(Payment payment, [Attester] string attester, string clerk)
                {
                    if (clerk == payment.PreparedBy) throw new InvalidOperationException();
                    payment.IsAttested = true;
                }

                [Attestation]
                public void {|CASE021:ComparesWithAConstant|}(Payment payment, [Attester] string attester)
                {
                    if (payment.PreparedBy == "") throw new InvalidOperationException();
                    payment.IsAttested = true;
                }
            }
            """);

    [Fact]
    public Task Second_party_checks_count_when_they_throw_or_their_result_rejects()
        => VerifyAsync("""
            class Ledger
            {
                IPayments checks = null!;

                [Attestation]
                public void Throwing(Payment payment, [Attester] string attester)
                {
                    checks.EnsureDistinct(attester, payment.PreparedBy);
                    payment.IsAttested = true;
                }

                [Attestation]
                public async Task Checked(Payment payment, [Attester] string attester)
                {
                    await Task.Yield();
                    if (!checks.AreDistinct(attester, payment.PreparedBy)) return;
                    payment.IsAttested = true;
                }

                [Attestation]
                public void {|CASE021:Unchecked|}(Payment payment, [Attester] string attester)
                {
                    checks.AreDistinct(attester, payment.PreparedBy);
                    payment.IsAttested = true;
                }
            }
            """);

    [Fact]
    public Task Guards_in_a_private_helper_and_delegation_to_another_attestation_count()
        => VerifyAsync("""
            class Ledger
            {
                IPayments inner = null!;

                [Attestation]
                public void ViaHelper(Payment payment, [Attester] string attester)
                {
                    EnsureSecondParty(payment, attester);
                    payment.IsAttested = true;
                }

                [Attestation]
                public void Delegates(Payment payment, [Attester] string attester) => inner.Attest(payment, attester);

                [Attestation]
                public void Switch(Payment payment, [Attester] string attester, int kind)
                {
                    switch (kind)
                    {
                        case 1: EnsureSecondParty(payment, attester); break;
                        default: throw new ArgumentOutOfRangeException(nameof(kind));
                    }

                    payment.IsAttested = true;
                }

                private static void EnsureSecondParty(Payment payment, string attester)
                {
                    if (payment.PreparedBy == attester)
                    {
                        throw new InvalidOperationException("ingen ensam kan attestera");
                    }
                }
            }
            """);

    [Fact]
    public Task Interface_declarations_and_overrides_inherit_the_role()
        => VerifyAsync("""
            abstract class Base
            {
                [Attestation] public abstract void Attest(Payment payment, [Attester] string attester);
            }

            class Sloppy : Base
            {
                public override void {|CASE021:Attest|}(Payment payment, string attester) => payment.IsAttested = true;
            }

            class Careful : IPayments
            {
                public void Attest(Payment payment, string attester)
                {
                    if (payment.PreparedBy == attester) throw new InvalidOperationException();
                    payment.IsAttested = true;
                }

                public void {|CASE021:AttestPrepared|}(string preparedBy, string attester) { Attesters.Add(attester); }
                public List<string> Attesters { get; } = new();
                public void Disburse(Payment payment) { }
                public Task DisburseAsync(Payment payment) => Task.CompletedTask;
                public bool AreDistinct(string attester, string preparedBy) => attester != preparedBy;
                public void EnsureDistinct(string attester, string preparedBy) { }
            }
            """);

    [Fact]
    public Task Regression_paths_that_record_nothing_need_no_check()
        => VerifyAsync("""
            interface ILedger { void Save(Payment payment); }

            class Ledger
            {
                [Attestation]
                public void AlreadyDone(Payment payment, [Attester] string attester)
                {
                    if (payment.IsAttested) return;
                    if (attester == payment.PreparedBy) throw new InvalidOperationException();
                    payment.IsAttested = true;
                }

                [Attestation]
                public void {|CASE021:SavesUnchecked|}(Payment payment, [Attester] string attester, ILedger ledger)
                {
                    if (payment.Amount == 0) return;
                    ledger.Save(payment);
                }

                [Attestation]
                public bool NothingRecorded(Payment payment, [Attester] string attester) => payment.Amount > 0;
            }
            """);
}
