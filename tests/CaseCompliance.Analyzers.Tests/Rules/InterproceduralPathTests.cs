using Microsoft.CodeAnalysis.Testing;
using DualControl = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DualControlRules>;
using Conflict = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ConflictRules>;
using Lookup = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.LookupRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

/// <summary>
/// Path rules see through helpers of the same compilation: a call covers its caller when every normal path through
/// the helper covers, when the helper returns only if the guard holds, or when it returns the result of a check that
/// the caller tests. Helpers in other classes and files, extension and base-class methods, helpers of helpers up to
/// the configured depth, and virtual or interface calls with one implementation in source.
/// </summary>
public class InterproceduralPathTests
{
    private static Task VerifyDualControlAsync(string source, params DiagnosticResult[] expected)
        => DualControl.VerifyAnalyzerAsync(PaymentModel.Source + source, expected);

    [Fact]
    public Task A_guard_that_throws_in_a_helper_of_another_class_guards_the_disbursement()
        => VerifyDualControlAsync("""
            static class Guards
            {
                public static void RequireAttested(Payment payment)
                {
                    if (!payment.IsAttested)
                    {
                        throw new InvalidOperationException("not attested");
                    }
                }

                public static void EnsureAttested(this Payment payment) => RequireAttested(payment);
            }

            class PayRun
            {
                void Static(IPayments payments, Payment p) { Guards.RequireAttested(p); payments.Disburse(p); }
                void Extension(IPayments payments, Payment p) { p.EnsureAttested(); payments.Disburse(p); }
                async Task Async(IPayments payments, Payment p) { Guards.RequireAttested(p); await payments.DisburseAsync(p); }
                void Lambda(IPayments payments, List<Payment> all) => all.ForEach(p => { p.EnsureAttested(); payments.Disburse(p); });
            }
            """);

    [Fact]
    public Task A_helper_that_guards_only_some_paths_does_not_guard()
        => VerifyDualControlAsync("""
            static class Guards
            {
                public static void RequireAttestedAbove(Payment payment, decimal limit)
                {
                    if (payment.Amount > limit && !payment.IsAttested)
                    {
                        throw new InvalidOperationException("not attested");
                    }
                }

                public static void Log(Payment payment) => Console.WriteLine(payment.Amount);
            }

            class PayRun
            {
                void Partial(IPayments payments, Payment p) { Guards.RequireAttestedAbove(p, 1000); {|CASE022:payments.Disburse(p)|}; }
                void Unrelated(IPayments payments, Payment p) { Guards.Log(p); {|CASE022:payments.Disburse(p)|}; }
                void After(IPayments payments, Payment p) { {|CASE022:payments.Disburse(p)|}; Guards.RequireAttestedAbove(p, 0); }
            }
            """);

    [Fact]
    public Task A_helper_that_returns_the_result_of_a_check_guards_where_its_result_is_tested()
        => VerifyDualControlAsync("""
            static class Rules
            {
                public static bool CanRelease(Payment payment) => payment.IsAttested && payment.Amount < 100_000;

                public static bool IsReady(Payment payment)
                {
                    if (payment.Amount <= 0)
                    {
                        return false;
                    }

                    return payment.State == PaymentState.Attested;
                }

                public static bool IsPositive(Payment payment) => payment.Amount > 0;
            }

            class PayRun
            {
                void If(IPayments payments, Payment p) { if (Rules.CanRelease(p)) payments.Disburse(p); }
                void EarlyReturn(IPayments payments, Payment p) { if (!Rules.IsReady(p)) return; payments.Disburse(p); }
                void Inverted(IPayments payments, Payment p) { if (Rules.CanRelease(p)) return; {|CASE022:payments.Disburse(p)|}; }
                void Unchecked(IPayments payments, Payment p) { Rules.CanRelease(p); {|CASE022:payments.Disburse(p)|}; }
                void NoCheck(IPayments payments, Payment p) { if (Rules.IsPositive(p)) {|CASE022:payments.Disburse(p)|}; }
            }
            """);

    [Fact]
    public Task A_base_class_helper_and_a_helper_of_a_helper_guard()
        => VerifyDualControlAsync("""
            abstract class PayRunBase
            {
                protected void Require(Payment payment) => Checks.Require(payment);
            }

            static class Checks
            {
                public static void Require(Payment payment) => Inner(payment);

                private static void Inner(Payment payment)
                {
                    if (payment.State is not PaymentState.Attested) throw new InvalidOperationException();
                }
            }

            sealed class PayRun : PayRunBase
            {
                void Pay(IPayments payments, Payment p) { Require(p); payments.Disburse(p); }
            }
            """);

