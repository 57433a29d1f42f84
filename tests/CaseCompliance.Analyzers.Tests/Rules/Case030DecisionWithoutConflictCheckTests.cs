using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ConflictRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case030DecisionWithoutConflictCheckTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(PaymentModel.Source + source, expected);

    [Fact]
    public Task A_decision_without_a_check_is_reported_on_the_call()
        => VerifyAsync("""
            class Handler
            {
                Decision Run(IJav jav, SickPayCase c, Officer o) => {|#0:jav.Decide(c, o)|};
            }
            """,
            Verify.Diagnostic("CASE030").WithLocation(0).WithArguments("IJav.Decide", "Handler.Run"));

    [Fact]
    public Task Checked_results_and_throwing_checks_guard_whatever_their_polarity()
        => VerifyAsync("""
            class Handler
            {
                Decision? Impartial(IJav jav, SickPayCase c, Officer o) { if (!jav.IsImpartial(o, c)) return null; return jav.Decide(c, o); }
                Decision? Conflict(IJav jav, SickPayCase c, Officer o) { if (jav.HasConflict(o, c)) return null; return jav.Decide(c, o); }
                Decision? IfElse(IJav jav, SickPayCase c, Officer o)
                {
                    Decision? result;
                    if (jav.IsImpartial(o, c)) { result = jav.Decide(c, o); } else { result = null; }
                    return result;
                }

                Decision Throws(IJav jav, SickPayCase c, Officer o) { jav.EnsureImpartial(o, c); return jav.Decide(c, o); }
                Decision Ternary(IJav jav, SickPayCase c, Officer o) => jav.IsImpartial(o, c) ? jav.Decide(c, o) : throw new InvalidOperationException("jäv");
                Decision? SwitchExpression(IJav jav, SickPayCase c, Officer o) => o switch
                {
                    _ when jav.HasConflict(o, c) => null,
                    _ => jav.Decide(c, o),
                };
                async Task<Decision?> Async(IJav jav, SickPayCase c, Officer o)
                {
                    var ok = await jav.IsImpartialAsync(o, c);
                    if (!ok) return null;
                    return jav.Decide(c, o);
                }
            }
            """);

    [Fact]
    public Task An_unchecked_result_or_a_check_on_some_paths_is_reported()
        => VerifyAsync("""
            class Handler
            {
                Decision Ignored(IJav jav, SickPayCase c, Officer o) { jav.IsImpartial(o, c); return {|CASE030:jav.Decide(c, o)|}; }
                Decision After(IJav jav, SickPayCase c, Officer o) { var d = {|CASE030:jav.Decide(c, o)|}; jav.EnsureImpartial(o, c); return d; }
                Decision? Branch(IJav jav, SickPayCase c, Officer o, bool fast)
                {
                    if (!fast) jav.EnsureImpartial(o, c);
                    return {|CASE030:jav.Decide(c, o)|};
                }

                Decision? SwitchArm(IJav jav, SickPayCase c, Officer o, int kind) => kind switch
                {
                    1 when jav.IsImpartial(o, c) => jav.Decide(c, o),
                    2 => {|CASE030:jav.Decide(c, o)|},
                    _ => null,
                };

                Func<Decision> Lambda(IJav jav, SickPayCase c, Officer o)
                {
                    jav.EnsureImpartial(o, c);
                    return () => {|CASE030:jav.Decide(c, o)|};
                }
            }
            """);

    [Fact]
    public Task Local_functions_and_helpers_that_check_count()
        => VerifyAsync("""
            class Handler
            {
                Decision Local(IJav jav, SickPayCase c, Officer o)
                {
                    Check();
                    return jav.Decide(c, o);
                    void Check() { if (jav.HasConflict(o, c)) throw new InvalidOperationException("jäv"); }
                }

                Decision Helper(IJav jav, SickPayCase c, Officer o) { Guard(jav, c, o); return jav.Decide(c, o); }
                private void Guard(IJav jav, SickPayCase c, Officer o) => jav.EnsureImpartial(o, c);
            }
            """);
}
