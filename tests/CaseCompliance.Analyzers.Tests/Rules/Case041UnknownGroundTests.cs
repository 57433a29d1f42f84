using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.FairDecisionRules, CaseCompliance.CodeFixes.Rules.ReplaceUnknownNameFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case041UnknownGroundTests
{
    [Fact]
    public Task Unknown_grounds_are_reported_with_a_suggestion()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            class Rules
            {
                [ProtectedCharacteristic({|CASE041:"gender"|})] public int A { get; set; }
                [ProtectedCharacteristic(Grounds.Religion)] public int B { get; set; }
                [LegalBasis("SFB 1 kap.", Grounds.Age, {|#0:"disabilty"|})] void M() { }
                [LegalBasis("SFB 2 kap.", grounds: new[] { {|CASE041:"Age"|} })] void N() { }
            }
            """,
            Verify.Diagnostic("CASE041").WithLocation(0).WithArguments("disabilty", "; did you mean 'disability'?"));

    [Fact]
    public Task The_statute_reference_is_not_a_ground()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            class Rules
            {
                [LegalBasis("SFB 27 kap. 7 §", Grounds.Age)] void M() { }
            }
            """);

    [Fact]
    public Task Fix_all_replaces_each_ground_with_its_closest_constant()
    {
        var test = new Verify.Test { CodeActionEquivalenceKey = "CASE041.ReplaceWithClosest" };
        test.TestState.Sources.Add(("A.cs", """
            using CaseCompliance;
            class Rules
            {
                [ProtectedCharacteristic({|CASE041:"Sex"|})] public int A { get; set; }
                [LegalBasis("SFB 1 kap.", {|CASE041:"disabilty"|}, {|CASE041:"etnicity"|})] void M() { }
            }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using CaseCompliance;
            class Rules
            {
                [ProtectedCharacteristic(Grounds.Sex)] public int A { get; set; }
                [LegalBasis("SFB 1 kap.", Grounds.Disability, Grounds.Ethnicity)] void M() { }
            }
            """));
        test.CodeActionVerifier = (action, verifier) => verifier.True(action.Title.EndsWith("(EK-DISKRIMINERING Etisk kod: motverka diskriminering)", StringComparison.Ordinal));
        return test.RunAsync();
    }

    [Fact]
    public Task Regression_named_arguments_in_any_order_and_swapped_letters()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            class Rules
            {
                [LegalBasis(grounds: new[] { {|#0:"aeg"|} }, reference: "SFB 1 kap.")] void M() { }
            }
            """,
            Verify.Diagnostic("CASE041").WithLocation(0).WithArguments("aeg", "; did you mean 'age'?"));
}
