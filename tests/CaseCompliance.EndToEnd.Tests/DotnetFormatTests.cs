using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>`dotnet format analyzers` applies the package's code fixes, as bots and CI apply them.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DotnetFormatTests(PackedPackageFixture package)
{
    /// <summary>Every rule with a code fix that the sample violates.</summary>
    public static TheoryData<string> FixableRules => new() { "CASE001", "CASE002", "CASE003", "CASE010", "CASE021", "CASE022", "CASE030", "CASE050", "CASE060" };

    [Theory]
    [MemberData(nameof(FixableRules))]
    public async Task Format_applies_the_fix_and_the_sample_still_builds(string id)
    {
        var workspace = SampleWorkspace.Create(package, "format-" + id);
        var before = await workspace.BuildAsync();
        Assert.True(before.ExitCode == 0, "The sample does not build:" + Environment.NewLine + before.Describe());
        var findingsBefore = workspace.Diagnostics(before);
        var case001Before = findingsBefore.Count(d => d.Id == id);
        Assert.True(case001Before > 0, $"The sample has no {id} to fix:" + Environment.NewLine + before.Describe());
        var sources = Snapshot(workspace.SickPayDirectory);

        // dotnet format evaluates the project itself: the environment carries the package version to it.
        var format = await workspace.DotNetAsync(
            ["format", "analyzers", workspace.SickPayProject, "--diagnostics", id, "--severity", "warn", "--no-restore", "--verbosity", "normal"],
            new Dictionary<string, string> { ["CaseCompliancePackageVersion"] = package.Version });
        Assert.True(format.ExitCode == 0, "dotnet format failed:" + Environment.NewLine + format.Describe());

        var after = await workspace.BuildAsync("--no-incremental");
        var changed = Changed(sources, Snapshot(workspace.SickPayDirectory));
        var context = $"""
            Files dotnet format changed:
            {SampleFindings.Show(changed)}
            {format.Describe()}
            {after.Describe()}
            """;
        Assert.True(after.ExitCode == 0, "The sample does not build after dotnet format:" + Environment.NewLine + context);
        var findingsAfter = workspace.Diagnostics(after);
        var case001After = findingsAfter.Count(d => d.Id == id);
        Assert.True(case001After < case001Before, $"{id} findings: {case001Before} before dotnet format, {case001After} after." + Environment.NewLine + context);

        // Fixing one rule must not create findings of other rules.
        IEnumerable<string> Others(IEnumerable<BuildDiagnostic> findings) =>
            findings.Where(d => d.Id != id && d.Id.StartsWith("CASE", StringComparison.Ordinal)).Select(d => $"{d.Severity} {d.Id} {d.File}").Order(StringComparer.Ordinal);
        Assert.Equal(Others(findingsBefore), Others(findingsAfter));
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    private static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var old) || old != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
}
