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
                    var p = registry.Find(id);
                    try { {|#0:audit.Record(o, id, "case")|}; }
                    catch (Exception) { audit.Note("audit down"); }
                    return p;
                }
            }
            """,
            Verify.Diagnostic("CASE012").WithLocation(0).WithArguments("AuditLog.Record", "Screen.Show", "Registry.Find"));

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
    public Task Rethrowing_throwing_filtered_or_unused_data_is_fine()
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

                Person? Filtered(Officer o, string id)
                {
                    var p = registry.Find(id);
                    try { audit.Record(o, id, "case"); }
                    catch (Exception e) when (e is TimeoutException) { }
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
}
