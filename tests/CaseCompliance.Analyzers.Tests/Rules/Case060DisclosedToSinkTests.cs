using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DisclosureRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case060DisclosedToSinkTests
{
    internal const string Model = """
        global using System;
        global using System.Text;
        global using Microsoft.Extensions.Logging;
        global using CaseCompliance;

        public class Person
        {
            [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = "";
            [PersonalData(DataCategories.Health)] public string Diagnosis { get; set; } = "";
            public string CaseId { get; set; } = "";
        }

        public static class Mask
        {
            [Redactor] public static string Personnummer(string value) => value.Substring(0, 8) + "-****";
        }

        public interface IOutbox
        {
            [DisclosureSink] void Send(string text);
            void Queue(string id, [DisclosureSink] string body);
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Model + source };
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestSetup.LoggingAndCompliance);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Logging_a_personnummer_is_reported_on_the_argument()
        => VerifyAsync("""
            class Service
            {
                void Run(ILogger logger, Person p) => logger.LogInformation({|#0:"Looked up {Pnr}"|}, {|#1:p.Personnummer|});
            }
            """,
            Verify.Diagnostic("CASE060").WithLocation(1).WithArguments("Person.Personnummer", "identity", "LoggerExtensions.LogInformation"));

    [Fact]
    public Task Interpolation_concatenation_format_locals_builders_and_to_string_carry_the_data()
        => VerifyAsync("""
            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    Console.WriteLine({|CASE060:$"Person {p.Personnummer}"|});
                    System.Diagnostics.Debug.WriteLine({|CASE060:"Person " + p.Diagnosis|});
                    System.Diagnostics.Trace.TraceInformation({|CASE060:string.Format("{0}", p.Personnummer)|});
                    var id = p.Personnummer;
                    var line = "id=" + id.Trim();
                    logger.LogWarning({|CASE060:line|});
                    var sb = new StringBuilder("case ");
                    sb.Append(p.Diagnosis);
                    logger.LogError({|CASE060:sb.ToString()|});
                    object boxed = p.Personnummer;
                    Console.Write({|CASE060:boxed.ToString()|});
                    throw new InvalidOperationException({|CASE060:$"No case for {p.Personnummer}"|});
                }
            }
            """);

    [Fact]
    public Task Redacted_values_and_data_that_is_not_personal_are_fine()
        => VerifyAsync("""
            class Service
            {
                void Run(ILogger logger, Person p, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
                {
                    logger.LogInformation("Case {CaseId}", p.CaseId);
                    logger.LogInformation("Person {Pnr}", Mask.Personnummer(p.Personnummer));
                    Console.WriteLine($"Person {Mask.Personnummer(p.Personnummer)}");
                    logger.LogInformation("Person {Pnr}", redactor.Redact(p.Personnummer));
                    var masked = Mask.Personnummer(p.Personnummer);
                    logger.LogDebug("{Masked}", masked);
                    var length = p.Personnummer.Length;
                }
            }
            """);

    [Fact]
    public Task Disclosure_sinks_logger_message_methods_and_the_logger_itself()
        => VerifyAsync("""
            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Looked up {Pnr}")]
                public static void LookedUp(ILogger logger, string pnr) { }
            }

            class Service
            {
                void Run(ILogger logger, IOutbox outbox, Person p)
                {
                    Log.LookedUp(logger, {|CASE060:p.Personnummer|});
                    outbox.Send({|CASE060:p.Diagnosis|});
                    outbox.Queue(p.Personnummer, {|CASE060:p.Diagnosis|});
                    logger.Log(LogLevel.Information, {|CASE060:p.Personnummer|});
                }
            }
            """);

    [Fact]
    public Task Data_classified_with_Microsoft_Extensions_Compliance_counts_as_personal_data()
        => VerifyAsync("""
            public class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Sick", "Private")) { }
            }

            public class Claim { [PrivateData] public string Email { get; set; } = ""; public string Id { get; set; } = ""; }

            class Service
            {
                void Run(ILogger logger, Claim c) => logger.LogInformation("{Email} {Id}", {|CASE060:c.Email|}, c.Id);
            }
            """);

    [Fact]
    public Task Personal_data_parameters_lambdas_and_async_bodies()
        => VerifyAsync("""
            class Service
            {
                void Param(ILogger logger, [PersonalData(DataCategories.Identity)] string pnr) => logger.LogInformation({|CASE060:pnr|});
                async System.Threading.Tasks.Task Later(ILogger logger, Person p)
                {
                    await System.Threading.Tasks.Task.Yield();
                    Action log = () => logger.LogInformation({|CASE060:p.Personnummer|});
                    log();
                }
            }
            """);

    [Fact]
    public Task Regression_lengths_hashes_and_parameter_names_are_not_disclosures_but_console_writers_are_sinks()
        => VerifyAsync("""
            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    logger.LogInformation("Length {Length}", p.Personnummer.Length);
                    logger.LogInformation("Hash {Hash}", p.Personnummer.GetHashCode());
                    if (p.CaseId.Length == 0) throw new ArgumentException("No case", nameof(p));
                    Console.Out.WriteLine({|CASE060:p.Personnummer.Trim()|});
                    Console.Error.WriteLine({|CASE060:p.Diagnosis|});
                }
            }
            """);
}
