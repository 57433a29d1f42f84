using Microsoft.CodeAnalysis.Testing;
using DualControl = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules>;
using Conflict = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ConflictRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

/// <summary>
/// Guards in the shapes real code writes them — property patterns, negated patterns, double negation, when clauses,
/// pattern variables, switches on tuples, LINQ filters — and their inverted near misses, which are findings.
/// </summary>
public class GuardShapeTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => DualControl.VerifyAnalyzerAsync(PaymentModel.Source + source, expected);

    [Fact]
    public Task Property_patterns_negated_patterns_and_double_negation_guard()
        => VerifyAsync("""
            public enum Review { Open, Attested, Approved }
            public class Reviewed { [AttestationStatus] public Review Review { get; set; } }

            class PayRun
            {
                void Property(IPayments payments, Payment p) { if (p is { IsAttested: true }) payments.Disburse(p); }
                void NotProperty(IPayments payments, Payment p) { if (p is not { IsAttested: true }) return; payments.Disburse(p); }
                void IsNotTrue(IPayments payments, Payment p) { if (p.IsAttested is not true) throw new InvalidOperationException(); payments.Disburse(p); }
                void DoubleNegation(IPayments payments, Payment p) { if (!!p.IsAttested) payments.Disburse(p); }
                void NegatedNegation(IPayments payments, Payment p) { if (!(!p.IsAttested)) payments.Disburse(p); }
                void PatternVariable(IPayments payments, object o) { if (o is Payment { IsAttested: true } ok) payments.Disburse(ok); }
                void OrPattern(IPayments payments, Payment p, Reviewed r) { if (r.Review is Review.Attested or Review.Approved) payments.Disburse(p); }
                void OrLabel(IPayments payments, Payment p, Reviewed r)
                {
                    switch (r.Review)
                    {
                        case Review.Attested or Review.Approved: payments.Disburse(p); break;
                    }
                }

                void CaseProperty(IPayments payments, Payment p)
                {
                    switch (p)
                    {
                        case { IsAttested: false }: return;
                    }

                    payments.Disburse(p);
                }

                Task WhenArm(IPayments payments, Payment p, int kind) => kind switch
                {
                    1 when p.IsAttested => payments.DisburseAsync(p),
                    _ => Task.CompletedTask,
                };

                Task PropertyArm(IPayments payments, Payment p) => p switch
                {
                    { IsAttested: true } => payments.DisburseAsync(p),
                    _ => Task.CompletedTask,
                };
            }
            """);

    [Fact]
    public Task Inverted_and_partial_shapes_are_reported()
        => VerifyAsync("""
            class PayRun
            {
                void Property(IPayments payments, Payment p) { if (p is { IsAttested: false }) {|CASE022:payments.Disburse(p)|}; }
                void NotProperty(IPayments payments, Payment p) { if (p is not { IsAttested: true }) {|CASE022:payments.Disburse(p)|}; }
                void IsNotTrue(IPayments payments, Payment p) { if (p.IsAttested is not true) {|CASE022:payments.Disburse(p)|}; }
                void OrWithFailure(IPayments payments, Payment p) { if (p.State is PaymentState.Attested or PaymentState.Prepared) {|CASE022:payments.Disburse(p)|}; }
                void CaseProperty(IPayments payments, Payment p)
                {
                    switch (p)
                    {
                        case { IsAttested: true }: return;
                    }

                    {|CASE022:payments.Disburse(p)|};
                }

                Task WhenArm(IPayments payments, Payment p, int kind) => kind switch
                {
                    1 when !p.IsAttested => {|CASE022:payments.DisburseAsync(p)|},
                    _ => Task.CompletedTask,
                };
            }
            """);

    [Fact]
    public Task Switches_on_tuples_guard_in_the_arms_where_the_status_holds()
        => VerifyAsync("""
            class PayRun
            {
                Task Expression(IPayments payments, Payment p) => (p.IsAttested, p.Amount > 0) switch
                {
                    (true, true) => payments.DisburseAsync(p),
                    (false, _) => {|CASE022:payments.DisburseAsync(p)|},
                    _ => Task.CompletedTask,
                };

                void Statement(IPayments payments, Payment p, bool urgent)
                {
                    switch (p.IsAttested, urgent)
                    {
                        case (true, _): payments.Disburse(p); break;
                        case (false, true): {|CASE022:payments.Disburse(p)|}; break;
                    }
                }
            }
            """);

    [Fact]
    public Task A_Where_filter_guards_what_the_next_step_pays()
        => DualControl.VerifyAnalyzerAsync("global using System.Linq;\n" + PaymentModel.Source + """
            class PayRun
            {
                void ForEach(IPayments payments, List<Payment> all) => all.Where(p => p.IsAttested).ToList().ForEach(p => payments.Disburse(p));
                Task[] Select(IPayments payments, List<Payment> all) => all.Where(p => p.State == PaymentState.Attested).Select(p => payments.DisburseAsync(p)).ToArray();
                void Loop(IPayments payments, List<Payment> all) { foreach (var p in all.Where(x => x.IsAttested && x.Amount > 0)) payments.Disburse(p); }
                void Unfiltered(IPayments payments, List<Payment> all) { foreach (var p in all.Where(x => x.Amount > 0)) {|CASE022:payments.Disburse(p)|}; }
                void Inverted(IPayments payments, List<Payment> all) => all.Where(p => !p.IsAttested).ToList().ForEach(p => {|CASE022:payments.Disburse(p)|});
            }
            """);

    [Fact]
    public Task A_guard_on_another_payment_does_not_guard()
        => VerifyAsync("""
            class PayRun
            {
                void Other(IPayments payments, Payment p, Payment other) { if (other.IsAttested) {|CASE022:payments.Disburse(p)|}; }
                void Same(IPayments payments, Payment p, Payment other) { if (p.IsAttested) payments.Disburse(p); }
                void Copy(IPayments payments, Payment p) { var q = p; if (q.IsAttested) payments.Disburse(p); }
            }
            """);

    [Fact]
    public Task A_comparison_that_rejects_on_inequality_is_an_inverted_check()
        => VerifyAsync("""
            class Ledger
            {
                [Attestation]
                public void {|CASE021:Attest|}(Payment payment, [Attester] string attester)
                {
                    if (attester != payment.PreparedBy) throw new InvalidOperationException("same person");
                    payment.AttestedBy = attester;
                }

                [Attestation]
                public void Right(Payment payment, [Attester] string attester)
                {
                    if (attester == payment.PreparedBy) throw new InvalidOperationException("same person");
                    payment.AttestedBy = attester;
                }
            }
            """);

    [Fact]
    public Task Messages_name_top_level_statements_lambdas_and_local_functions_as_written()
    {
        var test = new DualControl.Test
        {
            TestCode = """
                var payments = Payments.Create();
                var p = new Payment();
                {|#0:payments.Disburse(p)|};
                Action run = () => {|#1:payments.Disburse(p)|};
                void Later() => {|#2:payments.Disburse(p)|};

                static class Payments { public static IPayments Create() => null!; }
                """,
        };
        test.TestState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(DualControl.Diagnostic("CASE022").WithLocation(0).WithArguments("IPayments.Disburse", "top-level statements"));
        test.ExpectedDiagnostics.Add(DualControl.Diagnostic("CASE022").WithLocation(1).WithArguments("IPayments.Disburse", "lambda in top-level statements"));
        test.ExpectedDiagnostics.Add(DualControl.Diagnostic("CASE022").WithLocation(2).WithArguments("IPayments.Disburse", "local function Later in top-level statements"));
        return test.RunAsync();
    }
}
