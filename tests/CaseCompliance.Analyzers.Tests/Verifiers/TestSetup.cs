using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace CaseCompliance.Analyzers.Tests.Verifiers;

/// <summary>What every analyzer and code fix test shares: reference assemblies, the annotations, the language version.</summary>
internal static class TestSetup
{
    /// <summary>
    /// .NET 8 reference assemblies, resolved once through NuGet by the testing library. The version is pinned to one
    /// the package source serves (the library's own default, 8.0.0, is not always mirrored).
    /// </summary>
    public static readonly ReferenceAssemblies References = new ReferenceAssemblies(
        "net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"), System.IO.Path.Combine("ref", "net8.0"));

    /// <summary>The annotations assembly as users reference it: metadata, not source.</summary>
    public static readonly MetadataReference Annotations =
        MetadataReference.CreateFromFile(typeof(CaseCompliance.PersonalDataAttribute).Assembly.Location);

    public const LanguageVersion Language = LanguageVersion.CSharp12;

    /// <summary>Microsoft.Extensions.Logging.Abstractions and Microsoft.Extensions.Compliance.Abstractions, for CASE060.</summary>
    public static readonly MetadataReference[] LoggingAndCompliance =
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Compliance.Redaction.Redactor).Assembly.Location),
    };

    /// <summary>Where tests put the rules file: beside the code, as the package's build files pick it up.</summary>
    public const string RulesFilePath = "/0/casecompliance.json";

    /// <summary>The analyzers a test runs: a rule group's members (or the analyzer), plus the rules-file analyzer when there is a rules file.</summary>
    public static IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers<TAnalyzer>(SolutionState state)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var analyzers = RuleGroup.Expand<TAnalyzer>().ToList();
        if (state.AdditionalFiles.Any(f => f.filename.EndsWith("casecompliance.json", StringComparison.OrdinalIgnoreCase))
            && !analyzers.Any(a => a is CaseCompliance.Analyzers.Rules.RulesFileAnalyzer))
        {
            analyzers.Add(new CaseCompliance.Analyzers.Rules.RulesFileAnalyzer());
        }

        return analyzers;
    }

    public static void Apply(SolutionState state, bool withAnnotations)
    {
        if (withAnnotations)
        {
            state.AdditionalReferences.Add(Annotations);
        }
    }

    public static Solution WithLanguageVersion(Solution solution, ProjectId projectId)
    {
        var options = (CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
        return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(Language));
    }

    /// <summary>Compiles <paramref name="source"/> into a metadata reference, for tests of annotations read from referenced assemblies.</summary>
    public static MetadataReference CompileLibrary(string assemblyName, string source)
    {
        var references = References.ResolveAsync(LanguageNames.CSharp, default).GetAwaiter().GetResult().Add(Annotations);
        var compilation = CSharpCompilation.Create(assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(Language)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new System.IO.MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new System.InvalidOperationException("Library does not compile: " + string.Join("; ", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(ImmutableArray.Create(stream.ToArray()));
    }
}
