using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Tests.Verifiers;

namespace CaseCompliance.Analyzers.Tests;

/// <summary>Broken code never crashes an analyzer: no AD0001, no exception, for every analyzer in the package.</summary>
public class RobustnessTests
{
    public static TheoryData<string, string> BrokenCode => new()
    {
        { "missing braces", """
            using CaseCompliance;
            public record Person([property: PersonalData(DataCategories.Identity)] string Personnummer);
            class Export
            {
                string Run(Person p) { return p.Personnummer;
                void Other( { var (a = p;
            """ },
        { "unresolved types and members", """
            using CaseCompliance;
            public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
            class Export
            {
                Unknown Run(Person p, Missing m) { var x = p.Nope + m.Personnummer + p.Personnummer; return p with { Q = 1 }; }
                void Deconstruct(Missing m) { var (a, b) = m; if (m is (var c, _)) { } foreach (var (d, e) in m) { } }
            }
            """ },
        { "attributes with wrong arguments", """
            using CaseCompliance;
            public class Person
            {
                [PersonalData] public string A { get; set; } = "";
                [PersonalData(42)] public string B { get; set; } = "";
                [PersonalData(null, Purposes = null)] public string C { get; set; } = "";
                [PersonalData(DataCategories.Identity, Purposes = new[] { (string)null, 7 })] public string D { get; set; } = "";
                [ProtectedCharacteristic] public int Age { get; set; }
            }
            [ProcessingPurpose(1, null)]
            class Export
            {
                [ProcessingPurpose(null)] string Run(Person p) => p.A + p.B + p.C + p.D + p.Age;
                [ProcessingPurpose(purposes: Purposes.Nope)] string Run2(Person p) => p.A;
                [ProcessingPurpose("statistcs" + )] string Run3(Person p) => p.A;
            }
            """ },
        { "annotations not referenced", """
            using CaseCompliance;
            public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
            [ProcessingPurpose("statistcs")]
            class Export { string Run(Person p) => p.Personnummer; }
            """ },
        { "annotations declared in source with another shape", """
            namespace CaseCompliance
            {
                public class PersonalDataAttribute : System.Attribute { public PersonalDataAttribute(int x) { } public int[] Purposes { get; set; } }
                public class ProcessingPurposeAttribute : System.Attribute { public ProcessingPurposeAttribute(int x, params int[] rest) { } }
            }
            public class Person { [CaseCompliance.PersonalData(1, Purposes = new[] { 1 })] public string P { get; set; } = ""; }
            [CaseCompliance.ProcessingPurpose(1, 2)]
            class Export { string Run(Person p) => p.P; }
            """ },
        { "incomplete expressions", """
            using CaseCompliance;
            public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
            class Export
            {
                string Run(Person p) => p.;
                string Run2(Person p) => p?.Personnummer?.;
                bool Run3(Person p) => p is { Personnummer: };
                object Run4(Person p) => nameof(p.);
            }
            """ },
        { "roles on broken calls", """
            using CaseCompliance;
            public class Registry { [PersonLookup] public string Find([Subject] string id) => id; }
            public class Log { [LookupAudit] public void Record([Subject] string id, Missing m) { } }
            public class Pay { [Attestation] public void Attest(Payment p, [Attester] string a) { if (a == p.) } [Disbursement] public void Out(Unknown u) { } }
            public class Jav { [ConflictOfInterestCheck] public bool Ok( { [CaseDecision] public void Decide() { } }
            class Screen
            {
                string Show(Registry r, Log l, string id) { try { l.Record(id, null); } catch { } return r.Find(id) + r.Find(); }
                void P(Pay p, Jav j, Payment x) { if (!x.IsAttested) p.Out(x); j.Decide(); p.Attest(x, x.PreparedBy) }
            }
            """ },
        { "decisions, reasons and logs on broken code", """
            using CaseCompliance;
            [DecisionRecord] public record Decision(string Outcome, [property: Reasoning] string Why);
            public class A { [ProtectedCharacteristic(Grounds.Age)] public int Age { get; set; } [PersonalData("x")] public string P { get; set; } }
            [DecisionLogic] class D
            {
                int M(A a, System.Action<string> log) { var d = new Decision("x"); var e = d with { Why = }; if (a.Age >) log(a.P +); switch (a.) { } return a.Age switch { > 1 => 1 }; }
                void N(Microsoft.Extensions.Logging.ILogger l, A a) => l.LogInformation(a.P, a.);
            }
            """ },
        { "top-level statements and local functions", """
            using CaseCompliance;
            var p = new Person();
            System.Console.WriteLine(p.Personnummer);
            string Local() => p.Personnummer;
            public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
            """ },
    };

