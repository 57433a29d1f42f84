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
        Assert.DoesNotContain(errors, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
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
    }

    private static string? FirstUri(JsonElement result) =>
        result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
        && locations[0].TryGetProperty("physicalLocation", out var physical)
        && physical.TryGetProperty("artifactLocation", out var artifact)
        && artifact.TryGetProperty("uri", out var uri)
            ? uri.GetString()
            : null;
}
