using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DisclosureRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

/// <summary>
/// CASE060 follows personal data where real code takes it: through helpers of the compilation (in other classes,
/// extension methods, local functions, computed properties, async ones), fields of the same type, collections,
/// tuples, LINQ and whole objects — and stays silent where the data is redacted or never comes in.
/// </summary>
public class Case060FollowsTheDataTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = "global using System.Linq;\nglobal using System.Collections.Generic;\nglobal using System.Threading.Tasks;\n" + Case060DisclosedToSinkTests.Model + source };
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestSetup.LoggingAndCompliance);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Helpers_that_return_data_or_pass_it_through_carry_it()
        => VerifyAsync("""
            static class Describe
            {
                public static string Who(Person p) => $"{p.CaseId} ({p.Personnummer})";
                public static string Masked(Person p) => Mask.Personnummer(p.Personnummer);
                public static string Case(Person p) => p.CaseId;
                public static string Tidy(string text) => text.Trim();
                public static string Label(this Person p) => "pnr " + p.Personnummer;
                public static async Task<string> LoadAsync(Person p) { await Task.Yield(); return p.Diagnosis; }
            }

            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    logger.LogInformation({|CASE060:Describe.Who(p)|});
                    logger.LogInformation({|CASE060:Describe.Tidy(p.Personnummer)|});
                    logger.LogInformation({|CASE060:p.Label()|});
                    logger.LogInformation(Describe.Masked(p));
                    logger.LogInformation(Describe.Case(p));
                    logger.LogInformation(Describe.Tidy(p.CaseId));
                    string Local() => p.Diagnosis;
                    logger.LogWarning({|CASE060:Local()|});
                }

                async Task RunAsync(ILogger logger, Person p) => logger.LogInformation({|CASE060:await Describe.LoadAsync(p)|});

                void Throw(Person p) => throw new InvalidOperationException({|CASE060:Describe.Who(p)|});
            }
            """);

    [Fact]
    public Task Computed_properties_and_fields_of_the_same_type_carry_the_data()
        => VerifyAsync("""
            public class Applicant
            {
                [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = "";
                public string Display => Personnummer + " (applicant)";
                public string Ref => "A-" + 42;
            }

            class Screen
            {
                private string lastPnr = "";
                private string lastCase = "";

                void Remember(Person p) { lastPnr = p.Personnummer; lastCase = p.CaseId; }
                void Report(ILogger logger, Applicant a)
                {
                    logger.LogInformation({|CASE060:lastPnr|});
                    logger.LogInformation(lastCase);
                    logger.LogInformation({|CASE060:a.Display|});
                    logger.LogInformation(a.Ref);
                }
            }
            """);

    [Fact]
    public Task Collections_tuples_deconstruction_null_operators_and_linq_carry_the_data()
        => VerifyAsync("""
            class Service
            {
                void Run(ILogger logger, Person p, Person? maybe, List<Person> people)
                {
                    var ids = new List<string>();
                    ids.Add(p.Personnummer);
                    logger.LogInformation({|CASE060:string.Join(",", ids)|});
                    var map = new Dictionary<string, string>();
                    map["pnr"] = p.Personnummer;
                    logger.LogInformation({|CASE060:map["pnr"]|});
                    var initialized = new List<string> { p.Diagnosis };
                    logger.LogInformation({|CASE060:initialized[0]|});
                    logger.LogInformation({|CASE060:maybe?.Personnummer|});
                    logger.LogInformation({|CASE060:maybe?.Personnummer ?? "none"|});
                    var (id, diagnosis) = (p.CaseId, p.Diagnosis);
                    logger.LogInformation(id);
                    logger.LogInformation({|CASE060:diagnosis|});
                    logger.LogInformation({|CASE060:string.Join(",", people.Select(x => x.Personnummer))|});
                    logger.LogInformation(string.Join(",", people.Select(x => x.CaseId)));
                    foreach (var pnr in people.Select(x => x.Personnummer)) logger.LogInformation({|CASE060:pnr|});
                    var builder = new StringBuilder();
                    builder.Append($"pnr {p.Personnummer}");
                    logger.LogInformation({|CASE060:builder.ToString()|});
                }
            }
            """);

    [Fact]
    public Task Whole_objects_records_anonymous_objects_scopes_and_destructuring_carry_their_members()
        => VerifyAsync("""
            public record Claimant([property: PersonalData(DataCategories.Identity)] string Personnummer, string CaseId);
            public record CaseRef(string CaseId);
            public class Letter
            {
                [PersonalData(DataCategories.Contact)] public string Address { get; set; } = "";
                public override string ToString() => "Letter to " + Address;
            }

            public class Plain { [PersonalData(DataCategories.Contact)] public string Address { get; set; } = ""; }

            class Service
            {
                void Run(ILogger logger, Claimant c, CaseRef r, Letter l, Plain plain, Person p)
                {
                    logger.LogInformation("{Claimant}", {|CASE060:c|});
                    logger.LogInformation({|CASE060:$"claimant {c}"|});
                    logger.LogInformation("{Case}", r);
                    logger.LogInformation("{Letter}", {|CASE060:l|});
                    logger.LogInformation("{Plain}", plain);
                    logger.LogInformation("{@Plain}", {|CASE060:plain|});
                    logger.LogInformation("{State}", {|CASE060:new { p.CaseId, p.Personnummer }|});
                    using (logger.BeginScope({|CASE060:new Dictionary<string, object> { ["pnr"] = p.Personnummer }|}))
                    {
                        logger.LogInformation("scoped");
                    }
                }
            }
            """);

    [Fact]
    public Task Debug_assert_messages_and_console_error_are_sinks()
        => VerifyAsync("""
            class Service
            {
                void Run(Person p)
                {
                    System.Diagnostics.Debug.Assert(p.CaseId.Length > 0, {|CASE060:"no case for " + p.Personnummer|});
                    System.Diagnostics.Debug.Assert(p.CaseId.Length > 0, {|CASE060:$"no case for {p.Diagnosis}"|});
                    Console.Error.WriteLine({|CASE060:p.Diagnosis|});
                    Console.Error.WriteLine(p.Personnummer.Length);
                }
            }
            """);

    [Fact]
    public Task A_finding_through_a_local_points_at_where_the_data_entered()
        => VerifyAsync("""
            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    var {|#1:pnr = p.Personnummer|};
                    var {|#2:text = "person " + pnr|};
                    logger.LogInformation({|#0:text|});
                }
            }
            """,
            Verify.Diagnostic("CASE060").WithLocation(0).WithLocation(2).WithLocation(1).WithArguments("Person.Personnummer", "identity", "LoggerExtensions.LogInformation"));

    [Fact]
    public Task A_helper_in_another_file_carries_the_data_to_a_sink_in_this_one()
    {
        var test = new Verify.Test { TestCode = "global using System.Linq;\nglobal using System.Collections.Generic;\nglobal using System.Threading.Tasks;\n" + Case060DisclosedToSinkTests.Model + """
            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    logger.LogInformation({|CASE060:Texts.Who(p)|});
                    logger.LogInformation(Texts.Case(p));
                    logger.LogInformation({|CASE060:Texts.Either(p.CaseId, p.Personnummer)|});
                    logger.LogInformation(Texts.OnlyFirst(p.CaseId, p.Personnummer));
                }
            }
            """ };
        test.TestState.Sources.Add(("Texts.cs", """
            static class Texts
            {
                public static string Who(Person p) => Join(p.CaseId, p.Personnummer);
                public static string Case(Person p) => p.CaseId;
                static string Join(string a, string b) => a + " " + b;
                public static string Either(string a, string b) => a.Length > 3 ? a : b;
                public static string OnlyFirst(string a, string b) => b.Length > 0 ? a : "";
            }
            """));
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestSetup.LoggingAndCompliance);
        return test.RunAsync();
    }

    [Fact]
    public Task A_helper_that_writes_its_parameter_to_a_sink_leaks_what_its_callers_give_it()
        => VerifyAsync("""
            class Trail
            {
                private readonly ILogger logger;
                public Trail(ILogger logger) => this.logger = logger;
                public void Trace(string what) => {|#1:logger.LogInformation(what)|};
                public void TraceMasked(string what) => logger.LogInformation(Mask.Personnummer(what));
                public void Count(string what) => logger.LogInformation("length {Length}", what.Length);
                public void Outer(string what) => Trace("lookup of " + what);
                public void Quiet(string what) { var n = what.Trim(); }
            }

            class Service
            {
                void Run(Trail trail, Person p)
                {
                    trail.Trace({|#0:p.Personnummer|});
                    trail.Trace(p.CaseId);
                    trail.TraceMasked(p.Personnummer);
                    trail.Count(p.Personnummer);
                    trail.Quiet(p.Personnummer);
                    trail.Outer({|CASE060:p.Diagnosis|});
                }
            }
            """,
            Verify.Diagnostic("CASE060").WithLocation(0).WithLocation(1)
                .WithArguments("Person.Personnummer", "identity", "Trail.Trace"));
}