    [Theory]
    [MemberData(nameof(BrokenCode))]
    public async Task Analyzers_do_not_throw_on_broken_code(string name, string source)
    {
        var withAnnotations = name != "annotations not referenced";
        var diagnostics = await RunAllAnalyzersAsync(source, withAnnotations);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Without_the_annotations_nothing_is_reported()
    {
        var source = (string)BrokenCode.First(row => (string)row[0] == "annotations not referenced")[1];
        var diagnostics = await RunAllAnalyzersAsync(source, withAnnotations: false);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CASE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_method_is_analyzed_without_exception()
    {
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            body.Append("        if (p.Personnummer.Length > ").Append(i % 13).Append(") { total += p.Personnummer.Length; } else { total -= ").Append(i).AppendLine("; }");
        }

        var source = $$"""
            using CaseCompliance;
            public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
            class Export
            {
                int Run(Person p)
                {
                    var total = 0;
            {{body}}
                    return total;
                }
            }
            """;
        var diagnostics = await RunAllAnalyzersAsync(source, withAnnotations: true);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Equal(6000, diagnostics.Count(d => d.Id == "CASE001"));
    }

    [Fact]
    public async Task A_generated_method_with_thousands_of_statements_and_deep_nesting_is_path_checked()
    {
        // 40 nested ifs around 3,000 statements, each branch doing a lookup; one audit at the very end.
        var body = new System.Text.StringBuilder();
        for (var depth = 0; depth < 40; depth++)
        {
            body.Append("if (n > ").Append(depth).AppendLine(") {");
        }

        for (var i = 0; i < 3000; i++)
        {
            body.Append("if (n == ").Append(i).Append(") { last = registry.Find(i").Append(i % 7).AppendLine("); } else { n--; }");
            if (i % 500 == 0)
            {
                body.Append("if (n < 0) return last;").AppendLine();
            }
        }

        body.Append('}', 40).AppendLine();
        var source = $$"""
            using CaseCompliance;
            public class Registry { [PersonLookup] public string? Find([Subject] string id) => null; }
            public class AuditLog { [LookupAudit] public void Record([Subject] string id) { } }
            class Screen
            {
                Registry registry = new();
                AuditLog audit = new();
                string? Run(int n, string id, string i0, string i1, string i2, string i3, string i4, string i5, string i6)
                {
                    string? last = null;
            {{body}}
                    audit.Record(i0); audit.Record(i1); audit.Record(i2); audit.Record(i3); audit.Record(i4); audit.Record(i5); audit.Record(i6);
                    return last;
                }
            }
            """;
        var diagnostics = await RunAllAnalyzersAsync(source, withAnnotations: true);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        // The early returns (`if (n < 0) return last;`, after lookups 0, 500, ... 2500) leave every lookup up to the
        // last of them uncovered; the 499 lookups after it reach the audit at the end on every path.
        Assert.Equal(2501, diagnostics.Count(d => d.Id == "CASE010"));
    }

    internal static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => typeof(CaseRules).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static async Task<ImmutableArray<Diagnostic>> RunAllAnalyzersAsync(string source, bool withAnnotations)
    {
        var references = await TestSetup.References.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (withAnnotations)
        {
            references = references.Add(TestSetup.Annotations);
        }

        var compilation = CSharpCompilation.Create("Broken",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), "Broken.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Empty(exceptions);
        return diagnostics;
    }
}
