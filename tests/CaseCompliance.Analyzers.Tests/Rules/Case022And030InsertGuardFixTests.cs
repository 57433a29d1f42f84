using Microsoft.CodeAnalysis.Testing;
using DualControl = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules, CaseCompliance.CodeFixes.Rules.InsertGuardFix>;
using Jav = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ConflictRules, CaseCompliance.CodeFixes.Rules.InsertGuardFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case022And030InsertGuardFixTests
{
    [Fact]
    public Task CASE022_inserts_an_attestation_status_guard_before_the_payout()
    {
        var test = new DualControl.Test
        {
            TestCode = """
                class PayRun
                {
                    void Pay(IPayments payments, Payment p)
                    {
                        var amount = p.Amount;
                        {|CASE022:payments.Disburse(p)|};
                    }

                    void Expression(IPayments payments, Payment p) => {|CASE022:payments.Disburse(p)|};
                }
                """,
            FixedCode = """
                class PayRun
                {
                    void Pay(IPayments payments, Payment p)
                    {
                        var amount = p.Amount;
                        if (!p.IsAttested)
                        {
                            throw new InvalidOperationException("The payment has not been attested by a second party: no one alone can attest a payment (EK-SKATT-1).");
                        }

                        payments.Disburse(p);
                    }

                    void Expression(IPayments payments, Payment p)
                    {
                        if (!p.IsAttested)
                        {
                            throw new InvalidOperationException("The payment has not been attested by a second party: no one alone can attest a payment (EK-SKATT-1).");
                        }

                        payments.Disburse(p);
                    }
                }
                """,
            CodeActionEquivalenceKey = "CASE022.InsertGuard",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Check the attestation before paying out (EK-SKATT-1 Etisk kod: ingen ensam kan attestera utbetalningar)", action.Title),
        };
        test.TestState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.FixedState.Sources.Add(("Model.cs", PaymentModel.Source));
        return test.RunAsync();
    }

    [Fact]
    public Task CASE030_calls_a_checker_in_scope_with_the_decision_arguments()
    {
        var test = new Jav.Test
        {
            TestCode = """
                class Handler
                {
                    private readonly IJav jav = null!;
                    Decision Run(SickPayCase c, Officer o)
                    {
                        return {|CASE030:jav.Decide(c, o)|};
                    }
                }
                """,
            FixedCode = """
                class Handler
                {
                    private readonly IJav jav = null!;
                    Decision Run(SickPayCase c, Officer o)
                    {
                        if (!jav.IsImpartial(o, c))
                        {
                            throw new InvalidOperationException("Conflict of interest (jäv): the officer may not decide this case (EK-SAKLIG-2).");
                        }

                        return jav.Decide(c, o);
                    }
                }
                """,
            CodeActionEquivalenceKey = "CASE030.InsertGuard",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Check for conflicts of interest with 'IJav.IsImpartial' before deciding (EK-SAKLIG-2 Etisk kod: handlägg aldrig ett ärende som gäller dig själv eller någon närstående)", action.Title),
        };
        test.TestState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.FixedState.Sources.Add(("Model.cs", PaymentModel.Source));
        return test.RunAsync();
    }

    [Fact]
    public Task CASE030_prefers_an_awaitable_check_in_async_code_and_fix_all_covers_documents()
    {
        var test = new Jav.Test
        {
            CodeActionEquivalenceKey = "CASE030.InsertGuard",
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.TestState.Sources.Add(("A.cs", """
            class A
            {
                async Task<Decision> Run(IJav jav, SickPayCase c, Officer o)
                {
                    await Task.Yield();
                    return {|CASE030:jav.Decide(c, o)|};
                }
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            class B
            {
                Decision Run(IJav jav, SickPayCase c, Officer o) => {|CASE030:jav.Decide(c, o)|};
            }
            """));
        test.FixedState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.FixedState.Sources.Add(("A.cs", """
            class A
            {
                async Task<Decision> Run(IJav jav, SickPayCase c, Officer o)
                {
                    await Task.Yield();
                    if (!await jav.IsImpartialAsync(o, c))
                    {
                        throw new InvalidOperationException("Conflict of interest (jäv): the officer may not decide this case (EK-SAKLIG-2).");
                    }

                    return jav.Decide(c, o);
                }
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            class B
            {
                Decision Run(IJav jav, SickPayCase c, Officer o)
                {
                    if (!jav.IsImpartial(o, c))
                    {
                        throw new InvalidOperationException("Conflict of interest (jäv): the officer may not decide this case (EK-SAKLIG-2).");
                    }

                    return jav.Decide(c, o);
                }
            }
            """));
        return test.RunAsync();
    }
}
