using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CaseCompliance.Analyzers.Tests.Verifiers;

/// <summary>Analyzer verifier with the annotations referenced: <c>using Verify = CSharpAnalyzerVerifier&lt;PurposeAnalyzer&gt;;</c>.</summary>
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

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(bool withAnnotations = true)
        {
            ReferenceAssemblies = TestSetup.References;
            TestSetup.Apply(TestState, withAnnotations);
            SolutionTransforms.Add(TestSetup.WithLanguageVersion);
        }
    }
}
