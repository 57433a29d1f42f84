using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CaseCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Analyzer verifier with the annotations referenced: <c>using Verify = CSharpAnalyzerVerifier&lt;PurposeRules&gt;;</c>.
/// Every case runs twice when it can: as written, and once more with every annotation moved into a rules file
/// (<see cref="BothWays"/>), expecting the same diagnostics.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies <paramref name="source"/> with a rules file beside it (and the rules-file analyzer, so any CASE9xx must be expected too).</summary>
    public static Task VerifyWithRulesFileAsync(string source, string rulesFile, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.AdditionalFiles.Add((TestSetup.RulesFilePath, rulesFile));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(bool withAnnotations = true)
        {
            ReferenceAssemblies = TestSetup.References;
            TestSetup.Apply(TestState, withAnnotations);
            SolutionTransforms.Add(TestSetup.WithLanguageVersion);
            MarkupOptions = MarkupOptions.UseFirstDescriptor; // the custom range is declared by every host of a kind custom rules use
        }

        /// <summary>Whether the case also runs with its annotations moved into a rules file (<see cref="BothWays"/>).</summary>
        public bool RunBothWays { get; set; } = true;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestSetup.Analyzers<TAnalyzer>(TestState);

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            await base.RunImplAsync(cancellationToken);
            if (RunBothWays && !TestState.AdditionalFiles.Any(f => f.filename.EndsWith("casecompliance.json", StringComparison.OrdinalIgnoreCase)))
            {
                await BothWays.RunWithRulesFileAsync(this, cancellationToken);
            }
        }
    }
}
