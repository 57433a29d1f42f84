using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>`dotnet build` of the samples against the packed package prints exactly the documented findings.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleBuildTests(PackedPackageFixture package)
{
    [Fact]
    public async Task Build_reports_exactly_the_documented_findings()
    {
        var workspace = SampleWorkspace.Create(package, "build");

        var build = await workspace.BuildAsync();

        AssertFindings(workspace, build, workspace.SickPayDirectory, SampleFindings.Expected, "samples/SickPay/README.md");

        // And it is a working app.
        var run = await workspace.DotNetAsync([Path.Combine(workspace.SickPayDirectory, "bin", "Debug", "net10.0", "SickPay.dll")]);
        Assert.True(run.ExitCode == 0, "The sample app fails:" + Environment.NewLine + run.Describe());
    }

    [Fact]
    public async Task The_legacy_project_gets_its_findings_from_the_rules_file_alone()
    {
        var workspace = SampleWorkspace.Create(package, "legacy");
        var sources = Directory.EnumerateFiles(workspace.SupportDirectory, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(workspace.Root, "samples", "Legacy", "Vendor"), "*.cs", SearchOption.AllDirectories));
        Assert.All(sources, file => Assert.DoesNotContain("CaseCompliance", File.ReadAllText(file), StringComparison.Ordinal));

        var build = await workspace.BuildProjectAsync(workspace.SupportProject);

        AssertFindings(workspace, build, workspace.SupportDirectory, SampleFindings.LegacyExpected, "samples/Legacy/README.md");
        var run = await workspace.DotNetAsync([Path.Combine(workspace.SupportDirectory, "bin", "Debug", "net10.0", "Support.dll")]);
        Assert.True(run.ExitCode == 0, "The legacy app fails:" + Environment.NewLine + run.Describe());
    }

    [Theory]
    [InlineData("SickPay/README.md")]
    [InlineData("Legacy/README.md")]
    public void Readme_documents_the_same_findings_as_this_test(string readmePath)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Samples, readmePath));

        var documented = SampleFindings.Documented(readme);

        var expected = readmePath.StartsWith("SickPay", StringComparison.Ordinal) ? SampleFindings.Expected : SampleFindings.LegacyExpected;
        Assert.Equal(
            expected.Select(f => f.ToString()).Order(StringComparer.Ordinal),
            documented.Select(f => f.ToString()).Order(StringComparer.Ordinal));
    }

    private static void AssertFindings(SampleWorkspace workspace, CommandResult build, string projectDirectory, IReadOnlyList<Finding> expectedFindings, string readme)
    {
        Assert.True(build.ExitCode == 0, "The sample does not build:" + Environment.NewLine + build.Describe());
        var ids = SampleFindings.AllIds(build);
        var failures = ids.Intersect(SampleFindings.AnalyzerFailureIds, StringComparer.Ordinal).ToList();
        Assert.True(failures.Count == 0, $"The analyzers failed to load or crashed ({string.Join(", ", failures)}):" + Environment.NewLine + build.Describe());

        var actual = workspace.Diagnostics(build, projectDirectory).Where(d => d.Id.StartsWith("CASE", StringComparison.Ordinal)).Select(d => d.Finding).ToHashSet();
        var expected = expectedFindings.ToHashSet();
        Assert.True(
            actual.SetEquals(expected),
            $"""
            The sample's CASE findings differ from the documented ones ({readme}).
            Missing:
            {SampleFindings.Show(expected.Except(actual))}
            Unexpected:
            {SampleFindings.Show(actual.Except(expected))}
            {build.Describe()}
            """);

        // Apart from the deliberate findings the sample compiles clean (NuGet's own notices aside), and its rules file has no mistake.
        var others = ids.Where(id => !id.StartsWith("CASE", StringComparison.Ordinal) && !id.StartsWith("NU", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, $"The sample has other diagnostics ({string.Join(", ", others)}):" + Environment.NewLine + build.Describe());
    }
}
