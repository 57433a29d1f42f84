using Microsoft.CodeAnalysis.Testing;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.FairDecisionRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case040ProtectedCharacteristicInDecisionTests
{
    private const string Model = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using CaseCompliance;

        public enum Sex { Female, Male, Other }

        public class Applicant
        {
            [ProtectedCharacteristic(Grounds.Sex)] public Sex Sex { get; set; }
            [ProtectedCharacteristic(Grounds.Age)] public int Age { get; set; }
            public int Income { get; set; }
            public int SickDays { get; set; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(Model + source, expected);

    [Fact]
    public Task An_if_on_sex_in_decision_logic_is_reported_on_the_read_with_the_ground()
        => VerifyAsync("""
            [DecisionLogic]
            class Entitlement
            {
                decimal Rate(Applicant a)
                {
                    if ({|#0:a.Sex|} == Sex.Female) return 0.8m;
                    return 0.75m;
                }
            }
            """,
            Verify.Diagnostic("CASE040").WithLocation(0).WithArguments("Applicant.Sex", "sex", "Entitlement.Rate"));

    [Fact]
    public Task Every_kind_of_condition_is_a_branch()
        => VerifyAsync("""
            class Entitlement
            {
                [DecisionLogic]
                decimal Shapes(Applicant a, List<Applicant> all)
                {
                    var rate = {|CASE040:a.Age|} > 60 ? 0.7m : 0.8m;
                    switch ({|CASE040:a.Sex|}) { case Sex.Male: rate += 0.01m; break; }
                    rate += {|CASE040:a.Sex|} switch { Sex.Female => 0.02m, _ => 0m };
                    if (a is { {|CASE040:Age|}: > 65 }) rate = 0;
                    while ({|CASE040:a.Age|} < 18) { break; }
                    if (a.Income > 0 && {|CASE040:a.Age|} > 30) rate++;
                    var women = all.Where(x => {|CASE040:x.Sex|} == Sex.Female).OrderBy(x => {|CASE040:x.Age|});
                    var query = from x in all where {|CASE040:x.Age|} > 50 select x.Income;
                    return rate;
                }
            }
            """);

    [Fact]
    public Task A_local_assigned_from_the_characteristic_that_a_condition_reads_is_reported_at_the_read()
        => VerifyAsync("""
            [DecisionLogic]
            class Entitlement
            {
                decimal Rate(Applicant a)
                {
                    var older = {|CASE040:a.Age|} > 60;
                    if (older) return 0.7m;
                    var age = a.Age; // never decides anything
                    return age * 0.01m;
                }
            }
            """);

    [Fact]
    public Task Reads_that_decide_nothing_or_outside_decision_logic_are_fine()
        => VerifyAsync("""
            [DecisionLogic]
            class Entitlement
            {
                string Describe(Applicant a) => $"{a.Sex}, {a.Age}";
                int Days(Applicant a) => a.SickDays > 14 ? a.SickDays : 0;
            }

            class Letters
            {
                string Greeting(Applicant a) => a.Sex == Sex.Female ? "Fru" : "Herr";
            }
            """);

    [Fact]
    public Task A_legal_basis_naming_the_ground_exempts_and_another_ground_does_not()
        => VerifyAsync("""
            [DecisionLogic]
            class Entitlement
            {
                [LegalBasis("SFB 27 kap. 7 §", Grounds.Age)]
                decimal Rate(Applicant a) => a.Age > 65 ? 0 : 0.8m;

                [LegalBasis("SFB 27 kap. 7 §", Grounds.Age)]
                decimal Other(Applicant a) => {|CASE040:a.Sex|} == Sex.Male ? 0 : 0.8m;
            }

            [DecisionLogic]
            [LegalBasis("SFB 25 kap.", Grounds.Age, Grounds.Disability)]
            class Pension
            {
                decimal Rate(Applicant a) => a.Age > 65 ? 1 : 0;
            }
            """);

    [Fact]
    public Task Reading_sex_for_statistics_is_fine()
        => VerifyAsync("""
            [DecisionLogic]
            class Report
            {
                [ProcessingPurpose(Purposes.Statistics)]
                int Women(List<Applicant> all) => all.Count(a => a.Sex == Sex.Female);
            }
            """);

    [Fact]
    public Task Parameters_methods_lambdas_and_inherited_scopes()
        => VerifyAsync("""
            [DecisionLogic]
            abstract class Base { }

            class Derived : Base
            {
                bool Young([ProtectedCharacteristic(Grounds.Age)] int age)
                {
                    if ({|CASE040:age|} < 25) return true;
                    return false;
                }

                bool ReturnsAComparison([ProtectedCharacteristic(Grounds.Age)] int age) => age < 25; // no condition here
            }

            class Local
            {
                void Run(Applicant a)
                {
                    [DecisionLogic]
                    int Decide() => {|CASE040:a.Age|} > 70 ? 1 : 0;
                    int NotDecision() => a.Age > 70 ? 1 : 0;
                }
            }
            """);

    [Fact]
    public Task Regression_a_legal_basis_on_a_local_function_exempts_its_body()
        => VerifyAsync("""
            [DecisionLogic]
            class Entitlement
            {
                int M(Applicant a)
                {
                    [LegalBasis("SFB 27 kap.", Grounds.Age)]
                    int Rate() => a.Age > 65 ? 0 : 1;
                    return Rate() + ({|CASE040:a.Age|} > 70 ? 1 : 0);
                }
            }
            """);

    [Fact]
    public Task Regression_nested_decision_functions_report_a_read_once()
        => VerifyAsync("""
            class Screen
            {
                void Run(Applicant a)
                {
                    [DecisionLogic]
                    int Outer()
                    {
                        [DecisionLogic]
                        int Inner() => {|CASE040:a.Age|} > 70 ? 1 : 0;
                        return Inner() + ({|CASE040:a.Sex|} == Sex.Female ? 1 : 0);
                    }
                }
            }
            """);
}
