using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.RulesFile;
using CaseCompliance.Analyzers.Tests.Verifiers;
using static CaseCompliance.Analyzers.Tests.RulesFile.RulesFileTestSupport;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>
/// Meanings set by the rules file alone, on code without a single annotation: documentation comment IDs with
/// wildcards, namespaces and assemblies, exclusions, parameters and return values, generic and nested types,
/// overloads, custom purposes and categories with their default purposes, and several files merged.
/// </summary>
public class RulesFileMeaningTests
{
    private const string Crm = """
        namespace Legacy.Crm
        {
            public class Customer
            {
                public string CustomerNumber { get; set; } = "";
                public string Email { get; set; } = "";
                public string Phone { get; set; } = "";
                public string Segment = "";
            }

            namespace Archive { public class OldCustomer { public string Personnummer { get; set; } = ""; } }
        }
        """;

    [Fact]
    public Task A_wildcard_in_the_member_name_selects_every_property_and_except_leaves_one_out() => VerifyAsync<PurposeRules>(Crm + """

        class Mail
        {
            string Send(Legacy.Crm.Customer c) => {|CASE001:c.Email|} + {|CASE001:c.Phone|} + c.CustomerNumber + c.Segment;
        }
        """, """
        {
          "symbols": [
            { "id": "P:Legacy.Crm.Customer.*", "except": [ "P:Legacy.Crm.Customer.CustomerNumber" ], "personalData": "contact" }
          ]
        }
        """);

    [Fact]
    public Task A_type_entry_covers_its_properties_and_fields_except_what_it_excludes() => VerifyAsync<PurposeRules>(Crm + """

        class Mail
        {
            string Send(Legacy.Crm.Customer c) => {|CASE001:c.Email|} + {|CASE001:c.Phone|} + c.CustomerNumber + {|CASE001:c.Segment|};
        }
        """, """
        { "symbols": [ { "id": "T:Legacy.Crm.Customer", "except": [ "P:Legacy.Crm.Customer.CustomerNumber" ], "personalData": { "category": "contact" } } ] }
        """);

    [Fact]
    public Task A_namespace_entry_covers_its_types_and_their_sub_namespaces_and_purposes_on_a_namespace_are_in_scope() => VerifyAsync<PurposeRules>(Crm + """

        namespace Support.Desk
        {
            class Ticket { string Who(Legacy.Crm.Customer c, Legacy.Crm.Archive.OldCustomer o) => c.Email + o.Personnummer; }
        }

        namespace Support.Reports
        {
            class Weekly { string Who(Legacy.Crm.Customer c) => {|CASE001:c.Email|}; }
        }
        """, """
        {
          "purposes": { "user-support": "answering a citizen's support request" },
          "symbols": [
            { "id": "N:Legacy.Crm", "personalData": "identity" },
            { "id": "N:Support.Desk", "processingPurposes": [ "user-support" ] }
          ]
        }
        """);

    [Fact]
    public Task An_assembly_entry_declares_the_purpose_of_the_whole_project() => VerifyAsync<PurposeRules>(Crm + """

        class Mail { string Send(Legacy.Crm.Customer c) => c.Email; }
        """, """
        { "symbols": [ { "id": "P:Legacy.Crm.Customer.Email", "personalData": "contact" }, { "id": "A:TestProject", "processingPurposes": [ "case-handling" ] } ] }
        """);

    [Fact]
    public Task Methods_by_wildcard_and_parameters_by_name_or_by_hash_make_lookups_and_audits() => VerifyAsync<LookupRules>("""
        namespace Legacy.Search
        {
            public class Person { }
            public class PersonFinder
            {
                public Person? FindByPersonnummer(string pnr) => null;
                public Person? FindByName(string first, string last) => null;
                public void Dispose() { }
            }
        }

        namespace Legacy.Audit
        {
            public class AuditWriter { public void WriteAccess(string staffId, string personnummer, string reason) { } }
        }

        class Screen
        {
            Legacy.Search.Person? Unaudited(Legacy.Search.PersonFinder f, string pnr) => {|CASE010:f.FindByPersonnummer(pnr)|};

            Legacy.Search.Person? Audited(Legacy.Search.PersonFinder f, Legacy.Audit.AuditWriter a, string staff, string pnr)
            {
                a.WriteAccess(staff, pnr, "support ticket");
                return f.FindByPersonnummer(pnr);
            }

            Legacy.Search.Person? OtherPerson(Legacy.Search.PersonFinder f, Legacy.Audit.AuditWriter a, string staff, string pnr)
            {
                {|CASE011:a.WriteAccess(staff, "199001011234", "support ticket")|};
                return f.FindByPersonnummer(pnr); // CASE011 on the audit, not also CASE010
            }

            void NotALookup(Legacy.Search.PersonFinder f) => f.Dispose();
        }
        """, """
        {
          "symbols": [
            { "id": "M:Legacy.Search.PersonFinder.Find*", "roles": "person-lookup", "parameters": { "pnr": { "roles": [ "subject" ] } } },
            { "id": "M:Legacy.Audit.AuditWriter.WriteAccess(System.String,System.String,System.String)", "roles": [ "lookup-audit" ] },
            { "id": "M:Legacy.Audit.AuditWriter.WriteAccess(System.String,System.String,System.String)#personnummer", "roles": [ "subject" ] }
          ]
        }
        """);

