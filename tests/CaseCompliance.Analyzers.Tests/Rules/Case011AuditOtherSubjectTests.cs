using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.LookupRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case011AuditOtherSubjectTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(LookupModel.Source + source, expected);

    [Fact]
    public Task Another_parameter_is_reported_on_the_audit_with_both_subjects_in_the_message()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Show(Officer o, string id, string other)
                {
                    {|#0:audit.Record(o, other, "case")|};
                    return {|#1:registry.Find(id)|}; // an audit of someone else does not cover it: CASE011 says so, not also CASE010
                }
            }
            """,
            Verify.Diagnostic("CASE011").WithLocation(0).WithLocation(1).WithArguments("AuditLog.Record", "other", "Registry.Find", "id"));

    [Fact]
    public Task Constants_null_and_empty_strings_are_another_person()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Empty(Officer o, string id) { {|CASE011:audit.Record(o, "", "case")|}; return registry.Find(id); }
                Person? Null(Officer o, string id) { {|CASE011:audit.Record(o, null!, "case")|}; return registry.Find(id); }
                Person? StringEmpty(Officer o, string id) { {|CASE011:audit.Record(o, string.Empty, "case")|}; return registry.Find(id); }
                Person? Literal(Officer o, string id) { {|CASE011:audit.Record(o, "19121212-1212", "case")|}; return registry.Find(id); }
                Person? CopyOfOther(Officer o, string id, string other) { var x = other; {|CASE011:audit.Record(o, x, "case")|}; return registry.Find(id); }
                Person? FreshLocal(Officer o, string id) { var next = Guid.NewGuid().ToString(); {|CASE011:audit.Record(o, next, "case")|}; return registry.Find(id); }
            }
            """);

    [Fact]
    public Task The_same_variable_member_chain_or_a_copy_is_fine()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                Person? Same(Officer o, string id) { audit.Record(o, id, "case"); return registry.Find(id); }
                Person? Chain(SearchRequest r) { audit.Record(r.Officer, r.Personnummer, r.Reason); return registry.Find(r.Personnummer); }
                Person? Copy(SearchRequest r)
                {
                    var id = r.Personnummer;
                    audit.Record(r.Officer, r.Personnummer, r.Reason);
                    return registry.Find(id);
                }

                Person? CopyOfParameter(Officer o, string id) { var same = id; audit.Record(o, same, "case"); return registry.Find(id); }
                Person? SameConstant(Officer o) { audit.Record(o, "19121212-1212", "demo"); return registry.Find("19121212-1212"); }
            }
            """);

    [Fact]
    public Task What_cannot_be_compared_is_not_reported()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                string Normalize(string s) => s.Trim();
                Person? Call(Officer o, string id) { audit.Record(o, Normalize(id), "case"); return registry.Find(id); }
                Person? Chains(SearchRequest r, Person p) { audit.Record(r.Officer, p.Personnummer, "case"); return registry.Find(r.Personnummer); }
                Person? Reassigned(Officer o, string id) { var x = "a"; x = id; audit.Record(o, x, "case"); return registry.Find(id); }
                Person? Derived(Officer o, string id) { var x = id + "1"; audit.Record(o, x, "case"); return registry.Find(id); }
            }
            """);

    [Fact]
    public Task An_audit_that_matches_any_lookup_of_the_body_is_fine_and_bodies_are_separate()
        => VerifyAsync("""
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                (Person?, Person?) Two(Officer o, string a, string b)
                {
                    audit.Record(o, a, "case");
                    audit.Record(o, b, "case");
                    return (registry.Find(a), registry.Find(b));
                }

                Func<string, Person?> Lambda(Officer o, string outer)
                {
                    audit.Record(o, outer, "no lookup in this body");
                    return x => { {|CASE011:audit.Record(o, outer, "case")|}; return registry.Find(x); };
                }
            }
            """);

    private const string RequestModel = """
        public record LookupRequest([Subject] string Personnummer, string Reason);
        public class ByRequest
        {
            [PersonLookup] public Person? Find(LookupRequest request) => null;
        }

        public class AuditEntry
        {
            public Officer Officer { get; init; } = new("");
            [Subject] public string Personnummer { get; init; } = "";
            public string Reason { get; init; } = "";
        }

        public class EntryLog
        {
            [LookupAudit] public void Write(AuditEntry entry) { }
        }

        """;

    [Fact]
    public Task A_subject_on_a_property_of_a_parameters_type_is_compared_through_the_object()
        => VerifyAsync(RequestModel + """
            class Screen
            {
                ByRequest registry = new();
                AuditLog audit = new();
                EntryLog entries = new();
                Person? Created(Officer o, string id, string spouse)
                {
                    {|#0:audit.Record(o, spouse, "case")|};
                    return {|#1:registry.Find(new LookupRequest(id, "case"))|};
                }

                Person? EntryForAnother(Officer o, string id, string spouse)
                {
                    {|CASE011:entries.Write(new AuditEntry { Officer = o, Personnummer = spouse })|};
                    return new Registry().Find(id);
                }

                Person? EntryConstant(Officer o, LookupRequest request)
                {
                    {|CASE011:entries.Write(new AuditEntry { Officer = o, Personnummer = "" })|};
                    return registry.Find(request);
                }
            }
            """,
            Verify.Diagnostic("CASE011").WithLocation(0).WithLocation(1).WithArguments("AuditLog.Record", "spouse", "ByRequest.Find", "id"));

    [Fact]
    public Task The_same_person_through_a_request_object_is_fine_and_covers()
        => VerifyAsync(RequestModel + """
            class Screen
            {
                ByRequest registry = new();
                AuditLog audit = new();
                EntryLog entries = new();
                Person? Member(Officer o, LookupRequest request)
                {
                    audit.Record(o, request.Personnummer, request.Reason);
                    return registry.Find(request);
                }

                Person? Local(Officer o, string id)
                {
                    var request = new LookupRequest(id, "case");
                    audit.Record(o, id, "case");
                    return registry.Find(request);
                }

                Person? Entry(Officer o, string id)
                {
                    var entry = new AuditEntry { Officer = o, Personnummer = id };
                    entries.Write(entry);
                    return new Registry().Find(id);
                }

                Person? BothObjects(Officer o, LookupRequest request)
                {
                    entries.Write(new AuditEntry { Officer = o, Personnummer = request.Personnummer });
                    return registry.Find(request);
                }

                Person? Unknown(Officer o, LookupRequest request, string id)
                {
                    audit.Record(o, id, "case"); // may be the same person: silent
                    return registry.Find(request);
                }
            }
            """);
}
