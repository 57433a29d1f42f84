using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.PurposeRules, CaseCompliance.CodeFixes.Rules.ReplaceUnknownNameFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case003UnknownPurposeTests
{
    [Fact]
    public Task A_typo_is_reported_on_the_string_with_a_suggestion()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose(Purposes.CaseHandling, {|#0:"statistcs"|})]
                void Run() { }
            }
            """,
            Verify.Diagnostic("CASE003").WithLocation(0).WithArguments("statistcs", "; did you mean 'statistics'?"));

    [Fact]
    public Task A_string_far_from_every_purpose_gets_no_suggestion()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            [ProcessingPurpose({|#0:"marketing-campaigns"|})]
            class Export { }
            """,
            Verify.Diagnostic("CASE003").WithLocation(0).WithArguments("marketing-campaigns", ""));

    [Fact]
    public Task Purposes_in_personal_data_arrays_collection_expressions_and_named_arguments_are_checked()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            class Person
            {
                [PersonalData(DataCategories.Health, Purposes = new[] { Purposes.CaseHandling, {|CASE003:"case-handlng"|} })]
                public string A { get; set; } = "";
                [PersonalData("custom-category", Purposes = [{|CASE003:"Statistics"|}])]
                public string B { get; set; } = "";
                [ProcessingPurpose(purposes: new[] { {|CASE003:"fraud"|} })]
                public string C => "";
            }
            """);

    [Fact]
    public Task Constants_aliases_lambdas_and_the_assembly_are_checked()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using CaseCompliance;
                using Purpose = CaseCompliance.ProcessingPurposeAttribute;

                static class Mine { public const string Stats = "statistic"; }

                class Export
                {
                    [Purpose({|CASE003:Mine.Stats|})]
                    void Run()
                    {
                        Func<int> f = [ProcessingPurpose({|CASE003:"informaton"|})] () => 1;
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("AssemblyInfo.cs", """[assembly: CaseCompliance.ProcessingPurpose({|CASE003:"case handling"|})]"""));
        return test.RunAsync();
    }

    [Fact]
    public Task Well_known_purposes_and_other_attributes_are_fine()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using CaseCompliance;
            [ProcessingPurpose("case-handling", Purposes.Disclosure, "planning-and-evaluation")]
            class Export
            {
                [Obsolete("statistcs")]
                [PersonalData("whatever-category")]
                public string A { get; set; } = "";
            }
            """);

    [Fact]
    public Task The_closest_purpose_replaces_the_typo_with_the_constant()
        => Verify.VerifyCodeFixAsync("""
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose({|CASE003:"statistcs"|})]
                void Run() { }
            }
            """, """
            using CaseCompliance;
            class Export
            {
                [ProcessingPurpose(Purposes.Statistics)]
                void Run() { }
            }
            """, "CASE003.ReplaceWithClosest");

    [Fact]
    public Task Any_well_known_purpose_can_replace_it_and_the_title_cites_the_guideline()
    {
        var test = new Verify.Test
        {
            TestCode = """
                [CaseCompliance.ProcessingPurpose({|CASE003:"statistcs"|})]
                class Export { }
                """,
            FixedCode = """
                using CaseCompliance;

                [CaseCompliance.ProcessingPurpose(Purposes.Information)]
                class Export { }
                """,
            CodeActionEquivalenceKey = "CASE003.ReplacePurpose.information",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Replace with 'information' (UPP-ANDAMAL Uppdraget: personuppgifter bara för vissa ändamål)", action.Title),
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_replaces_each_typo_with_its_own_closest_purpose()
    {
        var test = new Verify.Test { CodeActionEquivalenceKey = "CASE003.ReplaceWithClosest" };
        test.TestState.Sources.Add(("A.cs", """
            using CaseCompliance;
            class A
            {
                [ProcessingPurpose({|CASE003:"statistcs"|}, {|CASE003:"disclosur"|})]
                void Run() { }
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            using CaseCompliance;
            [ProcessingPurpose({|CASE003:"fraud-preventon"|})]
            class B { }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using CaseCompliance;
            class A
            {
                [ProcessingPurpose(Purposes.Statistics, Purposes.Disclosure)]
                void Run() { }
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using CaseCompliance;
            [ProcessingPurpose(Purposes.FraudPrevention)]
            class B { }
            """));
        return test.RunAsync();
    }
}
