using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.PurposeRules, CaseCompliance.CodeFixes.Rules.DeclarePurposeFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case002PurposeMismatchTests
{
    private const string Person = """
        using CaseCompliance;

        public class Person
        {
            [PersonalData(DataCategories.Health, Purposes = new[] { Purposes.CaseHandling, Purposes.FraudPrevention })]
            public string Diagnosis { get; set; } = "";

            [PersonalData(DataCategories.Identity)]
            public string Personnummer { get; set; } = "";

            [PersonalData(DataCategories.Financial, Purposes = [Purposes.CaseHandling])]
            public int Income { get; set; }
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Reading_restricted_data_for_another_purpose_is_reported_with_both_purpose_lists()
        => VerifyAsync("""
            using CaseCompliance;
            [ProcessingPurpose(Purposes.Statistics)]
            class Export
            {
                string Run(Person p) => {|#0:p.Diagnosis|};
            }
            """,
            Verify.Diagnostic("CASE002").WithLocation(0).WithArguments("Person.Diagnosis", "'case-handling', 'fraud-prevention'", "Export.Run", "'statistics'"));

    [Fact]
    public Task One_shared_purpose_is_enough()
        => VerifyAsync("""
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose(Purposes.Statistics, Purposes.FraudPrevention)]
                string Run(Person p) => p.Diagnosis;
            }
            """);

    [Fact]
    public Task Data_without_purposes_may_be_read_for_any_declared_purpose()
        => VerifyAsync("""
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose(Purposes.Statistics)]
                string Run(Person p) => p.Personnummer;
            }
            """);

    [Fact]
    public Task Collection_expression_purposes_are_read_too()
        => VerifyAsync("""
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose(Purposes.Information)]
                int Run(Person p) => {|CASE002:p.Income|};
            }
            """);

    [Fact]
    public Task A_lambda_purpose_overrides_the_member_purpose_both_ways()
        => VerifyAsync("""
            using System;
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose(Purposes.CaseHandling)]
                void Run(Person p)
                {
                    Func<Person, string> stats = [ProcessingPurpose(Purposes.Statistics)] (Person x) => {|CASE002:x.Diagnosis|};
                    Func<Person, string> handle = (Person x) => x.Diagnosis;
                }
            }
            """);

    [Fact]
    public Task Add_purpose_appends_to_the_member_declaration()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using CaseCompliance;
                class Export
                {
                    [ProcessingPurpose(Purposes.Statistics)]
                    string Run(Person p) => {|CASE002:p.Diagnosis|};
                }
                """,
            FixedCode = """
                using CaseCompliance;
                class Export
                {
                    [ProcessingPurpose(Purposes.Statistics, Purposes.FraudPrevention)]
                    string Run(Person p) => p.Diagnosis;
                }
                """,
            CodeActionEquivalenceKey = "CASE002.AddPurpose.fraud-prevention",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Add purpose 'fraud-prevention' to 'Run' (UPP-ANDAMAL Uppdraget: personuppgifter bara för vissa ändamål)", action.Title),
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Add_purpose_keeps_the_inherited_type_purposes_on_a_new_member_declaration()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using CaseCompliance;
                [ProcessingPurpose(Purposes.Statistics)]
                class Export
                {
                    string Run(Person p) => {|CASE002:p.Diagnosis|};
                }
                """,
            FixedCode = """
                using CaseCompliance;
                [ProcessingPurpose(Purposes.Statistics)]
                class Export
                {
                    [ProcessingPurpose(Purposes.Statistics, Purposes.CaseHandling)]
                    string Run(Person p) => p.Diagnosis;
                }
                """,
            CodeActionEquivalenceKey = "CASE002.AddPurpose.case-handling",
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Narrow_replaces_the_lambda_declaration_with_the_data_purpose()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using CaseCompliance;
                class Export
                {
                    Func<Person, string> F = [ProcessingPurpose(Purposes.Statistics, Purposes.Information)] (Person x) => {|CASE002:x.Diagnosis|};
                }
                """,
            FixedCode = """
                using System;
                using CaseCompliance;
                class Export
                {
                    Func<Person, string> F = [ProcessingPurpose(Purposes.CaseHandling)] (Person x) => x.Diagnosis;
                }
                """,
            CodeActionEquivalenceKey = "CASE002.NarrowPurpose.case-handling",
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_narrows_every_member_once_across_documents()
    {
        var test = new Verify.Test
        {
            CodeActionEquivalenceKey = "CASE002.NarrowPurpose.case-handling",
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.TestState.Sources.Add(("A.cs", """
            using CaseCompliance;
            class A
            {
                [ProcessingPurpose(Purposes.Statistics)]
                string One(Person p) => {|CASE002:p.Diagnosis|} + {|CASE002:p.Income|};
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            using CaseCompliance;
            [ProcessingPurpose(Purposes.Information)]
            class B
            {
                int Two(Person p) => {|CASE002:p.Income|};
            }
            """));
        test.FixedState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("A.cs", """
            using CaseCompliance;
            class A
            {
                [ProcessingPurpose(Purposes.CaseHandling)]
                string One(Person p) => p.Diagnosis + p.Income;
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using CaseCompliance;
            [ProcessingPurpose(Purposes.Information)]
            class B
            {
                [ProcessingPurpose(Purposes.CaseHandling)]
                int Two(Person p) => p.Income;
            }
            """));
        return test.RunAsync();
    }
}
