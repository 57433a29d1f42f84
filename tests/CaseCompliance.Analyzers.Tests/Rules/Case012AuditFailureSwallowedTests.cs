using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.LookupRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case012AuditFailureSwallowedTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(LookupModel.Source + source, expected);

    [Fact]
    public Task A_swallowed_audit_failure_before_returning_the_data_is_reported_on_the_audit()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Show(Officer o, string id)
                {
                    var p = {|#2:registry.Find(id)|};
                    try { {|#0:audit.Record(o, id, "case")|}; }
                    {|#1:catch|} (Exception) { audit.Note("audit down"); }
                    return p;
                }
            }
            """,
            Verify.Diagnostic("CASE012").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("AuditLog.Record", "Screen.Show", "Registry.Find"));

    [Fact]
    public Task A_lookup_after_the_try_or_stored_outside_it_is_still_used_and_is_one_finding()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                async Task<Person?> After(Officer o, string id)
                {
                    try { await {|CASE012:audit.RecordAsync(o, id, "case")|}; }
                    catch { }
                    return await registry.FindAsync(id); // unaudited when the audit failed: CASE012 says so, not also CASE010
                }

                Person? StoredOutside(Officer o, string id)
                {
                    Person? p = null;
                    try { p = registry.Find(id); {|CASE012:audit.Record(o, id, "case")|}; }
                    catch (InvalidOperationException) { }
                    return p;
                }
            }
            """);

    [Fact]
    public Task Rethrowing_throwing_or_unused_data_is_fine()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Rethrow(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception) { audit.Note("failed"); throw; }
                    return p;
                }

                Person? Wraps(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception e) { throw new InvalidOperationException("audit failed", e); }
                    return p;
                }

                void Unused(Officer o, string id)
                {
                    registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch { }
                }

                Person? InsideTry(Officer o, string id)
                {
                    try { var p = registry.Find(id); audit.Record(o, id, "case"); return p; }
                    catch { return null; }
                }

                Person? NotInTryBody(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Note("start"); }
                    catch { }
                    finally { audit.Record(o, id, "case"); }
                    return p;
                }
            }
            """);

    [Fact]
    public Task A_filtered_catch_swallows_what_it_lets_in_but_a_filter_that_never_does_swallows_nothing()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                bool strict;
                Person? Timeouts(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { {|CASE012:audit.Record(o, id, "case")|}; }
                    catch (Exception e) when (e is TimeoutException) { }
                    return p;
                }

                Person? OnlyWhenLax(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { {|CASE012:audit.Record(o, id, "case")|}; }
                    catch (Exception) when (!strict) { audit.Note("audit down"); }
                    return p;
                }

                Person? LogsInTheFilter(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception e) when (LogAndPass(e)) { }
                    return p;
                }

                Person? Never(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception) when (false) { }
                    return p;
                }

                bool LogAndPass(Exception e)
                {
                    audit.Note(e.Message);
                    return false;
                }
            }
            """);

    [Fact]
    public Task A_handler_that_rethrows_on_only_some_paths_swallows_on_the_others()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                bool strict;
                Person? Sometimes(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { {|CASE012:audit.Record(o, id, "case")|}; }
                    catch (Exception) { if (strict) throw; }
                    return p;
                }

                IEnumerable<Person> InALoop(Officer o, string[] ids)
                {
                    var found = new List<Person>();
                    foreach (var id in ids)
                    {
                        var p = registry.Find(id);
                        try { {|CASE012:audit.Record(o, id, "case")|}; }
                        catch (TimeoutException) { continue; }
                        catch (Exception) { throw; }
                        found.Add(p!);
                    }

                    return found;
                }
            }
            """);

    [Fact]
    public Task A_handler_that_ends_in_a_throw_helper_swallows_nothing()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Helper(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception e) { audit.Note("failed"); Fail(e); }
                    return p;
                }

                Person? Marked(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception e) { Guard.Stop(e); }
                    return p;
                }

                static void Fail(Exception e) => throw new InvalidOperationException("audit failed", e);
            }

            static class Guard
            {
                [System.Diagnostics.CodeAnalysis.DoesNotReturn]
                public static void Stop(Exception e) { Environment.FailFast(e.Message); throw e; }
            }
            """);

    [Fact]
    public Task A_handler_that_returns_without_the_data_swallows_nothing_that_matters()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                List<Person> shown = new();
                Person? ReturnsNull(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception) { audit.Note("audit down"); return null; }
                    return p;
                }

                Person? LookupAfter(Officer o, string id)
                {
                    try { audit.Record(o, id, "case"); }
                    catch { return null; }
                    return registry.Find(id);
                }

                void VoidReturn(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch { return; }
                    shown.Add(p!);
                }
            }
            """);

    [Fact]
    public Task A_handler_that_returns_the_data_or_data_already_used_before_the_audit_is_reported()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                List<Person> shown = new();
                Person? ReturnsIt(Officer o, string id)
                {
                    var p = {|#2:registry.Find(id)|};
                    try { {|#0:audit.Record(o, id, "case")|}; }
                    {|#1:catch|} (Exception) { return p; }
                    return p;
                }

                Person? AlreadyShown(Officer o, string id)
                {
                    var p = registry.Find(id);
                    shown.Add(p!);
                    try { {|CASE012:audit.Record(o, id, "case")|}; }
                    catch (Exception) { return null; }
                    return p;
                }

                void PassedOnDirectly(Officer o, string id)
                {
                    shown.Add(registry.Find(id)!);
                    try { {|CASE012:audit.Record(o, id, "case")|}; }
                    catch { return; }
                }
            }
            """,
            Verify.Diagnostic("CASE012").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("AuditLog.Record", "Screen.ReturnsIt", "Registry.Find"));
}
