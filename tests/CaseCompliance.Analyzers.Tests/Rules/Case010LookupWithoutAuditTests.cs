using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.LookupRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case010LookupWithoutAuditTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(LookupModel.Source + source, expected);

    [Fact]
    public Task A_lookup_with_no_audit_is_reported_on_the_call_with_the_symbols_in_the_message()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                Person? Show(string id) => {|#0:registry.Find(id)|};
            }
            """,
            Verify.Diagnostic("CASE010").WithLocation(0).WithArguments("Registry.Find", "Screen.Show"));

    [Fact]
    public Task An_audit_before_or_after_the_lookup_covers_it()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Before(Officer o, string id) { audit.Record(o, id, "case"); return registry.Find(id); }
                Person? After(Officer o, string id) { var p = registry.Find(id); audit.Record(o, id, "case"); return p; }
                Person? Nested(Officer o, string id) { var p = registry.Find(id); audit.Note(p?.Name ?? ""); audit.Record(o, id, "case"); return p; }
            }
            """);

    [Fact]
    public Task An_audit_of_another_person_does_not_cover_the_lookup()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                (Person?, Person?) Pair(Officer o, string a, string b)
                {
                    audit.Record(o, a, "case");
                    return (registry.Find(a), {|CASE010:registry.Find(b)|});
                }

                Person? Unknown(Officer o, SearchRequest r, Person known)
                {
                    audit.Record(o, known.Personnummer, "case"); // cannot tell: counts
                    return registry.Find(r.Personnummer);
                }
            }
            """);

    [Fact]
    public Task An_audit_in_one_branch_only_leaves_the_other_path_uncovered()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? OneBranch(Officer o, string id, bool careful)
                {
                    var p = {|CASE010:registry.Find(id)|};
                    if (careful) { audit.Record(o, id, "case"); } else { audit.Note("skipped"); }
                    return p;
                }

                Person? BothBranches(Officer o, string id, bool careful)
                {
                    var p = registry.Find(id);
                    if (careful) { audit.Record(o, id, "careful"); } else { audit.Record(o, id, "quick"); }
                    return p;
                }
            }
            """);

    [Fact]
    public Task Switch_statements_and_expressions_need_the_audit_on_every_arm()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Statement(Officer o, string id, int kind)
                {
                    var p = {|CASE010:registry.Find(id)|};
                    switch (kind)
                    {
                        case 1: audit.Record(o, id, "one"); break;
                        case 2: audit.Record(o, id, "two"); break;
                        default: break;
                    }
                    return p;
                }

                Person? Expression(Officer o, string id, int kind)
                {
                    audit.Record(o, id, "any");
                    return kind switch { 1 => registry.Find(id), _ => null };
                }

                Person? UnauditedArm(Officer o, string id, int kind) => kind switch
                {
                    1 => {|CASE010:registry.Find(id)|},
                    _ => null,
                };
            }
            """);

    [Fact]
    public Task An_early_return_before_the_audit_is_an_uncovered_path_but_a_throw_is_not()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? EarlyReturn(Officer o, string id)
                {
                    var p = {|CASE010:registry.Find(id)|};
                    if (p is null) return null;
                    audit.Record(o, id, "case");
                    return p;
                }

                Person Throws(Officer o, string id)
                {
                    var p = registry.Find(id) ?? throw new InvalidOperationException("not found");
                    if (p.Name.Length == 0) throw new InvalidOperationException("no name");
                    audit.Record(o, id, "case");
                    return p;
                }
            }
            """);

    [Fact]
    public Task Loops_may_run_zero_times()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                List<Person?> AuditInLoop(Officer o, List<string> ids)
                {
                    var list = new List<Person?>();
                    foreach (var id in ids) { list.Add(registry.Find(id)); audit.Record(o, id, "batch"); }
                    return list;
                }

                Person? AuditOnlyInLoop(Officer o, string id, List<string> reasons)
                {
                    var p = {|CASE010:registry.Find(id)|};
                    for (var i = 0; i < reasons.Count; i++) { audit.Record(o, id, reasons[i]); }
                    return p;
                }

                Person? LookupInLoopAuditAfter(Officer o, string id)
                {
                    Person? p = null;
                    while (p is null) { p = registry.Find(id); }
                    audit.Record(o, id, "retry");
                    return p;
                }
            }
            """);

    [Fact]
    public Task An_audit_in_finally_covers_the_body_and_using_is_transparent()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Finally(Officer o, string id)
                {
                    try { return registry.Find(id); }
                    finally { audit.Record(o, id, "case"); }
                }

                Person? ConditionalFinally(Officer o, string id, bool b)
                {
                    try { return {|CASE010:registry.Find(id)|}; }
                    finally { if (b) audit.Record(o, id, "case"); }
                }

                Person? Using(Officer o, string id)
                {
                    using (var stream = new System.IO.MemoryStream())
                    {
                        audit.Record(o, id, "case");
                        return registry.Find(id);
                    }
                }

                Person? UsingDeclaration(string id)
                {
                    using var stream = new System.IO.MemoryStream();
                    return {|CASE010:registry.Find(id)|};
                }

                Person? TryCatch(Officer o, string id)
                {
                    try { var p = registry.Find(id); audit.Record(o, id, "case"); return p; }
                    catch (InvalidOperationException) { return {|CASE010:registry.Find("fallback")|}; }
                }
            }
            """);

    [Fact]
    public Task Await_and_async_methods()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                async Task<Person?> Audited(Officer o, string id)
                {
                    var p = await registry.FindAsync(id);
                    await audit.RecordAsync(o, id, "case");
                    return p;
                }

                async Task<Person?> Unaudited(string id)
                {
                    await Task.Yield();
                    return await {|CASE010:registry.FindAsync(id)|};
                }
            }
            """);

    [Fact]
    public Task Iterators_with_yield_return()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                IEnumerable<string> Unaudited(string name)
                {
                    foreach (var p in {|CASE010:registry.Search(name)|}) yield return p.Name;
                }

                IEnumerable<string> Audited(Officer o, string name)
                {
                    audit.Record(o, name, "search");
                    foreach (var p in registry.Search(name)) yield return p.Name;
                }
            }
            """);

    [Fact]
    public Task Lambdas_are_bodies_of_their_own()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                void Run(Officer o, string id)
                {
                    audit.Record(o, id, "outer");
                    Func<string, Person?> unaudited = x => {|CASE010:registry.Find(x)|};
                    Func<string, Person?> audited = x => { audit.Record(o, x, "inner"); return registry.Find(x); };
                }
            }
            """);

    [Fact]
    public Task Local_functions_are_bodies_of_their_own_and_summarized_when_called()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? CallsAuditingLocal(Officer o, string id)
                {
                    var p = registry.Find(id);
                    Audit();
                    return p;

                    void Audit() => audit.Record(o, id, "case");
                }

                Person? CallsHalfAuditingLocal(Officer o, string id, bool b)
                {
                    var p = {|CASE010:registry.Find(id)|};
                    Maybe();
                    return p;

                    void Maybe() { if (b) audit.Record(o, id, "case"); }
                }

                Person? LookupInLocal(string id)
                {
                    return Inner(id);
                    Person? Inner(string x) => {|CASE010:registry.Find(x)|};
                }
            }
            """);

    [Fact]
    public Task Helpers_of_the_same_type_are_summarized_across_partial_files_and_virtual_ones_with_one_implementation()
    {
        var test = new Verify.Test
        {
            TestCode = LookupModel.Source + """
                partial class Screen
                {
                    Registry registry = new();
                    Person? ViaHelper(Officer o, string id) { var p = registry.Find(id); AuditLookup(o, id); return p; }
                    Person? ViaVirtual(Officer o, string id) { var p = registry.Find(id); Hook(o, id); return p; }
                    Person? ViaOverridden(Officer o, string id) { var p = {|CASE010:registry.Find(id)|}; Overridden(o, id); return p; }
                    Person? ViaPartialHalf(Officer o, string id) { var p = {|CASE010:registry.Find(id)|}; Sometimes(o, id); return p; }
                    protected virtual void Hook(Officer o, string id) => audit.Record(o, id, "hook"); // one implementation in source
                    protected virtual void Overridden(Officer o, string id) => audit.Record(o, id, "hook");
                }

                class QuietScreen : Screen
                {
                    protected override void Overridden(Officer o, string id) { } // a second implementation that does not audit
                }
                """,
        };
        test.TestState.Sources.Add(("Screen.Audit.cs", """
            partial class Screen
            {
                AuditLog audit = new();
                private void AuditLookup(Officer o, string id) { if (id.Length > 0) audit.Record(o, id, "a"); else audit.Record(o, id, "b"); }
                private void Sometimes(Officer o, string id) { if (id.Length > 0) audit.Record(o, id, "a"); }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task A_lookup_method_passes_the_duty_to_its_callers()
        => VerifyAsync("""
            class CachedRegistry
            {
                Registry registry = new();
                [PersonLookup]
                public Person? Find([Subject] string id) => registry.Find(id);
            }

            class Screen
            {
                CachedRegistry cache = new();
                AuditLog audit = new();
                Person? Show(string id) => {|CASE010:cache.Find(id)|};
                Person? Audited(Officer o, string id) { audit.Record(o, id, "case"); return cache.Find(id); }
            }
            """);

    [Fact]
    public Task Interface_and_override_roles_are_inherited()
        => VerifyAsync("""
            public interface IRegistry { [PersonLookup] Person? Get([Subject] string id); }
            public class SqlRegistry : IRegistry { public Person? Get(string id) => null; }
            public abstract class AuditBase { [LookupAudit] public abstract void Log(Officer o, [Subject] string id); }
            public class FileAudit : AuditBase { public override void Log(Officer o, string id) { } }

            class Screen
            {
                Person? Concrete(SqlRegistry r, string id) => {|CASE010:r.Get(id)|};
                Person? ViaInterface(IRegistry r, string id) => {|CASE010:r.Get(id)|};
                Person? Audited(SqlRegistry r, FileAudit a, Officer o, string id) { a.Log(o, id); return r.Get(id); }
            }
            """);

    [Fact]
    public Task Annotations_from_a_referenced_assembly_are_read_from_metadata()
    {
        var library = Verifiers.TestSetup.CompileLibrary("Folkbokforing", """
            using CaseCompliance;
            namespace Folkbokforing
            {
                public class Client { [PersonLookup] public string? Address([Subject] string personnummer) => null; }
                public class Trail { [LookupAudit] public void Log([Subject] string personnummer) { } }
            }
            """);
        var test = new Verify.Test
        {
            TestCode = """
                using Folkbokforing;
                class Screen
                {
                    string? Unaudited(Client c, string id) => {|CASE010:c.Address(id)|};
                    string? Audited(Client c, Trail t, string id) { t.Log(id); return c.Address(id); }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        return test.RunAsync();
    }

    [Fact]
    public Task One_diagnostic_per_call_however_many_paths_are_uncovered()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Many(Officer o, string id, int a, int b)
                {
                    var p = {|CASE010:registry.Find(id)|};
                    if (a > 1) return p;
                    if (b > 1) return null;
                    for (var i = 0; i < a; i++) { if (i == b) return p; }
                    var q = {|CASE010:registry.Find(id + "x")|};
                    return q;
                }
            }
            """);

    [Fact]
    public Task Other_calls_and_generated_code_are_not_reported()
    {
        var test = new Verify.Test
        {
            TestCode = LookupModel.Source + """
                class Screen
                {
                    Registry registry = new();
                    int Count() => registry.Count();
                }
                """,
        };
        test.TestState.Sources.Add(("Generated.g.cs", """
            class Generated
            {
                Registry registry = new();
                Person? Show(string id) => registry.Find(id);
            }
            """));
        return test.RunAsync();
    }
}
