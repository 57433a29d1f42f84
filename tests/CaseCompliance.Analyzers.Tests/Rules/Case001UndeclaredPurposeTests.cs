using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.Rules;
using Verify = CaseCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CaseCompliance.Analyzers.Tests.Verifiers.PurposeRules>;

namespace CaseCompliance.Analyzers.Tests.Rules;

public class Case001UndeclaredPurposeTests
{
    private const string Person = """
        using CaseCompliance;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        public record Person(string Name, [property: PersonalData(DataCategories.Identity)] string Personnummer)
        {
            public string CaseId { get; init; } = "";
            [PersonalData(DataCategories.Health)] public string Diagnosis { get; set; } = "";
            [PersonalData(DataCategories.Financial)] public int Income;
            public string Masked() => Personnummer.Substring(0, 8);
        }

        """;

    [Fact]
    public Task Member_access_without_purpose_is_reported_with_the_symbols_in_the_message()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                string Run(Person p) => {|#0:p.Personnummer|};
            }
            """,
            Verify.Diagnostic("CASE001").WithLocation(0).WithArguments("Person.Personnummer", "identity", "Export.Run"));

    [Fact]
    public Task Member_access_under_a_method_purpose_is_fine()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                [ProcessingPurpose(Purposes.CaseHandling)]
                string Run(Person p) => p.Personnummer;
            }
            """);

    [Fact]
    public Task Purpose_on_the_assembly_is_in_scope()
    {
        var test = new Verify.Test
        {
            TestCode = Person + """
                class Export
                {
                    string Run(Person p) => p.Personnummer;
                }
                """,
        };
        test.TestState.Sources.Add(("AssemblyInfo.cs", "[assembly: CaseCompliance.ProcessingPurpose(CaseCompliance.Purposes.CaseHandling)]"));
        return test.RunAsync();
    }

    [Fact]
    public Task Purpose_on_a_containing_type_is_in_scope_for_nested_types()
        => Verify.VerifyAnalyzerAsync(Person + """
            [ProcessingPurpose(Purposes.Statistics)]
            class Outer
            {
                class Inner
                {
                    string Run(Person p) => p.Personnummer;
                }
            }
            """);

    [Fact]
    public Task Data_that_is_not_personal_is_never_reported()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                string Run(Person p) => p.CaseId + p.Name;
            }
            """);

    [Fact]
    public Task Writes_object_initializers_and_nameof_are_not_reads()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                void Run(Person p, string value)
                {
                    p.Diagnosis = value;
                    var q = new Person("a", "b") { Diagnosis = value };
                    var name = nameof(Person.Personnummer) + nameof(p.Diagnosis);
                    (p.Diagnosis, var other) = (value, 1);
                }
            }
            """);

    [Fact]
    public Task With_that_sets_every_personal_data_member_reads_none()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            public record Claim(string CaseId, [property: PersonalData(DataCategories.Identity)] string Personnummer);
            class Export
            {
                Claim Run(Claim c) => c with { Personnummer = "" };
            }
            """);

    [Fact]
    public Task Compound_assignment_reads_and_writes()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                void Run(Person p)
                {
                    {|CASE001:p.Income|} += 100;
                    {|CASE001:p.Income|}++;
                    {|CASE001:p.Diagnosis|} ??= "none";
                }
            }
            """);

    [Fact]
    public Task Conditional_access_is_reported_on_the_whole_expression()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                int? Run(Person? p) => {|CASE001:p?.Personnummer|}?.Length;
            }
            """);

    [Fact]
    public Task Property_patterns_read_the_member()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                bool Run(Person p) => p is { {|CASE001:Personnummer|}: var x } && x.Length > 0;
                bool Run2(Person p) => p is { Name: "x", {|CASE001:Diagnosis|}.Length: > 3 };
            }
            """);

    [Fact]
    public Task Deconstruction_reads_the_deconstructed_personal_data_but_not_discards()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                void Run(Person p, List<Person> all)
                {
                    var (name, pnr) = {|CASE001:p|};
                    var (onlyName, _) = p;
                    foreach ({|CASE001:var (n, id)|} in all) { }
                    if (p is {|CASE001:(_, var x)|}) { }
                    if (p is (var y, _)) { }
                }
            }
            """);

    [Fact]
    public Task Tuples_interpolation_and_ref_arguments_read()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                void Touch(ref int value) { }
                void Peek(in int value) { }
                string Run(Person p)
                {
                    var t = (p.Name, {|CASE001:p.Personnummer|});
                    Touch(ref {|CASE001:p.Income|});
                    Peek(in {|CASE001:p.Income|});
                    return $"{p.Name}: {{|CASE001:p.Diagnosis|}}";
                }
            }
            """);

    [Fact]
    public Task With_expression_copies_personal_data()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                Person Run(Person p) => {|CASE001:p|} with { CaseId = "new" };
            }
            """);

    [Fact]
    public Task Linq_query_and_method_syntax_read_inside_their_lambdas()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                IEnumerable<string> Query(List<Person> all) =>
                    from p in all where {|CASE001:p.Diagnosis|} != "" select {|CASE001:p.Personnummer|};

                IEnumerable<string> Method(List<Person> all) =>
                    all.Where(p => {|CASE001:p.Income|} > 10).Select(p => {|CASE001:p.Personnummer|});
            }
            """);

    [Fact]
    public Task Lambda_and_local_function_purposes_are_innermost()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                void Run(List<Person> all)
                {
                    var a = all.Select([ProcessingPurpose(Purposes.Statistics)] (Person p) => p.Income);
                    var b = all.Select((Person p) => {|CASE001:p.Income|});

                    [ProcessingPurpose(Purposes.CaseHandling)]
                    string Local(Person p) => p.Personnummer;

                    string Bare(Person p) => {|CASE001:p.Personnummer|};
                }
            }
            """);

    [Fact]
    public Task Async_await_and_try_finally_shapes_are_reads()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                async Task<string> Run(Task<Person> load)
                {
                    try
                    {
                        var p = await load;
                        using var stream = new System.IO.MemoryStream();
                        return {|CASE001:(await load).Personnummer|} + {|CASE001:p.Diagnosis|};
                    }
                    finally
                    {
                        System.Console.WriteLine("done");
                    }
                }
            }
            """);

    [Fact]
    public Task Switch_expressions_read_their_arms_and_governing_value()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                string Run(Person p) => {|CASE001:p.Income|} switch
                {
                    > 100 => {|CASE001:p.Personnummer|},
                    _ => p.Name,
                };
            }
            """);

    [Fact]
    public Task The_declaring_type_is_exempt_for_its_own_members()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                [ProcessingPurpose(Purposes.CaseHandling)]
                string Run(Person p) => p.Masked();
            }
            """);

    [Fact]
    public Task Type_level_personal_data_covers_every_property_and_field()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;

            [PersonalData(DataCategories.Contact)]
            public class Address
            {
                public string Street { get; set; } = "";
                public const string Country = "SE";
                public static int Count;
            }

            public class Home : Address { public string Door { get; set; } = ""; }

            class Export
            {
                string Run(Address a, Home h) => {|CASE001:a.Street|} + Address.Country + {|CASE001:h.Door|} + {|CASE001:h.Street|};
            }
            """);

    [Fact]
    public Task Record_parameters_annotated_without_a_property_target_mark_their_property()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;
            public record Claim(string CaseId, [PersonalData(DataCategories.Identity)] string Personnummer);
            public record struct Ref([PersonalData(DataCategories.Contact)] string Email);
            class Export
            {
                string Run(Claim c, Ref r) => c.CaseId + {|CASE001:c.Personnummer|} + {|CASE001:r.Email|};
            }
            """);

    [Fact]
    public Task Methods_returning_personal_data_are_reads()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;

            public class Registry
            {
                [return: PersonalData(DataCategories.Identity)]
                public string PersonnummerOf(int id) => "";

                [PersonalData(DataCategories.Health)]
                public string DiagnosisOf(int id) => "";

                public int Count() => 0;
            }

            class Export
            {
                string Run(Registry r) => {|CASE001:r.PersonnummerOf(1)|} + {|CASE001:r.DiagnosisOf(2)|} + r.Count();
            }
            """);

    [Fact]
    public Task Interface_and_override_members_inherit_personal_data()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;

            public interface IPerson { [PersonalData(DataCategories.Identity)] string Personnummer { get; } }
            public class Person : IPerson { public string Personnummer => ""; }
            public abstract class Base { [PersonalData(DataCategories.Health)] public abstract string Diagnosis { get; } }
            public class Derived : Base { public override string Diagnosis => ""; }
            public sealed class Explicit : IPerson { string IPerson.Personnummer => ""; }

            class Export
            {
                string Run(Person p, Derived d, IPerson i) => {|CASE001:p.Personnummer|} + {|CASE001:d.Diagnosis|} + {|CASE001:i.Personnummer|};
            }
            """);

    [Fact]
    public Task Interface_and_override_members_inherit_purposes()
        => Verify.VerifyAnalyzerAsync(Person + """
            public interface IExport { [ProcessingPurpose(Purposes.Statistics)] int Run(Person p); }
            public class Export : IExport { public int Run(Person p) => p.Income; }
            public abstract class Base { [ProcessingPurpose(Purposes.CaseHandling)] public abstract string Show(Person p); }
            public class Derived : Base { public override string Show(Person p) => p.Personnummer; }
            [ProcessingPurpose(Purposes.CaseHandling)] public class Service { }
            public class SubService : Service { string Show(Person p) => p.Personnummer; }
            """);

    [Fact]
    public Task Purposes_on_an_interface_type_apply_to_the_members_of_its_implementations()
        => Verify.VerifyAnalyzerAsync(Person + """
            [ProcessingPurpose(Purposes.CaseHandling)] public interface ICaseScreen { }
            public interface IUnrelated { }
            public class Screen : ICaseScreen { string Show(Person p) => p.Personnummer; }
            public class Derived : Screen { string Again(Person p) => p.Personnummer; }
            public class Other : IUnrelated { string Show(Person p) => {|CASE001:p.Personnummer|}; }
            """);

    [Fact]
    public Task Property_accessors_use_the_property_purpose()
        => Verify.VerifyAnalyzerAsync(Person + """
            class View
            {
                private readonly Person p = new("a", "b");
                [ProcessingPurpose(Purposes.CaseHandling)]
                public string Shown => p.Personnummer;
                public string Hidden { get { return {|CASE001:p.Personnummer|}; } }
                private readonly string copy = {|CASE001:new Person("a", "b").Diagnosis|};
            }
            """);

    [Fact]
    public Task Partial_classes_share_the_type_purpose()
        => Verify.VerifyAnalyzerAsync(Person + """
            [ProcessingPurpose(Purposes.CaseHandling)]
            partial class Screen { }
            partial class Screen { string Run(Person p) => p.Personnummer; }
            """);

    [Fact]
    public Task Generic_types_and_methods_read_through_their_constructed_members()
        => Verify.VerifyAnalyzerAsync("""
            using CaseCompliance;

            public class Box<T> { [PersonalData(DataCategories.Identity)] public T Value { get; set; } = default!; }

            class Export
            {
                T Run<T>(Box<T> box) => {|CASE001:box.Value|};
                string Run2(Box<string> box) => {|CASE001:box.Value|};
            }
            """);

    [Fact]
    public Task An_empty_purpose_list_declares_no_purpose()
        => Verify.VerifyAnalyzerAsync(Person + """
            class Export
            {
                [ProcessingPurpose]
                string Run(Person p) => {|CASE001:p.Personnummer|};
            }
            """);

    [Fact]
    public Task Generated_code_is_not_analyzed()
    {
        var test = new Verify.Test { TestCode = Person };
        test.TestState.Sources.Add(("Export.g.cs", """
            class Export
            {
                string Run(Person p) => p.Personnummer;
            }
            """));
        test.TestState.Sources.Add(("Marked.cs", """
            // <auto-generated/>
            class Marked
            {
                string Run(Person p) => p.Personnummer;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Annotations_from_a_referenced_assembly_are_read_from_metadata()
    {
        var library = Verifiers.TestSetup.CompileLibrary("Crm", """
            using CaseCompliance;
            namespace Crm
            {
                public class Customer
                {
                    [PersonalData(DataCategories.Contact)] public string Email { get; set; } = "";
                    public string Segment { get; set; } = "";
                }

                public interface IReport { [ProcessingPurpose(Purposes.Statistics)] string Render(Customer c); }

                [PersonalData(DataCategories.Identity)]
                public class Contact { public string Phone { get; set; } = ""; }
            }
            """);
        var test = new Verify.Test
        {
            TestCode = """
                using Crm;
                class Mail
                {
                    string Send(Customer c, Contact k) => {|CASE001:c.Email|} + c.Segment + {|CASE001:k.Phone|};
                }
                class Report : IReport
                {
                    public string Render(Customer c) => c.Email;
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        return test.RunAsync();
    }

    [Fact]
    public Task Messages_name_top_level_statements_lambdas_and_local_functions_as_written()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using CaseCompliance;
                var p = new Person();
                System.Console.Write({|#0:p.Personnummer|});
                string Local(Person q) => {|#1:q.Personnummer|};
                System.Func<Person, string> f = x => {|#2:x.Personnummer|};
                public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CASE001").WithLocation(0).WithArguments("Person.Personnummer", "identity", "top-level statements"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CASE001").WithLocation(1).WithArguments("Person.Personnummer", "identity", "local function Local in top-level statements"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CASE001").WithLocation(2).WithArguments("Person.Personnummer", "identity", "lambda in top-level statements"));
        return test.RunAsync();
    }
}
