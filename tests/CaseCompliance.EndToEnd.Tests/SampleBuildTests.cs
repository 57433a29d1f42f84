using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>`dotnet build` of the SickPay sample against the packed package prints exactly the documented findings.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleBuildTests(PackedPackageFixture package)
{
    [Fact]
    public async Task Build_reports_exactly_the_documented_findings()
    {
        var workspace = SampleWorkspace.Create(package, "build");

        var build = await workspace.BuildAsync();

        Assert.True(build.ExitCode == 0, "The sample does not build:" + Environment.NewLine + build.Describe());
        var ids = SampleFindings.AllIds(build);
        var failures = ids.Intersect(SampleFindings.AnalyzerFailureIds, StringComparer.Ordinal).ToList();
        Assert.True(failures.Count == 0, $"The analyzers failed to load or crashed ({string.Join(", ", failures)}):" + Environment.NewLine + build.Describe());

        var actual = workspace.Diagnostics(build).Where(d => d.Id.StartsWith("CASE", StringComparison.Ordinal)).Select(d => d.Finding).ToHashSet();
        var expected = SampleFindings.Expected.ToHashSet();
        Assert.True(
            actual.SetEquals(expected),
            $"""
            The sample's CASE findings differ from the documented ones (samples/SickPay/README.md).
            Missing:
            {SampleFindings.Show(expected.Except(actual))}
            Unexpected:
            {SampleFindings.Show(actual.Except(expected))}
            {build.Describe()}
            """);

        // Apart from the deliberate findings the sample compiles clean (NuGet's own notices aside).
        var others = ids.Where(id => !id.StartsWith("CASE", StringComparison.Ordinal) && !id.StartsWith("NU", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, $"The sample has other diagnostics ({string.Join(", ", others)}):" + Environment.NewLine + build.Describe());

        // And it is a working app.
        var run = await workspace.DotNetAsync([Path.Combine(workspace.SickPayDirectory, "bin", "Debug", "net10.0", "SickPay.dll")]);
        Assert.True(run.ExitCode == 0, "The sample app fails:" + Environment.NewLine + run.Describe());
    }

    [Fact]
    public void Readme_documents_the_same_findings_as_this_test()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Samples, "SickPay", "README.md"));

        var documented = SampleFindings.Documented(readme);

        Assert.Equal(
            SampleFindings.Expected.Select(f => f.ToString()).Order(StringComparer.Ordinal),
            documented.Select(f => f.ToString()).Order(StringComparer.Ordinal));
    }
}