    [Fact]
    public Task A_call_chain_longer_than_the_configured_depth_does_not_guard()
    {
        var test = new DualControl.Test
        {
            TestCode = PaymentModel.Source + """
                static class Checks
                {
                    public static void One(Payment payment) => Two(payment);
                    public static void Two(Payment payment) => Three(payment);
                    public static void Three(Payment payment) { if (!payment.IsAttested) throw new InvalidOperationException(); }
                }

                class PayRun
                {
                    void Near(IPayments payments, Payment p) { Checks.Two(p); payments.Disburse(p); }
                    void Far(IPayments payments, Payment p) { Checks.One(p); {|CASE022:payments.Disburse(p)|}; }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncasecompliance.max_interprocedural_method_call_chain = 2\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Recursive_helpers_end_and_do_not_guard()
        => VerifyDualControlAsync("""
            static class Checks
            {
                public static void Ping(Payment payment, int n) { if (n > 0) Pong(payment, n - 1); }
                public static void Pong(Payment payment, int n) => Ping(payment, n);
            }

            class PayRun
            {
                void Pay(IPayments payments, Payment p) { Checks.Ping(p, 3); {|CASE022:payments.Disburse(p)|}; }
            }
            """);

    [Fact]
    public Task An_interface_call_guards_when_source_has_one_implementation_and_is_a_coverage_gap_when_it_has_two()
        => VerifyDualControlAsync("""
            public interface IReleaseGuard { void Require(Payment payment); }
            public interface IApprovalPolicy { void Require(Payment payment); }

            sealed class ReleaseGuard : IReleaseGuard
            {
                public void Require(Payment payment) { if (!payment.IsAttested) throw new InvalidOperationException(); }
            }

            sealed class StrictPolicy : IApprovalPolicy
            {
                public void Require(Payment payment) { if (!payment.IsAttested) throw new InvalidOperationException(); }
            }

            sealed class LenientPolicy : IApprovalPolicy
            {
                public void Require(Payment payment) { }
            }

            class PayRun
            {
                void One(IPayments payments, IReleaseGuard guard, Payment p) { guard.Require(p); payments.Disburse(p); }
                void Two(IPayments payments, IApprovalPolicy policy, Payment p) { {|#1:policy.Require(p)|}; {|#0:payments.Disburse(p)|}; }
            }
            """,
            DualControl.Diagnostic("CASE022").WithLocation(0).WithLocation(1).WithArguments("IPayments.Disburse", "PayRun.Two", "attestation, attestation-status"));

    [Fact]
    public Task A_conflict_check_in_a_helper_of_another_class_guards_the_decision()
        => Conflict.VerifyAnalyzerAsync(PaymentModel.Source + """
            sealed class Impartiality(IJav jav)
            {
                public void Require(Officer officer, SickPayCase @case)
                {
                    if (jav.HasConflict(officer, @case)) throw new InvalidOperationException("jäv");
                }

                public bool Allows(Officer officer, SickPayCase @case) => jav.IsImpartial(officer, @case);
            }

            class Handling(IJav jav, Impartiality impartiality)
            {
                Decision Throws(SickPayCase c, Officer o) { impartiality.Require(o, c); return jav.Decide(c, o); }
                Decision? Tested(SickPayCase c, Officer o) => impartiality.Allows(o, c) ? jav.Decide(c, o) : null;
                Decision? Inverted(SickPayCase c, Officer o) => impartiality.Allows(o, c) ? null : {|CASE030:jav.Decide(c, o)|};
            }
            """);

    [Fact]
    public Task An_audit_in_a_helper_of_another_class_covers_the_lookup()
        => Lookup.VerifyAnalyzerAsync(LookupModel.Source + """
            sealed class AuditTrail(AuditLog audit)
            {
                public void Record(Officer officer, string personnummer) => audit.Record(officer, personnummer, "case-handling");
                public void Maybe(Officer officer, string personnummer, bool on) { if (on) audit.Record(officer, personnummer, "case-handling"); }
            }

            class Desk(Registry registry, AuditTrail trail)
            {
                string? Covered(Officer officer, string pnr) { trail.Record(officer, pnr); return registry.Find(pnr)?.Name; }
                string? Partly(Officer officer, string pnr, bool on) { trail.Maybe(officer, pnr, on); return {|CASE010:registry.Find(pnr)|}?.Name; }
            }
            """);

    [Fact]
    public Task A_check_is_read_by_its_name_so_inverted_checks_are_reported()
        => Conflict.VerifyAnalyzerAsync(PaymentModel.Source + """
            sealed class Jav(IJav jav)
            {
                public bool PassesJavCheck(Officer officer, SickPayCase @case) => !jav.HasConflict(officer, @case);
            }

            class Handling(IJav jav, Jav check)
            {
                Decision? Right(SickPayCase c, Officer o) { if (!check.PassesJavCheck(o, c)) return null; return jav.Decide(c, o); }
                Decision? Inverted(SickPayCase c, Officer o) { if (check.PassesJavCheck(o, c)) return null; return {|CASE030:jav.Decide(c, o)|}; }
                Decision? InvertedDirect(SickPayCase c, Officer o) { if (jav.IsImpartial(o, c)) return null; return {|CASE030:jav.Decide(c, o)|}; }
                Decision? OnConflict(SickPayCase c, Officer o) => jav.HasConflict(o, c) ? {|CASE030:jav.Decide(c, o)|} : null;
                Decision? Conflict(SickPayCase c, Officer o) => jav.HasConflict(o, c) ? null : jav.Decide(c, o);
            }
            """);

    [Fact]
    public Task Debug_Assert_is_no_guard_because_release_builds_remove_it()
        => VerifyDualControlAsync("""
            class PayRun
            {
                void Pay(IPayments payments, Payment p)
                {
                    System.Diagnostics.Debug.Assert(p.IsAttested, "attested");
                    {|CASE022:payments.Disburse(p)|};
                }
            }
            """);

    [Fact]
    public Task A_guard_in_a_helper_guards_the_callers_object_it_was_given_and_not_another()
        => VerifyDualControlAsync("""
            static class Guards
            {
                public static void RequireAttested(Payment payment)
                {
                    if (!payment.IsAttested)
                    {
                        throw new InvalidOperationException("not attested");
                    }
                }

                public static bool CanRelease(Payment payment) => payment.IsAttested && payment.Amount > 0;
            }

            class Payout
            {
                void Same(IPayments payments, Payment p)
                {
                    Guards.RequireAttested(p);
                    payments.Disburse(p);
                }

                void Other(IPayments payments, Payment p, Payment previous)
                {
                    Guards.RequireAttested(previous);
                    {|CASE022:payments.Disburse(p)|};
                }

                void CheckedOther(IPayments payments, Payment p, Payment previous)
                {
                    if (Guards.CanRelease(previous))
                    {
                        {|CASE022:payments.Disburse(p)|};
                    }
                }

                void CheckedSame(IPayments payments, Payment p)
                {
                    if (Guards.CanRelease(p))
                    {
                        payments.Disburse(p);
                    }
                }

                void Loop(IPayments payments, List<Payment> batch, Payment first)
                {
                    foreach (var p in batch)
                    {
                        Guards.RequireAttested(first);
                        {|CASE022:payments.Disburse(p)|};
                    }
                }
            }
            """);

    [Fact]
    public Task A_conflict_check_of_another_case_does_not_cover_this_decision()
        => Conflict.VerifyAnalyzerAsync(PaymentModel.Source + """
            class Desk
            {
                Decision Same(IJav jav, Officer me, SickPayCase c)
                {
                    jav.EnsureImpartial(me, c);
                    return jav.Decide(c, me);
                }

                Decision Other(IJav jav, Officer me, SickPayCase c, SickPayCase previous)
                {
                    jav.EnsureImpartial(me, previous);
                    return {|CASE030:jav.Decide(c, me)|};
                }

                Decision Colleague(IJav jav, Officer me, Officer colleague, SickPayCase c)
                {
                    if (!jav.IsImpartial(colleague, c)) throw new InvalidOperationException("jäv");
                    return {|CASE030:jav.Decide(c, me)|};
                }

                Decision Helper(IJav jav, Officer me, SickPayCase c, SickPayCase previous)
                {
                    Check(jav, me, previous);
                    return {|CASE030:jav.Decide(c, me)|};
                }

                Decision HelperSame(IJav jav, Officer me, SickPayCase c)
                {
                    Check(jav, me, c);
                    return jav.Decide(c, me);
                }

                static void Check(IJav jav, Officer officer, SickPayCase @case)
                {
                    if (!jav.IsImpartial(officer, @case)) throw new InvalidOperationException("jäv");
                }
            }
            """);

    [Fact]
    public Task A_guard_helper_in_another_file_guards_and_one_that_guards_some_paths_does_not()
    {
        var test = new DualControl.Test
        {
            TestCode = """
                class Payout
                {
                    void Guarded(IPayments payments, Payment p)
                    {
                        Approvals.Require(p);
                        payments.Disburse(p);
                    }

                    void HalfGuarded(IPayments payments, Payment p, bool strict)
                    {
                        Approvals.RequireWhen(strict, p);
                        {|CASE022:payments.Disburse(p)|};
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("Model.cs", PaymentModel.Source));
        test.TestState.Sources.Add(("Approvals.cs", """
            static class Approvals
            {
                public static void Require(Payment p) => Check(p);
                public static void RequireWhen(bool strict, Payment p) { if (strict) Check(p); }
                static void Check(Payment p) { if (!p.IsAttested) throw new InvalidOperationException("not attested"); }
            }
            """));
        return test.RunAsync();
    }
}
