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

    private static Task VerifyOwnModelAsync(string model, string source, string fixedSource)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = "CASE010.InsertCoverCall",
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow; // a lookup the fix cannot audit stays a finding
        test.TestState.Sources.Add(("Model.cs", model));
        test.FixedState.Sources.Add(("Model.cs", model));
        return test.RunAsync();
    }

    private const string Usings = """
        global using System;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using CaseCompliance;

        public record Person(string Personnummer, string Name);
        public record Officer(string Id);

        """;

    [Fact]
    public Task A_static_audit_of_another_type_is_called_through_its_type_with_its_namespace_imported()
        => VerifyOwnModelAsync(Usings + """
            namespace Agency.Audit
            {
                public static class AuditTrail
                {
                    [LookupAudit] public static void Record(Officer officer, [Subject] string personnummer, string reason) { }
                }
            }

            public class Registry { [PersonLookup] public Person? Find([Subject] string personnummer) => null; }
            """, """
            class Screen
            {
                Registry registry = new();
                Person? Show(Officer officer, string id) => {|CASE010:registry.Find(id)|};
            }
            """, """
            using Agency.Audit;

            class Screen
            {
                Registry registry = new();
                Person? Show(Officer officer, string id)
                {
                    AuditTrail.Record(officer, id, nameof(Show));
                    return registry.Find(id);
                }
            }
            """);

    [Fact]
    public Task An_extension_audit_on_a_service_in_scope_is_called_as_an_extension()
        => VerifyOwnModelAsync(Usings + """
            public interface IAuditSink { void Write(string line); }

            public static class AuditExtensions
            {
                [LookupAudit] public static void RecordLookup(this IAuditSink sink, Officer officer, [Subject] string personnummer, string reason) { }
            }

            public class Registry { [PersonLookup] public Person? Find([Subject] string personnummer) => null; }
            """, """
            class Screen(IAuditSink sink, Registry registry)
            {
                Person? Show(Officer officer, string id)
                {
                    return {|CASE010:registry.Find(id)|};
                }
            }
            """, """
            class Screen(IAuditSink sink, Registry registry)
            {
                Person? Show(Officer officer, string id)
                {
                    sink.RecordLookup(officer, id, nameof(Show));
                    return registry.Find(id);
                }
            }
            """);

    [Fact]
    public Task The_audit_whose_subject_type_and_name_fit_the_lookup_is_preferred()
        => VerifyOwnModelAsync(Usings + """
            public class AuditLog
            {
                [LookupAudit] public void RecordCase(Officer officer, [Subject] Guid caseId, string reason) { }
                [LookupAudit] public void RecordPerson(Officer officer, [Subject] string subject, string reason) { }
                [LookupAudit] public void RecordLookup(Officer officer, [Subject] string personnummer, string reason) { }
            }

            public class Registry { [PersonLookup] public Person? Find([Subject] string personnummer) => null; }
            """, """
            class Screen(AuditLog audit, Registry registry)
            {
                Person? Show(Officer officer, string id) => {|CASE010:registry.Find(id)|};
            }
            """, """
            class Screen(AuditLog audit, Registry registry)
            {
                Person? Show(Officer officer, string id)
                {
                    audit.RecordLookup(officer, id, nameof(Show));
                    return registry.Find(id);
                }
            }
            """);

    [Fact]
    public Task A_value_object_subject_passes_its_value_and_a_request_object_its_subject_member()
        => VerifyOwnModelAsync(Usings + """
            public readonly record struct Personnummer(string Value);
            public record LookupRequest([Subject] string Personnummer, string Reason);

            public class AuditLog
            {
                [LookupAudit] public void Record(Officer officer, [Subject] string personnummer, string reason) { }
            }

            public class Registry
            {
                [PersonLookup] public Person? Find([Subject] Personnummer personnummer) => null;
                [PersonLookup] public Person? Find(LookupRequest request) => null;
            }
            """, """
            class Screen(AuditLog audit, Registry registry)
            {
                Person? ByValue(Officer officer, Personnummer pnr) => {|CASE010:registry.Find(pnr)|};
                Person? ByRequest(Officer officer, LookupRequest request) => {|CASE010:registry.Find(request)|};
            }
            """, """
            class Screen(AuditLog audit, Registry registry)
            {
                Person? ByValue(Officer officer, Personnummer pnr)
                {
                    audit.Record(officer, pnr.Value, nameof(ByValue));
                    return registry.Find(pnr);
                }
                Person? ByRequest(Officer officer, LookupRequest request)
                {
                    audit.Record(officer, request.Personnummer, request.Reason);
                    return registry.Find(request);
                }
            }
            """);

    [Fact]
    public Task The_staff_member_and_reason_come_from_members_of_fields_in_scope()
        => VerifyOwnModelAsync(Usings + """
            public interface ICurrentUser { string Name { get; } string StaffId { get; } }

            public class AuditLog
            {
                [LookupAudit] public Task RecordAsync(string staffId, [Subject] string personnummer, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public class Registry { [PersonLookup] public Task<Person?> FindAsync([Subject] string personnummer) => Task.FromResult<Person?>(null); }
            """, """
            class Screen(AuditLog audit, Registry registry, ICurrentUser currentUser)
            {
                async Task<Person?> Show(string personnummer, string purpose, CancellationToken cancellationToken)
                    => await {|CASE010:registry.FindAsync(personnummer)|};
            }
            """, """
            class Screen(AuditLog audit, Registry registry, ICurrentUser currentUser)
            {
                async Task<Person?> Show(string personnummer, string purpose, CancellationToken cancellationToken)
                {
                    await audit.RecordAsync(currentUser.StaffId, personnummer, purpose, cancellationToken);
                    return await registry.FindAsync(personnummer);
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_subject_type_does_not_fit_or_no_staff_member_is_in_scope_and_a_staff_id_from_the_officer()
    {
        const string model = Usings + """
            public class AuditLog
            {
                [LookupAudit] public void RecordCase(Officer officer, [Subject] Guid caseId, string reason) { }
            }

            public class StaffAudit
            {
                [LookupAudit] public void Record(string staffId, [Subject] string personnummer, string reason) { }
            }

            public class Registry { [PersonLookup] public Person? Find([Subject] string personnummer) => null; }
            """;
        const string source = """
            class ByCase(AuditLog audit, Registry registry)
            {
                Person? Show(Officer officer, string id) => {|CASE010:registry.Find(id)|}; // a Guid subject cannot take a personnummer
            }

            class Nobody(StaffAudit staff, Registry registry)
            {
                Person? Anonymous(string id) => {|CASE010:registry.Find(id)|}; // no staff member in scope to record
            }

            class ByOfficer(StaffAudit staff, Registry registry)
            {
                Person? Show(Officer officer, string id) => {|CASE010:registry.Find(id)|};
            }
            """;
        return VerifyOwnModelAsync(model, source, """
            class ByCase(AuditLog audit, Registry registry)
            {
                Person? Show(Officer officer, string id) => {|CASE010:registry.Find(id)|}; // a Guid subject cannot take a personnummer
            }

            class Nobody(StaffAudit staff, Registry registry)
            {
                Person? Anonymous(string id) => {|CASE010:registry.Find(id)|}; // no staff member in scope to record
            }

            class ByOfficer(StaffAudit staff, Registry registry)
            {
                Person? Show(Officer officer, string id)
                {
                    staff.Record(officer.Id, id, nameof(Show));
                    return registry.Find(id);
                }
            }
            """);
    }
}
