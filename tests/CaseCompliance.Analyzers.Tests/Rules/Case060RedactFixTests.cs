using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.DisclosureRules, CaseCompliance.CodeFixes.Rules.RedactFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case060RedactFixTests
{
    private static Verify.Test Test(string source, string fixedSource)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = "CASE060.Redact" };
        test.TestState.Sources.Add(("Model.cs", Case060DisclosedToSinkTests.Model));
        test.FixedState.Sources.Add(("Model.cs", Case060DisclosedToSinkTests.Model));
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestSetup.LoggingAndCompliance);
        return test;
    }

    [Fact]
    public Task Wraps_the_read_in_a_static_redactor_of_the_project()
    {
        var test = Test("""
            class Service
            {
                void Run(ILogger logger, Person p) => logger.LogInformation("Looked up {Pnr}", {|CASE060:p.Personnummer|});
            }
            """, """
            class Service
            {
                void Run(ILogger logger, Person p) => logger.LogInformation("Looked up {Pnr}", Mask.Personnummer(p.Personnummer));
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(
            "Redact with 'Mask.Personnummer' (EK-INTEGRITET-2 Etisk kod: följ bestämmelserna om sekretess)", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task Wraps_the_part_of_an_interpolation_and_prefers_a_compliance_redactor_in_scope()
        => Test("""
            class Service
            {
                void Run(Person p, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
                {
                    Console.WriteLine({|CASE060:$"Person {p.Diagnosis} in case {p.CaseId}"|});
                }
            }
            """, """
            class Service
            {
                void Run(Person p, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
                {
                    Console.WriteLine($"Person {redactor.Redact(p.Diagnosis)} in case {p.CaseId}");
                }
            }
            """).RunAsync();

    [Fact]
    public Task Fix_all_redacts_every_argument()
    {
        var test = Test("""
            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    logger.LogInformation("{A} {B}", {|CASE060:p.Personnummer|}, {|CASE060:p.Diagnosis|});
                    var id = p.Personnummer;
                    logger.LogWarning({|CASE060:id|});
                }
            }
            """, """
            class Service
            {
                void Run(ILogger logger, Person p)
                {
                    logger.LogInformation("{A} {B}", Mask.Personnummer(p.Personnummer), Mask.Personnummer(p.Diagnosis));
                    var id = p.Personnummer;
                    logger.LogWarning(Mask.Personnummer(id));
                }
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Prefers_a_redactor_named_for_the_data()
        => Test("""
            static class Health { [Redactor] public static string Diagnosis(string value) => "F**"; }
            class Service
            {
                void Run(ILogger logger, Person p) => logger.LogInformation("{D} {P}", {|CASE060:p.Diagnosis|}, {|CASE060:p.Personnummer|});
            }
            """, """
            static class Health { [Redactor] public static string Diagnosis(string value) => "F**"; }
            class Service
            {
                void Run(ILogger logger, Person p) => logger.LogInformation("{D} {P}", Health.Diagnosis(p.Diagnosis), Mask.Personnummer(p.Personnummer));
            }
            """).RunAsync();
}
