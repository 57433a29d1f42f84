using System.Collections.Immutable;
using CaseCompliance.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CaseCompliance.Analyzers.Tests.Fixes;

/// <summary>The guard every fix goes through: an edit that adds a compiler error is not offered, nor kept in a fix-all.</summary>
public class CompilingFixTests
{
    private const string Code = """
        class Screen
        {
            int Count(string id) { return id.Length; }
        }
        """;

    private static Document NewDocument(string code)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp)
            .WithMetadataReferences(new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) })
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return project.AddDocument("Screen.cs", SourceText.From(code));
    }

    private static CodeAction Replace(Document document, string from, string to)
        => CodeAction.Create("edit", async ct =>
        {
            var text = await document.GetTextAsync(ct);
            return document.WithText(SourceText.From(text.ToString().Replace(from, to)));
        });

    [Fact]
    public async Task An_edit_that_adds_an_error_does_not_keep_compiling_and_one_that_adds_none_does()
    {
        var document = NewDocument(Code);
        Assert.False(await CompilingFix.KeepsCompilingAsync(document.Project.Solution, Replace(document, "return id.Length;", "Audit(id, default!); return id.Length;"), CancellationToken.None));
        Assert.False(await CompilingFix.KeepsCompilingAsync(document.Project.Solution, Replace(document, "id.Length", "id.Lenght"), CancellationToken.None));
        Assert.True(await CompilingFix.KeepsCompilingAsync(document.Project.Solution, Replace(document, "return id.Length;", "var n = id.Length; return n;"), CancellationToken.None));
    }

    [Fact]
    public async Task Code_that_did_not_compile_before_may_be_fixed_as_long_as_no_error_is_added()
    {
        var document = NewDocument(Code.Replace("return id.Length;", "Missing(); return id.Length;"));
        Assert.True(await CompilingFix.KeepsCompilingAsync(document.Project.Solution, Replace(document, "return id.Length;", "var n = id.Length; return n;"), CancellationToken.None));
        Assert.False(await CompilingFix.KeepsCompilingAsync(document.Project.Solution, Replace(document, "return id.Length;", "Missing2(); return id.Length;"), CancellationToken.None));
    }

    [Fact]
    public async Task A_fix_all_keeps_the_fixes_that_compile_and_leaves_out_the_ones_that_do_not()
    {
        var document = NewDocument(Code);
        var good = Diagnostic.Create("X1", "c", "m", DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, true, 1);
        var bad = Diagnostic.Create("X2", "c", "m", DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, true, 1);
        async Task<Document> Apply(ImmutableArray<Diagnostic> some, CancellationToken ct)
        {
            var text = (await document.GetTextAsync(ct)).ToString();
            foreach (var diagnostic in some)
            {
                text = diagnostic.Id == "X1" ? text.Replace("class Screen", "sealed class Screen") : text.Replace("return id.Length;", "return id.Lenght;");
            }

            return document.WithText(SourceText.From(text));
        }

        var fixedDocument = await CompilingFix.FixAllAsync(document, ImmutableArray.Create(good, bad), Apply, CancellationToken.None);
        var result = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Contains("sealed class Screen", result);
        Assert.Contains("return id.Length;", result);

        var none = await CompilingFix.FixAllAsync(document, ImmutableArray.Create(bad), Apply, CancellationToken.None);
        Assert.Equal(Code, (await none.GetTextAsync()).ToString());
    }
}
