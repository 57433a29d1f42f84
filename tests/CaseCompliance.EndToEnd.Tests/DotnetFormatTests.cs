using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>`dotnet format analyzers` applies the package's code fixes, as bots and CI apply them.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DotnetFormatTests(PackedPackageFixture package)
{
    /// <summary>Every rule with a code fix that a sample violates, with the sample project.</summary>
    public static TheoryData<string, string> FixableRules => new()
    {
        { "SickPay", "CASE001" }, { "SickPay", "CASE002" }, { "SickPay", "CASE003" }, { "SickPay", "CASE010" }, { "SickPay", "CASE021" },
        { "SickPay", "CASE022" }, { "SickPay", "CASE030" }, { "SickPay", "CASE050" }, { "SickPay", "CASE060" },
        { "Support", "CASE010" }, { "Support", "CASE101" },
    };

    [Theory]
    [MemberData(nameof(FixableRules))]
    public async Task Format_applies_the_fix_and_the_sample_still_builds(string sample, string id)
    {
        var workspace = SampleWorkspace.Create(package, "format-" + sample + "-" + id);
        var project = sample == "SickPay" ? workspace.SickPayProject : workspace.SupportProject;
        var directory = Path.GetDirectoryName(project)!;
        var before = await workspace.BuildProjectAsync(project);
        Assert.True(before.ExitCode == 0, "The sample does not build:" + Environment.NewLine + before.Describe());
        var findingsBefore = workspace.Diagnostics(before, directory);
        var case001Before = findingsBefore.Count(d => d.Id == id);
        Assert.True(case001Before > 0, $"The sample has no {id} to fix:" + Environment.NewLine + before.Describe());
        var sources = Snapshot(directory);

        // dotnet format evaluates the project itself: the environment carries the package version to it.
        var format = await workspace.DotNetAsync(
            ["format", "analyzers", project, "--diagnostics", id, "--severity", "warn", "--no-restore", "--verbosity", "normal"],
            new Dictionary<string, string> { ["CaseCompliancePackageVersion"] = package.Version });
        Assert.True(format.ExitCode == 0, "dotnet format failed:" + Environment.NewLine + format.Describe());

        var after = await workspace.BuildProjectAsync(project, "--no-incremental");
        var changed = Changed(sources, Snapshot(directory));
        var context = $"""
            Files dotnet format changed:
            {SampleFindings.Show(changed)}
            {format.Describe()}
            {after.Describe()}
            """;
        Assert.True(after.ExitCode == 0, "The sample does not build after dotnet format:" + Environment.NewLine + context);
        var findingsAfter = workspace.Diagnostics(after, directory);
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
