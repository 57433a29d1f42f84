using System.IO.Compression;
using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>The one CaseCompliance package holds what users need, where NuGet and the compiler look for it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests(PackedPackageFixture package)
{
    [Fact]
    public void Package_has_analyzers_code_fixes_and_annotations_and_no_Roslyn()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var listing = SampleFindings.Show(entries) + Environment.NewLine + package.Pack?.Describe();

        Assert.True(entries.Contains("analyzers/dotnet/cs/CaseCompliance.Analyzers.dll"), "No analyzers in the package:" + Environment.NewLine + listing);
        Assert.True(entries.Contains("analyzers/dotnet/cs/CaseCompliance.CodeFixes.dll"), "No code fixes in the package:" + Environment.NewLine + listing);
        Assert.True(entries.Contains("lib/netstandard2.0/CaseCompliance.Annotations.dll"), "No annotations in the package:" + Environment.NewLine + listing);

        // The compiler brings its own Roslyn; a shipped copy would clash with it.
        var roslyn = entries.Where(e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(roslyn.Count == 0, "The package ships Roslyn assemblies:" + Environment.NewLine + SampleFindings.Show(roslyn));

        // Only the annotations are referenced by user code; analyzers must not leak into lib/.
        var libraries = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(["lib/netstandard2.0/CaseCompliance.Annotations.dll"], libraries);

        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var reader = new StreamReader(nuspec.Open());
        var manifest = reader.ReadToEnd();
        Assert.True(!manifest.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase), "The package depends on Roslyn:" + Environment.NewLine + manifest);
        Assert.Contains($"<version>{package.Version}</version>", manifest, StringComparison.Ordinal);
    }
}
