using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>How `dotnet build` finds rules files, and what it does with a broken one.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RulesFileTests(PackedPackageFixture package)
{
    [Fact]
    public async Task A_mistake_in_the_rules_file_is_reported_at_its_line_and_the_rest_of_the_file_still_applies()
    {
        var workspace = SampleWorkspace.Create(package, "broken-rules");
        var lines = File.ReadAllLines(workspace.RulesFile).ToList();
        var index = lines.FindIndex(l => l.Contains("\"M:Vendor.Logging.LogWrapper.*\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"roles\"", "\"rols\"", StringComparison.Ordinal);
        File.WriteAllLines(workspace.RulesFile, lines);

        var build = await workspace.BuildProjectAsync(workspace.SupportProject);

        Assert.True(build.ExitCode != 0, "A schema violation in the rules file is an error, but the build passed:" + Environment.NewLine + build.Describe());
        var findings = workspace.Diagnostics(build, workspace.SupportDirectory);
        var error = Assert.Single(findings, d => d.Id == "CASE901");
        Assert.Equal(("../../casecompliance.json", index + 1, "error"), (error.File, error.Line, error.Severity));
        Assert.Contains(":", build.Output[build.Output.IndexOf("CASE901", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // The broken entry (the logger as a sink) is gone; everything else still applies.
        var ids = findings.Where(d => d.Id.StartsWith("CASE0", StringComparison.Ordinal) || d.Id.StartsWith("CASE1", StringComparison.Ordinal)).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["CASE001", "CASE002", "CASE010", "CASE101"], ids);
    }

    [Fact]
    public async Task A_rules_file_beside_the_project_wins_over_the_one_above_and_more_files_can_be_named()
    {
        var workspace = SampleWorkspace.Create(package, "pick-up");
        var shared = File.ReadAllText(workspace.RulesFile);
        var withoutCustomRules = shared[..shared.IndexOf("\"rules\": [", StringComparison.Ordinal)].TrimEnd().TrimEnd(',') + Environment.NewLine + "}" + Environment.NewLine;
        File.WriteAllText(Path.Combine(workspace.SupportDirectory, "casecompliance.json"), withoutCustomRules.Replace("\"../casecompliance.schema.json\"", "\"../../../casecompliance.schema.json\"", StringComparison.Ordinal));

        var beside = await workspace.BuildProjectAsync(workspace.SupportProject);

        var besideIds = workspace.Diagnostics(beside, workspace.SupportDirectory).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(besideIds.SequenceEqual(["CASE001", "CASE002", "CASE010", "CASE060"]),
            "With a rules file beside the project, only it applies (no CASE101):" + Environment.NewLine + string.Join(", ", besideIds) + Environment.NewLine + beside.Describe());

        // An extra file named in the project adds the custom rule back.
        var customRules = "{ \"version\": 1, " + shared[shared.IndexOf("\"roles\": {", StringComparison.Ordinal)..];
        customRules = customRules.Remove(customRules.IndexOf("\"symbols\": [", StringComparison.Ordinal), customRules.IndexOf("\"rules\": [", StringComparison.Ordinal) - customRules.IndexOf("\"symbols\": [", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(workspace.SupportDirectory, "export.casecompliance.json"), customRules);
        var project = File.ReadAllText(workspace.SupportProject);
        File.WriteAllText(workspace.SupportProject, project.Replace("</Project>", "  <ItemGroup><CaseComplianceRules Include=\"export.casecompliance.json\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));

        var named = await workspace.BuildProjectAsync(workspace.SupportProject, "--no-incremental");

        var namedIds = workspace.Diagnostics(named, workspace.SupportDirectory).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(namedIds.SequenceEqual(["CASE001", "CASE002", "CASE010", "CASE060", "CASE101"]),
            "With a second file named in the project, its rule applies too:" + Environment.NewLine + string.Join(", ", namedIds) + Environment.NewLine + named.Describe());
    }
}
