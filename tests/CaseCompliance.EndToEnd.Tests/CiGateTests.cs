using System.Text.Json;
using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>The ways CI consumes the findings: `-warnaserror` and a SARIF error log.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CiGateTests(PackedPackageFixture package)
{
    [Fact]
    public async Task Warnaserror_fails_the_build_with_CASE001_as_an_error()
    {
        var workspace = SampleWorkspace.Create(package, "warnaserror");

        var build = await workspace.BuildAsync("-warnaserror");

        Assert.True(build.ExitCode != 0, "The build passed with -warnaserror although the sample has findings:" + Environment.NewLine + build.Describe());
        var errors = workspace.Diagnostics(build).Where(d => d.Severity == "error").ToList();
        Assert.True(
            errors.Any(d => d.Id == "CASE001"),
            "No CASE001 error:" + Environment.NewLine + SampleFindings.Show(errors) + Environment.NewLine + build.Describe());
        Assert.True(errors.Any(d => d.Id == "CASE100"), "The custom rule CASE100 is no error:" + Environment.NewLine + SampleFindings.Show(errors));
        Assert.DoesNotContain(errors, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warnaserror_fails_the_legacy_build_on_findings_that_come_from_the_rules_file_only()
    {
        var workspace = SampleWorkspace.Create(package, "warnaserror-legacy");

        var build = await workspace.BuildProjectAsync(workspace.SupportProject, "-warnaserror");

        Assert.True(build.ExitCode != 0, "The legacy build passed with -warnaserror:" + Environment.NewLine + build.Describe());
        var errors = workspace.Diagnostics(build, workspace.SupportDirectory).Where(d => d.Severity == "error").Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["CASE001", "CASE002", "CASE010", "CASE060", "CASE101"], errors);
    }

    [Fact]
    public async Task ErrorLog_writes_SARIF_2_1_with_CASE001_results()
    {
        var workspace = SampleWorkspace.Create(package, "sarif");
        var sarifPath = Path.Combine(workspace.Root, "sickpay.sarif");

        // A comma separates properties on MSBuild's command line; quoting keeps ",version=2.1" part of the value.
        var build = await workspace.BuildAsync($"-p:ErrorLog=\"{sarifPath},version=2.1\"");

        Assert.True(build.ExitCode == 0, "The sample does not build:" + Environment.NewLine + build.Describe());
        Assert.True(File.Exists(sarifPath), $"No SARIF log at {sarifPath}:" + Environment.NewLine + build.Describe());
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var results = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var r) ? r.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(r => (Rule: r.GetProperty("ruleId").GetString(), Uri: FirstUri(r)))
            .ToList();
        Assert.True(
            results.Count(r => r.Rule == "CASE001") == SampleFindings.Expected.Count(f => f.Id == "CASE001"),
            "Unexpected CASE001 results in the SARIF log:" + Environment.NewLine + SampleFindings.Show(results.Cast<object>()));
        Assert.Contains(results, r => r.Rule == "CASE001" && r.Uri is not null && r.Uri.EndsWith("NotificationSender.cs", StringComparison.Ordinal));

        // The custom rule: its own message (with its name) on the result, its name and guideline in the result's
        // properties, and the rule the result points at (ruleIndex) is the custom rule's own descriptor. (The
        // compiler lists the package's placeholder for the same ID too.)
        var runs = sarif.RootElement.GetProperty("runs").EnumerateArray().ToList();
        var run = runs.Single(r => r.TryGetProperty("results", out var rs) && rs.EnumerateArray().Any(x => x.GetProperty("ruleId").GetString() == "CASE100"));
        var custom = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "CASE100").ToList();
        Assert.Single(custom);
        Assert.StartsWith("[SJP-TVA-SPECIALISTER] 'RejectionReview.Approve' approves a rejection", custom[0].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var properties = custom[0].GetProperty("properties").GetProperty("customProperties");
        Assert.Equal("SJP-TVA-SPECIALISTER", properties.GetProperty("RuleName").GetString());
        Assert.Equal("SJP-TVA-SPECIALISTER", properties.GetProperty("Guideline").GetString());
        Assert.Equal("mustDiffer", properties.GetProperty("Kind").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[custom[0].GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("CASE100", rule.GetProperty("id").GetString());
        Assert.Equal("Rejection reviewed by one specialist", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Contains("guideline:SJP-TVA-SPECIALISTER", rule.GetRawText(), StringComparison.Ordinal);
    }

    private static string? FirstUri(JsonElement result) =>
        result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
        && locations[0].TryGetProperty("physicalLocation", out var physical)
        && physical.TryGetProperty("artifactLocation", out var artifact)
        && artifact.TryGetProperty("uri", out var uri)
            ? uri.GetString()
            : null;
}
