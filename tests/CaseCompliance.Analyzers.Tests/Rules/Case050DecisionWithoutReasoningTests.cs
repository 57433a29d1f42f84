using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.ReasoningRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case050DecisionWithoutReasoningTests
{
    internal const string Model = """
        global using System;
        global using CaseCompliance;

        [DecisionRecord]
        public record Decision(string Outcome, [property: Reasoning] string Reasoning);

        [DecisionRecord]
        public class Letter
        {
            public string Outcome { get; set; } = "";
            [Reasoning] public string? Motivering { get; set; }
        }

        [DecisionRecord]
        public class Ruling
        {
            public Ruling(string outcome, [Reasoning] string reasons = "") { Outcome = outcome; Reasons = reasons; }
            public string Outcome { get; }
            public string Reasons { get; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(Model + source, expected);

    [Fact]
    public Task Empty_reasoning_in_a_positional_record_is_reported_on_the_creation()
        => VerifyAsync("""
            class Service
            {
                Decision Reject() => {|#0:new Decision("rejected", "")|};
            }
            """,
            Verify.Diagnostic("CASE050").WithLocation(0).WithArguments("Decision", "Reasoning", "set to an empty string"));

    [Fact]
    public Task Null_whitespace_string_empty_default_and_copies_are_no_reasons()
        => VerifyAsync("""
            class Service
            {
                void All(string why)
                {
                    var a = {|CASE050:new Decision("x", null!)|};
                    var b = {|CASE050:new Decision("x", "   ")|};
                    var c = {|CASE050:new Decision("x", string.Empty)|};
                    var d = {|CASE050:new Decision("x", default!)|};
                    var nothing = "";
                    var e = {|CASE050:new Decision("x", nothing)|};
                    Decision f = {|CASE050:new("x", "")|};
                    var g = new Decision("x", why);
                    var h = new Decision("x", "Arbetsförmågan är inte nedsatt med minst en fjärdedel, eftersom ...");
                }
            }
            """);

    [Fact]
    public Task Object_initializers_missing_members_and_optional_parameters()
        => VerifyAsync("""
            class Service
            {
                void All(string why)
                {
                    var a = {|CASE050:new Letter { Outcome = "x" }|};
                    var b = {|CASE050:new Letter()|};
                    var c = {|CASE050:new Letter { Outcome = "x", Motivering = "" }|};
                    var d = new Letter { Outcome = "x", Motivering = why };
                    var e = {|CASE050:new Ruling("x")|};
                    var f = new Ruling("x", why);
                }
            }
            """);

    [Fact]
    public Task With_expressions_that_clear_the_reasoning()
        => VerifyAsync("""
            class Service
            {
                Decision Clear(Decision d) => {|CASE050:d with { Reasoning = "" }|};
                Decision Keep(Decision d) => d with { Outcome = "changed" };
            }
            """);

    [Fact]
    public Task A_constructor_that_sets_the_reasoning_itself_is_fine()
        => VerifyAsync("""
            [DecisionRecord]
            class Computed
            {
                public Computed(string outcome) { Outcome = outcome; Why = "Beslutet grundar sig på ..." + outcome; }
                public string Outcome { get; }
                [Reasoning] public string Why { get; }
            }

            class Service
            {
                Computed Make() => new Computed("x");
            }
            """);

    [Fact]
    public Task Regression_a_reasoning_attribute_on_the_positional_parameter_only_covers_with_and_initializers()
        => VerifyAsync("""
            [DecisionRecord]
            public record Short(string Outcome, [Reasoning] string Why);

            class Service
            {
                Short Clear(Short s) => {|CASE050:s with { Why = "" }|};
                Short Init() => {|CASE050:new Short("x", "y") { Why = "" }|};
            }
            """);

    [Fact]
    public Task Regression_a_constructor_chained_with_this_gives_the_value()
        => VerifyAsync("""
            [DecisionRecord]
            class Chained
            {
                public Chained(string why) { Why = why; }
                public Chained() : this("Beslutet grundar sig på läkarintyget ...") { }
                [Reasoning] public string Why { get; }
            }

            class Service
            {
                Chained Make() => new Chained();
            }
            """);
}
