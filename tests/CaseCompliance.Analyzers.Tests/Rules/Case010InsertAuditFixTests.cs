using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.LookupRules, CaseCompliance.CodeFixes.Rules.InsertCoverCallFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case010InsertAuditFixTests
{
    private static Task VerifyFixAsync(string source, string fixedSource, int fixAllInDocumentIterations = 1)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = "CASE010.InsertCoverCall",
            NumberOfFixAllInDocumentIterations = fixAllInDocumentIterations,
        };
        test.TestState.Sources.Add(("Model.cs", LookupModel.Source));
        test.FixedState.Sources.Add(("Model.cs", LookupModel.Source));
        return test.RunAsync();
    }

    [Fact]
    public Task Inserts_the_audit_before_the_lookup_statement_with_staff_subject_and_reason()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Screen
                {
                    private readonly Registry registry = new();
                    private readonly AuditLog audit = new();

                    public Person? Show(Officer officer, string personnummer)
                    {
                        var person = {|CASE010:registry.Find(personnummer)|};
                        return person;
                    }
                }
                """,
            FixedCode = """
                class Screen
                {
                    private readonly Registry registry = new();
                    private readonly AuditLog audit = new();

                    public Person? Show(Officer officer, string personnummer)
                    {
                        audit.Record(officer, personnummer, nameof(Show));
                        var person = registry.Find(personnummer);
                        return person;
                    }
                }
                """,
            CodeActionEquivalenceKey = "CASE010.InsertCoverCall",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Record the lookup with 'AuditLog.Record' (UPP-SOKNINGAR Uppdraget: uppsikt över medarbetarnas sökningar)", action.Title),
        };
        test.TestState.Sources.Add(("Model.cs", LookupModel.Source));
        test.FixedState.Sources.Add(("Model.cs", LookupModel.Source));
        return test.RunAsync();
    }

    [Fact]
    public Task An_expression_bodied_member_becomes_a_block_and_a_reason_in_scope_is_used()
        => VerifyFixAsync("""
            class Screen
            {
                Registry registry = new();
                Person? Show(AuditLog log, Officer me, string id, string reason) => {|CASE010:registry.Find(id)|};
            }
            """, """
            class Screen
            {
                Registry registry = new();
                Person? Show(AuditLog log, Officer me, string id, string reason)
                {
                    log.Record(me, id, reason);
                    return registry.Find(id);
                }
            }
            """);

    [Fact]
    public Task Async_bodies_await_an_async_audit_and_embedded_statements_get_a_block()
        => VerifyFixAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                async Task<Person?> Show(SearchRequest request, bool quick)
                {
                    if (quick)
                        return await {|CASE010:registry.FindAsync(request.Personnummer)|};
                    return null;
                }
            }
            """, """
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                async Task<Person?> Show(SearchRequest request, bool quick)
                {
                    if (quick)
                    {
                        await audit.RecordAsync(request.Officer, request.Personnummer, request.Reason);
                        return await registry.FindAsync(request.Personnummer);
                    }
                    return null;
                }
            }
            """);

    [Fact]
    public Task Lambdas_get_the_audit_in_their_own_body()
        => VerifyFixAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Func<string, Person?> Finder(Officer officer) => id => {|CASE010:registry.Find(id)|};
            }
            """, """
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Func<string, Person?> Finder(Officer officer) => id =>
                {
                    audit.Record(officer, id, nameof(Finder));
                    return registry.Find(id);
                };
            }
            """);

    [Fact]
    public Task No_fix_without_an_audit_service_in_scope()
    {
        const string source = """
            class Screen
            {
                Registry registry = new();
                Person? Show(string id) => {|CASE010:registry.Find(id)|};
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.TestState.Sources.Add(("Model.cs", LookupModel.Source));
        test.FixedState.Sources.Add(("Model.cs", LookupModel.Source));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_audits_each_subject_once_per_statement_across_documents()
    {
        var test = new Verify.Test
        {
            CodeActionEquivalenceKey = "CASE010.InsertCoverCall",
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("Model.cs", LookupModel.Source));
        test.TestState.Sources.Add(("A.cs", """
            class A
            {
                Registry registry = new();
                AuditLog audit = new();
                (Person?, Person?) Pair(Officer officer, string a, string b) => ({|CASE010:registry.Find(a)|}, {|CASE010:registry.Find(b)|});
                Person? Twice(Officer officer, string id)
                {
                    var first = {|CASE010:registry.Find(id)|} ?? {|CASE010:registry.Find(id)|};
                    return first;
                }
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            class B
            {
                Registry registry = new();
                Person? One(AuditLog audit, Officer officer, string id) => {|CASE010:registry.Find(id)|};
            }
            """));
        test.FixedState.Sources.Add(("Model.cs", LookupModel.Source));
        test.FixedState.Sources.Add(("A.cs", """
            class A
            {
                Registry registry = new();
                AuditLog audit = new();
                (Person?, Person?) Pair(Officer officer, string a, string b)
                {
                    audit.Record(officer, a, nameof(Pair));
                    audit.Record(officer, b, nameof(Pair));
                    return (registry.Find(a), registry.Find(b));
                }
                Person? Twice(Officer officer, string id)
                {
                    audit.Record(officer, id, nameof(Twice));
                    var first = registry.Find(id) ?? registry.Find(id);
                    return first;
                }
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            class B
            {
                Registry registry = new();
                Person? One(AuditLog audit, Officer officer, string id)
                {
                    audit.Record(officer, id, nameof(One));
                    return registry.Find(id);
                }
            }
            """));
        return test.RunAsync();
    }
}
