using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CaseCompliance.Analyzers.Tests.Verifiers;

/// <summary>Code fix verifier with the annotations referenced: <c>using Verify = CSharpCodeFixVerifier&lt;PurposeRules, DeclarePurposeFix&gt;;</c>.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> (or the first one) to each diagnostic and with fix-all.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The same with a rules file beside the code: the fix sees the model the analyzer saw.</summary>
    public static Task VerifyCodeFixWithRulesFileAsync(string source, string rulesFile, string fixedSource, string? equivalenceKey = null, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.TestState.AdditionalFiles.Add((TestSetup.RulesFilePath, rulesFile));
        test.FixedState.AdditionalFiles.Add((TestSetup.RulesFilePath, rulesFile));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(bool withAnnotations = true)
        {
            ReferenceAssemblies = TestSetup.References;
            TestSetup.Apply(TestState, withAnnotations);
            SolutionTransforms.Add(TestSetup.WithLanguageVersion);
            MarkupOptions = MarkupOptions.UseFirstDescriptor; // the custom range is declared by every host of a kind custom rules use
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestSetup.Analyzers<TAnalyzer>(TestState);
    }
}