    [Fact]
    public Task The_return_value_of_a_method_is_personal_data() => VerifyAsync<PurposeRules>("""
        namespace Legacy { public class Registry { public string NameOf(int id) => ""; public int Count() => 0; } }
        class Mail { string Send(Legacy.Registry r) => {|CASE001:r.NameOf(1)|} + r.Count(); }
        """, """
        { "symbols": [ { "id": "M:Legacy.Registry.NameOf(System.Int32)", "returns": { "personalData": "identity" } } ] }
        """);

    [Fact]
    public Task A_generic_type_and_an_inherited_property_of_a_constructed_type() => VerifyAsync<PurposeRules>("""
        namespace Identity
        {
            public class IdentityUser<TKey> { public virtual string? Email { get; set; } public virtual TKey Id { get; set; } = default!; }
            public class IdentityUser : IdentityUser<string> { }
        }

        class AppUser : Identity.IdentityUser { public string Theme { get; set; } = ""; }

        class Mail { string? Send(AppUser u) => {|CASE001:u.Email|} + u.Theme + u.Id; }
        """, """
        { "symbols": [ { "id": "P:Identity.IdentityUser`1.Email", "personalData": "contact" } ] }
        """);

    [Fact]
    public Task Nested_types_and_one_overload_of_several() => VerifyAsync<LookupRules>("""
        namespace Ns
        {
            public class Outer
            {
                public class Finder
                {
                    public string Find(string pnr) => pnr;
                    public string Find(int caseNumber) => "";
                }
            }
        }

        class Screen
        {
            string A(Ns.Outer.Finder f) => {|CASE010:f.Find("19900101-1234")|};
            string B(Ns.Outer.Finder f) => f.Find(7);
        }
        """, """
        { "symbols": [ { "id": "M:Ns.Outer.Finder.Find(System.String)", "roles": [ "person-lookup" ] } ] }
        """);

    [Fact]
    public Task A_custom_purpose_is_known_and_restricts_the_data_declared_for_it() => VerifyAsync<PurposeRules>("""
        using CaseCompliance;
        namespace Support { public class Ticket { public string CallerName { get; set; } = ""; } }

        [ProcessingPurpose("user-support")]
        class Desk { string Answer(Support.Ticket t) => t.CallerName; }

        [ProcessingPurpose(Purposes.CaseHandling)]
        class Case { string Read(Support.Ticket t) => {|CASE002:t.CallerName|}; }
        """, """
        {
          "purposes": { "user-support": "answering a citizen's support request" },
          "symbols": [ { "id": "P:Support.Ticket.CallerName", "personalData": { "category": "identity", "purposes": [ "user-support" ] } } ]
        }
        """);

    [Fact]
    public Task A_category_without_purposes_of_its_own_takes_its_default_purposes() => VerifyAsync<PurposeRules>("""
        using CaseCompliance;
        public class Certificate
        {
            [PersonalData(DataCategories.Health)] public string Diagnosis { get; set; } = "";
            [PersonalData(DataCategories.Health, Purposes = new[] { Purposes.Statistics })] public string Code { get; set; } = "";
            [PersonalData("sick-leave-history")] public int Days { get; set; }
        }

        [ProcessingPurpose(Purposes.Statistics)]
        class Stats { string Row(Certificate c) => {|CASE002:c.Diagnosis|} + c.Code + {|CASE002:c.Days|}; }
        """, """
        {
          "categories": {
            "health": { "defaultPurposes": [ "case-handling" ] },
            "sick-leave-history": { "description": "days on sick leave, per year", "defaultPurposes": [ "case-handling" ] }
          }
        }
        """);

