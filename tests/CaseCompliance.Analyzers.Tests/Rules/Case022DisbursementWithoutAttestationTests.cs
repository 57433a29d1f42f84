using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case022DisbursementWithoutAttestationTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + source, expected);

    [Fact]
    public Task An_unguarded_disbursement_is_reported_on_the_call()
        => VerifyAsync("""
            class PayRun
            {
                void Pay(IPayments payments, Payment p) => {|#0:payments.Disburse(p)|};
            }
            """,
            Verify.Diagnostic("CASE022").WithLocation(0).WithArguments("IPayments.Disburse", "PayRun.Pay"));

    [Fact]
    public Task Status_conditions_guard_clauses_and_preceding_attestations_guard()
        => VerifyAsync("""
            class PayRun
            {
                void If(IPayments payments, Payment p) { if (p.IsAttested) payments.Disburse(p); }
                void Return(IPayments payments, Payment p) { if (!p.IsAttested) return; payments.Disburse(p); }
                void Throw(IPayments payments, Payment p) { if (p.IsAttested == false) throw new InvalidOperationException(); payments.Disburse(p); }
                void And(IPayments payments, Payment p) { if (p.Amount > 0 && p.IsAttested) payments.Disburse(p); }
                void Enum(IPayments payments, Payment p) { if (p.State == PaymentState.Attested) payments.Disburse(p); }
                void Pattern(IPayments payments, Payment p) { if (p is { State: not PaymentState.Attested }) return; payments.Disburse(p); }
                void IsPattern(IPayments payments, Payment p) { if (p.State is PaymentState.Attested) payments.Disburse(p); }
                void Attested(IPayments payments, Payment p, string attester) { payments.Attest(p, attester); payments.Disburse(p); }
                async Task Async(IPayments payments, Payment p) { await Task.Yield(); if (!p.IsAttested) return; await payments.DisburseAsync(p); }
                void Ternary(IPayments payments, Payment p) { var ok = p.IsAttested; if (ok) payments.Disburse(p); }
                void IsFalse(IPayments payments, Payment p) { if (p.IsAttested is false) return; payments.Disburse(p); }
                void NotPattern(IPayments payments, Payment p) { if (p.State is not PaymentState.Attested) throw new InvalidOperationException(); payments.Disburse(p); }
                Task SwitchExpression(IPayments payments, Payment p) => p.State switch
                {
                    PaymentState.Attested => payments.DisburseAsync(p),
                    _ => Task.CompletedTask,
                };
            }
            """);

    [Fact]
    public Task Guards_on_some_paths_only_are_reported()
        => VerifyAsync("""
            class PayRun
            {
                void Or(IPayments payments, Payment p, bool urgent) { if (urgent || p.IsAttested) {|CASE022:payments.Disburse(p)|}; }
                void Negated(IPayments payments, Payment p) { if (!p.IsAttested) {|CASE022:payments.Disburse(p)|}; }
                void After(IPayments payments, Payment p, string a) { {|CASE022:payments.Disburse(p)|}; payments.Attest(p, a); }
                void Loop(IPayments payments, List<Payment> all)
                {
                    foreach (var p in all)
                    {
                        if (!p.IsAttested) continue;
                        payments.Disburse(p);
                    }

                    foreach (var p in all) {|CASE022:payments.Disburse(p)|};
                }

                void SwitchOnStatus(IPayments payments, Payment p)
                {
                    switch (p.State)
                    {
                        case PaymentState.Attested: payments.Disburse(p); break;
                        case PaymentState.Prepared: {|CASE022:payments.Disburse(p)|}; break;
                    }
                }

                void WrongState(IPayments payments, Payment p) { if (p.State == PaymentState.Prepared) {|CASE022:payments.Disburse(p)|}; }

                void Switch(IPayments payments, Payment p, int kind)
                {
                    switch (kind)
                    {
                        case 1 when p.IsAttested: payments.Disburse(p); break;
                        case 2: {|CASE022:payments.Disburse(p)|}; break;
                    }
                }
            }
            """);

    [Fact]
    public Task A_guard_in_a_private_helper_of_the_same_type_counts()
        => VerifyAsync("""
            class PayRun
            {
                void Pay(IPayments payments, Payment p) { EnsureAttested(p); payments.Disburse(p); }
                void PayMaybe(IPayments payments, Payment p) { Check(p); {|CASE022:payments.Disburse(p)|}; }

                private void EnsureAttested(Payment p)
                {
                    if (!p.IsAttested) throw new InvalidOperationException("not attested by a second party");
                }

                private void Check(Payment p)
                {
                    if (!p.IsAttested) return; // returning from the helper does not stop the caller
                }
            }
            """);

    [Fact]
    public Task A_disbursement_method_passes_the_duty_to_its_callers()
        => VerifyAsync("""
            class Bank
            {
                [Disbursement] public void Pay(IPayments payments, Payment p) => payments.Disburse(p);
                void Caller(Payment p) => {|CASE022:Pay(null!, p)|};
            }
            """);

    [Fact]
    public Task Regression_switch_on_a_bool_status_and_negative_enum_names()
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + """
            public enum Review { NotAttested, AttestedBySecond }
            public class Item { [AttestationStatus] public Review Review { get; set; } }

            class PayRun
            {
                void Bool(IPayments payments, Payment p)
                {
                    switch (p.IsAttested)
                    {
                        case false: {|CASE022:payments.Disburse(p)|}; break;
                        case true: payments.Disburse(p); break;
                    }
                }

                void Names(IPayments payments, Payment p, Item i)
                {
                    if (i.Review == Review.NotAttested) {|CASE022:payments.Disburse(p)|};
                    if (i.Review == Review.AttestedBySecond) payments.Disburse(p);
                }
            }
            """);
}
