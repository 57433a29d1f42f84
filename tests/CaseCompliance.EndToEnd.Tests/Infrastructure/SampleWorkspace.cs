using System.Text.RegularExpressions;

namespace CaseCompliance.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh copy of the repo's <c>samples/</c> folder (with <c>eng/Version.props</c> and <c>global.json</c>, in the
/// same layout) in the run's temp folder, with a <c>nuget.config</c> that adds the run's feed. The machine's own
/// package sources stay in effect (no &lt;clear/&gt;).
/// </summary>
internal sealed partial class SampleWorkspace
{
    private static int counter;

    private readonly PackedPackageFixture package;

    private SampleWorkspace(PackedPackageFixture package, string root)
    {
        this.package = package;
        Root = root;
    }

    public string Root { get; }

    public string SickPayDirectory => Path.Combine(Root, "samples", "SickPay");

    public string SickPayProject => Path.Combine(SickPayDirectory, "SickPay.csproj");

    /// <summary>The unannotated legacy support system, brought under the rules by the samples' rules file alone.</summary>
    public string SupportDirectory => Path.Combine(Root, "samples", "Legacy", "Support");

    public string SupportProject => Path.Combine(SupportDirectory, "Support.csproj");

    /// <summary>The rules file at the samples root, which covers every sample project.</summary>
    public string RulesFile => Path.Combine(Root, "samples", "casecompliance.json");

    public static SampleWorkspace Create(PackedPackageFixture package, string name)
    {
        var root = Path.Combine(package.WorkRoot, $"{name}-{Interlocked.Increment(ref counter)}");
        CopyDirectory(RepositoryLayout.Samples, Path.Combine(root, "samples"));
        Directory.CreateDirectory(Path.Combine(root, "eng"));
        File.Copy(RepositoryLayout.VersionProps, Path.Combine(root, "eng", "Version.props"));
        var globalJson = Path.Combine(RepositoryLayout.Root, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(root, "global.json"));
        }

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="casecompliance-e2e" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        return new SampleWorkspace(package, root);
    }

    /// <summary><c>dotnet build</c> of the SickPay sample against the run's package, with extra arguments.</summary>
    public Task<CommandResult> BuildAsync(params string[] extraArguments) => BuildProjectAsync(SickPayProject, extraArguments);

    /// <summary><c>dotnet build</c> of a sample project against the run's package, with extra arguments.</summary>
    public Task<CommandResult> BuildProjectAsync(string project, params string[] extraArguments) => DotNetAsync(
        ["build", project, $"-p:CaseCompliancePackageVersion={package.Version}", "-nodeReuse:false", "-tl:off", "-clp:NoSummary", .. extraArguments]);

    /// <summary>Runs <c>dotnet</c> in the workspace with the isolated package folder (and any extra environment).</summary>
    public Task<CommandResult> DotNetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var merged = new Dictionary<string, string>(package.SampleEnvironment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return DotNetCli.RunAsync(Root, arguments, merged);
    }

    /// <summary>The diagnostics in build output, once each (MSBuild repeats them in its summary), files relative to the SickPay project.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics(CommandResult result) => Diagnostics(result, SickPayDirectory);

    /// <summary>The diagnostics in build output, once each, files relative to <paramref name="projectDirectory"/>.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics(CommandResult result, string projectDirectory) =>
        DiagnosticLine().Matches(result.Output)
            .Select(m => new BuildDiagnostic(
                m.Groups["id"].Value,
                m.Groups["severity"].Value,
                RelativeFile(m.Groups["file"].Value.Trim(), projectDirectory),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>A file's path relative to a project, with '/' separators.</summary>
    private static string RelativeFile(string file, string projectDirectory) =>
        (Path.IsPathRooted(file) ? Path.GetRelativePath(projectDirectory, file) : file).Replace('\\', '/');

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or ".vs")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }

    // "path/File.cs(12,34): warning CASE001: message [project]" and "path/File.cs(12,34,12,40): error CS0103: ...".
    [GeneratedRegex(@"^\s*(?<file>[^\r\n]+?)\((?<line>\d+),\d+(?:,\d+,\d+)?\):\s+(?<severity>warning|error)\s+(?<id>[A-Za-z]+\d+)\s*:", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>One diagnostic as the build printed it: ID, severity, file relative to the sample project, line.</summary>
internal sealed record BuildDiagnostic(string Id, string Severity, string File, int Line)
{
    public Finding Finding => new(Id, File, Line);

    public override string ToString() => $"{Severity} {Id} {File}:{Line}";
}

/// <summary>A documented finding: rule ID, file relative to the sample project, line.</summary>
public sealed record Finding(string Id, string File, int Line)
{
    public override string ToString() => $"{Id} {File}:{Line}";
}