    [Fact]
    public Task Suggested_entries_do_not_apply_until_accepted() => VerifyAsync<PurposeRules>(Crm + """

        class Mail { string Send(Legacy.Crm.Customer c) => {|CASE001:c.Email|} + c.Phone; }
        """, """
        {
          "symbols": [
            { "id": "P:Legacy.Crm.Customer.Email", "personalData": "contact" },
            { "id": "P:Legacy.Crm.Customer.Phone", "personalData": "contact", "suggested": true, "reason": "named like a phone number" }
          ]
        }
        """);

    [Fact]
    public Task Files_merge_in_path_order_and_a_conflict_keeps_the_first_value()
    {
        var first = """
            { "purposes": { "user-support": "support" }, "symbols": [ { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "contact", "purposes": [ "user-support" ] } } ] }
            """;
        var second = """
            {
              "symbols": [
                { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "identity", "purposes": [ "user-support" ] } },
                { "id": "P:Legacy.Crm.Customer.Phone", "personalData": "contact" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Crm + """

            [CaseCompliance.ProcessingPurpose("user-support")]
            class Desk { string Call(Legacy.Crm.Customer c) => c.Email + c.Phone; }

            [CaseCompliance.ProcessingPurpose("case-handling")]
            class Case { string Mail(Legacy.Crm.Customer c) => {|#0:c.Email|} + c.Phone; }
            """,
            new[] { ("/0/casecompliance.json", first), ("/0/team/more.casecompliance.json", second) },
            new[]
            {
                new DiagnosticResult(CaseRules.PurposeMismatch).WithLocation(0).WithArguments("Customer.Email", "'user-support'", "Case.Mail", "'case-handling'"),
                At(RulesFileRules.ConflictingMeaning, "/0/team/more.casecompliance.json", second, "\"P:Legacy.Crm.Customer.Email\"")
                    .WithArguments("P:Legacy.Crm.Customer.Email", "the data category 'identity'", "the data category 'contact'", "casecompliance.json:1"),
            });
    }

    [Fact]
    public Task Without_the_annotations_assembly_a_rules_file_alone_brings_every_rule()
        => VerifyAsync<AllRules>("""
            namespace App
            {
                public class User { public string Email { get; set; } = ""; }
                public class Store { public User? Find(string email) => null; }
                public class Audit { public void Seen(string email) { } }
                public class Telemetry { public void Track(string name, string value) { } }

                class Admin
                {
                    Store store = new();
                    Audit audit = new();
                    Telemetry telemetry = new();

                    public User? Look(string email)
                    {
                        var user = {|CASE010:store.Find(email)|};
                        telemetry.Track("user", {|CASE060:user!.Email|});
                        return user;
                    }
                }
            }
            """,
            new[] { (TestSetup.RulesFilePath, """
                {
                  "purposes": { "user-support": "support" },
                  "symbols": [
                    { "id": "P:App.User.Email", "personalData": "contact" },
                    { "id": "M:App.Store.Find(System.String)", "roles": [ "person-lookup" ], "parameters": { "email": { "roles": [ "subject" ] } } },
                    { "id": "M:App.Audit.Seen(System.String)", "roles": [ "lookup-audit" ], "parameters": { "email": { "roles": [ "subject" ] } } },
                    { "id": "M:App.Telemetry.Track(System.String,System.String)", "roles": [ "disclosure-sink" ] },
                    { "id": "N:App", "processingPurposes": [ "user-support" ] }
                  ]
                }
                """) },
            Array.Empty<DiagnosticResult>(),
            withAnnotations: false);

    [Fact]
    public Task With_an_exclusion_in_play_the_earlier_entry_still_wins() => VerifyAsync<PurposeRules>(Crm + """

        namespace Support
        {
            class Desk { string Call(Legacy.Crm.Customer c) => c.Email; }
            class Other { }
        }
        """, new[] { (TestSetup.RulesFilePath, """
        {
          "symbols": [
            { "id": "N:Support", "except": [ "T:Support.Other" ], "processingPurposes": [ "case-handling" ] },
            { "id": "N:Support", "processingPurposes": [ "statistics" ] },
            { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "contact", "purposes": [ "case-handling" ] } }
          ]
        }
        """) }, new[] { new DiagnosticResult(RulesFileRules.ConflictingMeaning).WithSpan(TestSetup.RulesFilePath, 4, 13, 4, 24)
            .WithArguments("N:Support", "the processing purposes 'statistics'", "the processing purposes 'case-handling'", "casecompliance.json:3") });
}
