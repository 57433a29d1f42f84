using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.Tests.Verifiers;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>Shared pieces of the rules-file tests: running a group with files, and locating text in a file.</summary>
internal static class RulesFileTestSupport
{
    /// <summary>Runs <typeparamref name="TAnalyzer"/> (and the rules-file analyzer) on code with rules files at the given paths.</summary>
    public static Task VerifyAsync<TAnalyzer>(string code, IEnumerable<(string Path, string Text)> files, IEnumerable<DiagnosticResult> expected,
        bool withAnnotations = true, IEnumerable<MetadataReference>? references = null, string? editorConfig = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test(withAnnotations) { TestCode = code, RunBothWays = false };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        foreach (var reference in references ?? Enumerable.Empty<MetadataReference>())
        {
            test.TestState.AdditionalReferences.Add(reference);
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyAsync<TAnalyzer>(string code, string rules, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(code, new[] { (TestSetup.RulesFilePath, rules) }, expected);

    /// <summary>A diagnostic expected in a rules file at the <paramref name="occurrence"/>-th place where <paramref name="needle"/> is.</summary>
    public static DiagnosticResult At(DiagnosticDescriptor descriptor, string file, string text, string needle, int occurrence = 1)
    {
        var (line, column, endLine, endColumn) = Find(text, needle, occurrence);
        return new DiagnosticResult(descriptor).WithSpan(file, line, column, endLine, endColumn);
    }

    public static DiagnosticResult At(DiagnosticDescriptor descriptor, string text, string needle, int occurrence = 1)
        => At(descriptor, TestSetup.RulesFilePath, text, needle, occurrence);

    /// <summary>1-based line and column of the start and end of a text in a file.</summary>
    public static (int Line, int Column, int EndLine, int EndColumn) Find(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{needle}' (occurrence {occurrence}) is not in the text");
            }
        }

        var source = Microsoft.CodeAnalysis.Text.SourceText.From(text);
        var start = source.Lines.GetLinePosition(index);
        var end = source.Lines.GetLinePosition(index + needle.Length);
        return (start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1);
    }
}
