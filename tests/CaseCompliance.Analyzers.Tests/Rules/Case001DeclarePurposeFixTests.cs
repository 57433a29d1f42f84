using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.Rules;
using CaseCompliance.CodeFixes.Rules;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CaseCompliance.Analyzers.Tests.Verifiers.PurposeRules, CaseCompliance.CodeFixes.Rules.DeclarePurposeFix>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case001DeclarePurposeFixTests
{
    private const string Person = """
        public record Person(string Name, [property: CaseCompliance.PersonalData(CaseCompliance.DataCategories.Identity)] string Personnummer)
        {
            [CaseCompliance.PersonalData(CaseCompliance.DataCategories.Health)] public string Diagnosis { get; set; } = "";
        }
        """;

    [Fact]
    public Task Declares_the_chosen_purpose_on_the_method_and_adds_the_using()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                class Export
                {
                    /// <summary>Shows it.</summary>
                    string Run(Person p) => {|CASE001:p.Personnummer|};
                }
                """,
            FixedCode = """
                using System;
                using CaseCompliance;

                class Export
                {
                    /// <summary>Shows it.</summary>
                    [ProcessingPurpose(Purposes.Statistics)]
                    string Run(Person p) => p.Personnummer;
                }
                """,
            CodeActionEquivalenceKey = "CASE001.DeclarePurpose.statistics",
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Offers_one_fix_per_well_known_purpose_with_the_guideline_in_the_title()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using CaseCompliance;
                class Export
                {
                    string Run(Person p) => {|CASE001:p.Personnummer|};
                }
                """,
            FixedCode = """
                using CaseCompliance;
                class Export
                {
                    [ProcessingPurpose(Purposes.Disclosure)]
                    string Run(Person p) => p.Personnummer;
                }
                """,
            CodeActionIndex = 5,
            CodeActionEquivalenceKey = "CASE001.DeclarePurpose.disclosure",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Declare purpose 'disclosure' (EK-INTEGRITET-1 Etisk kod: bara information som behövs i ärendet)", action.Title),
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Accessors_get_the_purpose_on_their_property_and_field_initializers_on_their_type()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using CaseCompliance;
                class View
                {
                    private readonly string copy = {|CASE001:new Person("a", "b").Diagnosis|};
                    private Person p = new("a", "b");
                    public string Shown { get { return {|CASE001:p.Personnummer|}; } }
                    public View(Person q) { var x = {|CASE001:q.Diagnosis|}; }
                }
                """,
            FixedCode = """
                using CaseCompliance;

                [ProcessingPurpose(Purposes.CaseHandling)]
                class View
                {
                    private readonly string copy = new Person("a", "b").Diagnosis;
                    private Person p = new("a", "b");
                    public string Shown { get { return p.Personnummer; } }
                    public View(Person q) { var x = q.Diagnosis; }
                }
                """,
            CodeActionEquivalenceKey = "CASE001.DeclarePurpose.case-handling",
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Reads_in_lambdas_and_local_functions_get_the_purpose_on_the_member_once()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using CaseCompliance;
                class Export
                {
                    IEnumerable<string> Run(List<Person> all)
                    {
                        string Local(Person p) => {|CASE001:p.Diagnosis|};
                        return all.Select(p => {|CASE001:p.Personnummer|} + Local(p));
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.Linq;
                using CaseCompliance;
                class Export
                {
                    [ProcessingPurpose(Purposes.CaseHandling)]
                    IEnumerable<string> Run(List<Person> all)
                    {
                        string Local(Person p) => p.Diagnosis;
                        return all.Select(p => p.Personnummer + Local(p));
                    }
                }
                """,
            CodeActionEquivalenceKey = "CASE001.DeclarePurpose.case-handling",
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task An_empty_declaration_is_filled_in()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using CaseCompliance;
                class Export
                {
                    [ProcessingPurpose]
                    string Run(Person p) => {|CASE001:p.Personnummer|};
                }
                """,
            FixedCode = """
                using CaseCompliance;
                class Export
                {
                    [ProcessingPurpose(Purposes.FraudPrevention)]
                    string Run(Person p) => p.Personnummer;
                }
                """,
            CodeActionEquivalenceKey = "CASE001.DeclarePurpose.fraud-prevention",
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("Person.cs", Person));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_declares_one_purpose_per_member_across_documents()
    {
        var test = new Verify.Test
        {
            CodeActionEquivalenceKey = "CASE001.DeclarePurpose.case-handling",
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
        };
        test.TestState.Sources.Add(("Person.cs", Person));
        test.TestState.Sources.Add(("A.cs", """
            class A
            {
                string One(Person p) => {|CASE001:p.Personnummer|} + {|CASE001:p.Diagnosis|};
                string Two(Person p) => {|CASE001:p.Diagnosis|};
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            namespace Cases
            {
                class B
                {
                    string Three(Person p) => {|CASE001:p.Personnummer|};
                }
            }
            """));
        test.FixedState.Sources.Add(("Person.cs", Person));
        test.FixedState.Sources.Add(("A.cs", """
            using CaseCompliance;

            class A
            {
                [ProcessingPurpose(Purposes.CaseHandling)]
                string One(Person p) => p.Personnummer + p.Diagnosis;
                [ProcessingPurpose(Purposes.CaseHandling)]
                string Two(Person p) => p.Diagnosis;
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using CaseCompliance;

            namespace Cases
            {
                class B
                {
                    [ProcessingPurpose(Purposes.CaseHandling)]
                    string Three(Person p) => p.Personnummer;
                }
            }
            """));
        return test.RunAsync();
    }
}
