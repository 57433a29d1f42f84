using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.Tests.Verifiers;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>
/// Every meaning of SPEC §2 on symbols of a referenced assembly, set two ways: by the library's own attributes, and
/// by a rules file for the same library compiled without them. Both give the same diagnostics in the code that uses
/// it. (The same holds for source symbols: every analyzer test runs both ways, see <see cref="BothWays"/>.)
/// </summary>
public class MetadataBothWaysTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "personal data on properties, fields, methods, return values and types",
            """
            using CaseCompliance;
            namespace Lib
            {
                public class Person
                {
                    [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = "";
                    [PersonalData(DataCategories.Health, Purposes = new[] { Purposes.CaseHandling })] public string Diagnosis = "";
                    [PersonalData(DataCategories.Contact)] public string Address() => "";
                    [return: PersonalData(DataCategories.Financial)] public int Income() => 0;
                    public string Note { get; set; } = "";
                }

                [PersonalData(DataCategories.Family)]
                public class Relative { public string Name { get; set; } = ""; }
            }
            """,
            """
            using CaseCompliance;
            class Letter
            {
                string Head(Lib.Person p, Lib.Relative r) => {|CASE001:p.Personnummer|} + {|CASE001:p.Address()|} + {|CASE001:p.Income()|} + p.Note + {|CASE001:r.Name|};

                [ProcessingPurpose(Purposes.Statistics)]
                string Stats(Lib.Person p) => {|CASE002:p.Diagnosis|};
            }
            """
        },
        {
            "lookups, audits and subjects",
            """
            using CaseCompliance;
            namespace Lib
            {
                public class Registry { [PersonLookup] public string? Find([Subject] string id) => null; }
                public class Trail { [LookupAudit] public void Record(string staff, [Subject] string id) { } }
            }
            """,
            """
            class Screen
            {
                string? A(Lib.Registry r, string id) => {|CASE010:r.Find(id)|};
                string? B(Lib.Registry r, Lib.Trail t, string id) { t.Record("me", id); return r.Find(id); }
                string? C(Lib.Registry r, Lib.Trail t, string id) { {|CASE011:t.Record("me", "other")|}; return r.Find(id); }
            }
            """
        },
        {
            "attestation, attester, preparer, status, disbursement, conflict checks and decisions",
            """
            using CaseCompliance;
            namespace Lib
            {
                public class Payment { [PreparedBy] public string PreparedBy { get; set; } = ""; [AttestationStatus] public bool IsAttested { get; set; } }
                public class Ledger { [Attestation] public void Attest(Payment p, [Attester] string attester) { } }
                public class Bank { [Disbursement] public void Pay(Payment p) { } }
                public class Jav { [ConflictOfInterestCheck] public void Ensure(string officer) { } }
                public class Cases { [CaseDecision] public void Decide(string officer) { } }
            }
            """,
            """
            class Run
            {
                void A(Lib.Ledger l, Lib.Payment p) => {|CASE020:l.Attest(p, p.PreparedBy)|};
                void B(Lib.Bank b, Lib.Payment p) { if (p.IsAttested) b.Pay(p); {|CASE022:b.Pay(p)|}; }
                void C(Lib.Jav j, Lib.Cases c) { j.Ensure("o"); c.Decide("o"); }
                void D(Lib.Cases c) => {|CASE030:c.Decide("o")|};
            }
            """
        },
        {
            "redactors and disclosure sinks, on methods and parameters",
            """
            using CaseCompliance;
            namespace Lib
            {
                public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
                public static class Mask { [Redactor] public static string Hide(string s) => "***"; }
                public class Outbox { [DisclosureSink] public void Send(string text) { } public void Log(int n, [DisclosureSink] string text) { } }
            }
            """,
            """
            using CaseCompliance;
            [ProcessingPurpose(Purposes.CaseHandling)]
            class Letter
            {
                void A(Lib.Outbox o, Lib.Person p) { o.Send({|CASE060:p.Personnummer|}); o.Send(Lib.Mask.Hide(p.Personnummer)); o.Log(1, {|CASE060:"pnr " + p.Personnummer|}); }
            }
            """
        },
        {
            "decision records and their reasoning",
            """
            using CaseCompliance;
            namespace Lib
            {
                [DecisionRecord]
                public class Decision { public string Outcome { get; set; } = ""; [Reasoning] public string Why { get; set; } = ""; }
            }
            """,
            """
            class Decide
            {
                Lib.Decision A() => {|CASE050:new Lib.Decision { Outcome = "no" }|};
                Lib.Decision B() => new Lib.Decision { Outcome = "no", Why = "the certificate does not show reduced work capacity" };
            }
            """
        },
        {
            "protected characteristics, decision logic on a base type, legal bases",
            """
            using CaseCompliance;
            namespace Lib
            {
                public class Applicant { [ProtectedCharacteristic(Grounds.Age)] public int Age { get; set; } [ProtectedCharacteristic(Grounds.Sex)] public int Sex { get; set; } }
                [DecisionLogic] public abstract class Rules { }
                [DecisionLogic, LegalBasis("SFB 27 kap. 2 §", Grounds.Age)] public abstract class AgeRules { }
            }
            """,
            """
            [CaseCompliance.ProcessingPurpose("case-handling")]
            class Assessment : Lib.Rules { int Rate(Lib.Applicant a) => {|CASE040:a.Sex|} == 1 ? 1 : 2; }

            [CaseCompliance.ProcessingPurpose("case-handling")]
            class Pension : Lib.AgeRules { int Rate(Lib.Applicant a) => a.Age > 65 ? 0 : 1; }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Attributes_in_the_library_and_a_rules_file_for_it_give_the_same_diagnostics(string name, string library, string code)
    {
        Assert.False(string.IsNullOrEmpty(name));

        // The library annotated with attributes.
        await RunAsync(code, TestSetup.CompileLibrary("Lib", library), rules: null);

        // The same library without them, and a rules file that says the same about its symbols.
        var conversion = BothWays.Convert(new[] { ("/0/Lib.cs", library) }, Array.Empty<MetadataReference>());
        Assert.NotNull(conversion);
        var (sources, rulesFile) = conversion!.Value;
        Assert.DoesNotContain("[PersonalData", sources[0].Markup, StringComparison.Ordinal);
        await RunAsync(code, TestSetup.CompileLibrary("Lib", sources[0].Markup), rulesFile);
    }

    private static Task RunAsync(string code, MetadataReference library, string? rules)
        => RulesFileTestSupport.VerifyAsync<AllRules>(code,
            rules is null ? Array.Empty<(string, string)>() : new[] { (TestSetup.RulesFilePath, rules) },
            Array.Empty<DiagnosticResult>(),
            references: new[] { library }.Concat(TestSetup.LoggingAndCompliance));
}
