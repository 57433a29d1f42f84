using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ReasoningRules, CaseCompliance.CodeFixes.Rules.ProvideValueFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case050ProvideReasoningFixTests
{
    private const string Placeholder = "DecisionReasons.Missing(\"explain why the decision was made, with the facts and rules it rests on (SJP-MOTIVERING)\")";

    private static Verify.Test Test(string source, string fixedSource)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = "CASE050.ProvideValue" };
        test.TestState.Sources.Add(("Model.cs", Case050DecisionWithoutReasoningTests.Model));
        test.FixedState.Sources.Add(("Model.cs", Case050DecisionWithoutReasoningTests.Model));
        return test;
    }

    [Fact]
    public Task Replaces_an_empty_argument_with_a_placeholder_that_warns_and_throws()
    {
        var test = Test("""
            class Service
            {
                Decision Reject() => {|CASE050:new Decision("rejected", "")|};
            }
            """, $$"""
            class Service
            {
                Decision Reject() => new Decision("rejected", {{Placeholder}});
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(
            "Add a reasoning placeholder to fill in (SJP-MOTIVERING Sjukpenning: varje beslut ska motiveras)", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task Adds_a_missing_member_to_the_initializer()
    {
        var test = Test("""
            class Service
            {
                Letter Make() => {|CASE050:new Letter { Outcome = "x" }|};
            }
            """, $$"""
            class Service
            {
                Letter Make() => new Letter { Outcome = "x", Motivering = {{Placeholder}} };
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Passes_a_left_out_optional_parameter_by_name_and_fixes_with_expressions()
    {
        var test = Test("""
            class Service
            {
                Ruling Make() => {|CASE050:new Ruling("x")|};
                Decision Clear(Decision d) => {|CASE050:d with { Reasoning = "  " }|};
            }
            """, $$"""
            class Service
            {
                Ruling Make() => new Ruling("x", reasons: {{Placeholder}});
                Decision Clear(Decision d) => d with { Reasoning = {{Placeholder}} };
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public async Task The_placeholder_makes_the_compiler_warn_and_throws_when_run()
    {
        var references = (await Verifiers.TestSetup.References.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, default)).Add(Verifiers.TestSetup.Annotations);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Placeholder",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { string R() => CaseCompliance.DecisionReasons.Missing(\"why\"); }") },
            references, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));

        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0618");
#pragma warning disable CS0618 // the point of the test
        var thrown = Assert.Throws<NotImplementedException>(() => CaseCompliance.DecisionReasons.Missing("why"));
#pragma warning restore CS0618
        Assert.Contains("why", thrown.Message, StringComparison.Ordinal);
    }
}
